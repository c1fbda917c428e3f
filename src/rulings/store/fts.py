"""Turning what a researcher types into an FTS5 query, and running the search.

Users write AND, OR, NOT, parentheses, "phrases" and prefix* the way FTS5 reads them. Words FTS5
cannot take bare (an ECLI, "15-jarige", "248b," with punctuation) are quoted for them, so
`ECLI:NL:HR:2018:202` or `15-jarige` just work. Diacritics are folded by the tokenizer, so
"een" finds "één".
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date

from rulings.errors import QueryError

_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT"}
_BAREWORD = re.compile(r"^[\w]+\*?$", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ruling that matches a search, with the words that matched marked in a snippet."""

    ecli: str
    court: str
    court_code: str
    date: date | None
    procedures: tuple[str, ...]
    snippet: str
    has_body: bool


def to_fts(query: str) -> str:
    """Translate a user's query into valid FTS5 syntax (see the module docstring)."""
    parts: list[str] = []
    for token in _TOKEN.findall(query):
        if token.startswith('"'):
            phrase = token.strip('"').replace('"', "")
            if phrase.strip():
                parts.append(f'"{phrase}"')
        elif token in _OPERATORS or token in {"(", ")"} or _BAREWORD.match(token):
            parts.append(token)
        else:
            star = token.endswith("*")
            word = token.rstrip("*").replace('"', "")
            if not word.strip(".,;:!?"):
                continue
            parts.append(f'"{word}"' + ("*" if star else ""))
    fts = " ".join(parts)
    if not fts:
        raise QueryError(f"search query {query!r} has no words to search for")
    return fts


def run_search(
    conn: sqlite3.Connection,
    query: str | None,
    *,
    courts: tuple[str, ...] = (),
    date_from: date | None = None,
    date_to: date | None = None,
    procedures: tuple[str, ...] = (),
    articles: tuple[str, ...] = (),
    not_articles: tuple[str, ...] = (),
    limit: int | None = 20,
) -> list[SearchHit]:
    """Rulings matching the query and every filter, best match first."""
    where: list[str] = []
    params: list[object] = []
    if query:
        fts = to_fts(query)
        source = "ruling_fts JOIN ruling r ON r.id = ruling_fts.rowid"
        where.append("ruling_fts MATCH ?")
        params.append(fts)
        snippet = "snippet(ruling_fts, -1, '**', '**', '…', 16)"
        order = "rank"
    else:
        source = "ruling r"
        snippet = "substr(r.inhoudsindicatie, 1, 160)"
        order = "r.decision_date DESC, r.ecli"
    if courts:
        where.append(f"r.court_code IN ({','.join('?' * len(courts))})")
        params.extend(c.upper() for c in courts)
    if date_from:
        where.append("r.decision_date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        where.append("r.decision_date <= ?")
        params.append(date_to.isoformat())
    for procedure in procedures:
        where.append("EXISTS (SELECT 1 FROM json_each(r.procedures) WHERE value LIKE ?)")
        params.append(f"%{procedure}%")
    for article in articles:
        where.append(
            "EXISTS (SELECT 1 FROM ruling_article a WHERE a.ruling_id = r.id AND a.article = ?)"
        )
        params.append(article.lower())
    for article in not_articles:
        where.append(
            "NOT EXISTS (SELECT 1 FROM ruling_article a WHERE a.ruling_id = r.id AND a.article = ?)"
        )
        params.append(article.lower())
    sql = (
        f"SELECT r.ecli, r.court, r.court_code, r.decision_date, r.procedures, r.has_body, "
        f"{snippet} AS snippet FROM {source}"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {order}"
        + (" LIMIT ?" if limit else "")
    )
    if limit:
        params.append(limit)
    try:
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as err:
        raise QueryError(
            f"search query {query!r} is malformed ({err}); put phrases in double quotes and "
            "use AND, OR, NOT in capitals"
        ) from err
    return [
        SearchHit(
            ecli=row["ecli"],
            court=row["court"],
            court_code=row["court_code"],
            date=date.fromisoformat(row["decision_date"]) if row["decision_date"] else None,
            procedures=tuple(json.loads(row["procedures"])),
            snippet=" ".join((row["snippet"] or "").split()),
            has_body=bool(row["has_body"]),
        )
        for row in rows
    ]
