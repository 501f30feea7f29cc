"""Stage "eventwire_events": verb and noun triggers -> PLOVER events with their slots.

Reads ``doc._.ew_mentions`` (actor stage) and the dependency parse; writes
``doc._.ew_events`` (plain dicts, see ``extensions.py``) and the trigger spans
in ``doc.spans["ew_events"]``.

Verbal events come from the PETRARCH2 verb patterns (``kb.patterns``): each
verb is matched against the words of its own clause and gets the code of its
most specific pattern. An infinitive or clause that completes an event verb
("agreed *to strengthen* cooperation", "called on Seoul *to help*") is the
content of that event, not an event of its own. Nominal events ("talks",
"sanctions on Iran") are coded when the noun phrase names a participant.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from eventwire.components.coref import PLURAL_TAGS, one_person_agent
from eventwire.components.modality import (
    DEMAND_CAMEO,
    PROMISE_CAMEO,
    condition_marks,
    obligation_cues,
    occurrence_phrases,
    reaction_verbs,
)
from eventwire.drafts import EventDraft, Mention, new_event, new_mention, recode
from eventwire.evaluations import (
    COPULAS,
    Judgment,
    judgment,
    named_and_second,
    naming_judgment,
    naming_verbs,
)
from eventwire.extensions import register
from eventwire.kb.actors import UNIDENTIFIED_ARMED, load_actor_kb
from eventwire.kb.gazetteer import load_gazetteer
from eventwire.kb.ontology import JOINT_TYPES, Ontology, load_ontology
from eventwire.kb.patterns import Match, NominalEvent, Pattern, VerbLexicon, Word, load_lexicon
from eventwire.kb.relevance import load_policy
from eventwire.kb.tables import read_tsv
from eventwire.participants import (
    MUTUAL_PREPS,
    OBJECT_DEPTH,
    OWNER_DEPTH,
    PREP_HEADS,
    SERVED_PREPS,
    actor_cue_words,
    agent,
    city_metonym,
    clause_depth,
    document_nouns,
    first_conjunct,
    hands_of,
    has_to_marker,
    is_infinitive_complement,
    mention_index,
    mentions_under,
    object_controller,
    objects,
    own_state,
    partitive_nouns,
    past_dateline,
    prep_objects,
    prep_pobjs,
    reporting_subject,
    reporting_verbs,
    settlement_nouns,
    stative_participle,
    subject,
    wished_clause,
    word_list,
)

# Dependents that complete a verb rather than make an event of their own.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
# How a second phrase of naming hangs on the verb: "called Yazov *a leader*", "called the
# threat *dangerous*" (after the object's noun), "described it *as* a provocation"
NAME_DEPS = frozenset({"oprd", "amod", "pobj"})
# Verb forms used as something else: auxiliaries, "according to", "much-needed".
NON_PREDICATE_DEPS = frozenset({"aux", "auxpass", "prep", "amod", "compound", "mark"})
# Words of a clause that the pattern matcher may read after the verb.
CONTEXT_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc"})
# Conjunctions that open a clause the verb governs as a question or a condition: an
# indirect question ("asked *if*") and a for-to clause ("called *for* a force to be
# stationed").
GOVERNED_MARKS = frozenset({"if", "whether", "for"})
# Conjunctions that open an indirect question: what it asks is asked about, not asked for.
QUESTION_MARKS = frozenset({"if", "whether"})
THAT_MARK = frozenset({"that"})  # a content clause of a noun ("the suggestion that ...")
# Conjunctions of a governed clause kept among the verb's words, as they show what the verb
# takes: those above and a content clause's "that" ("agreed *that*", "recognised *that*").
CLAUSE_MARKS = GOVERNED_MARKS | THAT_MARK
CONTEXT_DEPTH = 3
# Entity types of a named party that may be a place standing for its people ("Texas sued").
PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC"})
# Modifiers of a trigger that may name its weapon ("*drone* strikes") or its kind (mode_words.tsv).
MODE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
BASE_CONFIDENCE = 0.65
UNRESOLVED_CONFIDENCE = 0.3
CLAUSE_PENALTY = 0.1
# Event-noun role readings whose "of" phrase is not the actor (kb/patterns.py).
DIRECTED_ROLES = frozenset({"directed", "target"})
# How many words after a light verb its noun may lie and still be part of the trigger text
# ("carried out a series of raids").
LIGHT_REACH = 6
# What a light verb's noun hangs on it as; headlines misread "launches offensive" as an
# adjective complement.
LIGHT_OBJECT_DEPS = frozenset({"dobj", "obj", "acomp", "oprd"})
AGENT_PREPS = frozenset({"by"})
# Prepositions by which a verb's subject takes part in a joint act: "returned to Geneva *for*
# talks", "said *in* a phone call with Putin", "said *during* talks with Erdogan", "told
# reporters *after* talks with Esper".
JOINING_PREPS = frozenset({"for", "in", "during", "at", "after", "following"})
# Types whose verbs need a coded partner besides the actor.
PARTNER_TYPES = frozenset({"COOPERATE"})
# Event types a noun names even when the text names no party ("an airstrike near Shawqat",
# "sieges and gunfire"): the relevance stage keeps only those political by themselves.
# Where a verb of saying names whom a quoted order is given to: "told *the militia*", "said in
# a message *to Hamas*".
ADDRESSEE_DEPS = frozenset({"dobj", "dative", "prep"})
ADDRESSEE_PREPS = frozenset({"to", "in"})
# How the parser hangs a quote opening a sentence on the verb of saying after it.
QUOTED_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis"})
# Named entities whose capitalised words are names, not events ("Liberation" in a party's name).
NAME_ENTITY_TYPES = frozenset({"ORG", "PERSON", "FAC", "GPE", "LOC", "NORP", "LAW",
                               "WORK_OF_ART", "PRODUCT"})
UNNAMED_TYPES = frozenset({"ASSAULT"})
# Types a verb names also when its subject is only a count ("thousands protested in Hong
# Kong", crowd_counts.txt); the relevance stage keeps the political ones.
CROWD_TYPES = frozenset({"PROTEST"})
# Types whose unnamed agent in a passive ("were asked to stay home, the ministry said") is the
# one who reports it; killings and arrests are reported by others than their doers.
SPEAKER_ASKED_TYPES = frozenset({"REQUEST"})
# Repression whose doer a passive leaves unnamed is the reporter's when the reporter enforces
# the law ("Police said three men were arrested"); a ministry reporting it did it too.
ENFORCED_TYPES = frozenset({"COERCE"})
ENFORCING_SECTORS = frozenset({"COP", "MIL", "GOV", "SPY"})
# Types of acts that undo what their object names ("sanctions were lifted"): the object is
# no event of its own; a request rebuffed still was one.
UNDOING_TYPES = frozenset({"RETREAT", "CONCEDE"})
# Military protection given (CAMEO 074, AID): only to a party ("defended the Kurds"); a place
# defended is ground held ("the YPG defended Kobane").
PROTECTION_CAMEO = "074"
# Defence in words (052) or by protection (074): ground defended ("defended the city from
# Isis", "to shield border towns from incursions") is ground held, neither.
DEFENCE_CAMEOS = ("052", "074")
# Dependencies of a name that modifies a noun ("a *Trump* rally", "a "Namaste *Trump*" rally").
NAME_MODIFIER_DEPS = frozenset({"compound", "nmod"})
# Types that ask for an act: its doer is the one asked ("called for intervention *by Russia*").
ASKED_TYPES = frozenset({"REQUEST"})
# Event types a passive verb names with no party ("were quarantined", "was arrested"): the
# state's acts, which the relevance stage keeps only when political by themselves.
UNNAMED_PASSIVE_TYPES = frozenset({"ASSAULT", "COERCE"})
# Prepositions that name the giver of what a receiving verb's subject gets ("aid *from* China").
SOURCE_PREPS = frozenset({"from"})
# A party that wants another to act asks it of them (wish_verbs.tsv): CAMEO 020, REQUEST.
WISH_CAMEO = "020"
# Determiners that make a noun phrase anyone of its kind ("every people", "any country").
GENERIC_DETERMINERS = frozenset({"every", "any", "each", "all"})
# Prepositions of the place a traveller arrives in, and the mention kinds that are places.
ARRIVAL_PREPS = frozenset({"in"})
# Prepositions of where a party going away goes (refuge_verbs.txt).
REFUGE_PREPS = frozenset({"to", "into", "toward", "towards"})
# Prepositions of those one travels with: companions, not hosts ("will travel *with* Erdogan
# to Damascus").
COMPANION_PREPS = frozenset({"with", "alongside"})
PLACE_KINDS = frozenset({"country", "place", "metonym"})
# Mention kinds that name a state itself ("Russia", "Moscow" for its government).
STATE_KINDS = frozenset({"country", "metonym"})
# Dependencies of a word that modifies a noun ("*Bolivian* miners", "*Britain's* strike").
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# Dependencies of an event noun that only modifies another noun ("*battle* lines", "labour
# and state *aid* standards"): it names a kind of thing, no act.
NOUN_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# Civilians who flee are expelled (displaced_verbs.tsv): CAMEO 166, PLOVER SANCTION expel.
DISPLACED_CAMEO = "166"
# Mention kinds that, with no sector, name private people ("she", "Syrians", "Hindawi").
PRIVATE_KINDS = frozenset({"unresolved", "pronoun", "agent", "group"})
PRIVATE_SECTOR = "-"
# Sectors of a government acting as one (official_senses.tsv).
OFFICIAL_SECTORS = frozenset({"GOV"})
# Sectors of politicians, whose clashes with one another are disputes (official_senses.tsv).
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "JUD", "OPP", "PTY"})
# Sectors of many people who act as a crowd: their "protest" is a demonstration.
POPULAR_SECTORS = frozenset({"CVL", "STU", "LAB", "PPL"})
# Sectors of the press: a reporter's call or interview gathers news, no consultation.
PRESS_SECTORS = frozenset({"JRN"})
# Travellers whose journey is no visit (journey_verbs.txt): private people, no one named, or
# fighters on the move ("French and Algerian fighters travelled to Afghanistan to join Isis").
PRIVATE_TRAVELLERS = POPULAR_SECTORS | {PRIVATE_SECTOR, UNIDENTIFIED_ARMED}
# Verbal conflict a pattern may have made of a crowd's protest.
VERBAL_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
# A warning about what a party is doing or has done criticises it (CAMEO 111).
CONDUCT_WARNING_CAMEO = "111"
# Auxiliaries of a warned clause that tell of conduct, not of what may come.
CONDUCT_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "been"})
# Hosting a visit (CAMEO 043, PLOVER CONSULT visit): a verb of receiving whose object is a
# person or an official body (hosting_verbs.txt).
HOST_CAMEO = "043"
# The CAMEO verb block of obtaining ("won the backing of", "obtained authorisation from"):
# its subject gets what the pattern names, from whoever gives it.
OBTAIN_BLOCK = "OBTAIN"
# A preposition of a received act's noun that names its giver ("won the backing *of* Spahn").
GIVER_OF = "of"
# Relations that leave a name for a clause or an apposition on it.
OUTSIDE_NAME_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis",
                               "appos"})
# Attacks a verb of promising may govern: promised, they are a threat (CAMEO 13), not a
# promise (PROMISE_CAMEO); a promise to remove or arrest someone is still one.
PROMISED_FORCE_TYPES = frozenset({"ASSAULT"})
# Laying an act at another party's door accuses it (CAMEO 112, PLOVER ACCUSE allege).
BLAME_CAMEO = "112"
GUEST_KINDS = frozenset({"person", "agent", "pronoun"})
# Prepositions of what a warning is of ("warnings *of* tidal waves", "warned *about* floods").
HAZARD_PREPS = frozenset({"of", "about"})
# Prepositions by which a word of degree names what it is the degree of ("the risk *of*
# famine", "an upshift *in* terrorism").
DEGREE_PREPS = frozenset({"of", "in"})
# Military assistance (PLOVER AID): a deployment whose purpose is to help a party
# (aid_purposes.txt).
MILITARY_AID_CAMEO = "072"
# Mention kinds of a party rather than a place a force can be sent to ("to the GNA").
PARTY_KINDS = frozenset({"org", "agent", "person"})
# Pronouns that stand for things or events rather than parties.
IMPERSONAL_PRONOUNS = frozenset({"it", "this", "that", "which", "what", "these", "those"})
# Prepositions of a reason: an event noun in their phrase is another act than the verb's
# ("punished *for* the attack", "raided a rig in retaliation *for* the attack").
REASON_PREPS = frozenset({"for"})
# What "in protest of/against/at/over X" protests.
PROTESTED_PREPS = frozenset({"of", "against", "at", "over"})


@Language.factory(
    "eventwire_events",
    requires=["doc._.ew_mentions", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.ew_events", "doc._.ew_mentions", "doc.spans"],
    default_config={"min_confidence": 0.0},
)
def make_event_extractor(nlp: Language, name: str, min_confidence: float) -> EventExtractor:
    return EventExtractor(nlp, name, min_confidence=min_confidence)


class EventExtractor(Pipe):
    """Finds event triggers and fills their actor and recipient slots."""

    def __init__(self, nlp: Language, name: str, min_confidence: float = 0.0,
                 lexicon: VerbLexicon | None = None, ontology: Ontology | None = None) -> None:
        register()
        self.name = name
        self.min_confidence = min_confidence
        self.lexicon = lexicon or load_lexicon()
        self.ontology = ontology or load_ontology()
        self.authored = frozenset(r["noun"] for r in read_tsv("events", "authored_nouns.tsv"))
        self.aspect = frozenset(r["verb"] for r in read_tsv("events", "aspect_verbs.tsv"))
        self.discourse_imperatives = frozenset(
            r["verb"] for r in read_tsv("events", "discourse_imperatives.tsv"))
        self.warning = frozenset(r["verb"] for r in read_tsv("events", "warning_verbs.tsv"))
        self.party_subject = frozenset(r["verb"] for r in
                                       read_tsv("events", "party_subject_verbs.tsv"))
        self.circumstance = frozenset(r["verb"] for r in
                                      read_tsv("events", "circumstance_verbs.tsv"))
        self.documents = document_nouns()
        self.commands = frozenset(r["verb"] for r in read_tsv("events", "command_verbs.tsv"))
        self.audience = frozenset((r["verb"], r["prep"])
                                  for r in read_tsv("events", "audience_verbs.tsv"))
        self.receiving = receiving_verbs()
        self.assessing = frozenset(r["verb"] for r in read_tsv("events", "assessment_verbs.tsv"))
        self.complemented = {r["noun"]: frozenset(r["preps"].split("|"))
                             for r in read_tsv("events", "complemented_nouns.tsv")}
        self.intents = frozenset(r["noun"] for r in read_tsv("events", "intent_nouns.tsv"))
        self.wishing = frozenset(r["verb"] for r in read_tsv("events", "wish_verbs.tsv"))
        self.displaced = {r["verb"]: frozenset(r["sectors"].split("|"))
                          for r in read_tsv("events", "displaced_verbs.tsv")}
        self.statement = frozenset(r["verb"] for r in read_tsv("events", "statement_verbs.tsv"))
        self.statement_nouns = frozenset(
            r["noun"] for r in read_tsv("events", "statement_nouns.tsv"))
        self.undergone_alone = frozenset(r["type"] for r in
                                         read_tsv("events", "undergone_types.tsv"))
        self.noun_idioms = {r["noun"]: (_alternatives(r["modifiers"]), _alternatives(r["objects"]))
                            for r in read_tsv("events", "noun_idioms.tsv")}
        self.obligation_aux, self.obligation_governors = obligation_cues()

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            events = self.extract(doc)
            doc._.ew_events = events
            doc.spans["ew_events"] = [
                Span(doc, e["trigger"][0], e["trigger"][1], label=e["event"]) for e in events
            ]
        except Exception as err:  # noqa: BLE001 - handed to the pipeline's handler
            error_handler(self.name, self, [doc], err)
        return doc

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        """All events of a Doc, in text order."""
        if doc._.ew_mentions is None:
            doc._.ew_mentions = []
        index = mention_index(doc)
        sentence_of = {}
        for s, sent in enumerate(doc.sents):
            for t in range(sent.start, sent.end):
                sentence_of[t] = s
        events: list[dict[str, Any]] = []
        verbal: dict[int, dict[str, Any]] = {}
        consumed: set[int] = set()
        # verb -> the words of its passive subject its pattern names ("sanctions were lifted"):
        # no events of their own once the verb's event is kept
        named_subjects: dict[int, tuple[int, ...]] = {}
        for token in doc:
            if token.pos_ not in ("VERB", "AUX") or token.dep_ in NON_PREDICATE_DEPS:
                continue
            event = self._verbal_event(token, index, consumed, named_subjects)
            if event is not None:
                event["sentence"] = sentence_of[token.i]
                verbal[token.i] = event
        for token in doc:
            if token.i not in verbal and _headline_verb(token, index):
                event = self._headline_event(token, index, consumed)
                if event is not None:
                    event["sentence"] = sentence_of[token.i]
                    verbal[token.i] = event
        for i in [i for i, event in verbal.items() if _promises_force(doc[i], event, verbal)]:
            # "Turkey pledged to destroy the YPG": the force promised is the event (a threat,
            # once the modality stage reads the pledge), no agreement
            del verbal[i]
        kept: dict[int, dict[str, Any]] = {}
        for i, event in verbal.items():
            if _has_roles(event, doc[i]) and not _completes_event(doc[i], verbal) and \
                    _has_partner(event, doc._.ew_mentions) and \
                    not self._intent_told(doc[i], event, verbal):
                events.append(event)
                kept[i] = event
                consumed.update(named_subjects.get(i, ()))
                if event["actor"] and self._obliged(doc[i]):
                    self._unnamed_speaker(doc[i], index)
        for token in doc:
            # "told Koizumi that Japan must enact reforms": an act coded but not kept for want
            # of a partner ("enact" cooperates with no one) is still demanded
            if token.i not in kept and not _asked_by_governor(token, kept):
                event = self._reported_obligation(token, index) or (
                    self._judgment_event(token, index) if token.i not in verbal else None)
                if event is not None:
                    event["sentence"] = sentence_of[token.i]
                    events.append(event)
        for token in doc:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in consumed:
                event = self._nominal_event(token, index, verbal, kept)
                if event is not None:
                    event["sentence"] = sentence_of[token.i]
                    events.append(event)
        events.sort(key=lambda e: e["trigger"][0])
        return [e for e in events if e["confidence"] >= self.min_confidence]

    def _verbal_event(self, verb: Token, index: list[int], consumed: set[int],
                      named_subjects: dict[int, tuple[int, ...]]) -> dict | None:
        reporter = _order_reporter(verb)
        if reporter is not None:
            return self._imperative_demand(verb, reporter, index)
        if _in_connective(verb):
            return None  # "toward Sudan as opposed to the plaintiffs": a contrast, no act
        if _as_before(verb):
            return None  # "does not secure the border as agreed": the agreement told before
        if verb.lemma_.lower() in self.aspect and _infinitive_carries_event(verb):
            return None  # "is going to withdraw": the withdrawal is the event (aspect_verbs.tsv)
        if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and \
                verb.head.lemma_.lower() in self.receiving:
            # "rulers face *mounting* U.S. pressure", misread as a clause: the participle
            # describes the pressure faced; nobody mounts it
            return None
        if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and \
                verb.lemma_.lower() in word_list("source_participles.txt"):
            return None  # "officials briefed on the talks said": a source described
        if _told_doer(verb, self.lexicon.nouns):
            return None  # "an attack, orchestrated by Assad": the attack is the event
        if verb.dep_ in ("acl", "advcl") and verb.tag_ in ("VBN", "VBD") and \
                agent(verb) is None and not any(c.dep_.startswith("nsubj") for c in verb.children) \
                and verb.lemma_.lower() in word_list("equipment_participles.txt"):
            return None  # "helicopters equipped with missiles": what they carry
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i == verb.sent.start and \
                agent(verb) is None and verb.lemma_.lower() in word_list(
                    "question_participles.txt"):
            return None  # "Asked about the talks, the minister said": a reporter's question
        if is_infinitive_complement(verb) and any(
                t.lower_ in word_list("anonymity_words.txt") for t in verb.head.subtree
                if t.i < verb.i):
            return None  # "spoke on condition of anonymity to discuss relations with Turkey"
        if verb.tag_ == "VBN" and agent(verb) is None and \
                verb.lemma_.lower() in word_list("belief_participles.txt") and \
                any(c.dep_ == "ccomp" for c in verb.children):
            return None  # "countries are convinced this would lead to ...": a belief
        if verb.lemma_.lower() in self.statement and self._states(verb):
            return None  # "insisted the operation was aimed at ...": an assertion
        named = naming_judgment(verb)
        if named is not None:
            # "called the sanctions illegal": a judgment, whatever the verb's patterns say
            return self._judged(named, verb, index)
        if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and \
                verb.head.lemma_.lower() in naming_verbs() and \
                any(c.dep_ == "auxpass" for c in verb.head.children):
            return None  # "this is called *carrying out* an operation": a name, no act
        if verb.lemma_.lower() in naming_verbs() and any(
                w.dep_ in NAME_DEPS or w.dep_ == "xcomp" and w.tag_ == "VBG"
                for w in named_and_second(verb)[1]):
            # "called Yazov an outstanding military leader", "called the threat extremely
            # dangerous", "this is called carrying out an operation": a name given, no act
            # ("called Erdogan to discuss" still calls)
            return None
        before, after, after_tokens = _clause_words(verb, index)
        match = self.lexicon.match(verb.lower_, verb.lemma_.lower(), before, after)
        if match is not None and match.pattern is not None and self._agent_read(
                verb, match, after_tokens):
            phrase = {t.i for t in verb_agent_phrase(verb)}
            kept = [k for k, i in enumerate(after_tokens) if i not in phrase]
            after, after_tokens = [after[k] for k in kept], [after_tokens[k] for k in kept]
            match = self.lexicon.match(verb.lower_, verb.lemma_.lower(), before, after)
        named: tuple[int, ...] = ()  # words of a passive's subject its pattern names
        if match is not None and match.pattern is None:
            match, named = self._passive_match(verb, before, after, match)
        if match is not None and match.pattern is None:
            match = self._object_relative_match(verb, before, after, match)
        if (match is None or not match.code) and verb.lemma_.lower() in self.wishing and \
                wished_clause(verb) is not None:
            match = Match(WISH_CAMEO, None, ())  # "wants Germany to pay": asked of Germany
        if (match is None or not match.code) and \
                verb.lemma_.lower() in word_list("hosting_verbs.txt") and \
                _guest(verb, index) is not None:
            match = Match(HOST_CAMEO, None, ())  # "received the Iraqi prime minister": hosted
        blamed = _blamed(verb, index) if (match is None or match.pattern is None) and \
            verb.lemma_.lower() in word_list("blaming_verbs.txt") else None
        if blamed is not None:
            # "said the US was responsible for the attack"; "agreed that Assad was
            # responsible" lays blame, a view shared, no accord (the verb's own default)
            match = Match(BLAME_CAMEO, None, ())
        # "launched an offensive", "held talks": a light verb's event is its noun's, unless a
        # pattern of the verb names that very noun ("imposed a curfew").
        light = self._light_noun(verb)
        if light is not None and match is not None and match.code and any(
                after_tokens[i] == light.i for i in match.used):
            # A pattern of the verb names that very noun ("imposed a curfew", "began his
            # Japan trip"): the pattern's code, the noun's parties.
            code, used = match.code, [after_tokens[i] for i in match.used]
        elif light is not None:
            entry = _nominal_entry(self.lexicon.nouns, light)
            assert entry is not None
            code, used = entry.code, [light.i]
        elif match is None or not match.code or match.pattern is None and _names_object(verb):
            return None
        else:
            code, used = match.code, [after_tokens[i] for i in match.used]
        info = self.ontology.lookup(code)
        if info is None or not info.event:
            return None
        if info.event == "AGREE" and verb.lemma_.lower() in word_list("view_verbs.txt") and \
                _says_what_is(verb, self.obligation_governors):
            return None  # "agreed that the stock market was over-heated": a view shared
        if info.event == "THREATEN" and light is None and match.pattern is None and \
                verb.lemma_.lower() in self.warning and _warns_of_danger(verb, index):
            return None
        if info.event == "THREATEN" and light is not None and \
                light.lemma_.lower() in self.warning and _warns_of_danger(light, index):
            return None  # "issued warnings that criminals have been stealing": a danger
        if info.event == "THREATEN" and light is None and match.pattern is None and \
                verb.lemma_.lower() in self.warning and _warns_of_conduct(verb, index):
            # "warned that Trump was placing US security at risk": what a party is doing or
            # has done is criticised, no threat is made
            info = self.ontology.lookup(CONDUCT_WARNING_CAMEO) or info
        subj, passive = subject(verb)
        # "Turkey announced plans to launch an offensive": the plan's holder launches it
        subj = self._intender(verb) or subj
        passive = passive or any(c.dep_ == "auxpass" for c in verb.children)
        if passive and stative_participle(verb):
            passive = False  # "rebels were involved in the fighting": a state, they fought
        by = agent(verb) if passive else None
        if verb.lemma_.lower() in self.party_subject and (
                not passive and subj is not None and not _names_party(subj, index) or
                by is not None and not _names_party(next(iter(_shares_of(by)), by), index)):
            # "the crisis allowed", "could be threatened by Iranian missiles"; "besieged by a
            # mixture of US-backed Kurds and Russian special forces" names parties
            return None
        if passive and by is not None and info.event == "SUPPORT" and not any(
                _names_party(t, index) for t in _owned_phrase(next(iter(_shares_of(by)), by))):
            # "an assault backed by napalm and cluster bombs": a means, no support; "supported
            # by Russian air power" names its party
            return None
        if passive and by is None and verb.lemma_.lower() in self.circumstance and any(
                is_infinitive_complement(c) for c in verb.children):
            return None  # "the paper was forced to issue a correction": a circumstance
        if not passive and subj is not None and subj.head.i == verb.i and \
                _told_to_occur(subj) and not _names_party(subj, index) and \
                _nominal_entry(self.lexicon.nouns, subj) is None and \
                not _names_word(match.pattern, subj):
            # "the launch of the campaign came on Sunday", "money coming to the US": a thing
            # that happens or comes does nothing ("war erupted" is the war, the pattern's)
            return None
        held_subject = [subj] if passive and subj is not None else []
        if info.code.startswith(PROTECTION_CAMEO) and light is None and not any(
                mentions_under(held, index) or _personal(held)
                for held in held_subject or objects(verb)):
            return None  # "the YPG defended Kobane": ground held, no one protected
        if info.code.startswith(DEFENCE_CAMEOS) and light is None and any(
                _ground(held, index) for held in
                held_subject or [c for c in verb.children if c.dep_ == "dobj"]):
            return None  # "defending Kurdish-held territory from a Turkish invasion"
        consumed.update(used)
        if verb.lemma_.lower() in word_list("retracting_verbs.txt") and light is None:
            # "dropped its insistence that the price be revised": the act retracts its
            # object, which is no event of its own ("fled the fighting" did not)
            consumed.update(o.i for o in verb.children if o.dep_ in ("dobj", "obj") and
                            _nominal_entry(self.lexicon.nouns, o) is not None)
        named_subjects[verb.i] = named
        if not passive and subj is not None and subj.lemma_.lower() in self.documents and \
                not mentions_under(subj, index) and self._author(verb) is None:
            # "the pact calls on Japan": a text, no party (document_nouns.tsv); what it calls
            # for ("calls for the withdrawal") is its content, no event either
            return None
        # "whose killing at the hands of Houthi rebels": the parser's gerund names its doer
        actor_head = by if passive else hands_of(verb) or subj
        skip = {subj.i} if subj is not None else set()
        depth = _object_depth(info.event)
        recipients: list[int] = []
        noun_actors: list[int] = []
        if light is not None:
            # The noun's own phrase names its parties ("talks *with Iran*", "the release *of
            # hostages*"); the noun itself is no recipient.
            entry = _nominal_entry(self.lexicon.nouns, light)
            assert entry is not None
            noun_actors, recipients = _nominal_roles(light, entry, index,
                                                     asked=info.event in ASKED_TYPES)
            skip.add(light.i)
            if light.head.i != verb.i:  # "took part in talks": the noun hangs on a preposition
                skip.add(light.head.i)
        if info.event == "CONSULT":
            # "arrived from Tehran", "flew in from Syria": where a traveller comes from is
            # no host
            skip.update(c.i for c in verb.children if c.dep_ == "prep" and c.lower_ in
                        SOURCE_PREPS | PREP_HEADS.keys())
        if blamed is not None:
            recipients = mentions_under(blamed, index)  # "agreed it was likely *X* was to blame"
        for obj in objects(verb, skip=skip) if blamed is None else ():
            recipients.extend(m for m in mentions_under(obj, index, depth) if m not in recipients)
        if not passive and actor_head is not None and (doer := hands_of(verb)) is not None \
                and actor_head.i == doer.i:
            # "whose killing at the hands of Houthi rebels": the owner of the act undergoes it,
            # as does the subject of "died at the hands of the police"
            undergoers = [c for c in verb.children if c.dep_ == "poss" or c.lower_ == "whose"]
            undergoers += [subj] if subj is not None else []
            recipients.extend(m for c in undergoers
                              for m in mentions_under(c, index) if m not in recipients)
        if info.mode == "visit":
            # "hosted a visit by the Israeli prime minister": the visitor is the host's guest
            recipients = [m for obj in objects(verb, skip=skip)
                          for m in _agent_mentions(obj, index)] or recipients
        if info.mode == "visit" and not recipients:
            # "arrived in Moscow": where a traveller arrives is the place visited
            recipients = [m for obj in prep_objects(verb, ARRIVAL_PREPS)
                          for m in mentions_under(obj, index, depth)
                          if verb.doc._.ew_mentions[m]["kind"] in PLACE_KINDS]
        if verb.lemma_.lower() in word_list("refuge_verbs.txt"):
            # "she fled *to Syria*": where one goes is no recipient (refuge_verbs.txt)
            refuges = {m for obj in prep_objects(verb, REFUGE_PREPS)
                       for m in mentions_under(obj, index, depth)}
            recipients = [r for r in recipients if r not in refuges]
        if passive and subj is not None:
            # "A camp for Congolese refugees was attacked": the refugees were.
            recipients = mentions_under(subj, index, preps=SERVED_PREPS) + recipients
        if not recipients:
            recipients = _complement_recipients(verb, index, depth)
        mentions = verb.doc._.ew_mentions
        if light is not None and info.event == "PROTEST" and not any(
                mentions[r]["code"] for r in recipients):
            recipients += _protest_targets(light, index)
        if not any(mentions[r]["code"] for r in recipients):
            recipients += _condition_recipients(verb, index)
        if info.event in ASKED_TYPES and not passive and not recipients:
            # "called for intervention *by Russia*": the parser hangs the doer of the act
            # asked for on the verb of asking, who is asked
            recipients = _agent_mentions(verb, index)
        actors = mentions_under(actor_head, index) if actor_head is not None else []
        if not actors and (author := self._author(verb)) is not None:
            actors = mentions_under(author, index)
        if not actors and passive and by is None and info.event in SPEAKER_ASKED_TYPES and \
                (speaker := reporting_subject(verb)) is not None:
            # "Providers have been asked to isolate networks, the ministry said": the
            # reporter of a request whose asker is unnamed made it.
            actors = mentions_under(speaker, index)
        if not actors and passive and by is None and info.event in ENFORCED_TYPES and \
                (speaker := reporting_subject(verb)) is not None:
            # "Police said the suspect was arrested in Warsaw": the police arrested him
            # (the speaker's own head word: a "state-run news agency" is no state)
            own = index[speaker.i]
            actors = [own] if own >= 0 and \
                verb.doc._.ew_mentions[own]["sector"] in ENFORCING_SECTORS else []
        if not actors and actor_head is not None and actor_head.pos_ == "PROPN" and \
                actor_head.i not in (verb.doc._.ew_wire_marks or ()):
            actors = [_unresolved_mention(actor_head, index)]
        if info.event in JOINT_TYPES or not actors:  # "held talks *with Iran*"; "police patrols"
            actors = actors + [a for a in noun_actors if a not in actors]
        receiving = self.receiving.get(verb.lemma_.lower()) == ""
        obtained = light is None and match is not None and match.pattern is not None and \
            match.pattern.block == OBTAIN_BLOCK
        if (receiving or obtained) and not passive and \
                info.code != HOST_CAMEO and not any(c.dep_ == "prt" for c in verb.children) \
                and any(c.dep_ in ("dobj", "obj") for c in verb.children):
            # "Russia received military aid from China", "Laschet won the backing of Spahn":
            # the giver gives, the subject receives; a phrasal verb is another verb ("the US
            # *draws down* its troops" withdraws them), and so is one with nothing received
            # ("troops *got out of* the town")
            givers = [m for holder in (verb, *objects(verb))
                      for obj in prep_objects(holder, SOURCE_PREPS)
                      for m in mentions_under(obj, index)]
            givers += [m for act in verb.children if act.dep_ in ("dobj", "obj") and
                       _nominal_entry(self.lexicon.nouns, act) is not None
                       for obj in prep_objects(act, {GIVER_OF})
                       for m in mentions_under(obj, index) if m not in givers]
            if givers or receiving:
                # (won from no one named, it stays the winner's act: "won a seat in parliament")
                actors, recipients = givers, actors
        civilians = self.displaced.get(verb.lemma_.lower())
        if civilians and actors and not passive and all(
                _sector_or_private(mentions[a], verb.doc) in civilians for a in actors):
            # "Syrian refugees fled": people driven out, by whoever drove them (PLOVER)
            if any(c.dep_ in ("advcl", "xcomp") and is_infinitive_complement(c) and
                   c.lemma_.lower() not in word_list("escape_purposes.txt")
                   for c in verb.children):
                return None  # "fled the UK to join Isis": a journey with an aim
            info = self.ontology.lookup(DISPLACED_CAMEO) or info
            actors, recipients = [], actors
        own = self.ontology.lookup(self.lexicon.default_code(verb.lower_, verb.lemma_.lower()))
        if own is not None and own.event in CROWD_TYPES and info.event in VERBAL_TYPES and (
                _crowd_subject(verb) or actors and all(_popular(verb.doc, mentions[a])
                                                       for a in actors)):
            # "thousands protested against the decision", "Palestinians protested against the
            # decision in Gaza": a crowd demonstrates, where a state objects (the dictionary
            # reads protesting a decision as a verbal objection)
            info = own
        sense = official_senses().get(info.code)
        if sense is not None and own is not None and own.event == info.event and actors and \
                _doers_of_kind(verb.doc, sense[1], [mentions[a] for a in actors],
                               [mentions[r] for r in recipients]):
            # "Britain protested the limits", "the senator clashed with Trump"; not
            # "announcing the strikes", whose act is the object's
            info = self.ontology.lookup(sense[0]) or info
        aided = _aid_purpose(verb) if info.event == "MOBILIZE" and not passive else None
        if aided is not None:
            # "Ankara has sent troops to support the government in Tripoli": assistance to
            # whom the purpose names, no build-up against anyone
            info = self.ontology.lookup(MILITARY_AID_CAMEO) or info
            recipients = [m for obj in objects(aided) for m in mentions_under(obj, index, depth)]
        helped = _sent_to_parties(verb, index, actors) \
            if info.event == "MOBILIZE" and not passive else []
        if helped:
            # "sent soldiers and equipment to the GNA": forces sent to a party help it
            info = self.ontology.lookup(MILITARY_AID_CAMEO) or info
            recipients = helped
        armed = armed_senses().get(light.lower_) if light is not None else None
        if armed is not None and any(_armed_doer(light, mentions[a], armed[1]) for a in actors):
            info = self.ontology.lookup(armed[0]) or info  # "Russia carried out strikes"
        recipients = [r for r in recipients if not _own(verb.doc, r, actors)]
        journey = verb.lemma_.lower() in word_list("journey_verbs.txt")
        if info.mode == "visit" and journey or \
                info.event == "RETREAT" and verb.lemma_.lower() in self.displaced:
            # "will travel with Erdogan to Damascus", "didn't travel through town with them",
            # "fled with his family to Saudi Arabia": companions go too, no one undergoes it
            companions = [m for obj in prep_objects(verb, COMPANION_PREPS)
                          for m in mentions_under(obj, index, depth)]
            recipients = [r for r in recipients if r not in companions]
            actors += [c for c in companions if c not in actors]
            if info.mode == "visit" and not recipients:
                return None  # a journey to no place or party named visits no one
        if info.mode == "visit" and _home(mentions, actors, recipients):
            return None  # "thirty Filipinos returned to the Philippines": home, no visit
        if info.event == "CONSULT" and any(mentions[a]["sector"] in PRESS_SECTORS
                                           for a in actors):
            return None  # "diplomats contacted by the Guardian": reporting, no consultation
        if info.event == "CONSULT" and journey and \
                _private_journey(verb, [mentions[a] for a in actors]):
            return None  # "then he went to Syria", "Britons who travel to Syria": no visit
        warning = light if light is not None else verb
        if info.event == "THREATEN" and warning.lemma_.lower() in self.warning and \
                _warned_to_think(warning):
            # "warned the EU not to think that ...", "issued a warning to Russia not to
            # think ...": advice, no threat
            return None
        if info.event == "THREATEN" and verb.lemma_.lower() in self.warning and \
                _own_people_only(verb.doc, recipients):
            # "Hussein warned his frontline troops to expect attacks": an alert to one's own,
            # no threat to anyone
            return None
        if verb.lemma_.lower() in word_list("contest_verbs.txt") and recipients and all(
                mentions[r]["kind"] == "person" and not _armed(mentions[r])
                for r in recipients) and not any(_armed(mentions[a]) for a in actors):
            return None  # "re-entered politics to defeat his former protege Najib": a contest
        if verb.lemma_.lower() in word_list("striving_verbs.txt") and \
                any(is_infinitive_complement(c) for c in verb.children) and actors and \
                not any(_armed(mentions[a]) for a in actors):
            return None  # "Reagan, fighting to regain public confidence": striving, no fight
        if info.event == "REQUEST" and verb.lemma_.lower() in self.commands and \
                _commands_own(verb.doc, actors, recipients):
            # "as the president has ordered", "ordered British forces to join": an order to
            # one's own forces appeals to no other party; the ordered act is the event
            return None
        reach = LIGHT_REACH if light is not None else 2
        trigger_end = max([verb.i + 1, *[_phrase_end(verb.doc[u]) for u in used
                                         if 0 < u - verb.i <= reach]])
        event = self._event(info.code, verb, trigger_end, actors, recipients)
        if light is not None:
            event["sense"] = "light"
        else:
            event["sense"] = "pattern" if match.pattern is not None else "default"
        return event

    def _passive_match(self, verb: Token, before: list[Word], after: list[Word],
                       match: Match) -> tuple[Match, tuple[int, ...]]:
        """A passive verb's patterns read its subject as the object it is: "the militants
        were hunted by Iraqi police" is "hunted the militants", "fighters held by Kurdish
        forces" is "held fighters". The dictionary's patterns name the object after the
        verb, as the active voice has it; a pattern matched only so codes the verb, with
        no pattern word in its trigger text. The subject, when the pattern names it and the
        act undoes it, is returned beside it: "sanctions were lifted" makes no sanctions of
        their own."""
        subj, passive = subject(verb)
        passive = passive or any(c.dep_ == "auxpass" for c in verb.children)
        if subj is None or not passive or subj.i > verb.i or stative_participle(verb):
            return match, ()
        if verb.dep_ in ("relcl", "acl") and subj.i != verb.head.i:
            return match, ()  # "the man who was held": the antecedent is read by its clause
        if verb.dep_ == "acl" and _nominal_entry(self.lexicon.nouns, subj) is not None:
            return match, ()  # "talks sponsored by the UN": the noun names the event
        tokens = _passive_object_tokens(subj, verb)
        words = [matcher_word(t, direct=t.i == subj.i) for t in tokens]
        found = self.lexicon.match(verb.lower_, verb.lemma_.lower(), before, words + after)
        if found is None or found.pattern is None:
            return match, ()
        head = next(k for k, t in enumerate(tokens) if t.i == subj.i)
        if not found.code:
            # "the report was released": a pattern of no event that names the subject itself
            # voids the verb, as "released the report" does
            return (Match("", found.pattern, ()) if head in found.used else match), ()
        return Match(found.code, found.pattern, ()), \
            (subj.i,) if head in found.used and self._undone(found.code, subj) else ()

    def _undone(self, code: str, noun: Token) -> bool:
        """The act coded ``code`` undoes or is the event the noun names ("sanctions were
        lifted", "sanctions were imposed"), which is then no event of its own."""
        info, entry = self.ontology.lookup(code), _nominal_entry(self.lexicon.nouns, noun)
        if info is None or entry is None:
            return False
        own = self.ontology.lookup(entry.code)
        return info.event in UNDOING_TYPES or own is not None and own.event == info.event

    def _object_relative_match(self, verb: Token, before: list[Word], after: list[Word],
                               match: Match) -> Match:
        """An active relative clause with no object of its own has the noun it modifies as
        its object: "the 100 pct tariffs *he imposed* on Japanese goods" imposes tariffs,
        "the sanctions *which Washington imposed*" too. The dictionary's patterns name the
        object after the verb; a pattern matched only so codes the verb, as a passive's."""
        if verb.dep_ != "relcl" or verb.head.i > verb.i or verb.head.pos_ not in ("NOUN", "PROPN"):
            return match
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return match
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.tag_ in ("WDT", "WP"):
            return match  # "the talks that ended": the noun is the subject
        if any(c.dep_ in ("dobj", "obj") and c.tag_ not in ("WDT", "WP") for c in verb.children):
            return match  # "the country whose army attacked the town": an object of its own
        tokens = _passive_object_tokens(verb.head, verb)
        words = [matcher_word(t, direct=t.i == verb.head.i) for t in tokens]
        found = self.lexicon.match(verb.lower_, verb.lemma_.lower(), before, words + after)
        head = next(k for k, t in enumerate(tokens) if t.i == verb.head.i)
        if found is None or found.pattern is None or not found.code or head not in found.used:
            # The pattern must name the noun itself, not a word of its modifiers ("the
            # agreement's clause which the government used" uses no agreement).
            return match
        return Match(found.code, found.pattern, ())

    @staticmethod
    def _agent_read(verb: Token, match: Match, after_tokens: list[int]) -> bool:
        """A pattern matched words of a passive verb's "by" phrase, reading its agent as
        the object: "were attacked by government troops" is no "attacked the government"
        (criticism). Patterns that name "by" themselves ("supported by troops") stand."""
        phrase = {t.i for t in verb_agent_phrase(verb)}
        used = {after_tokens[i] for i in match.used}
        return bool(used & phrase) and not any(verb.doc[i].lower_ == "by" for i in used)

    def _states(self, verb: Token) -> bool:
        """The verb (or noun) governs a clause that asserts rather than asks: no obligation
        auxiliary, no bare (subjunctive) verb (statement_verbs.tsv, statement_nouns.tsv); or an
        indirect question ("asked if he would close the bases"). A noun's clause is the one
        "that" opens ("the suggestion that Japan could intervene")."""
        clause = next((c for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "advcl"
                       and _opened_by(c, QUESTION_MARKS) or c.dep_ == "acl"
                       and verb.pos_ in ("NOUN", "PROPN") and _opened_by(c, THAT_MARK)), None)
        if clause is None or not clause.tag_.startswith("VB"):
            return False  # no clause, or one the parser tagged no verb: keep the demand
        if _opened_by(clause, QUESTION_MARKS):
            return True
        auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ == "to" or a.lower_ in self.obligation_aux for a in auxiliaries):
            return False  # "advised travellers to self isolate", "insisted Britain must ..."
        if auxiliaries:
            # a bare auxiliary is a subjunctive: "asked that the talks be put off"
            return not all(a.tag_ == "VB" for a in auxiliaries)
        # A bare verb is a subjunctive: "insisted that the president resign", and a present
        # under a past verb of saying ("insisted I fight again"; an assertion would be
        # "fought")
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        singular = subj is not None and (subj.tag_ in ("NN", "NNP") or
                                         subj.lower_ in ("he", "she", "it"))
        return not (clause.tag_ == "VB" or clause.tag_ == "VBP" and (
            singular or verb.tag_ == "VBD"))

    def _intent_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and token.lemma_.lower() in self.intents

    def _intender(self, verb: Token) -> Token | None:
        """Who holds the plan whose infinitive the verb is ("Turkey announced plans *to
        launch* an offensive"): the subject of the verb that has the plan (intent_nouns.tsv)."""
        plan = verb.head
        if verb.dep_ != "acl" or not self._intent_noun(plan) or \
                plan.dep_ not in ("dobj", "obj") or not has_to_marker(verb):
            return None
        owner, passive = subject(plan.head)
        return None if passive else owner

    def _intent_told(self, verb: Token, event: dict[str, Any],
                     verbal: Mapping[int, dict[str, Any]]) -> bool:
        """A verb's event that only says a plan was had or told ("announced plans") when the
        plan's infinitive codes the act intended, which is the event."""
        return event["event"] == "AGREE" and any(self._intent_noun(plan) and any(
            act.dep_ == "acl" and act.i in verbal and verbal[act.i]["actor"]
            for act in plan.children) for plan in verb.children if plan.dep_ in ("dobj", "obj")
            and event["trigger"][0] <= plan.i < event["trigger"][1])

    def _reported_obligation(self, verb: Token, index: list[int]) -> EventDraft | None:
        """"Anton said the authorities should do more": a demand the speaker makes of the
        authorities, whatever the demanded act, which may code no event of its own. The
        draft's actor is the obliged party; the modality stage makes the speaker the actor
        and the obliged party the recipient, as for any obligation it reports."""
        if verb.pos_ != "VERB" or verb.dep_ in NON_PREDICATE_DEPS or \
                verb.lemma_.lower() in self.receiving or \
                verb.lower_ in word_list("feeling_participles.txt"):
            # "should be able", "must not be complacent", "Assad should be relieved": a
            # judgment; "children should not suffer": what befalls someone is asked of no one
            return None
        speaker = reporting_subject(verb) if self._obliged(verb) else None
        if speaker is None:
            return None
        mentions = verb.doc._.ew_mentions
        speakers = mentions_under(speaker, index)
        if not speakers and speaker.pos_ != "PROPN" and not _personal(speaker):
            return None
        owner, passive = subject(verb)
        if owner is None or owner.pos_ == "PRON":
            return None  # "said we must go on", "said it should be possible": no one is asked
        if any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in owner.children):
            return None  # "every people needs to take an interest": a maxim, no one asked
        if index[owner.i] < 0 and not passive and \
                owner.lemma_.lower() not in word_list("party_nouns.txt"):
            return None  # "the U.S. economy should expand": a forecast of a thing, no party
        obliged_parties = [m for m in mentions_under(owner, index) if m not in speakers]
        passive = passive or any(c.dep_ == "auxpass" for c in verb.children)
        if not obliged_parties and not passive or own_state(mentions, obliged_parties, speakers):
            return None
        if not speakers and speaker.pos_ == "PROPN":
            # a named speaker the knowledge base does not know ("Anton said")
            _unresolved_mention(speaker, index)
        elif not speakers:
            self._unnamed_speaker(verb, index)
        event = self._event(DEMAND_CAMEO, verb, verb.i + 1, obliged_parties, [])
        event["sense"] = "obligation"
        return event

    def _obliged(self, verb: Token) -> bool:
        """"should take back", "must withdraw", "needs to pay": an act someone must do."""
        return any(c.dep_ == "aux" and c.lower_ in self.obligation_aux for c in verb.children) \
            or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.obligation_governors

    def _unnamed_speaker(self, verb: Token, index: list[int]) -> None:
        """"He said Britain should take back its fighters": a pronoun speaker no antecedent
        resolves still makes the demand (an uncoded actor), so the modality stage does not
        leave the act to the party it is asked of."""
        speaker = reporting_subject(verb)
        if speaker is not None and _personal(speaker) and not mentions_under(speaker, index):
            _unresolved_pronoun(speaker, index)

    def _imperative_demand(self, verb: Token, reporter: Token,
                           index: list[int]) -> EventDraft | None:
        """""Leave Syria," Erdogan told the Kurdish militia: an order quoted is a demand the
        speaker makes of whom the verb of saying (``reporter``) addresses (its object, or
        whom "to" names: "said in a message to Hamas"). It is coded when it names an
        addressee or asks for an act the verb tables code; "Look," he told reporters asks
        for nothing political."""
        if verb.lemma_.lower() in self.discourse_imperatives:
            return None
        speaker = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
        speakers = mentions_under(speaker, index) if speaker is not None else []
        if not speakers:
            return None
        addressees = [m for child in reporter.children if child.i != verb.i and
                      child.dep_ in ADDRESSEE_DEPS and (child.dep_ != "prep" or child.lower_ in
                                                        ADDRESSEE_PREPS)
                      for m in mentions_under(child, index) if m not in speakers]
        if not addressees:
            before, after, _ = _clause_words(verb, index)
            asked = self.lexicon.match(verb.lower_, verb.lemma_.lower(), before, after)
            if asked is None or not asked.code:
                return None
        event = self._event(DEMAND_CAMEO, verb, verb.i + 1, speakers, addressees)
        event["sense"] = "imperative"
        return event

    def _judgment_event(self, word: Token, index: list[int]) -> EventDraft | None:
        """"Hasen said it was *unfortunate* that California is introducing so many changes":
        a judgment of another party's act criticises or praises it (evaluations.py)."""
        found = judgment(word)
        return self._judged(found, word, index) if found is not None else None

    def _judged(self, found: Judgment, trigger: Token, index: list[int]) -> EventDraft | None:
        """The event of a judgment, aimed at whom the judged phrases name, or None when they
        name no one."""
        recipients = [m for head in found.judged for m in mentions_under(head, index)]
        actors = mentions_under(found.judge, index) if found.judge is not None else []
        recipients = [m for m in recipients if m not in actors]
        if not recipients:
            return None  # "it is unfortunate": nobody is judged
        event = self._event(found.code, trigger, trigger.i + 1, actors, recipients)
        event["sense"] = "judgment"
        return event

    def _headline_event(self, token: Token, index: list[int], consumed: set[int]) -> dict | None:
        """A verb the parser read as a plural noun between two actors ("as *Beijing pressures
        Tokyo* over", "US sanctions Iran"): the actor before it acts on the one after."""
        after_tokens = [t for t in token.doc[token.i + 1:token.sent.end] if not t.is_punct][:8]
        after = [matcher_word(t, direct=t.i == token.i + 1) for t in after_tokens]
        lemma = token.lemma_.lower()
        match = self.lexicon.match(token.lower_, lemma, [], after)
        if match is None or not match.code:
            return None
        info = self.ontology.lookup(match.code)
        if info is None or not info.event:
            return None
        consumed.add(token.i)
        consumed.update(after_tokens[i].i for i in match.used)
        event = self._event(info.code, token, token.i + 1, [index[token.i - 1]],
                            [index[token.i + 1]])
        event["sense"] = "pattern" if match.pattern is not None else "default"
        return event

    def _light_noun(self, verb: Token) -> Token | None:
        """The event noun a light verb governs: its object ("launched *an offensive*"), the
        subject of its passive ("an attack was carried out"), or the object of its
        preposition ("engaged in *fighting*", "took part in *talks*"); light_verbs.tsv."""
        prep = self.lexicon.light.get(verb.lemma_.lower())
        if prep is None:
            return None
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        # "declared that Isis had been defeated, *a proposition* disputed by experts": a noun
        # after the verb's reported clause sums the clause up; an object comes before it
        clause_end = min((c.i for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i),
                         default=len(verb.doc))
        candidates: list[Token] = []
        for child in verb.children:
            if child.i > clause_end:
                continue
            if not prep and (child.dep_ in LIGHT_OBJECT_DEPS or passive and child.dep_ ==
                             "nsubjpass"):
                candidates.append(child)
            elif prep and child.dep_ in ("dobj", "obj", "prep"):
                holder = [child] if child.dep_ == "prep" else list(child.children)
                candidates.extend(o for p in holder if p.dep_ == "prep" and p.lower_ == prep
                                  for o in p.children if o.dep_ == "pobj")
        # "launched a wave *of airstrikes*", "imposed a new round *of sanctions*": read
        # through a noun of a share or a batch (partitive_nouns.tsv)
        candidates.extend(o for c in list(candidates) for o in _shares_of(c))
        return next((c for c in candidates if c.pos_ in ("NOUN", "ADJ")
                     and _nominal_entry(self.lexicon.nouns, c) is not None
                     and not self._figurative(c)), None)

    def _figurative(self, noun: Token) -> bool:
        """An event noun in a sense that names no event: "a legal battle", "the trade war",
        "the fight against the virus", "the battle to contain the virus" (noun_idioms.tsv)."""
        idiom = self.noun_idioms.get(noun.lemma_.lower())
        if idiom is None:
            return False
        modifiers, objects = idiom
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in modifiers:
                return True
            if child.dep_ == "prep" and any(o.dep_ == "pobj" and o.lemma_.lower() in objects
                                            for o in child.children):
                return True
            if child.dep_ == "acl" and any(o.dep_ in ("dobj", "obj") and o.lemma_.lower()
                                           in objects for o in child.children):
                return True  # "the battle to contain the virus"
        return False

    def _author(self, verb: Token) -> Token | None:
        """Who speaks through a participle on an issued thing: "the PKK issued a
        declaration *demanding* that ..." demands as the PKK (authored_nouns.tsv)."""
        noun = verb.head
        if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.lemma_.lower() not in self.authored:
            return None
        governor = noun.head
        if noun.dep_ == "pobj" and governor.dep_ == "prep":
            governor = governor.head  # "said in a statement condemning ..."
        elif noun.dep_ not in ("dobj", "obj"):
            return None
        if governor.pos_ not in ("VERB", "AUX"):
            return None
        owner, passive = subject(governor)
        return agent(governor) if passive else owner

    def _nominal_event(self, noun: Token, index: list[int],
                       verb_events: Container[int] = (),
                       kept: Mapping[int, dict[str, Any]] | None = None) -> dict | None:
        """verb_events: tokens that trigger verbal events; their object noun is what they
        react to ("Pakistan *condemned* the bombing": Pakistan bombed nothing). kept: the
        verbal events coded, by trigger token."""
        if first_conjunct(noun).dep_ in NOUN_MODIFIER_DEPS or _hyphen_modifier(noun):
            # a modifier names a kind of thing: "battle lines", "fighting force",
            # "battle-tested fighters", "labour, tax and state aid standards"
            return None
        if _in_name(noun, index):
            return None  # "the Popular Front for the *Liberation* of Palestine": a name
        if _forbidden(noun):
            return None  # "lifted the ban on opposition rallies": forbidden, not held
        entry = _nominal_entry(self.lexicon.nouns, noun)
        if entry is None or self._figurative(noun):
            return None
        info = self.ontology.lookup(entry.code)
        if info is None or not info.event:
            return None
        armed = armed_senses().get(noun.lower_)
        if armed is not None and _attacker(noun, kept or {}):
            # "a US strike killed the general": the military strike, not a walkout
            info = self.ontology.lookup(armed[0]) or info
        if _same_act(noun, info.event, kept or {}):
            return None
        if info.event in ("CONSULT", "PROTEST") and self._addressed(noun):
            # "told a cabinet meeting that ...", "told the rally in Ahmedabad that ...": an
            # audience, no consultation or demonstration
            return None
        if noun.lemma_.lower() in self.statement_nouns and self._states(noun):
            return None  # "the suggestion that Japan could intervene": a remark
        if info.event == "THREATEN" and _warned_to_think(noun):
            return None  # "a pointed warning to Russia not to think that ...": advice
        if noun.dep_ in ("dobj", "obj", "attr") and noun.head.lemma_.lower() in self.assessing \
                and not any(c.dep_ == "expl" for c in noun.head.children):
            # "Isis poses a threat to Iraq": what something is, no act; "*there* were
            # clashes" says that the act took place
            return None
        if noun.lemma_.lower() in self.complemented and not _completed(
                noun, self.complemented[noun.lemma_.lower()]):
            return None  # "reduce the Iranian threat": a danger, no act
        # A derived noun takes the subject of a verb only through a light verb (coded there):
        # in "condemned the arrest of X" the condemner made no arrest.
        undergoer = self._undergoer(noun)
        holder = _borrowed_from(noun, entry)
        # ... unless the verb owns the act through a word ("claimed responsibility for the
        # bombing", "is responsible for the killings"; claimed_nouns.tsv)
        lender = holder if (not entry.derived or holder is not None and
                            holder.i != noun.head.i) and undergoer is None and \
            holder is not None and holder.i not in verb_events else None
        actors, recipients = _nominal_roles(noun, entry, index, lender=lender,
                                            asked=info.event in ASKED_TYPES)
        if undergoer is not None and not actors:
            # "Turkey drew condemnation *from Germany*": the parser hangs the giver on the verb
            actors = [m for g in prep_objects(noun.head, SOURCE_PREPS)
                      for m in mentions_under(g, index)]
        if undergoer is not None and (actors or info.event in self.undergone_alone):
            # only when someone does it, or it is a type that says someone did:
            # "faces mounting pressure" names no act of anyone; "faces charges" does
            recipients += [m for m in mentions_under(undergoer, index) if m not in actors]
        mentions = noun.doc._.ew_mentions
        if armed is not None and any(_armed_doer(noun, mentions[a], armed[1]) for a in actors):
            info = self.ontology.lookup(armed[0]) or info  # "Russian military strikes"
        helped = _sent_to_parties(noun, index, actors) if info.event == "MOBILIZE" else []
        if helped:
            # "the deployment of Turkish soldiers to the GNA": military assistance
            info = self.ontology.lookup(MILITARY_AID_CAMEO) or info
            recipients = helped
        if info.event == "PROTEST" and actors and all(
                _named_for(noun, mentions[a]) and _politician(noun.doc, mentions[a])
                for a in actors):
            return None  # "a 'Namaste Trump' rally", "a Modi rally": held for a leader
        if info.event == "PROTEST" and not any(mentions[r]["code"] for r in recipients):
            recipients += _protest_targets(noun, index)
        if not actors and not recipients and info.event not in UNNAMED_TYPES:
            return None
        event = self._event(info.code, noun, noun.i + 1, actors, recipients, nominal=True)
        event["sense"] = "noun"
        return event

    def _addressed(self, noun: Token) -> bool:
        """A gathering a speaker addresses ("told *a cabinet meeting*", "said *to a
        conference*"; audience_verbs.tsv)."""
        verb, prep = noun.head, ""
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            verb, prep = verb.head, verb.lower_
        elif noun.dep_ not in ("dobj", "obj", "dative"):
            return False
        return verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower(), prep) in self.audience

    def _undergoer(self, noun: Token) -> Token | None:
        """The subject of a verb that undergoes the noun ("*Turkey* faces pressure", "*the
        town* came under attack"; receiving_verbs.tsv), or None."""
        verb, prep = noun.head, ""
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            verb, prep = verb.head, verb.lower_
        elif noun.dep_ not in ("dobj", "obj"):
            return None
        if self.receiving.get(verb.lemma_.lower()) != prep or verb.pos_ not in ("VERB", "AUX"):
            return None
        owner, passive = subject(verb)
        return None if passive else owner

    def _event(self, code: str, trigger: Token, end: int, actors: list[int],
               recipients: list[int], nominal: bool = False) -> EventDraft:
        info = self.ontology.lookup(code)
        assert info is not None
        actors = list(dict.fromkeys(actors))
        recipients = [m for m in dict.fromkeys(recipients) if m not in actors]
        if info.event == "MOBILIZE":
            # "sent *troops* to fight Isis": the force the trigger names is what is sent
            mentions = trigger.doc._.ew_mentions
            recipients = [m for m in recipients if not (
                trigger.i <= mentions[m]["start"] < end and not mentions[m]["code"] and
                mentions[m]["sector"] in word_list("armed_sectors.txt"))]
        mode = self.ontology.mode_from_words(info.event, info.mode, _mode_words(trigger, end))
        modes = [mode] if mode else []
        confidence = _confidence(trigger, bool(actors), bool(recipients) or info.event in
                                 JOINT_TYPES, nominal)
        return new_event(info.event, info.code, (trigger.i, end), actors, recipients, confidence,
                         mode=modes, context=[info.context] if info.context else [])


