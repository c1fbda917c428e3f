"""Harvest speed and memory against the fake open data service on 127.0.0.1.

Starts the test suite's fake service (tests/harvest/fakeserver.py) with N generated criminal
rulings in the open-rechtspraak shape, runs `rulings harvest --rate R` as a separate process
under /usr/bin/time -v, and prints documents per second and the harvester's peak resident
memory. A second run over the same window shows the cost of a run where everything is current.
Nothing here reaches the internet.

    .venv/bin/python bench/bench_harvest.py --docs 10000 --rate 500
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "harvest"))

from fakeserver import FakeServer, FakeService, document_xml, make_docs  # noqa: E402

TIME = Path("/usr/bin/time")


def main() -> None:
    args = _arguments()
    docs = make_docs(args.docs, padding=args.padding)
    size = sum(len(document_xml(d)) for d in docs[:100]) / min(100, len(docs))
    print(f"{args.docs} documents of about {size / 1024:.1f} KB, --rate {args.rate:g}, "
          f"--workers {args.workers}")  # fmt: skip
    scratch = ROOT / "bench" / "out"
    scratch.mkdir(parents=True, exist_ok=True)
    workdir = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="harvest-", dir=scratch))
    db = workdir / "rulings.db"
    try:
        with FakeServer(FakeService(docs)) as server:
            first = _harvest(db, server.url, args)
            _show("first run", first)
            again = _harvest(db, server.url, args)
            _show("second run (all current)", again)
            served = sum(server.service.served.values())
        print(f"documents served: {served} (each once: {served == args.docs})")
    finally:
        if not args.out:
            shutil.rmtree(workdir, ignore_errors=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=500.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--padding", type=int, default=0, help="extra sentences per document")
    parser.add_argument("--out", help="keep the store and raw files in this folder")
    return parser.parse_args()


def _harvest(db: Path, url: str, args: argparse.Namespace) -> dict[str, object]:
    command = [
        sys.executable, "-m", "rulings", "--db", str(db), "harvest",
        "--from", "2021-01-01", "--to", "2021-12-31", "--base-url", url,
        "--rate", str(args.rate), "--workers", str(args.workers), "--json",
    ]  # fmt: skip
    timed = TIME.exists()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RULINGS_")}
    started = time.monotonic()
    result = subprocess.run(
        [str(TIME), "-v", *command] if timed else command, capture_output=True, text=True, env=env
    )
    wall = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"harvest failed ({result.returncode}): {result.stderr[-2000:]}")
    summary = json.loads(result.stdout)
    if timed:
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
        peak_kb = int(match.group(1)) if match else 0
    else:  # the largest child so far, in KB on Linux
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {**summary, "wall": wall, "peak_mb": peak_kb / 1024}


def _show(label: str, run: dict[str, object]) -> None:
    print(
        f"{label}: listed {run['listed']}, fetched {run['fetched']}, stored {run['stored']}, "
        f"skipped {run['skipped']}, failed {run['failed']}; {run['seconds']:.1f} s in the "
        f"harvest ({run['rate']:.0f} documents/s), {run['wall']:.1f} s wall; "
        f"peak RSS {run['peak_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
