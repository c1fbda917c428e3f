"""`rulings report`: the study's tables, figures and HTML index from the store."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from rulings.cli import cli
from rulings.cli.options import echo_json, json_option, with_store
from rulings.store import Store

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out") / "report",
    show_default=True,
    help="Folder to write index.html, the CSV tables and the PNG figures to.",
)
@click.option("--from", "date_from", type=DATE, help="Rulings decided on or after this date.")
@click.option("--to", "date_to", type=DATE, help="Rulings decided on or before this date.")
@click.option(
    "--status",
    type=click.Choice(["include", "candidate", "all"]),
    default="candidate",
    show_default=True,
    help="Cases a reviewer included; included or scored >= 0.5 and not excluded; every case.",
)
@json_option
@with_store
def report(
    store: Store,
    out: Path,
    date_from: datetime | None,
    date_to: datetime | None,
    status: str,
    as_json: bool,
) -> None:
    """Write the sentencing study's tables (CSV), figures (PNG) and an HTML index.

    Counts clients: a first-instance ruling and its appeal are one case, and the last
    instance's sentence stands. Tables: rulings per year and court; imposed against demanded
    prison in the study's bins; 1 day + community service; community service hours; sentences
    by victim age (under 16 against 16/17); circumstances by who raised them; references to the
    Valkenburg rulings. Every count in index.html opens the ECLIs it counts. Open the index in
    a browser; no server is needed.

    Example:

        rulings report --status include --from 2015-01-01 --to 2019-12-31
    """
    from rulings.report import write_report

    summary = write_report(store, out, _day(date_from), _day(date_to), status)
    if as_json:
        echo_json(summary.as_dict())
        return
    click.echo(
        f"{summary.rulings} rulings in {summary.cases} cases ({summary.convicted} convicted, "
        f"selection {summary.status}): {len(summary.csv)} tables and {len(summary.png)} figures "
        f"in {summary.seconds:.1f} s"
    )
    if store.count_rulings() == 0:
        click.echo(f"note: {store.path} holds no rulings; run `rulings import` first", err=True)
    elif summary.cases == 0:
        click.echo(
            "note: no cases in this selection; label rulings (`rulings review`), score them "
            "(`rulings classify`) or try --status all",
            err=True,
        )
    click.echo(f"report: {summary.index}")
