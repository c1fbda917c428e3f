"""Importing documents into the store from files, folders and archives, with a progress display."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from rulings.errors import ParseError
from rulings.harvest.bulk import Rejected, iter_paths
from rulings.ingest import ingest_document
from rulings.models import RawDocument
from rulings.progress import Progress
from rulings.store import Store


@dataclass(slots=True)
class ImportSummary:
    """What one import did."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        done = self.inserted + self.updated + self.unchanged
        return done / self.seconds if self.seconds else 0.0


def import_paths(
    store: Store,
    paths: list[Path],
    on_reject: Callable[[str, str], None] | None = None,
    batch: int = 200,
) -> ImportSummary:
    """Import every document under `paths`; bad ones are reported, the rest is stored.

    Writes are grouped in transactions of `batch` documents; a document that fails to parse
    never enters the store, and an interruption loses at most the open batch, which a rerun
    imports again (imports are idempotent).
    """
    summary = ImportSummary()
    started = time.monotonic()
    items = iter_paths(paths)
    with Progress("importing", total=None, stream=sys.stderr) as progress:
        while chunk := list(islice(items, batch)):
            with store.transaction():
                for item in chunk:
                    outcome = _import_one(store, item, on_reject)
                    setattr(summary, outcome, getattr(summary, outcome) + 1)
                    progress.advance()
    summary.seconds = time.monotonic() - started
    return summary


def _import_one(
    store: Store, item: RawDocument | Rejected, on_reject: Callable[[str, str], None] | None
) -> str:
    """Store one document; returns the outcome name (a rejected document is reported)."""
    if isinstance(item, Rejected):
        problem, origin = item.problem, item.origin
    else:
        try:
            return ingest_document(store, item)
        except ParseError as err:
            problem, origin = err.problem, item.origin
    if on_reject:
        on_reject(origin, problem)
    return "rejected"
