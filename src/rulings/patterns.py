"""The only code that opens patterns/: rule files (JSONL) and tables (TOML).

Rules and tables are data that legal researchers edit. Each call returns fresh objects, so no
caller can change what another caller reads. ``RULINGS_PATTERNS`` points at another folder; without
it the copy shipped inside the installed package is used, and in a source checkout the repository's
own ``patterns/``.
"""

from __future__ import annotations

import json
import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from rulings.errors import PatternError

RULER_KEYS = ("label", "pattern", "id")


@cache
def _default_dir() -> Path:
    here = Path(__file__).resolve().parent
    shipped = here / "patterns"
    if shipped.is_dir():
        return shipped
    checkout = here.parent.parent / "patterns"
    if checkout.is_dir():
        return checkout
    raise PatternError("patterns/", None, "folder not found; reinstall rulings")


def patterns_dir() -> Path:
    """The folder holding the pattern files in use."""
    env = os.environ.get("RULINGS_PATTERNS")
    return Path(env) if env else _default_dir()


def read_entries(name: str) -> list[dict[str, Any]]:
    """Every entry of patterns/<name>.jsonl with all its keys (examples, notes included)."""
    path = patterns_dir() / f"{name}.jsonl"
    if not path.is_file():
        raise PatternError(path.name, None, "file not found")
    entries = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as err:
            raise PatternError(path.name, lineno, f"not valid JSON ({err.msg})") from err
        if not isinstance(entry, dict):
            raise PatternError(path.name, lineno, "each line must be a JSON object")
        entries.append(entry)
    return entries


def load_rules(name: str) -> list[dict[str, Any]]:
    """Entries of patterns/<name>.jsonl cut down to what a spaCy SpanRuler accepts."""
    return [{k: e[k] for k in RULER_KEYS if k in e} for e in read_entries(name)]


def load_table(name: str) -> dict[str, Any]:
    """patterns/<name>.toml as a dict."""
    path = patterns_dir() / f"{name}.toml"
    if not path.is_file():
        raise PatternError(path.name, None, "file not found")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise PatternError(path.name, None, f"not valid TOML ({err})") from err
