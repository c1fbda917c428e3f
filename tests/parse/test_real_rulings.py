"""The parser against every real open-rechtspraak document in shared/real-rulings/xml/.

The files are read from the shared folder (never copied into the repository); the facts asserted
here were read from them by hand. Without the folder these tests are skipped.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

from rulings.models import Relation, Role, Ruling
from rulings.parse import parse_ruling
from rulings.patterns import load_table

REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "real-rulings" / "xml"
FILES = sorted(REAL.glob("*.xml")) if REAL.is_dir() else []

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} not present")


@cache
def ruling(name: str) -> Ruling:
    path = REAL / f"{name}.xml"
    return parse_ruling(path.read_bytes(), path.name)


def outline(r: Ruling) -> list[tuple[str, str]]:
    return [(s.heading, s.role.value) for s in r.sections]


def test_the_folder_holds_the_seventeen_documents() -> None:
    assert len(FILES) == 17


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_document_parses_cleanly(path: Path) -> None:
    parsed = parse_ruling(path.read_bytes(), path.name)
    assert parsed.ecli == path.stem.replace(".", ":")
    assert parsed.court and parsed.court_code == parsed.ecli.split(":")[2]
    assert parsed.decision_date is not None and parsed.modified is not None
    assert [s.index for s in parsed.sections] == list(range(len(parsed.sections)))
    for section in parsed.sections:
        assert "manualAnnotation" not in section.text
        assert (
            "\u00a0" not in section.text and "\t" not in section.text and "  " not in section.text
        )
        assert all(
            line == line.strip() and line for line in section.text.split("\n") if section.text
        )


def test_metadata_only_record_replaced_by_another_ecli() -> None:
    r = ruling("ECLI.NL.RBAMS.2007.YB0083")
    assert (r.court, r.decision_date, r.case_numbers) == (
        "Rechtbank Amsterdam",
        date(2007, 1, 16),
        ("2006.173",),
    )
    assert r.replaced_by == "ECLI:NL:TGDKG:2007:1"
    assert (r.sections, r.inhoudsindicatie, r.title, r.has_body) == ((), "", None, False)


def test_metadata_only_conclusion() -> None:
    r = ruling("ECLI.NL.PHR.2013.1528")
    assert (r.doc_type, r.court_code, r.decision_date) == ("conclusie", "PHR", date(2013, 9, 3))
    assert (r.case_numbers, r.procedures, r.subjects, r.sections) == (("11/05455",), (), (), ())


def test_conclusion_with_footnotes_and_relation_to_the_judgment() -> None:
    r = ruling("ECLI.NL.PHR.2014.1313")
    assert r.doc_type == "conclusie"
    assert r.relations == (
        Relation(
            ecli="ECLI:NL:HR:2014:2646",
            type="conclusie",
            aanleg="latereAanleg",
            gevolg="gevolgd",
            label="Arrest Hoge Raad: ECLI:NL:HR:2014:2646, Gevolgd",
        ),
    )
    last = r.sections[-1].text
    assert "[1] HR 4 mei 2004, ECLI:NL:HR:2004:AO5061, r.o. 3.7" in last
    assert last.endswith("Kluwer 2012, p. 248-250.")


def test_modern_tax_ruling_with_linebreaks_and_four_procedures() -> None:
    r = ruling("ECLI.NL.RBDHA.2013.15631")
    assert r.procedures == (
        "Bodemzaak",
        "Eerste aanleg - enkelvoudig",
        "Mondelinge uitspraak",
        "Proces-verbaal",
    )
    assert (r.seat, r.case_numbers, len(r.law_references)) == ("'s-Gravenhage", ("SGR 12/5055",), 7)
    assert r.law_references[3].identifier == "CVDR:267366_1"
    assert "[X], wonende te [Z], eiser\n(gemachtigde: [A])," in r.sections[0].text
    assert [s.heading for s in r.sections if s.role is Role.BESLISSING] == ["Beslissing"]


def test_appeal_with_relations_both_ways_and_four_case_numbers() -> None:
    r = ruling("ECLI.NL.GHAMS.2013.2283")
    assert r.case_numbers == ("12/00440", "12/00443", "12/00444", "12/00445")
    assert [(x.ecli, x.type, x.aanleg, x.gevolg) for x in r.relations] == [
        ("ECLI:NL:RBHAA:2012:BX9136", "hogerBeroep", "eerdereAanleg", "bekrachtiging/bevestiging"),
        ("ECLI:NL:HR:2014:425", "cassatie", "latereAanleg", None),
    ]
    assert len(r.sections) == 7
    assert (r.sections[-1].heading, r.sections[-1].number, r.sections[-1].role) == (
        "Beslissing",
        "7",
        Role.BESLISSING,
    )


def test_cbb_case_numbers_and_vindplaatsen() -> None:
    r = ruling("ECLI.NL.CBB.2020.1")
    assert r.case_numbers == ("12/858", "12/859", "12/860", "15/322", "15/329")
    assert r.procedures == ("Eerste aanleg - meervoudig", "Schadevergoedingsuitspraak")
    assert len(r.vindplaatsen) == 4 and r.vindplaatsen[0] == "Rechtspraak.nl"


def test_old_flat_appeal_is_cut_into_roles() -> None:
    r = ruling("ECLI.NL.GHARN.2011.BQ0376")
    assert (r.court, r.replaces, r.case_numbers) == (
        "Gerechtshof Arnhem",
        ("BQ0376",),
        ("24-002922-10",),
    )
    assert outline(r) == [
        ("", "other"),
        ("Het vonnis waarvan beroep", "other"),
        ("Gebruik van het rechtsmiddel", "other"),
        ("Het onderzoek ter terechtzitting in hoger beroep", "other"),
        ("De vordering van de advocaat-generaal", "vordering"),
        ("De beslissing op het hoger beroep", "beslissing"),
        ("Tenlastelegging", "tenlastelegging"),
        ("Bewezenverklaring", "bewezenverklaring"),
        ("Kwalificatie", "kwalificatie"),
        ("Strafbaarheid", "strafbaarheid"),
        ("Strafmotivering", "strafmotivering"),
        ("Tenuitvoerlegging 19-830165-09", "other"),
        ("Toepassing van wetsartikelen", "wettelijke_voorschriften"),
        ("De uitspraak", "beslissing"),
    ]
    assert "voorwaardelijke gevangenisstraf voor de duur van 2 weken" in r.sections[4].text
    assert (
        "veroordeelt verdachte [verdachte] tot gevangenisstraf voor de duur van twee weken;"
        in r.sections[-1].text
    )


def test_old_flat_appeal_with_economic_offence_references() -> None:
    r = ruling("ECLI.NL.GHSHE.2010.BM0881")
    assert [(x.law, x.article) for x in r.law_references] == [
        ("WED", None),
        (None, "7b"),
        (None, "8"),
    ]
    assert [x.text for x in r.law_references] == [
        "Wet op de economische delicten",
        "Woningwet 7b",
        "Woningwet 8",
    ]
    assert [role for _, role in outline(r)][-5:] == [
        "kwalificatie",
        "strafbaarheid",
        "strafmotivering",
        "wettelijke_voorschriften",
        "beslissing",
    ]
    assert ("Door het hof gebruikte bewijsmiddelen", "bewijs") in outline(r)


def test_old_flat_first_instance_with_numbered_headings() -> None:
    r = ruling("ECLI.NL.RBHAA.2007.BA1808")
    numbered = [(s.number, s.heading, s.role.value) for s in r.sections if s.number]
    assert numbered[5:10] == [
        ("6", "Motivering van sanctie en van overige beslissingen", "strafmotivering"),
        ("6.1", "De vordering van de officier van justitie", "vordering"),
        ("6.2", "Hoofdstraf", "strafmotivering"),
        ("6.3", "Vordering benadeelde partij", "benadeelde_partij"),
        ("7", "Toepasselijke wettelijke voorschriften", "wettelijke_voorschriften"),
    ]
    assert r.sections[8].text.startswith("Bij de beslissing over de straf")


def test_old_flat_first_instance_attempted_manslaughter() -> None:
    r = ruling("ECLI.NL.RBLEE.2011.BP2417")
    assert r.case_numbers == ("17/880137-10",)
    assert [(x.law, x.article) for x in r.law_references] == [("Sr", "287"), ("Sr", "45")]
    assert (r.publication_date, r.modified.date()) == (date(2011, 1, 31), date(2013, 4, 5))
    assert [role for _, role in outline(r)] == [
        "other",
        "tenlastelegging",
        "vordering",
        "bewijs",
        "bewezenverklaring",
        "kwalificatie",
        "strafbaarheid",
        "strafmotivering",
        "benadeelde_partij",
        "wettelijke_voorschriften",
        "beslissing",
    ]
    assert "- oplegging van een gevangenisstraf voor de duur van vier jaren" in r.sections[2].text


def test_old_flat_ruling_with_headings_in_capitals_and_an_appendix() -> None:
    r = ruling("ECLI.NL.RBROT.2008.BE7078")
    assert outline(r)[1:] == [
        ("ONDERZOEK OP DE TERECHTZITTING", "other"),
        ("TENLASTELEGGING", "tenlastelegging"),
        ("EIS OFFICIER VAN JUSTITIE", "vordering"),
        ("ONTVANKELIJKHEID OFFICIER VAN JUSTITIE", "other"),
        ("VRIJSPRAAK", "bewijs"),
        ("IN BESLAG GENOMEN VOORWERPEN", "other"),
        ("BESLISSING", "beslissing"),
        ("Bijlage bij vonnis van [verdachte]:", "other"),
        ("TEKST TENLASTELEGGING.", "tenlastelegging"),
    ]


@pytest.mark.parametrize(
    ("name", "sections", "decision"),
    [
        ("ECLI.NL.HR.2005.AR8225", 6, "De Hoge Raad verwerpt het beroep."),
        ("ECLI.NL.HR.2008.BD4872", 5, "De Hoge Raad verwerpt het beroep."),
        ("ECLI.NL.HR.1992.BA5424", 6, "De Hoge Raad vernietigt het bestreden arrest"),
    ],
)
def test_supreme_court_judgments(name: str, sections: int, decision: str) -> None:
    r = ruling(name)
    decisions = [s for s in r.sections if s.heading == "Beslissing"]
    assert len(r.sections) == sections
    assert len(decisions) == 1 and decisions[0].role is Role.BESLISSING
    assert decisions[0].text.startswith(decision)


def test_cassation_relations() -> None:
    assert [(x.ecli, x.type, x.aanleg) for x in ruling("ECLI.NL.HR.2005.AR8225").relations] == [
        ("ECLI:NL:PHR:2005:AR8225", "conclusie", "eerdereAanleg"),
        ("ECLI:NL:GHLEE:2003:AL8866", "cassatie", "eerdereAanleg"),
    ]


@pytest.mark.parametrize(
    ("name", "heading", "role"),
    [
        ("ECLI.NL.GHSHE.2014.1641", "De uitspraak", Role.BESLISSING),
        ("ECLI.NL.GHSHE.2015.1894", "De uitspraak", Role.BESLISSING),
        ("ECLI.NL.RBNHO.2013.14081", "De beslissing", Role.BESLISSING),
        ("ECLI.NL.RBNHO.2013.14081", "De procedure", Role.OTHER),
        ("ECLI.NL.CBB.2020.1", "Procesverloop", Role.OTHER),
    ],
)
def test_modern_sectioned_headings(name: str, heading: str, role: Role) -> None:
    assert (heading, role.value) in outline(ruling(name))


def test_interim_judgment_points_to_its_final_judgment() -> None:
    (relation,) = ruling("ECLI.NL.GHSHE.2014.1641").relations
    assert (relation.ecli, relation.type, relation.aanleg) == (
        "ECLI:NL:GHSHE:2015:1672",
        "tussenuitspraak",
        "latereAanleg",
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_court_table_agrees_with_the_documents(path: Path) -> None:
    parsed = ruling(path.stem)
    known = load_table("courts")["courts"][parsed.court_code]
    assert (known["name"], known["uri"]) == (parsed.court, parsed.court_uri)
