"""Decide a section's role from its heading, and from its opening words when the heading is silent.

The role tells the extractors what a finding means (DESIGN.md): a sentence in ``vordering`` was
demanded, one in ``beslissing`` imposed. Headings are free text ("8 De beslissing", "EIS OFFICIER
VAN JUSTITIE", "Motivering van sanctie en van overige beslissingen"), so the rules live in
patterns/section_roles.toml as ordered regular expressions; this module only normalises headings
and applies them. When unsure the answer is ``Role.OTHER``: a wrong role turns a demanded sentence
into an imposed one, a missing role only loses a finding.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rulings.errors import PatternError
from rulings.models import Role
from rulings.patterns import load_table, patterns_dir

NEUTRAL = "neutral"  # a heading with no role of its own: it keeps the role of its surroundings
OPENING = 600  # characters of a section's text the content cues look at

MAX_HEADING_CHARS = 110
MAX_HEADING_WORDS = 14
EARLY_WORDS = 5  # a plain paragraph is a heading only if its heading phrase starts this early

_NUMBER = re.compile(r"^\(?(\d+(?:\.\d+)*)[.)]?(?:\s+|$)")
_ARTICLE = re.compile(r"^(?:de|het|een)\s+")
_EDGES = " \t:;,.-–—'\"“”‘’()[]?!*"
_SPACE = re.compile(r"\s+")
_INNER_COLON = re.compile(r":\s*\S")
_ROLES = {role.value for role in Role} | {NEUTRAL}


@dataclass(frozen=True, slots=True)
class _Rule:
    role: str  # a Role value or NEUTRAL
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Table:
    headings: tuple[_Rule, ...]
    cues: tuple[_Rule, ...]
    header: re.Pattern[str]  # letterhead lines that are never headings
    sentence: re.Pattern[str]  # verbs that make a plain paragraph a sentence


def _table() -> _Table:
    """Heading rules, content cues and non-heading lines from section_roles.toml."""
    return _compiled(patterns_dir())


@cache
def _compiled(folder: Path) -> _Table:
    """Compiled once per patterns folder (``RULINGS_PATTERNS`` may point at another one)."""
    table = load_table("section_roles")
    never = table.get("not_heading", {})
    return _Table(
        headings=_compile(table.get("heading", []), "heading"),
        cues=_compile(table.get("cue", []), "cue"),
        header=_alternation(never.get("header", []), "not_heading.header"),
        sentence=_alternation(never.get("sentence", []), "not_heading.sentence"),
    )


def _compile(entries: list[dict[str, object]], kind: str) -> tuple[_Rule, ...]:
    rules = []
    for number, entry in enumerate(entries, start=1):
        role = entry.get("role")
        patterns = entry.get("patterns")
        if role not in _ROLES or not isinstance(patterns, list) or not patterns:
            problem = f"[[{kind}]] number {number} needs a known role and patterns"
            raise PatternError("section_roles.toml", None, problem)
        regex = _alternation([str(p) for p in patterns], f"[[{kind}]] number {number}")
        rules.append(_Rule(str(role), regex))
    return tuple(rules)


def _alternation(patterns: list[str], where: str) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!)")  # matches nothing
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns))
    except re.error as err:
        raise PatternError("section_roles.toml", None, f"{where}: bad pattern ({err})") from err


def fold(text: str) -> str:
    """Lower case without accents, so 'geëist' meets 'geeist' and 'BESLISSING' 'beslissing'."""
    text = text.lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def split_number(heading: str) -> tuple[str | None, str]:
    """Split a leading section number off a heading: '6.1 De eis' -> ('6.1', 'De eis')."""
    match = _NUMBER.match(heading)
    if not match or match.end() == len(heading):
        return None, heading
    return match.group(1), heading[match.end() :]


def normalise_heading(heading: str) -> str:
    """The form the heading patterns are written against: '8. DE BESLISSING:' -> 'beslissing'."""
    text = _SPACE.sub(" ", fold(heading)).strip()
    text = split_number(text)[1].strip(_EDGES)
    return _ARTICLE.sub("", text)


def heading_rule(normalised: str, table: _Table | None = None) -> str | None:
    """Role (or NEUTRAL) of the first heading rule that matches anywhere; None when none does."""
    for rule in (table or _table()).headings:
        if rule.regex.search(normalised):
            return rule.role
    return None


def _opens_with_heading(normalised: str, table: _Table) -> bool:
    """A heading phrase begins within the first words ('Gebruik van het rechtsmiddel')."""
    words = normalised.split(" ", EARLY_WORDS)
    limit = len(normalised) - len(words[EARLY_WORDS]) if len(words) > EARLY_WORDS else None
    for rule in table.headings:
        match = rule.regex.search(normalised)
        if match and (limit is None or match.start() < limit):
            return True
    return False


def content_role(text: str) -> Role | None:
    """Role from the section's opening words: the cue that matches earliest wins."""
    opening = fold(text[:OPENING])
    best: tuple[int, str] | None = None
    for rule in _table().cues:
        match = rule.regex.search(opening)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), rule.role)
    return Role(best[1]) if best else None


