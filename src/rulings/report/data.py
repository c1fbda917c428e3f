"""The study's tables from the store, as pandas DataFrames; each row carries the ECLIs it counts.

Start with ``load(store, status=...)`` and pass the result to any table function. The unit of
counting is the case (one client: first instance and appeal together, rulings.report.population),
except for rulings per year and court and for the Valkenburg references, which count judgments
as the study did ("cited in 8 judgments"). Sentence tables count convicted cases: cases whose
standing sentence (rulings.report.measures) names a principal punishment.

The ``eclis`` column lists, for every case counted, the ruling that supplies the counted value:
the sentencing ruling for imposed sentences, the ruling with the demand for demanded ones, the
latest ruling naming a circumstance; for tables of rulings, the rulings themselves.
Bins are arguments (``STUDY_BINS`` are the study's), so a table can be cut differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from rulings.patterns import load_table
from rulings.report.frames import (
    VALKENBURG_KINDS,
    cases_frame,
    circumstances_frame,
    references_frame,
    rulings_frame,
)
from rulings.report.measures import AGE_GROUPS
from rulings.report.population import select_cases
from rulings.store import Store

Bin = tuple[str, int, int | None]  # label, lowest, highest (None: no upper bound), inclusive
_STUDY = load_table("study")  # the study's published figures and bins (patterns/study.toml)


def _bins(rows: list[dict]) -> tuple[Bin, ...]:
    return tuple((row["label"], int(row["low"]), row.get("high")) for row in rows)


STUDY_BINS: tuple[Bin, ...] = _bins(_STUDY["prison_bins"])
HOUR_BINS: tuple[Bin, ...] = _bins(_STUDY["hour_bins"])
NONE_BIN = "none"
OUTSIDE_BINS = "outside the bins"
RAISERS = ("defence", "prosecutor", "court", "unknown")


@dataclass(frozen=True, slots=True)
class StudyData:
    """The selection the report was made from, and its four frames."""

    rulings: pd.DataFrame
    cases: pd.DataFrame
    circumstances: pd.DataFrame
    references: pd.DataFrame
    status: str
    date_from: date | None = None
    date_to: date | None = None

    @property
    def convicted(self) -> pd.DataFrame:
        """Cases whose standing sentence names a principal punishment."""
        return self.cases[self.cases["outcome"] == "sentenced"]


def load(
    store: Store,
    date_from: date | None = None,
    date_to: date | None = None,
    status: str = "candidate",
) -> StudyData:
    """Select the cases (population.select_cases) and build the frames the tables use."""
    cases = select_cases(store, date_from, date_to, status)
    return StudyData(
        rulings=rulings_frame(cases),
        cases=cases_frame(cases),
        circumstances=circumstances_frame(cases),
        references=references_frame(cases),
        status=status,
        date_from=date_from,
        date_to=date_to,
    )


def bin_label(value: int, bins: Sequence[Bin] = STUDY_BINS) -> str:
    """The bin a number of days (or hours) falls in; 0 is "none"."""
    if value == 0:
        return NONE_BIN
    for label, low, high in bins:
        if value >= low and (high is None or value <= high):
            return label
    return OUTSIDE_BINS


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def _eclis(frame: pd.DataFrame, column: str) -> list[str]:
    return [str(e) for e in frame[column]]


def rulings_per_year(data: StudyData) -> pd.DataFrame:
    """Selected rulings by year of decision."""
    frame = data.rulings.assign(year=data.rulings["year"].astype("string").fillna("unknown"))
    rows = [
        {"year": year, "rulings": len(group), "eclis": _eclis(group, "ecli")}
        for year, group in frame.groupby("year", sort=True)
    ]
    return pd.DataFrame(rows, columns=["year", "rulings", "eclis"])


def rulings_per_court(data: StudyData) -> pd.DataFrame:
    """Selected rulings by court, most rulings first."""
    rows = [
        {"court_code": code, "court": group["court"].iloc[0], "rulings": len(group),
         "eclis": _eclis(group, "ecli")}
        for code, group in data.rulings.groupby("court_code", sort=True)
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["court_code", "court", "rulings", "eclis"])
    return frame.sort_values(["rulings", "court_code"], ascending=[False, True], ignore_index=True)


def _binned(frame: pd.DataFrame, value: str, ecli: str, bins: Sequence[Bin]) -> list[dict]:
    labels = frame[value].map(lambda v: bin_label(int(v), bins))
    order = [NONE_BIN, *(label for label, _, _ in bins)]
    if (labels == OUTSIDE_BINS).any():
        order.append(OUTSIDE_BINS)
    return [
        {"bin": label, "cases": int((labels == label).sum()),
         "percent": _percent(int((labels == label).sum()), len(frame)),
         "eclis": _eclis(frame[labels == label], ecli)}
        for label in order
    ]  # fmt: skip


def prison_bins(data: StudyData, bins: Sequence[Bin] = STUDY_BINS) -> pd.DataFrame:
    """Imposed and demanded prison of convicted cases in day bins, unconditional and suspended.

    Imposed: every convicted case ("none": no custodial sentence or all of it suspended).
    Demanded: the convicted cases with a known demand. Percentages are of those totals.
    """
    convicted = data.convicted
    demanded = convicted[convicted["demand_ecli"].notna()]
    rows = []
    for sentence, frame, ecli in (
        ("imposed", convicted, "sentence_ecli"),
        ("demanded", demanded, "demand_ecli"),
    ):
        for part in ("unconditional", "suspended"):
            for row in _binned(frame, f"{sentence}_{part}_days", ecli, bins):
                rows.append({"sentence": sentence, "part": part, **row})
    return pd.DataFrame(rows, columns=["sentence", "part", "bin", "cases", "percent", "eclis"])


def community_service(data: StudyData, bins: Sequence[Bin] = HOUR_BINS) -> pd.DataFrame:
    """Unconditional community service hours imposed on convicted cases, in bins."""
    rows = _binned(data.convicted, "imposed_taakstraf_hours", "sentence_ecli", bins)
    return pd.DataFrame(rows, columns=["bin", "cases", "percent", "eclis"])


def community_service_summary(data: StudyData) -> pd.DataFrame:
    """How many convicted cases got community service, and its range, mean and median in hours."""
    with_service = data.convicted[data.convicted["imposed_taakstraf_hours"] > 0]
    hours = with_service["imposed_taakstraf_hours"].astype(float)
    eclis = _eclis(with_service, "sentence_ecli")
    values = {
        "cases": float(len(with_service)),
        "min": hours.min(),
        "mean": hours.mean(),
        "median": hours.median(),
        "max": hours.max(),
    }
    rows = [
        {"statistic": name, "value": round(float(v), 1) if pd.notna(v) else None, "eclis": eclis}
        for name, v in values.items()
    ]
    return pd.DataFrame(rows, columns=["statistic", "value", "eclis"])


def one_day_share(data: StudyData) -> pd.DataFrame:
    """Convicted cases with 1 day unconditional prison plus community service, and the rest."""
    convicted = data.convicted
    one_day = convicted["imposed_unconditional_days"] == 1
    service = convicted["imposed_taakstraf_hours"] > 0
    groups = (
        ("1 day + taakstraf", one_day & service),
        ("1 day, no taakstraf", one_day & ~service),
        ("other sentence", ~one_day),
    )
    rows = [
        {"sentence": label, "cases": int(mask.sum()),
         "percent": _percent(int(mask.sum()), len(convicted)),
         "eclis": _eclis(convicted[mask], "sentence_ecli")}
        for label, mask in groups
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["sentence", "cases", "percent", "eclis"])


def _stat(series: pd.Series, how: str) -> float | None:
    value = getattr(series.astype(float), how)()
    return round(float(value), 1) if pd.notna(value) else None


def by_victim_age(data: StudyData) -> pd.DataFrame:
    """Sentences of convicted cases by the victim's age group (under 16 against 16/17)."""
    rows = []
    for group in AGE_GROUPS:
        frame = data.convicted[data.convicted["victim_age_group"] == group]
        days = frame["imposed_unconditional_days"]
        hours = frame.loc[frame["imposed_taakstraf_hours"] > 0, "imposed_taakstraf_hours"]
        rows.append(
            {
                "victim_age": group,
                "cases": len(frame),
                "unconditional_days_mean": _stat(days, "mean"),
                "unconditional_days_median": _stat(days, "median"),
                "unconditional_days_min": _stat(days, "min"),
                "unconditional_days_max": _stat(days, "max"),
                "one_day_plus_taakstraf": int(frame["one_day_plus_taakstraf"].sum()),
                "taakstraf_hours_mean": _stat(hours, "mean"),
                "eclis": _eclis(frame, "sentence_ecli"),
            }
        )
    return pd.DataFrame(rows)


