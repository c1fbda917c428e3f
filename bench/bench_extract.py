"""Extraction speed and memory: single process, a worker pool, and a long run over copies.

Imports the sample corpus into a fresh store (or uses --db), then extracts every ruling with one
process and with --workers processes, checks both give the same findings, and sets the rate
against parsing the same XML alone. The long run extracts --copies copies of the sample (new
ECLIs, as bench_store.py makes them) in one process, sampling its resident memory, which must
stay flat (strings the pipeline adds are freed after each ruling), and again with the pool.
The pool pays for starting its processes, so its rate on the 66 sample rulings understates it.

    .venv/bin/python bench/bench_extract.py --copies 2000 --workers 2
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import SAMPLE, build

from rulings.batch import ExtractSummary, run_extraction
from rulings.corpus import import_paths
from rulings.harvest.bulk import iter_paths
from rulings.models import RawDocument, to_jsonable
from rulings.parse import parse_ruling
from rulings.store import Store


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process now, in MB (Linux /proc); 0 once it has exited."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            pages = int(fh.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


class RssSampler(threading.Thread):
    """Samples this process's resident memory every `interval` seconds while extraction runs."""

    def __init__(self, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.samples: list[float] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.samples.append(rss_mb())
            self._stop_event.wait(self.interval)

    def stop(self) -> list[float]:
        self._stop_event.set()
        self.join()
        return self.samples


def fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def characters(store: Store) -> int:
    return sum(
        len(r.inhoudsindicatie) + sum(len(s.text) for s in r.sections) for r in store.iter_rulings()
    )


def parse_seconds(documents: list[RawDocument], rounds: int = 3) -> float:
    """Seconds to parse the documents once (best of `rounds`)."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for doc in documents:
            parse_ruling(doc.content, source=doc.origin)
        best = min(best, time.perf_counter() - started)
    return best


def agreement(first: ExtractSummary, second: ExtractSummary, same: bool) -> str:
    """How two runs' findings compare; findings of different pattern files may differ."""
    if first.pipeline_version != second.pipeline_version:
        return "patterns changed between the runs: not compared"
    return "same findings" if same else "FINDINGS DIFFER"


def all_findings(store: Store) -> dict[str, Any]:
    found = {}
    for ecli in store.eclis():
        findings = store.get_findings(ecli)
        found[ecli] = to_jsonable(findings) if findings else None
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="an existing store to extract (default: sample)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=2000, help="rulings in the long run")
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    db = args.db or fresh(args.out / "extract-sample.db")
    rows: list[tuple[str, str]] = []
    with Store(db) as store:
        if args.db is None:
            import_paths(store, [SAMPLE])
        documents = [d for d in iter_paths([SAMPLE]) if isinstance(d, RawDocument)]
        chars = characters(store)
        single = run_extraction(store, force=True, workers=1)
        single_findings = all_findings(store)
        pooled = run_extraction(store, force=True, workers=args.workers)
        same = all_findings(store) == single_findings
    parse_rate = len(documents) / parse_seconds(documents)
    char_rate = chars / single.seconds
    rows += [
        ("rulings", f"{single.rulings:,} ({chars:,} characters)"),
        ("1 process", f"{single.rate:.1f} rulings/s, {char_rate:,.0f} characters/s"),
        (
            f"{args.workers} workers",
            f"{pooled.rate:.1f} rulings/s, {pooled.rate / args.workers:.1f} per core",
        ),
        ("pool = single process", agreement(single, pooled, same)),
        ("parse XML alone", f"{parse_rate:.0f} rulings/s, {parse_rate / single.rate:.0f}x extract"),
    ]
    if args.copies:
        rows += long_run(args.out, args.copies, args.workers)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    if any("DIFFER" in value for _, value in rows):
        sys.exit(1)


def long_run(out: Path, copies: int, workers: int) -> list[tuple[str, str]]:
    """Extract `copies` rulings in this process sampling resident memory, then with the pool."""
    db = fresh(out / "extract-copies.db")
    build(db, copies)
    sampler = RssSampler()
    before = rss_mb()
    with Store(db) as store:
        sampler.start()
        single = run_extraction(store, workers=1)
        samples = sampler.stop()
        single_findings = all_findings(store)
        pooled = run_extraction(store, force=True, workers=workers)
        same = all_findings(store) == single_findings
    tenth = samples[len(samples) // 10] if samples else before
    return [
        (f"long run, {single.rulings:,} rulings", f"1 process {single.rate:.1f} rulings/s"),
        (
            f"  {workers} workers",
            f"{pooled.rate:.1f} rulings/s, {pooled.rate / workers:.1f} per core, "
            + agreement(single, pooled, same),
        ),
        (
            "  resident memory",
            f"start {before:.0f} MB, at 10% {tenth:.0f} MB, end {samples[-1]:.0f} MB, "
            f"peak {max(samples):.0f} MB",
        ),
    ]


if __name__ == "__main__":
    main()