def resolve_role(
    heading: str, text: str = "", inherited: Role | None = None, hint: str | None = None
) -> Role:
    """Role of a section from its heading; then the section@role hint, inheritance, content.

    ``inherited`` is the role of the section this one stands in (sub-sections and nested
    sections); ``hint`` is the ``role`` attribute of ``<section>`` (only "beslissing" is used).
    """
    normalised = normalise_heading(heading)
    found = heading_rule(normalised) if normalised else None
    if inherited is not None and (found is not None or hint != "beslissing"):
        return sub_role(found, inherited)
    if found == NEUTRAL:
        return Role.OTHER
    if found is not None:
        return Role(found)
    if hint == "beslissing":
        return Role.BESLISSING
    return content_role(text) or Role.OTHER


def sub_role(found: str | None, parent: Role) -> Role:
    """Role of a part whose heading rule gave ``found``, standing inside a ``parent`` section.

    Unknown and neutral headings keep the parent's role. So does a charge heading inside a
    section that has a role of its own: "Het subsidiair ten laste gelegde" under "Beoordeling van
    het bewijs" weighs the evidence for that charge, it does not state it.
    """
    if found is None or found == NEUTRAL:
        return parent
    if found == Role.TENLASTELEGGING.value and parent is not Role.OTHER:
        return parent
    return Role(found)


def role_for_heading(heading: str, text: str = "") -> Role:
    """Role a section with this heading (and text) plays; ``Role.OTHER`` when unsure.

    Heading rules come first; only an empty or unknown heading lets the text decide, from cues
    such as "heeft gevorderd" (vordering) or "veroordeelt verdachte tot" (beslissing).
    """
    return resolve_role(heading, text)


def heading_shaped(text: str) -> bool:
    """Short, one line, not a list item and not ending mid-sentence: could be a heading."""
    if not text or len(text) > MAX_HEADING_CHARS or "\n" in text:
        return False
    if text[0] in "-•–—*(“‘\"'[" or text[-1] in ",;":
        return False
    return len(text.split()) <= MAX_HEADING_WORDS


def is_caps(text: str) -> bool:
    """Written in capitals ('EIS OFFICIER VAN JUSTITIE'): old judgments draw headings that way."""
    return text.isupper() and sum(map(str.isalpha, text)) >= 4


def paragraph_heading(text: str, marked: bool) -> tuple[bool, str | None]:
    """Whether a body paragraph is a heading, and the rule role it carries (None if unknown).

    Letterhead lines ("Sector straf") never are. A paragraph drawn as a heading (emphasis,
    bridgehead, capitals) counts whether or not a rule knows it; the caller decides what an
    unknown one means. A plain paragraph must start with a capital, carry a heading phrase within
    its first words, not read as a sentence (a verb, or a full stop: "De straf is passend.") and
    not be a label with a value ("Raadsman: mr. [naam]").
    """
    if not heading_shaped(text) or "mr." in text:
        return False, None
    drawn = marked or is_caps(text)
    if not drawn and not _plain_heading_form(text):
        return False, None
    normalised = normalise_heading(text)
    table = _table()
    if not normalised or table.header.search(normalised):
        return False, None
    found = heading_rule(normalised, table)
    if drawn:
        return True, found
    if found is None or table.sentence.search(normalised):
        return False, None
    return (True, found) if _opens_with_heading(normalised, table) else (False, None)


def _plain_heading_form(text: str) -> bool:
    """Starts with a capital, has no label-with-value colon, no closing full stop after a word."""
    rest = split_number(text)[1]
    if not rest[:1].isupper() or _INNER_COLON.search(text):
        return False
    return not (rest.endswith(".") and len(rest.split()) > 1)
