"""`rulings search`, `show` and `stats`: reading the store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click

from rulings.cli import cli
from rulings.cli.options import echo_json, json_option, with_store
from rulings.models import Ruling
from rulings.queries import named_query
from rulings.store import Store

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: datetime | None) -> Any:
    return value.date() if value else None


@cli.command()
@click.argument("query", required=False)
@click.option("--query", "query_name", metavar="NAME", help="Run a named query from queries.toml.")
@click.option("--court", multiple=True, metavar="CODE", help="Court code, e.g. RBLIM; repeatable.")
@click.option("--from", "date_from", type=DATE, help="Decided on or after (YYYY-MM-DD).")
@click.option("--to", "date_to", type=DATE, help="Decided on or before (YYYY-MM-DD).")
@click.option("--procedure", multiple=True, help="Procedure contains, e.g. 'Hoger beroep'.")
@click.option("--article", multiple=True, metavar="A", help="Concerns article A (e.g. 248b).")
@click.option("--not-article", multiple=True, metavar="A", help="Does not concern article A.")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True, help="0: all.")
@json_option
@with_store
def search(
    store: Store,
    query: str | None,
    query_name: str | None,
    court: tuple[str, ...],
    date_from: datetime | None,
    date_to: datetime | None,
    procedure: tuple[str, ...],
    article: tuple[str, ...],
    not_article: tuple[str, ...],
    limit: int,
    as_json: bool,
) -> None:
    """Full-text search of ECLI, summary and text, with metadata filters.

    QUERY uses AND, OR, NOT (in capitals), "exact phrases", prefix* and parentheses;
    accents are ignored. Articles come from the metadata and, after `rulings extract`,
    from the text.

    Example:

        rulings search '"tegen betaling" AND minderjarig*' --court RBLIM --from 2015-01-01
    """
    if query and query_name:
        raise click.UsageError("give either QUERY or --query NAME, not both")
    if query_name:
        query = named_query(query_name).fts
    if not query and not (court or date_from or date_to or procedure or article or not_article):
        raise click.UsageError("give a QUERY, --query NAME, or at least one filter")
    hits = store.search(
        query,
        courts=court,
        date_from=_day(date_from),
        date_to=_day(date_to),
        procedures=procedure,
        articles=article,
        not_articles=not_article,
        limit=limit or None,
    )
    if as_json:
        echo_json(hits)
        return
    for hit in hits:
        day = hit.date.isoformat() if hit.date else "?"
        click.echo(f"{hit.ecli:<28} {hit.court_code:<6} {day}  {_mark(hit.snippet)}")
    click.echo(f"{len(hits)} ruling(s)", err=True)


def _mark(snippet: str) -> str:
    """Show the '**hit**' marks as bold on a terminal."""
    parts = snippet.split("**")
    return "".join(click.style(p, bold=True) if i % 2 else p for i, p in enumerate(parts))


@cli.command()
@click.argument("ecli")
@json_option
@with_store
def show(store: Store, ecli: str, as_json: bool) -> None:
    """Show a stored ruling: metadata, then each section with its role.

    Example:

        rulings show ECLI:NL:RBLIM:2015:7012
    """
    ruling = store.get_ruling(ecli)
    if ruling is None:
        raise click.ClickException(f"{ecli}: not in the store {store.path}")
    if as_json:
        echo_json(ruling)
        return
    click.echo(_describe(ruling))


def _describe(ruling: Ruling) -> str:
    day = ruling.decision_date.isoformat() if ruling.decision_date else "?"
    lines = [
        click.style(ruling.ecli, bold=True),
        f"{ruling.court} ({ruling.court_code}), {day}, {ruling.doc_type}",
        f"zaaknummer(s): {', '.join(ruling.case_numbers) or '-'}",
        f"procedure: {', '.join(ruling.procedures) or '-'}",
        f"rechtsgebied: {', '.join(ruling.subjects) or '-'}",
        "wetsverwijzingen: " + (", ".join(r.text for r in ruling.law_references) or "-"),
    ]
    lines += [f"relatie: {r.type or '?'} {r.aanleg or ''} {r.ecli}" for r in ruling.relations]
    if ruling.replaced_by:
        lines.append(f"vervangen door: {ruling.replaced_by}")
    lines += ["", "Inhoudsindicatie:", ruling.inhoudsindicatie or "-"]
    if not ruling.has_body:
        lines += ["", "(metadata only: the document has no published text)"]
    for section in ruling.sections:
        title = " ".join(p for p in (section.number, section.heading) if p) or "(untitled)"
        lines += ["", click.style(f"{title}  [{section.role}]", bold=True), section.text]
    return "\n".join(lines)


@cli.command()
@json_option
@with_store
def stats(store: Store, as_json: bool) -> None:
    """Count the stored rulings, per court, year, procedure and kind of document.

    Example:

        rulings stats --json
    """
    counts = store.stats()
    if as_json:
        echo_json(counts)
        return
    click.echo(
        f"{counts['rulings']} rulings ({counts['metadata_only']} metadata only), "
        f"{counts['sections']} sections, {counts['extracted']} extracted, "
        f"{counts['scored']} scored, {counts['labelled']} labelled"
    )
    for key in ("per_court", "per_year", "per_procedure", "per_doc_type"):
        click.echo(f"\n{key.removeprefix('per_')}:")
        for name, n in counts[key].items():
            click.echo(f"  {name:<40} {n:>7}")
