"""Who does what to whom: actor and recipient slots read off the dependency parse.

Pure functions over spaCy tokens and the actor mentions of a Doc, shared by
the verbal and nominal event finders. Handles active and passive voice,
conjunctions ("X and Y agreed"), control verbs ("called on Seoul to help":
the helper is Seoul), participle and relative clauses, and prepositional
recipients ("met with X", "exports to Japan").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from eventwire.kb.resources import read_csv
from eventwire.kb.tables import read_lines, read_tsv

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj", "attr", "oprd"})
# Verbs of having something done: "had her citizenship revoked", "got his visa cancelled";
# and of wanting or seeing it done: "wants Assad removed", "to see Assad removed".
CAUSATIVE_VERBS = frozenset({"have", "get", "want", "see"})
# Those of them that are also auxiliaries ("at no moment have any of the parties accepted").
AUXILIARY_CAUSATIVES = frozenset({"have", "get"})
# Prepositions whose object is the one acted upon ("on" as in "called on Seoul").
RECIPIENT_PREPS = frozenset({
    "to", "with", "on", "upon", "against", "at", "toward", "towards", "into", "from",
    "over", "for", "between", "among", "onto",
})
# Two-word prepositions whose first word the parser makes the head of the second ("out of"),
# read as recipient prepositions: the first word and the second words it takes.
PREP_HEADS = {"out": frozenset({"of"})}
# Prepositions that aim a noun at someone: in "mobilized reservists for a war *against
# Iraq*" the war's target is the mobilisation's.
TARGET_PREPS = frozenset({"against", "on", "upon", "toward", "towards"})
# Prepositions that say where an object goes or is aimed ("exports ... to Japan").
DESTINATION_PREPS = TARGET_PREPS | {"to"}
# Clauses whose words belong to another predication.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis",
                         "csubj", "punct", "cc", "mark", "appos", "prep"})
# What a misread headline's subject hangs on its verb as.
HEADLINE_SUBJECT_DEPS = frozenset({"compound", "npadvmod", "dep", "amod"})
LIST_DASHES = frozenset({"-", "–", "—"})
MAX_DEPTH = 4
# Objects count only when their head is a mention.
OBJECT_DEPTH = 0
# Objects acted upon also count their owner: "rejected an Indian proposal", "shelled
# positions of the Palestinian forces", "praised Haiti's efforts".
OWNER_DEPTH = 1
# Prepositions that name who a noun phrase belongs to or comes from.
OWNER_PREPS = frozenset({"of", "by"})
# What a thing acted upon stands for: its owner, or whom it serves ("a camp for refugees").
SERVED_PREPS = OWNER_PREPS | {"for"}


def mention_index(doc: Doc) -> list[int]:
    """For every token, the index of the actor mention covering it, or -1."""
    index = [-1] * len(doc)
    for i, mention in enumerate(doc._.ew_mentions or []):
        for t in range(mention["start"], mention["end"]):
            index[t] = i
    return index


def mentions_under(token: Token, index: list[int], depth: int = MAX_DEPTH,
                   preps: frozenset[str] = OWNER_PREPS) -> list[int]:
    """Mentions that a noun phrase headed by ``token`` refers to.

    The mention covering the head wins; otherwise the closest mentions inside
    the phrase down to ``depth`` (not inside nested clauses or prepositional
    phrases, except those of ``preps``: "of" and "by" unless told otherwise);
    coordinated phrases ("Japan and China") add theirs.
    Objects use depth 0: in "discussed the Japan-China crisis" the countries
    are the topic, not the ones met.
    """
    found: list[int] = []
    for head in [token, *conjuncts(token)]:
        for m in _closest_mentions(head, index, depth, preps):
            if m not in found:
                found.append(m)
    return found


def _past_partitive(head: Token, index: list[int]) -> Token:
    """The noun a share word or a number stands for ("one *of* Iraq's fortifications",
    "part *of* Syria"; partitive_nouns.tsv), so that the share costs no depth; a share word
    that is itself a mention stays."""
    while index[head.i] < 0 and (head.lower_ in partitive_nouns() or head.tag_ == "CD"):
        inner = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"), None)
        if inner is None:
            break
        head = inner
    return head


def first_conjunct(token: Token) -> Token:
    """The first of the words a token is coordinated with ("tax" in "labour, tax and aid"),
    or the token itself."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def conjuncts(token: Token) -> list[Token]:
    """Tokens coordinated with ``token`` ("Japan, South Korea and the US")."""
    result = []
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        result.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return result


