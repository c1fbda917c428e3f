"""Clauses of a section Doc: the units in which rulings state one sentence or one decision.

A dictum is a list ("veroordeelt verdachte tot ...; bepaalt dat ...;"), a demand often a list
under a head ("De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot:").
A clause ends at a sentence end, a semicolon or a line break; it *continues* the one before it
when that one ended in ":", ";" or "," or when it opens with a list marker, so who is speaking
can be carried from a list head to its items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

_LIST_MARKER = re.compile(r"^([-–—•*·]|[a-z]{1,2}[.)]|\d{1,2}[.)]|\(?[a-z]\))$", re.IGNORECASE)
_CONTINUING_ENDS = frozenset({";", ":", ","})


@dataclass(frozen=True, slots=True)
class Clause:
    """A run of tokens [start, end) in a Doc, and how it hangs together with the one before."""

    start: int
    end: int
    continues: bool
    opens_list: bool  # ends in ":", so the clauses after it are its items

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def _boundaries(doc: Doc) -> list[tuple[int, int]]:
    runs, start = [], 0
    for token in doc:
        breaks_before = token.i > start and (
            token.is_sent_start or doc[token.i - 1].text == ";" or "\n" in doc[token.i - 1].text
        )
        if breaks_before:
            runs.append((start, token.i))
            start = token.i
    if start < len(doc):
        runs.append((start, len(doc)))
    return runs


def _last_text(doc: Doc, start: int, end: int) -> str:
    for token in reversed(doc[start:end]):
        if not token.is_space:
            return token.text
    return ""


def _first_text(doc: Doc, start: int, end: int) -> str:
    for token in doc[start:end]:
        if not token.is_space:
            return token.text
    return ""


def split_clauses(doc: Doc) -> list[Clause]:
    """The clauses of a Doc in order; whitespace-only runs are left out."""
    clauses: list[Clause] = []
    previous_end = ""
    for start, end in _boundaries(doc):
        if all(token.is_space for token in doc[start:end]):
            continue
        last = _last_text(doc, start, end)
        continues = previous_end in _CONTINUING_ENDS or bool(
            _LIST_MARKER.match(_first_text(doc, start, end))
        )
        clauses.append(
            Clause(start, end, continues=continues and bool(clauses), opens_list=last == ":")
        )
        previous_end = last
    return clauses
