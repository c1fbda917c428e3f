"""Golden files: each tests/fixtures/xml/<name>.xml parses to <name>.expected.json.

A missing golden file is written and the test fails, so no golden passes unread: read the new
file, check every field against the XML, then commit it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rulings.models import to_jsonable
from rulings.parse import parse_ruling

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "xml"
DOCUMENTS = sorted(p for p in FIXTURES.glob("*.xml"))


def render(path: Path) -> str:
    ruling = parse_ruling(path.read_bytes(), path.name)
    return json.dumps(to_jsonable(ruling), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_there_are_fixtures() -> None:
    assert len(DOCUMENTS) >= 6


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_golden(path: Path) -> None:
    golden = path.with_name(path.stem + ".expected.json")
    actual = render(path)
    if not golden.exists():
        golden.write_text(actual, encoding="utf-8")
        pytest.fail(f"wrote {golden.name}: read it, then commit it")
    assert json.loads(actual) == json.loads(golden.read_text(encoding="utf-8"))
