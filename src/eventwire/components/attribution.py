"""Stage "eventwire_attribution": who acts and who is acted on, decided in one place.

The event stage fills each trigger's slots from the parse (subject, objects,
prepositional phrases, see ``participants.py``); the places stage sets
``event_loc`` and the tokens of the place name (``loc_span``). This stage then
applies the role rules of ``data/roles/rules.tsv``, which read what the sentence
alone cannot say: a state's bodies act on their own people, a place stands for
its state as actor or recipient, people act at home on their own state, an act
done by way of another is aimed where that one is. Each rule is a data row
(action, event type, conditions, why); codes change only through
``drafts.recode`` and roles through ``drafts.set_roles``, so every change
carries its rule in the draft's ``why`` trail.

Where mentions and roles are made and changed (the map of the pipeline):

- actors stage: resolves mentions (``new_mention`` in the resolver) and codes
  agents by their place (``actor_places``, through ``recode``);
- coref stage: adds pronoun and group mentions (``new_mention``) and codes
  "its troops", "the government", "the Assad regime" from their owner
  (``recode``): what a mention's own words say, before any event reads it;
- events stage: fills the actor and recipient slots of each trigger
  (``new_event``) and adds ``unresolved`` mentions for unknown named subjects;
- modality stage: "X said Y must do Z" makes X the actor (``set_roles``);
- this stage: every inference after the fact, from the rule rows, adding
  ``place`` and ``home`` mentions for inferred states.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from eventwire.components.events import PLACE_KINDS, names_both_sides
from eventwire.drafts import EventDraft, Mention, new_mention, recode, set_roles
from eventwire.errors import DataError
from eventwire.extensions import register
from eventwire.kb.actors import UNIDENTIFIED_ARMED, ActorKB, load_actor_kb
from eventwire.kb.gazetteer import Gazetteer, load_gazetteer
from eventwire.kb.ontology import JOINT_TYPES
from eventwire.kb.tables import read_tsv
from eventwire.kb.user_actors import actor_kb
from eventwire.participants import TARGET_PREPS, word_list

# A state inferred from a place or a home: less sure than a named actor.
INFERRED_CONFIDENCE = 0.4
# Sectors a state's own forces attack only abroad: a government struck is another's.
ATTACKED_ABROAD = frozenset({"GOV"})
# A recipient given its country by the state body acting on it.
DOMESTIC_CONFIDENCE = 0.4
# Mention kinds that are people or bodies, not countries, groups or pronouns.
AGENT_KINDS = frozenset({"person", "agent"})
# Uncoded mentions that the event's place may code: people and bodies the actor stage
# found without a nationality, and names it did not know.
PLACEABLE_KINDS = frozenset({"person", "agent", "unresolved"})
# A country mention written as its people ("Algerians", "Bolivian miners"), not as the state.
PEOPLE_TAGS = frozenset({"NNPS", "NNS", "JJ"})
# Steps up a list or apposition from a name to the phrase a preposition governs.
MAX_LIST_STEPS = 6
# Relations of a subject, whose phrase holds its own places.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Steps up the parse from a place's name to the act it is the place of.
MAX_PLACE_STEPS = 4
# Relations of a pronoun that acts ("*they* killed", "killed by *them*") and of one acted on
# ("*they* were detained", "detained *them*").
ACTOR_DEPS = frozenset({"nsubj", "pobj"})
RECIPIENT_DEPS = frozenset({"nsubjpass", "dobj"})
# The actions that run over every event before the others, in this order (rules.tsv).
FIRST_ACTIONS = ("means_recipient", "domestic_recipient", "own_people")


@dataclass(frozen=True)
class Rule:
    """One row of ``data/roles/rules.tsv``."""

    action: str
    event: str  # a PLOVER type, or * for any
    type_of: str  # "event" (as coded) or "act" (before modality recoded it)
    when: frozenset[str]
    why: str

    def applies(self, event: EventDraft, mentions: list[Mention], doc: Doc) -> bool:
        """Whether the row's event type and conditions hold for an event."""
        kind = event.get("act", event["event"]) if self.type_of == "act" else event["event"]
        if self.event not in ("*", kind):
            return False
        return all(CONDITIONS[c](event, mentions, doc) for c in self.when)