def circumstances_by_raiser(data: StudyData) -> pd.DataFrame:
    """Cases in which each circumstance was raised, by who raised it.

    A plea the court rejected still counts for the party that raised it ("rejected" says in how
    many of those cases the court did not follow it); the court counts only what it weighed.
    """
    frame = data.circumstances
    rows = [
        {"polarity": polarity, "code": code, "meaning": group["meaning"].iloc[0],
         "raised_by": raised_by, "cases": len(group), "rejected": int(group["rejected"].sum()),
         "eclis": _eclis(group, "ecli")}
        for (polarity, code, raised_by), group in frame.groupby(["polarity", "code", "raised_by"])
    ]  # fmt: skip
    columns = ["polarity", "code", "meaning", "raised_by", "cases", "rejected", "eclis"]
    table = pd.DataFrame(rows, columns=columns)
    table["order"] = table["raised_by"].map(RAISERS.index)
    table = table.sort_values(["polarity", "code", "order"], ascending=[False, True, True])
    return table.drop(columns="order").reset_index(drop=True)


def valkenburg_by_year(data: StudyData) -> pd.DataFrame:
    """Judgments per year that cite the Valkenburg rulings or their reasoning, by kind.

    ``any`` counts each judgment once, whatever it cites. Every year with a selected ruling
    has its rows, so a year without references shows as 0.
    """
    refs = data.references[data.references["kind"].isin(VALKENBURG_KINDS)]
    refs = refs.assign(year=refs["year"].astype("string").fillna("unknown"))
    years = set(data.rulings["year"].astype("string").fillna("unknown")) | set(refs["year"])
    rows = []
    for year in sorted(years):
        group = refs[refs["year"] == year]
        for kind in (*VALKENBURG_KINDS, "any"):
            hits = group if kind == "any" else group[group["kind"] == kind]
            eclis = list(dict.fromkeys(hits["ecli"]))
            rows.append({"year": year, "kind": kind, "rulings": len(eclis), "eclis": eclis})
    return pd.DataFrame(rows, columns=["year", "kind", "rulings", "eclis"])


