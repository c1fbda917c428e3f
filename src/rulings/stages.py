"""The main job after the documents are in: extract, classify, export candidates, write the report.

`rulings pipeline` runs it after importing files (what `make run` does on the sample) and
`rulings refresh` after harvesting the live source. Each stage is incremental or idempotent, so
running the job again after an interruption finishes what was left.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from rulings.store import Store


@dataclass(slots=True)
class JobResult:
    """What the main job did and where its results are."""

    extracted: int = 0
    scored: int = 0
    candidates: int = 0
    cases_exported: int = 0
    export_path: Path | None = None
    report_index: Path | None = None
    notes: list[str] = field(default_factory=list)


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run_stages(store: Store, out_dir: Path, *, workers: int = 1) -> JobResult:
    """Extract new rulings, score all, export the candidate cases and write the report."""
    from rulings.batch import run_extraction
    from rulings.classify.score import current_model, score_store
    from rulings.export import case_rows, write_export
    from rulings.report import write_report

    result = JobResult()
    out_dir.mkdir(parents=True, exist_ok=True)

    _say("extracting findings ...")
    extraction = run_extraction(store, workers=workers)
    result.extracted = extraction.rulings

    _say("scoring rulings ...")
    model = current_model(store)
    scored = score_store(store, model)
    result.scored, result.candidates = scored.scored, scored.above_threshold

    _say("exporting candidate cases ...")
    rows = case_rows(store, status="candidate")
    result.export_path = out_dir / "candidates.csv"
    write_export(rows, "csv", result.export_path)
    result.cases_exported = len(rows)

    _say("writing the report ...")
    summary = write_report(store, out_dir / "report", None, None, "candidate")
    result.report_index = Path(summary.index)
    return result
