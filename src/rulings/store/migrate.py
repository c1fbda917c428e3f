"""Numbered schema migrations (store/schema/NNNN_name.sql), tracked in PRAGMA user_version.

Each file above the database's version runs in one transaction. A database whose version is higher
than the newest file was made by a newer rulings and is refused rather than damaged.
"""

from __future__ import annotations

import sqlite3
from importlib import resources

from rulings.errors import SchemaTooNew, StoreError


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every schema file, in order."""
    found = []
    for item in resources.files("rulings.store").joinpath("schema").iterdir():
        if item.name.endswith(".sql"):
            number = int(item.name.split("_", 1)[0])
            found.append((number, item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version() -> int:
    """The version this rulings writes."""
    return migrations()[-1][0]


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the database up to date; returns the version it ends at."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    newest = schema_version()
    if current > newest:
        raise SchemaTooNew(
            f"{path}: store schema version {current} is newer than this rulings "
            f"understands ({newest}); upgrade rulings"
        )
    for number, name, sql in migrations():
        if number <= current:
            continue
        try:
            conn.execute("BEGIN")
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except sqlite3.Error as err:
            conn.execute("ROLLBACK")
            raise StoreError(f"{path}: migration {name} failed ({err})") from err
    return newest


def _statements(sql: str) -> list[str]:
    """Split a schema file into statements (it holds no triggers or string semicolons)."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
