"""What the classifier reads of a ruling: word groups, signals from findings, summary-only input."""

from __future__ import annotations

from datetime import date

import pytest

from rulings.classify.features import build_input, signal_names, term_groups
from rulings.models import (
    AgeMention,
    ArticleRef,
    CaseReference,
    Evidence,
    Findings,
    LawReference,
    PaymentMention,
    Regime,
    Role,
    Ruling,
    Section,
    Subject,
)
from rulings.patterns import load_table

TERMS = load_table("classify")["terms"]
GROUPS = {g.name: g.regex for g in term_groups()}


@pytest.mark.parametrize(
    ("group", "text"),
    [(name, text) for name, entry in TERMS.items() for text in entry.get("examples", [])],
)
def test_term_group_examples_match(group, text):
    assert GROUPS[group].search(text), f"{group} should match {text!r}"


@pytest.mark.parametrize(
    ("group", "text"),
    [(name, text) for name, entry in TERMS.items() for text in entry.get("counter_examples", [])],
)
def test_term_group_counter_examples_do_not_match(group, text):
    assert not GROUPS[group].search(text), f"{group} should not match {text!r}"


def _ruling(**changes: object) -> Ruling:
    base = {
        "ecli": "ECLI:NL:RBMNE:2018:300",
        "court": "Rechtbank Midden-Nederland",
        "court_code": "RBMNE",
        "decision_date": date(2018, 1, 25),
        "inhoudsindicatie": "Ontucht met een 14-jarig meisje tegen betaling van € 50.",
        "law_references": (LawReference("Wetboek van Strafrecht 245", "Sr", "245"),),
        "sections": (
            Section(0, "De tenlastelegging", "2", Role.TENLASTELEGGING, "hij heeft ontucht..."),
            Section(1, "Bewijs", "4", Role.BEWIJS, "Verdachte gaf haar € 50 voor seks."),
            Section(2, "Benadeelde partij", "8", Role.BENADEELDE_PARTIJ, "schadevergoeding"),
        ),
    }
    return Ruling(**{**base, **changes})


def _ev(index: int, role: Role, text: str) -> Evidence:
    return Evidence(index, role, 0, len(text), text, f"... {text} ...")


def test_relevant_sections_only_and_client_article_counts_as_a_sexual_offence():
    ruling = _ruling(
        law_references=(LawReference("Wetboek van Strafrecht 248b", "Sr", "248b"),),
    )
    found = Findings(
        ecli=ruling.ecli,
        articles=(ArticleRef("248b", role="proven", evidence=_ev(0, Role.BEWEZENVERKLARING, "x")),),
    )
    item = build_input(ruling, found)
    assert "Verdachte gaf haar € 50" in item.text
    assert "schadevergoeding" not in item.text  # benadeelde partij is not a relevant section
    assert item.signals["art_sexual"] == 1.0 and item.signals["convicted_sexual"] == 1.0
    assert not any("248b" in name for name in signal_names())


def test_acquittal_and_age_brackets_are_no_signals():
    names = signal_names()
    assert "acquittal" not in names and "term_acquittal" not in names
    assert not any("16" in name for name in names)


def test_flat_body_without_headings_is_taken_whole():
    ruling = _ruling(sections=(Section(0, "", None, Role.OTHER, "Verdachte betaalde haar."),))
    assert "Verdachte betaalde haar." in build_input(ruling, None).text


@pytest.mark.parametrize(
    ("age", "minor"),
    [
        (AgeMention(14, Subject.VICTIM), True),
        (AgeMention(16, Subject.VICTIM), True),
        (AgeMention(17, Subject.VICTIM), True),
        (AgeMention(19, Subject.VICTIM), False),
        (AgeMention(15, Subject.SUSPECT), False),
        (AgeMention(12, Subject.UNKNOWN, kind="bracket", upper=16), True),
        (AgeMention(16, Subject.UNKNOWN, kind="bracket", upper=18), True),
        (AgeMention(0, Subject.VICTIM, kind="bracket", upper=16), True),
    ],
)
def test_a_minor_victim_is_one_signal_whatever_the_age(age, minor):
    ruling = _ruling(inhoudsindicatie="", law_references=())
    item = build_input(ruling, Findings(ecli=ruling.ecli, ages=(age,)))
    assert {k for k in item.signals if k.startswith("victim_")} == (
        {"victim_minor"} if minor else set()
    )


def test_payment_signal_describes_amount_and_section():
    ruling = _ruling()
    found = Findings(
        ecli=ruling.ecli,
        payment=(
            PaymentMention(
                "money", euros=1250.0, payer="[verdachte]", evidence=_ev(1, Role.BEWIJS, "€ 1.250")
            ),
        ),
    )
    item = build_input(ruling, found)
    assert item.signals["payment_money"] == 1.0
    assert item.signals["payment_in_proof"] == 1.0
    assert item.signals["payer_suspect"] == 1.0
    assert item.descriptions["payment_money"] == "payment: € 1.250 (bewijs)"
    assert item.signals["paid_minor_sexual"] == 1.0  # € 1.250, 14-jarig, article 245


@pytest.mark.parametrize(
    ("article", "regime", "signal"),
    [
        ("245", Regime.OLD, "art_sexual"),
        ("248", Regime.WSM_2024, "art_sexual"),
        ("248a", Regime.OLD, "art_enticement"),
        ("273f", Regime.UNKNOWN, "art_trafficking"),
        ("310", Regime.UNKNOWN, None),
    ],
)
def test_article_groups(article, regime, signal):
    ruling = _ruling(law_references=(), inhoudsindicatie="")
    ref = ArticleRef(
        article, role="proven", regime=regime, evidence=_ev(0, Role.KWALIFICATIE, article)
    )
    signals = build_input(ruling, Findings(ecli=ruling.ecli, articles=(ref,))).signals
    assert {k for k in signals if k.startswith("art_")} == ({signal} if signal else set())
    assert ("convicted_sexual" in signals) == (signal in {"art_sexual", "art_enticement"})


def test_summary_only_input_keeps_summary_findings_and_metadata_articles():
    ruling = _ruling()
    found = Findings(
        ecli=ruling.ecli,
        payment=(
            PaymentMention("money", euros=50.0, evidence=_ev(1, Role.BEWIJS, "€ 50")),
            PaymentMention("phrase", evidence=_ev(-1, Role.OTHER, "tegen betaling")),
        ),
        references=(
            CaseReference(
                "palet", "palet van mogelijke straffen", _ev(3, Role.STRAFMOTIVERING, "palet")
            ),
        ),
    )
    item = build_input(ruling, found, summary_only=True)
    assert item.summary_only and item.signals["summary_only"] == 1.0
    assert item.text == ruling.inhoudsindicatie
    assert "payment_money" not in item.signals  # it stood in the bewijs section
    assert item.signals["payment_phrase"] == 1.0  # it stood in the inhoudsindicatie
    assert "valkenburg" not in item.signals
    assert item.signals["art_sexual"] == 1.0  # 245 from the metadata


def test_metadata_only_ruling_is_summary_only_by_itself():
    ruling = _ruling(sections=())
    item = build_input(ruling, None)
    assert item.summary_only
    assert item.signals["term_minor"] == 1.0 and item.signals["term_payment"] == 1.0
    assert set(item.signals) <= set(signal_names())
