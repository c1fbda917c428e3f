"""Validity of the second, held-out gold set in eval/heldout/ (see eval/heldout/README.md).

The set is scored by rulings.evaluate exactly like eval/gold/, so every file must pass the same
checks: the gold files load and validate, the sanctions follow the normalisation, the rulings are
well-formed open-rechtspraak documents whose ECLI matches the file name, every ECLI in a text is
annotated, and the set scored against itself is perfect.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rulings.gold import load_gold

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
HELDOUT_DIR = EVAL_DIR / "heldout"
GOLD_FILES = sorted(HELDOUT_DIR.glob("*.gold.json"))
XML_FILES = sorted(HELDOUT_DIR.glob("*.xml"))
TXT_FILES = sorted(HELDOUT_DIR.glob("*.txt"))


def _stem(path: Path) -> str:
    return path.name.removesuffix(".gold.json")


def _gold(stem: str) -> dict[str, Any]:
    return json.loads((HELDOUT_DIR / f"{stem}.gold.json").read_text(encoding="utf-8"))


def test_heldout_set_has_the_agreed_size_and_mix() -> None:
    assert len(GOLD_FILES) >= 30
    assert len(XML_FILES) >= 10
    assert len(TXT_FILES) >= 16
    assert len(load_gold(HELDOUT_DIR)) == len(GOLD_FILES) == len(XML_FILES) + len(TXT_FILES)


def test_heldout_set_covers_the_measured_targets() -> None:
    """The findings the set exists to measure occur often enough to give a rate."""
    golds = [_gold(_stem(p)) for p in GOLD_FILES]
    victim_aged = [g for g in golds if any(a["subject"] == "victim" for a in g["ages"])]
    suspended = [
        g for g in golds if any(s["suspended_days"] or s["suspended_hours"] for s in g["sanctions"])
    ]
    assert len(victim_aged) >= 20
    assert sum(1 for g in golds if g["articles"]) >= 20
    assert sum(1 for g in golds if g["sanctions"]) >= 20
    assert len(suspended) >= 15
    assert sum(1 for g in golds if g["acquittal"]) >= 4
    assert sum(1 for g in golds if not g["acquittal"]) >= 4


def test_heldout_items_do_not_reuse_names_of_the_first_gold_set() -> None:
    first = {_stem(p) for p in (EVAL_DIR / "gold").glob("*.gold.json")}
    assert not first & {_stem(p) for p in GOLD_FILES}


def test_readme_lists_every_item() -> None:
    readme = (HELDOUT_DIR / "README.md").read_text(encoding="utf-8")
    missing = [_stem(p) for p in GOLD_FILES if _stem(p) not in readme]
    assert missing == []


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=_stem)
def test_heldout_findings_are_listed_once(gold_path: Path) -> None:
    """Articles once per (article, law), ages once per (value, subject), circumstances once per
    (code, raiser): a repeated entry would be scored as a second finding."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = [(a["article"], a["law"]) for a in gold["articles"]]
    ages = [(a["value"], a["subject"]) for a in gold["ages"]]
    circumstances = [(c["code"], c["raised_by"]) for c in gold["circumstances"]]
    for found in (articles, ages, circumstances):
        assert len(found) == len(set(found))
    assert all(law in {"Sr", "Sv", "Opiumwet", "WVW", "EVRM", "BW", "RO"} for _, law in articles)