def _closest_mentions(head: Token, index: list[int], depth: int,
                      preps: frozenset[str]) -> list[int]:
    inner = _past_partitive(head, index)
    # the share's own phrase still counts when what it is of names no one ("a series of
    # airstrikes *by Russian jets*", the "by" hung on "series")
    return (inner is not head and _mentions_within(inner, index, depth, preps)) or \
        _mentions_within(head, index, depth, preps)


def _mentions_within(head: Token, index: list[int], depth: int,
                     preps: frozenset[str]) -> list[int]:
    if index[head.i] >= 0:
        return _named_by_apposition(head, index) or _with_coordinated_modifiers(head, index)
    frontier = [head]
    for _ in range(depth):
        next_frontier = []
        for t in frontier:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    next_frontier.extend(c.children)
                elif c.dep_ == "poss" and t.lower_ in other_party_words():
                    continue  # "accused by *its* enemies": the owner is not the party
                elif c.dep_ not in CLAUSE_DEPS:
                    next_frontier.append(c)
        hits = sorted({index[t.i] for t in next_frontier if index[t.i] >= 0})
        if hits:
            return hits
        frontier = next_frontier
    return []


def _named_by_apposition(head: Token, index: list[int]) -> list[int]:
    """The coded mentions in apposition to an uncoded one: "by regime allies *Iran and
    Russia*" names the allies."""
    mentions = head.doc._.ew_mentions
    if mentions[index[head.i]]["code"]:
        return []
    return [index[c.i] for c in head.children
            if c.dep_ == "appos" and index[c.i] >= 0 and index[c.i] != index[head.i]
            and mentions[index[c.i]]["code"]]


