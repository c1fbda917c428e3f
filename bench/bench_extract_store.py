"""Extraction over a large existing store, as `rulings extract --workers N` runs it.

Extracts every ruling of --db that the current pipeline has not extracted (so an interrupted run
resumes where it stopped), sampling the resident memory of this process and of each worker every
--interval seconds into --memory-log (CSV), and prints rulings/second in total and per core, the
rate set against parsing the XML alone (sample corpus), and the memory at the start, at 10% and at
the end of the run. Build the store first with bench_store.py:

    .venv/bin/python bench/bench_store.py --rulings 100000 --out bench/out/store100k.db
    .venv/bin/python bench/bench_extract_store.py --db bench/out/store100k.db --workers 2
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import parse_seconds, rss_mb
from bench_store import SAMPLE

from rulings.batch import run_extraction
from rulings.harvest.bulk import iter_paths
from rulings.models import RawDocument
from rulings.store import Store


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


class TreeSampler(threading.Thread):
    """Every `interval` s: elapsed seconds, this process's MB, the largest worker's MB, the sum."""

    def __init__(self, log: Path, interval: float) -> None:
        super().__init__(daemon=True)
        self.log, self.interval = log, interval
        self.rows: list[tuple[float, float, float, float]] = []
        self._stop_event = threading.Event()

    def run(self) -> None:
        started = time.monotonic()
        with self.log.open("w", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(["seconds", "main_mb", "largest_worker_mb", "total_mb"])
            while not self._stop_event.is_set():
                main = rss_mb(os.getpid())
                workers = [rss_mb(c) for c in children(os.getpid())]
                row = (
                    time.monotonic() - started,
                    main,
                    max(workers, default=0.0),
                    main + sum(workers),
                )
                self.rows.append(row)
                out.writerow([f"{v:.1f}" for v in row])
                fh.flush()
                self._stop_event.wait(self.interval)

    def stop(self) -> list[tuple[float, float, float, float]]:
        self._stop_event.set()
        self.join()
        return self.rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--interval", type=float, default=10.0)
    parser.add_argument("--memory-log", type=Path, default=Path("bench/out/extract-memory.csv"))
    args = parser.parse_args()

    sampler = TreeSampler(args.memory_log, args.interval)
    with Store(args.db) as store:
        total = store.stats()["rulings"]
        sampler.start()
        summary = run_extraction(store, workers=args.workers)
    rows = sampler.stop()
    documents = [d for d in iter_paths([SAMPLE]) if isinstance(d, RawDocument)]
    parse_rate = len(documents) / parse_seconds(documents)
    per_core = summary.rate / args.workers
    print(f"store              {args.db} ({total:,} rulings)")
    print(f"extracted now      {summary.rulings:,} rulings, {summary.findings:,} findings")
    print(f"time               {summary.seconds / 60:.1f} min")
    print(f"rate               {summary.rate:.1f} rulings/s, {per_core:.1f} per core")
    ratio = parse_rate / per_core
    print(f"parse XML alone    {parse_rate:.0f} rulings/s on one core, {ratio:.0f}x faster")
    if rows:
        tenth = rows[len(rows) // 10]
        for label, column in (("main process", 1), ("largest worker", 2), ("all processes", 3)):
            values = [row[column] for row in rows]
            print(
                f"{label:<18} start {values[0]:.0f} MB, at 10% {tenth[column]:.0f} MB, "
                f"end {values[-1]:.0f} MB, peak {max(values):.0f} MB"
            )
    print(f"memory samples     {args.memory_log}")


if __name__ == "__main__":
    main()
