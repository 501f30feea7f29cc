"""Countries for agents that name none, read off the dependency parse.

News codes an agent by where it is when the text names no nationality:
"opposition groups in Zimbabwe", "students throughout Indonesia", "a group
based in Trinidad" (a preposition or participle on the agent's head noun),
"workers affiliated with the Serbian union" (the body it belongs to);
"refugees fleeing the war in Liberia" (where they flee from); a place is a
country mention or a name the gazetteer gives one country only ("the
government of Sindh province");
"prisoners rioted at a jail in Dili" (the place of the agent's own verb, for
non-state agents only); "Tamil refugees" next to "the Sri Lankan army" (an
ethnic community takes the only country of its sentence). Each step is less
certain than the last and the confidence says so. Mentions are changed in
place; an agent word that only modifies its head noun ("opposition" in
"opposition groups") is widened to that noun so that the mention covers the
phrase the event stage reads.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from eventwire.drafts import recode
from eventwire.kb.actors import ActorKB
from eventwire.kb.gazetteer import load_gazetteer
from eventwire.kb.patterns import load_lexicon
from eventwire.participants import subject

CONFIDENCE = {"attached": 0.55, "verb": 0.45, "sentence": 0.4}
# Agents that move with their state ("troops in Kabul") or to another ("refugees in
# Germany") are not placed by their verb.
UNPLACED_BY_VERB = frozenset({"GOV", "MIL", "REF", "IGO", "SPY"})
VERB_PREPS = frozenset({"in", "at", "throughout", "across", "inside"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
PLACE_DEPS = frozenset({"compound", "poss", "appos", "amod", "pobj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PLACE_ENTS = frozenset({"GPE", "LOC"})


# Dependency labels of a verb's subjects and objects.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "dative", "agent"})
# Links inside a noun phrase and into a prepositional phrase, walked up to find the verb a
# country's phrase hangs on; a clause ("which ...", "to ...") stops the walk.
NOUN_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "pobj", "appos"})
ARGUMENT_REACH = 4


def place_agents(doc: Doc, mentions: list[dict[str, Any]], kb: ActorKB,
                 cues: dict[str, frozenset[str]]) -> None:
    """Give uncoded agent and community mentions the country of their place."""
    at = {i: m for m in mentions for i in range(m["start"], m["end"])}
    for m in mentions:
        if m["code"] or m["kind"] != "agent":
            continue
        _widen(doc, m, at)
        head = doc[m["start"]:m["end"]].root
        code = _attached(head, at, kb, cues)
        how = "attached"
        if code is None and (m.get("community") or m["sector"] not in UNPLACED_BY_VERB):
            code, how = _verb_place(head, at, kb, cues), "verb"
        if code is None and m.get("community"):
            code, how = _only_country(doc, m, mentions, kb, cues["backing"]), "sentence"
        if code:
            recode(m, "eventwire_actors", f"place_{how}", code=code, name=kb.name_of(code),
                   confidence=CONFIDENCE[how])


def _widen(doc: Doc, m: dict[str, Any], at: dict[int, dict[str, Any]]) -> None:
    """"Opposition [groups]": stretch a modifier mention over its head noun, unless that
    noun is an act ("a *military* operation", "*military* aid": the act is no party; the
    modifier stays the party that does it)."""
    root = doc[m["start"]:m["end"]].root
    head = root.head
    acts = load_lexicon().nouns
    if root.dep_ not in MODIFIER_DEPS or head.i < m["end"] or head.pos_ not in ("NOUN", "PROPN") \
            or head.lemma_.lower() in acts or \
            f"{doc[m['start']:head.i].text.lower()} {head.lemma_.lower()}" in acts:
        return
    between = doc[m["end"]:head.i + 1]
    if any(t.i in at for t in between) or any(
            t.head.i != head.i or t.dep_ not in MODIFIER_DEPS for t in between[:-1]):
        return
    span = Span(doc, m["start"], head.i + 1)
    m.update(end=span.end, end_char=span.end_char, text=span.text)
    at.update({i: m for i in range(span.start, span.end)})


def _attached(head: Token, at: dict[int, dict[str, Any]], kb: ActorKB,
              cues: dict[str, frozenset[str]]) -> str | None:
    """Country of "in/from/of/throughout X", "based in X" or "affiliated with X" hanging on
    the agent's head."""
    for child in head.children:
        if child.dep_ == "prep" and (child.lower_ in cues["locative"] or child.lower_ == "of"):
            code = _place_code(child, at, kb) or (
                _body_code(child, at) if child.lower_ in cues["member"] else None)
        elif child.dep_ == "acl" and child.lower_ in cues["located"]:
            code = next((c for p in child.children if p.dep_ == "prep"
                         and p.lower_ in cues["locative"] and (c := _place_code(p, at, kb))),
                        None)
        elif child.dep_ in ("acl", "amod") and child.lower_ in cues["affiliated"]:
            code = next((c for p in child.children if p.dep_ == "prep"
                         and (c := _place_code(p, at, kb))), None)
        elif child.dep_ == "acl" and child.lower_ in cues["fleeing"]:
            code = _fled_from(child, at, kb, cues)
        else:
            continue
        if code:
            return code
    return None


