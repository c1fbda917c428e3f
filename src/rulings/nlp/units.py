"""Amounts and kinds of sanctions as the extract stage reads them (part of rulings_sanctions).

In: an AMOUNT or KIND span found by the rules in patterns/sanctions.jsonl. Out: an ``Amount``
(the number and unit as written, and the size in days, hours or euros) or a ``KindInfo`` from
patterns/sanction_kinds.toml. Durations normalise with 1 week = 7, 1 month = 365.25 / 12 and
1 year = 365.25 days (DESIGN.md); rounding happens where a Sanction is built, so a suspended part
and its total round the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from rulings.errors import PatternError
from rulings.nlp.numbers import parse_number
from rulings.patterns import load_table

MEASURES = ("days", "hours", "euros", "none")


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with its unit, where it stands in the Doc (token offsets) and what it measures."""

    start: int
    end: int
    measure: str  # days | hours | euros
    size: float  # in days, hours or euros, not yet rounded
    amount: str  # as written: "1 (één)", "ACHTTIEN (18)", "1.500,00"
    unit: str  # as written: "dag", "MAANDEN", "€"
    factor: float = 1.0  # the size of one unit: 30.4375 for "maanden"


@dataclass(frozen=True, slots=True)
class KindInfo:
    """One sanction kind from patterns/sanction_kinds.toml."""

    name: str
    measure: str
    needs_amount: bool
    amount_near: bool
    principal: bool
    terms: tuple[str, ...]
    own_section: bool = False  # often demanded outside the vordering (benadeelde partij, beslag)


@dataclass(frozen=True, slots=True)
class SanctionTables:
    """The kinds and the units, read once per pipeline."""

    kinds: dict[str, KindInfo]
    units: dict[str, tuple[str, float]]  # lower-case unit word -> (measure, factor)
    silent_headings: tuple[re.Pattern[str], ...] = ()  # sections that state no sanction (TUL)

    def silent(self, heading: str) -> bool:
        """Whether a section with this heading yields no sanctions."""
        lowered = heading.lower()
        return any(p.search(lowered) for p in self.silent_headings)

    def kind_of(self, text: str) -> KindInfo | None:
        """The kind whose longest term the words of a KIND span contain."""
        lowered = " ".join(text.lower().split())
        best: tuple[int, KindInfo] | None = None
        for info in self.kinds.values():
            for term in info.terms:
                if term in lowered and (best is None or len(term) > best[0]):
                    best = (len(term), info)
        return best[1] if best else None


def sanction_tables() -> SanctionTables:
    """Read patterns/sanction_kinds.toml (afresh on each call; the component reads it once).

    Raises:
        PatternError: a kind names a measure other than days, hours, euros or none.
    """
    table = load_table("sanction_kinds")
    kinds = {}
    for name, entry in table.get("kinds", {}).items():
        measure = entry.get("measure", "none")
        if measure not in MEASURES:
            raise PatternError(
                "sanction_kinds.toml", None, f"kind {name} has unknown measure {measure}"
            )
        kinds[name] = KindInfo(
            name=name,
            measure=measure,
            needs_amount=bool(entry.get("needs_amount", False)),
            amount_near=bool(entry.get("amount_near", False)),
            principal=bool(entry.get("principal", False)),
            terms=tuple(term.lower() for term in entry.get("terms", [name])),
            own_section=bool(entry.get("own_section", False)),
        )
    units = {
        word.lower(): (measure, float(factor))
        for measure, words in table.get("units", {}).items()
        for word, factor in words.items()
    }
    silent = tuple(re.compile(p) for p in table.get("silent_headings", {}).get("patterns", []))
    return SanctionTables(kinds=kinds, units=units, silent_headings=silent)


def read_number(text: str) -> float | None:
    """A number as rulings write amounts: '1.500,00', '250,-', '1.500.-', '1½', 'zes', '1 (één)'."""
    text = text.strip().rstrip("=-").rstrip(",.")
    if text.endswith("½"):
        head = text[:-1]
        whole = read_number(head) if head else 0.0
        return None if whole is None else whole + 0.5
    return parse_number(text)


def _words_value(words: list[str]) -> float | None:
    """'een half' -> 0.5; otherwise the first word that reads as a number."""
    lowered = [w.lower() for w in words]
    if lowered[-1:] in (["half"], ["halve"]) and len(lowered) == 2 and lowered[0] in ("een", "één"):
        return 0.5
    for word in words:
        value = read_number(word)
        if value is not None:
            return value
    return None


def read_amount(span: Span, tables: SanctionTables) -> Amount | None:
    """Read an AMOUNT span; None when its words do not make a number with a known unit."""
    tokens = [t for t in span if not t.is_space]
    first, last = tokens[0].lower_, tokens[-1].lower_
    if first in tables.units and tables.units[first][0] == "euros":
        unit_token, number_tokens = tokens[0], tokens[1:2]
    elif last in tables.units:
        unit_token, number_tokens = tokens[-1], tokens[:-1]
    else:
        return None
    measure, factor = tables.units[unit_token.lower_]
    texts = [t.text for t in number_tokens]
    cut = texts.index("(") if "(" in texts else len(texts)
    outside, inside = texts[:cut], [w for w in texts[cut + 1 :] if w != ")"]
    value = _words_value(outside) if outside else None
    if value is None and inside:
        value = _words_value(inside)
    if value is None:
        return None
    written = span.doc[number_tokens[0].i : number_tokens[-1].i + 1].text
    return Amount(
        start=span.start,
        end=span.end,
        measure=measure,
        size=value * factor,
        amount=written,
        unit=unit_token.text,
        factor=factor,
    )
