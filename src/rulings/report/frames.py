"""The selected cases as four pandas DataFrames, the ground every table of the report stands on.

- rulings: one row per selected ruling (ecli, case, court, year, review state);
- cases: one row per case (client), with the sentence imposed and demanded and the victim's age
  group as rulings.report.measures defines them, and the ECLI of the ruling behind each value;
- circumstances: one row per case, circumstance and raiser (defence, prosecutor, court), from the
  latest ruling of the case that names it; ``rejected`` when the court said it did not follow the
  plea in any ruling of the case;
- references: one row per ruling and kind of Valkenburg reference (valkenburg_hr: the Hoge Raad
  rulings of 20 February 2018; palet: "palet van mogelijke straffen"; art22b: the reasoning that
  art. 22b Sr bars community service alone; valkenburg_case: the Valkenburg case named), plus any
  other ECLI or named case the ruling cites.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from rulings.classify.candidates import articles_of
from rulings.patterns import load_table
from rulings.report.measures import (
    Sentence,
    demanded_sentence,
    imposed_sentence,
    victim_age,
)
from rulings.report.population import Case

RULING_COLUMNS = (
    "ecli",
    "case",
    "court_code",
    "court",
    "decision_date",
    "year",
    "doc_type",
    "label",
    "score",
)
CASE_COLUMNS = (
    "case", "eclis", "status", "first_date", "year", "courts", "articles", "outcome",
    "sentence_ecli", "prison_kind", "imposed_prison_days", "imposed_suspended_days",
    "imposed_unconditional_days", "imposed_taakstraf_hours", "imposed_suspended_hours",
    "imposed_fine_euros", "one_day_plus_taakstraf", "partial_acquittal", "demand_ecli",
    "demanded_prison_days", "demanded_suspended_days", "demanded_unconditional_days",
    "demanded_taakstraf_hours", "victim_age_group", "victim_age", "victim_age_ecli",
)  # fmt: skip
CIRCUMSTANCE_COLUMNS = ("case", "ecli", "code", "polarity", "meaning", "raised_by", "rejected")
REFERENCE_COLUMNS = ("ecli", "case", "year", "kind", "values")
VALKENBURG_KINDS = ("valkenburg_hr", "palet", "art22b", "valkenburg_case")


def rulings_frame(cases: list[Case]) -> pd.DataFrame:
    """One row per selected ruling."""
    rows = [
        {
            "ecli": r.ecli,
            "case": case.case_id,
            "court_code": r.court_code,
            "court": r.court,
            "decision_date": r.decision_date,
            "year": r.year,
            "doc_type": r.doc_type,
            "label": r.label,
            "score": r.score,
        }
        for case in cases
        for r in case.rulings
    ]
    frame = pd.DataFrame(rows, columns=list(RULING_COLUMNS))
    frame["year"] = frame["year"].astype("Int64")
    return frame


def _sentence_values(prefix: str, sentence: Sentence | None) -> dict[str, Any]:
    if sentence is None:
        return {
            f"{prefix}_prison_days": None,
            f"{prefix}_suspended_days": None,
            f"{prefix}_unconditional_days": None,
            f"{prefix}_taakstraf_hours": None,
        }
    return {
        f"{prefix}_prison_days": sentence.prison_days,
        f"{prefix}_suspended_days": sentence.suspended_days,
        f"{prefix}_unconditional_days": sentence.unconditional_days,
        f"{prefix}_taakstraf_hours": sentence.unconditional_hours,
    }


def _acquits(case: Case, ecli: str) -> bool:
    """Whether the sentencing ruling also acquits of a charge: the sentence may then be for
    another offence than the one the study is about (a reviewer decides)."""
    return any(r.findings.acquittal for r in case.rulings if r.ecli == ecli)


def _case_row(case: Case) -> dict[str, Any]:
    imposed, outcome = imposed_sentence(case)
    demanded = demanded_sentence(case, imposed.ecli if imposed else None)
    age = victim_age(case)
    first = case.rulings[0]
    articles = {a for r in case.rulings for a in articles_of(r.findings)}
    return {
        "case": case.case_id,
        "eclis": list(case.eclis),
        "status": case.status,
        "first_date": first.decision_date,
        "year": first.year,
        "courts": list(dict.fromkeys(r.court_code for r in case.rulings)),
        "articles": sorted(articles),
        "outcome": outcome,
        "sentence_ecli": imposed.ecli if imposed else None,
        "prison_kind": imposed.prison_kind if imposed else None,
        **_sentence_values("imposed", imposed),
        "imposed_suspended_hours": imposed.suspended_hours if imposed else None,
        "imposed_fine_euros": imposed.fine_euros if imposed else None,
        "one_day_plus_taakstraf": imposed.one_day_plus_taakstraf if imposed else None,
        "partial_acquittal": _acquits(case, imposed.ecli) if imposed else None,
        "demand_ecli": demanded.ecli if demanded else None,
        **_sentence_values("demanded", demanded),
        "victim_age_group": age.group,
        "victim_age": age.age,
        "victim_age_ecli": age.ecli,
    }


_INTEGER_COLUMNS = (
    "year", "imposed_prison_days", "imposed_suspended_days", "imposed_unconditional_days",
    "imposed_taakstraf_hours", "imposed_suspended_hours", "demanded_prison_days",
    "demanded_suspended_days", "demanded_unconditional_days", "demanded_taakstraf_hours",
    "victim_age",
)  # fmt: skip


def cases_frame(cases: list[Case]) -> pd.DataFrame:
    """One row per case: what the study coded per client."""
    frame = pd.DataFrame([_case_row(c) for c in cases], columns=list(CASE_COLUMNS))
    for column in _INTEGER_COLUMNS:
        frame[column] = frame[column].astype("Int64")
    for column in ("one_day_plus_taakstraf", "partial_acquittal"):
        frame[column] = frame[column].astype("boolean")
    frame["imposed_fine_euros"] = frame["imposed_fine_euros"].astype("Float64")
    return frame


def circumstance_meanings() -> dict[str, str]:
    """Code -> what it means, from patterns/circumstances.toml."""
    codes = load_table("circumstances").get("codes", {})
    return {code: entry.get("meaning", "") for code, entry in codes.items()}


def circumstances_frame(cases: list[Case]) -> pd.DataFrame:
    """One row per case, circumstance code and raiser."""
    meanings = circumstance_meanings()
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for case in cases:
        for ruling in case.rulings:  # date order: a later ruling's mention replaces the ECLI
            for item in ruling.findings.circumstances:
                key = (case.case_id, item.code, str(item.raised_by))
                earlier = found.get(key, {})
                found[key] = {
                    "case": case.case_id,
                    "ecli": ruling.ecli,
                    "code": item.code,
                    "polarity": str(item.polarity),
                    "meaning": meanings.get(item.code, ""),
                    "raised_by": str(item.raised_by),
                    "rejected": bool(earlier.get("rejected")) or item.rejected,
                }
    return pd.DataFrame(list(found.values()), columns=list(CIRCUMSTANCE_COLUMNS))


def _reference_kind(kind: str, value: str) -> str:
    if kind == "named_case" and "valkenburg" in value.lower():
        return "valkenburg_case"
    return kind


def references_frame(cases: list[Case]) -> pd.DataFrame:
    """One row per ruling and kind of reference, with the values cited."""
    rows = []
    for case in cases:
        for ruling in case.rulings:
            by_kind: dict[str, list[str]] = {}
            for ref in ruling.findings.references:
                values = by_kind.setdefault(_reference_kind(ref.kind, ref.value), [])
                if ref.value not in values:
                    values.append(ref.value)
            rows.extend(
                {"ecli": ruling.ecli, "case": case.case_id, "year": ruling.year, "kind": kind,
                 "values": values}
                for kind, values in by_kind.items()
            )  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(REFERENCE_COLUMNS))
    frame["year"] = frame["year"].astype("Int64")
    return frame
