"""The bundled sample as training and test data: its catalogues, a store made from it, rankings.

corpus/sample/CATALOGUE-*.tsv state per ruling its category and whether a client paid a minor
(``paid_minor`` yes/no): the project's own annotations, used to check the ranking, never to train
(the default model learns from the weak labels and nothing else).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from rulings.classify.features import build_input
from rulings.classify.model import Model
from rulings.errors import ConfigError
from rulings.store import Store

SAMPLE_DIR = Path(__file__).resolve().parents[3] / "corpus" / "sample"


@dataclass(frozen=True, slots=True)
class Ranked:
    """One sample ruling's place in a ranking."""

    rank: int
    ecli: str
    score: float
    category: str
    paid_minor: bool


def read_catalogue(folder: Path = SAMPLE_DIR) -> dict[str, dict[str, str]]:
    """Every row of the folder's CATALOGUE-*.tsv files by ECLI (lower-case column names)."""
    rows: dict[str, dict[str, str]] = {}
    files = sorted(folder.glob("CATALOGUE*.tsv"))
    if not files:
        raise ConfigError(f"{folder}: no CATALOGUE-*.tsv found")
    for path in files:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if line.strip() and not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
            if clean.get("ecli"):
                rows[clean["ecli"].upper()] = clean
    return rows


def is_paid_minor(row: dict[str, str]) -> bool:
    return row.get("paid_minor", "").lower() in {"yes", "ja", "true", "1", "y"}


def rank_store(
    store: Store, model: Model, catalogue: dict[str, dict[str, str]], *, summary_only: bool = False
) -> list[Ranked]:
    """The catalogued rulings of `store` ranked by `model` (from their summary alone if asked)."""
    inputs = [
        build_input(r, store.get_findings(r.ecli), summary_only=summary_only)
        for r in store.iter_rulings()
        if r.ecli in catalogue
    ]
    scored = sorted(model.score(inputs), key=lambda s: (-s.score, s.ecli))
    return [
        Ranked(
            rank,
            s.ecli,
            s.score,
            catalogue[s.ecli].get("category", "?"),
            is_paid_minor(catalogue[s.ecli]),
        )
        for rank, s in enumerate(scored, start=1)
    ]