# The study's published figures, shown beside the figures the store gives so a reader sees what
# is reproduced.
STUDY_FIGURES: dict[str, str] = _STUDY["figures"]
KEY_COLUMNS = ["figure", "count", "of", "percent", "value", "study", "eclis"]


def _key(figure: str, frame: pd.DataFrame, ecli: str, of: int | None, study: str,
         value: str = "") -> dict:  # fmt: skip
    count = len(frame)
    return {
        "figure": figure,
        "count": count,
        "of": of,
        "percent": _percent(count, of) if of else None,
        "value": value,
        "study": STUDY_FIGURES[study],
        "eclis": _eclis(frame, ecli),
    }


def _hours_text(hours: pd.Series) -> str:
    if hours.empty:
        return ""
    values = hours.astype(float)
    return (
        f"{values.min():.0f}-{values.max():.0f} h, mean {values.mean():.1f}, "
        f"median {values.median():.1f}"
    )


def _age_mean(frame: pd.DataFrame) -> str:
    days = frame["imposed_unconditional_days"].astype(float)
    return f"mean {days.mean():.1f} days (n={len(frame)})" if len(frame) else ""


def _judgments_citing(data: StudyData, kind: str) -> pd.DataFrame:
    refs = data.references[data.references["kind"] == kind]
    return refs.drop_duplicates("ecli")


def _court_weighed(data: StudyData, code: str) -> pd.DataFrame:
    found = data.circumstances
    return found[(found["code"] == code) & (found["raised_by"] == "court")]


def key_figures(data: StudyData) -> pd.DataFrame:
    """The study's headline figures computed from the store, beside the published ones."""
    convicted = data.convicted
    demanded = convicted[convicted["demand_ecli"].notna()]
    service = convicted[convicted["imposed_taakstraf_hours"] > 0]
    ages = convicted["victim_age_group"]
    rows = [
        _key("convicted cases", convicted, "sentence_ecli", None, "convicted"),
        _key("1 day unconditional prison + taakstraf",
             convicted[convicted["one_day_plus_taakstraf"].fillna(False)], "sentence_ecli",
             len(convicted), "one_day"),
        _key("taakstraf imposed (unconditional hours)", service, "sentence_ecli",
             len(convicted), "hours", _hours_text(service["imposed_taakstraf_hours"])),
        _key("demanded unconditional prison > 100 days",
             demanded[demanded["demanded_unconditional_days"] > 100], "demand_ecli",
             len(demanded), "demand_over_100"),
        _key("victim under 16: unconditional prison", convicted[ages == "<16"], "sentence_ecli",
             len(convicted), "under_16", _age_mean(convicted[ages == "<16"])),
        _key("victim 16/17: unconditional prison", convicted[ages == "16/17"], "sentence_ecli",
             len(convicted), "16/17", _age_mean(convicted[ages == "16/17"])),
        _key("judgments citing HR 20-02-2018 (Valkenburg)",
             _judgments_citing(data, "valkenburg_hr"), "ecli", None, "valkenburg_hr"),
        _key("judgments using 'palet van mogelijke straffen'", _judgments_citing(data, "palet"),
             "ecli", None, "palet"),
        _key("court weighed a clean record (blanco strafblad)",
             _court_weighed(data, "M_CLEAN_RECORD"), "ecli", len(data.cases), "M_CLEAN_RECORD"),
        _key("court weighed: not consciously looking for a minor",
             _court_weighed(data, "M_NOT_SEEKING_MINOR"), "ecli", len(data.cases),
             "M_NOT_SEEKING_MINOR"),
    ]  # fmt: skip
    table = pd.DataFrame(rows, columns=KEY_COLUMNS)
    table["of"] = table["of"].astype("Int64")
    return table
