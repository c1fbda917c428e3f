"""Running the extraction pipeline over a store: incremental, resumable, optionally in parallel.

Only rulings never extracted, extracted by an older pipeline (patterns or code changed), or changed
since are processed, unless `force`. Findings of each ruling are written in their own transaction,
so an interrupted run keeps what it finished and the next run picks up the rest. Worker processes
each build the pipeline once and only compute; every write happens in the main process.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from rulings.models import Findings, Ruling
from rulings.progress import Progress
from rulings.store import Store

_NLP: Any = None
CHUNK = 8  # rulings sent to a worker at a time
AHEAD = 4  # chunks in flight per worker: enough to keep it busy, few enough to keep memory flat
# A worker is replaced after this many chunks (2,000 rulings): spaCy's vocabulary keeps every new
# word it has seen (ECLIs, case numbers, names), which over 100,000 rulings adds some 35 MB per
# worker; a fresh worker costs one pipeline build (about a second).
RECYCLE = 250


@dataclass(slots=True)
class ExtractSummary:
    """What one extraction run did."""

    rulings: int = 0
    findings: int = 0
    seconds: float = 0.0
    pipeline_version: str = ""

    @property
    def rate(self) -> float:
        return self.rulings / self.seconds if self.seconds else 0.0


def _init_worker() -> None:
    global _NLP
    from rulings.nlp.pipeline import build_pipeline

    _NLP = build_pipeline()


def _extract(ruling: Ruling) -> Findings:
    from rulings.extract import extract_ruling

    if _NLP is None:
        _init_worker()
    return extract_ruling(_NLP, ruling)


def _extract_chunk(rulings: list[Ruling]) -> list[Findings]:
    return [_extract(ruling) for ruling in rulings]


def _count(findings: Findings) -> int:
    return sum(
        len(getattr(findings, attr))
        for attr in ("articles", "sanctions", "ages", "payment", "circumstances", "references")
    )


def run_extraction(store: Store, *, force: bool = False, workers: int = 1) -> ExtractSummary:
    """Extract every ruling that needs it and store the findings."""
    from rulings.nlp.pipeline import pipeline_version

    version = pipeline_version()
    eclis = store.eclis() if force else store.eclis_needing_extraction(version)
    summary = ExtractSummary(pipeline_version=version)
    started = time.monotonic()
    with Progress("extracting", total=len(eclis), stream=sys.stderr) as progress:
        for findings in _findings(store, eclis, workers):
            store.save_findings(findings)
            summary.rulings += 1
            summary.findings += _count(findings)
            progress.advance()
    summary.seconds = time.monotonic() - started
    return summary


def _findings(store: Store, eclis: list[str], workers: int) -> Iterator[Findings]:
    rulings = store.iter_rulings(eclis)
    if workers <= 1 or len(eclis) < 2 * workers:
        yield from map(_extract, rulings)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, maxtasksperchild=RECYCLE) as pool:
        yield from in_order(pool, rulings, ahead=workers * AHEAD)


def in_order(pool: Any, rulings: Iterable[Ruling], *, ahead: int) -> Iterator[Findings]:
    """Findings in the rulings' order, reading at most `ahead` chunks beyond what was yielded.

    Pool.imap would read the whole input in a background thread, holding every ruling of a large
    store in memory and sharing the store's connection between threads; here the rulings are read
    in this thread, only as fast as the workers take them.
    """
    pending: deque[Any] = deque()
    source = iter(rulings)
    while chunk := list(islice(source, CHUNK)):
        pending.append(pool.apply_async(_extract_chunk, (chunk,)))
        if len(pending) >= ahead:
            yield from pending.popleft().get()
    while pending:
        yield from pending.popleft().get()