# Occupying territory (CAMEO 192, an ASSAULT): like a seizure, the place is the loser's.
TERRITORY_CAMEO = "192"


CONDITIONS: dict[str, Callable[[EventDraft, list[Mention], Doc], bool]] = {
    "directed": lambda e, m, d: e.get("act", e["event"]) not in JOINT_TYPES,
    "no_recipient": lambda e, m, d: not e["recipient"],
    "no_actor": lambda e, m, d: not e["actor"],
    "placed": lambda e, m, d: e.get("event_loc") is not None,
    "not_travel": lambda e, m, d: "visit" not in e["mode"],
    "no_coded_recipient": lambda e, m, d: not any(m[r]["code"] for r in e["recipient"]),
    "not_seizure": lambda e, m, d: "seize" not in e["mode"]
    and not e["cameo"].startswith(TERRITORY_CAMEO),
    "not_foreign": lambda e, m, d: not _trigger_in(e, d, "foreign_acts.txt"),
    "not_accepting": lambda e, m, d: not _trigger_in(e, d, "accepting_acts.txt"),
    "placed_on_act": lambda e, m, d: _placed_on_act(e, d),
    "not_clash": lambda e, m, d: bool(e["actor"]) or not _trigger_in(e, d, "mutual_acts.txt"),
    "not_mutual": lambda e, m, d: not names_both_sides(d[e["trigger"][0]]),
    "no_lost_actor": lambda e, m, d: not _lost_pronoun(e, d, ACTOR_DEPS),
    "no_lost_recipient": lambda e, m, d: not _lost_pronoun(e, d, RECIPIENT_DEPS),
    "not_place_targeted": lambda e, m, d: e.get("event_loc") is None or not (any(
        m[r]["kind"] in PLACE_KINDS and m[r]["code"] == e["event_loc"]["country_code"]
        for r in e["recipient"]) or _aimed_at_place(e, d)),
}


def _placed_on_act(event: EventDraft, doc: Doc) -> bool:
    """The event's place hangs on its trigger, on the verb its noun is the predicate or
    object of, or on the act it governs ("accused him *in Ankara*", "threatened to impose a
    curfew *in Mosul*"), not in a subject's phrase ("the withdrawal of this small American
    force *in Syria* would be a huge mistake, Graham said": the place is the withdrawal's,
    not Graham's)."""
    if not event.get("loc_span"):
        return False
    trigger = doc[event["trigger"][0]]
    token = doc[event["loc_span"][0]:event["loc_span"][1]].root
    for _ in range(MAX_PLACE_STEPS):
        token = token.head
        if token.i in range(*event["trigger"][:2]) or token.i == trigger.head.i and \
                trigger.pos_ == "NOUN":
            return True
        if token.pos_ in ("VERB", "AUX"):
            # "threatened to impose a curfew *in Mosul*": the act the trigger governs
            while token.dep_ == "xcomp" and token.head.i != token.i:
                token = token.head
            return token.i in range(*event["trigger"][:2])
        if token.dep_ in SUBJECT_DEPS or token.head.i == token.i:
            return False
    return False


def _lost_pronoun(event: EventDraft, doc: Doc, deps: frozenset[str]) -> bool:
    """A word of the trigger in one of ``deps`` is a pronoun no mention resolved ("*they*
    killed two soldiers in Libya", "*they* were detained in Turkey"): it stands for a party
    named elsewhere, whom the place cannot tell. (Checked against the mentions only when
    such a pronoun is there: the condition runs for every event and rule row.)"""
    trigger = doc[event["trigger"][0]]
    words = [*trigger.children, *(o for c in trigger.children if c.dep_ == "agent"
                                   for o in c.children)]
    pronouns = [w.i for w in words if w.dep_ in deps and w.tag_ == "PRP"]
    return any(not any(m["start"] <= i < m["end"] for m in doc._.ew_mentions)
               for i in pronouns)


