"""Stage "eventwire_second_opinion": a learned check on the dictionary's events.

The rule stages know the verb patterns; they do not know how often a given
trigger, in a given kind of sentence, is the event the sentence reports. A
small logistic model, trained on the dev parts of the gold sets
(``scripts/train_second_opinion.py``), reads each event's parse features (its
type, CAMEO code, trigger lemma, how the trigger was found, clause depth, roles
filled, the sentence's words) and gives the probability that the event's type
is right. The stage then

- drops the events the model is confident are wrong;
- blends that probability into the confidence of the others, so events rank
  by it across sentences. Within a sentence the rule stages' order stands:
  the blended values are handed out in that order, since cross-validation
  showed the model better at saying how sure a sentence's events are than at
  picking its main event.

It proposes no event where no pattern fires: a sentence classifier trained on
the same data was right too rarely to add events (docs/accuracy.md).

The model and the settings measured best by cross-validation on the dev parts
are packaged data (``data/second_opinion/model.json``); nothing is downloaded.
Turn the stage off with ``config={"eventwire_second_opinion": {"enabled": False}}``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from eventwire.errors import DataError
from eventwire.extensions import register
from eventwire.kb.relevance import load_policy
from eventwire.kb.resources import data_path
from eventwire.participants import clause_depth, event_noun, subject

MODEL_PARTS = ("second_opinion", "model.json")
# Parts of speech whose lemmas make the sentence's bag of words.
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN", "ADV"})
MIN_CONFIDENCE, MAX_CONFIDENCE = 0.05, 0.99


@dataclass(frozen=True)
class EventModel:
    """A logistic model over named features, and how its probability is used."""

    weights: dict[str, float]
    bias: float
    blend: float  # share of the model's probability in the new confidence
    drop_below: float  # events with a lower probability are dropped

    def probability(self, features: dict[str, float]) -> float:
        """P(the event's type is right) for one event's features."""
        score = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


@cache
def load_model() -> EventModel:
    """The packaged model, read once per process."""
    try:
        data = json.loads(data_path(*MODEL_PARTS).read_text(encoding="utf-8"))
        return EventModel(weights=dict(data["weights"]), bias=float(data["bias"]),
                          blend=float(data["blend"]), drop_below=float(data["drop_below"]))
    except (OSError, KeyError, ValueError) as err:
        raise DataError(f"packaged model unreadable: {'/'.join(MODEL_PARTS)} ({err})") from err


def event_features(doc: Doc, event: dict[str, Any],
                   events: list[dict[str, Any]]) -> dict[str, float]:
    """Named features of one event in its Doc (the model's input).

    events (list): all events of the Doc, for the event's rank in its sentence.
    """
    trigger = doc[event["trigger"][0]]
    mentions = doc._.ew_mentions or []
    kind = event["event"]
    lemma = trigger.lemma_.lower()
    sense = event.get("sense", "")
    same = [e for e in events if e["sentence"] == event["sentence"]]
    rank = sum(e["confidence"] > event["confidence"] for e in same)
    features: dict[str, float] = {
        f"type={kind}": 1.0,
        f"cameo={event['cameo']}": 1.0,
        f"root={event['cameo'][:2]}": 1.0,
        f"sense={sense}": 1.0,
        f"sense_type={sense}|{kind}": 1.0,
        f"lemma={lemma}": 1.0,
        f"lemma_type={lemma}|{kind}": 1.0,
        f"dep={trigger.dep_}": 1.0,
        f"depth={min(clause_depth(trigger), 3)}": 1.0,
        f"rank={min(rank, 2)}": 1.0,
        f"events={min(len(same), 4)}": 1.0,
        "confidence": float(event["confidence"]),
    }
    for mode in event.get("mode") or ["none"]:
        features[f"mode={mode}"] = 1.0
    for side in ("actor", "recipient"):
        members = [mentions[m] for m in event[side] if m < len(mentions)]
        coded = [m for m in members if m.get("code")]
        features[f"{side}={'coded' if coded else 'uncoded' if members else 'none'}"] = 1.0
        for member in members:
            features[f"{side}_kind={member.get('kind')}"] = 1.0
            features[f"{side}_sector={member.get('sector')}"] = 1.0
    subj, _ = subject(trigger)
    if subj is not None:
        features[f"subj={subj.lemma_.lower()}"] = 1.0
    for child in trigger.children:
        if child.dep_ in ("dobj", "attr", "oprd"):
            features[f"obj={child.lemma_.lower()}"] = 1.0
    for word in _sentence_lemmas(doc[event["trigger"][0]]):
        features[f"w={word}"] = 1.0
    return features


def _sentence_lemmas(token: Token) -> set[str]:
    return {t.lemma_.lower() for t in token.sent if t.pos_ in CONTENT_POS and t.is_alpha}


@Language.factory(
    "eventwire_second_opinion",
    requires=["doc._.ew_events", "doc._.ew_mentions", "token.lemma", "token.dep"],
    assigns=["doc._.ew_events", "doc.spans"],
    default_config={"enabled": True},
)
def make_second_opinion(nlp: Language, name: str, enabled: bool) -> SecondOpinion:
    return SecondOpinion(name, enabled=enabled)


class SecondOpinion(Pipe):
    """Re-ranks the rule stages' events by a learned probability and drops unlikely ones."""

    def __init__(self, name: str, enabled: bool = True, model: EventModel | None = None) -> None:
        register()
        self.name = name
        self.enabled = enabled
        self.model = model or (load_model() if enabled else None)
        self.acts = load_policy()

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None:
            return doc
        error_handler = self.get_error_handler()
        try:
            self.judge(doc)
        except Exception as err:  # noqa: BLE001 - handed to the pipeline's handler
            error_handler(self.name, self, [doc], err)
        return doc

    def judge(self, doc: Doc) -> None:
        """Rewrite ``doc._.ew_events``: new confidences, unlikely events dropped."""
        events = doc._.ew_events or []
        if not events:
            return
        model = self.model
        assert model is not None
        kept, blended = [], []
        for event in events:
            p = model.probability(event_features(doc, event, events))
            # An act only political actors perform (martial law, an air strike, a protest:
            # relevance/political_actors.tsv) is too rare in the training data to be dropped.
            if p < model.drop_below and not self.acts.is_political_act(
                    event["event"], event["mode"], event_noun(doc, event)):
                continue
            kept.append(event)
            blended.append((1.0 - model.blend) * float(event["confidence"]) + model.blend * p)
        by_sentence: dict[int, list[int]] = {}
        for i, event in enumerate(kept):
            by_sentence.setdefault(event["sentence"], []).append(i)
        for members in by_sentence.values():
            values = sorted((blended[i] for i in members), reverse=True)
            ranked = sorted(members, key=lambda i: -float(kept[i]["confidence"]))
            for i, value in zip(ranked, values, strict=True):
                kept[i]["confidence"] = round(min(max(value, MIN_CONFIDENCE), MAX_CONFIDENCE), 2)
        doc._.ew_events = kept
        doc.spans["ew_events"] = [Span(doc, e["trigger"][0], e["trigger"][1], label=e["event"])
                                  for e in kept]
