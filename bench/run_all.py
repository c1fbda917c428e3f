"""`make bench`: every benchmark once at a scale that finishes in a few minutes.

The full-scale runs reported in bench/README.md take their own arguments (100,000 rulings, a 2 GB
archive); this script runs the same code smaller, so a change that slows a stage shows at once.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
STORE = str(OUT / "store5k.db")
RUNS = [
    (
        "import and search",
        ["bench_store.py", "--rulings", "5000", "--out", STORE],
    ),
    ("harvest", ["bench_harvest.py", "--docs", "2000"]),
    ("bulk import", ["bench_bulk_import.py", "--size-gb", "0.2"]),
    ("extraction", ["bench_extract.py", "--copies", "500"]),
    ("extraction of a store", ["bench_extract_store.py", "--db", STORE]),
]


def main() -> int:
    OUT.mkdir(exist_ok=True)
    failed = []
    for title, argv in RUNS:
        print(f"\n== {title}: {' '.join(argv)}", flush=True)
        if subprocess.call([sys.executable, str(HERE / argv[0]), *argv[1:]]) != 0:
            failed.append(title)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
