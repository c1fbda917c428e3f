"""Article citations read by rulings_articles: one row per way rulings cite.

Each row is a passage, the role of the section it stands in, and the ArticleRefs expected (without
their evidence). Regimes here come only from what the passage itself says; the ruling-level
resolution (dates, decision date) is tested in tests/test_extract.py.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from rulings.models import ArticleRef, Regime, Role

OLD, NEW, UNKNOWN = Regime.OLD, Regime.WSM_2024, Regime.UNKNOWN
R248B = "ontucht met zestien- of zeventienjarige die zich tegen betaling beschikbaar stelt"
R245_OLD = "seksueel binnendringen bij kind van twaalf tot zestien jaren"
R245_NEW = "aanranding in de leeftijdscategorie van zestien tot achttien jaren onder omstandigheden"


def art(article: str, law: str = "Sr", **fields: object) -> ArticleRef:
    return ArticleRef(article=article, law=law, **fields)  # type: ignore[arg-type]


def applied(*articles: str, law: str = "Sr") -> list[ArticleRef]:
    return [art(a, law, role="applied") for a in articles]


CASES = [
    # the short form in the inhoudsindicatie
    ("Betaalde seks met een 16-jarige (art. 248b Sr).", Role.OTHER, [art("248b")]),
    # full law name
    (
        "strafbaar gesteld bij artikel 248b van het Wetboek van Strafrecht",
        Role.OTHER,
        [art("248b")],
    ),
    # "Sr." at the end of a sentence stays one token
    ("Dit is strafbaar gesteld in artikel 248b Sr.", Role.OTHER, [art("248b")]),
    # WvSr
    ("overtreding van art. 248b WvSr", Role.OTHER, [art("248b")]),
    # keyword and number written together
    ("zie art.248b Sr", Role.OTHER, [art("248b")]),
    # bare number with the law, as in a charge heading
    ("Feit 1: 248b Sr.", Role.TENLASTELEGGING, [art("248b", role="charged")]),
    # a list of one law in the wettelijke voorschriften
    (
        "De beslissing is gegrond op de artikelen 14a, 14b, 14c, 22c, 22d, 57 en 248b van het "
        "Wetboek van Strafrecht.",
        Role.WETTELIJKE_VOORSCHRIFTEN,
        applied("14a", "14b", "14c", "22c", "22d", "57", "248b"),
    ),
    # the same list in the beslissing: "gegrond op" makes it applied
    (
        "De beslissing is gegrond op de artikelen 22c en 248b van het Wetboek van Strafrecht.",
        Role.BESLISSING,
        applied("22c", "248b"),
    ),
    # the law named before the list (older verkort vonnis style)
    (
        "Wetboek van Strafrecht, artikelen: 14a, 14b, 57 en 310.",
        Role.WETTELIJKE_VOORSCHRIFTEN,
        applied("14a", "14b", "57", "310"),
    ),
    # two offence articles, one law
    (
        "de artikelen 245 en 248b van het Wetboek van Strafrecht",
        Role.OTHER,
        [art("245"), art("248b")],
    ),
    # paragraph in words between commas
    ("artikel 248b, eerste lid, Sr", Role.OTHER, [art("248b", paragraph="1")]),
    # paragraph as "lid 3"
    ("gelet op art. 22b lid 3 Sr", Role.STRAFMOTIVERING, [art("22b", paragraph="3")]),
    # Hoge Raad short style: article.paragraph
    ("art. 22b.3 Sr", Role.OTHER, [art("22b", paragraph="3")]),
    # paragraph named before the article
    (
        "het derde lid van artikel 22b van het Wetboek van Strafrecht",
        Role.OTHER,
        [art("22b", paragraph="3")],
    ),
    # paragraph and subdivision
    (
        "bijzondere voorwaarden als bedoeld in artikel 14c, tweede lid, aanhef en onder 14°, Sr",
        Role.BESLISSING,
        [art("14c", paragraph="2")],
    ),
    # attempt through art. 45
    (
        "art. 45 jo. 248b Sr",
        Role.KWALIFICATIE,
        [art("45", role="proven"), art("248b", attempt=True, role="proven")],
    ),
    # attempt in words before the citation
    ("poging tot overtreding van artikel 248b Sr", Role.OTHER, [art("248b", attempt=True)]),
    # participation through art. 47 and the word medeplegen
    (
        "medeplegen van mensenhandel, strafbaar gesteld in artikel 273f jo. artikel 47 Sr",
        Role.KWALIFICATIE,
        [
            art("273f", participation="medeplegen", role="proven", offence="mensenhandel"),
            art("47", role="proven"),
        ],
    ),
    # juncto between two articles of another law
    (
        "artikel 2 juncto artikel 10 van de Opiumwet",
        Role.OTHER,
        [art("2", "Opiumwet"), art("10", "Opiumwet")],
    ),
    # Sv, in the reasoning
    ("het verzoek op grond van artikel 359a Sv", Role.OTHER, [art("359a", "Sv")]),
    # a treaty
    (
        "de redelijke termijn van artikel 6, eerste lid, EVRM",
        Role.STRAFMOTIVERING,
        [art("6", "EVRM", paragraph="1")],
    ),
    # a law the table knows by its full name
    (
        "als bedoeld in artikel 1 van de Wet op de identificatieplicht",
        Role.BESLISSING,
        [art("1", "Wid")],
    ),
    # a range with letters
    ("de artikelen 14a tot en met 14c Sr", Role.OTHER, [art("14a"), art("14b"), art("14c")]),
    # a numeric range in one token
    ("de artikelen 55-57 Sr", Role.OTHER, [art("55"), art("56"), art("57")]),
    # explicit "(oud)": old law, the offence from the map
    (
        "artikel 245 (oud) van het Wetboek van Strafrecht",
        Role.OTHER,
        [art("245", regime=OLD, offence=R245_OLD)],
    ),
    # the long marker after the citation
    (
        "artikel 245 Sr, zoals dit artikel luidde tot 1 juli 2024",
        Role.OTHER,
        [art("245", regime=OLD, offence=R245_OLD)],
    ),
    # "(nieuw)": the Wsm meaning of the same number
    ("artikel 245 (nieuw) Sr", Role.OTHER, [art("245", regime=NEW, offence=R245_NEW)]),
    # oud-artikel
    ("oud-artikel 248b Sr", Role.OTHER, [art("248b", regime=OLD, offence=R248B)]),
    # old wording in the same sentence settles the version
    (
        "Het bewezenverklaarde levert op: ontucht plegen met iemand die zich beschikbaar stelt tot "
        "het verrichten van seksuele handelingen met een derde tegen betaling, strafbaar gesteld "
        "in artikel 248b Sr.",
        Role.KWALIFICATIE,
        [art("248b", role="proven", regime=OLD, offence=R248B)],
    ),
    # new wording in the same sentence
    (
        "Het bewezenverklaarde levert op: verkrachting in de leeftijdscategorie van twaalf tot "
        "zestien jaren, strafbaar gesteld in artikel 248 Sr.",
        Role.KWALIFICATIE,
        [
            art(
                "248",
                role="proven",
                regime=NEW,
                offence="verkrachting in de leeftijdscategorie van twaalf tot zestien jaren",
            )
        ],
    ),
    # the new-law marker as a 2026 ruling writes it
    (
        "De beslissing berust op de artikelen 14a en 245 van het Wetboek van Strafrecht, zoals "
        "deze luiden sinds de inwerkingtreding van de Wet seksuele misdrijven op 1 juli 2024.",
        Role.WETTELIJKE_VOORSCHRIFTEN,
        [
            art("14a", role="applied", regime=NEW),
            art("245", role="applied", regime=NEW, offence=R245_NEW),
        ],
    ),
    # "zoals deze sinds 1 juli 2024 luidt", verb last
    (
        "artikel 245 Sr, zoals deze sinds 1 juli 2024 luidt",
        Role.OTHER,
        [art("245", regime=NEW, offence=R245_NEW)],
    ),
    # a post-2024 citation the map does not know: offence unknown, not guessed
    ("artikel 253 (nieuw) Sr", Role.OTHER, [art("253", regime=NEW)]),
    # a number followed by a duration is not part of the list
    ("artikel 248b Sr, 3 maanden gevangenisstraf", Role.OTHER, [art("248b")]),
    # the letter written apart from the number
    ("artikel 248 b Sr", Role.OTHER, [art("248b")]),
    # a hard line break inside the citation (old flat documents)
    (
        "het vierde lid van artikel\n10 van de Opiumwet",
        Role.OTHER,
        [art("10", "Opiumwet", paragraph="4")],
    ),
    # charged: the tenlastelegging's closing reference
    ("(art. 248b Wetboek van Strafrecht)", Role.TENLASTELEGGING, [art("248b", role="charged")]),
    # a subdivision in capitals (found in the sample corpus)
    (
        "opzettelijk handelen in strijd met het in artikel 3, onder B, van de Opiumwet gegeven "
        "verbod",
        Role.KWALIFICATIE,
        [art("3", "Opiumwet", role="proven")],
    ),
    # the qualification in a section without a role, introduced by ':' on its own line
    (
        "Het bewezenverklaarde levert op:\novertreding van artikel 8, tweede lid, aanhef en "
        "onder a, van de Wegenverkeerswet 1994.",
        Role.OTHER,
        [art("8", "WVW 1994", paragraph="2", role="proven")],
    ),
    # "berust op" is applied
    (
        "De beslissing berust op de artikelen 24c en 91 van het Wetboek van Strafrecht en de "
        "artikelen 8 en 176 van de Wegenverkeerswet 1994.",
        Role.OTHER,
        [
            art("24c", role="applied"),
            art("91", role="applied"),
            art("8", "WVW 1994", role="applied"),
            art("176", "WVW 1994", role="applied"),
        ],
    ),
    # no statute: a clause of a contract
    ("artikel 5 van de huurovereenkomst", Role.OTHER, []),
    # no citation at all
    ("Het artikel in de krant over de zaak", Role.OTHER, []),
    # a Civil Code citation: book and article, one article of the BW
    ("artikel 6:162 BW", Role.BENADEELDE_PARTIJ, [art("6:162", "BW")]),
    # book and article with the law in full; without a law named, it is still the BW
    (
        "Het nadeel komt voor vergoeding in aanmerking op grond van artikel 6:106, aanhef en "
        "onder b, van het Burgerlijk Wetboek en artikel 6:95.",
        Role.BENADEELDE_PARTIJ,
        [art("6:106", "BW"), art("6:95", "BW")],
    ),
    # a letter the tokenizer splits off as a unit ("77t" as tonnes, "38m" as metres)
    (
        "De beslissing berust op de artikelen 38m, 77g, 77t en 77x van het Wetboek van Strafrecht.",
        Role.WETTELIJKE_VOORSCHRIFTEN,
        applied("38m", "77g", "77t", "77x"),
    ),
    # a sentence of a paragraph ("laatste volzin") inside the citation, law after it
    (
        "Met toepassing van artikel 359, derde lid, tweede volzin, van het Wetboek van "
        "Strafvordering worden de bewijsmiddelen opgesomd.",
        Role.BEWIJS,
        [art("359", "Sv", paragraph="3")],
    ),
    # the convention's full title with "Europees" before it
    (
        "Het recht op berechting binnen een redelijke termijn van artikel 6, eerste lid, van het "
        "Europees Verdrag tot bescherming van de rechten van de mens en de fundamentele "
        "vrijheden is geschonden.",
        Role.STRAFMOTIVERING,
        [art("6", "EVRM", paragraph="1")],
    ),
    # the Hoge Raad's own act, Wet op de rechterlijke organisatie, abbreviated and in full
    (
        "De klacht kan niet tot cassatie leiden; dit behoeft gelet op art. 80a RO en artikel 81, "
        "eerste lid, van de Wet op de rechterlijke organisatie geen motivering.",
        Role.OTHER,
        [art("80a", "RO"), art("81", "RO", paragraph="1")],
    ),
]


@pytest.mark.parametrize(("text", "role", "expected"), CASES, ids=[c[0][:45] for c in CASES])
def test_article_citations(run_section, text, role, expected) -> None:
    doc = run_section(text, role)
    assert [dataclasses.replace(a, evidence=None) for a in doc._.articles] == expected


def test_evidence_points_at_the_citation(run_section) -> None:
    text = "Verdachte wordt vervolgd voor artikel 248b, eerste lid, Sr en meer."
    doc = run_section(text, Role.OTHER)
    found = doc._.articles[0].evidence
    assert text[found.start : found.end] == found.text == "artikel 248b, eerste lid, Sr"
    assert found.sentence == text
    assert found.section_index == 3 and found.role is Role.OTHER


def test_regime_cues_are_recorded_for_the_ruling(run_section) -> None:
    doc = run_section("met een kind beneden de leeftijd van twaalf jaren", Role.KWALIFICATIE)
    assert doc._.regime_cues == {NEW}
    doc = run_section("ontuchtige handelingen plegen", Role.KWALIFICATIE, date(2020, 1, 1))
    assert doc._.regime_cues == {OLD}