def _body_code(prep: Token, at: dict[int, dict[str, Any]]) -> str | None:
    """Code of the organisation a preposition's object names: "officials *from the World
    Health Organization*" serve it."""
    return next((m["code"] for c in prep.children if c.dep_ == "pobj"
                 and (m := at.get(c.i)) is not None and m["kind"] == "org" and m["code"]), None)


def _verb_place(head: Token, at: dict[int, dict[str, Any]], kb: ActorKB,
                cues: dict[str, frozenset[str]]) -> str | None:
    """Where the agent's own verb happens: "prisoners rioted at a jail in Dili"."""
    verb = head.head
    if head.dep_ not in SUBJECT_DEPS or verb.lemma_.lower() in cues["motion"]:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in VERB_PREPS or \
                prep.lower_ == "at" and verb.lemma_.lower() in cues["aimed"]:
            continue  # "balked at the US plan": a target, no place
        code = _place_code(prep, at, kb)
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            code = code or next((c for p in obj.children if p.dep_ == "prep"
                                 and p.lower_ in VERB_PREPS and (c := _place_code(p, at, kb))),
                                None)
        if code:
            return code
    return None


def _fled_from(participle: Token, at: dict[int, dict[str, Any]], kb: ActorKB,
               cues: dict[str, frozenset[str]]) -> str | None:
    """Where people flee from: "refugees fleeing Syria", "fleeing the war in Liberia"."""
    for obj in (c for c in participle.children if c.dep_ == "dobj"):
        code = _country_at(obj, at, kb)
        for prep in (p for p in obj.children if p.dep_ == "prep" and p.lower_ in cues["locative"]):
            code = code or _place_code(prep, at, kb)
        if code:
            return code
    return next((c for p in participle.children if p.dep_ == "prep"
                 and p.lower_ in cues["locative"] and (c := _place_code(p, at, kb))), None)


def _place_code(prep: Token, at: dict[int, dict[str, Any]], kb: ActorKB) -> str | None:
    """Country code of a preposition's object or of the names that modify it; none for an
    event ("people injured *in Monday's U.S. attack*" were not in the United States)."""
    frontier = [c for c in prep.children if c.dep_ == "pobj"]
    if any(t.lemma_.lower() in load_lexicon().nouns for t in frontier):
        return None
    for _ in range(3):
        for token in frontier:
            code = _country_at(token, at, kb)
            if code:
                return code
        frontier = [c for t in frontier for c in t.children if c.dep_ in PLACE_DEPS]
    return None


def _country_at(token: Token, at: dict[int, dict[str, Any]], kb: ActorKB) -> str | None:
    """The country a token names: a country mention, or a place name of one country only
    in the gazetteer ("Sindh", "Calgary"); a name of places in several countries
    ("Tripoli") names none."""
    m = at.get(token.i)
    if m:
        return m["code"] if m["code"] and kb.country(m["code"]) and m["kind"] != "person" \
            else None
    if token.ent_type_ not in PLACE_ENTS or not token.is_title:
        return None  # "Union" in "Serbian Workers' Union" is no town in New Jersey
    return load_gazetteer().only_country(token.text)