def _mode_words(trigger: Token, end: int) -> list[str]:
    """The words of a trigger, of its modifiers and of a verb's doer, where a weapon or a
    kind of act that sets the mode is named ("launched *drone* strikes", "a *drone* attack",
    "went on *strike*", "helicopter *gunships* attacked", "was hit by a *drone*")."""
    words = [t.lower_ for t in trigger.doc[trigger.i:end]]
    words += [t.lower_ for t in trigger.children if t.dep_ in MODE_MODIFIER_DEPS]
    for doer in _doers(trigger):
        words += [doer.lower_, *(t.lower_ for t in doer.children if t.dep_ == "compound")]
    return words


def _doers(verb: Token) -> list[Token]:
    """The head nouns of a verb's own subject and of its "by" agent."""
    doers = [past_dateline(c) for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for c in verb.children if c.dep_ == "agent" for o in c.children
              if o.dep_ == "pobj"]
    return doers


def _unresolved_mention(head: Token, index: list[int]) -> int:
    """Add an uncoded mention for a named subject the knowledge base does not know.

    "Ethopia has agreed ..." is still an event by someone; its actor keeps the
    name from the text, no code and a low confidence rather than a guess.
    """
    doc = head.doc
    marks = doc._.ew_wire_marks or ()
    # the name's own words, not those of a clause or an apposition on it ("the Diamond
    # Princess *who tested positive ... in Alabama*")
    words = [t for t in head.subtree
             if t.pos_ == "PROPN" and index[t.i] < 0 and t.i not in marks and
             _in_name_of(t, head)] or [head]
    start, end = min(t.i for t in words), max(t.i for t in words) + 1
    while any(index[i] >= 0 for i in range(start, end)):  # keep it clear of known mentions
        end -= 1
    span = doc[start:end] if end > start else doc[head.i:head.i + 1]
    mentions = doc._.ew_mentions
    mentions.append(new_mention((span.start, span.end), (span.start_char, span.end_char),
                                span.text, kind="unresolved", confidence=UNRESOLVED_CONFIDENCE,
                                name=span.text))
    country = _place_country(span)
    if country is not None:
        # "California is introducing changes", "Raqqa welcomed the decision": a region or
        # a city of one country named as a party stands for its people and authorities
        mentions[-1]["kind"] = "metonym"
        recode(mentions[-1], "eventwire_events", "place_metonym", code=country,
               name=load_actor_kb().name_of(country), confidence=UNRESOLVED_CONFIDENCE)
    for i in range(span.start, span.end):
        index[i] = len(mentions) - 1
    return len(mentions) - 1


