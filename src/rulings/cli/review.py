"""`rulings classify`, `candidates`, `review`, `label`, `export`: from scores to the case list."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rulings.cli import cli
from rulings.cli.options import echo_json, json_option, with_store
from rulings.progress import Progress
from rulings.store import Store

SCORE = click.FloatRange(0.0, 1.0)


@cli.command()
@click.option("--retrain", is_flag=True, help="Train a new model on the labels first.")
@click.option("--evaluate", is_flag=True, help="Print the model's cross-validated metrics.")
@click.option(
    "--store-only",
    is_flag=True,
    help="With --retrain: learn from this store alone, without the shipped sample examples.",
)
@json_option
@with_store
def classify(store: Store, retrain: bool, evaluate: bool, store_only: bool, as_json: bool) -> None:
    """Score every stored ruling: did a client pay a minor for sexual acts?

    Uses the newest model trained for this store, else the model shipped with rulings.
    --retrain learns from the reviewers' labels, weak labels taken from the rulings (a 248b
    conviction is positive; trafficking, unpaid sexual offences and unrelated rulings are
    negative) and the shipped sample. Rulings without a body are scored from their
    inhoudsindicatie and marked metadata-only.

    Example:

        rulings classify --retrain --evaluate
    """
    from rulings.classify.evaluate import format_metrics
    from rulings.classify.score import current_model, score_store
    from rulings.classify.score import retrain as train_model
    from rulings.store.classify_queries import unextracted_count

    if store_only and not retrain:
        raise click.UsageError("--store-only goes with --retrain")
    model = train_model(store, with_shipped=not store_only) if retrain else current_model(store)
    if model.note:
        click.echo(f"note: {model.note}", err=True)
    missing = unextracted_count(store)
    if missing:
        click.echo(
            f"note: {missing} rulings have no findings yet and are scored from their words and "
            "metadata alone; run `rulings extract` first for better scores",
            err=True,
        )
    with Progress("scoring", total=store.count_rulings(), stream=sys.stderr) as progress:
        result = score_store(store, model, on_batch=progress.advance)
    if as_json:
        echo_json({"result": result, "model": model.meta if evaluate else model.version})
        return
    if evaluate:
        click.echo(format_metrics(model.meta))
    click.echo(
        f"{result.scored} rulings scored ({result.summary_only} from the inhoudsindicatie only) "
        f"with model {result.version} in {result.seconds:.1f} s; "
        f"{result.above_threshold} at or above 0.5"
    )


@cli.command()
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True, help="0: all.")
@click.option("--min-score", type=SCORE, default=0.0, show_default=True, help="Lowest score.")
@click.option("--unreviewed", is_flag=True, help="Only rulings nobody included or excluded.")
@json_option
@with_store
def candidates(store: Store, limit: int, min_score: float, unreviewed: bool, as_json: bool) -> None:
    """List the scored rulings, highest score first, with the reasons for each score.

    Example:

        rulings candidates --limit 50 --unreviewed
    """
    from rulings.classify.candidates import candidates as ranked_candidates

    found = ranked_candidates(
        store, limit=limit or None, min_score=min_score, unreviewed=unreviewed
    )
    if as_json:
        echo_json(found)
        return
    if not found:
        click.echo("no scored rulings; run `rulings classify` first", err=True)
    for item in found:
        day = item.decision_date.isoformat() if item.decision_date else "?"
        flags = f"  [{', '.join(item.flags)}]" if item.flags else ""
        click.echo(
            f"{item.score:.3f}  {item.ecli:<26} {item.court[:28]:<28} {day}  "
            f"{', '.join(item.case_numbers) or '-'}  {item.review_status}{flags}"
        )
        click.echo(
            f"       articles {', '.join(item.articles) or '-'}; victim ages "
            f"{', '.join(map(str, item.victim_ages)) or '-'}"
        )
        for reason in item.reasons:
            click.echo(f"       + {reason}")


@cli.command()
@click.option("--min-score", type=SCORE, default=0.0, show_default=True, help="Lowest score.")
@click.option("--limit", type=click.IntRange(min=0), default=0, help="At most N rulings (0: all).")
@with_store
def review(store: Store, min_score: float, limit: int) -> None:
    """Decide on the unreviewed candidates one by one, highest score first.

    Keys: i include, e exclude, s skip, n note (typed before the decision), q quit. Every
    decision is saved at once; the next `rulings classify --retrain` learns from it.

    Example:

        rulings review --min-score 0.3
    """
    from rulings.classify.review import Reviewer

    reviewer = Reviewer(
        store,
        read_key=_read_key,
        read_note=lambda: click.prompt("note", default="", show_default=False),
    )
    summary = reviewer.run(min_score=min_score, limit=limit or None)
    if summary.total == 0:
        click.echo("nothing to review: no unreviewed scored rulings (run `rulings classify`)")
        return
    click.echo(
        f"\n{summary.seen} of {summary.total} reviewed: {summary.included} included, "
        f"{summary.excluded} excluded, {summary.skipped} skipped"
    )


def _read_key() -> str:
    """One key press on a terminal; from piped input, the next character that is not blank."""
    if sys.stdin.isatty():
        return click.getchar(echo=False)
    while (char := sys.stdin.read(1)) and char.isspace():
        pass
    return char


@cli.command()
@click.argument("ecli")
@click.argument("decision", type=click.Choice(["include", "exclude"]))
@click.option("--note", default="", help="Why (stored with the label).")
@with_store
def label(store: Store, ecli: str, decision: str, note: str) -> None:
    """Record a reviewer's decision on one ruling.

    Example:

        rulings label ECLI:NL:RBMNE:2018:300 include --note "betaalde € 50, slachtoffer 14"
    """
    if not store.has_ruling(ecli):
        raise click.ClickException(f"{ecli}: not in the store {store.path}")
    store.set_label(ecli, decision, note)
    click.echo(f"{ecli.upper()}: {decision}" + (f" ({note})" if note else ""))


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "json"]),
    default="csv",
    show_default=True,
    help="CSV for Dutch Excel (';', UTF-8 with BOM), XLSX or JSON.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
@click.option(
    "--status",
    type=click.Choice(["include", "candidate", "all"]),
    default="candidate",
    show_default=True,
    help="Included cases; included or scored >= --threshold; every case.",
)
@click.option("--threshold", type=SCORE, default=0.5, show_default=True, help="For candidate.")
@with_store
def export(store: Store, fmt: str, out: Path | None, status: str, threshold: float) -> None:
    """Write one row per case (parketnummer) with its ECLIs, for the request to the OM.

    The rulings of one case (first instance, appeal) are joined through shared parketnummers
    and formal relations. Cells that a spreadsheet would run as a formula are neutralised.

    Example:

        rulings export --status include --format xlsx --out zaken.xlsx
    """
    from rulings.export import case_rows, write_export

    rows = case_rows(store, status=status, threshold=threshold)
    text = write_export(rows, fmt, out)
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"{len(rows)} case(s) written to {out}", err=True)
