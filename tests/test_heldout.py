"""The later gold sets eval/heldout/ to heldout9/ (see their README.md files).

Each set is scored by rulings.evaluate exactly like eval/gold/ (tests/test_gold_sets.py checks
every file); here: each set is large enough and mixed enough to measure the targets, its names
do not repeat an earlier set's, its README lists every item, and no finding is listed twice.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rulings.gold import load_gold

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
SETS = [
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
]
# Each set was written after the ones before it in this order, and must not reuse their names.
EARLIER = {name: ["gold", *SETS[:i]] for i, name in enumerate(SETS)}


def _stem(path: Path) -> str:
    return path.name.removesuffix(".gold.json")


def _files(name: str, pattern: str) -> list[Path]:
    return sorted((EVAL_DIR / name).glob(pattern))


def _gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SETS)
def test_heldout_set_has_the_agreed_size_and_mix(name: str) -> None:
    golds, xml, txt = _files(name, "*.gold.json"), _files(name, "*.xml"), _files(name, "*.txt")
    assert len(golds) >= 30
    assert len(xml) >= 10
    assert len(txt) >= 10
    assert len(load_gold(EVAL_DIR / name)) == len(golds) == len(xml) + len(txt)


@pytest.mark.parametrize("name", SETS)
def test_heldout_set_covers_the_measured_targets(name: str) -> None:
    """The findings the set exists to measure occur often enough to give a rate."""
    golds = [_gold(p) for p in _files(name, "*.gold.json")]
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


@pytest.mark.parametrize("name", SETS)
def test_heldout_items_do_not_reuse_names_of_an_earlier_set(name: str) -> None:
    earlier = {_stem(p) for before in EARLIER[name] for p in _files(before, "*.gold.json")}
    assert not earlier & {_stem(p) for p in _files(name, "*.gold.json")}


@pytest.mark.parametrize("name", SETS)
def test_readme_lists_every_item(name: str) -> None:
    readme = (EVAL_DIR / name / "README.md").read_text(encoding="utf-8")
    missing = [_stem(p) for p in _files(name, "*.gold.json") if _stem(p) not in readme]
    assert missing == []


ALL_GOLD = [p for name in SETS for p in _files(name, "*.gold.json")]


@pytest.mark.parametrize("gold_path", ALL_GOLD, ids=lambda p: f"{p.parent.name}:{_stem(p)}")
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
