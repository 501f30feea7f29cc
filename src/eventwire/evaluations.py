"""Judgments passed with a copula or a verb of naming: "it was *unfortunate* that
California is introducing so many changes", "the silence of the Nato members is
*unacceptable*", "the Kremlin called the sanctions *illegal*".

The judged party is whom the copula's subject or its extraposed clause names; the judge is
whoever reports the judgment ("Hasen said it was unfortunate ..."). The words and the codes
they give are data (``data/events/evaluations.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from eventwire.kb.tables import read_tsv
from eventwire.participants import reporting_subject

COPULAS = frozenset({"be", "seem", "appear", "remain", "sound"})
JUDGED_DEPS = frozenset({"acomp", "attr"})
# The clause a copula with an expletive "it" judges: "it is concerning *that he believes*".
EXTRAPOSED_DEPS = frozenset({"ccomp", "csubj", "advcl"})


@dataclass(frozen=True)
class Judgment:
    """A judgment's CAMEO code and the phrases naming its judge and what is judged."""

    code: str
    judge: Token | None
    judged: tuple[Token, ...]


@cache
def judgment_codes() -> dict[str, str]:
    """Judgment words and the codes they give (evaluations.tsv)."""
    return {r["word"]: r["cameo"] for r in read_tsv("events", "evaluations.tsv")}


@cache
def naming_verbs() -> frozenset[str]:
    """Verbs that judge their object with a second phrase (naming_verbs.tsv)."""
    return frozenset(r["verb"] for r in read_tsv("events", "naming_verbs.tsv"))


def _code_of(word: Token) -> str | None:
    return judgment_codes().get(word.lemma_.lower()) or judgment_codes().get(word.lower_)


def named_and_second(verb: Token) -> tuple[list[Token], list[Token]]:
    """What a verb of naming names (its objects) and the second phrases it names them with
    ("called the sanctions *illegal*", "described the visit *as a provocation*")."""
    named = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    seconds = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")]
    # "described the visit *as a provocation*", "viewed the sanctions *as illegal*" (the
    # parser hangs a lone adjective on "as" as its modifier)
    seconds += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
                for o in p.children if o.dep_ in ("pobj", "amod", "acomp")]
    if len(named) > 1:  # "branded the move a provocation": the parser's second object
        seconds.append(named.pop())
    if named and not seconds:
        # "called the threat of a strike *extremely dangerous*": the parser hangs the
        # second phrase on the object's last noun, as an adjective after it
        last = named[-1].doc[named[-1].right_edge.i]
        if last.dep_ == "amod" and last.i > last.head.i:
            seconds.append(last)
    return named, seconds


def naming_judgment(verb: Token) -> Judgment | None:
    """"The Kremlin called the sanctions *illegal*", "described the visit as *a
    provocation*": a verb of naming whose second phrase is a judgment word. Its subject
    judges its object."""
    if verb.lemma_.lower() not in naming_verbs():
        return None
    named, seconds = named_and_second(verb)
    code = next((found for w in seconds if (found := _code_of(w))), None)
    if code is None or not named:
        return None
    judge = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return Judgment(code, judge, tuple(named))


def judgment(word: Token) -> Judgment | None:
    """The judgment ``word`` passes after a copula, or None when it passes none."""
    code = _code_of(word)
    if code is None:
        return None
    if word.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in word.children):
        copula = word  # "it is *concerning* that ...", parsed as a progressive verb
    elif word.dep_ in JUDGED_DEPS and word.head.lemma_.lower() in COPULAS:
        copula = word.head
    else:
        return None
    judged: list[Token] = []
    for child in copula.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ != "it":
            judged.append(child)
    # the extraposed clause hangs on the copula or, as often, on the judgment word itself
    # ("it was unfortunate *that Italy had closed its ports*")
    clauses = [c for c in (*copula.children, *word.children)
               if c.dep_ in EXTRAPOSED_DEPS and c.i > word.i]
    judged.extend(s for c in dict.fromkeys(clauses) for s in c.children
                  if s.dep_ in ("nsubj", "nsubjpass"))
    # "a betrayal *of the Kurds*": the noun's own "of" names whom the act wronged
    judged.extend(o for p in word.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj")
    return Judgment(code, reporting_subject(copula), tuple(judged))
