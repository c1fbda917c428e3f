"""`rulings import`: XML files, folders and zip archives (also the bulk archive's zip of zips)."""

from __future__ import annotations

from pathlib import Path

import click

from rulings.cli import cli
from rulings.cli.options import echo_json, json_option, open_store, with_store
from rulings.corpus import ImportSummary, import_paths

__all__ = ["import_command", "open_store"]


@cli.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@json_option
@with_store
def import_command(store: object, paths: tuple[Path, ...], as_json: bool) -> None:
    """Import rulings from XML files, folders (recursively) and .zip archives.

    Zips inside zips (the shape of OpenDataUitspraken.zip) are read as they stream by,
    without unpacking to disk. Each file that cannot be read gets one line saying why; the
    rest is imported. Exit status 1 if any file was rejected.

    Example:

        rulings import corpus/sample OpenDataUitspraken.zip
    """
    summary = import_paths(store, list(paths), on_reject=_report_reject)  # type: ignore[arg-type]
    if as_json:
        echo_json(summary)
    else:
        click.echo(_summary_line(summary))
    if summary.rejected:
        raise SystemExit(1)


def _report_reject(origin: str, problem: str) -> None:
    click.echo(f"rejected {origin}: {problem}", err=True)


def _summary_line(summary: ImportSummary) -> str:
    return (
        f"{summary.inserted} imported, {summary.updated} updated, {summary.unchanged} unchanged, "
        f"{summary.rejected} rejected ({summary.seconds:.1f} s, {summary.rate:.0f} rulings/s)"
    )
