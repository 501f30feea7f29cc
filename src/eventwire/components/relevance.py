"""Stage "eventwire_relevance": keep the events that are political, and rank them.

Reads ``doc._.ew_events`` and ``doc._.ew_mentions`` after every other stage and
rewrites the event list. PLOVER codes what political actors do to each other,
so an event is kept only when

- at least one participant, as the text names it, is political for its type
  (``data/relevance/political_actors.tsv``): a country, an IGO, a government,
  army, court, party, rebel group ...; residents, a company or a name the
  knowledge base does not know make no event alone, and a country the places
  stage inferred from the setting does not count. Acts that only political
  actors perform (a protest, an air strike, an arrest, a conviction) are
  political whoever the text names. A country that only names a firm or a market's
  thing ("American Telephone and Telegraph Co", "U.S. roasters", "the U.S. dollar";
  ``market_heads.txt``, ``state_body_words.txt``) counts for nothing;
- its subject is not a harm without an agent ("floods killed 60 people");
- its sentence is not about sport, markets or a natural disaster
  (``domains.tsv``, ``topics.tsv``), unless a participant is one the domain
  lets through (a minister at a match; China's export ban in a markets story) or it
  is violence with a target ("in the wake of attacks on foreigners").

Then each event's confidence is lowered where it is less likely right: when
only its recipient is political, and in a sentence with off-topic cues.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from eventwire.extensions import register
from eventwire.kb.actors import ActorKB, load_actor_kb
from eventwire.kb.patterns import load_lexicon
from eventwire.kb.relevance import (
    INFERRED_KINDS,
    PLACE_NAME_KINDS,
    Domain,
    PoliticalPolicy,
    load_agentive_heads,
    load_cause_verbs,
    load_domains,
    load_market_heads,
    load_nonagent_causes,
    load_policy,
    load_state_body_words,
)
from eventwire.kb.user_actors import actor_kb
from eventwire.participants import agent, city_metonym, event_noun, objects, subject

# Confidence adjustments (see the module docstring).
RECIPIENT_ONLY_PENALTY = 0.1
OFF_TOPIC_PENALTY = 0.1
MIN_CONFIDENCE, MAX_CONFIDENCE = 0.05, 0.99
# Entity labels of places: a name so tagged is a place's ("Western Australia"), not a firm's.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "NORP"})
# Types where the agent of the harm is read from the trigger's subject ("the outbreak
# threatens to isolate Iran" is no threat by anyone).
HARM_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION"})
# Types whose aim at a market's thing is still political: protests over prices, sanctions
# on a state's bonds or shares.
MARKET_TARGET_TYPES_KEPT = frozenset({"PROTEST", "SANCTION"})
# Words of market_heads.txt that an act may aim at politically: trade policy opens markets,
# cuts tariff rates and caps prices, and retreating forces blow up "stocks of fuel".
POLICY_TARGETS = frozenset({"market", "markets", "price", "prices", "rate", "rates", "stocks"})
# Protests, strikes and boycotts stay political in a sentence about business or a disaster.
PROTEST_TYPES = frozenset({"PROTEST"})
# Prepositions that name what an act aims at ("intervention in the foreign exchanges").
MARKET_PREPS = frozenset({"in", "on", "against", "into"})
# The weight of a topic cue hardly used outside its domain (topics.tsv): "tennis", "innings".
STRONG_CUE = 2.0
# How deep below a harm's target a cause may be named ("a surge *of* new coronavirus cases").
CAUSE_DEPTH = 3

# What an actor slot holds when its pronoun subject was resolved to no one: a name nobody
# knows ("bare-recipient" rows of kind "unresolved").
UNKNOWN_ACTOR = {"kind": "unresolved", "code": None, "sector": None}
UNKNOWN_PRONOUNS = frozenset({"it", "they"})
# What an actor slot holds when a country names a firm ("Virgin Australia").
FIRM = {"kind": "agent", "code": None, "sector": "BUS"}


@Language.factory(
    "eventwire_relevance",
    requires=["doc._.ew_events", "doc._.ew_mentions", "token.lemma", "token.dep"],
    assigns=["doc._.ew_events", "doc.spans"],
    default_config={"require_political_actor": True, "filter_topics": True,
                    "story_weight": 1.0, "actors": []},
)
def make_relevance(nlp: Language, name: str, require_political_actor: bool,
                   filter_topics: bool, story_weight: float,
                   actors: list[str]) -> EventRelevance:
    """Build the relevance stage (``actors``: the user's dictionaries, whose countries
    count as states)."""
    return EventRelevance(name, require_political_actor=require_political_actor,
                          filter_topics=filter_topics, story_weight=story_weight,
                          kb=actor_kb(actors))


class EventRelevance(Pipe):
    """Drops events that are not political and ranks the rest by confidence."""

    def __init__(self, name: str, require_political_actor: bool = True,
                 filter_topics: bool = True, story_weight: float = 1.0,
                 policy: PoliticalPolicy | None = None,
                 domains: tuple[Domain, ...] | None = None,
                 kb: ActorKB | None = None) -> None:
        register()
        self.name = name
        self.kb = kb or load_actor_kb()
        self.require_political_actor = require_political_actor
        self.filter_topics = filter_topics
        self.story_weight = story_weight
        self.policy = policy or load_policy()
        self.domains = domains if domains is not None else load_domains()
        self.causes = load_nonagent_causes()
        self.cause_verbs = load_cause_verbs()
        self.market_heads = load_market_heads()
        self.state_words = load_state_body_words()
        self.agentive = load_agentive_heads() | frozenset(
            key.split()[-1] for key in load_lexicon().nouns)

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_relevance(doc)
        except Exception as err:  # noqa: BLE001 - handed to the pipeline's handler
            error_handler(self.name, self, [doc], err)
        return doc

    def set_relevance(self, doc: Doc) -> None:
        """Filter and re-rank ``doc._.ew_events`` in place."""
        events = doc._.ew_events or []
        if not events:
            return
        mentions = doc._.ew_mentions or []
        topics = self.topic_scores(doc) if self.filter_topics else []
        things, firms = self._market_things(doc, mentions)
        kept = []
        for event in events:
            owners = self._owners_of_things(doc, event, mentions)
            private = self._private(doc, event, mentions, firms)
            sides = self.political_sides(event, mentions, private, skip=owners | things,
                                         things=things)
            # A firm suspending its flights imposes no curfew: acts political by themselves
            # are so only when no private actor does them.
            if self.require_political_actor and not sides and (
                    private or not self.policy.is_political_act(
                        event["event"], event["mode"], event_noun(doc, event),
                        _verb_lemma(doc, event))):
                continue
            if self._harm_without_agent(doc, event) or self._aimed_at_market(doc, event):
                continue
            if "visit" in event["mode"] and not event["recipient"] and \
                    event.get("sense") != "noun":
                continue  # "banned fishermen from heading to sea": going visits someone
            topic = topics[event["sentence"]] if topics else None
            if topic is not None and topic[1] >= 1.0 \
                    and not self._survives(topic[0], event, mentions, things, doc) \
                    and not self._violence_in_business(doc, event, topic[0], private) \
                    and not self._protest_in_business(event, topic[0], private, mentions):
                continue
            event["confidence"] = self._confidence(event, sides, topic)
            kept.append(event)
        doc._.ew_events = kept
        doc.spans["ew_events"] = [Span(doc, e["trigger"][0], e["trigger"][1], label=e["event"])
                                  for e in kept]

    def _private(self, doc: Doc, event: dict[str, Any], mentions: list[dict],
                 firms: frozenset[int] = frozenset()) -> bool:
        """True when every actor (every member of a group) is a firm or private people, or
        the actor is a pronoun nobody was found for ("It suspended flights to Beijing", an
        airline): as little known as a name nobody knows. firms (frozenset[int]): country
        mentions that name a firm ("Virgin Australia")."""
        members = [member for m in event["actor"]
                   for member in ([FIRM] if m in firms else
                                  mentions[m].get("members") or [mentions[m]])]
        if not members and _unresolved_pronoun_subject(doc, event):
            members = [UNKNOWN_ACTOR]
        return self.policy.is_private_actor(event["event"], members)

    def political_sides(self, event: dict[str, Any], mentions: list[dict], private: bool,
                        skip: frozenset[int] = frozenset(),
                        things: frozenset[int] = frozenset()) -> set[str]:
        """The sides (``actor``, ``recipient``) that have a political participant.

        private (bool): the actors are firms, private people or unknown (``_private``).
        skip (frozenset[int]): actor mentions that count for nothing (owners of things).
        things (frozenset[int]): mentions that count for nothing on either side (a country
            in a firm's name, ``_market_things``).
        """
        sides = set()
        places = self.policy.recipient_is_destination(event["event"], event["mode"])
        for side in ("actor", "recipient"):
            if side == "recipient" and private and (
                    places or event["event"] in self.policy.private_acts):
                # a resident or tourist visiting a base or a ministry is no visit; residents
                # fleeing opposition areas retreat from no one
                continue
            if any(self._political(mentions[m], side, event["event"], bare_states=not private)
                   for m in event[side] if m not in things
                   and not (side == "actor" and m in skip)
                   and not (side == "recipient" and places
                            and mentions[m].get("kind") in PLACE_NAME_KINDS)):
                sides.add(side)
        return sides

    def _owners_of_things(self, doc: Doc, event: dict[str, Any],
                          mentions: list[dict]) -> frozenset[int]:
        """Actor mentions that only own the subject: "*Japan's* economy shrank",
        "*South Korea's* market helped": a thing acts for no one. A modifier still
        names the doer ("Israeli tanks fired", "the Islamic Jihad movement rejected")."""
        if event.get("sense") == "noun" or not event["actor"]:
            return frozenset()
        trigger = doc[event["trigger"][0]]
        subj, passive = subject(trigger)
        head = agent(trigger) if passive else subj
        if head is None or head.pos_ not in ("NOUN", "PROPN") \
                or head.lemma_.lower() in self.agentive:
            return frozenset()
        if any(mentions[m]["start"] <= head.i < mentions[m]["end"] for m in event["actor"]):
            return frozenset()
        return frozenset(m for m in event["actor"] if doc[mentions[m]["end"] - 1].dep_ == "poss")

    def _violence_in_business(self, doc: Doc, event: dict[str, Any], domain: Domain,
                              private: bool) -> bool:
        """In a business or disaster sentence (a domain that keeps states), an act noun only
        political actors perform is still political when it names whom it hits ("store
        closures in the wake of attacks on foreigners", "attacks targeting their
        premises"), unless that is a market's thing ("a massive attack on the mark")."""
        if domain.keeps != "states" or private or event.get("sense") != "noun" or \
                not self.policy.is_political_act(event["event"], event["mode"],
                                                 event_noun(doc, event)):
            return False
        trigger = doc[event["trigger"][1] - 1]
        targets = [target for link in trigger.children
                   if link.lower_ in ("on", "against") or link.lemma_ == "target"
                   for target in link.children if target.dep_ in ("pobj", "dobj")
                   and target.ent_type_ not in ("DATE", "TIME")]  # "attack on Tuesday"
        return bool(targets) and not any(self._market_word(t) for t in targets) \
            and trigger.head.lower_ != "under"  # "the dollar came under attack"

    def _market_things(self, doc: Doc,
                       mentions: list[dict]) -> tuple[frozenset[int], frozenset[int]]:
        """Mentions that name a firm or a market's thing, no actor, and among them those
        that name a firm: a country in the name of a firm the knowledge base does not know
        ("American Telephone and Telegraph Co", "Canadian Imperial's rates", "Virgin
        Australia"; a firm), a country that only modifies a noun of ``market_heads.txt``
        ("U.S. roasters", "the U.S. dollar"), an agent word heading one ("the government
        auction", "government securities"), a firm's staff ("company officials", "producer
        delegates"; a firm), and a pronoun whose nearest country or agent of the same code
        and sector is a firm ("Virgin Australia said it will withdraw"; a firm too)."""
        covered = {i for m in mentions for i in range(m["start"], m["end"])}
        things: set[int] = set()
        firms: set[int] = set()
        for index, mention in enumerate(mentions):
            kind, start, end = mention.get("kind"), mention["start"], mention["end"]
            if mention.get("sector") and kind not in ("agent", "pronoun"):
                continue
            if kind == "country" and self._in_firm_name(doc, start, end, covered) or \
                    kind == "agent" and (_firm_staff(doc, start, end, self.kb)
                                         or self._off_topic_body(doc[end - 1])):
                firms.add(index)
            elif kind == "country" and self._market_word(_phrase_head(doc, start, end)) or \
                    kind == "agent" and end - start > 1 and self._market_word(doc[end - 1]):
                things.add(index)
            elif kind == "pronoun" and (mention.get("code") or mention.get("sector")):
                before = [j for j, other in enumerate(mentions) if other["end"] <= start
                          and other.get("kind") in ("country", "agent")
                          and other.get("code") == mention.get("code")
                          and other.get("sector") == mention.get("sector")]
                if before and max(before, key=lambda j: mentions[j]["end"]) in firms:
                    firms.add(index)
        return frozenset(things | firms), frozenset(firms)

    def _off_topic_body(self, head: Token) -> bool:
        """An agent word named for a word hardly used outside an off-topic domain ("*tennis*
        chiefs", "*football* officials"; weight 2 in topics.tsv): a sporting body, no state
        office."""
        return any(c.dep_ == "compound" and c.i < head.i and
                   any(domain.cues.get(c.lower_, 0) >= STRONG_CUE for domain in self.domains)
                   for c in head.children)

    def _in_firm_name(self, doc: Doc, start: int, end: int, covered: set[int]) -> bool:
        """The span is part of the name of an organisation that no mention covers and no
        word of ``state_body_words.txt`` makes a state body: it modifies that name
        ("*American* Telephone and Telegraph Co", "*Canadian* Imperial's rates") or the
        name's first words modify it ("Virgin *Australia*", "Air *China*") or it ends the
        name after "of" ("Provinsbanken A/S *of Denmark*"; not "the Bank of *Japan*")."""
        head = _phrase_head(doc, start, end)
        if head is not None:
            name = head if head.pos_ == "PROPN" and head.ent_type_ == "ORG" \
                and head.i not in covered else None
        elif doc[end - 1].dep_ == "pobj" and doc[end - 1].head.lower_ == "of" and \
                doc[end - 1].ent_type_ == "ORG":  # "Provinsbanken A/S *of Denmark*"
            owner = doc[end - 1].head.head
            # "the Bank of Japan" is how central banks are named
            name = owner if owner.ent_type_ == "ORG" and owner.i not in covered and not (
                owner.lower_ == "bank" and owner.i == owner.left_edge.i + (
                    owner.left_edge.lower_ == "the")) else None
        else:
            # "Virgin *Australia*", "Cricket *Australia*": the tagger may take the name for a
            # person's or a product's, never for a place's
            last = doc[end - 1]
            name = last if last.ent_type_ and last.ent_type_ not in PLACE_ENTITIES and any(
                child.dep_ == "compound" and child.i < start and child.pos_ == "PROPN"
                and child.ent_type_ == last.ent_type_ and child.i not in covered
                for child in last.children) else None
        if name is None:
            return False
        entity = next((ent for ent in doc.ents if ent.start <= name.i < ent.end), None)
        words = entity if entity is not None else [name]
        return not any(t.lower_ in self.state_words or t.lemma_.lower() in self.state_words
                       for t in words)

    def _market_word(self, token: Token | None) -> bool:
        return token is not None and (token.lower_ in self.market_heads or
                                      token.lemma_.lower() in self.market_heads)

    def _political(self, mention: dict[str, Any], side: str, event: str,
                   bare_states: bool = True) -> bool:
        """bare_states (bool): whether a country without a sector counts (not as the
        recipient of a firm's or private people's act)."""
        if mention.get("kind") in INFERRED_KINDS:
            return False
        kb = self.kb
        for member in mention.get("members") or [mention]:
            code = member.get("code")
            is_country = bool(code) and kb.country(code) is not None
            if is_country and not member.get("sector") and not bare_states:
                continue
            if self.policy.is_political(member, side, event, is_country):
                return True
        return False

    def _aimed_at_market(self, doc: Doc, event: dict[str, Any]) -> bool:
        """An act aimed at a market's thing is market talk, whoever does it: "a battle to
        prop up the dollar", "a speculative attack on the mark", "bought dollars". Protests
        and sanctions over prices or securities stay political ("riots over fuel prices",
        "sanctions on Venezuelan bonds")."""
        if event["event"] in MARKET_TARGET_TYPES_KEPT:
            return False
        start, end = event["trigger"]
        trigger = next((t for t in doc[start:end] if not start <= t.head.i < end or
                        t.head == t), doc[end - 1])
        # a noun's purpose clause ("a battle to prop up the dollar"), not a verb's ("called
        # for a fund to assist the pound" asks states for something)
        heads = [trigger] + [child for child in trigger.children if child.pos_ == "VERB"
                             and child.dep_ in ("acl", "relcl")]
        for head in heads:
            for child in head.children:
                if child.dep_ in ("dobj", "pobj") and self._market_thing(child):
                    return True
                if child.dep_ == "prep" and child.lower_ in MARKET_PREPS and any(
                        self._market_thing(t) for t in child.children if t.dep_ == "pobj"):
                    return True
        return False

    def _market_thing(self, token: Token) -> bool:
        """A market's thing, not a sum of money ("pledged five billion dollars")."""
        return self._market_word(token) and token.lower_ not in POLICY_TARGETS and not any(
            child.dep_ in ("nummod", "quantmod") or child.like_num for child in token.children)

    def _harm_without_agent(self, doc: Doc, event: dict[str, Any]) -> bool:
        """An act of any type done by a flood, a storm or a virus ("torrential rain brought
        floods to Jakarta"), or an assault or coercion aimed at one ("battling a surge of
        coronavirus cases", "grappling with the outbreak")."""
        trigger = doc[event["trigger"][0]]
        subj, passive = subject(trigger)
        doer = agent(trigger) if passive else subj
        if doer is not None and self._cause(doer):
            return True
        if trigger.pos_ == "NOUN" and any(c.dep_ == "poss" and self._cause(c)
                                          for c in trigger.children):
            return True  # "Storm Harvey's ravaging of southern states"
        if not passive and subj is not None and any(
                c.dep_ == "nsubj" and self._cause(c) for c in subj.head.children):
            return True  # "an earthquake that struck Japan killed ...": Japan read as a subject too
        if event["event"] not in HARM_TYPES:
            return False
        if self._toll_of_harm(trigger):
            return True
        if doer is not None and passive and self._names_cause(doer, CAUSE_DEPTH):
            return True  # "hit by some of the heaviest rain since records began"
        if event.get("sense") != "noun" and event_noun(doc, event) in self.causes:
            return True  # "three people were killed in a car crash"
        start, end = event["trigger"][0], event["trigger"][1]
        targets = [subj] if passive and subj is not None else \
            [t for t in objects(trigger) if not start <= t.i < end]  # "opened *fire* on"
        return any(self._names_cause(target, CAUSE_DEPTH) for target in targets)

    def _cause(self, token: Token) -> bool:
        """A word of nonagent_causes.txt, by its lemma or its form ("sanctions", whose
        lemma is "sanction"), or a name it heads ("*Storm* Harvey's ravaging of southern
        states", "*Hurricane* Maria killed")."""
        return self._cause_word(token) or token.pos_ == "PROPN" and any(
            c.dep_ == "compound" and self._cause_word(c) for c in token.children)

    def _cause_word(self, token: Token) -> bool:
        return token.lemma_.lower() in self.causes or token.lower_ in self.causes

    def _toll_of_harm(self, trigger: Token) -> bool:
        """A participle clause telling the toll of what a cause did: "it has infected 80,000
        people, killing 2,663", "an outbreak that caused 691 infections, killing four"."""
        if trigger.dep_ != "advcl" or trigger.tag_ != "VBG" or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
            return False
        head = trigger.head
        return head.lemma_.lower() in self.cause_verbs or any(
            self._names_cause(o, 0) for o in objects(head))

    def _names_cause(self, token: Token, depth: int) -> bool:
        """True when a phrase's head, or a word up to ``depth`` below it, is a cause."""
        if token.lemma_.lower() in self.causes:
            return True
        return depth > 0 and any(self._names_cause(child, depth - 1)
                                 for child in token.children
                                 if child.dep_ in ("prep", "pobj", "compound"))

    def topic_scores(self, doc: Doc) -> list[tuple[Domain, float] | None]:
        """Per sentence, the off-topic domain over its threshold with the highest score."""
        if not self.domains:
            return []
        per_sentence = [self._cue_weights(sent) for sent in doc.sents]
        count = len(per_sentence)
        story = {d.name: sum(s[d.name] for s in per_sentence) / count for d in self.domains}
        result: list[tuple[Domain, float] | None] = []
        for weights in per_sentence:
            best: tuple[Domain, float] | None = None
            for domain in self.domains:
                score = weights[domain.name] + self.story_weight * story[domain.name]
                ratio = score / domain.threshold
                if best is None or ratio > best[1]:
                    best = (domain, ratio)
            result.append(best)
        return result

    def _cue_weights(self, sent: Span) -> dict[str, float]:
        """Sum of cue weights per domain in one sentence (one- and two-word cues)."""
        totals = {d.name: 0.0 for d in self.domains}
        previous = ""
        for token in sent:
            lower, lemma = token.lower_, token.lemma_.lower()
            pair = f"{previous} {lower}" if previous else ""
            verb = token.pos_ in ("VERB", "AUX")
            for domain in self.domains:
                cues = domain.cues
                weight = 0.0 if verb and (lower in domain.noun_cues or
                                          lemma in domain.noun_cues) else \
                    cues.get(lower) or cues.get(lemma) or 0.0
                if pair:
                    weight += cues.get(pair, 0.0)
                totals[domain.name] += weight
            previous = lower
        return totals

    def _protest_in_business(self, event: dict[str, Any], domain: Domain, private: bool,
                             mentions: list[dict]) -> bool:
        """In a business or disaster sentence (a domain that keeps states), a protest or a
        strike by people named by what they are (workers, farmers, students) is still
        political ("workers at the port went on strike for higher wages"); a firm's own acts
        are not, nor a place that "rallied" in a market or a game."""
        return domain.keeps == "states" and not private and \
            event["event"] in PROTEST_TYPES and \
            any(mentions[a].get("sector") for a in event["actor"])

    def _survives(self, domain: Domain, event: dict[str, Any], mentions: list[dict],
                  things: frozenset[int], doc: Doc) -> bool:
        """In an off-topic sentence, an event needs a participant the domain lets through:
        a state counts named ("Singapore") or as the pronoun that stands for it
        ("Singapore said *it* would ban visitors"); a mention named by one of the domain's
        own cue words does not ("*captain* Steve Smith" of a cricket team is no officer)."""
        kb = self.kb
        for index in event["actor"] + event["recipient"]:
            mention = mentions[index]
            if mention.get("kind") in INFERRED_KINDS or index in things or any(
                    t.lower_ in domain.cues or t.lemma_.lower() in domain.cues
                    for t in doc[mention["start"]:mention["end"]]) or \
                    domain.keeps == "sectors" and city_metonym(doc, mention):
                continue
            for member in mention.get("members") or [mention]:
                if member.get("sector") in self.policy.state_sectors:
                    return True
                if domain.keeps == "states" and member.get("code") and (
                        mention.get("kind") == "country" or mention.get("kind") ==
                        "pronoun" and _names_state(member, kb)):
                    return True
        return False

    def _confidence(self, event: dict[str, Any], sides: set[str],
                    topic: tuple[Domain, float] | None) -> float:
        confidence = float(event["confidence"])
        if sides == {"recipient"}:
            confidence -= RECIPIENT_ONLY_PENALTY
        if topic is not None:
            confidence -= OFF_TOPIC_PENALTY * min(topic[1], 1.0)
        return round(min(max(confidence, MIN_CONFIDENCE), MAX_CONFIDENCE), 2)


def _names_state(member: dict[str, Any], kb: Any) -> bool:
    """A pronoun that copies a country mention: the country's own name and
    no sector ("it" for Singapore, not "he" for its prime minister)."""
    country = kb.country(member.get("code") or "")
    return country is not None and not member.get("sector") \
        and member.get("name") == country.name


# Dependencies by which a word modifies the noun that heads its phrase.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def _phrase_head(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a modifier span belongs to ("roasters" of "U.S. roasters", "Telephone"
    of "American Telephone and Telegraph Co"); None when the span heads its own phrase."""
    token = doc[end - 1]
    if token.dep_ not in MODIFIER_DEPS or token.head.i < end:
        return None
    head = token.head
    while head.dep_ in MODIFIER_DEPS and head.head.i > head.i:
        head = head.head
    return head


# Head nouns of a body's staff: a firm's word before them makes them the firm's ("company
# officials", "airline officials", "producer delegates"), whatever sector the head has alone.
STAFF_HEADS = frozenset({"official", "officials", "delegate", "delegates", "representative",
                         "representatives", "source", "sources", "spokesman", "spokeswoman",
                         "spokesperson", "negotiator", "negotiators", "officer", "officers",
                         "executive", "executives", "staff", "management"})


def _firm_staff(doc: Doc, start: int, end: int, kb: ActorKB) -> bool:
    """An agent span whose head names staff and whose longest modifier the knowledge base
    knows is a firm ("company officials"; not "central bank officials", a GOV body)."""
    if end - start < 2 or doc[end - 1].lower_ not in STAFF_HEADS:
        return False
    for first in range(start, end - 1):
        sector = kb.sector_of(doc[first:end - 1].text)
        if sector:
            return sector == "BUS"
    return False


def _unresolved_pronoun_subject(doc: Doc, event: dict[str, Any]) -> bool:
    """The verb's subject is a pronoun ("it", "they") that no mention stands for."""
    if event.get("sense") == "noun":
        return False
    subj, passive = subject(doc[event["trigger"][0]])
    return subj is not None and not passive and subj.tag_ == "PRP" and subj.lower_ in \
        UNKNOWN_PRONOUNS


def _verb_lemma(doc: Doc, event: Mapping[str, Any]) -> str | None:
    """The lemma of a verbal trigger ("were *charged* with murder"); None for a noun."""
    return None if event.get("sense") == "noun" else doc[event["trigger"][0]].lemma_.lower()
