"""`rulings harvest` and `rulings refresh`: bring the store up to date with the live source.

Both compose the library: a PoliteSession, a listing (the open data index, or the website's
full-text search for --query), OpenDataSource to fetch, and harvest.base.harvest to do the rest.

Refresh remembers: every harvest by date that runs to its end (failures included, because they
are logged and tried first next time) saves its window and filters as ``refresh.query`` and its
start time as ``refresh.last_run``. `rulings refresh` lists only what the index says changed
since that start, less a day of margin (the index's clock and zone are not documented; entries
seen twice cost a listing line, not a download). A refresh that moves the window lists the whole
new window once, since its new part was never harvested. An interrupted run saves nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import click

from rulings.cli import cli
from rulings.cli.options import db_option, echo_json, json_option, open_store
from rulings.cli.pipeline import describe
from rulings.config import raw_dir
from rulings.harvest.base import DOCUMENT_ZONE, HarvestProgress, HarvestSummary, harvest
from rulings.harvest.http import DEFAULT_RATE, DEFAULT_TIMEOUT, PoliteSession
from rulings.harvest.opendata import (
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    SUBJECT_BASE,
    IndexQuery,
    OpenDataSource,
    court_uris,
    subject_uris,
)
from rulings.harvest.website import (
    WebsitePage,
    WebsiteQuery,
    WebsiteSearch,
    known_query_names,
    only_courts,
    website_query_text,
)
from rulings.stages import run_stages
from rulings.store import Store

STATE_QUERY = "refresh.query"
STATE_LAST_RUN = "refresh.last_run"
REFRESH_MARGIN = timedelta(days=1)
POLITE_RATE = 10.0  # above this, against the public service, the user is told
SHOWN_FAILURES = 20
FETCH_SOURCES = ("opendata", "website")  # both fetch through the open data document service


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2021-01-31") from None


def _timestamp(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date or a time like 2024-03-01T12:00:00"
        ) from None


def network_options(func: Any) -> Any:
    """Options both commands share: where to ask and how politely."""
    options = [
        click.option(
            "--base-url",
            help=f"Open data service (default $RULINGS_OPENDATA_URL or {DEFAULT_BASE_URL}).",
        ),
        click.option(
            "--website-url", help="Website search for --query (default $RULINGS_WEBSITE_URL)."
        ),
        click.option(
            "--rate",
            type=click.FloatRange(min=0.01),
            default=DEFAULT_RATE,
            show_default=True,
            help="Requests per second across all workers; raise it only for a local mirror.",
        ),
        click.option(
            "--workers",
            type=click.IntRange(1, 16),
            default=2,
            show_default=True,
            help="Documents fetched at the same time (still bounded by --rate).",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0.1),
            default=DEFAULT_TIMEOUT,
            show_default=True,
            help="Seconds to wait for a connection or the next bytes of an answer.",
        ),
        click.option(
            "--attempts",
            type=click.IntRange(1, 20),
            default=5,
            show_default=True,
            help="Tries per request before a document is logged as failed.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@cli.command(name="harvest")
@click.option(
    "--from", "date_from", callback=_date, metavar="DATE", help="First decision date (YYYY-MM-DD)."
)
@click.option(
    "--to", "date_to", callback=_date, metavar="DATE", help="Last decision date (default: today)."
)
@click.option(
    "--court",
    "courts",
    multiple=True,
    metavar="CODE",
    help="Court code (RBAMS, GHARL ...) or creator URI; repeat for several. "
    "Predecessor courts are not included.",
)
@click.option(
    "--subject",
    default="strafrecht",
    show_default=True,
    help="Rechtsgebied: 'strafrecht' (all six criminal areas), another area, a URI, or 'all'.",
)
@click.option(
    "--type",
    "doc_type",
    type=click.Choice(["uitspraak", "conclusie", "all"]),
    default="uitspraak",
    show_default=True,
    help="Rulings, opinions of the Advocaat-Generaal, or both.",
)
@click.option(
    "--modified-since",
    callback=_timestamp,
    metavar="TIMESTAMP",
    help="Only ECLIs changed since then (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss).",
)
@click.option(
    "--with-metadata-only",
    is_flag=True,
    help="Also list ECLIs without a published text (most of them; default: texts only).",
)
@click.option(
    "--query",
    metavar="NAME|TEXT",
    help="A named query from patterns/queries.toml or the website's own query text.",
)
@network_options
@json_option
@db_option
def harvest_command(db: str | None, as_json: bool, **options: Any) -> None:
    """Fetch rulings from data.rechtspraak.nl into the store, resuming where a run stopped.

    Lists the ECLI index for the decision dates, courts and legal area given, fetches every
    document the store does not hold in its current version, keeps the raw XML under
    corpus/raw/ and stores the parsed ruling. With --query the full-text search of
    uitspraken.rechtspraak.nl lists the ECLIs instead. Documents that keep failing are logged and
    tried first on the next run; the exit status is 1 while any failed.

    Example:

    \b
        rulings harvest --from 2021-01-01 --to 2021-12-31 --court RBAMS --court GHAMS
        rulings harvest --from 2015-01-01 --query study2
    """
    if not (options["date_from"] or options["modified_since"] or options["query"]):
        raise click.UsageError("give --from DATE (and --to DATE), --modified-since or --query")
    if options["query"] and options["modified_since"]:
        raise click.UsageError("--modified-since works with the open data index, not with --query")
    _check_window(options["date_from"], options["date_to"])
    store = open_store(db)
    try:
        started = datetime.now(UTC)
        summary = _run(store, options)
        if not options["query"]:
            _remember(store, options, started)
    finally:
        store.close()
    _report(summary, as_json)


@cli.command(name="refresh")
@click.option(
    "--from",
    "date_from",
    callback=_date,
    metavar="DATE",
    help="New first decision date to remember.",
)
@click.option(
    "--to", "date_to", callback=_date, metavar="DATE", help="New last decision date to remember."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the candidate export and the report.",
)
@click.option("--harvest-only", is_flag=True, help="Only harvest; skip extract ... report.")
@network_options
@json_option
@db_option
def refresh_command(
    db: str | None, as_json: bool, out: Path, harvest_only: bool, **options: Any
) -> None:
    """Harvest what changed, then extract, classify, export the candidates and write the report.

    Lists only ECLIs the index marks as changed since the last complete run began (less a day
    of margin), with the same window and filters. --from/--to move the remembered window; that
    refresh lists the whole new window once (what is stored is still not fetched again). An
    interrupted refresh resumes where it stopped. --json prints the harvest summary, the store
    and what the stages did ("job" is null with --harvest-only).

    Example:

    \b
        rulings refresh
        rulings refresh --to 2025-12-31 --json
    """
    store = open_store(db)
    try:
        settings, moved = _remembered(store, options)
        last_run = store.get_state(STATE_LAST_RUN)
        if last_run and not moved:
            since = datetime.fromisoformat(last_run) - REFRESH_MARGIN
            settings["modified_since"] = since.astimezone(DOCUMENT_ZONE).replace(tzinfo=None)
        started = datetime.now(UTC)
        summary = _run(store, settings)
        _remember(store, settings, started)
        job = None if harvest_only else run_stages(store, out)
    finally:
        store.close()
    if as_json:
        echo_json({"harvest": _summary_json(summary), "store": str(store.path), "job": job})
        _fail_on_failures(summary)
        return
    if job is not None:
        click.echo(describe(store, job))
    _report(summary, as_json)


# --- composition -------------------------------------------------------------------------


def _run(store: Store, options: dict[str, Any]) -> HarvestSummary:
    base_url = options.get("base_url")
    if options["rate"] > POLITE_RATE and not (base_url or _env_url()):
        click.echo(
            f"note: --rate {options['rate']:g} is more than the public service is used to.",
            err=True,
        )
    session = PoliteSession(
        rate=options["rate"], timeout=options["timeout"], max_attempts=options["attempts"]
    )
    fetcher = OpenDataSource(session, base_url)
    if options.get("query"):
        source, pages = "website", _website_pages(session, options)
    else:
        source, pages = "opendata", fetcher.pages(_index_query(options))
    progress = HarvestProgress(f"harvest ({source})")
    try:
        return harvest(
            store,
            pages,
            fetcher,
            source=source,
            raw_dir=raw_dir(store.path),
            workers=options["workers"],
            retry_sources=FETCH_SOURCES,
            progress=progress,
            stop=session.stop,
        )
    finally:
        session.close()


def _env_url() -> str | None:
    return os.environ.get(BASE_URL_ENV)


def _index_query(options: dict[str, Any]) -> IndexQuery:
    doc_type = options.get("doc_type") or "uitspraak"
    return IndexQuery(
        date_from=options.get("date_from"),
        date_to=options.get("date_to"),
        modified_since=options.get("modified_since"),
        subjects=subject_uris([options.get("subject") or "strafrecht"]),
        courts=court_uris(list(options.get("courts") or ())),
        doc_type=None if doc_type == "all" else doc_type.capitalize(),
        with_text_only=not options.get("with_metadata_only"),
    )


def _website_pages(session: PoliteSession, options: dict[str, Any]) -> Iterator[WebsitePage]:
    subject = options.get("subject") or "strafrecht"
    subjects = (
        ()
        if subject.lower() in {"all", "any"}
        else (
            (SUBJECT_BASE + "strafrecht",)
            if subject.lower() == "strafrecht"
            else subject_uris([subject])
        )
    )
    doc_type = options.get("doc_type") or "uitspraak"
    query = WebsiteQuery(
        text=query_text(options["query"]),
        date_from=options.get("date_from"),
        date_to=options.get("date_to"),
        subjects=subjects,
        doc_type=None if doc_type == "all" else doc_type,
    )
    codes = {c.upper() for c in options.get("courts") or () if not c.startswith("http")}
    pages = WebsiteSearch(session, options.get("website_url")).pages(query)
    return only_courts(pages, codes) if codes else pages


def query_text(name_or_text: str) -> str:
    """A named query's website text, or the text itself (with a note, in case of a typo)."""
    text, named = website_query_text(name_or_text)
    if not named:
        known = ", ".join(known_query_names()) or "none"
        click.echo(
            f"note: no named query {name_or_text!r} (known: {known}); searching it as text",
            err=True,
        )
    return text