def _aimed_at_place(event: EventDraft, doc: Doc) -> bool:
    """Whether the event's place is what its trigger is aimed at ("an attack *on Idlib*")."""
    if not event.get("loc_span"):
        return False
    place = doc[event["loc_span"][0]:event["loc_span"][1]].root
    prep = place.head
    return place.dep_ == "pobj" and prep.lower_ in TARGET_PREPS and \
        prep.head.i in range(*event["trigger"])


def _trigger_in(event: EventDraft, doc: Doc, name: str) -> bool:
    """The event's trigger word is one of a data/roles list: acts that outsiders do to a
    place (foreign_acts.txt), acts two sides do to each other (mutual_acts.txt), acts that
    accept what another party offers (accepting_acts.txt)."""
    return doc[event["trigger"][0]].lemma_.lower() in word_list(name, "roles")


def _foreign(doc: Doc, m: Mention) -> bool:
    """People a word makes foreign to the state acting on them: "*foreign* nationals"
    (foreign_people.txt)."""
    return any(c.dep_ == "amod" and c.lower_ in word_list("foreign_people.txt", "roles")
               for c in doc[m["start"]:m["end"]].root.children)


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """The role rules, in table order; an unknown action or condition names its row."""
    rules = []
    for n, row in enumerate(read_tsv("roles", "rules.tsv"), start=1):
        when = frozenset(c for c in row["when"].split(",") if c and c != "-")
        unknown = sorted(when - CONDITIONS.keys())
        if row["action"] not in ACTIONS or row["type_of"] not in ("event", "act") or unknown:
            raise DataError(f"data/roles/rules.tsv row {n}: unknown action, type_of or "
                            f"condition in {row}")
        rules.append(Rule(row["action"], row["event"], row["type_of"], when, row["why"]))
    return tuple(rules)


@Language.factory(
    "eventwire_attribution",
    requires=["doc._.ew_events", "doc._.ew_mentions", "token.tag"],
    assigns=["doc._.ew_events", "doc._.ew_mentions"],
    default_config={"actors": []},
)
def make_attribution(nlp: Language, name: str, actors: list[str]) -> Attribution:
    """Build the attribution stage (``actors``: the user's dictionaries)."""
    return Attribution(name, kb=actor_kb(actors))


