"""Placeholder for the rulings_circumstances component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class _Reader:
    def __call__(self, doc: Doc) -> Doc:
        doc._.circumstances = []
        return doc


@Language.factory("rulings_circumstances")
def make_reader(nlp: Language, name: str) -> _Reader:
    return _Reader()