def _check_window(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_to < date_from:
        raise click.BadParameter(f"--to {date_to} is before --from {date_from}", param_hint="--to")


# --- refresh state -----------------------------------------------------------------------

REMEMBERED = ("date_from", "date_to", "courts", "subject", "doc_type", "with_metadata_only")


def _remember(store: Store, options: dict[str, Any], started: datetime) -> None:
    saved = {key: options.get(key) for key in REMEMBERED}
    for key in ("date_from", "date_to"):
        saved[key] = saved[key].isoformat() if saved[key] else None
    saved["courts"] = list(saved["courts"] or ())
    with store.transaction():
        store.set_state(STATE_QUERY, json.dumps(saved))
        store.set_state(STATE_LAST_RUN, started.isoformat(timespec="seconds"))


def _remembered(store: Store, options: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The remembered settings with --from/--to applied, and whether the window moved."""
    saved_text = store.get_state(STATE_QUERY)
    saved: dict[str, Any] = json.loads(saved_text) if saved_text else {}
    if not saved and not options["date_from"]:
        raise click.UsageError(
            "nothing to refresh yet: run `rulings harvest --from DATE --to DATE` first, "
            "or give --from"
        )
    settings = {**options, "subject": "strafrecht", "doc_type": "uitspraak", "courts": ()}
    settings.update({k: v for k, v in saved.items() if k in REMEMBERED})
    for key in ("date_from", "date_to"):
        value = options[key] or settings.get(key)
        settings[key] = date.fromisoformat(value) if isinstance(value, str) else value
    _check_window(settings["date_from"], settings["date_to"])
    settings["modified_since"] = None
    settings["query"] = None
    moved = any(
        options[key] and options[key].isoformat() != saved.get(key)
        for key in ("date_from", "date_to")
    )
    return settings, moved


# --- output ------------------------------------------------------------------------------


def _summary_json(summary: HarvestSummary) -> dict[str, Any]:
    return {**asdict(summary), "rate": round(summary.rate, 2)}


def _report(summary: HarvestSummary, as_json: bool) -> None:
    if as_json:
        echo_json(_summary_json(summary))
    else:
        retried = f"{summary.retried} retried, " if summary.retried else ""
        click.echo(
            f"{summary.source}: {summary.listed} listed, {retried}"
            f"{summary.skipped} already stored, {summary.fetched} fetched, "
            f"{summary.stored} stored, {summary.gone} gone, {summary.failed} failed "
            f"({summary.seconds:.1f} s, {summary.rate:.1f} documents/s)"
        )
        for ecli, error in summary.failures[:SHOWN_FAILURES]:
            click.echo(f"failed {ecli}: {error}", err=True)
    _fail_on_failures(summary)


def _fail_on_failures(summary: HarvestSummary) -> None:
    if summary.failed:
        more = summary.failed - SHOWN_FAILURES
        tail = f" (and {more} more)" if more > 0 else ""
        raise click.ClickException(
            f"{summary.failed} documents failed{tail}; "
            "they are logged and tried first on the next run"
        )