def _in_name_of(word: Token, head: Token) -> bool:
    """Whether a word belongs to the name a head word heads ("*Diamond* Princess", "the
    National Congress for *Timorese* Reconstruction"), not to a clause or an apposition on
    it ("the Diamond Princess who tested positive ... in *Alabama*")."""
    while word.i != head.i:
        if word.dep_ in OUTSIDE_NAME_DEPS:
            return False
        word = word.head
    return True


def _personal(token: Token) -> bool:
    """A personal pronoun that names a party ("he", "they"), not a thing ("it", "this")."""
    return token.tag_ == "PRP" and token.lower_ not in IMPERSONAL_PRONOUNS


def _unresolved_pronoun(token: Token, index: list[int]) -> int:
    """Add an uncoded mention for a pronoun no antecedent resolves: someone acts, unnamed."""
    mentions = token.doc._.ew_mentions
    mentions.append(new_mention((token.i, token.i + 1), (token.idx, token.idx + len(token)),
                                token.text, kind="pronoun", confidence=UNRESOLVED_CONFIDENCE))
    index[token.i] = len(mentions) - 1
    return len(mentions) - 1


def _place_country(span: Span) -> str | None:
    """The one country of a place name the gazetteer knows (a region, a city), or None."""
    if not all(t.ent_type_ in PLACE_ENTITY_TYPES for t in span):
        return None
    return load_gazetteer().only_country(span.text)


