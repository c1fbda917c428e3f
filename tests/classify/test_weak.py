"""Weak labels: which rulings the rules label, and that paid 245/247 cases are left to reviewers."""

from __future__ import annotations

from datetime import date

import pytest

from rulings.classify.features import build_input
from rulings.classify.weak import weak_label
from rulings.models import (
    ArticleRef,
    Evidence,
    Findings,
    LawReference,
    PaymentMention,
    Role,
    Ruling,
    Section,
)

BODY = (Section(0, "Bewezenverklaring", "4", Role.BEWEZENVERKLARING, "hij heeft ..."),)


def _ruling(summary: str, metadata: tuple[str, ...], body: bool = True) -> Ruling:
    return Ruling(
        ecli="ECLI:NL:RBZWB:2016:8748",
        court="Rechtbank Zeeland-West-Brabant",
        court_code="RBZWB",
        decision_date=date(2016, 12, 22),
        law_references=tuple(
            LawReference(f"Wetboek van Strafrecht {a}", "Sr", a) for a in metadata
        ),
        inhoudsindicatie=summary,
        sections=BODY if body else (),
    )


def _findings(articles: dict[str, str], *, paid: bool = False, acquittal: bool = False) -> Findings:
    where = Evidence(0, Role.BEWEZENVERKLARING, 0, 4, "text", "text")
    return Findings(
        ecli="ECLI:NL:RBZWB:2016:8748",
        articles=tuple(ArticleRef(a, role=r, evidence=where) for a, r in articles.items()),
        payment=(PaymentMention("money", euros=100.0, evidence=where),) if paid else (),
        acquittal=acquittal,
    )


@pytest.mark.parametrize(
    ("summary", "metadata", "articles", "paid", "expected"),
    [
        # a convicted client of a 16/17-year-old
        (
            "Ontucht met een minderjarige prostituee.",
            ("248b",),
            {"248b": "proven"},
            True,
            (1, "client_conviction"),
        ),
        (
            "Veroordeling ex artikel 248b Sr.",
            (),
            {"248b": "applied"},
            False,
            (1, "client_conviction"),
        ),
        # the pimp's judgment, also when the girl was paid by clients
        (
            "Mensenhandel met een minderjarig meisje.",
            ("273f",),
            {"273f": "proven"},
            True,
            (0, "trafficker"),
        ),
        (
            "Mensenhandel; vrijspraak van ontucht.",
            ("273f",),
            {"273f": "charged"},
            False,
            (0, "trafficker"),
        ),
        # sexual offences without payment
        (
            "Ontucht met stiefdochter van 13 jaar.",
            ("245",),
            {"245": "proven"},
            False,
            (0, "unpaid_sexual"),
        ),
        ("Verkrachting.", ("242",), {"242": "proven"}, False, (0, "unpaid_sexual")),
        # paid sex with a child under 16: left to the reviewer, never labelled by rule
        ("Ontucht met een 14-jarige tegen betaling.", ("245",), {"245": "proven"}, True, None),
        ("Seks met 15-jarig meisje.", ("247",), {"247": "proven"}, True, None),
        ("Verleiding door giften.", ("248a",), {"248a": "proven"}, True, None),
        # 248b charged but not proven: an acquitted client
        (
            "Vrijspraak ontucht met minderjarige prostituee.",
            ("248b",),
            {"248b": "charged"},
            True,
            None,
        ),
        # ordinary crime, also with money in it
        ("Diefstal van € 300 uit een kassa.", ("310",), {"310": "proven"}, True, (0, "unrelated")),
        ("Handel in cocaïne.", (), {}, False, (0, "unrelated")),
    ],
)
def test_weak_label_rules(summary, metadata, articles, paid, expected):
    ruling = _ruling(summary, metadata)
    found = _findings(articles, paid=paid)
    label = weak_label(ruling, found, build_input(ruling, found))
    assert (None if label is None else (label.label, label.rule)) == expected


@pytest.mark.parametrize(
    ("summary", "metadata", "expected"),
    [
        # metadata only: a 248b ruling cannot show its conviction, so no label
        ("Veroordeling ter zake van artikel 248b Sr.", ("248b",), None),
        # payment words in the summary of a 245 ruling: left to the reviewer
        ("Verdachte heeft een 14-jarige tegen betaling seks laten hebben.", ("245",), None),
        ("Ontucht met een 13-jarige nicht.", ("245",), (0, "unpaid_sexual")),
        ("Mensenhandel.", ("273f",), (0, "trafficker")),
        ("Oplichting via Marktplaats.", ("326",), (0, "unrelated")),
        # no article anywhere, but payment with a minor: no label
        ("Een 15-jarig meisje kreeg geld voor seks van verdachte.", (), None),
    ],
)
def test_weak_label_of_metadata_only_rulings(summary, metadata, expected):
    ruling = _ruling(summary, metadata, body=False)
    label = weak_label(ruling, None, build_input(ruling, None))
    assert (None if label is None else (label.label, label.rule)) == expected