def _only_country(doc: Doc, m: dict[str, Any], mentions: list[dict[str, Any]],
                  kb: ActorKB, backing: frozenset[str]) -> str | None:
    """The single country named in the community's sentence, if there is just one, it
    is not the other party of the community's own verb ("the Kurds accused Turkey", "a
    British journalist was detained by Kurdish forces", "the US works with Kurdish
    militias", "Turkey tried to attack the Kurds") and
    not a backer ("the US-backed Kurdish militia")."""
    sent = doc[m["start"]].sent
    verb = doc[m["start"]:m["end"]].root.head
    if verb.dep_ in ("agent", "prep") and verb.head.pos_ in ("VERB", "AUX"):
        # "a British journalist was detained *by* Kurdish forces", "the US is working *with*
        # Kurdish militias": the other party of the verb the community is an argument of
        verb = verb.head
    elif verb.dep_ == "prep" and verb.head.dep_ in ("dobj", "obj") and \
            verb.head.head.pos_ in ("VERB", "AUX"):
        # "Turkey launched a military campaign *against* Kurdish militias": the party of the
        # act the object names is the verb's
        verb = verb.head.head
    codes = {o["code"] for o in mentions if o is not m and o["code"]
             and sent.start <= o["start"] < sent.end and kb.country(o["code"])
             and not _backer(doc, o, backing)}
    # "Turkey tried to attack the Kurds": the subject an infinitive takes from its governor
    doer, _passive = subject(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
    parties = {o["code"] for o in mentions if o is not m and o["code"]
               and (_argument_of(doc[o["start"]:o["end"]].root, verb) or
                    doer is not None and o["start"] <= doer.i < o["end"])}
    return codes.pop() if len(codes) == 1 and not codes & parties else None


def _backer(doc: Doc, m: dict[str, Any], backing: frozenset[str]) -> bool:
    """A country named as someone's backer: "*US*-backed", "*Iran*-funded", or the "by"
    phrase of such a participle ("Kurdish fighters, backed *by the United States*")."""
    if hyphen_word(doc, m["end"]) in backing:
        return True
    head = doc[m["start"]:m["end"]].root
    # "backed by Russia and Iran", "backed by a US-led coalition"
    while head.dep_ in ("conj", "npadvmod", *PLACE_DEPS - {"pobj"}) and head.head.i != head.i:
        head = head.head
    by = head.head
    return head.dep_ == "pobj" and by.lower_ == "by" and by.dep_ in ("agent", "prep") and \
        by.head.lower_ in backing


def hyphen_word(doc: Doc, end: int) -> str:
    """The lower-cased word a hyphen joins right after token ``end - 1`` ("backed" in
    "US-backed", "based" in "Hong Kong-based"), or ""."""
    if end + 1 < len(doc) and doc[end].text in ("-", "‐") and not doc[end].whitespace_ \
            and not doc[end - 1].whitespace_:
        return doc[end + 1].lower_
    return ""


def hyphen_prefix(doc: Doc, start: int) -> str:
    """The lower-cased word a hyphen joins right before token ``start`` ("anti" in
    "anti-Isis", "pro" in "pro-Russian"), or ""."""
    if start > 1 and doc[start - 1].text in ("-", "‐") and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_:
        return doc[start - 2].lower_
    return ""


def _argument_of(token: Any, verb: Any) -> bool:
    """True when a word is, or modifies, the subject or object of ``verb``, directly or
    through one preposition ("accused Turkey", "fought against Turkey", "balked at the *US*
    plan")."""
    for _ in range(ARGUMENT_REACH):
        if token.head.i == verb.i:
            return token.dep_ in ARGUMENT_DEPS or token.dep_ == "prep"
        if token.dep_ not in NOUN_PHRASE_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return False