def _confidence(trigger: Token, has_actor: bool, has_recipient: bool, nominal: bool) -> float:
    """How sure the event is: the main clause's verb with both roles filled ranks first.

    Each clause boundary between the trigger and the sentence root lowers it
    (an event inside a relative or reported clause is less likely the story's
    point), and so do a descriptive participle ("militiamen *armed* with") and
    an event noun.
    """
    confidence = BASE_CONFIDENCE
    confidence += 0.2 if has_actor else -0.2
    confidence += 0.1 if has_recipient else 0.0
    confidence -= CLAUSE_PENALTY * clause_depth(trigger)
    if trigger.dep_ == "acl" or nominal:
        confidence -= 0.1
    return round(min(max(confidence, 0.05), 0.95), 2)


def verb_agent_phrase(verb: Token) -> list[Token]:
    """The words of a passive verb's own "by" phrase (none when the verb has none)."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return list(by.subtree) if by is not None else []


def _passive_object_tokens(subj: Token, verb: Token) -> list[Token]:
    """The words of a passive verb's subject phrase, down to ``CONTEXT_DEPTH`` and without
    its clauses or the verb's own words ("the fighters *held by* ...")."""
    found: list[Token] = []
    stack = [(subj, 1)]
    while stack:
        t, depth = stack.pop()
        if t.i == verb.i or t.i != subj.i and t.dep_ in CONTEXT_STOP_DEPS:
            continue
        found.append(t)
        if depth < CONTEXT_DEPTH:
            stack.extend((c, depth + 1) for c in t.children)
    return sorted(found, key=lambda t: t.i)


