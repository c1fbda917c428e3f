"""The per-case definitions: which instance's sentence stands, what counts as prison, and the
victim's age group, one realistic situation per row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from study_store import age, demanded, fine, prison, service

from rulings.models import Actor, AgeMention, Findings, Sanction, Subject
from rulings.report.data import bin_label
from rulings.report.measures import (
    demanded_sentence,
    imposed_sentence,
    sentence_of,
    victim_age,
)
from rulings.report.population import Case, StudyRuling

RB, GH, PHR = "ECLI:NL:RBZWB:2016:8748", "ECLI:NL:GHSHE:2017:1234", "ECLI:NL:PHR:2018:77"


def ruling(
    ecli: str,
    sanctions: Sequence[Sanction] = (),
    ages: Sequence[AgeMention] = (),
    *,
    acquittal: bool = False,
    doc_type: str = "uitspraak",
    when: date = date(2016, 6, 1),
) -> StudyRuling:
    return StudyRuling(
        ecli=ecli,
        doc_type=doc_type,
        court="",
        court_code=ecli.split(":")[2],
        decision_date=when,
        case_numbers=(),
        procedures=(),
        score=None,
        label=None,
        findings=Findings(
            ecli=ecli, sanctions=tuple(sanctions), ages=tuple(ages), acquittal=acquittal
        ),
    )


def case(*rulings: StudyRuling) -> Case:
    return Case(case_id="02/800123-15", rulings=rulings, status="include")


def test_an_appeal_that_confirms_leaves_the_first_instance_standing():
    found, outcome = imposed_sentence(
        case(ruling(RB, [prison(1), service(180)]), ruling(GH, when=date(2017, 3, 1)))
    )
    assert (outcome, found.ecli, found.unconditional_days, found.unconditional_hours) == (
        "sentenced",
        RB,
        1,
        180,
    )
    assert found.one_day_plus_taakstraf


def test_an_appeal_that_imposes_anew_replaces_the_first_instance():
    found, _ = imposed_sentence(
        case(ruling(RB, [prison(1), service(180)]), ruling(GH, [prison(120, 60)]))
    )
    assert (found.ecli, found.unconditional_days, found.suspended_days) == (GH, 60, 60)
    assert not found.one_day_plus_taakstraf


def test_an_acquittal_on_appeal_ends_the_case_without_a_sentence():
    assert imposed_sentence(
        case(ruling(RB, [prison(1), service(180)]), ruling(GH, acquittal=True))
    ) == (None, "acquitted")


def test_a_conclusion_of_the_advocaat_generaal_never_counts():
    conclusion = ruling(PHR, [prison(1)], doc_type="conclusie", when=date(2018, 9, 4))
    found, _ = imposed_sentence(case(ruling(GH, [prison(90)]), conclusion))
    assert found.ecli == GH


def test_a_case_without_any_sentence_is_unknown():
    assert imposed_sentence(case(ruling(RB, [demanded(30)]))) == (None, "unknown")


def test_the_demand_belongs_to_the_sentencing_instance_or_the_one_before():
    confirmed = case(ruling(RB, [prison(1), demanded(120, 60)]), ruling(GH))
    assert demanded_sentence(confirmed, RB).unconditional_days == 60
    anew = case(ruling(RB, [prison(1), demanded(120, 60)]), ruling(GH, [prison(45), demanded(90)]))
    assert demanded_sentence(anew, GH).unconditional_days == 90
    no_demand_on_appeal = case(ruling(RB, [prison(1), demanded(150)]), ruling(GH, [prison(45)]))
    assert demanded_sentence(no_demand_on_appeal, GH).ecli == RB


@pytest.mark.parametrize(
    ("sanctions", "kind", "days", "unconditional"),
    [
        ([prison(183, 122)], "gevangenisstraf", 183, 61),  # 6 maanden, waarvan 4 voorwaardelijk
        ([prison(240, 152, kind="jeugddetentie")], "jeugddetentie", 240, 88),
        ([prison(14, kind="hechtenis"), fine(350.0)], None, 0, 0),  # hechtenis is no prison
        ([prison(1), prison(91, 91)], "gevangenisstraf", 92, 1),  # 1 dag + 3 maanden vw
    ],
)
def test_what_counts_as_prison(sanctions, kind, days, unconditional):
    found = sentence_of(RB, Findings(ecli=RB, sanctions=tuple(sanctions)), Actor.IMPOSED)
    assert (found.prison_kind, found.prison_days, found.unconditional_days) == (
        kind,
        days,
        unconditional,
    )


def test_measures_alone_are_no_sentence():
    contact_ban = Sanction(kind="contactverbod", actor=Actor.IMPOSED, days=1826)
    assert sentence_of(RB, Findings(ecli=RB, sanctions=(contact_ban,)), Actor.IMPOSED) is None


def test_suspended_community_service_is_not_counted_as_hours():
    partly = Sanction(kind="taakstraf", actor=Actor.IMPOSED, hours=240, suspended_hours=60)
    found = sentence_of(RB, Findings(ecli=RB, sanctions=(prison(1), partly)), Actor.IMPOSED)
    assert (found.unconditional_hours, found.one_day_plus_taakstraf) == (180, True)


@pytest.mark.parametrize(
    ("ages", "group", "youngest"),
    [
        ([age(15)], "<16", 15),
        ([age(17), age(15)], "<16", 15),  # two victims: the youngest decides
        ([age(16), age(19)], "16/17", 16),  # 19 is the age she claimed
        ([age(16, "bracket", 18)], "16/17", None),
        ([age(12, "bracket", 16)], "<16", None),
        ([age(16, "bracket", 18), age(12, "bracket", 16)], "<16", None),
        ([age(17), age(12, "bracket", 16)], "16/17", 17),  # a stated age beats the bracket
        ([age(0, "bracket", 18)], "unknown", None),  # "nog niet achttien": which side of 16?
        ([age(19)], "18+", 19),
        ([age(19), age(16, "bracket", 18)], "16/17", None),
        ([AgeMention(42, Subject.SUSPECT)], "unknown", None),  # the client's own age
        ([], "unknown", None),
    ],
)
def test_victim_age_group(ages, group, youngest):
    found = victim_age(case(ruling(RB, ages=ages)))
    assert (found.group, found.age) == (group, youngest)
    assert found.ecli == (RB if group != "unknown" else None)


def test_the_victim_age_is_read_from_every_ruling_of_the_case():
    found = victim_age(case(ruling(RB), ruling(GH, ages=[age(14)])))
    assert (found.group, found.ecli) == ("<16", GH)


@pytest.mark.parametrize(
    ("days", "label"),
    [(0, "none"), (1, "1 day"), (2, "2-30"), (30, "2-30"), (31, "31-100"), (100, "31-100"),
     (101, "101-200"), (200, "101-200"), (201, ">200"), (913, ">200")],
)  # fmt: skip
def test_the_studys_day_bins(days, label):
    assert bin_label(days) == label


def test_a_number_outside_custom_bins_is_named_so():
    assert bin_label(400, (("1-365", 1, 365),)) == "outside the bins"
