"""The report's tables against counts made by hand from study_store.py's eight cases.

Included cases: A (1 dag + 180 uur, appeal bevestigt), B (1 dag + 240 uur), C (appeal: 1 dag +
200 uur), D (240 dagen, 120 vw), E (acquitted). Candidates add G (30 dagen vw + 60 uur, score
0.7); all adds F (excluded, 1 dag + 100 uur) and H (geldboete and hechtenis, score 0.2).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from rulings.errors import ConfigError
from rulings.report import data

A1, A2 = "ECLI:NL:RBLIM:2016:101", "ECLI:NL:GHSHE:2017:201"
B = "ECLI:NL:RBNHO:2018:300"
C1, C2, C3 = "ECLI:NL:RBROT:2019:400", "ECLI:NL:GHDHA:2020:500", "ECLI:NL:PHR:2021:990"
D = "ECLI:NL:RBGEL:2018:600"
E = "ECLI:NL:RBNHO:2019:700"
F, G, H = "ECLI:NL:RBOVE:2019:800", "ECLI:NL:RBMNE:2020:900", "ECLI:NL:RBNNE:2020:950"


@pytest.fixture
def included(store):
    return data.load(store, status="include")


def _row(table: pd.DataFrame, **keys) -> pd.Series:
    mask = pd.Series(True, index=table.index)
    for column, value in keys.items():
        mask &= table[column] == value
    assert mask.sum() == 1, keys
    return table[mask].iloc[0]


@pytest.mark.parametrize(
    ("status", "rulings", "cases", "convicted"),
    [("include", 8, 5, 4), ("candidate", 9, 6, 5), ("all", 11, 8, 7)],
)
def test_selection_sizes(store, status, rulings, cases, convicted):
    study = data.load(store, status=status)
    assert (len(study.rulings), len(study.cases), len(study.convicted)) == (
        rulings,
        cases,
        convicted,
    )


def test_a_case_joins_its_appeal_and_the_conclusion(included):
    by_case = dict(zip(included.cases["case"], included.cases["eclis"], strict=True))
    assert by_case["03/700101-15"] == [A1, A2]
    assert by_case["10/960400-18"] == [C1, C2, C3]


def test_rulings_per_year(included):
    table = data.rulings_per_year(included)
    assert dict(zip(table["year"], table["rulings"], strict=True)) == {
        "2016": 1, "2017": 1, "2018": 2, "2019": 2, "2020": 1, "2021": 1,
    }  # fmt: skip
    assert _row(table, year="2019")["eclis"] == [C1, E]


def test_rulings_per_court_most_first(included):
    table = data.rulings_per_court(included)
    first = table.iloc[0]
    assert (first["court_code"], first["court"], first["rulings"]) == (
        "RBNHO",
        "Rechtbank Noord-Holland",
        2,
    )
    assert first["eclis"] == [B, E]
    assert table["rulings"].sum() == 8


@pytest.mark.parametrize(
    ("sentence", "part", "bin", "cases", "eclis"),
    [
        ("imposed", "unconditional", "1 day", 3, [A1, B, C2]),  # the appeal's sentence for C
        ("imposed", "unconditional", "101-200", 1, [D]),  # hechtenis of 14 days does not count
        ("imposed", "unconditional", "2-30", 0, []),  # C's first instance (30 days) is replaced
        ("imposed", "suspended", "none", 3, [A1, B, C2]),
        ("imposed", "suspended", "101-200", 1, [D]),
        ("demanded", "unconditional", "31-100", 2, [A1, C2]),  # 120-60 and the AG's 100
        ("demanded", "unconditional", "101-200", 1, [B]),
        ("demanded", "unconditional", ">200", 1, [D]),
        ("demanded", "suspended", "none", 1, [C2]),
        ("demanded", "suspended", "31-100", 2, [A1, B]),
        ("demanded", "suspended", "101-200", 1, [D]),
    ],
)
def test_prison_bins(included, sentence, part, bin, cases, eclis):
    row = _row(data.prison_bins(included), sentence=sentence, part=part, bin=bin)
    assert (row["cases"], row["eclis"]) == (cases, eclis)
    assert row["percent"] == pytest.approx(100 * cases / 4, abs=0.05)


def test_prison_bins_sum_to_the_convicted_cases(included):
    table = data.prison_bins(included)
    totals = table.groupby(["sentence", "part"])["cases"].sum()
    assert set(totals) == {4}  # every convicted case here has a demand
    assert list(table[table["sentence"] == "imposed"]["bin"].unique()) == [
        "none", "1 day", "2-30", "31-100", "101-200", ">200",
    ]  # fmt: skip


def test_hechtenis_and_a_fully_suspended_term_are_no_unconditional_prison(store):
    table = data.prison_bins(data.load(store, status="all"))
    none = _row(table, sentence="imposed", part="unconditional", bin="none")
    assert none["eclis"] == [G, H]
    two_to_thirty = _row(table, sentence="imposed", part="suspended", bin="2-30")
    assert two_to_thirty["eclis"] == [G]


def test_bins_can_be_cut_differently(included):
    bins = (("1-99", 1, 99), ("100+", 100, None))
    table = data.prison_bins(included, bins)
    demanded = table[(table["sentence"] == "demanded") & (table["part"] == "unconditional")]
    assert dict(zip(demanded["bin"], demanded["cases"], strict=True)) == {
        "none": 0, "1-99": 1, "100+": 3,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("status", "counts"),
    [
        ("include", {"1 day + taakstraf": 3, "1 day, no taakstraf": 0, "other sentence": 1}),
        ("candidate", {"1 day + taakstraf": 3, "1 day, no taakstraf": 0, "other sentence": 2}),
        ("all", {"1 day + taakstraf": 4, "1 day, no taakstraf": 0, "other sentence": 3}),
    ],
)
def test_one_day_plus_community_service(store, status, counts):
    table = data.one_day_share(data.load(store, status=status))
    assert dict(zip(table["sentence"], table["cases"], strict=True)) == counts
    share = table.iloc[0]["percent"]
    assert share == round(100 * counts["1 day + taakstraf"] / sum(counts.values()), 1)


def test_one_day_share_of_the_candidates_is_the_studys_sixty_percent(store):
    table = data.one_day_share(data.load(store, status="candidate"))
    assert table.iloc[0]["percent"] == 60.0
    assert table.iloc[0]["eclis"] == [A1, B, C2]
    assert _row(table, sentence="other sentence")["eclis"] == [D, G]


def test_community_service_hours(included):
    table = data.community_service(included)
    assert dict(zip(table["bin"], table["cases"], strict=True)) == {
        "none": 1, "1-60": 0, "61-120": 0, "121-180": 1, "181-240": 2, ">240": 0,
    }  # fmt: skip
    assert _row(table, bin="181-240")["eclis"] == [B, C2]
    summary = data.community_service_summary(included).set_index("statistic")["value"]
    assert summary.to_dict() == {
        "cases": 3, "min": 180, "mean": round((180 + 240 + 200) / 3, 1), "median": 200, "max": 240,
    }  # fmt: skip


def test_sentences_by_victim_age(included):
    table = data.by_victim_age(included).set_index("victim_age")
    under = table.loc["<16"]  # C: stated 15 (not the 19 she claimed); D: bracket 12-16
    assert (under["cases"], under["unconditional_days_mean"], under["one_day_plus_taakstraf"]) == (
        2,
        (1 + 120) / 2,
        1,
    )
    assert under["eclis"] == [D, C2]
    older = table.loc["16/17"]  # A: stated 16; B: bracket 16-18; E is acquitted
    assert (older["cases"], older["unconditional_days_mean"], older["taakstraf_hours_mean"]) == (
        2,
        1.0,
        210.0,
    )
    assert older["eclis"] == [A1, B]
    assert table.loc["unknown", "cases"] == 0


def test_candidates_add_a_case_of_unknown_victim_age(store):
    table = data.by_victim_age(data.load(store, status="candidate")).set_index("victim_age")
    assert table.loc["unknown", "eclis"] == [G]
    assert table.loc["unknown", "unconditional_days_mean"] == 0.0  # fully suspended


@pytest.mark.parametrize(
    ("code", "raised_by", "cases", "rejected", "eclis"),
    [
        ("M_CLEAN_RECORD", "court", 2, 0, [A2, D]),  # A counted once, from its latest ruling
        ("M_CLEAN_RECORD", "defence", 1, 0, [B]),
        ("M_MEDIA", "defence", 1, 1, [A1]),  # raised twice in A, rejected once: one case
        ("M_NOT_SEEKING_MINOR", "court", 1, 0, [B]),
        ("M_VICTIM_SEEMED_ADULT", "defence", 1, 0, [E]),  # acquitted cases still count
        ("A_TRAFFICKING_SIGNALS", "prosecutor", 1, 0, [C1]),
        ("A_FREQUENCY", "court", 1, 0, [C2]),
        ("A_YOUNG_VICTIM", "court", 1, 0, [D]),
    ],
)
def test_circumstances_by_raiser(included, code, raised_by, cases, rejected, eclis):
    row = _row(data.circumstances_by_raiser(included), code=code, raised_by=raised_by)
    assert (row["cases"], row["rejected"], row["eclis"]) == (cases, rejected, eclis)


def test_circumstances_list_mitigating_first_and_nothing_else(included):
    table = data.circumstances_by_raiser(included)
    assert len(table) == 8
    assert list(table["polarity"].unique()) == ["mitigating", "aggravating"]
    assert _row(table, code="M_MEDIA", raised_by="defence")["meaning"].startswith("harmed by")


@pytest.mark.parametrize(
    ("year", "kind", "rulings", "eclis"),
    [
        ("2017", "palet", 1, [A2]),
        ("2018", "valkenburg_hr", 1, [B]),
        ("2018", "art22b", 1, [B]),
        ("2018", "any", 1, [B]),  # three kinds, one judgment
        ("2019", "valkenburg_case", 1, [C1]),  # the other ECLI it cites is no Valkenburg one
        ("2019", "valkenburg_hr", 0, []),
        ("2020", "valkenburg_hr", 1, [C2]),
        ("2016", "any", 0, []),  # a year without references keeps its row
    ],
)
def test_valkenburg_references_by_year(included, year, kind, rulings, eclis):
    row = _row(data.valkenburg_by_year(included), year=year, kind=kind)
    assert (row["rulings"], row["eclis"]) == (rulings, eclis)


def test_key_figures(included):
    table = data.key_figures(included).set_index("figure")
    assert table.loc[
        "1 day unconditional prison + taakstraf", ["count", "of", "percent"]
    ].tolist() == [3, 4, 75.0]
    assert table.loc["demanded unconditional prison > 100 days", "eclis"] == [B, D]
    assert table.loc["judgments citing HR 20-02-2018 (Valkenburg)", "count"] == 2
    assert table.loc["judgments using 'palet van mogelijke straffen'", "eclis"] == [A2, B]
    assert table.loc["court weighed a clean record (blanco strafblad)", "count"] == 2
    assert table.loc["taakstraf imposed (unconditional hours)", "value"] == (
        "180-240 h, mean 206.7, median 200.0"
    )
    assert table.loc["victim under 16: unconditional prison", "value"] == "mean 60.5 days (n=2)"
    assert all(table["study"].str.len() > 0)


def test_every_row_carries_as_many_eclis_as_it_counts(store):
    study = data.load(store, status="all")
    counted = [
        (data.rulings_per_year, "rulings"),
        (data.rulings_per_court, "rulings"),
        (data.prison_bins, "cases"),
        (data.community_service, "cases"),
        (data.one_day_share, "cases"),
        (data.by_victim_age, "cases"),
        (data.circumstances_by_raiser, "cases"),
        (data.valkenburg_by_year, "rulings"),
        (data.key_figures, "count"),
    ]
    known = set(study.rulings["ecli"])
    for make, column in counted:
        table = make(study)
        for _, row in table.iterrows():
            assert len(row["eclis"]) == row[column], (make.__name__, row.to_dict())
            assert set(row["eclis"]) <= known


def test_a_period_keeps_the_first_instance_when_the_appeal_falls_outside(store):
    study = data.load(store, date(2018, 1, 1), date(2019, 12, 31), status="include")
    assert set(study.rulings["ecli"]) == {B, D, C1, E}  # C still selected by its appeal's label
    row = _row(data.prison_bins(study), sentence="imposed", part="unconditional", bin="2-30")
    assert row["eclis"] == [C1]  # 90 days, 60 suspended
    assert data.one_day_share(study).iloc[0]["eclis"] == [B]


def test_an_unknown_status_or_an_empty_period_is_refused(store):
    with pytest.raises(ConfigError, match="unknown status 'convicted'"):
        data.load(store, status="convicted")
    with pytest.raises(ConfigError, match="lies after"):
        data.load(store, date(2020, 1, 1), date(2019, 1, 1))


def test_an_empty_selection_gives_empty_tables(store):
    study = data.load(store, date(2030, 1, 1), None, status="all")
    assert study.cases.empty and study.rulings.empty
    assert data.one_day_share(study)["cases"].sum() == 0
    assert data.circumstances_by_raiser(study).empty
    assert data.valkenburg_by_year(study).empty
    assert data.key_figures(study)["count"].sum() == 0


@pytest.mark.parametrize("bins", [data.STUDY_BINS, data.HOUR_BINS], ids=["prison", "hours"])
def test_bins_from_patterns_cover_every_value_once(bins):
    """patterns/study.toml's bins: ordered, touching, the last without an upper bound."""
    assert bins[-1][2] is None and all(high is not None for _, _, high in bins[:-1])
    assert [low for _, low, _ in bins[1:]] == [high + 1 for _, _, high in bins[:-1]]
    assert [data.bin_label(value, bins) for _, value, _ in bins] == [label for label, _, _ in bins]


def test_every_key_figure_has_its_published_figure(included):
    """Each key figure names a published figure of patterns/study.toml (a missing one fails)."""
    table = data.key_figures(included)
    assert set(table["study"]) <= set(data.STUDY_FIGURES.values())
    assert len(table) == len(data.STUDY_FIGURES)
