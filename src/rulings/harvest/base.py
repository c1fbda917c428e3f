"""The harvest loop every remote source shares: list, skip what is current, fetch, keep, log.

A source lists entries (ECLI + its change stamp) page by page and fetches one document at a
time. This loop decides per entry whether the store already holds that version and hands the rest
to a small pool of fetching threads (the rate limit lives in the shared PoliteSession). The thread
that fetched a document puts its raw XML at ``<raw>/<year>/<ECLI_with_underscores>.xml`` through a
temporary file and a rename; only the calling thread touches the store, where each ruling and its
harvest_log row are committed together (a few finished fetches share one transaction). Killing
the process at any moment therefore leaves either nothing or complete, logged rulings; the next
run lists again and fetches only what is missing, changed or failed.

Failures are never dropped: a document that keeps failing is logged as ``failed`` with the
reason and tried first on the next run; one the service says is gone is logged as ``gone`` and
left alone until the index shows a newer version of it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from rulings.errors import HarvestError, ParseError
from rulings.ingest import ingest_document
from rulings.models import RawDocument
from rulings.progress import Progress as ProgressDisplay
from rulings.store import Store

__all__ = [
    "Fetcher",
    "HarvestProgress",
    "HarvestSummary",
    "Listed",
    "ListedPage",
    "Progress",
    "Unavailable",
    "harvest",
    "is_current",
    "raw_path_for",
    "write_atomic",
]

# dcterms:modified carries no zone; it is taken as Dutch local time (reference §10, unverified).
DOCUMENT_ZONE = ZoneInfo("Europe/Amsterdam")
DEFAULT_WORKERS = 2
QUEUE_PER_WORKER = 4  # fetched-but-unwritten documents kept in flight per worker
BATCH_SIZE = 32  # finished fetches stored in one transaction, at most


@dataclass(frozen=True, slots=True)
class Unavailable:
    """The source says this ECLI has no document (404, notice page, not XML, withdrawn)."""

    ecli: str
    reason: str


class Listed(Protocol):
    """An entry of a listing: the ECLI, the source's change stamp, a deletion marker."""

    @property
    def ecli(self) -> str: ...
    @property
    def updated(self) -> datetime | None: ...
    @property
    def deleted(self) -> str | None: ...


class ListedPage(Protocol):
    """A page of a listing with the total the source reports for the whole query."""

    @property
    def total(self) -> int: ...
    @property
    def entries(self) -> Sequence[Listed]: ...


class Fetcher(Protocol):
    """Anything that turns an ECLI into its document (OpenDataSource does)."""

    def fetch(self, ecli: str) -> RawDocument | Unavailable: ...


class Progress(Protocol):
    """What the loop reports as it goes (the CLI draws a bar from it)."""

    def set_total(self, total: int) -> None: ...
    def advance(self, *, fetched: bool) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class _Retry:
    """An earlier failure, tried again before the listing."""

    ecli: str
    updated: datetime | None
    deleted: str | None = None


@dataclass(slots=True)
class HarvestSummary:
    """What one run did. `stored` counts new and changed rulings alike; `failed` lists reasons."""

    source: str
    listed: int = 0
    retried: int = 0  # failures of earlier runs tried again first
    skipped: int = 0  # already stored in this version, or gone in this version
    fetched: int = 0
    stored: int = 0
    gone: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)
    unavailable: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Documents fetched per second of the run."""
        return self.fetched / self.seconds if self.seconds else 0.0


Ingest = Callable[..., str]
_Fetched = tuple[RawDocument, Path] | Unavailable


def raw_path_for(raw_dir: Path, ecli: str) -> Path:
    """<raw>/<year>/<ECLI with ':' as '_'>.xml, the year taken from the ECLI."""
    parts = ecli.split(":")
    year = parts[3] if len(parts) == 5 and parts[3].isdigit() else "unknown"
    return raw_dir / year / (ecli.replace(":", "_") + ".xml")


def write_atomic(path: Path, content: bytes) -> None:
    """Write through a temporary file in the same folder and rename it into place.

    A reader (or the next run) sees the old file or the new one, never half of one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def is_current(store: Store, entry: Listed) -> bool:
    """Does the store already hold this version of the entry (or know it is gone)?

    The harvest log keeps the listing's own change stamp, so listing and log use one clock. A
    ruling that came in another way (bulk import) is compared by its dcterms:modified, read as
    Dutch local time. Without a change stamp, holding the ECLI at all is enough.
    """
    log = store.harvest_entry(entry.ecli)
    if log is not None and log["status"] in {"stored", "gone"}:
        if log["status"] == "stored" and not store.has_ruling(entry.ecli):
            return False
        logged = _aware(log["modified"])
        return entry.updated is None or (logged is not None and logged >= entry.updated)
    if log is not None:
        return False  # failed: try again
    stored = store.ruling_modified(entry.ecli)
    if stored is None:
        return entry.updated is None and store.has_ruling(entry.ecli)
    if entry.updated is None:
        return True
    if stored.tzinfo is None:
        stored = stored.replace(tzinfo=DOCUMENT_ZONE)
    return stored >= entry.updated


def _aware(text: str | None) -> datetime | None:
    if not text:
        return None
    stamp = datetime.fromisoformat(text)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


class _NoProgress:
    def set_total(self, total: int) -> None:
        pass

    def advance(self, *, fetched: bool) -> None:
        pass

    def close(self) -> None:
        pass


def harvest(
    store: Store,
    pages: Iterable[ListedPage],
    fetcher: Fetcher,
    *,
    source: str,
    raw_dir: Path,
    workers: int = DEFAULT_WORKERS,
    retry_sources: Sequence[str] | None = None,
    progress: Progress | None = None,
    ingest: Ingest | None = None,
    stop: Callable[[], None] | None = None,
) -> HarvestSummary:
    """Bring the store up to date with a listing; see the module docstring for the guarantees.

    Args:
        store: where rulings and the harvest log live.
        pages: the listing, page by page (consumed lazily, from this thread).
        fetcher: fetches one document; called from worker threads.
        source: name written to the harvest log ("opendata", "website").
        raw_dir: folder for the raw XML.
        workers: fetching threads; the shared rate limit still bounds requests per second.
        retry_sources: whose earlier failures to try first (default: this source only).
        progress: receives the total and each finished entry.
        ingest: parse-and-store function (default rulings.ingest.ingest_document).
        stop: called when the run is interrupted, to wake and stop waiting workers.
    """
    run = _Run(
        store, fetcher, source, raw_dir, progress or _NoProgress(), ingest or ingest_document
    )
    started = time.monotonic()
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="rulings-fetch")
    try:
        run.process(_earlier_failures(store, retry_sources or (source,)), pool, workers, retry=True)
        for page in pages:
            run.progress.set_total(page.total + run.summary.retried)
            run.process(page.entries, pool, workers)
        run.drain(0)
    except BaseException:
        if stop is not None:
            stop()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        run.progress.close()
    pool.shutdown(wait=True)
    run.summary.seconds = time.monotonic() - started
    return run.summary


def _earlier_failures(store: Store, sources: Sequence[str]) -> list[_Retry]:
    retries = []
    for name in dict.fromkeys(sources):
        for ecli in store.failed_eclis(name):
            log = store.harvest_entry(ecli)
            retries.append(_Retry(ecli, _aware(log["modified"]) if log else None))
    return retries


class _Run:
    """State of one harvest: what was seen, what is in flight, the counts."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        source: str,
        raw_dir: Path,
        progress: Progress,
        ingest: Ingest,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.source = source
        self.raw_dir = raw_dir
        self.progress = progress
        self.ingest = ingest
        self.summary = HarvestSummary(source=source)
        self.seen: set[str] = set()
        self.window: deque[tuple[Listed, Future[_Fetched]]] = deque()

    def process(
        self, entries: Iterable[Listed], pool: ThreadPoolExecutor, workers: int, retry: bool = False
    ) -> None:
        for entry in entries:
            if entry.ecli in self.seen:
                continue  # listed twice: the offset drifted while the index changed
            self.seen.add(entry.ecli)
            if retry:
                self.summary.retried += 1
            else:
                self.summary.listed += 1
            if entry.deleted:
                self._gone(entry, f"withdrawn from the index (deleted={entry.deleted})")
                self.progress.advance(fetched=False)
            elif not retry and is_current(self.store, entry):
                self.summary.skipped += 1
                self.progress.advance(fetched=False)
            else:
                self.window.append((entry, pool.submit(self._fetch, entry.ecli)))
                self.drain(max(1, workers) * QUEUE_PER_WORKER)

    def _fetch(self, ecli: str) -> _Fetched:
        """In a worker: fetch, and put the raw XML in place (its own file, nobody else's)."""
        result = self.fetcher.fetch(ecli)
        if isinstance(result, Unavailable):
            return result
        path = raw_path_for(self.raw_dir, ecli)
        write_atomic(path, result.content)
        return result, path

    def drain(self, keep: int) -> None:
        """Store finished fetches, oldest first, until at most `keep` are in flight.

        Fetches that have finished by the time the oldest is ready are stored together in one
        transaction: all of a batch is in the store after a kill, or none of it.
        """
        while len(self.window) > keep:
            batch = [self.window.popleft()]
            wait([batch[0][1]])
            while self.window and self.window[0][1].done() and len(batch) < BATCH_SIZE:
                batch.append(self.window.popleft())
            with self.store.transaction():
                for entry, future in batch:
                    self._settle(entry, future)
            for _ in batch:
                self.progress.advance(fetched=True)

    def _settle(self, entry: Listed, future: Future[_Fetched]) -> None:
        try:
            outcome = future.result()
        except HarvestError as err:
            self._failed(entry, str(err))
            return
        self.summary.fetched += 1
        if isinstance(outcome, Unavailable):
            self._gone(entry, outcome.reason)
            return
        document, path = outcome
        try:
            self.ingest(self.store, document, raw_path=str(path))
        except ParseError as err:  # raised before anything of this ruling is written
            self._failed(entry, str(err), raw_path=str(path))
            return
        self.store.log_harvest(
            entry.ecli,
            source=self.source,
            status="stored",
            modified=entry.updated,
            raw_path=str(path),
        )
        self.summary.stored += 1

    def _gone(self, entry: Listed, reason: str) -> None:
        self.store.log_harvest(
            entry.ecli, source=self.source, status="gone", modified=entry.updated, error=reason
        )
        self.summary.gone += 1
        self.summary.unavailable.append((entry.ecli, reason))

    def _failed(self, entry: Listed, error: str, raw_path: str | None = None) -> None:
        self.store.log_harvest(
            entry.ecli,
            source=self.source,
            status="failed",
            modified=entry.updated,
            raw_path=raw_path,
            error=error,
        )
        self.summary.failed += 1
        self.summary.failures.append((entry.ecli, error))


class HarvestProgress:
    """A Progress for the loop: rulings.progress (done/total, rate, time left) on stderr."""

    def __init__(self, label: str) -> None:
        self.bar = ProgressDisplay(label, None, sys.stderr)

    def set_total(self, total: int) -> None:
        self.bar.set_total(total)

    def advance(self, *, fetched: bool) -> None:
        self.bar.advance()

    def close(self) -> None:
        self.bar.close()
