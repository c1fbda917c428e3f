"""Every annotated set in eval/ is checked the same way, so rulings.evaluate can trust it.

eval/gold/ (the development set), eval/heldout/ (written later, since used to measure twice) and
eval/heldout2/ (written last, blind) must all: load and validate, follow the sanction
normalisation, hold well-formed open-rechtspraak rulings whose ECLI matches the file name and the
set's number range, annotate every article the metadata cites and every ECLI the text cites, and
score perfectly against themselves.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import lxml.etree as ET
import pytest

from rulings.evaluate import evaluate, normalise_ecli
from rulings.gold import validate_gold

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
SETS = {
    "gold": (EVAL_DIR / "gold", range(9001, 9100)),
    "heldout": (EVAL_DIR / "heldout", range(9101, 9200)),
    "heldout2": (EVAL_DIR / "heldout2", range(9201, 9300)),
    "heldout3": (EVAL_DIR / "heldout3", range(9301, 9400)),
    "heldout4": (EVAL_DIR / "heldout4", range(9401, 9500)),
    "heldout5": (EVAL_DIR / "heldout5", range(9501, 9600)),
    "heldout6": (EVAL_DIR / "heldout6", range(9601, 9700)),
    "heldout7": (EVAL_DIR / "heldout7", range(9701, 9800)),
    "heldout8": (EVAL_DIR / "heldout8", range(9801, 9900)),
    "heldout9": (EVAL_DIR / "heldout9", range(9901, 10000)),
}
NS = {
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "bwb": "bwb-dl",
}
SAFE_PARSER = ET.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
BWB_LAWS = {
    "BWBR0001854": "Sr",
    "BWBR0001903": "Sv",
    "BWBR0001941": "Opiumwet",
    "BWBR0006622": "WVW",
}


def _stem(path: Path) -> str:
    return path.name.removesuffix(".gold.json")


def _items(pattern: str) -> list[Any]:
    return [
        pytest.param(name, path, id=f"{name}:{path.name}")
        for name, (folder, _) in SETS.items()
        for path in sorted(folder.glob(pattern))
    ]


def _gold(path: Path) -> dict[str, Any]:
    return json.loads(path.with_name(f"{path.name.split('.')[0]}.gold.json").read_text("utf-8"))


def _body_text(xml_path: Path) -> str:
    root = ET.parse(str(xml_path), SAFE_PARSER).getroot()
    body = [el for el in root if el.tag.endswith(("inhoudsindicatie", "uitspraak"))]
    return " ".join(t for el in body for t in el.itertext())


@pytest.mark.parametrize(("name", "gold_path"), _items("*.gold.json"))
def test_every_gold_file_is_valid(name: str, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    stem = _stem(gold_path)
    text = gold_path.with_name(f"{stem}.xml")
    text = text if text.is_file() else gold_path.with_name(f"{stem}.txt")
    assert validate_gold(gold, text.suffix) == []
    assert gold["id"] == stem
    if text.suffix == ".txt":
        assert gold["ecli"] is None
        assert text.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize(("name", "gold_path"), _items("*.gold.json"))
def test_gold_sanctions_follow_the_normalisation(name: str, gold_path: Path) -> None:
    """Amount fields fit the kind, suspended parts fit inside the sentence, a proeftijd exists."""
    for s in json.loads(gold_path.read_text(encoding="utf-8"))["sanctions"]:
        if s["kind"] in ("gevangenisstraf", "hechtenis", "jeugddetentie"):
            assert s["days"] and s["hours"] is None and s["euros"] is None
        if s["kind"] == "taakstraf":
            assert s["hours"] and s["days"] is None
        if s["kind"] in ("geldboete", "schadevergoedingsmaatregel"):
            assert s["euros"] and s["days"] is None
        assert s["suspended_days"] <= (s["days"] or 0)
        assert s["suspended_hours"] <= (s["hours"] or 0)
        suspended = s["suspended_days"] or s["suspended_hours"]
        assert (s["probation_days"] is not None) == bool(suspended)


@pytest.mark.parametrize(("name", "xml_path"), _items("*.xml"))
def test_every_gold_ruling_is_a_well_formed_open_rechtspraak_document(
    name: str, xml_path: Path
) -> None:
    root = ET.parse(str(xml_path), SAFE_PARSER).getroot()
    assert root.tag == "open-rechtspraak"
    ecli = root.findtext("rdf:RDF/rdf:Description/dcterms:identifier", namespaces=NS)
    assert ecli == _gold(xml_path)["ecli"] == xml_path.stem.replace("_", ":")
    year, number = ecli.split(":")[3:]
    assert int(number) in SETS[name][1]
    decided = root.findtext("rdf:RDF/rdf:Description/dcterms:date", namespaces=NS)
    assert decided.startswith(year)


@pytest.mark.parametrize(("name", "xml_path"), _items("*.xml"))
def test_metadata_law_references_are_in_the_gold(name: str, xml_path: Path) -> None:
    """A citation the metadata carries is also cited in the text, so it is never a false find."""
    root = ET.parse(str(xml_path), SAFE_PARSER).getroot()
    cited = {(a["article"], a["law"]) for a in _gold(xml_path)["articles"]}
    for ref in root.findall("rdf:RDF/rdf:Description/dcterms:references", namespaces=NS):
        match = re.search(r"(BWBR\d+)&artikel=(\w+)", ref.get(f"{{{NS['bwb']}}}resourceIdentifier"))
        assert match and (match.group(2), BWB_LAWS[match.group(1)]) in cited


@pytest.mark.parametrize(("name", "gold_path"), _items("*.gold.json"))
def test_every_ecli_in_the_text_is_annotated(name: str, gold_path: Path) -> None:
    stem = _stem(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if gold["ecli"]:
        text = _body_text(gold_path.with_name(f"{stem}.xml"))
    else:
        text = gold_path.with_name(f"{stem}.txt").read_text(encoding="utf-8")
    in_text = {normalise_ecli(e) for e in re.findall(r"ECLI:[A-Z0-9:\-]+[A-Z0-9]", text)}
    annotated = {normalise_ecli(r["value"]) for r in gold["references"] if r["kind"] == "ecli"}
    assert in_text == annotated


@pytest.mark.parametrize("name", sorted(SETS))
def test_set_scored_against_itself_is_perfect(name: str) -> None:
    folder = SETS[name][0]

    def predict(path: Path, role: str | None) -> dict[str, Any]:
        return _gold(path)

    report = evaluate(predict, folder)
    assert [item.id for item in report.items if item.mismatches] == []
    assert all(score.f1 == 1.0 for score in report.scores.values())
    assert len(report.items) == len(list(folder.glob("*.gold.json")))
