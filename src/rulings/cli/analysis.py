"""`rulings extract`, `analyze` and `evaluate`: the extraction pipeline from the command line."""

from __future__ import annotations

from pathlib import Path

import click

from rulings.cli import cli
from rulings.cli.options import echo_json, json_option, with_store
from rulings.models import Role
from rulings.store import Store

ROLES = [r.value for r in Role]


@cli.command()
@click.option(
    "--force", is_flag=True, help="Extract every ruling again, not only new/changed ones."
)
@click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Processes."
)
@json_option
@with_store
def extract(store: Store, force: bool, workers: int, as_json: bool) -> None:
    """Find articles, sentences, ages, payment, circumstances and references in stored rulings.

    Only rulings not yet extracted with the current patterns are processed, so a rerun after an
    interruption continues where it stopped.

    Example:

        rulings extract --workers 2
    """
    from rulings.batch import run_extraction

    summary = run_extraction(store, force=force, workers=workers)
    if as_json:
        echo_json(
            {
                "rulings": summary.rulings,
                "findings": summary.findings,
                "seconds": round(summary.seconds, 2),
                "pipeline_version": summary.pipeline_version,
            }
        )
        return
    click.echo(
        f"{summary.rulings} rulings extracted, {summary.findings} findings "
        f"({summary.seconds:.1f} s, {summary.rate:.1f} rulings/s, "
        f"pipeline {summary.pipeline_version})"
    )


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="other",
    show_default=True,
    help="Role of a plain-text file (it is one section).",
)
@json_option
def analyze(file: Path, role: str, as_json: bool) -> None:
    """Extract findings from one XML ruling or plain-text file, without any store.

    Example:

        rulings analyze corpus/sample/ECLI_NL_RBLIM_2015_7012.xml --json
    """
    from rulings.extract import analyze_path, findings_to_analyze_json

    findings = analyze_path(file, Role(role))
    result = findings_to_analyze_json(findings)
    if as_json:
        echo_json(result)
        return
    click.echo(_describe(result))


def _describe(result: dict[str, object]) -> str:
    lines = [f"ECLI: {result.get('ecli') or '-'}", f"acquittal: {result.get('acquittal')}"]
    for key in ("articles", "sanctions", "ages", "payment", "circumstances", "references"):
        items = result.get(key) or []
        assert isinstance(items, list)
        lines.append(f"\n{key} ({len(items)}):")
        for item in items:
            lines.append("  " + _one_line(key, item))
    return "\n".join(lines)


def _one_line(key: str, item: dict[str, object]) -> str:
    fields = {
        "articles": ("article", "law", "paragraph", "role", "regime", "offence"),
        "sanctions": (
            "actor",
            "kind",
            "days",
            "hours",
            "euros",
            "suspended_days",
            "probation_days",
        ),
        "ages": ("value", "subject", "kind"),
        "payment": ("kind", "euros", "goods"),
        "circumstances": ("code", "raised_by", "rejected"),
        "references": ("kind", "value"),
    }[key]
    shown = [f"{f}={item[f]}" for f in fields if item.get(f) not in (None, "", 0, False)]
    text = item.get("text") or ""
    return ", ".join(shown) + (f'  "{text}"' if text else "")


@cli.command()
@click.option(
    "--gold",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("eval/gold"),
    show_default=True,
    help="Folder of annotated rulings and sections.",
)
@click.option("--details", is_flag=True, help="Also list every item's mismatches.")
@json_option
def evaluate(gold: Path, details: bool, as_json: bool) -> None:
    """Precision and recall of the extractors on the annotated gold set.

    A folder with a passages.jsonl is an age corpus: only ages are scored.

    Example:

        rulings evaluate --gold eval/gold
    """
    from rulings.evaluate import evaluate as run_evaluation
    from rulings.evaluate import evaluate_passages, format_report, is_passage_corpus
    from rulings.extract import (
        analyze_path,
        extract_ruling,
        findings_to_analyze_json,
        text_ruling,
    )
    from rulings.gold import PASSAGES_FILE
    from rulings.nlp.pipeline import build_pipeline

    nlp = build_pipeline()

    def predict(path: Path, role: str | None) -> dict[str, object]:
        return findings_to_analyze_json(analyze_path(path, Role(role or "other"), nlp=nlp))

    def predict_text(text: str, role: str) -> dict[str, object]:
        return findings_to_analyze_json(extract_ruling(nlp, text_ruling(text, Role(role))))

    if is_passage_corpus(gold):
        report = evaluate_passages(predict_text, gold / PASSAGES_FILE)
    else:
        report = run_evaluation(predict, gold)
    if as_json:
        echo_json(report)
        return
    click.echo(format_report(report, details=details))
