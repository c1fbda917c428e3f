"""The `rulings` command line: one click group, commands grouped by task in sibling modules.

corpus.py   import
search.py   search, show, stats
harvest.py  harvest, refresh
analysis.py extract, analyze, evaluate
review.py   classify, candidates, review, label, export
output.py   report
pipeline.py pipeline (the main job on files)

One boundary (RulingsGroup) turns every RulingsError into one line on stderr and exit status 1;
usage mistakes exit 2 (click's own convention).
"""

from __future__ import annotations

from typing import Any

import click

from rulings import __version__
from rulings.errors import RulingsError


class RulingsGroup(click.Group):
    """Turns every RulingsError into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RulingsError as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=RulingsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rulings")
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="SQLite store (default: $RULINGS_DB or corpus/rulings.db).",
)
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Mine published Dutch court rulings: harvest, search, extract, classify, review, export."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


def _register() -> None:
    from rulings.cli import (  # noqa: F401
        analysis,
        corpus,
        harvest,
        output,
        pipeline,
        review,
        search,
    )


def main() -> None:
    """Console entry point."""
    _register()
    cli(prog_name="rulings")
