"""The study's named searches (patterns/queries.toml)."""

from __future__ import annotations

from dataclasses import dataclass

from rulings.errors import ConfigError
from rulings.patterns import load_table


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """One named search: the local full-text form and the website's form."""

    name: str
    description: str
    fts: str
    website: str
    exclude: tuple[str, ...]


def named_queries() -> dict[str, NamedQuery]:
    """Every query in patterns/queries.toml by name."""
    table = load_table("queries").get("queries", {})
    return {
        name: NamedQuery(
            name=name,
            description=entry.get("description", ""),
            fts=entry["fts"],
            website=entry.get("website", entry["fts"]),
            exclude=tuple(entry.get("exclude", ())),
        )
        for name, entry in table.items()
    }


def named_query(name: str) -> NamedQuery:
    """The query called `name`; an unknown name lists the known ones."""
    queries = named_queries()
    if name not in queries:
        known = ", ".join(sorted(queries)) or "none"
        raise ConfigError(f"no query named {name!r} in patterns/queries.toml (known: {known})")
    return queries[name]
