"""Reading what classification wrote: scores with their rulings and labels, model runs, case links.

Functions over a Store (its connection), kept apart from the Store class so the classifier's
queries live in one place; they only read.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rulings.store import Store

_RANKED = """
SELECT s.ecli, s.score, s.reasons, s.summary_only, s.model_version,
       r.court, r.court_code, r.decision_date, r.case_numbers, r.procedures, r.relations,
       r.inhoudsindicatie, r.has_body, l.label, coalesce(l.note, '') AS note
FROM score s
JOIN ruling r ON r.ecli = s.ecli
LEFT JOIN label l ON l.ecli = s.ecli
"""


@dataclass(frozen=True, slots=True)
class ScoredRuling:
    """A scored ruling as a candidate list or the review loop shows it."""

    ecli: str
    score: float
    reasons: tuple[str, ...]
    summary_only: bool
    model_version: str
    court: str
    court_code: str
    decision_date: date | None
    case_numbers: tuple[str, ...]
    procedures: tuple[str, ...]
    related: tuple[str, ...]
    inhoudsindicatie: str
    label: str | None
    note: str


def _scored(row: sqlite3.Row) -> ScoredRuling:
    return ScoredRuling(
        ecli=row["ecli"],
        score=float(row["score"]),
        reasons=tuple(json.loads(row["reasons"])),
        summary_only=bool(row["summary_only"]),
        model_version=row["model_version"],
        court=row["court"],
        court_code=row["court_code"],
        decision_date=date.fromisoformat(row["decision_date"]) if row["decision_date"] else None,
        case_numbers=tuple(json.loads(row["case_numbers"])),
        procedures=tuple(json.loads(row["procedures"])),
        related=tuple(r["ecli"] for r in json.loads(row["relations"])),
        inhoudsindicatie=row["inhoudsindicatie"],
        label=row["label"],
        note=row["note"],
    )


def ranked(
    store: Store,
    *,
    min_score: float = 0.0,
    unreviewed: bool = False,
    limit: int | None = None,
) -> list[ScoredRuling]:
    """Scored rulings, highest score first; `unreviewed` leaves out included/excluded ones."""
    sql = _RANKED + " WHERE s.score >= ?"
    if unreviewed:
        sql += " AND (l.label IS NULL OR l.label NOT IN ('include', 'exclude'))"
    sql += " ORDER BY s.score DESC, s.ecli"
    params: tuple[float | int, ...] = (min_score,)
    if limit:
        sql += " LIMIT ?"
        params = (min_score, limit)
    return [_scored(r) for r in store.conn.execute(sql, params)]


def scored(store: Store, ecli: str) -> ScoredRuling | None:
    """One scored ruling."""
    row = store.conn.execute(_RANKED + " WHERE s.ecli = ?", (ecli.upper(),)).fetchone()
    return _scored(row) if row else None


def all_scored(store: Store) -> dict[str, ScoredRuling]:
    """Every scored ruling by ECLI (export groups them into cases)."""
    return {r["ecli"]: _scored(r) for r in store.conn.execute(_RANKED)}


def labelled_unscored(store: Store) -> list[str]:
    """Rulings a reviewer labelled that have no score yet (the export still lists them)."""
    rows = store.conn.execute(
        "SELECT l.ecli FROM label l JOIN ruling r ON r.ecli = l.ecli "
        "LEFT JOIN score s ON s.ecli = l.ecli WHERE s.ecli IS NULL ORDER BY l.ecli"
    )
    return [r[0] for r in rows]


def latest_model_folder(store: Store) -> Path | None:
    """The folder of the newest model trained for this store that still exists on disk."""
    rows = store.conn.execute("SELECT path FROM model_run WHERE path != '' ORDER BY id DESC")
    for (path,) in rows:
        folder = Path(path)
        if (folder / "model.json").is_file():
            return folder
    return None


def score_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM score").fetchone()[0])


def unextracted_count(store: Store) -> int:
    """Rulings with a body but no findings yet: scored from their words and metadata alone."""
    row = store.conn.execute(
        "SELECT count(*) FROM ruling r LEFT JOIN extraction e ON e.ruling_id = r.id "
        "WHERE r.has_body AND e.ruling_id IS NULL"
    ).fetchone()
    return int(row[0])
