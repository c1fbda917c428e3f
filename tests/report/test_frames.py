"""The cases frame: one row per client with the values the study coded."""

from __future__ import annotations

from datetime import date

import pandas as pd
from study_store import age, demanded, prison, service

from rulings.models import ArticleRef, Findings
from rulings.report.frames import CASE_COLUMNS, cases_frame
from rulings.report.population import Case, StudyRuling

RB, GH = "ECLI:NL:RBOBR:2017:4411", "ECLI:NL:GHSHE:2018:2210"


def judgment(ecli: str, when: date, **found) -> StudyRuling:
    return StudyRuling(
        ecli=ecli,
        doc_type="uitspraak",
        court="",
        court_code=ecli.split(":")[2],
        decision_date=when,
        case_numbers=("01/879025-16",),
        procedures=(),
        score=0.8,
        label="include",
        findings=Findings(ecli=ecli, **found),
    )


def frame(*rulings: StudyRuling) -> pd.Series:
    table = cases_frame([Case("01/879025-16", rulings, "include")])
    assert list(table.columns) == list(CASE_COLUMNS)
    return table.iloc[0]


def test_a_sentence_beside_an_acquittal_is_flagged():
    # acquitted of 248b, convicted of 240b: a sentence, but perhaps not the study's offence
    row = frame(
        judgment(RB, date(2017, 9, 1), sanctions=(prison(30, 30), demanded(91)), acquittal=True)
    )
    assert (row["outcome"], row["partial_acquittal"], row["imposed_suspended_days"]) == (
        "sentenced",
        True,
        30,
    )


def test_a_case_row_names_the_ruling_behind_each_value():
    first = judgment(
        RB,
        date(2017, 3, 1),
        sanctions=(prison(1), service(180), demanded(122)),
        ages=(age(16),),
        articles=(ArticleRef("248b", role="proven"), ArticleRef("273f", role="charged")),
    )
    appeal = judgment(GH, date(2018, 5, 1), articles=(ArticleRef("248b", role="proven"),))
    row = frame(first, appeal)
    assert row["eclis"] == [RB, GH] and row["courts"] == ["RBOBR", "GHSHE"]
    assert (row["sentence_ecli"], row["demand_ecli"], row["victim_age_ecli"]) == (RB, RB, RB)
    assert row["articles"] == ["248b Sr"]  # proven beats charged
    assert (row["one_day_plus_taakstraf"], row["partial_acquittal"]) == (True, False)
    assert (row["year"], row["first_date"]) == (2017, date(2017, 3, 1))


def test_an_acquitted_case_has_no_sentence_values():
    row = frame(judgment(RB, date(2017, 9, 1), sanctions=(demanded(60),), acquittal=True))
    assert row["outcome"] == "acquitted"
    assert pd.isna(row["imposed_unconditional_days"]) and pd.isna(row["one_day_plus_taakstraf"])
    assert row["demanded_unconditional_days"] == 60
