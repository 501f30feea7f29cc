"""Stage "eventwire_modality": is an event asserted, negated, hypothetical or future?

Reads ``doc._.ew_events`` and rewrites them in place: adds the auxiliary
PLOVER modes ``negation``, ``hypothetical`` and ``future`` from cue rules
(``data/modality/cues.tsv``, ConText style), drops events that are only the
condition of another clause ("if China attacks Taiwan" asserts no attack),
and re-codes hypothetical or announced material conflict as THREATEN: "Japan
could intervene militarily" is at most a threat, never an assault.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from eventwire.drafts import set_roles
from eventwire.evaluations import COPULAS
from eventwire.extensions import register
from eventwire.kb.ontology import JOINT_TYPES, load_ontology
from eventwire.kb.patterns import inflected_stems, load_lexicon
from eventwire.kb.tables import read_tsv
from eventwire.participants import (
    absolute_participle,
    agent,
    causative_participle,
    clause_verb,
    document_nouns,
    first_conjunct,
    has_to_marker,
    is_infinitive_complement,
    means_verb,
    mention_index,
    mentions_under,
    own_state,
    relative_antecedent,
    reporting_subject,
    reporting_verbs,
    subject,
)

# Tags of a finite auxiliary ("have", "has", "had", "will").
FINITE_AUX_TAGS = frozenset({"VBP", "VBZ", "VBD", "MD"})
# Categories of a verb of aim or plan ("preparing", "sought"), whose complement is still to
# come but whose participles and means are done.
AIM_CATEGORIES = frozenset({"future", "hypothetical", "intent"})
# Relations of an -ing form used as a noun, never a progressive.
GERUND_DEPS = frozenset({"pcomp", "pobj", "csubj", "nsubj", "dobj"})
# Dependency labels through which a verb's modality reaches the event it completes.
CARRIER_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl", "attr", "acomp", "conj", "pcomp",
                          "pobj", "prep", "dobj", "csubj"})
# Child relations whose words are cues ("could", "not", "if", "never", "any", "potential").
CUE_RELATIONS = frozenset({"aux", "neg", "mark", "advmod", "det", "amod", "nsubj",
                           "nsubjpass"})
MAX_CLIMB = 4
# Cue categories of conjunctions of time; a present-tense verb after a pending one is only
# a condition.
TIME_CUES = frozenset({"temporal", "pending"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Words ranking a doer among others ("the first leader to visit", "the only country to
# vote against"): its infinitive was done.
RANKING_WORDS = frozenset({"first", "second", "third", "last", "only", "next", "latest"})
# Dependencies of a verb's time phrases ("next week", "on Monday", "tomorrow").
TIME_PHRASE_DEPS = frozenset({"npadvmod", "advmod", "prep"})
PAST_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "did"})
# Conjunctions after which a second conjunct keeps its own modality.
CONTRAST_CONJUNCTIONS = frozenset({"but", "yet"})
# Material conflict that is only possible or announced is a threat ("could intervene",
# "will boycott the elections unless ...").
# Prepositions that name what a verb of warning warns of ("warned *against* an assault").
WARNED_PREPS = frozenset({"against", "of"})
THREAT_RECODED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST"})
THREAT_CAMEO = "130"
# Sectors of a state whose announced restrictions are measures, not threats.
MEASURE_SECTORS = frozenset({"GOV", "LEG", "MIL", "COP"})
# Categories that make a possible act someone's threat, not only a possibility.
THREAT_MODES = frozenset({"hypothetical", "future", "intent"})
# PLOVER: future-tense cooperation is a promise ("will visit") -> AGREE; a future concession
# ("would ease restrictions") stays a concession, and an announced retreat ("will withdraw its
# troops") is one (PLOVER manual, CONCEDE), keeping CAMEO 0356, an intent to de-escalate,
# which the dictionary also gives agreements to a ceasefire (AGREE).
PROMISE_RECODED = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"})
ANNOUNCED_RETREAT_CAMEO = "0356"
ANNOUNCED_RETREAT_TYPE = "CONCEDE"
# Retreats whose announcement is still a promise, not a concession (CAMEO prefixes): a
# resignation (0831), a truce to be signed (0871: "are bound to sign a truce", an agreement
# promised), a return or release (084: "the rebels said they will release the prime
# minister", as the PLOVER gold codes it).
PROMISED_RETREAT_CAMEO = ("0831", "0871", "084")
# A stated readiness to concede is an offer, a promise made ("said he is prepared to lift the
# ban", as the PLOVER gold codes it), though a concession only announced stays one.
READINESS_RECODED = PROMISE_RECODED | {"CONCEDE"}
PROMISE_CAMEO = "030"
# "will not accept", "would not meet": refusing to cooperate is PLOVER REJECT.
REFUSAL_RECODED = PROMISE_RECODED | {"AGREE", "CONCEDE"}
REFUSAL_CAMEO = "120"
# "failed to reach agreement", "did not agree": an agreement that did not happen is a
# rejection, as the PLOVER gold codes it.
NEGATED_REFUSALS = frozenset({"AGREE"})
DEMAND_CAMEO = "100"
# Pronouns by which a speaker names its own side.
FIRST_PERSON = frozenset({"we", "us", "i", "me"})
# Outcomes an attempt has not reached yet ("were trying to reach agreement"); an attempt at
# force or repression is that act ("tried to storm the base").
UNREACHED_BY_ATTEMPT = frozenset({"AGREE"})
# Categories that already say an act is not (yet) done.
UNCERTAIN = frozenset({"hypothetical", "future", "intent", "imagined", "obligation", "negation",
                       "asked"})
# Types whose trigger phrase may say "no" as part of what they are ("saw no need to").
NEGATIVE_TYPES = frozenset({"REJECT"})
UNCERTAIN_PENALTY = 0.05
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
INDEFINITE_DETERMINERS = frozenset({"a", "an", "any"})
# Prepositions through which an advocated act is reached ("support *for* attacking Assad");
# others name a means or a scene ("supported the offensive *with* shelling").
ADVOCATED_PREPS = frozenset({"for", "of"})
# Relations of what an advocating word governs as the act it backs ("backs *intervention*",
# "urged to *strike*", "support *for* strikes").
ADVOCATED_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep"})
# Governor cue categories that also reach a clause the verb governs ("imagined jets bombing").
MIND_CATEGORIES = frozenset({"imagined"})


@lru_cache(maxsize=1)
def load_cues() -> dict[tuple[str, str], str]:
    """(relation, literal) -> category, from the packaged cue table."""
    rows = read_tsv("modality", "cues.tsv")
    return {(r["relation"], r["literal"]): r["category"] for r in rows}


def obligation_cues() -> tuple[frozenset[str], frozenset[str]]:
    """Auxiliaries ("must", "should") and governing verbs ("need") that make a clause an
    obligation."""
    cues = load_cues().items()
    return (frozenset(lit for (rel, lit), cat in cues if rel == "aux" and cat == "obligation"),
            frozenset(lit for (rel, lit), cat in cues
                      if rel == "governor" and cat == "obligation"))


@lru_cache(maxsize=1)
def occurrence_phrases() -> frozenset[str]:
    """Verbs that only say that their subject, an event noun, happens ("clashes erupted")."""
    return frozenset(lit for (rel, lit), cat in load_cues().items()
                     if rel == "occurrence" and cat == "occurs")


@lru_cache(maxsize=1)
def reaction_verbs() -> frozenset[str]:
    """Verbs that react to an act someone did ("condemned the attack", "could not confirm the
    lockdown"): the act is asserted, and whoever reacts did not do it."""
    return frozenset(lit for (rel, lit), cat in load_cues().items()
                     if rel == "reaction" and cat == "asserted")


def condition_marks() -> frozenset[str]:
    """Conjunctions that make a clause a condition ("if", "unless")."""
    return frozenset(lit for (rel, lit), cat in load_cues().items()
                     if rel == "mark" and cat == "condition")


@Language.factory(
    "eventwire_modality",
    requires=["doc._.ew_events", "doc._.ew_mentions", "token.dep", "token.lemma"],
    assigns=["doc._.ew_events"],
    default_config={},
)
def make_modality(nlp: Language, name: str) -> Modality:
    return Modality(name)


class Modality(Pipe):
    """Applies the cue rules to every event of a Doc."""

    def __init__(self, name: str) -> None:
        register()
        self.name = name
        self.cues = load_cues()
        self.ontology = load_ontology()
        self.party_tokens: frozenset[int] = frozenset()  # of the Doc in hand (apply)

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.ew_events = self.apply(doc)
        except Exception as err:  # noqa: BLE001 - handed to the pipeline's handler
            self.get_error_handler()(self.name, self, [doc], err)
        return doc

    def apply(self, doc: Doc) -> list[dict[str, Any]]:
        """The Doc's events with modality added; conditions removed;
        hypothetical or future conflict becomes a threat, future cooperation a promise."""
        kept = []
        # tokens of the Doc's parties, read once ("forces fighting Isis": _ongoing_description)
        self.party_tokens = frozenset(t for m in doc._.ew_mentions or []
                                      for t in range(m["start"], m["end"]))
        for event in doc._.ew_events or []:
            if event.get("sense") == "imperative":
                # "\"Don't overburden Iraq,\" Salih told Trump": the order was given; what it
                # asks for is not done, and its "don't" negates that, not the demand
                kept.append(event)
                continue
            start, end = event["trigger"][:2]
            own = self.categories(doc[start])
            if event["event"] not in NEGATIVE_TYPES:  # "saw no need": the refusal's own "no"
                own |= self._object_denied(doc[start])
            found = own | self.phrase_cues(doc, range(start + 1, end))
            # no one's promise or threat: an aim stated ("were intended to provide
            # reassurance", "would build a border force to patrol the frontiers")
            purposed = "purpose" in found or self._purposed(doc[start])
            found.discard("purpose")
            if "decided" in found and event["event"] == "RETREAT" and \
                    not found & {"negation", "hypothetical"} and \
                    not event["cameo"].startswith(PROMISED_RETREAT_CAMEO):
                # "Trump's decision to withdraw troops": a retreat announced, conceded
                found.add("future")
            found.discard("decided")
            if "striving" in found and event["event"] in UNREACHED_BY_ATTEMPT:
                found.add("hypothetical")  # "trying to reach a deal": none reached yet
            found.discard("striving")
            if found & {"condition", "alleged", "advocated", "capacity", "generic"} or \
                    self._no_act(doc[start]) or self._counterfactual(doc[start]) or \
                    _asked(doc[start]):
                continue
            if found & {"imagined", "asked"} and event["event"] in THREAT_RECODED:
                # "I hope the US attacks would target the air bases", "Iran encouraged attacks
                # on US bases": nobody threatens
                continue
            if found & {"hypothetical", "future"} and event["event"] in THREAT_RECODED and \
                    _text_subject(doc[start]):
                continue  # "the proposal would ban imports": what a text would do threatens no one
            if found & {"hypothetical", "future"} and event["event"] in THREAT_RECODED and \
                    not event["actor"] and not _has_doer(doc[start]):
                # "concerns over possible strikes against Syria", "Syria will be crushed":
                # a feared act that nobody is said to do threatens no one
                continue
            if event["event"] in NEGATIVE_TYPES and "negation" not in own:
                # "saw *no* need to shut the borders": the phrase's own "no" is the refusal
                found.discard("negation")
            # "is willing to withdraw": the withdrawal is not done, but the stated readiness
            # is: a promise (or a threat) that was made.
            stated = "intent" in found and "hypothetical" not in found
            if found & {"intent", "imagined", "asked"}:
                found.add("hypothetical")
            for category in ("negation", "hypothetical", "future"):
                if category in found and category not in event["mode"]:
                    event["mode"].append(category)
            if "obligation" in found:
                if "hypothetical" not in found:
                    # "said the government *may* need to call on the EU": a need only
                    # supposed demands nothing; it stays hypothetical
                    self._obligation(doc, event)
            elif found & {"hypothetical", "future"} and event["event"] in THREAT_RECODED and \
                    not purposed and not ("future" not in found and _past(doc[start])) and \
                    not (found & THREAT_MODES == {"hypothetical"} and self._supposed(doc, event)) \
                    and not self._announced_measure(doc, event, found):
                # "it is possible that Russia attacked the convoy": a past act supposed is
                # no threat; it stays the act, hypothetical
                self._recode(event, THREAT_CAMEO)
            elif "future" in found and "hypothetical" not in found and not purposed and \
                    event["event"] in PROMISE_RECODED or \
                    "intent" in found and event["event"] in READINESS_RECODED:
                # "will visit" promises; "can be expected to abandon the fight" and "might
                # visit" promise nothing; "will withdraw" concedes
                retreat = event["event"] == "RETREAT" and "intent" not in found and \
                    not event["cameo"].startswith(PROMISED_RETREAT_CAMEO)
                if retreat:
                    self._recode(event, ANNOUNCED_RETREAT_CAMEO, ANNOUNCED_RETREAT_TYPE)
                else:
                    self._recode(event, PROMISE_CAMEO)
            if ({"negation", "future"} <= found and event["event"] in REFUSAL_RECODED or
                    "negation" in found and event["event"] in NEGATED_REFUSALS) and \
                    doc[start].dep_ != "acl" and "imagined" not in found and \
                    not self._still_to(doc[start]):
                # ("Turkey is yet to offer a safe haven": not done so far, no refusal made)
                # (a wish denied is guessed at, no refusal made: "Putin will not wish to
                # abandon Syria's Kurds")
                # "troops not invited into Syria": a participle describing a party says what
                # did not happen to it, no refusal made
                joint = event["event"] in JOINT_TYPES
                self._recode(event, REFUSAL_CAMEO)
                # the refusal was made: its "not" is what it is, and no negation of it
                event["mode"] = [m for m in event["mode"] if m != "negation"]
                if joint:
                    self._partners_refused(doc, event)
            if stated and event["event"] in ("AGREE", "THREATEN") and "act" in event:
                event["mode"] = [m for m in event["mode"] if m != "hypothetical"]
            if not found & UNCERTAIN - {"future"} and purposed:
                # "went to Syria to fight Isis", "is in Syria to defeat Isis": an aim, not yet
                # done, and no threat made to anyone.
                event["mode"].append("hypothetical")
                found.add("hypothetical")
            if found & {"hypothetical", "future"}:
                event["confidence"] = round(max(event["confidence"] - UNCERTAIN_PENALTY, 0.05), 2)
            kept.append(event)
        return kept

    def _partners_refused(self, doc: Doc, event: dict[str, Any]) -> None:
        """A meeting or deal refused is refused to the partners it would have had: "would
        not participate in peace talks *with politicians*" rejects the politicians, who
        did not act with the subject."""
        subj, passive = subject(doc[event["trigger"][0]])
        if subj is None or passive:
            return
        own = set(mentions_under(subj, mention_index(doc)))
        partners = [a for a in event["actor"] if a not in own]
        if own & set(event["actor"]) and partners:
            set_roles(event, self.name, "partners_refused",
                      actor=[a for a in event["actor"] if a in own],
                      recipient=[*event["recipient"], *partners])

    def _still_to(self, verb: Token) -> bool:
        """Whether an infinitive is what is "yet to" be done ("has *yet* to attack")."""
        holder = verb.head
        return verb.dep_ == "xcomp" and holder.lemma_ in ("have", "be") and any(
            c.dep_ == "advmod" and self.cues.get(("still_to", c.lower_)) == "negation"
            for c in holder.children)

    def _scheduled(self, verb: Token) -> bool:
        """A present-tense verb with a time phrase ahead ("travels to Washington *next
        week*", "talks resume *tomorrow*", "meets him *on Monday next*"): a timetable."""
        if verb.tag_ not in PRESENT_TAGS:
            return False
        return any(self.cues.get(("scheduled", word.lower_)) == "future"
                   for phrase in verb.children if phrase.dep_ in TIME_PHRASE_DEPS
                   for word in phrase.subtree)

    def _supposed_consequence(self, verb: Token) -> set[str]:
        """The modal of a verb of consequence whose clause the climb reached: "it *could*
        mean foreign fighters are released", "that *would* mean troops withdraw" suppose
        the release and the withdrawal."""
        if self.cues.get(("consequence", verb.lemma_.lower())) is None:
            return set()
        return {category for c in verb.children if c.dep_ == "aux" and
                (category := self.cues.get(("aux", c.lower_))) == "hypothetical"}

    def phrase_cues(self, doc: Doc, rest: range) -> set[str]:
        """Cue categories the other words of a phrase trigger add ("made *no* appeal")."""
        found: set[str] = set()
        for i in rest:
            for child in doc[i].children:
                category = self.cues.get((child.dep_, child.lower_))
                if child.dep_ in CUE_RELATIONS and category and category != "condition":
                    found.add(category)
        return found

    def categories(self, trigger: Token) -> set[str]:
        """Cue categories that apply to a trigger, climbing to the verbs it completes."""
        found: set[str] = set()
        if _misparsed_condition(trigger):
            found.add("condition")  # "if the Turks attack, then ...": a verb read as a noun
        if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "obj") and \
                self.cues.get(("facing", trigger.head.lemma_.lower())) and \
                self.cues.get(("faced", trigger.lemma_.lower())) == "future":
            found.add("future")  # "Rojava faces invasion", "faces extradition": still to come
        if trigger.pos_ == "NOUN" and (self._crime_named(trigger) or self._law_named(trigger)):
            found.add("alleged")  # "on trial for sexual assault": an offence named, no act
        if trigger.pos_ == "NOUN" and self._case_of(trigger) or \
                self._in_case(first_conjunct(trigger)) or \
                _proviso(trigger):
            # "in the event of an assault", "in case Isis raided the house", "as long as they
            # do not use chemical weapons": only a condition
            found.add("condition")
        category = self.cues.get(("sentence", _last_mark(trigger)))
        if category and _in_question(trigger):  # "will Russia hit back?": asserts nothing
            found.add(category)
        clause = trigger.head
        if (trigger.dep_ == "pcomp" and trigger.tag_ == "VBG" or
                trigger.dep_ == "pobj" and trigger.pos_ == "NOUN") and \
                self.cues.get(("topic_prep", clause.lower_)) == "negation":
            # "made the decision *without* consulting parliament", "returned *without* the
            # permission of the courts"
            found.add("negation")
        if trigger.dep_ == "xcomp" and trigger.head.pos_ == "ADJ" and not any(
                c.dep_ in ("dobj", "obj") for c in trigger.children) and \
                (category := self.cues.get(("tough", trigger.head.lemma_.lower()))):
            # "the forces are difficult to suppress": the subject undergoes an act judged
            # hard or easy; nobody does it
            found.add(category)
        if trigger.pos_ == "NOUN" and any(
                c.dep_ in ("predet", "amod") and self.cues.get(("kind", c.lower_))
                for c in trigger.children):
            # "scepticism about *such* an attack", "perpetrators of such attacks": a kind
            # of act; a verb's object keeps its verb's mode ("launched just such an attack")
            found.add("generic")
        if _headline_infinitive(trigger):
            found.add("future")  # "Malaysian king to meet all lawmakers": still to come
        if trigger.dep_ == "nsubj" and clause.lemma_ in COPULAS:
            # "renewed fighting is a *possibility*", "a clash was *unlikely*": the predicate
            # says it may happen
            found.update(category for c in clause.children if c.dep_ in ("attr", "acomp") and
                         (category := self.cues.get(("predicate", c.lemma_.lower()))))
            if not _definite(trigger):
                # "military intervention is *necessary*": called for, not done
                found.update(category for c in clause.children if c.dep_ == "acomp" and
                             (category := self.cues.get(("needed", c.lemma_.lower()))))
        if trigger.pos_ == "NOUN" and (trigger.dep_ == "nsubjpass" or trigger.dep_ == "nsubj"
                                       and clause.lemma_ in COPULAS) and \
                self._governor(clause) == "future":
            # "talks are expected in Geneva this week", "a meeting is *due* next week": still
            # to come
            found.add("future")
        # "an attack may not take place", "if there is an attack": the verb only says
        # whether the event noun happens.
        occurrence = trigger.pos_ == "NOUN" and (
            trigger.dep_ == "nsubj" and
            not occurrence_phrases().isdisjoint(_verb_phrases(clause)) or
            _existential(trigger))
        if self._scheduled(clause if occurrence else trigger):
            found.add("future")  # "Sarney travels to Washington next week", "talks resume
            # tomorrow"
        if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and not occurrence:
            # "a total withdrawal would restore Assad", "warned that an assault would lead to
            # a catastrophe": the act is a supposition, whoever reports it
            found.update(category for c in clause.children if c.dep_ == "aux" and (
                category := self.cues.get(("premise", c.lower_)) or
                (None if _definite(trigger) else
                 self.cues.get(("premise_indefinite", c.lower_)))))
        if trigger.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp" and \
                self._governor(clause.head) in MIND_CATEGORIES:
            # "hoped military intervention would halt the slaughter": the act a hoped-for
            # clause is about is hoped for too
            found.add("imagined")
        if occurrence:
            # "there were *no* clashes": the noun's own determiner still denies it
            found.update(category for c in trigger.children if c.dep_ == "det" and
                         (category := self.cues.get(("det", c.lower_))))
        token = clause if occurrence else trigger
        own_clause = True  # the trigger's clause, one its infinitive completes or its conjunct
        negatable = True  # no participle clause passed ("refused to meet him, leaving ...")
        # No adverbial clause passed: "fears a plunge *as the government ordered* a clampdown"
        # does not fear the clampdown.
        governed = True
        # the token the climb reached ``token`` from, and by which relation (its dep): a
        # conjunct's head governs nothing
        came_from = trigger
        through_noun = False  # the climb passed a noun ("the decision *to withdraw*")
        for step in range(MAX_CLIMB):
            if step > 0 and (trigger.pos_ == "NOUN" or through_noun) and \
                    token.pos_ in ("VERB", "AUX") and \
                    self.cues.get(("reaction", token.lemma_.lower())) == "asserted":
                # "will condemn the bombing": the bombing the verb reacts to was done; "did
                # not address Trump's decision to withdraw": the decision was made
                break
            if step > 0 and trigger.pos_ == "NOUN" and token.pos_ in ("VERB", "NOUN") and \
                    self.cues.get(("stance", token.lemma_.lower())) == "asserted" and \
                    _definite(trigger):
                # "refused to back the US-led invasion", "support for Trump's withdrawal":
                # the act took place
                break
            if own_clause and token.dep_ == "relcl" and token.head.dep_ == "npadvmod" and \
                    self.cues.get(("time_noun", token.head.lemma_.lower())) == "pending" and \
                    _present(token):
                found.add("condition")  # "the moment those forces are withdrawn, ..."
            if token.dep_ in ("relcl", "acl") and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in token.head.children) and \
                    self.cues.get(("denied_relative", token.head.lemma_.lower())) == "negation":
                found.add("negation")  # "there was *no way* Isis was going to fight"
            for child in token.children:
                relation = child.dep_ if child.dep_ in CUE_RELATIONS else ""
                category = self.cues.get((relation, child.lower_))
                if relation == "advmod" and category is None and any(
                        g.dep_ == "neg" and g.lower_ == "no" for g in child.children):
                    # "*no longer* pose a threat"; "not too long after" is a time, no negation
                    category = "negation"
                if relation == "advmod" and category is None and own_clause and \
                        token.tag_ in PRESENT_TAGS:
                    # "they *always* complain when something goes wrong": a habit in the
                    # simple present tells no act
                    category = self.cues.get(("habitual", child.lower_))
                if relation == "advmod" and category is None and step > 0 and governed and \
                        trigger.pos_ in ("VERB", "AUX"):
                    # "was *mistakenly* thought to be killed": the belief above the act was
                    # wrong; on the act's own verb the adverb says how it was done, and an
                    # act named by a noun is the scene ("killed in a US-led bombing")
                    category = self.cues.get(("mistaken", child.lower_))
                if relation == "advmod" and category is not None and any(
                        c.dep_ == "mark" and child.i < c.i < token.i for c in token.children):
                    # "*Perhaps* counterintuitively as authorities have imposed rules, sales
                    # were up": an adverb before the clause's "as" is the main clause's
                    category = None
                if relation in ("nsubj", "nsubjpass") and category is None:
                    # "*no one* has attacked", "*no country* recognised", "no one *who met*
                    # him": a subject the determiner denies; a relative pronoun's is its noun's
                    category = next((self.cues.get(("subject_det", d.lower_))
                                     for d in relative_antecedent(child).children
                                     if d.dep_ in ("det", "preconj")), None)
                if child.dep_ == "prep" and category is None:
                    # "will *in no way* allow", "*under no circumstances* will it attack"
                    category = next((self.cues.get(("no_phrase", o.lemma_.lower()))
                                     for o in child.children if o.dep_ == "pobj" and any(
                                         d.dep_ == "det" and d.lower_ == "no"
                                         for d in o.children)), None)
                if relation == "aux" and own_clause and self._reported_unconditionally(token):
                    category = self.cues.get(("reported", child.lower_), category)
                # A condition only binds the clause it introduces, with the infinitives
                # that complete it ("if China decides to attack").
                if category == "pending" and child.dep_ == "mark":
                    # "until Turkey recognises", "until the troops are withdrawn": a
                    # present-tense clause it opens is pending; so is a past one that a
                    # reported future backshifts ("said it would not release them until
                    # Israel had withdrawn")
                    category = "condition" if _present(token) or any(
                        self.cues.get(("backshifting_aux", c.lower_)) for c in token.head.children
                        if c.dep_ == "aux") else None
                if category == "condition" and _then_clause(token, child):
                    # "if the Turks attack, then the Kurds will withdraw": the parser hung the
                    # condition's "if" on the clause "then" opens, which is its consequence
                    category = None
                if category and not (category == "condition" and not own_clause) and \
                        (negatable or category != "negation"):
                    found.add(category)
            if token.dep_ == "prep" and token.lower_ in WARNED_PREPS and (category := self.cues.get(
                    ("warned_of", token.head.lemma_.lower()))):
                found.add(category)  # "warned against an assault on Idlib": none made yet
            if token.dep_ == "prep" and token.lower_ == "for" and (category := next((
                    cue for holder in (token.head, *(c for c in token.head.children
                                                     if c.dep_ in ("dobj", "obj")))
                    if (cue := self.cues.get(("readied_for", holder.lemma_.lower())))),
                    None)):
                # "preparations for an offensive", "made preparations for an offensive" (the
                # parser hangs the "for" on the light verb): it is still to come
                found.add(category)
            if step > 0 and came_from.dep_ in ("dobj", "obj") and token.pos_ == "VERB" and \
                    token.tag_ not in ("VBD", "VBN") and \
                    not any(c.dep_ == "neg" for c in token.children) and \
                    (category := self.cues.get(("arranged", token.lemma_.lower()))):
                # "working to organise a summit": still to come ("was not organising a
                # summit" only denies it)
                found.add(category)
            if step > 0 and self._still_to(came_from):
                found.add("negation")  # "the army has yet to attack the town": not done
            if step > 0 and came_from.tag_ == "VBG" and came_from.dep_ == "xcomp" and \
                    token.pos_ == "VERB" and \
                    self.cues.get(("stopped", token.lemma_.lower())) == "negation":
                found.add("negation")  # "stopped flying to China": no longer done
            if step > 0 and governed and (came_from.dep_ != "conj" or came_from.pos_ == "ADP") \
                    and not (came_from.dep_ == "acomp" and token.lemma_ == "be") and \
                    not (self._scene(came_from) and token.pos_ in ("VERB", "AUX") and
                         any(c.dep_ == "pobj" for c in came_from.children)):
                # (a scene is not what the verb governs: "*in a telephone call*, Merkel urged
                # Putin to act": the call took place, nothing asked of it)
                # (a copula's own adjective is the trigger: "he is *opposed* to it")
                # "has been threatening the Kurds, and in 2018 invaded Afrin": the invasion is
                # coordinated with the threats, not threatened; a preposition coordinated with
                # the verb's own is a misparse of its phrases ("accused of corruption *and of*
                # repressing the opposition": both are accused)
                category = self._governor(token)
                if category in AIM_CATEGORIES and came_from.dep_ == "advcl" and \
                        came_from.tag_ == "VBG" and \
                        not any(c.dep_ == "mark" for c in came_from.children) or \
                        category != "alleged" and came_from.dep_ == "prep" and \
                        came_from.lower_ == "by":
                    # "were preparing for their last stand, ..., *capturing* all before
                    # them", "*by arming* militants, Tehran has sought to push back Isis": a
                    # participle beside a verb of aim or plan, or the means by which the aim
                    # was pursued, is done, not aimed at (what is accused stays accused)
                    category = None
                if category == "negation" and self.cues.get(
                        ("attempted", trigger.lemma_.lower())) == "asserted":
                    category = None  # "failed to persuade Russia": Russia was asked
                if means_verb(came_from) is not None:
                    category = None  # "seized the *opportunity* to attack": it attacked
                if category == "decided" and came_from.dep_ == "prep" and came_from.lower_ == "to":
                    category = None  # "compared the move *to* Obama's withdrawal": no decision
                if category == "ability":
                    # "Turkey will be able to attack": a capacity, no act; "was able to seize
                    # the town" seized it
                    category = None if _past(token.head if token.dep_ == "acomp" else token) \
                        else "capacity"
                if came_from.dep_ == "xcomp" and self.cues.get(("purpose", token.lemma_.lower())) \
                        and (any(c.dep_ == "auxpass" for c in token.children) or
                             token.dep_ == "acl" and token.tag_ == "VBN"):
                    # "were intended to provide reassurance", "talks designed to end the war":
                    # an aim
                    category = "purpose"
                if category == "advocated" and (
                        through_noun or came_from.dep_ not in ADVOCATED_DEPS or
                        came_from.dep_ == "prep" and came_from.lower_ not in ADVOCATED_PREPS):
                    # only what is backed is advocated: "supports the rebels *fighting* Isis",
                    # "supported the offensive *with shelling*", "backed the Taliban,
                    # *providing* aid": they fight, it shelled, it provided
                    category = None
                if category == "generic" and (_definite(trigger) or not (
                        came_from.dep_ in ("acl", "relcl") and _infinitive(came_from) or
                        came_from.lower_ == "of")):
                    # "the history of the attack on the embassy": one act; "paved the way
                    # for talks": the talks are to come, not a kind of act
                    category = None
                if category and (negatable or category != "negation") and \
                        (category != "alleged" or trigger.pos_ == "VERB"):
                    found.add(category)
                if trigger.pos_ == "VERB" and self._dismissed(token):
                    found.add("alleged")  # "reports that Iran would attack were propaganda"
            if token.dep_ == "ccomp" and governed:
                # A clause a verb of mind governs ("imagined jets bombing the camp") is not
                # asserted, nor one an accusation or denial is about ("denied that it had
                # attacked"), nor one a copula's adjective judges ("it is important that the
                # US reduce", "it is likely that"), nor one a hypothetical governor supposes
                # or proposes, unless told in the past ("it appears that Saudi Arabia will
                # allocate", not "reports suggest the pair were seized"), nor one a verb of
                # letting governs ("a bill to let the US retaliate"); other reported clauses
                # keep their own mode.
                category = self._governor(token.head) or \
                    self.cues.get(("believed", token.head.lemma_.lower()))
                if category == "imagined" and token.head.lemma_ == "be" and _past(token):
                    category = None  # "it is unclear who attacked the convoy": it was done
                if category in MIND_CATEGORIES or category == "alleged" and \
                        trigger.pos_ == "VERB" or category and token.head.lemma_ == "be" or \
                        category in ("hypothetical", "asked") and not _past(token) or \
                        category == "capacity":
                    found.add(category)
                elif category == "future":
                    # "Washington expects Tehran to release the sailors": another party's act
                    # foreseen, neither done nor promised by it
                    found.add("hypothetical")
                if trigger.pos_ == "VERB" and self._dismissed(token.head):
                    found.add("alleged")  # "reports that jets had bombed the market were false"
                found |= self._supposed_consequence(token.head)
            if token.dep_ not in CARRIER_DEPS and not causative_participle(token) or \
                    token.head.i == token.i or \
                    _told_relative(token) or \
                    trigger.pos_ == "NOUN" and token.pos_ == "ADJ" and \
                    self._governor(token) is None or \
                    self._asserted_clause(token) or _contrasted(token) or \
                    self._done_before(token) or _described(token) or \
                    self._ongoing_description(token) or \
                    absolute_participle(token) or self._presupposed(token):
                # ("*with Isis crushed*, they will meet": a state reached, told on its own)
                break
            # "if France stays in Syria *to protect* the Kurds": a purpose infinitive is part
            # of its clause, and of the condition that clause is
            # "whether they will be *willing* to lift sanctions": a copula's adjective too
            # "even if the Senate goes along *in postponing* the aid": a gerund in a phrase of
            # the verb is part of its clause, and of the condition that clause is
            own_clause = own_clause and (token.dep_ in ("xcomp", "conj", "acomp") or
                                         token.dep_ == "advcl" and _infinitive(token) or
                                         token.dep_ == "pcomp" and token.tag_ == "VBG" or
                                         token.dep_ == "prep" and came_from.dep_ == "pcomp")
            # What a participle clause adds happened even if the act it hangs on did not.
            negatable = negatable and not (token.dep_ == "advcl" and token.tag_ == "VBG") \
                and token.dep_ != "relcl" and not self._scene(token) \
                and not (token.dep_ == "conj" and (
                    not _coordinated(token) or self._asserts_alone(token)))
            # "since 2014, when it was ousted": told on its own; "did not help us in this
            # battle": the battle is no less fought
            through_noun = through_noun or step > 0 and token.pos_ == "NOUN"
            governed = governed and not (token.dep_ == "advcl" and _finite(token))
            came_from = token
            token = token.head
        return found

    def _ongoing_description(self, verb: Token) -> bool:
        """A participle or progressive relative clause on a party that is not just any one
        ("her plan to join Kurdish forces *fighting* Isis", "forces that *are fighting*
        Isis") tells what that party is doing, whatever the verb governing it supposes; "a
        force protecting civilians" may be only what is called for, and "no problem
        *fending off* an incursion" is about no party."""
        progressive = verb.tag_ == "VBG" and (verb.dep_ == "acl" or verb.dep_ == "relcl" and any(
            c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children))
        noun = verb.head
        return progressive and noun.i in self.party_tokens and not (
            noun.tag_ in ("NN", "NNP") and any(
                c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in noun.children))

    def _asserts_alone(self, conjunct: Token) -> bool:
        """A conjunct with its own adverb of frequency or substitution ("never had an answer
        and *always* refused"; cues.tsv, ``conjunct_adverb``) or its own finite auxiliary ("do
        not consider the YPG terrorists, and *have* supported them"): told on its own, no
        negation shared."""
        return any(c.dep_ == "advmod" and self.cues.get(("conjunct_adverb", c.lower_)) or
                   c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_AUX_TAGS
                   for c in conjunct.children)

    def _scene(self, token: Token) -> bool:
        """A preposition whose event noun is the scene of its verb's act ("help us *in* this
        battle"), not the light verb's own ("take part *in* the fighting")."""
        return token.dep_ == "prep" and self.cues.get(("scene_prep", token.lower_)) == "scene" \
            and load_lexicon().light.get(token.head.lemma_.lower()) != token.lower_

    def _case_of(self, noun: Token) -> bool:
        """An event noun in the "of" phrase of a noun of case after "in" ("in the event of
        an assault", "in case of an attack"; cues.tsv, relation ``case_of``); not a case
        named ("in the specific case of Saturday's attack")."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "of" or \
                any(c.dep_ == "poss" for c in noun.children):
            return False
        case = noun.head.head
        return case.dep_ == "pobj" and case.head.lower_ == "in" and \
            not any(c.dep_ in ("amod", "compound") for c in case.children) and \
            self.cues.get(("case_of", case.lemma_.lower())) == "condition"

    def _in_case(self, verb: Token) -> bool:
        """A verb whose clause opens with a bare noun of case after "in" ("in case Isis
        raided the house", "just in case Iran attacks"; cues.tsv, relation ``case_of``); the
        caller passes a conjunct's first verb ("in case Isis raided the house and punished
        them")."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        # the parser may hang "in case" on the verb before and the clause on it as a
        # complement ("they fled in case the army attacked")
        opening = verb.left_edge.i - 1
        return any(
            c.dep_ == "prep" and c.lower_ == "in" and c.i < verb.i and any(
                o.dep_ == "pobj" and not list(o.children) and
                (c.head == verb or o.i == opening) and
                self.cues.get(("case_of", o.lemma_.lower())) == "condition"
                for o in c.children)
            for c in [*verb.children, *(verb.head.children if verb.dep_ == "ccomp" else ())])

    def _crime_named(self, noun: Token) -> bool:
        """A bare event noun (no determiner, possessor or number) in the "for", "of" or
        "with" phrase of a word of charge, trial or verdict ("on trial for sexual assault",
        "convicted of assault and kidnapping"): the name of an offence, no act told."""
        head = noun
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ != "pobj" or head.head.lower_ not in ("for", "of", "with"):
            return False
        frame = head.head.head
        if self.cues.get(("crime_frame", frame.lemma_.lower())) != "alleged" and \
                self.cues.get(("crime_frame", frame.lower_)) != "alleged":
            return False
        return not any(c.dep_ in ("det", "poss", "nummod") or c.dep_ == "prep" and
                       c.lower_ in ("on", "against", "by")
                       for n in (noun, head) for c in n.children)

    def _law_named(self, noun: Token) -> bool:
        """A bare event noun that a law or ban is about ("laws against torture", "a ban on
        protests", "laws governing sexual assault"; cues.tsv, ``law_frame`` and
        ``law_verb``): a class of acts named, no act told."""
        if any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
            return False
        about = noun.dep_ == "pobj" and noun.head.lower_ in ("against", "on")
        governed = noun.dep_ == "dobj" and noun.head.dep_ == "acl" and \
            self.cues.get(("law_verb", noun.head.lemma_.lower())) == "alleged"
        return (about or governed) and \
            self.cues.get(("law_frame", noun.head.head.lemma_.lower())) == "alleged"

    def _object_denied(self, verb: Token) -> set[str]:
        """A verb whose object is denied by its determiner ("has given them *no* promises of
        support", "offered *no* help"): the act was not done. Only a verb's own object: "has no
        plans to attack" leaves the attack to the plans."""
        if verb.pos_ not in ("VERB", "AUX"):
            return set()
        return {category for o in verb.children if o.dep_ in ("dobj", "obj", "dative")
                for d in o.children if d.dep_ == "det" and
                (category := self.cues.get(("det", d.lower_))) == "negation"}

    def _no_act(self, trigger: Token) -> bool:
        """An activity named or an aim stated, not an act that happened: a gerund that is
        a topic ("asked about working with Merkel") or its clause's subject ("repulsing Iran
        and defeating Isis are Trump's priorities"), an infinitive standing alone
        ("Secondly, to curb Iran's influence"), or the infinitive of an aim ("the goal is to
        defeat Isis")."""
        trigger = first_conjunct(trigger)
        if trigger.dep_ == "csubj" and trigger.tag_ == "VBG":
            return True
        if trigger.dep_ == "pcomp" and trigger.tag_ == "VBG" and trigger.head.lower_ == "of":
            return self._goal_noun(trigger.head.head)  # "share the aim of curbing US influence"
        if trigger.dep_ == "pcomp" and trigger.tag_ == "VBG" and \
                self.cues.get(("topic_prep", trigger.head.lower_)) == "topic":
            return True  # "asked about working with Merkel": a topic, no act
        infinitive = trigger.tag_ == "VB" and has_to_marker(trigger)
        if not infinitive:
            return False
        if trigger.dep_ == "ROOT":
            return not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
        copula = trigger.head
        return trigger.dep_ == "xcomp" and copula.lemma_ == "be" and any(
            c.dep_ == "nsubj" and self._goal_noun(c) for c in copula.children)

    def _counterfactual(self, verb: Token) -> bool:
        """"Assad could have been forced to the table": a modal perfect says the act did not
        happen and cannot now (cues.tsv, relation ``perfect``)."""
        auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        return verb.tag_ == "VBN" and "have" in auxiliaries and any(
            self.cues.get(("perfect", a)) == "counterfactual" for a in auxiliaries)

    def _goal_noun(self, noun: Token) -> bool:
        """A noun of an aim, or a share of such nouns ("*one of* his aims was to remove";
        cues.tsv, ``goal_share``)."""
        if self.cues.get(("goal_share", noun.lower_)) == "goal":
            return any(self._goal_noun(o) for p in noun.children
                       if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj")
        return self.cues.get(("copula_subject", noun.lemma_.lower())) == "goal"

    def _governor(self, token: Token) -> str | None:
        """The governor cue of a word, by its lemma, or by its form without a regular ending
        when the lemmatiser got it wrong ("hoped" -> "hop")."""
        category = None
        if token.pos_ in ("VERB", "AUX"):
            # a phrasal verb first: "held off on launching an attack", "backed off plans to"
            # (not "back")
            category = next((cue for c in token.children if c.dep_ == "prt" and (
                cue := self.cues.get(("governor", f"{token.lemma_.lower()} {c.lower_}")))),
                None)
        if category is None:
            category = self.cues.get(("governor", token.lemma_.lower()))
        if category is None and token.pos_ == "NOUN":
            # "claims that the militia had shelled the village", "calls for the president
            # to resign": the noun, not the verb ("Iran claimed its forces shot down a
            # drone" tells of the act, "called the attack a provocation" names it)
            category = self.cues.get(("claim", token.lemma_.lower())) or \
                self.cues.get(("noun_governor", token.lemma_.lower()))
        if category is None and token.tag_ == "VBG" and token.dep_ not in GERUND_DEPS:
            # "is going to attack"; not a gerund: "persecuted for *going* to fight Isis"
            category = self.cues.get(("progressive", token.lemma_.lower()))
        if category is None and token.pos_ in ("VERB", "AUX"):
            category = next((found for stem in inflected_stems(token.lower_)
                             if (found := self.cues.get(("governor", stem)))), None)
        if category is None and token.lemma_ == "be":
            # "it is important that the US reduce its restrictions", "it is likely that Iran
            # will retaliate": the parser hangs the clause on the copula, whose adjective
            # says how the clause is meant.
            category = next((self.cues.get(("governor", c.lemma_.lower()))
                             for c in token.children if c.dep_ == "acomp"), None)
        return category

    def _dismissed(self, noun: Token) -> bool:
        """A noun whose clause tells an act, dismissed by the predicate of the copula it is
        the subject of ("reports that Iran intended to attack ships *were propaganda*", "claims
        that the army shelled the town are *baseless*"; cues.tsv, ``predicate`` rows of
        category ``alleged``)."""
        copula = noun.head
        return noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass") and \
            copula.lemma_ in COPULAS and any(
                c.dep_ in ("attr", "acomp") and
                self.cues.get(("predicate", c.lemma_.lower())) == "alleged"
                for c in copula.children)

    def _reported_unconditionally(self, verb: Token) -> bool:
        """A clause reported by a past-tense or perfect verb of saying, with no condition of
        its own: its "would" is "will" shifted back ("Ankara said it would withdraw", "have
        told the SDF they would not accept")."""
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and self.cues.get(("mark", m.lower_))
                                         == "condition" for m in c.children)
               for c in verb.children):
            return False
        speaker = reporting_subject(verb)
        if speaker is None:
            return False
        says = speaker.head
        # "said", or "have told": a past or a present perfect verb of saying
        return says.tag_ == "VBD" or says.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in says.children)

    def _asserted_clause(self, verb: Token) -> bool:
        """A past-tense clause opened by a conjunction of time ("when he attacked"), or any
        finite clause opened by one of contrast or cause ("while governments have promised")
        or by the "why" of an indirect question, happened whatever the clause it hangs on says
        of its own act."""
        marks = [self.cues.get(("mark", c.lower_)) for c in verb.children
                 if c.dep_ in ("mark", "advmod")]
        if "asserted" in marks and _finite(verb):
            return True
        if verb.dep_ != "advcl":
            return False
        past = verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        return past and any(m in TIME_CUES for m in marks)

    def _done_before(self, token: Token) -> bool:
        """A gerund or event noun after "after" (cues.tsv, relation ``done_prep``), or a
        perfect participle clause, happened before what its clause tells, so the clause's mode
        does not reach it: "after meeting with aides, Reagan is preparing an address" met the
        aides; "having seized the town, the rebels may advance" seized it."""
        if token.dep_ == "pobj" and token.pos_ == "NOUN" and token.head.head.pos_ == "NOUN" \
                and self.cues.get(("source_prep", token.head.lower_)) == "asserted":
            return True  # "a likely spillover from the clashes": the clashes took place
        if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "having"
                                         for c in token.children):
            return True  # "*having been abandoned* by Trump, the Kurds may abandon ..."
        return token.dep_ in ("pcomp", "pobj") and \
            self.cues.get(("done_prep", token.head.lower_)) == "asserted"

    def _purposed(self, trigger: Token) -> bool:
        """An act that is a purpose: a purpose infinitive (``_purpose``, ``_noun_purpose``) or
        the event noun a purpose infinitive of obtaining takes ("sent officials to Moscow to
        obtain Russia's *agreement*"); what one backs or keeps was done ("sent troops to back
        Assad's *offensive*", "fought to keep the airstrikes focused")."""
        if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
            return self.cues.get(("sought", trigger.head.lemma_.lower())) == "hypothetical" \
                and _purpose(trigger.head)
        # a word with a mode of its own governs its infinitive, whatever the parser calls it
        # ("the decision to withdraw", "the right to return", "have sworn to fight")
        return (_purpose(trigger) or _noun_purpose(trigger)) and \
            self._governor(trigger.head) in (None, "striving")

    def _presupposed(self, token: Token) -> bool:
        """An event noun that a verb of easing or changing acts on (cues.tsv, relation
        ``presupposed``: "urged the US to reduce its restrictions on Chinese imports") exists
        whatever that verb's mode: the restrictions are in force."""
        return token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubjpass") and \
            self.cues.get(("presupposed", token.head.lemma_.lower())) == "asserted"

    def _announced_measure(self, doc: Doc, event: dict[str, Any], found: set[str]) -> bool:
        """A restriction a state announces with no condition ("Singapore said it would ban
        all visitors", "Turkey will close its border") is a measure to come, COERCE with mode
        future; a conditional one ("may impose restrictions if the virus spreads") or one a
        party outside the state announces ("farmers said they would blockade Paris") is a
        threat."""
        if found & {"hypothetical", "intent"} or event["event"] != "COERCE" or \
                "restrict" not in event["mode"]:
            return False
        mentions = doc._.ew_mentions
        return any(mentions[m]["sector"] in MEASURE_SECTORS or
                   mentions[m]["code"] and not mentions[m]["sector"] for m in event["actor"])

    def _supposed(self, doc: Doc, event: dict[str, Any]) -> bool:
        """A possible act that a party other than its doer supposes ("analysts said Russia
        could invade"), that a move is said to mean ("it could mean Turkey attacks"), or that
        the narrator ascribes to a party as a power ("the police, who
        could arrest them"): no one threatens it, so it stays the act, hypothetical."""
        clause = clause_verb(_verb_of(doc[event["trigger"][0]]))
        while clause.dep_ == "advcl" and any(
                c.dep_ in ("mark", "advmod") and self.cues.get(("mark", c.lower_)) in TIME_CUES
                for c in clause.children) and clause.head is not clause:
            # "officials suggest thousands may die as forces storm the town": the clause of
            # time is the scene of the act supposed, supposed by the same speaker
            clause = clause_verb(clause.head)
        if clause.dep_ in ("ccomp", "xcomp") and (
                self.cues.get(("consequence", clause.head.lemma_.lower())) is not None):
            return True  # "this means Turkey attacks the Kurds": an implication, no threat
        if doc[event["trigger"][0]].pos_ == "NOUN" and \
                self.cues.get(("consequence", clause.lemma_.lower())) is not None:
            return True  # "the exit could lead to fresh fighting": a consequence, no threat
        if clause.dep_ == "relcl" and any(
                c.dep_ == "aux" and self.cues.get(("aux", c.lower_)) == "hypothetical"
                for c in clause.children):
            return True
        speaker = reporting_subject(clause) or next(
            (s for c in clause.children if c.dep_ == "parataxis"
             and c.lemma_.lower() in reporting_verbs()
             for s in c.children if s.dep_ == "nsubj"), None)
        if speaker is None or not event["actor"]:
            return False
        mentions = doc._.ew_mentions
        speakers = mentions_under(speaker, mention_index(doc))
        if not speakers:
            return speaker.pos_ != "PRON"  # "analysts said": nobody who could threaten
        if set(speakers) & set(event["actor"]) or any(
                doc[mentions[m]["start"]].pos_ == "PRON" for m in event["actor"]):
            return False  # "rebels said they could attack": the speakers' own threat
        doers = {mentions[m]["code"] for m in event["actor"]} - {None}
        # an uncoded doer ("a military operation would be launched", said the SDF) may be
        # the speaker's own side
        return bool(doers) and not doers & {mentions[m]["code"] for m in speakers}

    def _obligation(self, doc: Doc, event: dict[str, Any]) -> None:
        """"X said Y must do Z" is X demanding it of Y; unreported, it is only hypothetical."""
        speaker = reporting_subject(_judged_by_copula(doc[event["trigger"][0]]))
        index = mention_index(doc)
        speakers = mentions_under(speaker, index) if speaker is not None else []
        if not speakers:
            if "hypothetical" not in event["mode"]:
                event["mode"].append("hypothetical")
            return
        mentions = doc._.ew_mentions
        # "'We need to get a clarification out,' the spokesman said": the speaker's "we"
        recipients = [m for m in event["actor"] if m not in speakers and not (
            (first := doc[mentions[m]["start"]]).pos_ == "PRON" and first.lower_ in FIRST_PERSON)]
        if not recipients or own_state(mentions, recipients, speakers):
            # "Javid said children should not suffer", "Zakharova said Russia should protect
            # its people": nobody else is asked, so no demand; the act stays hypothetical
            if "hypothetical" not in event["mode"]:
                event["mode"].append("hypothetical")
            return
        self._recode(event, DEMAND_CAMEO)
        # "said OPEC+ should not be complacent": the demand was made; only what it asks
        # for is negated or hypothetical.
        event["mode"] = [m for m in event["mode"] if m not in ("negation", "hypothetical")]
        set_roles(event, self.name, "obligation", actor=speakers, recipient=recipients)

    def _recode(self, event: dict[str, Any], cameo: str, event_type: str | None = None) -> None:
        """Give the event a new CAMEO code and its PLOVER type, or ``event_type``."""
        info = self.ontology.lookup(cameo)
        assert info is not None
        # The act itself stays known to later stages: a promised withdrawal from a place
        # is still aimed at that place's state.
        event.setdefault("act", event["event"])
        event["event"] = event_type or info.event
        event["cameo"] = info.code
        event["mode"] = [m for m in event["mode"] if m in ("negation", "hypothetical", "future")]


