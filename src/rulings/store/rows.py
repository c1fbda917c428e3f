"""Rulings and findings to and from table rows."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime
from typing import Any

from rulings.models import LawReference, Relation, Role, Ruling, Section, to_jsonable

RULING_COLUMNS = (
    "ecli",
    "doc_type",
    "court",
    "court_code",
    "court_uri",
    "seat",
    "decision_date",
    "year",
    "publication_date",
    "modified",
    "case_numbers",
    "procedures",
    "subjects",
    "law_references",
    "relations",
    "replaces",
    "replaced_by",
    "vindplaatsen",
    "title",
    "inhoudsindicatie",
    "info",
    "has_body",
    "content_hash",
)
_JSON_COLUMNS = {
    "case_numbers",
    "procedures",
    "subjects",
    "law_references",
    "relations",
    "replaces",
    "vindplaatsen",
}


def content_hash(ruling: Ruling) -> str:
    """A digest of everything parsed from the document: equal hashes mean nothing changed."""
    return _digest(to_jsonable(ruling))


def _digest(data: dict[str, Any]) -> str:
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def ruling_values(ruling: Ruling) -> dict[str, Any]:
    """Column values for the ruling table."""
    data = to_jsonable(ruling)
    values: dict[str, Any] = {}
    for column in RULING_COLUMNS:
        if column == "year":
            values[column] = ruling.year
        elif column == "has_body":
            values[column] = int(ruling.has_body)
        elif column == "content_hash":
            values[column] = _digest(data)
        elif column in _JSON_COLUMNS:
            values[column] = json.dumps(data[column], ensure_ascii=False)
        else:
            values[column] = data[column]
    return values


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _datetime(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def ruling_from_row(row: sqlite3.Row, sections: list[sqlite3.Row]) -> Ruling:
    """Rebuild the Ruling that was stored."""
    return Ruling(
        ecli=row["ecli"],
        doc_type=row["doc_type"],
        court=row["court"],
        court_code=row["court_code"],
        court_uri=row["court_uri"],
        seat=row["seat"],
        decision_date=_date(row["decision_date"]),
        publication_date=_date(row["publication_date"]),
        modified=_datetime(row["modified"]),
        case_numbers=tuple(json.loads(row["case_numbers"])),
        procedures=tuple(json.loads(row["procedures"])),
        subjects=tuple(json.loads(row["subjects"])),
        law_references=tuple(LawReference(**d) for d in json.loads(row["law_references"])),
        relations=tuple(Relation(**d) for d in json.loads(row["relations"])),
        replaces=tuple(json.loads(row["replaces"])),
        replaced_by=row["replaced_by"],
        vindplaatsen=tuple(json.loads(row["vindplaatsen"])),
        title=row["title"],
        inhoudsindicatie=row["inhoudsindicatie"],
        info=row["info"],
        sections=tuple(
            Section(
                index=s["idx"],
                heading=s["heading"],
                number=s["number"],
                role=Role(s["role"]),
                text=s["text"],
            )
            for s in sections
        ),
    )
