"""Stage ``eventwire_coref``: rule-based pronoun, nominal and group coreference.

Runs after ``eventwire_actors`` and rewrites ``doc._.ew_mentions``:

- a pronoun subject of reported speech ("Syria says it will ...") becomes a
  ``pronoun`` mention of the reporting verb's subject;
- "he"/"she" become ``pronoun`` mentions of the latest person of that gender;
- "they", "the two leaders", "both countries" become ``group`` mentions of the
  latest distinct people or countries;
- "Japan, South Korea and the United States", "Japan-China", "Tokyo-Seoul"
  become one ``group`` mention in place of their members;
- "Sierra Leonean and Liberian refugees": nationality words coordinated before
  one agent noun each name that agent, one ``group`` mention of them all;
- "the country" becomes a mention of the only country named just before;
- an agent without a country takes one from "its"/"their" ("Syria says it
  will withdraw its troops") or, as "the government", from the only country
  named just before.

Group mentions describe their first member in the entity fields and list all
members under ``members`` (entity dicts with their own offsets).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from itertools import chain
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from eventwire.doc_index import DocIndex, between
from eventwire.drafts import Entity, Mention, new_mention, recode
from eventwire.kb.actors import ActorKB, load_actor_kb
from eventwire.kb.resources import read_csv
from eventwire.kb.user_actors import actor_kb
from eventwire.participants import (
    actor_cue_words,
    conjuncts,
    other_party_words,
    reporting_subject,
    subject,
)

ENTITY_KEYS = ("start", "end", "start_char", "end_char", "text", "name", "code", "sector",
               "wikidata_id", "confidence")
# Words between two countries of one group: "Japan-China", "Japan, South Korea and the US".
LINK_GAPS = {("-",), ("–",), (",",), ("and",), (",", "and")}
# Words between nationality adjectives that share one noun: "Sierra Leonean and Liberian".
ADJECTIVE_GAPS = {(",",), ("and",), (",", "and"), ("or",), (",", "or")}
LOOKBACK_SENTENCES = 3
# Pronouns that may refer back to the subject of the verb reporting their clause,
# with the mention kinds each can stand for.
REPORTED_PRONOUNS = {
    "it": ("country", "org", "agent"),
    "they": ("agent", "group", "country", "org"),
    "he": ("person", "pronoun"),
    "she": ("person", "pronoun"),
    "we": ("agent", "group", "country", "org", "person"),
    "i": ("person",),
}
# First-person pronouns name their speaker however deep in the reported words they stand
# ("'... Isis fighters that *we* captured in Syria,' the US president said").
FIRST_PERSON = frozenset({"we", "i"})
# Steps up the parse from a first-person pronoun's verb to the reported clause.
MAX_SPEAKER_STEPS = 8
# Pronouns that open a sentence and go on about the previous sentence's subject, with the
# mention kinds that subject may be.
CONTINUED_PRONOUNS = {"it": ("country", "org", "agent"),
                      "they": ("country", "org", "agent", "group")}
# Pronouns that stand for a plural agent named just before them in their sentence.
PLURAL_PRONOUNS = frozenset({"they", "them"})
# Relations of a pronoun to the verb whose subject it cannot name (with a preposition between:
# "fought *with* them").
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "prep", "agent"})
# Possessives that lend an uncoded agent its owner, with the kinds the owner can be.
POSSESSIVES = {"its": ("country", "org"), "their": ("country", "org", "group", "agent")}
# Possessive pronouns that stand for a subject named before them in their sentence, with the
# kinds that subject may be.
SUBJECT_POSSESSIVES = {"its": ("country", "org")}
# How the parser hangs "whose" on the noun it owns.
WHOSE_DEPS = frozenset({"poss", "nsubj"})
# Steps up from "whose" to the relative clause it opens ("whose 2015 intervention saved").
RELATIVE_STEPS = 3
# Agents that "the" ties to the country of the story: "the government", "the army".
# Tags of a singular noun: "the minister" may be "he", "the ministers" never.
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
DEFINITE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})


@Language.factory(
    "eventwire_coref",
    requires=["doc._.ew_mentions", "token.dep", "token.lemma"],
    assigns=["doc._.ew_mentions", "doc.spans"],
    default_config={"spans_key": "ew_actors", "actors": []},
)
def make_coref(nlp: Language, name: str, spans_key: str, actors: list[str]) -> Coreference:
    """Build the coreference stage (``actors``: the user's dictionaries)."""
    return Coreference(nlp, name, spans_key=spans_key, kb=actor_kb(actors))


class Coreference(Pipe):
    """Links pronouns and plural nominals to earlier actor mentions."""

    def __init__(self, nlp: Language, name: str = "eventwire_coref", *,
                 spans_key: str = "ew_actors", kb: ActorKB | None = None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.kb = kb or load_actor_kb()
        self.cues = {r["phrase"]: (r["refers_to"], r["number"])
                     for r in read_csv("actors", "coref_cues.csv")}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("CUE", list(nlp.tokenizer.pipe(sorted(self.cues))))
        # "Assad's allies", "its partners": another party than the owner (cues.csv)
        self.other_party = other_party_words()
        # "Russia's UN *ambassador*": the possessor's envoy to an organisation (cues.csv)
        self.envoy_words = actor_cue_words("envoy")

    def __call__(self, doc: Doc) -> Doc:
        try:
            index = DocIndex(doc)
            mentions = self.groups(doc, list(doc._.ew_mentions or []), index.text)
            # owners first, so that "the Trump administration said *it* ..." copies USA
            self.owners(doc, mentions, index)
            self.envoys(doc, mentions)
            self.appositions(doc, mentions)
            individuals = {m["start"] for m in mentions if one_person_agent(doc, m)}
            mentions = self.reported_subjects(doc, mentions, individuals)
            mentions = self.continued_subjects(doc, mentions, individuals)
            mentions = self.references(doc, mentions, index, individuals)
            mentions = self.relatives(doc, mentions)
            mentions = self.possessives(doc, mentions)
            self.owners(doc, mentions, index)
            doc._.ew_mentions = mentions
            doc.spans[self.spans_key] = [
                Span(doc, m["start"], m["end"], label=m["kind"], kb_id=m["name"] or m["code"] or "")
                for m in mentions]
        except Exception as err:  # noqa: BLE001 - the pipeline's handler decides
            self.get_error_handler()(self.name, self, [doc], err)
        return doc

    def groups(self, doc: Doc, mentions: list[dict[str, Any]],
               text: str) -> list[dict[str, Any]]:
        """Merge "A-B" and "A, B and C" runs of countries into one group mention."""
        out: list[dict[str, Any]] = []
        run: list[dict[str, Any]] = []
        # The agents of a "leaders of France, Germany and Italy" group built so far, and it.
        officials: list[dict[str, Any]] = []
        officials_group: dict[str, Any] | None = None
        for m in mentions + [None]:
            if m and run and m["kind"] == "country" and _linked(doc, run[-1], m):
                run.append(m)
                continue
            if m and not run and m["kind"] == "country" and out and \
                    _linked(doc, out[-1], m) and (
                        out[-1] is officials_group or self._of_country(doc, out[-1])):
                # "the leaders of France and Germany": the agent of each country
                owner = out.pop()
                officials = [*(officials if owner is officials_group else [owner]),
                             {**m, "sector": owner["sector"]}]
                officials_group = _group(text, officials)
                out.append(officials_group)
                continue
            if m and run and self._share_noun(doc, run, m):
                out.append(_group(text, [{**r, "sector": m["sector"]} for r in run] + [m]))
                run = []
                continue
            out += [_group(text, run)] if len(run) > 1 else run
            run = [m] if m and m["kind"] == "country" else []
            if m and not run:
                out.append(m)
        return out

    def _of_country(self, doc: Doc, mention: dict[str, Any]) -> bool:
        """An agent coded by the country of its "of" phrase ("the foreign ministers *of
        India*"), which a linked country may join."""
        if mention["kind"] != "agent" or not mention["code"]:
            return False
        of = next((i for i in range(mention["start"] + 1, mention["end"] - 1)
                   if doc[i].lower_ == "of"), None)
        if of is None:
            return False
        start = of + 2 if doc[of + 1].lower_ == "the" else of + 1
        return any(t.kind == "country" and t.key == mention["code"]
                   for t in self.kb.lookup(doc[start:mention["end"]].text))

    def _share_noun(self, doc: Doc, run: list[dict[str, Any]], agent: dict[str, Any]) -> bool:
        """Whether nationality words ("Sierra Leonean and") stand before an agent that
        opens with its own ("Liberian refugees") and so name that agent too."""
        gap = tuple(t.lower_ for t in doc[run[-1]["end"]:agent["start"]])
        if agent["kind"] != "agent" or not agent["code"] or gap not in ADJECTIVE_GAPS:
            return False
        if not any(t.kind == "country" and t.key == agent["code"]
                   for end in range(agent["start"] + 1, agent["end"])
                   for t in self.kb.lookup(doc[agent["start"]:end].text)):
            return False
        return all(self._demonym(m) for m in run)

    def _demonym(self, m: dict[str, Any]) -> bool:
        """A country mention written as its adjective ("Liberian"), not its name."""
        country = self.kb.country(m["code"] or "")
        return (m["kind"] == "country" and country is not None and m["sector"] is None
                and m["text"].lower() != country.name.lower())


    def reported_subjects(self, doc: Doc, mentions: list[dict[str, Any]],
                          individuals: set[int]) -> list[dict[str, Any]]:
        """"X said it/they/he would ...": the reported clause's pronoun subject is X.

        A speaker reporting on itself is the usual reading in news ("Syria says
        it is willing to withdraw"), so this rule runs before the recency rules.
        """
        at = {i: m for m in mentions for i in range(m["start"], m["end"])}
        added = []
        for token in doc:
            kinds = REPORTED_PRONOUNS.get(token.lower_)
            if not kinds or token.dep_ not in ("nsubj", "nsubjpass") or token.i in at:
                continue
            speaker = _reporter(token)
            antecedent = _speaker_mention(speaker, at) if speaker is not None else None
            if antecedent is None or _kind(antecedent, individuals) not in kinds:
                continue
            pronoun = _referring(antecedent, (token.i, token.i + 1),
                                 (token.idx, token.idx + len(token)), token.text, "pronoun",
                                 round(0.8 * antecedent["confidence"], 2))
            if antecedent.get("members"):
                pronoun["members"] = antecedent["members"]
            added.append(pronoun)
        return sorted(mentions + added, key=lambda m: m["start"])

    def continued_subjects(self, doc: Doc, mentions: list[dict[str, Any]],
                           individuals: set[int]) -> list[dict[str, Any]]:
        """"Kuwait closed its border. *It* also suspended flights": a sentence that opens
        with "it" or "they" as its subject goes on about the subject of the sentence before,
        when that subject is a state, an organisation or a body (not one person)."""
        if not doc.has_annotation("DEP"):
            return mentions  # subjects need the parse
        at = {i: m for m in mentions for i in range(m["start"], m["end"])}
        added = []
        previous: dict[str, Any] | None = None
        for sent in doc.sents:
            first = next((t for t in sent if not (t.is_punct or t.is_space or t.is_quote)),
                         None)
            kinds = CONTINUED_PRONOUNS.get(first.lower_, ()) if first is not None else ()
            if kinds and first.dep_ in ("nsubj", "nsubjpass") and first.i not in at and \
                    previous is not None and _kind(previous, individuals) in kinds:
                added.append(_referring(previous, (first.i, first.i + 1),
                                        (first.idx, first.idx + len(first)), first.text,
                                        "pronoun", round(0.7 * previous["confidence"], 2)))
            root_subject = next((c for c in sent.root.children
                                 if c.dep_ in ("nsubj", "nsubjpass")), None)
            previous = _speaker_mention(root_subject, at) if root_subject is not None else None
            if previous is not None and not previous["code"]:
                previous = None
        for token in doc:
            # "Isis has sought to sow chaos, and *it* has continued launching attacks": the
            # pronoun subject of a conjoined clause goes on about the first clause's subject
            kinds = CONTINUED_PRONOUNS.get(token.lower_, ())
            verb = token.head
            if not kinds or token.dep_ not in ("nsubj", "nsubjpass") or token.i in at \
                    or verb.dep_ != "conj" or verb.head.i >= token.i \
                    or any(a["start"] == token.i for a in added):
                continue
            first = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                         None)
            antecedent = _speaker_mention(first, at) if first is not None else None
            if antecedent is not None and antecedent["code"] and \
                    _kind(antecedent, individuals) in kinds:
                added.append(_referring(antecedent, (token.i, token.i + 1),
                                        (token.idx, token.idx + len(token)), token.text,
                                        "pronoun", round(0.8 * antecedent["confidence"], 2)))
        return sorted(mentions + added, key=lambda m: m["start"])

    def references(self, doc: Doc, mentions: list[dict[str, Any]], index: DocIndex,
                   individuals: set[int]) -> list[dict[str, Any]]:
        """Add pronoun and nominal group mentions resolved to earlier actors.

        ``mentions`` come sorted by start; antecedents are looked for in the
        lookback window only, found by bisecting the mention starts.
        """
        taken = {i: m for m in mentions for i in range(m["start"], m["end"])}
        starts = [m["start"] for m in mentions]
        removed: set[int] = set()  # ids of mentions a group cue replaced
        added: list[dict[str, Any]] = []
        added_starts: list[int] = []
        for _, start, end in sorted(self.matcher(doc), key=lambda x: (x[1], x[2] - x[1])):
            span = doc[start:end]
            if any(i in taken and taken[i]["kind"] != "agent" for i in range(start, end)):
                continue
            refers_to, number = self.cues[span.text.lower()]
            low = _window_start(index, start, LOOKBACK_SENTENCES)
            window = [m for m in chain((mentions[k] for k in between(starts, low, start)),
                                       (added[k] for k in between(added_starts, low, start)))
                      if id(m) not in removed and m["end"] <= start]
            own_subject = _clause_subject_names(span, window)
            earlier = sorted((m for m in window if m["name"] and m["name"] not in own_subject),
                             key=lambda m: m["start"])
            recent_start = _window_start(index, start, 1)
            sentence = _window_start(index, start, 0)
            found = self._antecedents(earlier, refers_to, number, individuals,
                                      recent=lambda m, s=recent_start: m["start"] >= s)
            if not found and number == "1":
                # several states named in the window, one in the cue's own sentence before
                # it: "cases spiked in Italy, as the country sealed off its towns"
                found = self._antecedents([m for m in earlier if m["start"] >= sentence],
                                          refers_to, number, individuals)
            if span.text.lower() in PLURAL_PRONOUNS and all(m["start"] < sentence for m in found):
                # parties of earlier sentences lose to a plural agent of the pronoun's own
                crowd = _plural_agent_before(doc, sentence, window)
                found = [crowd] if crowd is not None else found
            if not found:
                continue
            mention = _referring(
                found[0], (start, end), (span.start_char, span.end_char), span.text,
                found[0]["kind"] if number == "1" else
                {"m": "pronoun", "f": "pronoun"}.get(number, "group"),
                round(0.7 * min(m["confidence"] for m in found), 2))
            if mention["kind"] == "group":
                mention["members"] = [_entity(m) for m in found]
            removed.update(id(m) for k in between(starts, start, end)
                           if (m := mentions[k])["end"] <= end)
            added.append(mention)
            added_starts.append(start)
            taken.update({i: mention for i in range(start, end)})
        kept = [m for m in mentions if id(m) not in removed]
        return sorted(kept + added, key=lambda m: m["start"])

    def owners(self, doc: Doc, mentions: list[dict[str, Any]], index: DocIndex) -> None:
        """Code "its troops", "their forces", "the Assad regime", "Modi's government", "the
        government of Bashar al-Assad" and "the government" from their owner."""
        at = {i: m for m in mentions for i in range(m["start"], m["end"])}
        starts = [m["start"] for m in mentions]
        for m in mentions:
            if m["code"] or m["kind"] != "agent" or not m["start"] or \
                    doc[m["end"] - 1].lower_ in self.other_party or \
                    not m["sector"] and _apposed(doc, m, at) is not None:
                continue  # ("Assad's main backer, Russia,": the apposition says who)
            before = doc[m["start"] - 1]
            owner = None
            if before.lower_ in POSSESSIVES:
                kinds = POSSESSIVES[before.lower_]
                head = doc[m["start"]:m["end"]].root
                verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
                speaker = reporting_subject(verb) if verb is not None else None
                owner = at.get(speaker.i) if speaker is not None else None
                if owner is None or owner["kind"] not in kinds or not owner["code"]:
                    owner = _latest(index, mentions, starts, m, kinds, same_sentence=True)
            elif (leader := _leader(doc, m, at)) is not None or (
                    m["sector"] in DEFINITE_SECTORS
                    and (leader := _led_by(doc, m, at)) is not None):
                owner = leader
            elif before.lower_ == "the" and m["sector"] in DEFINITE_SECTORS:
                # the leaders named count too: "Russia has long backed Assad. The regime
                # ..." names two states, so the regime is left uncoded, not Russia's
                owner = _latest(index, mentions, starts, m, ("country", "person"),
                                same_sentence=False, rivals=("agent",))
            if owner is not None:
                name = self.kb.name_of(owner["code"]) if owner["kind"] == "person" \
                    else owner["name"]
                recode(m, self.name, "owner", code=owner["code"], name=name,
                       confidence=round(0.7 * owner["confidence"], 2))

    def envoys(self, doc: Doc, mentions: list[dict[str, Any]]) -> None:
        """"Russia's UN ambassador", "Germany's Nato envoy": a country's envoy to an
        organisation serves the country, whose code the organisation's name had taken."""
        at = {i: m for m in mentions for i in range(m["start"], m["end"])}
        for m in mentions:
            start = m["start"]
            if m["kind"] != "agent" or start < 2 or doc[start - 1].tag_ != "POS" or \
                    doc[m["end"] - 1].lower_ not in self.envoy_words:
                continue
            owner = at.get(start - 2)
            if owner is not None and owner["kind"] == "country" and owner["code"] and \
                    owner["code"] != m["code"]:
                recode(m, self.name, "envoy", code=owner["code"], name=owner["name"],
                       confidence=round(0.8 * owner["confidence"], 2))

    def appositions(self, doc: Doc, mentions: list[dict[str, Any]]) -> None:
        """A person the knowledge base does not place is what an apposition names: "the
        church founder, *Lee Man-hee*", "*Barham Salih*, Iraq's president" take the sector
        of the agent or title beside them, and its code when they have none."""
        if not doc.has_annotation("DEP"):
            return
        at = {i: m for m in mentions for i in range(m["start"], m["end"])}
        for m in mentions:
            if m["kind"] == "agent" and not m["code"] and not m["sector"] and \
                    (named := _apposed(doc, m, at)) is not None:
                # "Assad's main backer, Russia,", "a call from Assad's main backer, the
                # Russian president": someone on a side is the party the apposition names
                recode(m, self.name, "apposition", code=named["code"], name=named["name"],
                       confidence=round(0.8 * named["confidence"], 2))
                continue
            if m["kind"] != "person" or m["sector"]:
                continue
            roles = [r for t in _appositions(doc, m) if (r := at.get(t.i)) is not None
                     and r is not m and r["kind"] in ("agent", "person") and r["sector"]
                     and (not m["code"] or r["code"] == m["code"])]
            if not roles:
                continue
            if not m["code"] and roles[0]["code"]:
                recode(m, self.name, "apposition", code=roles[0]["code"], name=m["name"],
                       confidence=round(0.8 * roles[0]["confidence"], 2))
            m["sector"] = roles[0]["sector"]

    def possessives(self, doc: Doc, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """"The YPG has sought autonomy, so *its* calls for help ...": "its" before a word
        that names no actor stands for the latest state or organisation that is a subject
        earlier in its sentence ("its troops" is coded by ``owners``)."""
        if not doc.has_annotation("DEP"):
            return mentions
        at = {i: m for m in mentions for i in range(m["start"], m["end"])}
        added = []
        for token in doc:
            if token.lower_ not in SUBJECT_POSSESSIVES or token.dep_ != "poss" or \
                    token.i in at or token.head.i in at:
                continue
            kinds = SUBJECT_POSSESSIVES[token.lower_]
            subjects = [m for t in doc[token.sent.start:token.i]
                        if t.dep_ in ("nsubj", "nsubjpass") and (m := at.get(t.i)) is not None
                        and m["kind"] in kinds and m["code"]]
            if subjects:
                added.append(_referring(subjects[-1], (token.i, token.i + 1),
                                        (token.idx, token.idx + len(token)), token.text,
                                        "pronoun", round(0.7 * subjects[-1]["confidence"], 2)))
        return sorted(mentions + added, key=lambda m: m["start"])

    def relatives(self, doc: Doc, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """"al-Qaeda, *whose* attacks on New York", "Russia, *whose* intervention saved
        him": the possessive relative pronoun stands for the coded noun its clause hangs on."""
        if not doc.has_annotation("DEP"):
            return mentions
        at = {i: m for m in mentions for i in range(m["start"], m["end"])}
        added = []
        for token in doc:
            # the parser may hang "whose" on its noun as a subject ("whose killing ... leaves")
            if token.lower_ != "whose" or token.dep_ not in WHOSE_DEPS or token.i in at:
                continue
            clause = token.head
            for _ in range(RELATIVE_STEPS):
                if clause.dep_ == "relcl" or clause.head.i == clause.i:
                    break
                clause = clause.head
            antecedent = at.get(clause.head.i) if clause.dep_ == "relcl" else None
            if antecedent is not None and antecedent["code"]:
                added.append(_referring(antecedent, (token.i, token.i + 1),
                                        (token.idx, token.idx + len(token)), token.text,
                                        "pronoun", round(0.8 * antecedent["confidence"], 2)))
        return sorted(mentions + added, key=lambda m: m["start"])

    def _antecedents(self, earlier: list[dict[str, Any]], refers_to: str,
                     number: str, individuals: set[int],
                     recent: Callable[[dict[str, Any]], bool] = lambda m: True,
                     ) -> list[dict[str, Any]]:
        """Antecedents of a pronoun or nominal; ``recent(m)`` tells whether a mention
        lies in the same or the previous sentence (a group named there wins over
        people named after it)."""
        if number == "1":
            # "the country", "the group": only when one such party was named just before
            parties = [m for m in earlier if _one_of(m, refers_to)]
            return parties[-1:] if len({m["code"] for m in parties}) == 1 else []
        kinds = {"person": ("person", "pronoun"), "country": ("country",),
                 "any": ("person", "pronoun", "country", "group")}[refers_to]
        if number in ("m", "f"):
            for m in reversed(earlier):
                if _kind(m, individuals) in kinds and self._gender(m["name"]) in (number, None):
                    return [m]
            return []
        count = int(number)
        group = None
        for m in reversed(earlier):
            if m["kind"] == "group" and refers_to != "person":
                group = m
                break
            if m["kind"] == "country" and refers_to == "country":
                break
        # "they" prefers people, then countries; a group named before all of them loses.
        for wanted in [k for k in ("person", "country") if k in kinds]:
            found: dict[str, dict[str, Any]] = {}
            for m in reversed(earlier):
                if m["kind"] in (wanted, "pronoun" if wanted == "person" else wanted):
                    found.setdefault(m["name"], m)
                if len(found) == count:
                    people = sorted(found.values(), key=lambda x: x["start"])
                    if group is None or (people[0]["start"] > group["end"]
                                         and not recent(group)):
                        return people
                    return group["members"]
        return group["members"] if group else []

    def _gender(self, name: str) -> str | None:
        people = [self.kb.person(t.key) for t in self.kb.lookup(name) if t.kind == "person"]
        genders = {p.gender for p in people if p and p.name == name}
        return genders.pop() if len(genders) == 1 else None


def _clause_subject_names(span: Span, window: list[Mention]) -> set[str]:
    """Names of the subject of the verb a pronoun is the object of: a pronoun that is not
    reflexive names someone else ("Rojava doesn't threaten *them*": not Rojava)."""
    token = span.root
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "dative", "agent"):
        token = token.head
    if token.dep_ not in OBJECT_DEPS or token.head.pos_ not in ("VERB", "AUX"):
        return set()
    subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and (shared := subject(token.head)[0]) is not None:
        # "the US and EU ... have supported *them*": a conjunct shares its head's subject
        subjects = [shared, *conjuncts(shared)]
    return {m["name"] for c in subjects for m in window
            if m["name"] and m["start"] <= c.i < m["end"]}


def _one_of(m: Mention, refers_to: str) -> bool:
    """The mention is a party of the kind a singular cue names: a country, or an
    organisation (or a coded agent: "Hezbollah fighters") of one of the sectors after
    "org:" (coref_cues.csv)."""
    kind, _, sectors = refers_to.partition(":")
    if kind == "org" and m["kind"] == "agent" and m["code"]:
        kind = "agent"
    return m["kind"] == kind and (not sectors or m["sector"] in sectors.split("|"))


def _kind(m: Mention, individuals: set[int]) -> str:
    """A mention's kind for pronouns: an agent that is one person counts as a person."""
    return "person" if m["kind"] == "agent" and m["start"] in individuals else m["kind"]


def _window_start(index: DocIndex, start: int, sentences: int) -> int:
    """First token a mention may start at to lie at most ``sentences`` sentences
    before token ``start``."""
    return index.start_of_sentence(index.sentence_of(start) - sentences)


def _latest(index: DocIndex, mentions: list[dict[str, Any]], starts: list[int],
            m: dict[str, Any], kinds: tuple[str, ...], same_sentence: bool,
            rivals: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The one owner named before ``m``: latest in its sentence, or else the only
    code in the lookback window; None when the window names several, counting the codes
    of mentions of the ``rivals`` kinds before it in its sentence too ("U.S. warships
    destroyed an Iranian platform and the Navy raided ...": the warships name a second
    state)."""
    sent_start = index.sentence_start(m["start"])
    low = _window_start(index, m["start"], LOOKBACK_SENTENCES)
    window = [mentions[k] for k in between(starts, low, m["start"])]
    earlier = [o for o in window if o["end"] <= m["start"] and o["kind"] in kinds and o["code"]]
    if same_sentence:
        inside = [o for o in earlier if o["start"] >= sent_start]
        return inside[-1] if inside else None
    codes = {o["code"] for o in earlier} | {
        o["code"] for o in window if sent_start <= o["start"] and o["end"] <= m["start"]
        and o["kind"] in rivals and o["code"]}
    return earlier[-1] if earlier and len(codes) == 1 else None


def _apposed(doc: Doc, m: Mention, at: dict[int, Mention]) -> Mention | None:
    """The single coded party in apposition to a mention ("Assad's main backer, *Russia*,");
    a group in apposition stays the party ("regime allies Iran and Russia")."""
    return next((r for t in _appositions(doc, m) if (r := at.get(t.i)) is not None
                 and r is not m and r["code"] and not r.get("members")), None)


def _appositions(doc: Doc, m: Mention) -> list[Any]:
    """The words in apposition to a mention's head, either way round."""
    head = doc[m["start"]:m["end"]].root
    beside = [head.head] if head.dep_ == "appos" else []
    return beside + [c for c in head.children if c.dep_ == "appos"]


def _leader(doc: Doc, m: Mention, at: dict[int, Mention]) -> Mention | None:
    """The coded person whose name modifies an agent noun: "the *Assad* regime", "*Modi's*
    government", "the *Trump* administration"."""
    end = m["start"]
    if end > 0 and doc[end - 1].tag_ == "POS":
        end -= 1
    ends = [end - 1] if end > 0 else []
    # or the possessor the parse hangs on the agent past its adjectives: "*Johnson's*
    # hardline eurosceptic government"
    ends += [c.i for c in doc[m["start"]:m["end"]].root.children
             if c.dep_ == "poss" and c.i < m["start"]]
    for last in ends:
        person = at.get(last)
        if person is not None and person["kind"] == "person" and person["code"] \
                and person["end"] == last + 1:
            return person
    return None


def _led_by(doc: Doc, m: Mention, at: dict[int, Mention]) -> Mention | None:
    """The coded person a state body belongs to through "of": "the government *of Bashar
    al-Assad*", "forces of Maduro" (a critic of Putin is no Russian, so state bodies only)."""
    head = doc[m["start"]:m["end"]].root
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            person = at.get(obj.i)
            if person is not None and person["kind"] == "person" and person["code"]:
                return person
    return None


def _reporter(pronoun: Token) -> Token | None:
    """The subject of the verb reporting the pronoun's clause; a first-person pronoun may
    stand in a clause below the reported one, as it always means the speaker."""
    verb = pronoun.head
    steps = MAX_SPEAKER_STEPS if pronoun.lower_ in FIRST_PERSON else 0
    speaker = reporting_subject(verb)
    while speaker is None and steps and verb.head != verb:
        verb, steps = verb.head, steps - 1
        speaker = reporting_subject(verb)
    return speaker


def _speaker_mention(speaker: Any, at: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The mention of a speaker, or of whom it counts ("a group *of Yoruba leaders*",
    "hundreds *of students*") when the head word names no actor itself."""
    if speaker.i in at:
        return at[speaker.i]
    of = [o for p in speaker.children if p.dep_ == "prep" and p.lower_ == "of"
          for o in p.children if o.dep_ == "pobj"]
    return at.get(of[0].i) if of else None


def _entity(m: Mention) -> Entity:
    return Entity(**{k: m[k] for k in ENTITY_KEYS})  # type: ignore[typeddict-item]


def _linked(doc: Doc, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two mentions listed as one group: joined by a link word, and the second not the
    subject of a clause of its own ("met officials in Moscow, and Beijing accused Tokyo")."""
    gap = tuple(t.lower_ for t in doc[a["end"]:b["start"]] if t.lower_ != "the")
    if gap not in LINK_GAPS:
        return False
    second = doc[b["start"]:b["end"]].root
    return second.dep_ not in ("nsubj", "nsubjpass") or \
        doc[a["start"]:a["end"]].root.head.i == second.head.i


def _plural_agent_before(doc: Doc, sentence: int, window: list[Mention]) -> Mention | None:
    """The plural agent named last of ``window`` (the mentions before a plural pronoun) in
    the pronoun's own sentence, which starts at token ``sentence``, places aside ("police
    evicted *office workers* in Oruro after they began a hunger strike"): nearer than any
    pair of parties named before, which the pronoun would otherwise take."""
    before = [m for m in window if sentence <= m["start"] and m["kind"] != "place"]
    last = max(before, key=lambda m: m["start"], default=None)
    if last is None or last["kind"] != "agent" or doc[last["end"] - 1].tag_ not in PLURAL_TAGS:
        return None
    return last


def _referring(antecedent: Mention, tokens: tuple[int, int], chars: tuple[int, int],
               text: str, kind: str, confidence: float) -> Mention:
    """A new mention that stands for the same entity as ``antecedent``."""
    return new_mention(tokens, chars, text, kind=kind, confidence=confidence,
                       name=antecedent["name"], code=antecedent["code"],
                       sector=antecedent["sector"], wikidata_id=antecedent["wikidata_id"])


def _group(text: str, run: list[Mention]) -> Mention:
    first, last = run[0], run[-1]
    group = _referring(first, (first["start"], last["end"]),
                       (first["start_char"], last["end_char"]),
                       text[first["start_char"]:last["end_char"]], "group",
                       min(m["confidence"] for m in run))
    group["members"] = [_entity(m) for m in run]
    return group


@cache
def person_titles() -> frozenset[str]:
    """Head nouns of an agent that is one person (person_titles.csv)."""
    return frozenset(r["noun"] for r in read_csv("actors", "person_titles.csv"))


def one_person_agent(doc: Doc, m: Mention) -> bool:
    """An agent that is one person, so "he" or "she" can stand for it: a title with a
    name ("Deputy Health Minister Iraj Harirchi") or a singular title noun ("Iran's
    health minister"), never a body ("the ministry", "the army")."""
    if m["kind"] != "agent":
        return False
    span = doc[m["start"]:m["end"]]
    root = span.root
    return any(t.ent_type_ == "PERSON" for t in span) or (
        root.tag_ in SINGULAR_NOUN_TAGS and root.lower_ in person_titles())