def _definite(noun: Token) -> bool:
    """A noun with a definite determiner or a possessor ("the invasion", "Turkey's
    offensive"): one that is known to the reader, so it exists."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS
               for c in noun.children)


def _then_clause(verb: Token, mark: Token) -> bool:
    """A "then" on the verb between its condition mark and itself: the mark opens an earlier
    clause the parser did not see, and the verb is the consequence."""
    return any(c.dep_ == "advmod" and c.lower_ == "then" and mark.i < c.i < verb.i
               for c in verb.children)


def _misparsed_condition(trigger: Token) -> bool:
    """"if the Turks attack, then ...": a singular noun with a plural noun before it as its
    compound, subject of a clause that a condition mark opens, is that clause's verb misread
    (the plural does not agree with a noun head); the act is only a condition."""
    clause = trigger.head
    return trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and trigger.tag_ == "NN" and \
        any(c.dep_ == "compound" and c.tag_ in ("NNS", "NNPS") and c.i == trigger.i - 1
            for c in trigger.children) and \
        any(c.dep_ == "mark" and c.lower_ in condition_marks() and c.i < trigger.i
            for c in clause.children)


def _existential(noun: Token) -> bool:
    """An event noun that "there is" says exists ("if *there is* an attack", "there will
    be talks"): the copula carries its mode."""
    clause = noun.head
    return noun.dep_ in ("attr", "nsubj") and clause.lemma_ == "be" and \
        any(c.dep_ == "expl" for c in clause.children)


def _purpose(trigger: Token) -> bool:
    """A "to"-infinitive hung on a verb as its purpose ("went to Syria to fight", "met in
    Paris to discuss the crisis"), or a verb coordinated with one."""
    trigger = first_conjunct(trigger)
    return trigger.dep_ == "advcl" and trigger.tag_ == "VB" and \
        trigger.head.pos_ in ("VERB", "AUX") and is_infinitive_complement(trigger) and \
        means_verb(trigger) is None  # "took to the streets to protest" protested


def _noun_purpose(trigger: Token) -> bool:
    """A "to"-infinitive hung on a noun as what it is for ("a border force to patrol Syria's
    frontiers", "efforts to disentangle the rebels"); not the infinitive of a first or only
    doer ("the first leader to visit Tehran" visited), nor a headline's ("Malaysian king to
    meet lawmakers" is the future)."""
    return trigger.dep_ in ("acl", "relcl") and trigger.tag_ == "VB" and \
        trigger.head.pos_ == "NOUN" and trigger.head.dep_ != "ROOT" and \
        _infinitive(trigger) and means_verb(trigger) is None and not _ranked(trigger.head)


def _verb_of(trigger: Token) -> Token:
    """The verb whose clause holds a trigger: itself, or the verb an event noun hangs on
    ("Joining *a US strike* would be folly" -> "be", through the clause "joining" is the
    subject of)."""
    token = trigger
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("csubj", "csubjpass"):
            return token
        if token.head.i == token.i:
            return token
        token = token.head
    return trigger


def _headline_infinitive(trigger: Token) -> bool:
    """The "to"-infinitive of a headline with no finite verb, or the event noun it takes
    ("Malaysian king to meet all lawmakers", "Pompeo to visit Seoul next week", "Modi to
    hold talks with Trump"); not the infinitive of a first or only doer ("the first leader
    to visit Tehran" visited)."""
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger
    if verb.tag_ != "VB" or not has_to_marker(verb):
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ == "nsubj" for c in verb.children)
    return verb.dep_ in ("acl", "relcl") and _infinitive(verb) and verb.head.dep_ == "ROOT" and \
        verb.head.pos_ in ("NOUN", "PROPN") and not _ranked(verb.head)