class Attribution(Pipe):
    """Applies the role rules to every event of a Doc."""

    def __init__(self, name: str, kb: ActorKB | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        register()
        self.name = name
        self.kb = kb or load_actor_kb()
        self.gazetteer = gazetteer or load_gazetteer()
        self.rules = load_rules()
        sectors = read_tsv("roles", "sectors.tsv")
        self.home_actors = frozenset(r["sector"] for r in sectors if r["actor"] == "yes")
        self.home_recipients = frozenset(r["sector"] for r in sectors if r["recipient"] == "yes")
        self.home_sectors = frozenset(r["sector"] for r in sectors if r["home"] == "yes")
        self.own_words = frozenset(r["word"] for r in read_tsv("roles", "own_people.tsv"))
        self.partner_preps = {r["prep"]: frozenset(r["heads"].split("|"))
                              for r in read_tsv("roles", "joint_partners.tsv")}

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.attribute(doc)
        except Exception as err:  # noqa: BLE001 - handed to the pipeline's handler
            self.get_error_handler()(self.name, self, [doc], err)
        return doc

    def attribute(self, doc: Doc) -> None:
        """Run the rules: each of ``FIRST_ACTIONS`` over every event, then each event in turn
        through the other rows."""
        if doc._.ew_mentions is None:
            doc._.ew_mentions = []
        mentions: list[Mention] = doc._.ew_mentions
        events: list[EventDraft] = doc._.ew_events or []
        passes = [[r for r in self.rules if r.action == action] for action in FIRST_ACTIONS]
        passes.append([r for r in self.rules if r.action not in FIRST_ACTIONS])
        for rows in passes:
            for event in events:
                for rule in rows:
                    if rule.applies(event, mentions, doc):
                        ACTIONS[rule.action](self, doc, event, rule.action)

    def means_recipient(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """An act done by way of another is aimed where that one is: "China reacted angrily,
        *blocking exports to Japan*" reacts to Japan; "retaliated, imposing tariffs on X"."""
        by_trigger = {e["trigger"][0]: e for e in doc._.ew_events}
        for child in doc[event["trigger"][0]].children:
            means = by_trigger.get(child.i)
            if (child.dep_ == "advcl" and child.tag_ == "VBG" and means is not None
                    and means["recipient"] and means["actor"] == event["actor"]):
                set_roles(event, self.name, rule, recipient=list(means["recipient"]))
                return

    def domestic_recipient(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """Give the actor's country to recipients of its own society the text does not place.

        "An Argentine judge ordered former president Ruiz to appear", "Egyptian
        police fired on demonstrators": a state's government, courts and police
        act on their own people. A bare country acts abroad as often as at home
        and places no one.
        """
        mentions = doc._.ew_mentions
        actors = [mentions[a] for a in event["actor"]]
        codes = {m["code"] for m in actors}
        if len(codes) != 1 or not all(
                m["kind"] in AGENT_KINDS and m["sector"] in self.home_actors for m in actors):
            return
        code = codes.pop()
        if not code or self.kb.country(code) is None:
            return
        for r in event["recipient"]:
            m = mentions[r]
            if event["event"] == "ASSAULT" and m["sector"] in ATTACKED_ABROAD:
                continue  # "Trump launched missile strikes on *regime targets*": abroad
            if not m["code"] and m["kind"] in AGENT_KINDS and m["sector"] in self.home_recipients:
                recode(m, self.name, rule, code=code, name=self.kb.name_of(code),
                       confidence=DOMESTIC_CONFIDENCE)

    def own_people(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """Give a state's code to the uncoded people it acts on whose very word makes them its
        own ("Ireland cautioned *citizens*"): unlike ``domestic_recipient`` a bare country
        counts, as the word itself says whose people they are (own_people.tsv), unless a
        word makes them another's ("*foreign* nationals", foreign_people.txt)."""
        mentions = doc._.ew_mentions
        codes = {mentions[a]["code"] for a in event["actor"]}
        code = codes.pop() if len(codes) == 1 else None
        if not code or self.kb.country(code) is None:
            return
        for r in event["recipient"]:
            m = mentions[r]
            if not m["code"] and m["kind"] in AGENT_KINDS and \
                    doc[m["start"]:m["end"]].root.lemma_.lower() in self.own_words and \
                    not _foreign(doc, m):
                recode(m, self.name, rule, code=code, name=self.kb.name_of(code),
                       confidence=DOMESTIC_CONFIDENCE)

    def issuer_actor(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """The state whose document a sanction takes away takes it: "had her *British*
        citizenship revoked", "his *Turkish* passport was cancelled" (issued_documents.txt)."""
        mentions = doc._.ew_mentions
        for r in event["recipient"]:
            m = mentions[r]
            word = doc[m["start"]]
            if m["kind"] == "country" and m["end"] - m["start"] == 1 and word.tag_ == "JJ" and \
                    word.dep_ == "amod" and \
                    word.head.lemma_.lower() in word_list("issued_documents.txt", "roles"):
                set_roles(event, self.name, rule, actor=[r])
                return

    def place_actor(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """Code an event's uncoded actors with the country where it happens, or make that
        country the actor of an event that has none."""
        self._place_actor(doc, event, rule, sector=None)

    def place_armed_actor(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """As ``place_actor``, but an actor the text does not name is that country's
        unidentified armed forces (UAF), not its state: the PLOVER gold codes "a roadside
        bombing near Samarra killed a U.S. soldier" as IRQ UAF."""
        self._place_actor(doc, event, rule, sector=UNIDENTIFIED_ARMED)

    def _place_actor(self, doc: Doc, event: EventDraft, rule: str, sector: str | None) -> None:
        mentions = doc._.ew_mentions
        actors = [mentions[a] for a in event["actor"]]
        if not actors:
            actor = self.place_mention(doc, event, sector)
            set_roles(event, self.name, rule, actor=[actor],
                      recipient=[r for r in event["recipient"] if r != actor])
            return
        if any(m["code"] or m["kind"] not in PLACEABLE_KINDS for m in actors):
            return
        self._code_by_place(event, actors, rule)

    def place_recipients(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """Code an event's uncoded person or body recipients with the country where it
        happens, as ``place_actor`` codes its actors."""
        recipients = [doc._.ew_mentions[r] for r in event["recipient"]]
        self._code_by_place(event, [m for m in recipients
                                    if not m["code"] and m["kind"] in PLACEABLE_KINDS], rule)

    def _code_by_place(self, event: EventDraft, members: list[Mention], rule: str) -> None:
        """Give ``members`` the code of the country where the event happens."""
        code = _place_code(event)
        country = self.gazetteer.country(code)
        for m in members:
            recode(m, self.name, rule, code=code,
                   name=m["name"] or (country.name if country else None),
                   confidence=INFERRED_CONFIDENCE)

    def place_recipient(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """Make the state where the event happens its recipient."""
        set_roles(event, self.name, rule,
                  recipient=[*event["recipient"], self.place_mention(doc, event)])

    def home_recipient(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """Aim an act at home that names no recipient at the actor's own state.

        "Algerian landowners began a hunger strike", "rebels in Chad refused to
        disarm": people, parties and rebels of one country act on their own state.
        A bare country ("Israel will evacuate settlements") or a state body is not
        read so.
        """
        mentions = doc._.ew_mentions
        actors = [mentions[a] for a in event["actor"]]
        codes = {m["code"] for m in actors}
        trigger = range(*event["trigger"][:2])
        if len(codes) != 1 or not all(self._at_home(doc, m, trigger) for m in actors):
            return
        code = codes.pop()
        country = self.gazetteer.country(code) if code else None
        if country is None:
            return
        self._aim_at_home(mentions, event, actors[0], code, country.name, rule)

    def state_at_home(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """Aim a state's act that names no recipient, in a sentence that names no other
        country, at its own state: "Italy sealed off its worst affected towns", "Sisi
        launched a crackdown on the Brotherhood". The actors are the state itself or its
        government, courts, police or legislature (actor = yes in sectors.tsv)."""
        mentions = doc._.ew_mentions
        actors = [mentions[a] for a in event["actor"]]
        codes = {m["code"] for m in actors}
        if len(codes) != 1 or not all(
                m["kind"] == "country" or m["sector"] in self.home_actors for m in actors):
            return
        code = codes.pop()
        country = self.gazetteer.country(code) if code else None
        sentence = doc[event["trigger"][0]].sent
        if country is None or any(
                m["code"] and m["code"] != code for m in mentions
                if sentence.start <= m["start"] < sentence.end) or any(
                _foreign(doc, mentions[r]) for r in event["recipient"]):
            return  # "Italy expelled foreign nationals" acted on no Italians
        self._aim_at_home(mentions, event, actors[0], code, country.name, rule)

    def _aim_at_home(self, mentions: list[Mention], event: EventDraft, first: Mention,
                     code: str, name: str, rule: str) -> None:
        """Add the actors' own state, placed at the first actor, to the event's recipients."""
        home = _add_mention(mentions, (first["start"], first["start"]),
                            (first["start_char"], first["end_char"]), first["text"], code,
                            name, "home")
        set_roles(event, self.name, rule, recipient=[*event["recipient"], home])

    def joint_partner(self, doc: Doc, event: EventDraft, rule: str) -> None:
        """Make the partner of a joint act an actor: "talked *to* Erdogan", "working *with*
        Pakistan", "cut a deal *with* Russia" (joint_partners.tsv). PLOVER codes every party
        of a meeting, deal or cooperation as actor; a direct object stays the recipient."""
        trigger = doc[event["trigger"][0]]
        partners = [r for r in event["recipient"] if self._partner(doc, doc._.ew_mentions[r],
                                                                   trigger)]
        if partners:
            set_roles(event, self.name, rule,
                      actor=[*event["actor"], *(p for p in partners if p not in event["actor"])],
                      recipient=[r for r in event["recipient"] if r not in partners])

    def _partner(self, doc: Doc, mention: Mention, trigger: Token) -> bool:
        """The mention is the object of a partner preposition on the trigger or on its
        direct object, itself or through a list or apposition ("with Assad's allies, Russia
        and Iran")."""
        head = doc[mention["start"]:mention["end"]].root
        for _ in range(MAX_LIST_STEPS):
            if head.dep_ not in ("conj", "appos") or head.head.i == head.i:
                break
            head = head.head
        prep = head.head
        heads = self.partner_preps.get(prep.lower_)
        if head.dep_ != "pobj" or prep.dep_ != "prep" or heads is None:
            return False
        holder = prep.head
        return (holder.i == trigger.i or holder.dep_ in ("dobj", "obj") and
                holder.head.i == trigger.i) and ("*" in heads or trigger.lemma_.lower() in heads)

    def _at_home(self, doc: Doc, mention: Mention, trigger: range) -> bool:
        """A person or body of a home sector, or a people ("Young *Algerians*", "*Bolivian*
        miners"); an adjective on the act itself is its state ("a *Turkish* incursion")."""
        if mention["kind"] == "country":
            last = doc[mention["end"] - 1]
            return last.tag_ in PEOPLE_TAGS and not (last.dep_ == "amod" and last.head.i in trigger)
        return mention["kind"] in AGENT_KINDS and mention["sector"] in self.home_sectors

    def place_mention(self, doc: Doc, event: EventDraft, sector: str | None = None) -> int:
        """Index of a mention of the event's place coded with its country (and with
        ``sector``, when given), added when no such mention covers the name."""
        mentions = doc._.ew_mentions
        start, end = event["loc_span"] or (0, 0)
        code = _place_code(event)
        kind = "place"
        for i, mention in enumerate(mentions):
            if mention["start"] <= start and end <= mention["end"] and mention["code"] == code:
                if sector == mention["sector"] or \
                        sector is None and mention["sector"] != UNIDENTIFIED_ARMED:
                    # (the unnamed attackers another event found there are not the state)
                    return i
                kind = mention["kind"]  # "killed in Syria": the country the text names
        span = doc[start:end]
        country = self.gazetteer.country(code)
        return _add_mention(mentions, (start, end), (span.start_char, span.end_char), span.text,
                            code, country.name if country else None, kind, sector)


ACTIONS: dict[str, Callable[[Attribution, Doc, EventDraft, str], None]] = {
    "means_recipient": Attribution.means_recipient,
    "domestic_recipient": Attribution.domestic_recipient,
    "own_people": Attribution.own_people,
    "place_actor": Attribution.place_actor,
    "place_armed_actor": Attribution.place_armed_actor,
    "place_recipients": Attribution.place_recipients,
    "place_recipient": Attribution.place_recipient,
    "home_recipient": Attribution.home_recipient,
    "state_at_home": Attribution.state_at_home,
    "joint_partner": Attribution.joint_partner,
    "issuer_actor": Attribution.issuer_actor,
}


def _place_code(event: EventDraft) -> str:
    place = event.get("event_loc")
    assert place is not None  # the "placed" condition of every place rule
    return place["country_code"]


def _add_mention(mentions: list[Mention], tokens: tuple[int, int], chars: tuple[int, int],
                 text: str, code: str, name: str | None, kind: str,
                 sector: str | None = None) -> int:
    """Append a mention of a state this stage inferred; its index."""
    mentions.append(new_mention(tokens, chars, text, kind=kind, confidence=INFERRED_CONFIDENCE,
                                name=name, code=code, sector=sector))
    return len(mentions) - 1
