"""Which offence an article number means under which law version, and how to settle the version.

The Wet seksuele misdrijven (1 July 2024) reused the numbers 245-253 for other offences, so "art.
245 Sr" means penetration of a 12-to-16-year-old in a 2020 ruling and aanranding of a 16/17-year-old
in a ruling on acts of 2025 (legal-domain.md §1.6). patterns/article_map.toml holds the map; this
module reads it and applies the resolution order of legal-domain.md §2.4: explicit marker, wording,
date of the act, decision date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

from rulings.models import Regime
from rulings.patterns import load_table

WSM_IN_FORCE = date(2024, 7, 1)
_LEADING_NUMBER = re.compile(r"^(\d+)")


def article_number(article: str) -> int | None:
    """The numeric part of an article: '248b' -> 248."""
    match = _LEADING_NUMBER.match(article)
    return int(match.group(1)) if match else None


def regime_on(day: date) -> Regime:
    """The version of the sexual-offence articles in force on a day."""
    return Regime.OLD if day < WSM_IN_FORCE else Regime.WSM_2024


def regime_of_period(first: date, last: date) -> Regime:
    """The version that governs acts between first and last; UNKNOWN when they straddle 1 July 2024.

    Art. 1 Sr: acts before the change are tried under the old articles, so a charge period that
    crosses the date cannot be given one version.
    """
    start, end = regime_on(first), regime_on(last)
    return start if start == end else Regime.UNKNOWN


def resolve_regime(
    cues: Iterable[Regime],
    offence_periods: Iterable[tuple[date, date]],
    decision_date: date | None,
) -> Regime:
    """Settle a citation's version from ruling-level evidence (legal-domain.md §2.4, steps 2-4).

    Args:
        cues: versions whose qualification wording the ruling uses ("ontucht" -> old,
            "leeftijdscategorie" -> wsm2024); one version only counts.
        offence_periods: (first, last) dates of the acts from the tenlastelegging or
            bewezenverklaring.
        decision_date: the last resort: a ruling given before 1 July 2024 applies the old law.
    """
    distinct = set(cues) - {Regime.UNKNOWN}
    if len(distinct) == 1:
        return distinct.pop()
    periods = list(offence_periods)
    if periods:
        return regime_of_period(min(p[0] for p in periods), max(p[1] for p in periods))
    if decision_date is not None:
        return regime_on(decision_date)
    return Regime.UNKNOWN


class ArticleMap:
    """patterns/article_map.toml: offence names per regime and which articles are general."""

    def __init__(self, table: dict[str, Any]) -> None:
        self.general_until = int(table["books"]["general_until"])
        self.general_names: dict[str, str] = dict(table.get("general", {}))
        self.rows: dict[Regime, dict[str, dict[str, Any]]] = {
            Regime.OLD: dict(table.get("old", {})),
            Regime.WSM_2024: dict(table.get("wsm2024", {})),
        }

    def is_general(self, article: str, law: str) -> bool:
        """Book 1 Sr (attempt, participation, sanctions) and sanction provisions such as old 251."""
        if law != "Sr":
            return False
        number = article_number(article)
        if number is not None and number <= self.general_until:
            return True
        return bool(self.rows[Regime.OLD].get(article, {}).get("general"))

    def offence(self, article: str, law: str, regime: Regime) -> str | None:
        """The offence an Sr article means under a regime; None when the map does not know it.

        With the regime unknown, an article that means the same in both versions (273f) still
        gets its name; any other stays None rather than a guess.
        """
        if law != "Sr" or self.is_general(article, law):
            return None
        if regime is Regime.UNKNOWN:
            old, new = (self._name(article, r) for r in (Regime.OLD, Regime.WSM_2024))
            return old if old is not None and old == new else None
        return self._name(article, regime)

    def _name(self, article: str, regime: Regime) -> str | None:
        row = self.rows[regime].get(article)
        return str(row["offence"]) if row else None


@cache
def article_map() -> ArticleMap:
    """The map, read once per process (the file is data; restart to pick up edits)."""
    return ArticleMap(load_table("article_map"))