def _ranked(noun: Token) -> bool:
    """A doer ranked among others ("the *first* leader", "the *only* country"), whose
    infinitive was done (RANKING_WORDS)."""
    return any(c.tag_ == "JJS" or c.lower_ in RANKING_WORDS for c in noun.children)


def _has_doer(trigger: Token) -> bool:
    """A verb with an active subject or a "by" agent, whether or not it names a known
    party ("when it launches strikes"); an event noun or an agentless passive has none."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    owner, passive = subject(trigger)
    return owner is not None and not passive or agent(trigger) is not None


def _text_subject(trigger: Token) -> bool:
    """A verb whose subject is a text, not a party ("the proposal would ban imports";
    events/document_nouns.tsv)."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.dep_ == "acl":
        return False  # "plans to launch an offensive": the plan's holder would launch it
    owner, passive = subject(trigger)
    return not passive and owner is not None and owner.lemma_.lower() in document_nouns()


def _verb_phrases(verb: Token) -> list[str]:
    """A verb's lemma alone and with each object or particle ("take place", "go ahead")."""
    lemma = verb.lemma_.lower()
    return [lemma, *(f"{lemma} {c.lower_}" for c in verb.children
                     if c.dep_ in ("dobj", "prt", "advmod"))]


def _contrasted(token: Token) -> bool:
    """A conjunct set against the first one ("will not run *but* would back Laschet") does
    not take its modality."""
    return token.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ in CONTRAST_CONJUNCTIONS and c.i < token.i
        for c in token.head.children)


