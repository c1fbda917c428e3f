"""Who the report counts: the selected rulings, grouped into cases, each case one client.

The study counts per client, and a client's first-instance judgment and its appeal are one case.
Rulings are grouped with the export's grouping (rulings.export.group_cases: a shared
parketnummer or a formal dcterms:relation joins two rulings), so the report and the case list for
the OM agree on what a case is.

Which cases (``status``), decided per case over all its rulings, as the export decides it:
- ``include``: a reviewer included at least one of its rulings;
- ``candidate`` (the default): included, or not excluded and scored at or above 0.5;
- ``all``: every case with findings, reviewed or not.
The period (``date_from``, ``date_to``) then keeps the rulings decided within it: an appeal decided
after ``date_to`` is left out and its first instance's sentence stands, while a reviewer's
decision on that appeal still selects the case. Rulings without a decision date count only when
no period is given.
Only rulings the extraction has read (with a row in ``extraction``) take part.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from rulings.errors import ConfigError
from rulings.export import case_status, group_cases, keep_case, normalise_parketnummer
from rulings.models import Findings
from rulings.store import Store
from rulings.store.classify_queries import ScoredRuling
from rulings.store.findings import findings_from_rows

STATUSES = ("include", "candidate", "all")
THRESHOLD = 0.5  # the export's default threshold for a candidate
_KINDS = ("article", "sanction", "age", "circumstance", "reference", "acquittal")

_RULINGS = """
SELECT r.id, r.ecli, r.doc_type, r.court, r.court_code, r.decision_date, r.case_numbers,
       r.procedures, r.relations, r.has_body, e.pipeline_version,
       e.acquittal, s.score, l.label, coalesce(l.note, '') AS note
FROM ruling r
JOIN extraction e ON e.ruling_id = r.id
LEFT JOIN score s ON s.ecli = r.ecli
LEFT JOIN label l ON l.ecli = r.ecli
"""
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class StudyRuling:
    """One selected ruling with its metadata, review state and findings."""

    ecli: str
    doc_type: str
    court: str
    court_code: str
    decision_date: date | None
    case_numbers: tuple[str, ...]
    procedures: tuple[str, ...]
    score: float | None
    label: str | None
    findings: Findings

    @property
    def year(self) -> int | None:
        return self.decision_date.year if self.decision_date else None


@dataclass(frozen=True, slots=True)
class Case:
    """The rulings of one client's case, in date order (first instance first)."""

    case_id: str  # the first parketnummer, else the first ECLI
    rulings: tuple[StudyRuling, ...]
    status: str  # include | exclude | unreviewed

    @property
    def eclis(self) -> tuple[str, ...]:
        return tuple(r.ecli for r in self.rulings)


def select_cases(
    store: Store,
    date_from: date | None = None,
    date_to: date | None = None,
    status: str = "candidate",
    threshold: float = THRESHOLD,
) -> list[Case]:
    """The cases the report counts, oldest first; see the module docstring for the choices."""
    if status not in STATUSES:
        raise ConfigError(f"unknown status {status!r}; choose one of {', '.join(STATUSES)}")
    if date_from and date_to and date_from > date_to:
        raise ConfigError(f"--from {date_from} lies after --to {date_to}")
    rows = {row["ecli"]: row for row in store.conn.execute(_RULINGS)}
    chosen: list[tuple[str, list[sqlite3.Row]]] = []
    for members in group_cases([_scored(row) for row in rows.values()]):
        if not keep_case(members, status, threshold):
            continue
        within = [rows[m.ecli] for m in members if _within(m.decision_date, date_from, date_to)]
        if within:
            chosen.append((case_status(members), within))
    ids = [row["id"] for _, group in chosen for row in group]
    findings = _findings_by_ruling(store.conn, ids)
    cases = [
        _case([_study_ruling(r, findings.get(r["id"], [])) for r in group], state)
        for state, group in chosen
    ]
    return sorted(cases, key=_first_date)


def _within(day: date | None, date_from: date | None, date_to: date | None) -> bool:
    if day is None:
        return date_from is None and date_to is None
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)


def _findings_by_ruling(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[Any]]:
    """The findings of the chosen rulings, by ruling id, a few hundred rulings per query."""
    kinds = ", ".join(f"'{kind}'" for kind in _KINDS)
    grouped: dict[int, list[Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        sql = (
            f"SELECT * FROM finding WHERE ruling_id IN ({marks}) AND kind IN ({kinds}) "
            "ORDER BY ruling_id, id"
        )
        for row in conn.execute(sql, chunk):
            grouped.setdefault(row["ruling_id"], []).append(row)
    return grouped


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _scored(row: sqlite3.Row) -> ScoredRuling:
    """The shape rulings.export.group_cases groups (score 0 when the ruling was never scored)."""
    return ScoredRuling(
        ecli=row["ecli"],
        score=float(row["score"] or 0.0),
        reasons=(),
        summary_only=not row["has_body"],
        model_version="",
        court=row["court"],
        court_code=row["court_code"],
        decision_date=_date(row["decision_date"]),
        case_numbers=tuple(json.loads(row["case_numbers"])),
        procedures=tuple(json.loads(row["procedures"])),
        related=tuple(r["ecli"] for r in json.loads(row["relations"])),
        inhoudsindicatie="",  # not needed to group, and the heaviest column
        label=row["label"],
        note=row["note"],
    )


def _study_ruling(row: sqlite3.Row, finding_rows: list[Any]) -> StudyRuling:
    found = findings_from_rows(
        row["ecli"], row["pipeline_version"], bool(row["acquittal"]), finding_rows
    )
    return StudyRuling(
        ecli=row["ecli"],
        doc_type=row["doc_type"],
        court=row["court"],
        court_code=row["court_code"],
        decision_date=_date(row["decision_date"]),
        case_numbers=tuple(json.loads(row["case_numbers"])),
        procedures=tuple(json.loads(row["procedures"])),
        score=float(row["score"]) if row["score"] is not None else None,
        label=row["label"],
        findings=found,
    )


def _case(members: list[StudyRuling], status: str) -> Case:
    """A case in date order, named by its first parketnummer."""
    members = sorted(members, key=lambda r: (r.decision_date is None, r.decision_date, r.ecli))
    numbers = [normalise_parketnummer(n) for r in members for n in r.case_numbers]
    return Case(
        case_id=numbers[0] if numbers else members[0].ecli, rulings=tuple(members), status=status
    )


def _first_date(case: Case) -> tuple[bool, date, str]:
    first = case.rulings[0].decision_date
    return (first is None, first or date.min, case.case_id)
