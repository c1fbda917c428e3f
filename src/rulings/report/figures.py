"""The report's figures as PNG files, drawn with matplotlib's object API (no display needed).

Each function takes the table rulings.report.data made and returns a Figure; ``save`` writes it.
Figures are built on ``matplotlib.figure.Figure`` rather than pyplot, so nothing depends on a
display or on pyplot's global state, and a report can be written from a server or a test.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from rulings.report.data import NONE_BIN

IMPOSED_COLOUR = "#1f5f8b"
DEMANDED_COLOUR = "#c8782a"
RAISER_COLOURS = {
    "defence": "#c8782a",
    "prosecutor": "#8b1f3f",
    "court": "#1f5f8b",
    "unknown": "#999999",
}
KIND_LABELS = {
    "valkenburg_hr": "HR 20-02-2018",
    "palet": "palet van mogelijke straffen",
    "art22b": "art. 22b Sr reasoning",
    "valkenburg_case": "Valkenburg case named",
}
DPI = 120


def _figure(width: float = 7.0, height: float = 4.0) -> tuple[Figure, Axes]:
    figure = Figure(figsize=(width, height), layout="constrained")
    ax = figure.add_subplot()
    ax.margins(x=0.08, y=0.12)  # room for the value written on the highest bar
    return figure, ax


def _label(ax: Axes, bars: BarContainer, values: list[float], suffix: str = "") -> None:
    """Write each bar's value on it; bars of 0 stay unlabelled so the empty bins stay quiet."""
    ax.bar_label(bars, labels=[f"{v:g}{suffix}" if v else "" for v in values], fontsize=8)


def _counts(ax: Axes, axis: str = "y") -> None:
    """Whole numbers on a count axis."""
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_locator(MaxNLocator(integer=True))


def save(figure: Figure, path: Path) -> Path:
    """Write a figure as PNG."""
    figure.savefig(path, dpi=DPI, format="png")
    return path


def rulings_per_year(table: pd.DataFrame) -> Figure:
    figure, ax = _figure()
    bars = ax.bar(table["year"].astype(str), table["rulings"], color=IMPOSED_COLOUR)
    _label(ax, bars, list(table["rulings"]))
    _counts(ax)
    ax.set(title="Rulings per year of decision", xlabel="year", ylabel="rulings")
    ax.tick_params(axis="x", labelrotation=45)
    return figure


def rulings_per_court(table: pd.DataFrame) -> Figure:
    ordered = table.iloc[::-1]
    figure, ax = _figure(7.0, max(2.5, 0.35 * len(table) + 1.2))
    bars = ax.barh(ordered["court_code"], ordered["rulings"], color=IMPOSED_COLOUR)
    _label(ax, bars, list(ordered["rulings"]))
    _counts(ax, "x")
    ax.set(title="Rulings per court", xlabel="rulings")
    return figure


def _grouped(ax: Axes, labels: list[str], series: dict[str, tuple[list[float], str]]) -> None:
    """Bars side by side per label, one colour per series, each bar labelled with its value."""
    width = 0.8 / max(len(series), 1)
    for offset, (name, (values, colour)) in enumerate(series.items()):
        positions = [i + (offset - (len(series) - 1) / 2) * width for i in range(len(labels))]
        bars = ax.bar(positions, values, width, label=name, color=colour)
        _label(ax, bars, values)
    ax.set_xticks(range(len(labels)), labels)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)


def prison(table: pd.DataFrame, part: str) -> Figure:
    """Imposed against demanded prison in day bins, as a share of the cases (unconditional or
    suspended)."""
    rows = table[table["part"] == part]
    labels = list(dict.fromkeys(rows["bin"]))
    series = {}
    for sentence, colour in (("imposed", IMPOSED_COLOUR), ("demanded", DEMANDED_COLOUR)):
        share = rows[rows["sentence"] == sentence].set_index("bin")["percent"]
        total = int(rows[rows["sentence"] == sentence]["cases"].sum())
        series[f"{sentence} (n={total})"] = ([float(share.get(b, 0.0)) for b in labels], colour)
    figure, ax = _figure()
    _grouped(ax, labels, series)
    ax.set(
        title=f"{part.capitalize()} prison imposed and demanded (convicted cases)",
        xlabel="days",
        ylabel="% of cases",
    )
    return figure


