"""The store: one SQLite file (WAL) with rulings, sections, full-text index, findings and labels.

Library first: every command calls these methods, and the file stays a plain SQLite database that
sqlite3, Datasette and pandas open. Each write is one transaction, so an interrupted import or
harvest never leaves half a ruling behind. The full-text index is kept in step here, not by callers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rulings.errors import StoreError
from rulings.models import Findings, Ruling
from rulings.store.findings import finding_rows, findings_from_rows
from rulings.store.fts import SearchHit, run_search
from rulings.store.migrate import migrate
from rulings.store.rows import RULING_COLUMNS, ruling_from_row, ruling_values

__all__ = ["HarvestEntry", "SearchHit", "Store"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class HarvestEntry(dict[str, Any]):
    """A harvest_log row: ecli, source, status, modified, raw_path, attempts, error, updated_at."""


class Store:
    """Open (and create or migrate) the SQLite store at `path`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=30
            )
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            migrate(self.conn, str(self.path))
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a usable rulings store ({err})") from err
        self._depth = 0

    # --- plumbing ------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested uses join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _ruling_id(self, ecli: str) -> int | None:
        row = self.conn.execute("SELECT id FROM ruling WHERE ecli = ?", (ecli.upper(),)).fetchone()
        return row["id"] if row else None

    # --- rulings -------------------------------------------------------------------------

    def upsert_ruling(self, ruling: Ruling, *, source: str = "", origin: str = "") -> str:
        """Store a parsed ruling; returns "inserted", "updated" or "unchanged"."""
        values = ruling_values(ruling)
        now = _now()
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT id, content_hash FROM ruling WHERE ecli = ?", (ruling.ecli,)
            ).fetchone()
            if row and row["content_hash"] == values["content_hash"]:
                return "unchanged"
            if row:
                rid = row["id"]
                self._fts_delete(rid)
                assignments = ", ".join(f"{c} = :{c}" for c in RULING_COLUMNS)
                conn.execute(
                    f"UPDATE ruling SET {assignments}, source = :source, origin = :origin, "
                    "updated_at = :now WHERE id = :id",
                    {**values, "source": source, "origin": origin, "now": now, "id": rid},
                )
                for table in ("section", "case_number"):
                    conn.execute(f"DELETE FROM {table} WHERE ruling_id = ?", (rid,))
                conn.execute(
                    "DELETE FROM ruling_article WHERE ruling_id = ? AND origin = 'metadata'", (rid,)
                )
                outcome = "updated"
            else:
                columns = ", ".join(RULING_COLUMNS)
                marks = ", ".join(f":{c}" for c in RULING_COLUMNS)
                cur = conn.execute(
                    f"INSERT INTO ruling ({columns}, source, origin, imported_at, updated_at) "
                    f"VALUES ({marks}, :source, :origin, :now, :now)",
                    {**values, "source": source, "origin": origin, "now": now},
                )
                rid = int(cur.lastrowid or 0)
                outcome = "inserted"
            self._write_children(rid, ruling)
            conn.execute(
                "INSERT INTO ruling_fts (rowid, ecli, inhoudsindicatie, body) "
                "SELECT rowid, ecli, inhoudsindicatie, body FROM ruling_text WHERE rowid = ?",
                (rid,),
            )
        return outcome

    def _fts_delete(self, rid: int) -> None:
        self.conn.execute(
            "INSERT INTO ruling_fts (ruling_fts, rowid, ecli, inhoudsindicatie, body) "
            "SELECT 'delete', rowid, ecli, inhoudsindicatie, body FROM ruling_text WHERE rowid = ?",
            (rid,),
        )

    def _write_children(self, rid: int, ruling: Ruling) -> None:
        self.conn.executemany(
            "INSERT INTO section (ruling_id, idx, heading, number, role, text) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(rid, s.index, s.heading, s.number, str(s.role), s.text) for s in ruling.sections],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO case_number (ruling_id, number) VALUES (?, ?)",
            [(rid, n) for n in ruling.case_numbers],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO ruling_article (ruling_id, article, law, origin) "
            "VALUES (?, ?, ?, 'metadata')",
            [
                (rid, ref.article.lower(), ref.law or "")
                for ref in ruling.law_references
                if ref.article
            ],
        )

    def delete_ruling(self, ecli: str) -> bool:
        """Remove a ruling and everything derived from it (labels stay, keyed by ECLI)."""
        with self.transaction() as conn:
            rid = self._ruling_id(ecli)
            if rid is None:
                return False
            self._fts_delete(rid)
            conn.execute("DELETE FROM ruling WHERE id = ?", (rid,))
        return True

    def get_ruling(self, ecli: str) -> Ruling | None:
        row = self.conn.execute("SELECT * FROM ruling WHERE ecli = ?", (ecli.upper(),)).fetchone()
        if row is None:
            return None
        sections = self.conn.execute(
            "SELECT * FROM section WHERE ruling_id = ? ORDER BY idx", (row["id"],)
        ).fetchall()
        return ruling_from_row(row, sections)

    def has_ruling(self, ecli: str) -> bool:
        return self._ruling_id(ecli) is not None

    def ruling_modified(self, ecli: str) -> datetime | None:
        """The stored document's dcterms:modified, to decide whether a fetch is needed."""
        row = self.conn.execute(
            "SELECT modified FROM ruling WHERE ecli = ?", (ecli.upper(),)
        ).fetchone()
        return datetime.fromisoformat(row["modified"]) if row and row["modified"] else None

    def count_rulings(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM ruling").fetchone()[0])

    def eclis(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT ecli FROM ruling ORDER BY ecli")]

    def iter_rulings(self, eclis: list[str] | None = None) -> Iterator[Ruling]:
        """Rulings one at a time (memory stays flat over a large store)."""
        for ecli in eclis if eclis is not None else self.eclis():
            ruling = self.get_ruling(ecli)
            if ruling is not None:
                yield ruling

    # --- search and counts ---------------------------------------------------------------

    def search(self, query: str | None, **filters: Any) -> list[SearchHit]:
        """Full-text search with metadata filters; see store.fts.run_search."""
        return run_search(self.conn, query, **filters)

    def stats(self) -> dict[str, Any]:
        """Counts of rulings in total and per court, year, procedure and kind of document."""
        one = self.conn.execute
        per = {
            "per_court": "SELECT court_code AS k, count(*) FROM ruling GROUP BY k ORDER BY k",
            "per_year": "SELECT year AS k, count(*) FROM ruling GROUP BY k ORDER BY k",
            "per_doc_type": "SELECT doc_type AS k, count(*) FROM ruling GROUP BY k ORDER BY k",
            "per_procedure": "SELECT p.value AS k, count(*) FROM ruling, "
            "json_each(ruling.procedures) p GROUP BY k ORDER BY k",
        }
        result: dict[str, Any] = {
            "rulings": one("SELECT count(*) FROM ruling").fetchone()[0],
            "with_body": one("SELECT count(*) FROM ruling WHERE has_body").fetchone()[0],
            "metadata_only": one("SELECT count(*) FROM ruling WHERE NOT has_body").fetchone()[0],
            "sections": one("SELECT count(*) FROM section").fetchone()[0],
            "extracted": one("SELECT count(*) FROM extraction").fetchone()[0],
            "labelled": one("SELECT count(*) FROM label").fetchone()[0],
            "scored": one("SELECT count(*) FROM score").fetchone()[0],
        }
        for key, sql in per.items():
            result[key] = {str(k) if k is not None else "unknown": n for k, n in one(sql)}
        return result

    # --- harvest log and state -----------------------------------------------------------

    def log_harvest(
        self,
        ecli: str,
        *,
        source: str,
        status: str,
        modified: datetime | None = None,
        raw_path: str | None = None,
        error: str | None = None,
    ) -> None:
        """Record what happened to one ECLI; failures count their attempts."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO harvest_log (ecli, source, status, modified, raw_path, attempts, "
                "error, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) "
                "ON CONFLICT (ecli) DO UPDATE SET source = excluded.source, "
                "status = excluded.status, modified = coalesce(excluded.modified, modified), "
                "raw_path = coalesce(excluded.raw_path, raw_path), "
                "attempts = CASE WHEN excluded.status = 'failed' THEN attempts + 1 ELSE 0 END, "
                "error = excluded.error, updated_at = excluded.updated_at",
                (
                    ecli.upper(),
                    source,
                    status,
                    modified.isoformat() if modified else None,
                    raw_path,
                    error,
                    _now(),
                ),
            )

    def harvest_entry(self, ecli: str) -> HarvestEntry | None:
        row = self.conn.execute(
            "SELECT * FROM harvest_log WHERE ecli = ?", (ecli.upper(),)
        ).fetchone()
        return HarvestEntry(dict(row)) if row else None

    def failed_eclis(self, source: str | None = None) -> list[str]:
        sql = "SELECT ecli FROM harvest_log WHERE status = 'failed'"
        params: tuple[str, ...] = ()
        if source:
            sql += " AND source = ?"
            params = (source,)
        return [r[0] for r in self.conn.execute(sql + " ORDER BY ecli", params)]

    def get_state(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else None

    def set_state(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # --- findings ------------------------------------------------------------------------

    def save_findings(self, findings: Findings) -> None:
        """Replace the findings of one ruling (and the articles its text cites)."""
        if findings.ecli is None:
            raise StoreError("findings without an ECLI cannot be stored")
        with self.transaction() as conn:
            rid = self._ruling_id(findings.ecli)
            if rid is None:
                raise StoreError(f"{findings.ecli}: not in the store")
            conn.execute("DELETE FROM finding WHERE ruling_id = ?", (rid,))
            conn.executemany(
                "INSERT INTO finding (ruling_id, kind, section_idx, role, start, end, text, "
                "sentence, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(rid, *row) for row in finding_rows(findings)],
            )
            conn.execute(
                "DELETE FROM ruling_article WHERE ruling_id = ? AND origin = 'text'", (rid,)
            )
            conn.executemany(
                "INSERT OR IGNORE INTO ruling_article (ruling_id, article, law, origin) "
                "VALUES (?, ?, ?, 'text')",
                [(rid, a.article.lower(), a.law) for a in findings.articles if a.evidence],
            )
            conn.execute(
                "INSERT INTO extraction (ruling_id, pipeline_version, content_hash, acquittal, "
                "extracted_at) SELECT id, ?, content_hash, ?, ? FROM ruling WHERE id = ? "
                "ON CONFLICT (ruling_id) DO UPDATE SET "
                "pipeline_version = excluded.pipeline_version, "
                "content_hash = excluded.content_hash, acquittal = excluded.acquittal, "
                "extracted_at = excluded.extracted_at",
                (findings.pipeline_version, int(findings.acquittal), _now(), rid),
            )

    def get_findings(self, ecli: str) -> Findings | None:
        head = self.conn.execute(
            "SELECT r.id, r.ecli, e.pipeline_version, e.acquittal FROM ruling r "
            "JOIN extraction e ON e.ruling_id = r.id WHERE r.ecli = ?",
            (ecli.upper(),),
        ).fetchone()
        if head is None:
            return None
        rows = self.conn.execute(
            "SELECT * FROM finding WHERE ruling_id = ? ORDER BY id", (head["id"],)
        ).fetchall()
        return findings_from_rows(
            head["ecli"], head["pipeline_version"], bool(head["acquittal"]), rows
        )

    def eclis_needing_extraction(self, pipeline_version: str) -> list[str]:
        """Rulings never extracted, extracted by another pipeline, or changed since."""
        rows = self.conn.execute(
            "SELECT r.ecli FROM ruling r LEFT JOIN extraction e ON e.ruling_id = r.id "
            "WHERE e.ruling_id IS NULL OR e.pipeline_version != ? "
            "OR e.content_hash != r.content_hash ORDER BY r.ecli",
            (pipeline_version,),
        )
        return [r[0] for r in rows]

    # --- labels, models, scores ----------------------------------------------------------

    def set_label(self, ecli: str, label: str, note: str = "") -> None:
        """A reviewer's decision; the latest counts, every one is kept in label_event."""
        now = _now()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO label (ecli, label, note, labelled_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (ecli) DO UPDATE SET label = excluded.label, note = excluded.note, "
                "labelled_at = excluded.labelled_at",
                (ecli.upper(), label, note, now),
            )
            conn.execute(
                "INSERT INTO label_event (ecli, label, note, labelled_at) VALUES (?, ?, ?, ?)",
                (ecli.upper(), label, note, now),
            )

    def labels(self) -> dict[str, dict[str, str]]:
        rows = self.conn.execute("SELECT ecli, label, note, labelled_at FROM label ORDER BY ecli")
        return {
            r["ecli"]: {"label": r["label"], "note": r["note"], "at": r["labelled_at"]}
            for r in rows
        }

    def record_model_run(
        self, version: str, data_hash: str, metrics: dict[str, Any], path: str
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO model_run (version, data_hash, trained_at, metrics, path) "
                "VALUES (?, ?, ?, ?, ?)",
                (version, data_hash, _now(), json.dumps(metrics), path),
            )

    def save_scores(self, scores: list[tuple[str, float, list[str], bool]], version: str) -> None:
        """(ecli, score, reasons, summary_only) per ruling, replacing earlier scores."""
        now = _now()
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO score (ecli, score, reasons, model_version, summary_only, scored_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (ecli) DO UPDATE SET "
                "score = excluded.score, reasons = excluded.reasons, "
                "model_version = excluded.model_version, summary_only = excluded.summary_only, "
                "scored_at = excluded.scored_at",
                [
                    (e.upper(), s, json.dumps(r, ensure_ascii=False), version, int(so), now)
                    for e, s, r, so in scores
                ],
            )
