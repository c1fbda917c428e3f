"""Placeholder for the rulings_payment component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class _Reader:
    def __call__(self, doc: Doc) -> Doc:
        doc._.payment = []
        return doc


@Language.factory("rulings_payment")
def make_reader(nlp: Language, name: str) -> _Reader:
    return _Reader()