def community_service(table: pd.DataFrame) -> Figure:
    figure, ax = _figure()
    rows = table[table["bin"] != NONE_BIN]
    bars = ax.bar(rows["bin"], rows["cases"], color=IMPOSED_COLOUR)
    _label(ax, bars, list(rows["cases"]))
    _counts(ax)
    ax.set(
        title="Community service imposed (unconditional hours, convicted cases)",
        xlabel="hours",
        ylabel="cases",
    )
    return figure


def one_day_share(table: pd.DataFrame) -> Figure:
    figure, ax = _figure(6.0, 3.5)
    bars = ax.bar(table["sentence"], table["percent"], color=IMPOSED_COLOUR)
    pairs = zip(table["percent"], table["cases"], strict=True)
    ax.bar_label(bars, labels=[f"{p:g}% ({n})" for p, n in pairs])
    ax.set(title="1 day unconditional prison + taakstraf", ylabel="% of convicted cases")
    return figure


def victim_age(table: pd.DataFrame) -> Figure:
    rows = table[table["cases"] > 0]
    figure, ax = _figure(6.0, 3.5)
    means = rows["unconditional_days_mean"].fillna(0.0)
    bars = ax.bar(rows["victim_age"], means, color=IMPOSED_COLOUR)
    ax.bar_label(bars, labels=[f"{m:g} (n={n})" for m, n in zip(means, rows["cases"], strict=True)])
    ax.set(
        title="Unconditional prison by victim age",
        xlabel="victim age group",
        ylabel="mean days",
    )
    return figure


def circumstances(table: pd.DataFrame) -> Figure:
    """Cases per circumstance, one bar per raiser; mitigating above, aggravating below."""
    polarities = [p for p in ("mitigating", "aggravating") if (table["polarity"] == p).any()]
    codes = {p: sorted(set(table.loc[table["polarity"] == p, "code"])) for p in polarities}
    heights = [max(1.5, 0.45 * len(codes[p]) + 0.8) for p in polarities]
    figure = Figure(figsize=(8.0, sum(heights) + 0.5), layout="constrained")
    axes = figure.subplots(len(polarities), 1, squeeze=False, height_ratios=heights)[:, 0]
    for ax, polarity in zip(axes, polarities, strict=True):
        rows = table[table["polarity"] == polarity]
        raisers = [r for r in RAISER_COLOURS if (rows["raised_by"] == r).any()]
        height = 0.8 / len(raisers)
        for offset, raiser in enumerate(raisers):
            counts = rows[rows["raised_by"] == raiser].set_index("code")["cases"]
            positions = [
                i + (offset - (len(raisers) - 1) / 2) * height for i in range(len(codes[polarity]))
            ]
            bars = ax.barh(positions, [int(counts.get(c, 0)) for c in codes[polarity]], height,
                           label=raiser, color=RAISER_COLOURS[raiser])  # fmt: skip
            _label(ax, bars, [float(b.get_width()) for b in bars])
        ax.set_yticks(range(len(codes[polarity])), codes[polarity], fontsize=8)
        ax.margins(x=0.08)
        ax.invert_yaxis()
        ax.set(title=f"{polarity.capitalize()} circumstances by who raised them", xlabel="cases")
        _counts(ax, "x")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return figure


def valkenburg_by_year(table: pd.DataFrame) -> Figure:
    rows = table[table["kind"] != "any"]
    years = list(dict.fromkeys(rows["year"]))
    colours = ("#1f5f8b", "#c8782a", "#8b1f3f", "#5a8b1f")
    series = {
        KIND_LABELS[kind]: (
            [
                int(rows[(rows["year"] == y) & (rows["kind"] == kind)]["rulings"].sum())
                for y in years
            ],
            colour,
        )
        for kind, colour in zip(KIND_LABELS, colours, strict=True)
    }
    figure, ax = _figure()
    _grouped(ax, years, series)
    _counts(ax)
    ax.set(title="Judgments citing the Valkenburg rulings", xlabel="year", ylabel="judgments")
    return figure
