"""Rebuild the classifier shipped with rulings from the bundled sample, and show how it ranks.

Imports corpus/sample into a temporary store, runs the extraction pipeline, trains on the weak
labels alone (no reviewer labels, no earlier shipped examples), and writes model.pkl, model.json
and training.json.gz to src/rulings/classify/default/. Then prints the cross-validated metrics,
the time to score the sample, and the ranking of the sample's catalogued rulings, from the whole
text and from the inhoudsindicatie alone, with the paid-minor rulings marked.

    .venv/bin/python bench/train_default_model.py            # rebuild and report
    .venv/bin/python bench/train_default_model.py --dry-run  # report without writing the default
    .venv/bin/python bench/train_default_model.py --store S --keep-findings --dry-run
                                            # try the classifier on findings extracted earlier
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rulings.batch import run_extraction
from rulings.classify.evaluate import format_metrics
from rulings.classify.model import DEFAULT_DIR
from rulings.classify.sample import SAMPLE_DIR, Ranked, rank_store, read_catalogue
from rulings.classify.score import save_default, score_store
from rulings.classify.train import fit, store_examples
from rulings.corpus import import_paths
from rulings.store import Store

TARGET = "client_paid_under16"  # paid sex with a child under 16, convicted under 245/247
UNPAID = ("unpaid_sexual", "trafficker_273f")  # the cases the target must rank above


def _show(title: str, ranking: list[Ranked]) -> None:
    """The ranking, then where the paid under-16 cases land against the unpaid and the pimps."""
    print(f"\n{title}")
    for item in ranking:
        mark = "*" if item.category == TARGET else " "
        print(f"{item.rank:>3} {mark} {item.score:.3f}  {item.ecli:<26} {item.category}")
    target = [r.rank for r in ranking if r.category == TARGET]
    unpaid = [r.rank for r in ranking if r.category in UNPAID]
    above = [r for r in ranking if r.rank < max(target) and r.category not in (TARGET,)]
    clients = [r.rank for r in ranking if r.paid_minor and r.category not in UNPAID]
    needed = -(-len(clients) * 95 // 100)
    print(
        f"paid under-16 ranks {target}; best unpaid/trafficker rank {min(unpaid)}: "
        f"{'all above' if max(target) < min(unpaid) else 'NOT all above'}"
    )
    print(
        f"paying-client rulings (catalogue paid_minor yes, traffickers left out): {len(clients)}; "
        f"review load for recall 0.95: {sorted(clients)[needed - 1]} of {len(ranking)}"
    )
    print(
        "other rulings above the lowest paid under-16 case: "
        + ", ".join(f"{r.category} {r.rank}" for r in above if not r.paid_minor)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=Path, default=SAMPLE_DIR)
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--dry-run", action="store_true", help="Do not write the model.")
    parser.add_argument("--store", type=Path, help="A store of the sample to reuse.")
    parser.add_argument(
        "--keep-findings", action="store_true", help="Use the stored findings as they are."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store(args.store or Path(tmp) / "s.db") as store:
        started = time.monotonic()
        imported = import_paths(store, [args.sample])
        extracted = 0 if args.keep_findings else run_extraction(store).rulings
        print(
            f"sample: {imported.inserted} rulings imported, {extracted} extracted "
            f"in {time.monotonic() - started:.1f} s"
        )
        started = time.monotonic()
        model, table = fit(store_examples(store))
        print(f"trained and cross-validated in {time.monotonic() - started:.1f} s")
        print(format_metrics(model.meta))
        result = score_store(store, model)
        print(f"classify: {result.scored} rulings scored in {result.seconds:.2f} s")
        catalogue = read_catalogue(args.sample)
        _show("ranking, whole text", rank_store(store, model, catalogue))
        _show(
            "ranking, inhoudsindicatie only", rank_store(store, model, catalogue, summary_only=True)
        )
        if not args.dry_run:
            save_default(model, table, args.out)
            print(f"\nwritten: {args.out} (model {model.version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
