"""``Coder``: the library object that turns text into event records.

It builds the spaCy pipeline once and reuses it. ``code`` handles one text,
``pipe`` a stream of documents; a document that cannot be coded comes back
with ``status="failed"`` and its error, never as an exception that stops a run.

Every stage reports its exceptions to ``record_error``, which writes the
stage and message on the Doc instead of raising; a spaCy model stage that
fails drops its whole batch, so the Docs that never come back are coded again
one by one, and only the one that fails alone is marked failed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.assemble import assemble_document
from eventwire.doc_index import TEXT_KEY
from eventwire.errors import Errors, InputError
from eventwire.extensions import register
from eventwire.ingest import InputDoc
from eventwire.kb.user_actors import actor_kb
from eventwire.normalise import NormalisedText, normalise
from eventwire.pipeline import ACTOR_STAGE, build_nlp
from eventwire.records import Document
from eventwire.sections import join, section, section_bounds

logger = logging.getLogger(__name__)

# Longer documents are parsed in sections of at most this many characters.
DEFAULT_SECTION_CHARS = 100_000
# Longer documents are refused (E006): a few minutes of coding on one core.
DEFAULT_MAX_CHARS = 2_000_000

# A unit of work: (input position, section number, number of sections).
Unit = tuple[int, int, int]


class Coder:
    """Codes news text into PLOVER events, quotes and actors.

    model (str | None): spaCy model package; None picks the default.
    nlp (Language | None): a prebuilt pipeline (tests, workers), used as is.
    config (dict | None): per-stage config overrides for ``build_nlp``.
    section_chars (int): documents longer than this are parsed in sections
        of at most this many characters, cut at paragraph breaks.
    max_chars (int): documents longer than this are refused with error E006.
    actors (Sequence): the user's actor dictionaries (PETRARCH actor or agent files,
        CSV/TSV tables; see ``kb.user_actors``), whose names win over the packaged
        knowledge base; a file that cannot be read raises ``UsageError`` naming its line.
    """

    def __init__(
        self,
        model: str | None = None,
        nlp: Language | None = None,
        config: dict[str, dict[str, Any]] | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        section_chars: int = DEFAULT_SECTION_CHARS,
        actors: Sequence[str | Path] = (),
    ) -> None:
        register()
        if actors:
            actor_kb(actors)  # a bad dictionary fails before the model loads
        self.nlp = nlp if nlp is not None else build_nlp(model, config, actors)
        _set_error_handlers(self.nlp)
        self.max_chars = max_chars
        self.section_chars = section_chars
        self.nlp.max_length = max(self.nlp.max_length, section_chars + 1000)
        self.known_names = _kb_name_words(self.nlp)

    @property
    def model_name(self) -> str:
        """Name and version of the underlying spaCy model."""
        meta = self.nlp.meta
        return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    def code(
        self,
        text: str,
        date: str | None = None,
        doc_id: str = "doc",
        title: str | None = None,
        url: str | None = None,
        is_html: bool | None = None,
    ) -> Document:
        """Code one text.

        text (str): the story (plain text or HTML).
        date (str | None): publication date, YYYY-MM-DD.
        doc_id (str): id used in record ids.
        RETURNS (Document): the records, or a failed Document naming the error.
        """
        item = InputDoc(doc_id=doc_id, text=text, date=date, title=title, url=url,
                        is_html=is_html, source=doc_id)
        return next(self.pipe([item]))

    def pipe(
        self,
        items: Iterable[InputDoc | dict[str, Any]],
        n_process: int = 1,
        batch_size: int = 32,
    ) -> Iterator[Document]:
        """Code a stream of documents, in input order.

        items (Iterable): ``InputDoc`` objects or dicts with ``text`` and
            optional ``id``, ``date``, ``title``, ``url``.
        n_process (int): worker processes for spaCy.
        RETURNS (Iterator[Document]): one Document per input, failed ones included.
        """
        run = _Run(self)
        source = run.docs(items)
        coded = self.nlp.pipe(source, as_tuples=True, n_process=n_process,
                              batch_size=batch_size)
        while True:
            try:
                doc, unit = next(coded)
            except StopIteration:
                break
            except Exception as err:  # noqa: BLE001 - a stage that raises ends spaCy's stream
                logger.warning("a batch failed (%s); its documents are coded one by one", err)
                coded = self.nlp.pipe(source, as_tuples=True, n_process=n_process,
                                      batch_size=batch_size)
                continue
            yield from run.arrived(doc, unit)
        yield from run.finished()

    def _prepare(self, item: InputDoc) -> NormalisedText:
        if len(item.text) > self.max_chars:
            raise InputError(Errors.E006.format(
                source=item.source, size=len(item.text), limit=self.max_chars))
        norm = normalise(item.text, is_html=item.is_html, known_names=self.known_names,
                         source_name=item.source)
        if not norm.text.strip():
            raise InputError(Errors.E002.format(source=item.source))
        if not any(ch.isalpha() for ch in norm.text):
            # 200,000 apostrophes are 200,000 tokens for the parser and no word to code.
            raise InputError(Errors.E018.format(source=item.source))
        return norm

    def _make_doc(self, item: InputDoc, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text  # what doc.text would join again, stage after stage
        doc._.ew_doc_id = item.doc_id
        doc._.ew_date = item.date
        return doc

    def _code_alone(self, doc: Doc) -> Doc:
        """Run the stages on one Doc, stopping at the first that fails (noted on the Doc)."""
        for name, proc in self.nlp.pipeline:
            try:
                coded = proc(doc)  # None when the stage handed its error to record_error
            except Exception as err:  # noqa: BLE001 - one document fails, not the run
                record_error(name, proc, [doc], err)
                coded = None
            if coded is None:
                doc._.ew_error = doc._.ew_error or f"stage {name}: no document came back"
                break
            doc = coded
            if doc._.ew_error is not None:
                break
        return doc


class _Run:
    """One ``Coder.pipe`` call: sections out to spaCy, Documents back in input order.

    spaCy returns Docs in the order they were sent, so a section still waiting
    when a later one comes back was dropped with a failed batch: it is coded
    again on its own.
    """

    def __init__(self, coder: Coder) -> None:
        self.coder = coder
        self.items: dict[int, InputDoc] = {}
        self.refused: dict[int, str] = {}  # input position -> InputError message
        self.sections: dict[int, int] = {}  # input position -> number of sections
        self.waiting: dict[Unit, NormalisedText] = {}
        self.done: dict[int, list[tuple[Document | None, int, str | None]]] = {}
        self.next_index = 0

    def docs(self, items: Iterable[InputDoc | dict[str, Any]]) -> Iterator[tuple[Doc, Unit]]:
        """The Docs to parse, one per section, each with its unit."""
        for index, raw in enumerate(items):
            item = raw if isinstance(raw, InputDoc) else InputDoc.from_dict(raw, index)
            self.items[index] = item
            try:
                norm = self.coder._prepare(item)
            except InputError as err:
                self.refused[index] = str(err)
                continue
            except Exception as err:  # noqa: BLE001 - one document fails, not the run
                self.refused[index] = Errors.E017.format(
                    source=item.source, error=_stage_error("normalise", err))
                continue
            bounds = section_bounds(norm.text, self.coder.section_chars)
            self.sections[index] = len(bounds)
            self.done[index] = []
            for part, (start, end) in enumerate(bounds):
                unit = (index, part, len(bounds))
                piece = section(norm, start, end)
                try:
                    doc = self.coder._make_doc(item, piece.text)
                except Exception as err:  # noqa: BLE001 - one document fails, not the run
                    self.done[index].append((None, 0, _stage_error("tokenizer", err)))
                    continue
                self.waiting[unit] = piece
                yield doc, unit

    def arrived(self, doc: Doc, unit: Unit) -> Iterator[Document]:
        """Take one coded section; yield the Documents complete up to it."""
        self._recode_before(unit)
        self._take(doc, unit, self.waiting.pop(unit))
        yield from self._complete()

    def finished(self) -> Iterator[Document]:
        """What spaCy never returned is coded alone; then every Document left."""
        self._recode_before((len(self.items), 0, 0))
        yield from self._complete()

    def _recode_before(self, unit: Unit) -> None:
        for missing in sorted(u for u in self.waiting if u < unit):
            piece = self.waiting.pop(missing)
            doc = self.coder._make_doc(self.items[missing[0]], piece.text)
            self._take(self.coder._code_alone(doc), missing, piece)

    def _take(self, doc: Doc, unit: Unit, piece: NormalisedText) -> None:
        index, _, parts = unit
        error = doc._.ew_error
        result = None
        if error is None:
            try:
                result = assemble_document(doc, self.items[index], piece)
            except Exception as err:  # noqa: BLE001 - one document fails, not the run
                error = _stage_error("assemble", err)
        sentences = sum(1 for _ in doc.sents) if parts > 1 and result else 0
        self.done[index].append((result, sentences, error))

    def _complete(self) -> Iterator[Document]:
        while self.next_index in self.items:
            index = self.next_index
            if index in self.refused:
                yield _failed(self.items.pop(index), self.refused.pop(index))
            elif index in self.sections and len(self.done[index]) == self.sections[index]:
                yield self._document(index)
            else:
                return
            self.next_index += 1

    def _document(self, index: int) -> Document:
        item = self.items.pop(index)
        del self.sections[index]
        results = self.done.pop(index)
        error = next((e for _, _, e in results if e is not None), None)
        if error is not None:
            return _failed(item, Errors.E017.format(source=item.source, error=error))
        if len(results) == 1:
            return results[0][0]
        return join([(document, sentences) for document, sentences, _ in results])


def _set_error_handlers(nlp: Language) -> None:
    """``record_error`` on the pipeline and on every stage that accepts a handler.

    spaCy's parser and entity recognizer cannot hold one: when they raise,
    ``Coder.pipe`` restarts the stream and codes the lost batch one by one.
    """
    nlp.default_error_handler = record_error
    for _, proc in nlp.pipeline:
        try:
            proc.set_error_handler(record_error)
        except AttributeError:
            continue


def record_error(name: str | None, proc: Any, docs: list[Doc] | None, err: Exception) -> None:
    """spaCy error handler: note the stage and message on each Doc, raise nothing.

    A model stage passes its whole batch; those Docs never come back and are
    coded again one by one, so only a Doc that fails alone keeps the error.
    """
    for doc in docs or ():
        if doc._.ew_error is None:
            doc._.ew_error = _stage_error(name or "pipeline", err)


def _stage_error(stage: str, err: Exception) -> str:
    return f"stage {stage}: {type(err).__name__}: {err}"


def _failed(item: InputDoc, error: str) -> Document:
    return Document(doc_id=item.doc_id, text=item.text, date=item.date, status="failed",
                    error=error, title=item.title, url=item.url)


def _kb_name_words(nlp: Language) -> frozenset[str] | None:
    """Name words of the actor stage's knowledge base, for repairing glued words."""
    if ACTOR_STAGE not in nlp.pipe_names:
        return None
    kb = getattr(nlp.get_pipe(ACTOR_STAGE), "kb", None)
    return kb.name_words if kb is not None else None