def _with_coordinated_modifiers(head: Token, index: list[int]) -> list[int]:
    """The head's mention plus mentions coordinated with its words: "Hungarian and
    [Romanian officials]" stands for both countries' officials."""
    own = index[head.i]
    found = [own]
    for t in head.doc[head.left_edge.i:head.i + 1]:
        if index[t.i] != own:
            continue
        # (not the head's own first conjunct: "police and *residents* protesting")
        linked = conjuncts(t) + ([t.head] if t.dep_ == "conj" and t.i != head.i else [])
        for other in linked:
            if index[other.i] >= 0 and index[other.i] not in found:
                found.append(index[other.i])
    return found


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb and whether the clause is passive.

    Follows control and coordination up the tree when the verb has no
    subject of its own: "agreed to cooperate" (the agreers), "is willing to
    withdraw" (who is willing), "called on Seoul to help" (Seoul), "reacted
    angrily, blocking exports" (the reactor), "China, which regards ..."
    (China), "his place to intervene" (him).
    """
    own = verb
    undergone = _bare_participle_clause(verb)
    if causative_participle(verb) or absolute_participle(verb) and any(
            c.dep_ in SUBJECT_DEPS for c in verb.children) and not stative_participle(verb):
        # "Begum had her citizenship revoked", "with Islamic State crushed": the
        # participle's subject is what was done to
        return next(c for c in verb.children if c.dep_ in SUBJECT_DEPS), True
    reported = _reported_passive_subject(verb)
    if reported is not None:
        return reported, True
    for _ in range(6):
        # Two subjects are a misparse of two clauses ("if the Turks attack, then the Kurds
        # will withdraw"): the one nearest the verb is its own.
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if len(subjects) > 1 and all(c.i < verb.i for c in subjects):
            return past_dateline(relative_antecedent(subjects[-1])), \
                undergone and verb.i != own.i
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return past_dateline(relative_antecedent(child)), undergone and verb.i != own.i
            if child.dep_ in PASSIVE_SUBJECT_DEPS:
                if own.dep_ == "conj" and own.tag_ == "VBG" and own.head.i == verb.i and \
                        not any(c.dep_ == "aux" for c in own.children):
                    # "civilians have been killed in airstrikes and *shelling*": a gerund
                    # the parser coordinated with a passive verb; who was acted on did not
                    # act in it, and its doer is its "by" phrase, as a noun's ("shelling by
                    # forces loyal to Assad")
                    return None, True
                # A raised subject ("were expected to discuss") acts in the infinitive.
                return past_dateline(relative_antecedent(child)), (
                    verb.i == own.i or _is_passive(own) or _passive_conjunct(own, verb))
        means = means_verb(verb)
        if means is not None:
            verb = means  # "Erdogan used the summit to criticise": Erdogan criticised
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            possessor = _infinitive_possessor(verb)
            if possessor is not None:
                return possessor, False
            return _nearest_conjunct(verb), verb.tag_ == "VBN"
        if is_infinitive_complement(verb):
            controller = _infinitive_possessor(verb) or _acting_object(verb)
            if controller is not None:
                return controller, False
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and verb.head != verb:
            verb = verb.head
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "before visiting", "after going"
            verb = verb.head.head
            continue
        break
    return _headline_subject(own), False


def _nearest_conjunct(clause: Token) -> Token:
    """The noun a participle right after a list modifies: its last item ("between police and
    *residents* protesting the construction"), where the parser hangs it on the first."""
    items = conjuncts(clause.head)
    if clause.dep_ == "acl" and items and items[-1].i < clause.i == items[-1].right_edge.i + 1:
        return items[-1]
    return clause.head


def _headline_subject(verb: Token) -> Token | None:
    """The subject of a headline the parser misreads ("Pakistan: army launches offensive"
    makes "army" a compound of the verb): a bare noun right before the main verb."""
    if verb.dep_ != "ROOT":
        return None
    listed = _listed_name(verb)
    if listed is not None or verb.tag_ not in ("VBZ", "VBP"):
        return listed
    left = [c for c in verb.lefts
            if c.dep_ in HEADLINE_SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")]
    return left[-1] if left and left[-1].i == verb.i - 1 else None


def _listed_name(verb: Token) -> Token | None:
    """The doer of a list item ("* Finnair - Cancelled all flights to China"): the name
    that opens the item, set off from its verb by a dash."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text not in LIST_DASHES:
        return None
    name = doc[verb.i - 2]
    opening = doc[verb.sent.start:name.i]
    if name.pos_ != "PROPN" or not all(t.is_punct or t.pos_ == "PROPN" for t in opening):
        return None
    return name


def causative_participle(verb: Token) -> bool:
    """A past participle that "have", "get", "want" or "see" governs with its own subject,
    which the parser reads as active, even as a past tense ("Begum had her British
    citizenship *revoked*", "had his passport *confiscated* by Turkish police", "to see
    Assad *removed*"): the clause is passive, its subject undergoes the act and its "by"
    phrase names the doer; with an object of its own it is active ("saw Russia attacked
    Ukraine")."""
    having = verb.head
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("ccomp", "xcomp", "oprd") or \
            having.lemma_ not in CAUSATIVE_VERBS or \
            any(c.dep_ in ("dobj", "obj") for c in verb.children) or \
            having.lemma_ in AUXILIARY_CAUSATIVES and \
            not any(c.dep_ in SUBJECT_DEPS and c.i < having.i for c in having.children):
        return False  # "at no moment have any of the parties accepted": an auxiliary
    # the participle's subject lies right between "have" and the participle ("It has this
    # summary: two jets conducted passes" and "who had no military background – left for
    # Syria" are misparses of two clauses)
    return any(c.dep_ in SUBJECT_DEPS and c.left_edge.i == having.i + 1
               and c.right_edge.i + 1 == verb.i for c in verb.children)


@lru_cache(maxsize=1)
def _stative_pairs() -> frozenset[tuple[str, str]]:
    return frozenset((r["verb"], r["prep"]) for r in read_tsv("events", "stative_participles.tsv"))


def stative_participle(verb: Token) -> bool:
    """A participle naming its subject's state (stative_participles.tsv): "were *involved
    in* the fighting", "is *committed to* a ceasefire", "*opposed to* it"."""
    lemma = verb.lemma_.lower()
    return any(c.dep_ == "prep" and (lemma, c.lower_) in _stative_pairs() for c in verb.children)


def absolute_participle(verb: Token) -> bool:
    """"*With Islamic State crushed*, the powers will meet": a participle clause opened by
    "with" tells a state reached, whose subject underwent it."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBD") and any(
        c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)


def _bare_participle_clause(verb: Token) -> bool:
    """"The men are in custody, *accused* of spying", "Kurdish forces should be victorious in
    Raqqa but *crushed* in Kirkuk": a past participle with no auxiliary hung on a clause, or
    coordinated with the copula's own predicate, says what its subject underwent."""
    return (verb.dep_ == "advcl" or verb.dep_ == "conj" and verb.head.lemma_ == "be" and any(
        c.dep_ == "cc" and c.i < verb.i for c in verb.head.children)) and \
        verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


SAY = "say"


def _reported_passive_subject(verb: Token) -> Token | None:
    """"activists said around 50 people were killed": the parser makes "people" the object
    of "said" and "killed" a conjunct of it; the passive verb's subject is that object. Only
    "say", which takes no object of its own: "who declared martial law and was removed" was
    removed, and "told Reuters" names whom the speaker told."""
    head = verb.head
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in verb.children) or \
            any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children) or \
            head.lemma_.lower() != SAY:
        return None
    return next((c for c in head.children
                 if c.dep_ in ("dobj", "obj") and head.i < c.i < verb.i), None)


def _passive_conjunct(own: Token, passive: Token) -> bool:
    """"were rounded up and *shot*": a past participle coordinated with a passive verb
    shares its auxiliary, so its subject is the one acted on."""
    token = own
    while token.dep_ == "conj" and token.tag_ == "VBN" and token.head != token:
        token = token.head
        if token.i == passive.i:
            return True
    return False


def _infinitive_possessor(verb: Token) -> Token | None:
    """"Japan's decision to send troops", "it was not his place to intervene": the possessor
    of the noun the infinitive completes acts."""
    if not has_to_marker(verb):
        return None
    head = verb.head
    nouns = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ == "attr"]
    return next((c for n in nouns for c in n.children if c.dep_ == "poss"), None)


@lru_cache(maxsize=1)
def _means_verbs() -> dict[str, frozenset[str]]:
    return {r["verb"]: frozenset(r["objects"].split("|"))
            for r in read_tsv("roles", "means_verbs.tsv")}


def means_verb(infinitive: Token) -> Token | None:
    """The verb of means whose "to"-infinitive ``infinitive`` says what its subject did
    (roles/means_verbs.tsv): "*used* the summit to criticise", "*took* the occasion to
    condemn", "*seized* the opportunity to attack" (the parser hangs the infinitive on the
    noun), "*took* to the streets to protest"; None for other infinitives."""
    if infinitive.tag_ != "VB" or not has_to_marker(infinitive):
        return None
    head = infinitive.head
    if infinitive.dep_ == "acl" and head.dep_ == "dobj":
        objects = [head]
        head = head.head
    elif infinitive.dep_ in ("xcomp", "advcl"):
        objects = [c for c in head.children if c.dep_ == "dobj" or
                   c.dep_ == "prep" and c.lower_ == "to"]
    else:
        return None
    wanted = _means_verbs().get(head.lemma_.lower())
    if wanted is None or not any(
            "*" in wanted and o.dep_ == "dobj" or
            (o.lower_ if o.dep_ == "prep" else o.lemma_.lower()) in wanted for o in objects):
        return None
    return head


def has_to_marker(verb: Token) -> bool:
    """The verb carries the "to" of an infinitive ("decided *to* attack")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_infinitive_complement(verb: Token) -> bool:
    """An open complement or a "to"-infinitive clause: "agreed to X", "called on Y to X"."""
    if verb.dep_ == "xcomp":
        return True
    return verb.dep_ == "advcl" and has_to_marker(verb)


def past_dateline(token: Token) -> Token:
    """A subject inside a dateline stands for the noun the parser hung on it: in "TEL
    AVIV, April 9 - Israeli gunships attacked ...", "AVIV" is read as the subject and the
    gunships as its apposition."""
    marks = token.doc._.ew_wire_marks or ()
    if token.i not in marks:
        return token
    return next((c for c in token.children if c.dep_ == "appos" and c.i not in marks), token)


def relative_antecedent(token: Token) -> Token:
    """'which'/'who' in a relative clause stand for the noun the clause modifies."""
    if token.tag_ in RELATIVE_TAGS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _acting_object(verb: Token) -> Token | None:
    """The object of the verb above an infinitive that does the infinitive's act ("sent
    troops *to fight*", "urged Seoul *to* help"); none for a place after a verb of going into
    one ("entered Idlib province *to support* rebel forces"; entering_verbs.txt), whose
    subject acts."""
    obj = object_controller(verb.head)
    if obj is not None and verb.head.lemma_.lower() in word_list("entering_verbs.txt") and (
            obj.ent_type_ in PLACE_ENTITIES or obj.lemma_.lower() in settlement_nouns() or any(
                c.dep_ == "compound" and c.ent_type_ in PLACE_ENTITIES for c in obj.children)):
        return None
    return obj


@cache
def settlement_nouns() -> frozenset[str]:
    """Nouns whose "of" phrase or apposition names a place, and that name a place themselves
    ("the province", "the town of Kafr Nabl"; places/settlement_nouns.txt)."""
    return frozenset(read_lines("places", "settlement_nouns.txt"))


def object_controller(verb: Token) -> Token | None:
    """The object that controls an infinitive: "urged Seoul to ...", "called on Seoul to ..."."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def wished_clause(verb: Token) -> Token | None:
    """The infinitive clause with a subject of its own that a verb governs: "wants *Germany
    to pay*" (the parser reads it as a clausal complement)."""
    for clause in verb.children:
        if clause.dep_ == "ccomp" and has_to_marker(clause) and \
                any(c.dep_ == "nsubj" for c in clause.children):
            return clause
    return None


# Words after "not" that add rather than deny: "not just by Assad, but also by the US".
NOT_ONLY = frozenset({"just", "only", "merely", "simply", "solely", "least"})


def agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb.

    With a retained object ("was refused entry *by* Ugandan officials") the parser often
    hangs the "by" phrase on the object; it is still the verb's agent. A denied one
    ("launched *not by* the regime, but by the coalition") is none; "not just by" is not
    denied.
    """
    for child in verb.children:
        if child.dep_ == "agent":
            if any(c.dep_ == "neg" and c.nbor(1).lower_ not in NOT_ONLY for c in child.children):
                return None  # "not just by Assad" still names him
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "prep") and child.i > verb.i:
            holders = [child] if child.dep_ == "prep" else list(child.children)
            for prep in holders:
                if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
                    return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return hands_of(verb)


def hands_of(word: Token) -> Token | None:
    """The doer an "at the hands of" phrase on a word names ("was killed *at the hands of*
    Houthi rebels", "his killing at the hands of the militia")."""
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ == "at":
            for hands in prep.children:
                if hands.dep_ == "pobj" and hands.lower_ == "hands":
                    return next((o for of in hands.children
                                 if of.dep_ == "prep" and of.lower_ == "of"
                                 for o in of.children if o.dep_ == "pobj"), None)
    return None


def objects(verb: Token, skip: set[int] | None = None) -> list[Token]:
    """Heads of the verb's objects and prepositional recipients, nearest first.

    Prepositional phrases hanging on a direct object count too ("blocking
    exports to Japan"). Tokens in ``skip`` (e.g. the subject) are left out.
    """
    skip = skip or set()
    found: list[Token] = []
    for child in verb.children:
        if child.i in skip:
            continue
        if child.dep_ == "dative" and child.tag_ == "IN":
            # "sent troops *to Iraq*" parsed as a dative preposition: its object is aimed at.
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in OBJECT_DEPS and child.tag_ in RELATIVE_TAGS:
            found.append(relative_antecedent(child))  # "the fighters *that* we captured"
        elif child.dep_ in OBJECT_DEPS:
            found.append(child)
            found.extend(prep_objects(child, recipient_preps(child)))
            # "announced a suspension of flights *to Serbia*": the phrase on what the object
            # is made of aims the act too.
            for part in prep_objects(child, OWNER_PREPS - {"by"}):
                found.extend(prep_objects(part))
            # "blocked exports of items with military uses *to Japan*": the parser hangs
            # the destination on the nearest noun of the object's phrases.
            for part in prep_objects(child, RECIPIENT_PREPS - DESTINATION_PREPS):
                found.extend(prep_objects(part, DESTINATION_PREPS))
        elif child.dep_ == "prep" and child.lower_ in recipient_preps(verb):
            for obj in (c for c in prep_pobjs(child) if not (
                    child.lower_ == "at" and c.lower_ == "hands") and not (  # a doer (hands_of)
                    child.lower_ == "against" and c.lemma_.lower() in concessive_nouns())):
                found.append(obj)
                found.extend(prep_objects(obj, TARGET_PREPS))
        elif child.dep_ == "prep" and child.lower_ in PREP_HEADS:
            # "pulled its troops *out of* Syria": the second word of the preposition hangs
            # on the first
            found.extend(prep_objects(child, PREP_HEADS[child.lower_]))
        elif child.dep_ == "prt":  # "kidnapped up to 16 advisers": a phrase hung on the particle
            found.extend(prep_objects(child))
        elif _misread_object(verb, child):
            found.append(child)
    return found


# Prepositions that name both sides of a fight or talks ("clashes *between* police and
# residents").
MUTUAL_PREPS = frozenset({"between", "among"})
# Tags of relative pronouns ("which", "that", "who").
RELATIVE_TAGS = frozenset({"WDT", "WP"})
# Entity labels of places.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Entity labels of parties: a name so tagged right after its verb is what the verb acts on.
PARTY_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _misread_object(verb: Token, child: Token) -> bool:
    """A party's name right after a verb with no object, which the parser read as an
    adverbial noun ("The foreign minister, Jean-Yves Le Drian, criticised *Turkey*");
    a day's name stays a time ("met Monday")."""
    return child.dep_ == "npadvmod" and child.i == verb.i + 1 and \
        child.ent_type_ in PARTY_ENTITIES and \
        not any(c.dep_ in OBJECT_DEPS for c in verb.children)


def prep_objects(noun: Token, preps: frozenset[str] = RECIPIENT_PREPS) -> list[Token]:
    """Objects of the prepositional phrases on a word, for the given prepositions; a
    preposition with no object shares that of the one coordinated with it ("flights *to*
    and from Iran")."""
    return [obj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in preps
            for obj in prep_pobjs(prep)]


def prep_pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition, or those of the preposition coordinated with it when it
    has none ("flights *to* and from Iran")."""
    own = [obj for obj in prep.children if obj.dep_ == "pobj"]
    return own or [obj for other in prep.children if other.dep_ == "conj" and other.pos_ == "ADP"
                   for obj in other.children if obj.dep_ == "pobj"]


# Dependencies that open a new clause below their head.
CLAUSE_BOUNDARY_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj",
                                  "parataxis"})


def clause_depth(token: Token) -> int:
    """How many clauses down from the sentence root a token's clause lies."""
    depth = 0
    while token.head.i != token.i:
        if token.dep_ in CLAUSE_BOUNDARY_DEPS:
            depth += 1
        token = token.head
    return depth


@lru_cache(maxsize=1)
def other_party_words() -> frozenset[str]:
    """Nouns after a possessive that name another party than the possessor ("its enemies",
    "Turkey's allies"; actors/cues.csv, role other_party)."""
    return actor_cue_words("other_party")


@cache
def actor_cue_words(role: str) -> frozenset[str]:
    """The words of one role of actors/cues.csv."""
    return frozenset(r["word"] for r in read_csv("actors", "cues.csv") if r["role"] == role)


@cache
def partitive_nouns() -> frozenset[str]:
    """Nouns of a share ("part of", "most of", "one of"): partitive_nouns.tsv."""
    return frozenset(r["noun"] for r in read_tsv("events", "partitive_nouns.tsv"))


@cache
def word_list(name: str, folder: str = "events") -> frozenset[str]:
    """A list of data/events (or of another data folder) with one lower-case word a line:
    crowd counts, the verbs of a purpose that aids, natural hazards, verbs that cause, the
    acts and words of data/roles (each file says what it is for)."""
    return frozenset(line.strip() for line in read_lines(folder, name))


def recipient_preps(word: Token) -> frozenset[str]:
    """The prepositions whose object a word acts on: a word of safety's "from" names the
    danger ("protect us *from* the army"; events/safety_words.txt)."""
    return RECIPIENT_PREPS - {"from"} if word.lemma_.lower() in word_list("safety_words.txt") \
        else RECIPIENT_PREPS


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Texts that are no party as a subject ("the pact calls on Japan", "the proposal would
    ban imports"; events/document_nouns.tsv)."""
    return frozenset(r["noun"] for r in read_tsv("events", "document_nouns.tsv"))


@lru_cache(maxsize=1)
def concessive_nouns() -> frozenset[str]:
    """Nouns that make "against" a concession ("against the advice of"): concessive_nouns.tsv."""
    return frozenset(r["noun"] for r in read_tsv("events", "concessive_nouns.tsv"))


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech or thought (the quote cue table)."""
    return frozenset(r["cue"] for r in read_tsv("quotes", "cues.tsv") if r["pos"] == "verb")


def clause_verb(verb: Token) -> Token:
    """The verb that heads ``verb``'s clause, through the conjuncts and infinitives it
    completes ("said it would *try* to *withdraw*" -> "try")."""
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def reporting_subject(verb: Token) -> Token | None:
    """The subject of the verb that reports ``verb``'s clause ("X said [that ...verb]")."""
    verb = clause_verb(verb)
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in reporting_verbs():
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


def own_state(mentions: list[dict[str, Any]], parties: list[int], speakers: list[int]) -> bool:
    """"Laschet said Germany must remain an industrial country": the parties a speaker says
    must act are all the speaker's own state (its code, no sector), so no one else is asked."""
    codes = {mentions[s]["code"] for s in speakers} - {None}
    return bool(parties) and all(mentions[p]["code"] in codes and not mentions[p]["sector"]
                                 for p in parties)


# Prepositions whose object names the act by which a verb's harm was done.
MEANS_PREPS = frozenset({"by", "in"})


def event_noun(doc: Doc, event: Mapping[str, Any]) -> str | None:
    """The lemma of the noun that names the act: a nominal event's noun ("clashes" ->
    "clash"), or the act by which a verb's harm was done ("were killed *in a coalition
    bombing*", "was injured *by an airstrike*"); None when there is none."""
    trigger = doc[event["trigger"][0]]
    if event.get("sense") == "noun":
        return trigger.lemma_.lower()
    means = next((o for prep in trigger.children if prep.dep_ in ("prep", "agent")
                  and prep.lower_ in MEANS_PREPS for o in prep.children if o.dep_ == "pobj"),
                 None)
    return means.lemma_.lower() if means is not None else None


def city_metonym(doc: Doc, mention: Mapping[str, Any]) -> bool:
    """A capital standing for its government ("Washington"): the parser tags it a place.
    In a sentence about sport it names a team or a venue ("scored 27 points for
    Washington"), and before an event noun the place of the act ("the Berlin Christmas
    market attack"), not a government; "the Kremlin" or "the White House" still is one."""
    return mention.get("kind") == "country" and bool(mention.get("sector")) and \
        doc[mention["start"]].ent_type_ == "GPE"
