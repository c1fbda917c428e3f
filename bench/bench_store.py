"""Import rate and search latency: on the sample corpus, and on a store of N copies of it.

The large store is made by copying the sample's documents with new ECLIs (the court and year
stay, the number changes), importing them as `rulings import` does. Prints rulings/second for the
import and the median and 95th percentile latency of a set of typical searches.

    .venv/bin/python bench/bench_store.py --rulings 100000 --out bench/out/store100k.db
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from rulings.corpus import import_paths
from rulings.errors import ParseError
from rulings.harvest.bulk import iter_paths
from rulings.ingest import ingest_document
from rulings.models import RawDocument
from rulings.store import Store

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "sample"
QUERIES = [
    ("phrase", '"tegen betaling"', {}),
    ("and", "minderjarig* AND betaald*", {}),
    (
        "study query 2 shape",
        '("betaalde seks" OR "seks tegen betaling") AND minderjarig* NOT 273f',
        {},
    ),
    ("word + court filter", "taakstraf", {"courts": ("RBLIM",)}),
    ("word + article filter", "gevangenisstraf", {"articles": ("248b",)}),
    ("rare word", "kelderbox", {}),
    ("ecli", "ECLI:NL:HR:2018:202", {}),
]


def copies(total: int) -> Iterator[RawDocument]:
    """`total` documents made from the sample with fresh ECLI numbers."""
    originals = [d for d in iter_paths([SAMPLE]) if isinstance(d, RawDocument)]
    n = 0
    while n < total:
        for doc in originals:
            if n >= total:
                return
            prefix = doc.ecli.rsplit(":", 1)[0]
            new = f"{prefix}:{9_000_000 + n}"
            content = re.sub(re.escape(doc.ecli).encode(), new.encode(), doc.content)
            yield RawDocument(ecli=new, content=content, source="bench", origin=new)
            n += 1


def build(db: Path, total: int) -> float:
    """Import `total` copies; returns rulings per second."""
    started = time.monotonic()
    done = 0
    with Store(db) as store:
        batch: list[RawDocument] = []
        for doc in copies(total):
            batch.append(doc)
            if len(batch) == 500:
                done += _flush(store, batch)
                batch = []
                print(f"\r{done:,} imported", end="", file=sys.stderr)
        done += _flush(store, batch)
    print(file=sys.stderr)
    return done / (time.monotonic() - started)


def _flush(store: Store, batch: list[RawDocument]) -> int:
    with store.transaction():
        for doc in batch:
            try:
                ingest_document(store, doc)
            except ParseError:
                continue
    return len(batch)


def latencies(db: Path, repeat: int = 20) -> list[tuple[str, float, float, int]]:
    """(label, median ms, p95 ms, hits) per query."""
    results = []
    with Store(db) as store:
        for label, query, filters in QUERIES:
            times = []
            hits = 0
            for _ in range(repeat):
                t0 = time.perf_counter()
                hits = len(store.search(query, limit=20, **filters))
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            results.append((label, statistics.median(times), p95, hits))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rulings", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path("bench/out/store.db"))
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)

    sample_db = args.out.with_name("sample.db")
    for path in (sample_db, args.out):
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    with Store(sample_db) as store:
        summary = import_paths(store, [SAMPLE])
    print(f"sample: {summary.inserted} rulings imported at {summary.rate:.0f} rulings/s")
    _print_latencies("sample", latencies(sample_db))

    rate = build(args.out, args.rulings)
    size = args.out.stat().st_size / 1e6
    print(f"{args.rulings:,} copies: imported at {rate:.0f} rulings/s; store {size:.0f} MB")
    _print_latencies(f"{args.rulings:,}", latencies(args.out))


def _print_latencies(label: str, rows: list[tuple[str, float, float, int]]) -> None:
    print(f"search latency on {label} (limit 20, 20 runs each):")
    for name, median, p95, hits in rows:
        print(f"  {name:<24} median {median:7.1f} ms   p95 {p95:7.1f} ms   {hits} hits")


if __name__ == "__main__":
    main()