def _clause_words(verb: Token, index: list[int]) -> tuple[list[Word], list[Word], list[int]]:
    """Words of the verb's own phrase before and after it, as the matcher sees them.

    Nested clauses (relative, adverbial, reported) are other predications, and
    words deeper than ``CONTEXT_DEPTH`` below the verb are too far to be part
    of its phrase ("accused X of restoring blackmail in the *negotiations*").
    """
    left: list[Token] = []
    right: list[Token] = []
    # "called on Turkey to withdraw its troops": what the object is asked to do is the
    # content of the request, not words of the verb's phrase ("call up troops").
    controller = object_controller(verb)
    controlled = controller is not None
    # "Corbyn added: “Further UK military intervention ...”": a colon right after the verb
    # opens a quotation, what it says is no word of the verb's phrase, whatever the parse
    quoted = verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ":"
    stack = [(c, 1) for c in verb.children if not (quoted and c.i > verb.i + 1)]
    while stack:
        t, depth = stack.pop()
        # the condition under which a governed infinitive is read as a word of the verb
        when = matched_infinitives().get(verb.lemma_.lower(), {}).get(t.lemma_.lower()) \
            if depth == 1 else None
        if depth == 1 and is_infinitive_complement(t) and (controlled and (
                t.dep_ != "advcl" or index[controller.i] >= 0) or when is not None):
            # Its "to" marker still shows the verb governs an infinitive ("told X *to* go"),
            # also when the parser reads it as an adverbial clause after a party ("pushed
            # Turkey *to* release them"; not "rejected an invitation to attend").
            right.extend(c for c in t.children if c.dep_ == "aux" and c.lower_ == "to")
            if when is not None and controlled and (
                    when != "foreign" or _foreign_controller(verb, controller, index)):
                right.append(t)  # "told the British diplomats to *leave*": they are expelled
            # ("residents were ordered to leave": whose people they are is not told)
            continue
        if t.dep_ in CONTEXT_STOP_DEPS or _is_time_phrase(t):
            if depth == 1 and t.dep_ in ("ccomp", "advcl"):
                # A governed clause's conjunction still shows what the verb governs ("asked
                # *if*", "called *for* a force to be stationed").
                right.extend(c for c in t.children if c.dep_ == "mark" and c.i > verb.i
                             and c.lower_ in CLAUSE_MARKS and not _misread_destination(c, t))
            continue
        if _in_hyphenated_modifier(t):
            pass  # "leave the *war*-battered states": a word of an adjective, no object
        elif t.i < verb.i:
            left.append(t)
        elif not _names_an_actor(t, index):
            right.append(t)
        if depth < CONTEXT_DEPTH:
            # "suspended part of a military aid program": a share and its "of" are read
            # through, at the depth of the share itself
            through = t.lower_ in partitive_nouns() or t.dep_ == "prep" and \
                t.lower_ == "of" and t.head.lower_ in partitive_nouns()
            stack.extend((c, depth if through else depth + 1) for c in t.children)
        elif index[t.i] >= 0:
            # the other words of a party's name at the last depth ("took the dispute to the
            # *World Trade* Organization"), at that depth
            stack.extend((c, depth) for c in t.children
                         if c.dep_ == "compound" and index[c.i] == index[t.i])
    left.sort(key=lambda t: t.i)
    right.sort(key=lambda t: t.i)

    scene_preps = word_list("scene_preps.txt")
    scene = {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in scene_preps
             for t in c.subtree if t.i != c.i}

    def words(tokens: list[Token]) -> list[Word]:
        return [matcher_word(t, direct=_on_the_verb(t, verb), phrase_prep=_phrase_prep(t, verb),
                             scene=t.i in scene)
                for t in tokens]

    return words(left), words(right), [t.i for t in right]


def _in_hyphenated_modifier(token: Token) -> bool:
    """The first word of a hyphenated adjective ("*war*-battered", "*Iranian*-backed")."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].tag_ == "HYPH" and \
        token.head.i == token.i + 2 and token.head.dep_ == "amod"


def _foreign_controller(verb: Token, controller: Token, index: list[int]) -> bool:
    """The people a verb tells to do something belong to another state than its subject:
    "Russia told 23 *British* diplomats to leave" expels them; "ordered US troops to leave"
    (its own), "told residents to leave" (no state) or "told Ukraine to leave the talks" (a
    state, not its people) expels no one."""
    owner, passive = subject(verb)
    if owner is None or passive or index[owner.i] < 0 or index[controller.i] < 0:
        return False
    mentions = verb.doc._.ew_mentions
    ordering, told = mentions[index[owner.i]], mentions[index[controller.i]]
    return None not in (ordering["code"], told["code"], told["sector"]) and \
        ordering["code"] != told["code"]


@cache
def matched_infinitives() -> dict[str, dict[str, str]]:
    """Governing lemma -> the infinitives read as its words, each with its condition
    (matched_infinitives.tsv)."""
    table: dict[str, dict[str, str]] = {}
    for row in read_tsv("events", "matched_infinitives.tsv"):
        table.setdefault(row["verb"], {}).update(
            dict.fromkeys(row["infinitives"].split("|"), row["when"]))
    return table


@cache
def claimed_nouns() -> frozenset[str]:
    """Nouns through which a party owns an act ("claimed responsibility for"):
    claimed_nouns.tsv."""
    return frozenset(r["noun"] for r in read_tsv("events", "claimed_nouns.tsv"))


def _sector_or_private(mention: Mapping[str, Any], doc: Doc) -> str | None:
    """A mention's sector, or "-" for private people with none (displaced_verbs.tsv): a
    pronoun, a name the knowledge base does not know, a people named by its demonym
    ("Syrians", "a British teenager"); None for a state, an organisation or a known figure."""
    if mention["sector"]:
        return mention["sector"]
    if mention["kind"] in PRIVATE_KINDS:
        return PRIVATE_SECTOR
    last = doc[mention["end"] - 1]
    demonym = mention["kind"] == "country" and (last.pos_ == "ADJ" or last.tag_ in PLURAL_TAGS)
    return PRIVATE_SECTOR if demonym else None


@cache
def armed_senses() -> dict[str, tuple[str, frozenset[str]]]:
    """Nouns with a labour sense and an armed one: noun -> (the armed sense's CAMEO code,
    the doers' sectors that choose it) (armed_senses.tsv)."""
    return {r["noun"]: (r["code"], frozenset(r["sectors"].split("|")))
            for r in read_tsv("events", "armed_senses.tsv")}


@cache
def official_senses() -> dict[str, tuple[str, str]]:
    """CAMEO code -> (the code it becomes, the kind of parties that make it so)
    (official_senses.tsv: a state's protest is a diplomatic one, a politician's clash with
    another a dispute)."""
    return {r["from"]: (r["code"], r["parties"])
            for r in read_tsv("events", "official_senses.tsv")}


def _doers_of_kind(doc: Doc, kind: str, actors: list[Mention], recipients: list[Mention]) -> bool:
    """Every actor is a state or a government body (``state``), or there are parties on
    both sides, or two together ("Erdoğan and Putin clashed"), and each is one political
    figure (``politicians``: "the president attacked the village" names no recipient and
    stays an attack)."""
    if kind == "state":
        return all(_official_doer(doc, m) for m in actors)
    parties = actors + recipients
    return (bool(recipients) or len(actors) > 1) and \
        all(_politician(doc, m) for m in parties) and \
        any(m["sector"] in POLITICAL_SECTORS for m in parties)


def _politician(doc: Doc, mention: Mention) -> bool:
    """One person of politics: a known figure or a title of a political sector ("the UK
    ambassador", "Senator Bob Corker"), not a body ("the regime", "the opposition"); or a
    name the knowledge base lacks ("the Tennessee Republican")."""
    if mention["kind"] == "unresolved":
        return doc[mention["end"] - 1].tag_ not in PLURAL_TAGS
    return mention["sector"] in POLITICAL_SECTORS and (
        mention["kind"] == "person" or one_person_agent(doc, mention))


def _named_for(noun: Token, mention: Mapping[str, Any]) -> bool:
    """A mention that is only a modifier in the noun's own name ("a *Trump* rally"), not its
    possessor or a phrase of it."""
    word = noun.doc[mention["end"] - 1]
    while word.dep_ in NAME_MODIFIER_DEPS and word.head.i != noun.i:
        word = word.head
    return word.dep_ in NAME_MODIFIER_DEPS and word.head.i == noun.i


def _official_doer(doc: Doc, mention: Mapping[str, Any]) -> bool:
    """A government body, or a state named bare ("Britain"), not its people by their
    demonym ("Britons", "British") nor a person or group of it."""
    if mention["sector"]:
        return mention["sector"] in OFFICIAL_SECTORS
    return mention["kind"] in STATE_KINDS and bool(mention["code"]) and \
        _sector_or_private(mention, doc) is None


def _popular(doc: Doc, mention: Mapping[str, Any]) -> bool:
    """Many people, not one nor a body that speaks as one: a people named by its demonym in
    the plural ("Palestinians"), or civilians, students or workers ("residents", "miners")."""
    if doc[mention["end"] - 1].tag_ not in PLURAL_TAGS:
        return False
    if mention["sector"]:
        return mention["sector"] in POPULAR_SECTORS
    return mention["kind"] in STATE_KINDS and _sector_or_private(mention, doc) == PRIVATE_SECTOR


def _armed_doer(noun: Token, mention: Mapping[str, Any], sectors: frozenset[str]) -> bool:
    """A doer of one of the armed sense's sectors, or a bare state ("-" in the sectors) that
    does the act by a verb ("the US *carried out* strikes"): a state wages no walkout, but
    "Britain's biggest strike", "a French strike" and "Bolivian miners began a strike" are
    its workers'."""
    if mention["sector"] in sectors:
        return True
    head = noun.doc[mention["end"] - 1]
    modifier = head.dep_ in MODIFIER_DEPS or noun.left_edge.i <= head.i < noun.i
    return "-" in sectors and mention["kind"] in STATE_KINDS and bool(mention["code"]) and \
        not mention["sector"] and not modifier


def _says_what_is(verb: Token, obligations: Container[str]) -> bool:
    """The verb governs a clause of "be" with no auxiliary and no word of need: what
    something is, not what is to be done ("agreed that the market was over-heated", not
    "that it would be cooled" or "it was vital that the attack did not go unchallenged")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return clause is not None and clause.lemma_ == "be" and not any(
        c.dep_ in ("aux", "auxpass") or c.lemma_.lower() in obligations
        for c in clause.children)


def _attacker(noun: Token, kept: Mapping[int, dict[str, Any]]) -> bool:
    """True if the noun is the subject or "by" agent of a verb coded as an armed attack."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "agent" else noun.head
    doer = noun.dep_ in ("nsubj", "pobj") and verb.i != noun.i
    return doer and kept.get(verb.i, {}).get("event") == "ASSAULT"


def _forbidden(noun: Token) -> bool:
    """True for an event noun after the "on" of a ban or restriction, which the parser may
    hang on the ban or on its verb ("lifted the ban *on* rallies")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "on":
        return False
    holder = noun.head.head
    rules = word_list("banning_nouns.txt")
    return holder.lemma_.lower() in rules or holder.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in rules for c in holder.children)


def _object_depth(event_type: str) -> int:
    """How deep an object's phrase is read for recipients.

    A joint event's object is its topic ("discussed the Japan-China crisis" meets
    neither); a directed event acts on the object's owner ("rejected an Indian
    proposal" rejects India).
    """
    return OBJECT_DEPTH if event_type in JOINT_TYPES else OWNER_DEPTH


def _complement_recipients(verb: Token, index: list[int], depth: int) -> list[int]:
    """Recipients named in what the verb governs when it names none itself.

    "promised to continue military aid *to Mozambique*", "offered to negotiate
    *with Armenia*": the objects of the infinitive; "demanded that *the US*
    cancel the sale": the subject of the demanded clause.
    """
    found: list[int] = []
    for child in _governed(verb):
        if is_infinitive_complement(child):
            for obj in objects(child):
                found.extend(mentions_under(obj, index, depth))
        elif child.dep_ == "ccomp":
            named = [m for subj in child.children if subj.dep_ in ("nsubj", "nsubjpass")
                     for m in mentions_under(subj, index)]
            if _same_party(named, verb, index):
                # "Iran warned (that) it would strike US bases": the clause's subject is the
                # speaker again; what it would act on is the recipient
                for obj in objects(child):
                    found.extend(mentions_under(obj, index, depth))
            else:
                found.extend(named)
    return list(dict.fromkeys(found))


def _same_party(named: list[int], verb: Token, index: list[int]) -> bool:
    """Mentions that name what the verb's own subject names ("Iran ... it", "Iran ...
    Tehran"); a court and a candidate of one country are two parties."""
    owner, passive = subject(verb)
    if not named or owner is None or passive:
        return False
    mentions = verb.doc._.ew_mentions
    own = {(mentions[m]["name"] or mentions[m]["text"]).lower()
           for m in mentions_under(owner, index)}
    return bool(own) and all(
        (mentions[m]["name"] or mentions[m]["text"]).lower() in own for m in named)