def _coordinated(conjunct: Token) -> bool:
    """A conjunct joined to its head by a conjunction ("did not attack *or* kill"), not a
    clause the parser hung on another with none ("had never sat well with Ankara, ... whose
    insurgency it *continues* to fight"), which shares no negation."""
    return any(c.dep_ in ("cc", "preconj") and c.i < conjunct.i
               for c in (*conjunct.head.children, *conjunct.children))


def _present(verb: Token) -> bool:
    """A clause in the present: its verb ("until Turkey *recognises*") or its finite
    auxiliary ("until the troops *are* withdrawn", "until Iran *has* withdrawn")."""
    return verb.tag_ in PRESENT_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS for c in verb.children)


def _past(verb: Token) -> bool:
    """A clause in the past ("the pair *were seized*", "had attacked"): what a hypothetical
    governor says of it ("reports suggest that ...") is evidence for an act told as done; one
    in the present, the future or the subjunctive ("it appears that Saudi Arabia *will
    allocate*", "proposed that talks *be separated*") is only supposed or proposed."""
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUXILIARIES for c in verb.children)


def _judged_by_copula(verb: Token) -> Token:
    """The copula whose adjective judges the clause of ``verb`` ("it is important that the
    US *lift* the sanctions, the minister said"), so that whoever reports the judgment asks for
    the act; else ``verb`` itself."""
    clause = clause_verb(verb)
    copula = clause.head
    if clause.dep_ == "ccomp" and copula.lemma_ == "be" and \
            any(c.dep_ == "acomp" for c in copula.children):
        return copula
    return verb


