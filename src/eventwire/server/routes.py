"""The JSON API: events, time series, rankings, places, documents, coding and downloads.

Routes parse and check parameters, call one function of ``queries`` (or the
coder) and return its records; they never build SQL themselves.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from eventwire.server import clusters as linked
from eventwire.server import queries
from eventwire.server.queries import BadParameter, Filters, codes, parse_day, split

router = APIRouter()


def ctx(request: Request) -> Any:
    """The application's ``Context`` (store, limits, coder)."""
    return request.app.state.ctx


def _quads(value: str | None) -> list[int]:
    try:
        return [int(v) for v in split(value, "quad")]
    except ValueError as err:
        raise BadParameter("quad", "quad codes are 1, 2, 3 or 4") from err


def filters(
    actor: Annotated[str | None, Query(description="Actor country codes, comma-separated "
                                                   "(JPN,CHN).")] = None,
    recipient: Annotated[str | None, Query(description="Recipient country codes.")] = None,
    party: Annotated[str | None, Query(description="Country codes on either side.")] = None,
    actor_sector: Annotated[str | None, Query(description="Actor sectors (GOV,MIL).")] = None,
    recipient_sector: Annotated[str | None, Query(description="Recipient sectors.")] = None,
    actor_name: Annotated[str | None, Query(max_length=200,
                                            description="Part of an actor's name.")] = None,
    recipient_name: Annotated[str | None, Query(max_length=200,
                                                description="Part of a recipient's name.")] = None,
    event: Annotated[str | None, Query(description="PLOVER event types (ASSAULT,ACCUSE).")] = None,
    quad: Annotated[str | None, Query(description="Quad codes 1-4, comma-separated.")] = None,
    mode: Annotated[str | None, Query(description="Event modes, any of them.")] = None,
    context: Annotated[str | None, Query(description="Event contexts, any of them.")] = None,
    start: Annotated[str | None, Query(description="From this day (YYYY-MM-DD, YYYY-MM, "
                                                   "YYYY).")] = None,
    end: Annotated[str | None, Query(description="Up to this day, included.")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Part of a place name, or "
                                       "the place's country code.")] = None,
    q: Annotated[str | None, Query(max_length=500,
                                   description="Words in the event's sentence.")] = None,
    doc_id: Annotated[str | None, Query(max_length=500, description="One document.")] = None,
) -> Filters:
    """The event filters every list, series and ranking takes."""
    return Filters(
        actor=codes("actor", actor), recipient=codes("recipient", recipient),
        party=codes("party", party), actor_sector=split(actor_sector, "actor_sector"),
        recipient_sector=split(recipient_sector, "recipient_sector"), actor_name=actor_name,
        recipient_name=recipient_name, event=[e.upper() for e in split(event, "event")],
        quad=_quads(quad), mode=split(mode, "mode"), context=split(context, "context"),
        start=parse_day("start", start), end=parse_day("end", end, end=True),
        place=place, q=q, doc_id=doc_id)


Selected = Annotated[Filters, Depends(filters)]
# The parameters of every cursor-paginated list.
PageSize = Annotated[int | None, Query(description="Page size.")]
Cursor = Annotated[str | None, Query(max_length=2000,
                                     description="The next_cursor of the previous page.")]
CountBy = Annotated[Literal["clusters", "reports"], Query(
    description="clusters: each real-world event once (linked reports count once); "
                "reports: every event row.")]


def _limit(value: int | None, default: int, most: int, name: str = "limit") -> int:
    if value is None:
        return default
    if not 1 <= value <= most:
        raise BadParameter(name, f"must be between 1 and {most}")
    return value


def _single_code(name: str, value: str) -> str:
    found = codes(name, value)
    if len(found) != 1:
        raise BadParameter(name, "give one country code")
    return found[0]


@router.get("/health", summary="Liveness check (needs no token)")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/meta", summary="What the corpus holds: counts, date range, codes, busiest dyad")
def meta(request: Request) -> dict[str, Any]:
    return ctx(request).overview


@router.get("/events", summary="Filtered events, newest first, with cursor pagination")
def events(request: Request, selected: Selected, limit: PageSize = None,
           cursor: Cursor = None) -> dict[str, Any]:
    c = ctx(request)
    size = _limit(limit, c.limits.page_size, c.limits.max_page_size)
    return queries.events_page(c.cursor(), selected, size, cursor)