def _same_act(noun: Token, event_type: str, kept: Mapping[int, dict[str, Any]]) -> bool:
    """"Russian troops killed 12 civilians *in an attack*", "received military *aid*": an
    event noun in a phrase on, or the object of, a coded verb of the same type, whose parties
    the verb names, tells that verb's act again."""
    if noun.dep_ == "pobj" and noun.head.lower_ in REASON_PREPS and event_type != "CONSULT":
        # "raided a rig in retaliation *for* Friday's attack": another act; a journey *for*
        # talks ("flying to Japan for talks") is the talks
        return False
    governor = noun.head.head if noun.dep_ == "pobj" else \
        noun.head if noun.dep_ in ("dobj", "obj") else None
    if governor is None or governor.i not in kept:
        return False
    event = kept[governor.i]
    return event["event"] == event_type and bool(event["actor"] or event["recipient"])


def _ground(noun: Token, index: list[int]) -> bool:
    """A noun phrase that names ground, not a party: a word of ground or settlement
    (held_ground.txt, places/settlement_nouns.txt) or a name the gazetteer knows only as a
    place within a state ("Afrin"; "Syria" may be a state defended in words)."""
    lemma = noun.lemma_.lower()
    if lemma in word_list("held_ground.txt") or lemma in settlement_nouns():
        return True
    if noun.pos_ != "PROPN" or index[noun.i] >= 0:
        return False
    start = min([noun.i, *(c.i for c in noun.lefts if c.dep_ == "compound")])
    entries = load_gazetteer().lookup(noun.doc[start:noun.i + 1].text)
    return bool(entries) and not any(entry.is_country for entry in entries)


def _opened_by(clause: Token, marks: frozenset[str]) -> bool:
    """The clause's subordinating conjunction is one of ``marks``."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def _shares_of(noun: Token) -> list[Token]:
    """What a noun of a share, a batch or a mixture is made of ("a wave *of airstrikes*", "a
    mixture *of Kurds*"; partitive_nouns.tsv); none for any other noun."""
    if noun.lower_ not in partitive_nouns():
        return []
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj"]


def _owned_phrase(head: Token) -> list[Token]:
    """A noun and the words that say whose it is ("*Russian* air power", "*US-led*
    coalition airstrikes", "*Turkey's* artillery")."""
    return [head, *(c for c in head.children if c.dep_ in ("amod", "compound", "nmod", "poss"))]


def _names_party(token: Token, index: list[int]) -> bool:
    """A subject that can act: an actor mention, a name, or a personal pronoun; not a thing
    or an event ("the designation", "that moment", "it")."""
    return index[token.i] >= 0 or token.pos_ == "PROPN" or (
        token.pos_ == "PRON" and token.lower_ not in IMPERSONAL_PRONOUNS)


@cache
def receiving_verbs() -> dict[str, str]:
    """Verbs whose subject undergoes what they govern, with the preposition that introduces
    it ('' for the object): receiving_verbs.tsv."""
    return {r["verb"]: r["prep"] for r in read_tsv("events", "receiving_verbs.tsv")}


def _warns_of_danger(verb: Token, index: list[int]) -> bool:
    """A warned clause whose subject names no party ("warned that the fallout would be
    strong", "that there would be chaos") or that says what someone is ("that Isis will
    remain a threat", "that her government was still in the midst of consolidation"): a
    danger foreseen or a state described (warning_verbs.tsv). Warning
    someone ("warned Seoul that there would be consequences") stays a threat."""
    if any(_hazard(c) for c in _warned_of(verb)):
        return True  # "issued warnings of tidal waves", "warns of famine": a forecast
    warned = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    for clause in verb.children:
        if clause.dep_ != "ccomp" and not (verb.pos_ == "NOUN" and clause.dep_ == "acl" and
                                           _opened_by(clause, THAT_MARK)):
            continue
        owner = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")),
                     None)
        if warned is not None and (owner is not None or warned.i > clause.i):
            return False  # someone warned: "warned Seoul that there would be consequences"
        # "warned the government was still in the midst of ...": the parser took the
        # clause's subject for the one warned
        owner = owner or warned
        if owner is None:
            return False
        if owner.dep_ == "expl" or clause.lemma_ in COPULAS and any(
                c.dep_ == "attr" for c in clause.children):
            return True  # "that there would be chaos", "that Isis will remain a threat"
        if clause.lemma_ in COPULAS and not any(c.dep_ == "aux" for c in clause.children):
            return True  # "warned her government was still in the midst of consolidation"
        if clause.lemma_.lower() in receiving_verbs() and any(
                _hazard(o) for c in clause.children if c.dep_ in ("dobj", "obj")
                for o in _read_through_degree(c)):
            # "warned that Somalia was facing a risk of famine": what befalls it; "that the
            # US would face consequences" is a threat
            return True
        if index[owner.i] >= 0:
            # "warnings that criminals posing as inspectors have been stealing": a danger
            # from private people; "warned that Hezbollah would respond" is a threat
            return _private_party(verb.doc._.ew_mentions[index[owner.i]])
        return owner.pos_ not in ("PRON", "PROPN")
    return False


def _warned_of(verb: Token) -> list[Token]:
    """What a warning is of, read through a word of degree ("warns of unprecedented *levels*
    of suffering": suffering; warning_degrees.txt)."""
    return [o for c in prep_objects(verb, HAZARD_PREPS) for o in _read_through_degree(c)]


def _read_through_degree(noun: Token) -> list[Token]:
    """A noun, and what it is the degree of ("the *risk* of famine", "an *upshift* in
    terrorism"; warning_degrees.txt)."""
    if noun.lemma_.lower() in word_list("warning_degrees.txt"):
        return [noun, *prep_objects(noun, DEGREE_PREPS)]
    return [noun]


def _warned_to_think(warning: Token) -> bool:
    """A warning whose "to"-infinitive is a verb of thinking ("warned the EU not to think
    that ..."; thinking_verbs.txt): advice, no threat."""
    return any(c.dep_ in ("xcomp", "acl", "advcl") and has_to_marker(c) and
               c.lemma_.lower() in word_list("thinking_verbs.txt") for c in warning.children)


def _hazard(token: Token) -> bool:
    """A natural hazard, a people's suffering or a danger no party acts in ("famine",
    "terrorism"; warning_hazards.txt)."""
    hazards = word_list("warning_hazards.txt")
    return token.lemma_.lower() in hazards or token.lower_ in hazards


def _warns_of_conduct(verb: Token, index: list[int]) -> bool:
    """A warned clause that tells what a named party is doing or has done, in the
    progressive or the perfect ("warned that Trump was placing US security at risk", "that
    Russia has been massing troops"): a criticism. A modal or a future ("would retaliate",
    "is going to strike") warns of what may come, a threat; so does a clause opened by a
    condition."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        owner = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if owner is None or index[owner.i] < 0 or _opened_by(clause, GOVERNED_MARKS):
            continue
        auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if not auxiliaries or any(a.lower_ not in CONDUCT_AUXILIARIES for a in auxiliaries):
            continue
        if clause.tag_ == "VBG" and clause.lemma_ == "go":
            continue  # "is going to strike"
        if clause.tag_ in ("VBG", "VBN"):
            return True
    return False


def _private_party(mention: Mapping[str, Any]) -> bool:
    """A mention no political actor stands behind: uncoded and of a private sector
    (relevance/political_actors.tsv)."""
    if mention["code"]:
        return False
    return not load_policy().is_political(mention, "actor", "THREATEN", is_country=False)


def _own(doc: Doc, recipient: int, actors: list[int]) -> bool:
    """True for the actor's own forces or goods ("withdrew *its troops*"), which it moves
    or uses rather than acts upon, and for a possessive pronoun that stands for the actor
    itself ("derides *his* critics", "attack *their* longtime foe"): what the actor owns is
    aimed at, not the actor."""
    mentions = doc._.ew_mentions
    mention = mentions[recipient]
    start = mention["start"]
    if mention["kind"] == "pronoun" and mention["end"] - start == 1 and \
            doc[start].tag_ == "PRP$" and any(_same_entity(mentions[a], mention)
                                              for a in actors):
        return True
    return _after_possessive_pronoun(doc, mention) and mention["code"] is not None and any(
        mentions[a]["code"] == mention["code"] for a in actors)


def _after_possessive_pronoun(doc: Doc, mention: Mapping[str, Any]) -> bool:
    """The mention follows a possessive pronoun ("*its* troops", "*his* generals"), or its
    head noun has one ("*his* frontline troops")."""
    return mention["start"] > 0 and doc[mention["start"] - 1].tag_ == "PRP$" or any(
        c.dep_ == "poss" and c.tag_ == "PRP$"
        for c in doc[mention["start"]:mention["end"]].root.children)


def _same_entity(one: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """Two mentions of one party: coreference copies the antecedent's name and codes."""
    return one["code"] is not None and all(
        one[key] == other[key] for key in ("name", "code", "sector", "wikidata_id"))


def _governed(verb: Token) -> list[Token]:
    """The verb's dependents, and those of its adjective ("is *willing* to withdraw")."""
    children = list(verb.children)
    return children + [c for a in children if a.dep_ == "acomp" for c in a.children]


def _condition_recipients(verb: Token, index: list[int]) -> list[int]:
    """Who must act for a conditional act to happen is the one it is addressed to.

    "threatened to stop talks if the United States deploys missiles" (the
    US), "will attack unless Baghdad accepts" (Iraq): the subject of a
    condition on the verb or on the infinitive it governs.
    """
    marks = condition_marks()
    clauses = [verb, *(c for c in _governed(verb) if is_infinitive_complement(c))]
    found: list[int] = []
    for clause in clauses:
        for child in clause.children:
            if child.dep_ != "advcl" or not any(
                    m.dep_ == "mark" and m.lower_ in marks for m in child.children):
                continue
            for subj in child.children:
                if subj.dep_ in ("nsubj", "nsubjpass"):
                    found.extend(mentions_under(subj, index))
    return list(dict.fromkeys(found))


def _infinitive_carries_event(verb: Token) -> bool:
    """An infinitive completes the verb with no object before it: "plans to build" (the
    building is the event), not "sought $2.5 billion to fight the virus" (seeks money)."""
    infinitive = next((c for c in verb.children if is_infinitive_complement(c)), None)
    return infinitive is not None and not any(
        c.dep_ in ("dobj", "obj") and c.i < infinitive.i for c in verb.children)


def _phrase_end(word: Token) -> int:
    """End of a matched word's phrase: a modifier matched ("used *chemical* weapons", "used
    *tear* gas") reaches to the noun it modifies."""
    if word.dep_ in ("compound", "amod") and word.head.i > word.i:
        return word.head.i + 1
    return word.i + 1


def matcher_word(token: Token, direct: bool = False, phrase_prep: bool = False,
                 scene: bool = False) -> Word:
    """A token as the verb patterns see it; the infinitive "to" is told from the preposition,
    a word hanging on the verb itself (``direct``) from one deeper in its phrase, a
    preposition with its own object away from the verb (``phrase_prep``) from a particle."""
    reach = token.right_edge.i if token.dep_ == "prep" else -1
    return Word(token.lower_, token.lemma_.lower(), token.tag_ == "TO", direct, phrase_prep,
                token.i, reach, scene)


