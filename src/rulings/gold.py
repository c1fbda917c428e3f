"""The annotated gold sets in eval/: what a gold file may hold, and reading them.

A gold item is a ruling (``<id>.xml``) or a section (``<id>.txt``) beside ``<id>.gold.json``,
in the shape ``rulings analyze FILE --json`` prints; eval/README.md states the conventions.
A broken gold file stops a run with one line naming it, so a score is never computed on a set
that silently lost items.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rulings.errors import ConfigError
from rulings.models import Actor, Role


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GOLD_KEYS = ("id", "role", "ecli", "articles", "sanctions", "acquittal", "ages", "payment")
GOLD_KEYS += ("circumstances", "references")
SANCTION_KINDS = _words(
    "gevangenisstraf hechtenis jeugddetentie taakstraf geldboete tbs pij isd"
    " schadevergoedingsmaatregel contactverbod locatieverbod gedragsmaatregel"
    " ontzegging_rijbevoegdheid verbeurdverklaring onttrekking"
)
# Hoofdstraffen (arts. 9 and 77h Sr): the sentences the study compares between demand and decision.
PRINCIPAL_KINDS = _words("gevangenisstraf hechtenis jeugddetentie taakstraf geldboete")
ACTORS = frozenset(a.value for a in Actor)
SUBJECTS = _words("victim suspect other")
RAISERS = _words("defence prosecutor court")
ROLES = frozenset(r.value for r in Role)
REFERENCE_KINDS = _words("ecli named_case valkenburg_hr palet art22b")
# Valkenburg markers count once per item whatever words or ECLI carry them: the study counts
# judgments that cite the Hoge Raad rulings, the "palet" phrase or the art. 22b reasoning.
MARKER_KINDS = _words("valkenburg_hr palet art22b")
# The study's circumstance categories (domain/circumstances.md).
CIRCUMSTANCE_CODES = _words(
    "M_CLEAN_RECORD M_NOT_SEEKING_MINOR M_VICTIM_SEEMED_ADULT M_DID_NOT_KNOW_MINOR"
    " M_LOW_RECIDIVISM M_REASONABLE_TIME M_ATTITUDE M_PERSONAL_IMPACT M_MEDIA M_YOUNG_OFFENDER"
    " M_UNAWARE_TRAFFICKING A_TRAFFICKING_SIGNALS A_MINORITY_SIGNALS A_FREQUENCY A_PENETRATION"
    " A_FURTHER_ACTS A_VULNERABLE_VICTIM A_DEPENDENCY A_RECIDIVISM A_STATUTORY A_DISREGARD_VICTIM"
    " A_YOUNG_VICTIM A_SPECIAL_SETTING"
)
# What each list of a gold file may hold: (list, field, allowed values or type).
ENTRY_RULES: tuple[tuple[str, str, Any], ...] = (
    ("articles", "article", str),
    ("articles", "law", str),
    ("sanctions", "kind", SANCTION_KINDS),
    ("sanctions", "actor", ACTORS),
    ("sanctions", "suspended_days", int),
    ("sanctions", "suspended_hours", int),
    ("ages", "value", int),
    ("ages", "subject", SUBJECTS),
    ("circumstances", "code", CIRCUMSTANCE_CODES),
    ("circumstances", "raised_by", RAISERS),
    ("circumstances", "rejected", bool),
    ("references", "kind", REFERENCE_KINDS),
    ("references", "value", str),
)


@dataclass(frozen=True)
class GoldItem:
    """One annotated text: the file to predict on, its role (sections only) and its gold."""

    id: str
    path: Path
    role: str | None
    gold: dict[str, Any]


# --- gold files --------------------------------------------------------------------------


def validate_gold(gold: Mapping[str, Any], suffix: str) -> list[str]:
    """Problems that make a gold dict unusable; ``suffix`` is ".xml" or ".txt"."""
    problems = [f"missing key {k!r}" for k in GOLD_KEYS if k not in gold]
    if problems:
        return problems
    if suffix == ".txt" and gold["role"] not in ROLES:
        problems.append(f"role {gold['role']!r} is not a section role")
    if suffix == ".xml" and gold["role"] is not None:
        problems.append("a whole ruling has role null")
    if not isinstance(gold["acquittal"], bool) or not isinstance(gold["payment"], bool):
        problems.append("acquittal and payment must be true or false")
    for key, name, rule in ENTRY_RULES:
        entries = gold[key] if isinstance(gold[key], list) else [None]
        for entry in entries:
            value = entry.get(name) if isinstance(entry, dict) else None
            ok = isinstance(value, rule) if isinstance(rule, type) else value in rule
            if not ok:
                problems.append(f"{key}: {name} {value!r} is not allowed")
    return problems


def load_gold(gold_dir: Path) -> list[GoldItem]:
    """Every ``<id>.gold.json`` with its text file, validated; a broken file stops the run."""
    if not gold_dir.is_dir():
        raise ConfigError(f"{gold_dir}: gold folder not found")
    items = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        texts = [p for p in (gold_dir / f"{stem}.xml", gold_dir / f"{stem}.txt") if p.is_file()]
        if len(texts) != 1:
            raise ConfigError(f"{gold_path}: needs exactly one {stem}.xml or {stem}.txt beside it")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise ConfigError(f"{gold_path}: not valid JSON ({err.msg})") from err
        problems = validate_gold(gold, texts[0].suffix) if isinstance(gold, dict) else ["not {}"]
        if not problems and gold["id"] != stem:
            problems.append(f"id {gold['id']!r} differs from the file name")
        if problems:
            raise ConfigError(f"{gold_path}: {'; '.join(problems)}")
        items.append(GoldItem(stem, texts[0], gold["role"], gold))
    if not items:
        raise ConfigError(f"{gold_dir}: no *.gold.json files")
    return items


# --- age passages ----------------------------------------------------------------------------

PASSAGES_FILE = "passages.jsonl"
SUBJECTS = _words("victim suspect other")


@dataclass(frozen=True)
class AgePassage:
    """A short text annotated with ages only: every real age it states, with whose age it is."""

    id: str
    role: str
    text: str
    ages: tuple[tuple[int, str], ...]


def load_passages(path: Path) -> list[AgePassage]:
    """The passages of an age corpus (one JSON object per line); a broken line stops the run."""
    if not path.is_file():
        raise ConfigError(f"{path}: passages file not found")
    passages: list[AgePassage] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as err:
            raise ConfigError(f"{where}: not valid JSON ({err.msg})") from err
        problem = _passage_problem(raw, seen)
        if problem:
            raise ConfigError(f"{where}: {problem}")
        seen.add(raw["id"])
        ages = tuple((a["value"], a["subject"]) for a in raw["ages"])
        passages.append(AgePassage(raw["id"], raw["role"], raw["text"], ages))
    if not passages:
        raise ConfigError(f"{path}: no passages")
    return passages


def _passage_problem(raw: Any, seen: set[str]) -> str | None:
    if not isinstance(raw, dict) or not {"id", "role", "text", "ages"} <= raw.keys():
        return "needs the keys id, role, text and ages"
    if not isinstance(raw["id"], str) or raw["id"] in seen:
        return f"id {raw['id']!r} is not a new string"
    if raw["role"] not in ROLES:
        return f"role {raw['role']!r} is not a section role"
    if not isinstance(raw["text"], str) or not raw["text"].strip():
        return "text is empty"
    for age in raw["ages"] if isinstance(raw["ages"], list) else [None]:
        if not isinstance(age, dict) or not isinstance(age.get("value"), int):
            return f"age {age!r} has no whole-number value"
        if age.get("subject") not in SUBJECTS:
            return f"age subject {age.get('subject')!r} is not victim, suspect or other"
    return None
