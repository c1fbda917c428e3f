"""What a candidate shows: offence articles (not sanction articles), flags, evidence."""

from __future__ import annotations

from datetime import date

import pytest

from rulings.classify.candidates import articles_of, flags_of, is_offence, summary_sentence
from rulings.models import ArticleRef, Evidence, Findings, Role
from rulings.store.classify_queries import ScoredRuling


@pytest.mark.parametrize(
    ("article", "law", "offence"),
    [
        ("248b", "Sr", True),
        ("245", "Sr", True),
        ("273f", "Sr", True),
        ("22b", "Sr", False),
        ("14a", "Sr", False),
        ("57", "Sr", False),
        ("45", "Sr", False),
        ("2", "Opiumwet", True),
    ],
)
def test_offence_articles(article, law, offence):
    assert is_offence(article, law) is offence


def test_articles_prefer_convictions_then_charges_then_metadata():
    where = Evidence(3, Role.BEWEZENVERKLARING, 0, 4, "245", "...")
    found = Findings(
        ecli="ECLI:NL:RBGEL:2016:7036",
        articles=(
            ArticleRef("245", role="proven", evidence=where),
            ArticleRef("248b", role="charged", evidence=where),
            ArticleRef("22b", role="applied", evidence=where),
        ),
    )
    assert articles_of(found, ("245", "248b")) == ("245 Sr",)
    charged_only = Findings(ecli=found.ecli, articles=found.articles[1:])
    assert articles_of(charged_only) == ("248b Sr",)
    assert articles_of(None, ("14a", "247")) == ("247 Sr",)


def _scored(**changes: object) -> ScoredRuling:
    base = {
        "ecli": "ECLI:NL:GHARL:2020:7056",
        "score": 0.9,
        "reasons": (),
        "summary_only": False,
        "model_version": "f1-test",
        "court": "Gerechtshof Arnhem-Leeuwarden",
        "court_code": "GHARL",
        "decision_date": date(2020, 6, 2),
        "case_numbers": ("21-001234-18",),
        "procedures": ("Hoger beroep",),
        "related": (),
        "inhoudsindicatie": "",
        "label": None,
        "note": "",
    }
    return ScoredRuling(**{**base, **changes})


@pytest.mark.parametrize(
    ("changes", "findings", "flags"),
    [
        ({}, Findings(ecli="x", acquittal=True), ("acquittal", "appeal")),
        (
            {"court_code": "RBGEL", "procedures": ("Eerste aanleg - meervoudig",)},
            Findings(ecli="x"),
            (),
        ),
        ({"court_code": "HR", "procedures": ("Cassatie",)}, Findings(ecli="x"), ("cassation",)),
        (
            {
                "court_code": "RBGEL",
                "procedures": (),
                "summary_only": True,
                "inhoudsindicatie": "Vrijspraak van 248b Sr.",
            },
            None,
            ("acquittal", "metadata-only"),
        ),
    ],
)
def test_flags(changes, findings, flags):
    assert flags_of(_scored(**changes), findings) == flags


def test_summary_sentence_prefers_the_payment():
    text = "Veroordeling voor ontucht. Hij heeft haar € 150 gegeven voor seks. Gevangenisstraf."
    assert summary_sentence(text) == "Hij heeft haar € 150 gegeven voor seks"
