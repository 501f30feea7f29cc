"""The typed state the stages hand each other: actor mentions and event drafts.

Both are ``TypedDict``s, so they stay the plain dicts that ``Doc.to_bytes()`` (and
``nlp.pipe(n_process>1)``) carry unchanged, while the type checker knows their keys.
Each has one constructor (``new_mention``, ``new_event``). After a mention leaves
the actor stage its code changes only through ``recode``, and after an event
leaves the event stage its roles change only through ``set_roles``; both record
why in ``why`` as ``[stage, rule, old, new]`` rows. ``why`` is for debugging a
coding decision and never becomes a field of the public records.
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict


class Entity(TypedDict):
    """The entity fields a mention and each member of a group mention carry."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    name: str | None
    code: str | None
    sector: str | None
    wikidata_id: str | None
    confidence: float


class Mention(Entity):
    """An actor mention: tokens ``[start, end)`` and what the knowledge base makes of them.

    ``kind``: country, org, agent, person, pronoun, group, unresolved (a named subject
    the KB does not know), place or home (a state the attribution stage inferred).
    """

    kind: str
    members: NotRequired[list[Entity]]  # a group's members
    community: NotRequired[bool]  # an ethnic or religious community (actor stage only)
    why: NotRequired[list[list[Any]]]


class EventDraft(TypedDict):
    """An event on its way to a record; ``actor``/``recipient`` index ``ew_mentions``.

    ``sense``: how the trigger was found (pattern, default, light, noun). Later stages
    add ``act`` (modality: the type before recoding), ``date``/``date_precision``,
    ``event_loc`` and ``loc_span`` (places: the Place dict and the tokens of its
    name), ``source`` (quotes).
    """

    event: str
    mode: list[str]
    context: list[str]
    cameo: str
    trigger: list[int]
    actor: list[int]
    recipient: list[int]
    confidence: float
    sentence: NotRequired[int]
    sense: NotRequired[str]
    act: NotRequired[str]
    date: NotRequired[str | None]
    date_precision: NotRequired[str]
    event_loc: NotRequired[dict[str, Any] | None]
    loc_span: NotRequired[list[int] | None]
    source: NotRequired[dict[str, Any]]
    why: NotRequired[list[list[Any]]]


def new_mention(tokens: tuple[int, int], chars: tuple[int, int], text: str, *, kind: str,
                confidence: float, name: str | None = None, code: str | None = None,
                sector: str | None = None, wikidata_id: str | None = None) -> Mention:
    """A mention of tokens ``tokens`` (start, end) at characters ``chars``."""
    return Mention(start=tokens[0], end=tokens[1], start_char=chars[0], end_char=chars[1],
                   text=text, name=name, code=code, sector=sector, wikidata_id=wikidata_id,
                   kind=kind, confidence=confidence)


def new_event(event: str, cameo: str, trigger: tuple[int, int], actor: list[int],
              recipient: list[int], confidence: float, *, mode: list[str],
              context: list[str]) -> EventDraft:
    """An event draft with its trigger tokens and its actor and recipient slots."""
    return EventDraft(event=event, mode=mode, context=context, cameo=cameo,
                      trigger=list(trigger), actor=actor, recipient=recipient,
                      confidence=confidence)


def recode(mention: Mention, stage: str, rule: str, *, code: str | None,
           name: str | None, confidence: float) -> None:
    """Give a mention another code (with its name and confidence), recording why."""
    old = mention["code"]
    mention["code"], mention["name"], mention["confidence"] = code, name, confidence
    mention.setdefault("why", []).append([stage, rule, old, code])


def set_roles(event: EventDraft, stage: str, rule: str, *, actor: list[int] | None = None,
              recipient: list[int] | None = None) -> None:
    """Replace an event's actors and/or recipients, recording why."""
    old = [list(event["actor"]), list(event["recipient"])]
    if actor is not None:
        event["actor"] = actor
    if recipient is not None:
        event["recipient"] = recipient
    event.setdefault("why", []).append([stage, rule, old, [event["actor"], event["recipient"]]])