def _described(token: Token) -> bool:
    """A past participle that describes a noun ("a customs fee *imposed* by the US", "the
    truce *brokered* by Russia") tells what was done before; the mode of the verb governing
    the noun ("the panel will rule on objections to a fee imposed by the US") is not its. A
    clause with its own subject or auxiliary the parser hung on a noun ("denied claims that
    the militia *had shelled* the village") is what the noun says, no description."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in token.children)


def _told_relative(verb: Token) -> bool:
    """A relative clause in the past ("asked the army to withdraw the troops *which were
    occupying* the airport", "the militia that *had shelled* the town") tells what its noun
    did, whatever the verb governing the noun supposes; one in the present or the future
    ("called for a force that *protects* civilians") is part of what is supposed."""
    return verb.dep_ == "relcl" and (verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUXILIARIES for c in verb.children))


def _finite(verb: Token) -> bool:
    """A clause with its own subject or conjunction ("as the government has ordered"), not
    an infinitive ("sent troops to attack", "calls for the president to resign")."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark") and c.lower_ != "to"
               for c in verb.children) and not has_to_marker(verb)


def _infinitive(verb: Token) -> bool:
    """A verb with "to" and no subject of its own ("stays *to protect* the Kurds")."""
    return has_to_marker(verb) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _proviso(verb: Token) -> bool:
    """A clause of "as long as" or "so long as", which the parser hangs on "long"."""
    return verb.dep_ == "advcl" and verb.head.lower_ == "long" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _asked(trigger: Token) -> bool:
    """An act a yes/no question asks about ("Will Turkey concede the town?", "can the UN
    accept them?", "did Russia hit back?"): its clause's auxiliary comes before its subject,
    and the sentence ends in "?". Asked, it is neither done, promised nor threatened."""
    if _last_mark(trigger) != "?":
        return False
    clause = trigger
    if clause.pos_ == "NOUN" and clause.dep_ in ("dobj", "obj"):
        clause = clause.head  # "did Russia launch an attack?"
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        clause = clause.head
    subjects = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(c.tag_ in ("WRB", "WP", "WDT") for c in clause.children):
        return False  # "why did Russia attack the convoy?" takes the attack as done
    return any(c.dep_ in ("aux", "auxpass") and c.i < subjects[0] for c in clause.children)


def _in_question(trigger: Token) -> bool:
    """Whether a trigger lies in the clause a closing "?" asks: the clause of the last word
    before the mark, with what it governs. A clause coordinated before it is told on its own:
    "Russia attacked the convoy, but will it withdraw?" asks only about the withdrawal."""
    words = [w for w in trigger.sent if not (w.is_punct or w.is_space or w.is_quote)]
    if not words:
        return True
    clause = words[-1]
    while clause.head.i != clause.i and not (
            clause.dep_ in ("conj", "parataxis") and clause.pos_ in ("VERB", "AUX") and
            any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)):
        clause = clause.head
    return clause.left_edge.i <= trigger.i <= clause.right_edge.i


def _last_mark(token: Token) -> str:
    """The sentence's closing punctuation mark ("?", "."), or "" when it has none."""
    sent = token.sent
    for word in reversed(sent):
        if not (word.is_space or word.is_quote or word.is_bracket):
            return word.text if word.is_punct else ""
    return ""
