"""``Coder``: the library object that turns text into event records.

It builds the spaCy pipeline once and reuses it. ``code`` handles one text,
``pipe`` a stream of documents; a document that cannot be coded comes back
with ``status="failed"`` and its error, never as an exception that stops a run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.assemble import assemble_document
from eventwire.errors import Errors, InputError
from eventwire.ingest import InputDoc
from eventwire.normalise import NormalisedText, normalise
from eventwire.pipeline import ACTOR_STAGE, build_nlp
from eventwire.records import Document

logger = logging.getLogger(__name__)

DEFAULT_MAX_CHARS = 1_000_000


class Coder:
    """Codes news text into PLOVER events, quotes and actors.

    model (str | None): spaCy model package; None picks the default.
    nlp (Language | None): a prebuilt pipeline (tests, workers), used as is.
    config (dict | None): per-stage config overrides for ``build_nlp``.
    max_chars (int): documents longer than this are refused with a clear error.
    """

    def __init__(
        self,
        model: str | None = None,
        nlp: Language | None = None,
        config: dict[str, dict[str, Any]] | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        self.nlp = nlp if nlp is not None else build_nlp(model, config)
        self.max_chars = max_chars
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1000)
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
        failed: dict[int, Document] = {}

        def prepared() -> Iterator[tuple[Doc, tuple[int, InputDoc, NormalisedText]]]:
            for index, raw in enumerate(items):
                item = raw if isinstance(raw, InputDoc) else InputDoc.from_dict(raw, index)
                try:
                    norm = self._prepare(item)
                except InputError as err:
                    failed[index] = _failed(item, str(err))
                    continue
                doc = self.nlp.make_doc(norm.text)
                doc._.ew_doc_id = item.doc_id
                doc._.ew_date = item.date
                yield doc, (index, item, norm)

        next_index = 0
        coded = self.nlp.pipe(prepared(), as_tuples=True, n_process=n_process,
                              batch_size=batch_size)
        for doc, (index, item, norm) in coded:
            # Failed documents are yielded in their input position.
            while next_index < index:
                yield failed.pop(next_index)
                next_index += 1
            yield assemble_document(doc, item, norm)
            next_index = index + 1
        for index in sorted(failed):
            yield failed.pop(index)

    def _prepare(self, item: InputDoc) -> NormalisedText:
        if len(item.text) > self.max_chars:
            raise InputError(Errors.E006.format(
                source=item.source, size=len(item.text), limit=self.max_chars))
        norm = normalise(item.text, is_html=item.is_html, known_names=self.known_names,
                         source_name=item.source)
        if not norm.text.strip():
            raise InputError(Errors.E002.format(source=item.source))
        return norm


def _failed(item: InputDoc, error: str) -> Document:
    return Document(doc_id=item.doc_id, text=item.text, date=item.date, status="failed",
                    error=error, title=item.title, url=item.url)


def _kb_name_words(nlp: Language) -> frozenset[str] | None:
    """Name words of the actor stage's knowledge base, for repairing glued words."""
    if ACTOR_STAGE not in nlp.pipe_names:
        return None
    kb = getattr(nlp.get_pipe(ACTOR_STAGE), "kb", None)
    return kb.name_words if kb is not None else None