def _blamed(verb: Token, index: list[int]) -> Token | None:
    """The party a reported clause lays an act on ("said *the US* was responsible for the
    attack", "was behind the blast", "was to blame for"; blame_predicates.txt), when it is not
    the speaker, or None."""
    predicates = word_list("blame_predicates.txt")
    mentions = verb.doc._.ew_mentions
    speaker, _passive = subject(verb)
    speaking = mentions[index[speaker.i]]["code"] if speaker is not None and \
        index[speaker.i] >= 0 else None
    for clause in (c for c in _reported_clauses(verb) if c.lemma_ in COPULAS):
        owner = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if owner is None or index[owner.i] < 0 or owner.pos_ == "PRON" or \
                mentions[index[owner.i]]["code"] in (None, speaking):
            continue  # "Iran said it was responsible": a claim, no one accused
        if any(c.dep_ in ("acomp", "prep", "xcomp") and c.lemma_.lower() in predicates
               and not _duty(c) for c in clause.children):
            return owner
    return None


def _reported_clauses(verb: Token) -> list[Token]:
    """The clauses a verb of saying reports: its ``ccomp`` and the clauses joined to it
    ("agreed that the regime has a record *and* it is likely ..."), and what an expletive
    judgment of likelihood in them holds ("agreed *it was highly likely* the Syrian
    government was responsible")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    clauses += [j for c in clauses for j in c.children if j.dep_ == "conj"]
    held = [h for c in clauses if any(s.dep_ == "nsubj" and s.lower_ == "it" for s in c.children)
            for w in (c, *(a for a in c.children if a.dep_ == "acomp"))
            for h in w.children if h.dep_ == "ccomp"]
    return clauses + held


def _duty(predicate: Token) -> bool:
    """"responsible *for uncovering* the fate of the disappeared": a task, no blame."""
    return any(p.dep_ == "prep" and p.lower_ == "for" and
               any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in p.children)
               for p in predicate.children)


def _guest(verb: Token, index: list[int]) -> Token | None:
    """The direct object of a verb of receiving when it names a person or an official body:
    "the crown prince *received* the Iraqi prime minister" hosts him; "received aid" does
    not."""
    mentions = verb.doc._.ew_mentions
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and index[c.i] >= 0
                 and mentions[index[c.i]]["kind"] in GUEST_KINDS), None)


def _phrase_prep(token: Token, verb: Token) -> bool:
    """A preposition with its own object, not right after the verb: "gave a message to Abe
    *in* talks" (no "give in"), "wants to show *ahead* of his election" (no "go ahead"),
    unlike "gave *in* to pressure" or "gave *up* the fight"."""
    return token.dep_ in ("prep", "advmod") and token.i != verb.i + 1 and any(
        c.dep_ == "pobj" or c.dep_ == "prep" and token.dep_ == "advmod"
        for c in token.children)


def _headline_verb(token: Token, index: list[int]) -> bool:
    """A plural noun right between two different actor mentions: a verb the parser misread
    ("Beijing pressures Tokyo", "Turkey protests Greece", headlines above all)."""
    doc = token.doc
    if token.tag_ != "NNS" or token.dep_ == "compound" or index[token.i] >= 0 or \
            not 0 < token.i < len(doc) - 1:
        return False  # a noun that titles the next name is no verb ("Nato *allies* Turkey")
    before, after = index[token.i - 1], index[token.i + 1]
    return before >= 0 and after >= 0 and before != after and \
        doc[token.i - 1].sent.start == doc[token.i + 1].sent.start


def _has_roles(event: dict[str, Any], trigger: Token) -> bool:
    """An event needs an actor, or a recipient of a predicate ("were killed in a bombing",
    "a bombing killed two soldiers"), not of a descriptive participle ("the
    environment surrounding both countries"); an armed attack is one even with no party
    named ("clinics were bombed"), nor a crowd's protest ("thousands protested"), and the
    relevance stage keeps the political ones."""
    return bool(event["actor"]) or (trigger.dep_ != "acl" or _set_off_participle(trigger)) and (
        bool(event["recipient"]) or event["event"] in UNNAMED_TYPES
        or event["event"] in CROWD_TYPES and _crowd_subject(trigger)
        or event["event"] in UNNAMED_PASSIVE_TYPES
        and any(c.dep_ == "auxpass" for c in trigger.children))


def _private_journey(verb: Token, actors: list[Mention]) -> bool:
    """A journey of private people or of no one named ("Britons who travel to Syria"), not of
    an official group named by its noun ("a Russian delegation was set to come to Turkey";
    official_travellers.txt)."""
    traveller, _ = subject(verb)
    if traveller is not None and traveller.lemma_.lower() in word_list("official_travellers.txt"):
        return False
    return all(_sector_or_private(m, verb.doc) in PRIVATE_TRAVELLERS for m in actors)


def _sent_to_parties(head: Token, index: list[int], actors: list[int]) -> list[int]:
    """Parties, not places, that forces are sent or deployed *to* ("sent troops to the GNA",
    "to the Kurds"; "to Libya" is a place), other than the senders' own ("to its forces")."""
    mentions = head.doc._.ew_mentions
    sent = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    if head.pos_ == "VERB" and not any(o.pos_ == "NOUN" for o in sent):
        return []  # "mobilised to the south", "we send them to the security forces"
    phrases = [head, *sent]
    found = [m for phrase in phrases for p in phrase.children
             if p.dep_ in ("prep", "dative") and p.lower_ == "to"
             for o in p.children if o.dep_ == "pobj" and not any(
                 c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)
             for m in mentions_under(o, index, 0) if mentions[m]["kind"] in PARTY_KINDS]
    return [m for m in found if not _own(head.doc, m, actors)]


def _aid_purpose(verb: Token) -> Token | None:
    """The purpose infinitive of a deployment that helps a party ("sent troops *to support*
    the government"), or None."""
    purposes = word_list("aid_purposes.txt")
    return next((c for c in verb.children if c.dep_ in ("advcl", "xcomp")
                 and is_infinitive_complement(c) and c.lemma_.lower() in purposes), None)


def _crowd_subject(verb: Token) -> bool:
    """The verb's subject is a bare count: "*thousands* protested", not "thousands of
    students" (whose phrase names them) nor "the battle raged on"."""
    return any(c.dep_ == "nsubj" and c.lower_ in word_list("crowd_counts.txt") and not any(
        p.dep_ == "prep" and p.lower_ == "of" for p in c.children) for c in verb.children)


def _on_the_verb(token: Token, verb: Token) -> bool:
    """A word hung on the verb itself, or a modifier of its object ("mobilized *army*
    reservists"), as opposed to a word deeper in a phrase ("for a war *against* Iraq")."""
    if token.head.i == verb.i:
        return True
    return token.dep_ in ("compound", "amod") and token.head.head.i == verb.i and \
        token.head.dep_ in ("dobj", "obj")


def _order_reporter(verb: Token) -> Token | None:
    """The verb of saying that reports ``verb`` as an order: a bare verb with no subject
    opening a direct quote ("\"Stop the killing now,\" the secretary general told the
    parties"), or coordinated with one; None when ``verb`` is no quoted order."""
    clause = first_conjunct(verb)
    reporter = clause.head
    if verb.tag_ != "VB" or clause.dep_ not in QUOTED_CLAUSE_DEPS or \
            reporter.lemma_.lower() not in reporting_verbs():
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") or c.dep_ == "aux" and
           (c.lower_ == "to" or c.tag_ == "MD") for c in (*verb.children, *clause.children)):
        return None
    doc = verb.doc
    start = clause.left_edge.i
    opening = [t for t in doc[start:clause.i] if not (t.dep_ in ("aux", "neg") or t.is_punct)]
    quoted = not opening and (doc[start].is_quote or start > 0 and doc[start - 1].is_quote)
    return reporter if quoted else None


def _in_name(noun: Token, index: list[int]) -> bool:
    """An event noun that is a word of a party's name ("Palestine *Liberation*
    Organization") or of a capitalised name of a body, place, law or work ("the *Protest*
    Act"); a named battle ("the Battle of Mosul", an EVENT entity) is still an event."""
    return noun.text[:1].isupper() and noun.i > noun.sent.start and (
        index[noun.i] >= 0 or noun.ent_type_ in NAME_ENTITY_TYPES)


def _set_off_participle(trigger: Token) -> bool:
    """"Two Australians, *accused* of spying, ...": a past participle set off by a comma
    tells what its noun underwent, unlike a descriptive one ("militiamen armed with")."""
    return trigger.tag_ == "VBN" and trigger.i > 0 and trigger.doc[trigger.i - 1].text == ","


def _armed(mention: Mapping[str, Any]) -> bool:
    """An armed party (armed_sectors.txt) or a state named bare, which wages war through its
    forces ("Turkey is fighting to crush the PKK")."""
    return mention["sector"] in word_list("armed_sectors.txt") or (
        mention["kind"] in (*STATE_KINDS, "pronoun") and bool(mention["code"]) and
        not mention["sector"])


def _as_before(verb: Token) -> bool:
    """A bare participle after "as" ("as agreed", "as earlier promised", "as planned"): it
    points back to an act told elsewhere, and the clause it hangs on (often negated) does
    not reach it."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "agent") for c in verb.children):
        return False
    before = verb.i - 1  # over adverbs, wherever the parser hangs them ("as earlier agreed")
    while before > verb.sent.start and verb.doc[before].pos_ == "ADV" and \
            verb.doc[before].lower_ != "as":
        before -= 1
    return verb.doc[before].lower_ == "as"


def _in_connective(verb: Token) -> bool:
    """A verb inside a fixed phrase that joins or contrasts ("as opposed to", "let alone";
    connective_phrases.txt): a word of the phrase, no act."""
    doc = verb.doc
    for phrase in word_list("connective_phrases.txt"):
        words = phrase.split()
        for at in (i for i, w in enumerate(words) if w == verb.lower_):
            start = verb.i - at
            if start >= 0 and start + len(words) <= len(doc) and all(
                    doc[start + k].lower_ == w for k, w in enumerate(words)):
                return True
    return False


def _has_partner(event: dict[str, Any], mentions: list[dict]) -> bool:
    """Material cooperation is done with someone: a COOPERATE verb that names no coded
    partner ("established control", "traded firmer", "sponsored by the UN") is another
    sense of the verb; a group of two states ("India and Japan held joint exercises") is
    partners enough."""
    if event["event"] not in PARTNER_TYPES:
        return True
    coded = {member["code"] for m in event["actor"]
             for member in mentions[m].get("members") or [mentions[m]] if member["code"]}
    return len(coded) > 1 or any(mentions[m]["code"] for m in event["recipient"])


def _promises_force(verb: Token, event: Mapping[str, Any],
                    verbal: Mapping[int, Mapping[str, Any]]) -> bool:
    """A verb of promising in its own sense whose infinitive is an act of force ("pledged to
    destroy the YPG", "promised to crush the rebels")."""
    return event["cameo"] == PROMISE_CAMEO and event.get("sense") == "default" and any(
        is_infinitive_complement(c) and c.i in verbal and
        verbal[c.i]["event"] in PROMISED_FORCE_TYPES for c in verb.children)


def _completes_event(token: Token, verbal: dict[int, dict]) -> bool:
    """True for an infinitive or clause that is the content of an event verb above it."""
    head = token
    while (head.dep_ in COMPLEMENT_DEPS or is_infinitive_complement(head)) and head.head != head:
        head = head.head
        if head.i in verbal:
            return True
    return False


def _names_an_actor(token: Token, index: list[int]) -> bool:
    """A noun that only says which kind of agent an actor is ("one *aid* official", "the
    *peace* envoy") names who acts, not what the verb does: patterns never read it as their
    object. A word of the actor's own name ("*army* reservists") still counts."""
    return token.dep_ == "compound" and index[token.i] < 0 and index[token.head.i] >= 0


def _misread_destination(mark: Token, clause: Token) -> bool:
    """"left *for* Syria to join Isis": a place the parser made the subject of a for-to clause
    after a verb of setting off is where someone went, so the "for" is no conjunction the verb
    governs ("called *for* the US to stay out" still asks)."""
    return mark.lower_ == "for" and clause.head.lemma_.lower() in word_list(
        "departure_verbs.txt") and any(
        c.dep_ == "nsubj" and c.ent_type_ in ("GPE", "LOC") for c in clause.children)


def _alternatives(cell: str) -> frozenset[str]:
    """The words of a table cell whose alternatives are separated by "|"."""
    return frozenset(w.lower() for w in cell.split("|") if w)


def _nominal_entry(nouns: dict[str, NominalEvent], noun: Token) -> NominalEvent | None:
    """The noun's row: with its compound ("air strike"), with the two modifiers or the one
    right before it ("joint naval exercises", "a cross-border *military* operation"), with its
    first preposition ("strike on", an attack, not a walkout, unless what it is against is a
    grievance), or alone."""
    lemma = noun.lemma_.lower()
    compound = " ".join(t.lower_ for t in noun.lefts if t.dep_ == "compound")
    modifiers = [t.lower_ for t in noun.lefts if t.dep_ in ("amod", "compound")][-2:]
    # "joint *naval* exercises": the modifiers right before it, two, then one
    two = f"{' '.join(modifiers)} {lemma}" if len(modifiers) == 2 else None
    modifier = f"{modifiers[-1]} {lemma}" if modifiers and noun.i > 0 and \
        noun.doc[noun.i - 1].lower_ == modifiers[-1] else None
    # "strikes against a wage *freeze*": a grievance, no target (grievance_nouns.txt)
    prep = next((c.lower_ for c in noun.rights if c.dep_ == "prep" and not any(
        o.dep_ == "pobj" and o.lemma_.lower() in word_list("grievance_nouns.txt")
        for o in c.children)), None) or next((m.lower_ for m in _clause_marks(noun)), None)
    # the form before the lemma, with its preposition and alone ("talks of" are
    # negotiations, "talk of" is speculation)
    keys = (f"{compound} {lemma}" if compound else None, two, modifier,
            f"{noun.lower_} {prep}" if prep else None, f"{lemma} {prep}" if prep else None,
            noun.lower_, lemma)
    for key in filter(None, keys):
        if key in nouns:
            return nouns[key]
    return None


def _clause_marks(noun: Token) -> list[Token]:
    """The preposition that opens an infinitive clause on the noun right after it: "calls
    *for* the president to resign", which the parser reads as the clause's mark."""
    return [m for c in noun.rights if c.dep_ in ("acl", "advcl", "relcl")
            for m in c.children if m.dep_ == "mark" and m.i == noun.i + 1]


def _nominal_roles(noun: Token, entry: NominalEvent, index: list[int],
                   lender: Token | None = None, asked: bool = False) -> tuple[list, list]:
    """Actors and recipients of an event noun from its own phrase, or from the subject of
    ``lender``, the verb that lends it its doer (``_borrowed_from``). ``asked``: the noun
    asks for an act (REQUEST), whose own doer is the one asked."""
    actors: list[int] = []
    recipients: list[int] = []
    # The preposition of a noun's sense ("praise *for* Modi", "calls *for* US support") names
    # whom the act is for.
    sense_prep = entry.lemma.rsplit(" ", 1)[-1] if " " in entry.lemma else None
    # "the journalist's detention *by police*": with its doer named, a directed act's owner
    # is the one it is done to, as with "at the hands of".
    undergone = hands_of(noun) is not None or (
        entry.roles in DIRECTED_ROLES and bool(_agent_mentions(noun, index))) or (
        # "the militants' defeat", "his arrest": without an "of" target, the owner undergoes
        noun.lemma_.lower() in word_list("undergoing_possessors.txt") and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children))
    mutual = names_both_sides(noun)
    for child in (*noun.children, *_occurrence_preps(noun)):
        # "whose" is a possessive however the parser hangs it ("whose killing" as a subject)
        dep = "poss" if child.lower_ == "whose" else child.dep_
        if entry.roles == "visit" and dep == "compound" and index[child.i] >= 0 \
                and noun.doc._.ew_mentions[index[child.i]]["kind"] != "person":
            # "a UK state visit", "his China trip": a place on a visit is where it goes;
            # a person ("the Pompeo visit") is who goes.
            recipients.extend(mentions_under(child, index))
        elif dep == "poss" and index[child.i] >= 0 and undergone:
            recipients.extend(mentions_under(child, index))  # "*his* killing at the hands of X"
        elif dep == "compound" and index[child.i] >= 0 and entry.roles != "joint" and \
                noun.doc._.ew_mentions[index[child.i]]["kind"] in PLACE_KINDS and any(
                    c.dep_ == "poss" and index[c.i] >= 0 for c in noun.children):
            # "Trump's *Syria* withdrawal", "Russia's *Syria* campaign": with its doer the
            # possessor, a country before the noun is where the act is aimed
            recipients.extend(mentions_under(child, index))
        elif dep == "amod" and child.lower_ in actor_cue_words("leading"):
            actors.extend(mentions_under(child, index))  # "the *US-led* fight against Isis"
        elif dep in ("poss", "amod", "compound", "nmod") and index[child.i] >= 0:
            mentions = noun.doc._.ew_mentions
            # "the Berlin Christmas market attack", "the Astana talks": a capital before
            # the noun is where the act took place
            actors.extend(m for m in mentions_under(child, index) + _hyphen_partners(child, index)
                          if dep == "poss" or not city_metonym(noun.doc, mentions[m]))
        elif child.dep_ == "prep" and (doer := hands_of(noun)) is not None and \
                child.i < doer.i <= child.right_edge.i:
            actors.extend(mentions_under(doer, index))  # "his killing at the hands of X"
        elif child.dep_ == "prep":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            for obj in objs:
                found = mentions_under(obj, index)
                if child.lower_ in MUTUAL_PREPS or (
                    entry.roles == "joint" and child.lower_ == "with"
                ) or child.lower_ == "by" or (
                        child.lower_ == "of" and entry.roles not in DIRECTED_ROLES) or (
                        # "criticism from environmentalists", "aid from the US"; a mover's
                        # "from" is where it leaves ("the withdrawal from Syria")
                        child.lower_ in SOURCE_PREPS and entry.roles != "mover"):
                    actors.extend(found)
                elif mutual and child.lower_ in ("on", "at"):
                    continue  # "clashes on two Greek islands between police and residents"
                elif child.lower_ in ("to", "on", "against", "with", "at", "into") or (
                        entry.roles == "target" and child.lower_ == "of") or \
                        child.lower_ == sense_prep:
                    recipients.extend(found)
                    if asked and child.lower_ == sense_prep:
                        continue  # "calls for intervention *by Assad's government*": asked
                    # "the arrest of X *by Y*", "the attack on X *by Y*": the parser hangs
                    # the agent on the target.
                    for by in prep_objects(obj, AGENT_PREPS) if child.lower_ != "with" else ():
                        actors.extend(mentions_under(by, index))
    for mark in _clause_marks(noun):
        if mark.lower_ == sense_prep:
            # "calls for *the president* to resign": whom the act is asked of
            recipients.extend(m for c in mark.head.children if c.dep_ in ("nsubj", "nsubjpass")
                              for m in mentions_under(c, index))
    if not actors:
        actors.extend(m for by in _stray_agent(noun) for m in mentions_under(by, index))
    if lender is not None and (not actors or entry.roles == "joint"):
        # "Russia was considering a summit *with Iran and Turkey*": the holder takes part
        subj, _passive = subject(lender)
        if subj is not None:
            actors[:0] = [m for m in mentions_under(subj, index) if m not in actors]
        if entry.roles == "joint":
            # "Trump sits down *with Indian leaders* for talks": the verb's partner takes part
            actors.extend(m for obj in prep_objects(lender, frozenset({"with"}))
                          for m in mentions_under(obj, index) if m not in actors)
    if not actors:
        # "an attack, orchestrated by Assad", "talks, sponsored by the United Nations": with
        # no party of its own, the doer, host or sponsor a participle names takes part ("a
        # ceasefire Israel reached, mediated by Egypt" is Israel's), unless the participle
        # has a complement ("made public by the UK", "called a war crime by Amnesty" tell of
        # it or judge it)
        actors.extend(m for c in noun.children
                      if not any(o.dep_ == "oprd" for o in c.children) and
                      (host := _participle_doer(c)) is not None
                      for m in mentions_under(host, index))
    return actors, recipients