@router.get("/events/download", summary="The filtered events as CSV or Parquet")
def download(request: Request, selected: Selected,
             format: Annotated[Literal["csv", "parquet"], Query()] = "csv") -> Any:
    c = ctx(request)
    con = c.store.con.cursor()
    rows = queries.count_events(con, selected)
    if rows > c.limits.max_download_rows:
        con.close()
        raise BadParameter("format", f"{rows} events match; downloads hold at most "
                           f"{c.limits.max_download_rows}, narrow the filters")
    batches = queries.event_batches(con, selected)
    if format == "csv":
        return StreamingResponse(
            _csv_chunks(batches, con), media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="events.csv"'})
    try:
        handle = _parquet_file(batches)
    finally:
        con.close()
    size = os.fstat(handle.fileno()).st_size
    return StreamingResponse(
        _file_chunks(handle), media_type="application/vnd.apache.parquet",
        headers={"Content-Disposition": 'attachment; filename="events.parquet"',
                 "Content-Length": str(size)})


def _records(batches: Any) -> Iterator[list[Any]]:
    from eventwire.records import Event

    for batch in batches:
        yield [Event.from_dict(queries.event_json(r)) for r in batch.to_pylist()]


def _csv_chunks(batches: Any, con: Any) -> Iterator[str]:
    """CSV in the columns ``eventwire export`` writes, a batch at a time."""
    from eventwire.records import Event
    from eventwire.writers import open_writer

    buffer = io.StringIO(newline="")
    writer = open_writer("csv", buffer, [Event])
    try:
        writer.write([])
        for records in _records(batches):
            writer.write(records)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        writer.close()
        yield buffer.getvalue()
    finally:
        con.close()


def _parquet_file(batches: Any) -> BinaryIO:
    """The events as Parquet in an open file that has no name left on disk.

    The temporary file is removed as soon as it is written (or fails to be),
    so neither an error nor a client that hangs up can leave it behind.
    """
    from eventwire.records import Event
    from eventwire.writers import open_writer

    with tempfile.TemporaryDirectory(prefix="eventwire-") as folder:
        path = Path(folder) / "events.parquet"
        writer = open_writer("parquet", path, [Event])
        for records in _records(batches):
            writer.write(records)
        writer.close()
        return path.open("rb")


def _file_chunks(handle: BinaryIO, size: int = 1 << 20) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(size):
            yield chunk


@router.get("/series", summary="Events and summed or mean intensity/Goldstein per period")
def series(request: Request, selected: Selected,
           a: Annotated[str | None, Query(description="First country of a dyad.")] = None,
           b: Annotated[str | None, Query(description="Second country of a dyad.")] = None,
           directed: Annotated[bool, Query(description="Only a acting on b.")] = False,
           interval: Annotated[Literal["day", "week", "month", "year"], Query()] = "week",
           by: Annotated[Literal["quad", "event"] | None,
                         Query(description="Split each period by quad or type.")] = None,
           count: CountBy = "clusters",
           ) -> dict[str, Any]:
    if (a is None) != (b is None):
        raise BadParameter("b" if a else "a", "a dyad needs both a and b")
    dyad = (_single_code("a", a), _single_code("b", b), directed) if a and b else None
    rows = queries.series(ctx(request).cursor(), selected, interval, by, dyad, count)
    return {"interval": interval, "count": count, "dyad": {"a": dyad[0], "b": dyad[1],
                                                           "directed": directed}
            if dyad else None, "rows": rows}


@router.get("/rankings/actors", summary="Actors in most events")
def actor_ranking(request: Request, selected: Selected,
                  by: Annotated[Literal["country", "name"], Query()] = "country",
                  limit: Annotated[int | None, Query()] = None,
                  count: CountBy = "clusters") -> dict[str, Any]:
    c = ctx(request)
    size = _limit(limit, 20, c.limits.max_rank)
    return {"by": by, "count": count,
            "actors": queries.actor_ranking(c.cursor(), selected, by, size, count)}


@router.get("/rankings/dyads", summary="Pairs with most events between them")
def dyad_ranking(request: Request, selected: Selected,
                 by: Annotated[Literal["country", "name"], Query()] = "country",
                 directed: Annotated[bool, Query()] = False,
                 limit: Annotated[int | None, Query()] = None,
                 count: CountBy = "clusters") -> dict[str, Any]:
    c = ctx(request)
    size = _limit(limit, 20, c.limits.max_rank)
    return {"by": by, "directed": directed, "count": count,
            "dyads": queries.dyad_ranking(c.cursor(), selected, by, directed, size, count)}


@router.get("/places", summary="Event locations with event counts")
def places(request: Request, selected: Selected,
           limit: Annotated[int | None, Query()] = None) -> dict[str, Any]:
    c = ctx(request)
    size = _limit(limit, 1000, c.limits.max_places)
    return {"places": queries.places(c.cursor(), selected, size)}


@router.get("/clusters", summary="Filtered clusters (the reports of one real-world event), "
            "newest first, with cursor pagination")
def clusters(request: Request, selected: Selected, limit: PageSize = None,
             cursor: Cursor = None) -> dict[str, Any]:
    c = ctx(request)
    size = _limit(limit, c.limits.page_size, c.limits.max_page_size)
    return linked.clusters_page(c.cursor(), selected, size, cursor)


@router.get("/clusters/{cluster_id:path}", summary="One cluster with its reports and their "
            "documents and outlets")
def cluster(request: Request, cluster_id: str,
            limit: Annotated[int | None, Query(description="Most reports listed.")] = None,
            ) -> dict[str, Any]:
    c = ctx(request)
    size = _limit(limit, c.limits.max_page_size, c.limits.max_page_size)
    found = linked.cluster(c.cursor(), cluster_id, size)
    if found is None:
        raise HTTPException(404, f"no cluster {cluster_id!r}")
    return found


@router.get("/panel", summary="Counts per dyad, actor or country and period, zeros included "
            "(as eventwire panel)")
def panel(request: Request,
          by: Annotated[Literal["day", "week", "month"], Query(description="Period.")] = "month",
          unit: Annotated[Literal["dyad", "actor", "country"], Query(
              description="dyad (pair of countries), actor (country and sector) or "
                          "country.")] = "dyad",
          directed: Annotated[bool, Query(description="Dyads as actor -> recipient.")] = False,
          count: CountBy = "clusters",
          start: Annotated[str | None, Query(description="From this day (YYYY-MM-DD, "
                                                         "YYYY-MM, YYYY).")] = None,
          end: Annotated[str | None, Query(description="Up to this day, included.")] = None,
          ) -> dict[str, Any]:
    from eventwire.panel import PanelSpec, panel_reader, panel_size, panel_summary

    c = ctx(request)
    if directed and unit != "dyad":
        raise BadParameter("directed", "applies to dyads only")
    first, last = parse_day("start", start), parse_day("end", end, end=True)
    if first and last and first > last:
        raise BadParameter("start", "start is after end")
    spec = PanelSpec(by=by, unit=unit, directed=directed, count=count, start=first, end=last)
    con = c.cursor()
    units, periods = panel_size(con, spec)
    if units * periods > c.limits.max_panel_rows:
        raise BadParameter("by", f"the panel would have {units * periods} rows ({units} units "
                           f"x {periods} periods); at most {c.limits.max_panel_rows}: use a "
                           "longer period, start and end, or eventwire panel")
    summary = panel_summary(con, spec)
    return {"by": by, "unit": unit, "directed": directed, "count": count,
            "counted": summary.counted, "left_out": summary.excluded,
            "rows": panel_reader(con, spec).read_all().to_pylist()}


@router.get("/documents/{doc_id:path}", summary="One document with its events, quotes, actors")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    found = queries.document(ctx(request).cursor(), doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return found


class CodeRequest(BaseModel):
    """A pasted story to code; nothing is stored."""

    text: str = Field(min_length=1, description="The story, plain text or HTML.")
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    doc_id: str = Field("pasted", max_length=200, pattern=r"^[\w.:@-]+$")


@router.post("/code", summary="Code pasted text without storing it", responses={
    503: {"description": "Coding overran the time limit (it was stopped) or another "
                         "story is being coded"}})
def code(request: Request, body: CodeRequest) -> dict[str, Any]:
    c = ctx(request)
    if len(body.text) > c.limits.max_code_chars:
        raise HTTPException(413, f"text is limited to {c.limits.max_code_chars} characters")
    date = parse_day("date", body.date)
    doc = c.coding.code(body.text, date, body.doc_id)
    if doc["status"] != "ok":
        raise BadParameter("text", doc["error"] or "the text could not be coded")
    return {k: doc[k] for k in ("doc_id", "date", "text", "events", "quotes", "actors")}

