"""The study report: tables (CSV), figures (PNG) and an index (HTML) written from the store.

``write_report`` selects the cases (rulings.report.population), measures each one
(rulings.report.measures), builds the tables (rulings.report.data), draws them
(rulings.report.figures) and writes index.html (rulings.report.html) into one folder that opens
without a server. The notebook notebooks/study.ipynb walks through the same steps.

CSV files follow the export's convention for Dutch Excel: ';' as separator, UTF-8 with a byte
order mark, a decimal point; lists of ECLIs are separated by spaces, and text cells that a
spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from rulings.errors import ConfigError
from rulings.export import neutralise
from rulings.report import data as tables
from rulings.report import figures
from rulings.report.html import Pivot, ReportTable, render
from rulings.store import Store

__all__ = ["ReportSummary", "write_report"]


@dataclass(slots=True)
class ReportSummary:
    """What a report run wrote and counted."""

    out_dir: Path
    index: Path
    csv: list[Path] = field(default_factory=list)
    png: list[Path] = field(default_factory=list)
    rulings: int = 0
    cases: int = 0
    convicted: int = 0
    status: str = "candidate"
    date_from: date | None = None
    date_to: date | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON values (paths as strings) for ``--json``."""
        return {
            "out_dir": str(self.out_dir),
            "index": str(self.index),
            "csv": [str(p) for p in self.csv],
            "png": [str(p) for p in self.png],
            "rulings": self.rulings,
            "cases": self.cases,
            "convicted": self.convicted,
            "status": self.status,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "seconds": self.seconds,
        }


Draw = Callable[[pd.DataFrame], Figure]
# name, title, what it counts, table function, count column, figures (file stem, function)
_Spec = tuple[str, str, str, Callable[[tables.StudyData], pd.DataFrame], str, dict[str, Draw]]
SPECS: tuple[_Spec, ...] = (
    ("key_figures", "Key figures beside the study's",
     "The study's headline numbers computed from this store; 'study' gives the published figure.",
     tables.key_figures, "count", {}),
    ("rulings_per_year", "Rulings per year", "Selected judgments by year of decision.",
     tables.rulings_per_year, "rulings", {"rulings_per_year": figures.rulings_per_year}),
    ("rulings_per_court", "Rulings per court", "Selected judgments by court.",
     tables.rulings_per_court, "rulings", {"rulings_per_court": figures.rulings_per_court}),
    ("prison", "Prison imposed and demanded",
     "Convicted cases by days of unconditional and of suspended prison, imposed by the court and "
     "demanded by the prosecutor (demands: the convicted cases with a known demand).",
     tables.prison_bins, "cases",
     {"prison_unconditional": partial(figures.prison, part="unconditional"),
      "prison_suspended": partial(figures.prison, part="suspended")}),
    ("one_day_taakstraf", "1 day + community service",
     "Convicted cases with exactly 1 day of unconditional prison and community service.",
     tables.one_day_share, "cases", {"one_day_taakstraf": figures.one_day_share}),
    ("community_service", "Community service hours",
     "Convicted cases by unconditional community service hours imposed (none: no taakstraf).",
     tables.community_service, "cases", {"community_service": figures.community_service}),
    ("community_service_summary", "Community service: range, mean, median",
     "Over the convicted cases with community service; each figure opens those cases.",
     tables.community_service_summary, "value", {}),
    ("victim_age", "Sentences by victim age",
     "Convicted cases by the victim's age group: unconditional prison (days) and community "
     "service (mean over the cases with any).",
     tables.by_victim_age, "cases", {"victim_age": figures.victim_age}),
    ("circumstances", "Circumstances by who raised them",
     "Cases in which each mitigating or aggravating circumstance was raised, by raiser.",
     tables.circumstances_by_raiser, "cases", {"circumstances": figures.circumstances}),
    ("valkenburg", "References to the Valkenburg rulings by year",
     "Judgments per year citing the Valkenburg rulings or their reasoning.",
     tables.valkenburg_by_year, "rulings", {"valkenburg": figures.valkenburg_by_year}),
)  # fmt: skip


# how index.html shows a long table wide: (row keys, column keys)
PIVOTS = {
    "prison": Pivot(("bin",), ("sentence", "part")),
    "circumstances": Pivot(("polarity", "code", "meaning"), ("raised_by",), tables.RAISERS),
    "valkenburg": Pivot(("year",), ("kind",)),
}


def write_csv(table: pd.DataFrame, path: Path) -> Path:
    """A table as CSV for Dutch Excel; list cells (ECLIs, courts) joined by spaces."""
    out = table.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: neutralise(" ".join(map(str, v)) if isinstance(v, list) else v)
            )
    out.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


def _has_counts(table: pd.DataFrame, count: str) -> bool:
    """Whether a table counts anything at all (an empty figure would say nothing)."""
    return not table.empty and bool(pd.to_numeric(table[count], errors="coerce").fillna(0).sum())


def _meta(store: Store, study: tables.StudyData) -> dict[str, str]:
    period = f"{study.date_from or 'any'} to {study.date_to or 'any'}"
    return {
        "store": str(store.path),
        "selection": study.status,
        "period": period,
        "rulings": str(len(study.rulings)),
        "cases": str(len(study.cases)),
        "convicted cases": str(len(study.convicted)),
        "written": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _write_sections(
    study: tables.StudyData, out_dir: Path, summary: ReportSummary
) -> list[ReportTable]:
    """Each table's CSV and figures; figures of an earlier run that this one has no data for
    are removed, so the folder holds only what the index shows."""
    sections = []
    for name, title, about, make, count, draws in SPECS:
        table = make(study)
        summary.csv.append(write_csv(table, out_dir / f"{name}.csv"))
        drawn = []
        for stem, draw in draws.items():
            path = out_dir / f"{stem}.png"
            if _has_counts(table, count):
                drawn.append(figures.save(draw(table), path))
            else:
                path.unlink(missing_ok=True)
        summary.png.extend(drawn)
        names = tuple(p.name for p in drawn)
        sections.append(ReportTable(name, title, about, table, count, names, PIVOTS.get(name)))
    return sections


def write_report(
    store: Store,
    out_dir: Path,
    date_from: date | None = None,
    date_to: date | None = None,
    status: str = "candidate",
) -> ReportSummary:
    """Write index.html, one CSV per table and one PNG per figure into `out_dir`."""
    started = time.perf_counter()
    study = tables.load(store, date_from, date_to, status)
    summary = ReportSummary(out_dir=out_dir, index=out_dir / "index.html", status=status,
                            date_from=date_from, date_to=date_to)  # fmt: skip
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        sections = _write_sections(study, out_dir, summary)
        summary.csv.append(write_csv(study.cases, out_dir / "cases.csv"))
        page = render(_meta(store, study), sections, study.cases)
        summary.index.write_text(page, encoding="utf-8")
    except OSError as err:
        where = err.filename or out_dir
        raise ConfigError(f"{where}: cannot write the report ({err.strerror or err})") from err
    summary.rulings, summary.cases = len(study.rulings), len(study.cases)
    summary.convicted = len(study.convicted)
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary
