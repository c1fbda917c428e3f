"""Options shared by many commands, and the store they open."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from rulings.config import db_path
from rulings.models import to_jsonable

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """`--db PATH` on the command itself as well as on the group (either place works)."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False),
        default=None,
        help="SQLite store (default: $RULINGS_DB or corpus/rulings.db).",
    )(func)


def json_option(func: F) -> F:
    """`--json` for machine-readable output."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(
        func
    )


def resolve_db(db: str | None) -> Path:
    """The store path: the command's --db, else the group's --db, else the environment/default."""
    if db:
        return db_path(db)
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if ctx.obj and ctx.obj.get("db"):
            return db_path(ctx.obj["db"])
        ctx = ctx.parent
    return db_path(None)


def open_store(db: str | None, *, must_exist: bool = False) -> Any:
    """Open the store for a command; a missing store is an error for read-only commands."""
    from rulings.store import Store

    path = resolve_db(db)
    if must_exist and not path.exists():
        raise click.ClickException(f"{path}: no store here yet; run `rulings import` first")
    return Store(path)


def echo_json(value: Any) -> None:
    """Print models/dicts as indented UTF-8 JSON."""
    click.echo(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2))


def is_tty() -> bool:
    return sys.stderr.isatty()


def with_store(func: F) -> F:
    """Pass `store` (opened from --db) to the command and close it afterwards."""

    @functools.wraps(func)
    def wrapper(*args: Any, db: str | None = None, **kwargs: Any) -> Any:
        store = open_store(db)
        try:
            return func(*args, store=store, **kwargs)
        finally:
            store.close()

    return db_option(wrapper)  # type: ignore[return-value]
