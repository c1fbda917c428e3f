"""Placeholder for the rulings_ages component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class _Reader:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ages = []
        return doc


@Language.factory("rulings_ages")
def make_reader(nlp: Language, name: str) -> _Reader:
    return _Reader()
