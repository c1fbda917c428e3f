"""The extract step end to end: a Ruling built by hand -> Findings, and `rulings analyze` input.

The ruling below is composed in the shape of a first-instance 248b judgment (legal-domain.md
§4.1-4.4); names are pseudonymised in brackets as rechtspraak.nl does.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rulings.errors import ConfigError, ParseError
from rulings.extract import analyze_path, extract_ruling, findings_to_analyze_json, victim_age
from rulings.models import LawReference, Regime, Role, Ruling, Section, Subject

FIXTURES = Path(__file__).parent / "fixtures" / "xml"
R248B = "ontucht met zestien- of zeventienjarige die zich tegen betaling beschikbaar stelt"


def ruling(*sections: tuple[Role, str], decided: date = date(2019, 5, 2), **meta) -> Ruling:
    return Ruling(
        ecli=meta.pop("ecli", "ECLI:NL:RBOBR:2019:1234"),
        decision_date=decided,
        inhoudsindicatie=meta.pop("summary", ""),
        sections=tuple(
            Section(index=i, heading="", number=None, role=role, text=text)
            for i, (role, text) in enumerate(sections)
        ),
        **meta,
    )


CLIENT_CASE = ruling(
    (
        Role.TENLASTELEGGING,
        "Aan verdachte is ten laste gelegd dat hij op of omstreeks 14 april "
        "2018 te Eindhoven ontucht heeft gepleegd met [slachtoffer], geboren op 2 augustus 2001, "
        "die zich beschikbaar stelde tot het verrichten van seksuele handelingen met een derde "
        "tegen betaling en die de leeftijd van zestien jaren maar nog niet de leeftijd van "
        "achttien jaren had bereikt.",
    ),
    (
        Role.VORDERING,
        "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot "
        "een gevangenisstraf voor de duur van 3 maanden. De officier van justitie heeft in "
        "aanmerking genomen dat verdachte niet eerder is veroordeeld.",
    ),
    (
        Role.VERDEDIGING,
        "De raadsman heeft aangevoerd dat verdachte niet wist dat [slachtoffer] "
        "minderjarig was, en heeft gewezen op het blanco strafblad van verdachte.",
    ),
    (
        Role.BEWIJS,
        "De rechtbank verwerpt het verweer. Verdachte heeft zich onvoldoende vergewist "
        "van de leeftijd van [slachtoffer].",
    ),
    (
        Role.STRAFMOTIVERING,
        "Verdachte heeft via Sexmarkt contact gezocht met [slachtoffer] en "
        "haar in een hotel € 150,- betaald voor seks. De rechtbank sluit aan bij HR 20 februari "
        "2018, ECLI:NL:HR:2018:202, en houdt rekening met het blanco strafblad van verdachte.",
    ),
    (
        Role.WETTELIJKE_VOORSCHRIFTEN,
        "De beslissing is gegrond op de artikelen 22c, 22d en 248b van het Wetboek van Strafrecht.",
    ),
    (
        Role.BESLISSING,
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) dag;"
        "\nveroordeelt verdachte tot een taakstraf van 180 (honderdtachtig) uren.",
    ),
    summary="Betaalde seks met een 16-jarige (art. 248b Sr).",
    law_references=(
        LawReference("Wetboek van Strafrecht 248b", "Sr", "248b"),
        LawReference("Wetboek van Strafrecht 22b", "Sr", "22b"),
    ),
)


@pytest.fixture(scope="module")
def findings(nlp):
    return extract_ruling(nlp, CLIENT_CASE)


def test_articles_get_role_regime_and_offence(findings) -> None:
    found = [(a.article, a.role, a.regime, a.offence) for a in findings.articles]
    assert found == [
        ("248b", "reasoning", Regime.OLD, R248B),
        ("22c", "applied", Regime.OLD, None),
        ("22d", "applied", Regime.OLD, None),
        ("248b", "applied", Regime.OLD, R248B),
        ("22b", "metadata", Regime.OLD, None),  # in the metadata only
    ]
    assert findings.articles[-1].evidence is None
    assert findings.articles[0].evidence.section_index == -1


def test_sanctions_come_from_the_sanction_component(findings) -> None:
    imposed = [(s.kind, s.days, s.hours) for s in findings.sanctions if s.actor == "imposed"]
    assert imposed == [("gevangenisstraf", 1, None), ("taakstraf", None, 180)]
    assert findings.acquittal is False


def test_birth_date_against_the_date_of_the_act(findings) -> None:
    born = [a for a in findings.ages if a.kind == "birthdate"]
    assert [(a.value, a.subject) for a in born] == [(16, Subject.VICTIM)]
    assert born[0].evidence.text == "geboren op 2 augustus 2001"
    assert victim_age(findings) == 16


def test_circumstances_with_their_raisers(findings) -> None:
    found = [(c.code, c.raised_by.value, c.rejected) for c in findings.circumstances]
    assert found == [
        ("M_CLEAN_RECORD", "prosecutor", False),
        # the plea in the verdediging, rejected in the next section
        ("M_DID_NOT_KNOW_MINOR", "defence", True),
        # ... while the court weighs the clean record too: that plea was followed
        ("M_CLEAN_RECORD", "defence", False),
        ("M_CLEAN_RECORD", "court", False),
        # what rejecting "he could not know she was a minor" holds
        ("A_MINORITY_SIGNALS", "court", False),
    ]
    implied = findings.circumstances[-1]
    assert implied.evidence == findings.circumstances[1].evidence  # the rejected plea


def test_a_rejected_plea_implies_the_court_holds_the_opposite_only_once(nlp) -> None:
    case = ruling(
        (
            Role.VERDEDIGING,
            "De raadsman heeft aangevoerd dat verdachte niet wist dat [slachtoffer] minderjarig "
            "was, omdat zij er volwassen uitzag.",
        ),
        (
            Role.STRAFMOTIVERING,
            "De rechtbank verwerpt dat verweer. Verdachte heeft de signalen dat hij met een "
            "minderjarige te maken had genegeerd.",
        ),
    )
    signals = [
        c
        for c in extract_ruling(nlp, case).circumstances
        if (c.code, c.raised_by.value) == ("A_MINORITY_SIGNALS", "court")
    ]
    assert len(signals) == 1
    assert signals[0].evidence.role is Role.STRAFMOTIVERING  # the court's own words, not implied


def test_payment_references_and_contacts(findings) -> None:
    assert [(p.kind, p.euros) for p in findings.payment if p.kind == "money"] == [("money", 150.0)]
    assert ("valkenburg_hr", "ECLI:NL:HR:2018:202") in [
        (r.kind, r.value) for r in findings.references
    ]
    assert [(c.kind, c.value) for c in findings.contacts] == [
        ("platform", "Sexmarkt"),
        ("place", "hotel"),
    ]


def test_analyze_json_has_exactly_the_documented_keys(findings) -> None:
    data = findings_to_analyze_json(findings)
    assert list(data) == [
        "ecli", "articles", "sanctions", "acquittal", "ages", "payment", "circumstances",
        "references", "contacts",
    ]  # fmt: skip
    sanction = data["sanctions"][0]
    for key in ("kind", "actor", "amount", "unit", "days", "hours", "euros", "suspended_days",
                "suspended_hours", "suspended_euros", "probation_days", "text", "start", "end",
                "section", "role", "sentence"):  # fmt: skip
        assert key in sanction
    section = CLIENT_CASE.sections[sanction["section"]].text
    assert section[sanction["start"] : sanction["end"]] == sanction["text"]
    article = data["articles"][1]
    assert article["role"] == "applied" and article["section_role"] == "wettelijke_voorschriften"


@pytest.mark.parametrize(
    ("act", "decided", "regime", "offence"),
    [
        # acts before 1 July 2024, ruling after it: still the old law (art. 1 Sr)
        (
            "op 3 maart 2023",
            date(2025, 2, 1),
            Regime.OLD,
            "seksueel binnendringen bij kind van twaalf tot zestien jaren",
        ),
        # acts after it: the Wsm meaning of the same number
        (
            "op 3 maart 2025",
            date(2025, 9, 1),
            Regime.WSM_2024,
            "aanranding in de "
            "leeftijdscategorie van zestien tot achttien jaren onder omstandigheden",
        ),
        # a period that straddles the date cannot be given one version
        (
            "in de periode van 1 mei 2024 tot en met 1 september 2024",
            date(2025, 2, 1),
            Regime.UNKNOWN,
            None,
        ),
    ],
)
def test_regime_from_the_date_of_the_act(nlp, act, decided, regime, offence) -> None:
    case = ruling(
        (Role.TENLASTELEGGING, f"dat hij {act} te Breda handelingen heeft gepleegd met [naam]."),
        (Role.WETTELIJKE_VOORSCHRIFTEN, "De beslissing is gegrond op artikel 245 Sr."),
        decided=decided,
    )
    (ref,) = extract_ruling(nlp, case).articles
    assert (ref.regime, ref.offence) == (regime, offence)


def test_victim_age_falls_back_to_the_bracket(nlp) -> None:
    # an appeal that confirms the judgment states no age but the qualification's bracket
    case = ruling(
        (
            Role.OTHER,
            "De rechtbank heeft verdachte ter zake van ontucht plegen met iemand die "
            "de leeftijd van zestien jaren maar nog niet de leeftijd van achttien jaren heeft "
            "bereikt veroordeeld. Verdachte zei dat zij 19 jaar was.",
        ),
    )
    assert victim_age(extract_ruling(nlp, case)) == 16


def test_decision_date_is_the_last_resort(nlp) -> None:
    case = ruling((Role.OTHER, "Het hof verwijst naar artikel 250 Sr."), decided=date(2021, 1, 5))
    (ref,) = extract_ruling(nlp, case).articles
    assert (ref.regime, ref.offence) == (Regime.OLD, "koppelarij")


def test_analyze_plain_text_with_a_role(nlp, tmp_path) -> None:
    path = tmp_path / "vordering.txt"
    path.write_text(
        "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een "
        "taakstraf van 120 uren.\r\nVerdachte heeft een blanco strafblad.\r\n",
        encoding="utf-8",
    )
    findings = analyze_path(path, Role.VORDERING, nlp=nlp)
    assert findings.ecli is None
    assert [(s.kind, s.actor, s.hours) for s in findings.sanctions] == [
        ("taakstraf", "demanded", 120)
    ]
    assert [(c.code, c.raised_by.value) for c in findings.circumstances] == [
        ("M_CLEAN_RECORD", "prosecutor")
    ]


def test_analyze_an_xml_document(nlp) -> None:
    findings = analyze_path(FIXTURES / "rb_248b_first_instance.xml", nlp=nlp)
    assert findings.ecli == "ECLI:NL:RBMNE:2023:5120"
    assert "248b" in {a.article for a in findings.articles if a.role == "applied"}
    assert victim_age(findings) == 16


def test_analyze_refuses_what_it_cannot_read(nlp, tmp_path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        analyze_path(tmp_path / "missing.txt", nlp=nlp)
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\xff\xfe\x00verdachte")
    with pytest.raises(ParseError, match="not UTF-8"):
        analyze_path(binary, nlp=nlp)


def test_a_ruling_without_body_has_only_metadata_articles(nlp) -> None:
    case = Ruling(
        ecli="ECLI:NL:RBNHO:2019:9876",
        decision_date=date(2019, 3, 1),
        law_references=(LawReference("Wetboek van Strafrecht 248b"),),
    )
    findings = extract_ruling(nlp, case)
    assert [(a.article, a.law, a.role, a.regime) for a in findings.articles] == [
        ("248b", "Sr", "metadata", Regime.OLD)
    ]
    assert findings.sanctions == () and findings.ages == ()


BIRTH_DATE_AGES = [
    # a charge period before her birthday
    (
        "hij op of omstreeks 14 juli 2019 te Breda ontucht heeft gepleegd met [slachtoffer], "
        "geboren op 2 augustus 2003, die toen de leeftijd van zestien jaren nog niet had bereikt",
        [15],
    ),
    # a charge period over her birthday: she was 14 and then 15
    (
        "hij in de periode van 1 januari 2018 tot en met 30 april 2018 te Tilburg ontucht heeft "
        "gepleegd met [slachtoffer] (geboren op 12 maart 2003)",
        [14, 15],
    ),
    # a month as the date of the act, her birthday in it: both ages
    (
        "hij in of omstreeks de maand mei 2019 te Breda ontucht heeft gepleegd met [slachtoffer], "
        "geboren op 18 mei 2003",
        [15, 16],
    ),
    # no date of the act: the other date of the birth date's own sentence
    (
        "dat verdachte met [slachtoffer], geboren op 9 februari 2002, op 14 december 2018 "
        "heeft afgesproken",
        [16],
    ),
    # two meetings, one before and one after her sixteenth birthday
    (
        "hij op of omstreeks 10 mei 2019 en op of omstreeks 20 juni 2019 te Venlo ontucht heeft "
        "gepleegd met [slachtoffer], geboren op 1 juni 2003",
        [15, 16],
    ),
    # two victims, each charged with her own date: each birth date against its own date only
    (
        "1. hij op of omstreeks 5 maart 2016 te Breda ontucht heeft gepleegd met [slachtoffer 1], "
        "geboren op 20 januari 2001; 2. hij op of omstreeks 14 november 2018 te Breda ontucht "
        "heeft gepleegd met [slachtoffer 2], geboren op 9 september 2002",
        [15, 16],
    ),
    # a later charged period does not take her past the bracket her own charge states
    (
        "hij op of omstreeks 3 april 2019 te Breda ontucht heeft gepleegd met [slachtoffer] "
        "(geboren op 1 februari 2002), die de leeftijd van zestien jaren maar nog niet die van "
        "achttien jaren had bereikt; 2. hij in de periode van 3 april 2019 tot en met 1 juni 2020 "
        "een afbeelding van [slachtoffer] in bezit heeft gehad",
        [17],
    ),
    # a pseudonymised birth date leaves only the year: no age
    (
        "hij op of omstreeks 14 juli 2019 te Breda ontucht heeft gepleegd met [slachtoffer], "
        "geboren [geboortedatum] 2003",
        [],
    ),
    # a birth year alone is no age either
    (
        "hij op of omstreeks 14 juli 2019 te Breda ontucht heeft gepleegd met [slachtoffer], "
        "geboren in 2003",
        [],
    ),
]


@pytest.mark.parametrize(
    ("charge", "expected"), BIRTH_DATE_AGES, ids=[c[0][:40] for c in BIRTH_DATE_AGES]
)
def test_ages_from_a_full_birth_date(nlp, charge, expected) -> None:
    case = ruling((Role.TENLASTELEGGING, f"Aan verdachte is ten laste gelegd dat {charge}."))
    found = extract_ruling(nlp, case).ages
    born = sorted(a.value for a in found if a.kind == "birthdate")
    assert born == expected
    assert all(a.subject is Subject.VICTIM for a in found if a.kind == "birthdate")


def test_birth_date_and_date_of_the_act_in_one_evidence_section(nlp) -> None:
    # a section on its own (rulings analyze --role bewijs) sets its birth date against its dates
    case = ruling(
        (
            Role.BEWIJS,
            "[slachtoffer] (geboren op 12 maart 2003) heeft verklaard dat zij verdachte op of "
            "omstreeks 14 juli 2019 in Breda heeft ontmoet. Zij was toen 16 jaar oud.",
        ),
    )
    found = extract_ruling(nlp, case)
    assert sorted((a.value, a.kind) for a in found.ages) == [(16, "birthdate"), (16, "stated")]
    assert victim_age(found) == 16


EVIDENCE_DATES = [
    # no date of the act anywhere: the date of what the suspect did in the evidence
    (
        "Op 9 maart 2019 heeft verdachte in een hotel in Utrecht seks gehad met [slachtoffer], "
        "geboren op 20 juni 2002, en haar daarna € 150 gegeven.",
        [16],
    ),
    # the date of the aangifte is no date of the act
    (
        "Op 9 maart 2020 heeft [slachtoffer], geboren op 20 juni 2002, aangifte gedaan tegen "
        "verdachte.",
        [],
    ),
]


@pytest.mark.parametrize(("evidence", "expected"), EVIDENCE_DATES, ids=["act", "aangifte"])
def test_a_birth_date_against_the_suspects_acts_in_the_evidence(nlp, evidence, expected) -> None:
    found = extract_ruling(nlp, ruling((Role.BEWIJS, evidence))).ages
    assert sorted(a.value for a in found if a.kind == "birthdate") == expected


def test_the_charge_date_beats_a_date_in_the_evidence(nlp) -> None:
    case = ruling(
        (
            Role.TENLASTELEGGING,
            "dat hij op of omstreeks 1 juli 2018 te Utrecht ontucht heeft gepleegd met "
            "[slachtoffer], geboren op 20 juni 2002",
        ),
        (Role.BEWIJS, "Op 9 maart 2019 heeft verdachte [slachtoffer] opnieuw ontmoet."),
    )
    found = extract_ruling(nlp, case).ages
    assert [a.value for a in found if a.kind == "birthdate"] == [16]


def test_a_section_on_executing_an_earlier_sentence_states_no_sanction(nlp) -> None:
    earlier = (
        "Bij vonnis van de politierechter van 3 maart 2016 is verdachte veroordeeld tot een "
        "voorwaardelijke gevangenisstraf van 3 maanden met een proeftijd van 2 jaren. De officier "
        "van justitie heeft gevorderd dat die straf alsnog ten uitvoer wordt gelegd."
    )
    sections = [
        Section(index=0, heading="Vordering tot tenuitvoerlegging", number=None,
                role=Role.OTHER, text=earlier),
        Section(index=1, heading="Het vonnis waarvan beroep", number=None, role=Role.OTHER,
                text=earlier.split(". De")[0] + "."),
    ]  # fmt: skip
    found = extract_ruling(nlp, Ruling(ecli="ECLI:NL:GHSHE:2018:4321", sections=tuple(sections)))
    assert [(s.kind, s.actor.value, s.evidence.section_index) for s in found.sanctions] == [
        ("gevangenisstraf", "earlier", 1)
    ]


def test_silent_headings_come_from_the_sanction_table() -> None:
    from rulings.nlp.units import sanction_tables

    tables = sanction_tables()
    assert tables.silent("De vordering tot tenuitvoerlegging (TUL)")
    assert tables.silent("Vordering tot herroeping van de voorwaardelijke invrijheidstelling")
    assert not tables.silent("Het vonnis waarvan beroep")
    assert not tables.silent("")
