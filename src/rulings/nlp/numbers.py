"""Numbers as Dutch rulings write them: digits, words, or both ("1 (één) dag").

Word parts come from patterns/numbers.toml; compounds are read right to left by their parts, so
"tweehonderdveertig" = 2 x 100 + 40 and "eenentwintig" = 1 + 20.
"""

from __future__ import annotations

import re
from functools import cache

from rulings.patterns import load_table

_DIGITS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$")


@cache
def _parts() -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, float]]:
    table = load_table("numbers")
    return (
        {k: int(v) for k, v in table["units"].items()},
        {k: int(v) for k, v in table["tens"].items()},
        {k: int(v) for k, v in table["multipliers"].items()},
        {k: float(v) for k, v in table["fractions"].items()},
    )


def parse_digits(text: str) -> float | None:
    """'1.500,00' -> 1500.0, '240' -> 240.0, '2,5' -> 2.5 (Dutch separators)."""
    text = text.strip()
    if not _DIGITS.match(text):
        return None
    return float(text.replace(".", "").replace(",", "."))


def _below_hundred(word: str) -> int | None:
    units, tens, _, _ = _parts()
    if word == "":
        return 0
    if word in units:
        return units[word]
    if word in tens:
        return tens[word]
    for ten_word, ten in tens.items():
        if word.endswith(ten_word):
            head = word[: -len(ten_word)]
            for joiner in ("en", "ën"):
                if head.endswith(joiner) and head[: -len(joiner)] in units:
                    unit = units[head[: -len(joiner)]]
                    if 0 < unit < 10:
                        return ten + unit
    return None


def _compound(word: str) -> int | None:
    """Read a compound number word: 'tweehonderdveertig', 'duizendvijfhonderd', 'eenentwintig'."""
    _, _, multipliers, _ = _parts()
    for mult_word, mult in sorted(multipliers.items(), key=lambda kv: -kv[1]):
        if mult_word in word:
            head, _, tail = word.partition(mult_word)
            factor = 1 if head == "" else _compound(head)
            rest = 0 if tail == "" else _compound(tail)
            if factor is None or rest is None or factor == 0:
                return None
            return factor * mult + rest
    return _below_hundred(word)


def parse_number_word(text: str) -> float | None:
    """'zes' -> 6, 'tweehonderdveertig' -> 240, 'anderhalf' -> 1.5; None if not a number word."""
    word = text.strip().lower().replace("-", "")
    if not word:
        return None
    _, _, _, fractions = _parts()
    if word in fractions:
        return fractions[word]
    value = _compound(word)
    return float(value) if value is not None else None


def parse_number(text: str) -> float | None:
    """A number in digits or words, or the digits of '1 (één)' / 'één (1)'; None otherwise."""
    text = text.strip()
    match = re.match(r"^([\w.,]+)\s*\(([^)]+)\)$", text)
    if match:
        first = parse_number(match.group(1))
        return first if first is not None else parse_number(match.group(2))
    value = parse_digits(text)
    if value is not None:
        return value
    return parse_number_word(text)
