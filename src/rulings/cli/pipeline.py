"""`rulings pipeline`: the main job on files (what `make run` does with the bundled sample)."""

from __future__ import annotations

from pathlib import Path

import click

from rulings.cli import cli
from rulings.cli.options import echo_json, json_option, with_store
from rulings.stages import JobResult, run_stages
from rulings.store import Store


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the export and the report.",
)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True)
@json_option
@with_store
def pipeline(store: Store, paths: tuple[Path, ...], out: Path, workers: int, as_json: bool) -> None:
    """Import rulings, then extract, classify, export the candidates and write the report.

    Every step is incremental: running it again only does what changed, and after an
    interruption it finishes what was left.

    Example:

        rulings pipeline corpus/sample --out out
    """
    from rulings.corpus import import_paths

    summary = import_paths(
        store, list(paths), on_reject=lambda o, p: click.echo(f"rejected {o}: {p}", err=True)
    )
    click.echo(
        f"imported {summary.inserted} new, {summary.updated} updated, "
        f"{summary.unchanged} unchanged, {summary.rejected} rejected",
        err=True,
    )
    result = run_stages(store, out, workers=workers)
    if as_json:
        echo_json({"import": summary, "store": str(store.path), "job": result})
    else:
        click.echo(describe(store, result))
    if summary.rejected:
        raise SystemExit(1)


def describe(store: Store, result: JobResult) -> str:
    """The closing lines: what was done and where the results are."""
    return "\n".join(
        [
            f"{result.extracted} rulings extracted, {result.scored} scored, "
            f"{result.candidates} candidates scored 0.5 or more",
            f"store:   {store.path}",
            f"export:  {result.export_path}  ({result.cases_exported} cases)",
            f"report:  {result.report_index}",
        ]
    )
