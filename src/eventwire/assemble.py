"""Turn a processed Doc into the record dataclasses of ``records.py``.

This is where token indices become character offsets into the source text
(through the normaliser's offset map), mention indices become ``Entity``
objects, and CAMEO codes get their Goldstein and PLOVER scores.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from eventwire.ingest import InputDoc
from eventwire.kb.ontology import load_ontology
from eventwire.normalise import NormalisedText
from eventwire.records import ActorRecord, Document, Entity, Event, Place, Quote, TextInfo

ENTITY_KEYS = ("name", "code", "sector", "wikidata_id")


def entities(mention: dict[str, Any]) -> list[Entity]:
    """The entities a mention stands for: a group mention stands for all its members."""
    members = mention.get("members")
    if members:
        return [
            Entity(entity_text=mention["text"], **{k: m.get(k) for k in ENTITY_KEYS})
            for m in members
        ]
    return [Entity(entity_text=mention["text"], **{k: mention.get(k) for k in ENTITY_KEYS})]


def _entity_list(indices: list[int], mentions: list[dict[str, Any]]) -> list[Entity]:
    result: list[Entity] = []
    seen: set[tuple] = set()
    for i in indices:
        for entity in entities(mentions[i]):
            key = (entity.name, entity.code, entity.sector)
            if key not in seen:
                seen.add(key)
                result.append(entity)
    return result


def assemble_document(doc: Doc, item: InputDoc, norm: NormalisedText) -> Document:
    """Records for one coded Doc.

    doc (Doc): the Doc after all stages.
    item (InputDoc): the input it came from (id, date, title, url).
    norm (NormalisedText): the parsed text and its map to source offsets.
    RETURNS (Document): events, quotes and actors with source offsets.
    """
    ontology = load_ontology()
    mentions = doc._.ew_mentions or []
    sentences = list(doc.sents)
    events: list[Event] = []
    for n, raw in enumerate(doc._.ew_events or [], start=1):
        sent = sentences[raw["sentence"]]
        start, end = norm.to_source(sent.start_char), norm.to_source_end(sent.end_char)
        trigger = doc[raw["trigger"][0]:raw["trigger"][1]]
        info = ontology.lookup(raw["cameo"])
        modes = list(raw["mode"])
        events.append(Event(
            id=f"{item.doc_id}-{n:04d}",
            doc_id=item.doc_id,
            date=raw.get("date", item.date),
            date_precision=raw.get("date_precision", "day" if item.date else "unknown"),
            event=raw["event"],
            mode=modes,
            context=list(raw["context"]),
            actor=_entity_list(raw["actor"], mentions),
            recipient=_entity_list(raw["recipient"], mentions),
            event_text=norm.source[norm.to_source(trigger.start_char):
                                   norm.to_source_end(trigger.end_char)],
            text=norm.source[start:end],
            text_info=TextInfo(sentence=raw["sentence"], start=start, end=end),
            quad_code=ontology.quad(raw["event"]),
            intensity=ontology.intensity(raw["event"], modes),
            cameo=raw["cameo"],
            goldstein=info.goldstein if info else 0.0,
            event_loc=Place.from_dict(raw["event_loc"]) if raw.get("event_loc") else None,
            source=raw.get("source"),
            confidence=raw["confidence"],
        ))
    return Document(
        doc_id=item.doc_id, text=norm.source, date=item.date, events=events,
        quotes=_quotes(doc, item, norm, mentions), actors=_actors(item, norm, mentions),
        title=item.title, url=item.url,
    )


def _quotes(doc: Doc, item: InputDoc, norm: NormalisedText,
            mentions: list[dict[str, Any]]) -> list[Quote]:
    quotes = []
    for raw in doc._.ew_quotes or []:
        speaker = raw.get("speaker")
        named = raw.get("speaker_span")
        if speaker is not None:
            entity: Entity | None = entities(mentions[speaker])[0]
        elif named:  # a speaker who is no known actor ("a new poll") keeps his words
            text = norm.source[norm.to_source(named[0]):norm.to_source_end(named[1])]
            entity = Entity(entity_text=text, **dict.fromkeys(ENTITY_KEYS))
        else:
            entity = None
        quotes.append(Quote(
            doc_id=item.doc_id, quote=raw["quote"],
            start=norm.to_source(raw["start_char"]), end=norm.to_source_end(raw["end_char"]),
            speaker=entity, cue=raw.get("cue"),
        ))
    return quotes


def _actors(
    item: InputDoc, norm: NormalisedText, mentions: list[dict[str, Any]]
) -> list[ActorRecord]:
    """One record per distinct resolved actor, with the offsets of all its mentions."""
    by_key: dict[tuple, ActorRecord] = {}
    for mention in mentions:
        span = [norm.to_source(mention["start_char"]), norm.to_source_end(mention["end_char"])]
        for entity in entities(mention):
            if entity.name is None and entity.code is None:
                continue
            key = (entity.name, entity.code, entity.sector, entity.wikidata_id)
            record = by_key.setdefault(key, ActorRecord(
                doc_id=item.doc_id, name=entity.name, code=entity.code,
                sector=entity.sector, wikidata_id=entity.wikidata_id))
            if span not in record.mentions:
                record.mentions.append(span)
    return list(by_key.values())