@cache
def doer_participles(role: str | None = None) -> frozenset[str]:
    """Participles whose "by" phrase names a party of the event noun they describe, of one
    role or of any (events/doer_participles.tsv)."""
    return frozenset(r["verb"] for r in read_tsv("events", "doer_participles.tsv")
                     if role in (None, r["role"]))


def _participle_doer(participle: Token, role: str | None = None) -> Token | None:
    """The "by" phrase of a participle on a noun that names a party of it, of one role of
    doer_participles.tsv or of any ("an attack, orchestrated *by Assad*")."""
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or \
            participle.lemma_.lower() not in doer_participles(role):
        return None
    return agent(participle)


def _told_doer(verb: Token, nouns: dict[str, NominalEvent]) -> bool:
    """A participle that only says who did the act its event noun names ("an attack,
    *orchestrated* by Assad", "sanctions *imposed* by the US"): the noun's event is the one."""
    return _participle_doer(verb, "doer") is not None and \
        _nominal_entry(nouns, verb.head) is not None


def _stray_agent(noun: Token) -> list[Token]:
    """The "by" phrase right after an object noun that the parser hangs on the active verb:
    "trying to fend off an offensive *by Khalifa Haftar's forces*" (an active verb has no
    agent of its own)."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.pos_ != "VERB" or subject(verb)[1]:
        return []
    return [obj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "by"
            and prep.i == noun.right_edge.i + 1 for obj in prep_pobjs(prep)]


def _hyphen_partners(name: Token, index: list[int]) -> list[int]:
    """Names joined to a name by a hyphen before an event noun, which the parser hangs on it
    as its compound: "the *Trump*-Putin meeting", "the *Trump*-Kim summit"."""
    doc = name.doc
    return [index[c.i] for c in name.children
            if c.dep_ == "compound" and index[c.i] >= 0 and index[c.i] != index[name.i]
            and c.i + 2 == name.i and doc[c.i + 1].tag_ == "HYPH"]


def _agent_mentions(word: Token, index: list[int]) -> list[int]:
    """Mentions a "by" phrase on a word names: "detention *by police*"."""
    return [m for by in prep_objects(word, AGENT_PREPS) for m in mentions_under(by, index)]


def _completed(noun: Token, preps: frozenset[str]) -> bool:
    """The noun has an infinitive ("a threat *to attack*") or one of ``preps`` ("the threat
    *of* sanctions") on it; a phrase of dangers only names a danger ("the threat of
    terrorism and US hegemony")."""
    return any(c.dep_ == "prep" and c.lower_ in preps and not _of_dangers(c) or
               c.dep_ in ("acl", "relcl") and any(
                   a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in noun.children)


def _of_dangers(prep: Token) -> bool:
    """Every object of the preposition, with its conjuncts, is a danger (``_hazard``)."""
    objects = [o for obj in prep_pobjs(prep) for o in (obj, *obj.conjuncts)]
    return bool(objects) and all(_hazard(o) for o in objects)


def _home(mentions: list[dict[str, Any]], actors: list[int], recipients: list[int]) -> bool:
    """Travellers of one country whose destination is only that country: a return home."""
    own = {mentions[a]["code"] for a in actors} - {None}
    places = {mentions[r]["code"] for r in recipients}
    return len(own) == 1 and places == own


def _asked_by_governor(verb: Token, kept: Mapping[int, dict[str, Any]]) -> bool:
    """A clause whose governing verb is itself a demand kept ("insisted that Britain must
    respect the deal"): the demand is that verb's, not made twice."""
    governor = kept.get(verb.head.i) if verb.dep_ == "ccomp" else None
    return governor is not None and governor["event"] == "REQUEST"


def _hyphen_modifier(noun: Token) -> bool:
    """The first word of a hyphenated modifier ("*battle*-tested", "*war*-torn")."""
    return noun.dep_ == "npadvmod" and noun.i + 1 < len(noun.doc) and \
        noun.nbor(1).text == "-" and noun.head.i > noun.i


def _names_word(pattern: Pattern | None, word: Token) -> bool:
    """A slot of the pattern before its verb names this very word ("*war* erupted")."""
    return pattern is not None and any(
        alternative in ((word.lower_,), (word.lemma_.lower(),))
        for slot in pattern.pre for alternative in slot)


def _told_to_occur(noun: Token) -> bool:
    """The noun is the subject of a verb that only says it happened or came ("clashes
    erupted", "the launch came on Sunday"; cues.tsv, occurrence)."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    phrases = {lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt")}
    return not phrases.isdisjoint(occurrence_phrases())


def _occurrence_preps(noun: Token) -> list[Token]:
    """The prepositions of a verb that only says the noun happened: "clashes erupted *between
    Armenian and Azerbaijani forces*" names the clashes' parties."""
    if not _told_to_occur(noun):
        return []
    return [c for c in noun.head.children if c.dep_ == "prep"]


def names_both_sides(trigger: Token) -> bool:
    """"Clashes broke out on two Greek islands *between police and residents*": the sides of
    the act are named, and its other phrases are its scene, not whom it is aimed at."""
    return any(c.dep_ == "prep" and c.lower_ in MUTUAL_PREPS
               for c in (*trigger.children, *_occurrence_preps(trigger)))


def _borrowed_from(noun: Token, entry: NominalEvent) -> Token | None:
    """The verb whose subject does what an event noun names: the verb it objects ("held
    *talks*"), the verb of a claim on it ("claimed responsibility for *the attack*",
    claimed_nouns.tsv), or for joint acts the verb of going that has it as its purpose ("negotiators
    return to Geneva *for talks*"; not "were arrested for protests") or the verb said or done
    in it ("Erdogan said *in a phone call* with Putin"), or for any act the verb of saying it
    is told in ("Kalin said, *in a rebuke* to Bolton")."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.pos_ == "VERB":
        # "called the sanctions illegal": the judge imposed nothing; "the army confirmed the
        # attack": who reacts to an act did not do it; "the arrest sparked protests": what
        # causes an act does not do it
        # (observing_verbs.txt: "journalists filmed the protests" filmed, did not protest)
        if naming_judgment(head) is not None or head.lemma_.lower() in reaction_verbs() or \
                head.lemma_.lower() in word_list("causing_verbs.txt") or \
                head.lemma_.lower() in word_list("observing_verbs.txt"):
            return None
        return head
    owned = head.head if noun.dep_ == "pobj" and head.lower_ == "for" else None
    if owned is not None and owned.lemma_.lower() in claimed_nouns() and (
            owned.dep_ in ("dobj", "obj") and owned.head.pos_ == "VERB" or
            owned.dep_ == "acomp" and owned.head.lemma_ in COPULAS):
        # "Isis claimed responsibility for the attack", "Sudan's government is responsible
        # for mass killings"
        return owned.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB" and \
            head.head.lemma_.lower() in reporting_verbs() and _verbal(entry):
        # "Kalin said, *in a rebuke* to Bolton": the speaker rebukes (a verbal act only:
        # "said in a release", "in March" do nothing)
        return head.head
    if entry.roles == "joint" and noun.dep_ == "pobj" and head.lower_ in JOINING_PREPS and \
            head.head.pos_ == "VERB" and not subject(head.head)[1] and \
            not any(c.dep_ == "auxpass" for c in head.head.children):
        return head.head
    return None


def _verbal(entry: NominalEvent) -> bool:
    """The noun names a verbal act ("rebuke", "warning"), one a speaker does by saying."""
    ontology = load_ontology()
    info = ontology.lookup(entry.code)
    return info is not None and ontology.verbal(info.event)


def _protest_targets(noun: Token, index: list[int]) -> list[int]:
    """Whom a protest noun is aimed at when its own phrase names no one.

    "a hunger strike *in protest of* the Russian government's refusal" (Russia),
    "continued their hunger strike *to demand* the resignation of the Algerian
    president" (Algeria): what the protest is against, or whom its purpose
    clause acts on, as the verb "demonstrated to demand ..." reads it.
    """
    found: list[int] = []
    holders = [noun, noun.head] if noun.dep_ in ("dobj", "obj", "nsubj") else [noun]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"):
        for reason in (c for c in prep.children if c.lemma_.lower() == "protest"):
            for obj in prep_objects(reason, PROTESTED_PREPS):
                found.extend(mentions_under(obj, index, OWNER_DEPTH))
    verb = noun.head
    if noun.dep_ in ("dobj", "obj") and verb.pos_ == "VERB":
        found.extend(_complement_recipients(verb, index, OWNER_DEPTH))
    return list(dict.fromkeys(found))


def _names_object(verb: Token) -> bool:
    """"called the situation grave", "called the operation a success", "called Monday's
    result a masquerade": a verb with a predicate on its object judges or names it; only
    its patterns ("called X a dictator") make that an act."""
    return any(c.dep_ == "oprd" for c in verb.children)


def _is_time_phrase(token: Token) -> bool:
    """"on Sunday", "in March": a preposition whose object is a date says when, so its
    words are no pattern words ("called Moon *on* Sunday" is no "call on"). A date the
    verb's infinitive follows at once is whom it asks ("called on May to engage"): the
    name the parser read as a month controls the infinitive."""
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") and not _controls_infinitive(c)
        for c in token.children)


def _controls_infinitive(noun: Token) -> bool:
    """A single-word object directly followed by the "to" of an infinitive its verb governs
    ("call on May to engage")."""
    verb = noun.head.head
    nxt = noun.i + 1
    return noun.n_lefts == 0 and noun.n_rights == 0 and nxt < len(noun.doc) and \
        noun.doc[nxt].lower_ == "to" and noun.doc[nxt].dep_ == "aux" and \
        noun.doc[nxt].head.head.i == verb.i and noun.doc[nxt].head.dep_ == "xcomp"


def _own_people_only(doc: Doc, recipients: list[int]) -> bool:
    """Recipients that are all the actor's own by a possessive pronoun ("*his* frontline
    troops", "*its* citizens"); a party of the actor's country is not ("Carter warned
    President Trump")."""
    mentions = doc._.ew_mentions
    return bool(recipients) and all(_after_possessive_pronoun(doc, mentions[r])
                                    for r in recipients)


def _commands_own(doc: Doc, actors: list[int], recipients: list[int]) -> bool:
    """An order whose actor is coded and whose recipients, if any, are all of the actor's
    own code, or uncoded and the actor's by a possessive ("ordered *his* generals"): its own
    forces or officials, no other party."""
    mentions = doc._.ew_mentions
    codes = {mentions[a]["code"] for a in actors} - {None}
    return bool(codes) and all(
        mentions[r]["code"] in codes or
        mentions[r]["code"] is None and _after_possessive_pronoun(doc, mentions[r])
        for r in recipients)
