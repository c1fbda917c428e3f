"""rdf:Description metadata: every field, case numbers split, relations and law references."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from parse_docs import build_document as document

from rulings.errors import ParseError
from rulings.models import LawReference, Relation
from rulings.parse import court_code, parse_ruling
from rulings.parse.metadata import split_case_numbers


@pytest.mark.parametrize(
    ("zaaknummer", "expected"),
    [
        ("16/700165-17 (P)", ("16/700165-17",)),
        ("17/880137-10 VON", ("17/880137-10",)),
        ("21-005934-19", ("21-005934-19",)),
        ("08.206498.20 en 08-263502-18 (vordering TUL)", ("08.206498.20", "08-263502-18")),
        (
            "08/050314-20 en 16/051597-20 (gevoegd) en tul 05/147977-18 (P)",
            ("08/050314-20", "16/051597-20", "05/147977-18"),
        ),
        ("13/680080-19 (zaak A) en 13/090846-16 (zaak B)", ("13/680080-19", "13/090846-16")),
        ("03/702610-15 en 03/702639-17 (ttz.gev)", ("03/702610-15", "03/702639-17")),
        (
            "12/858, 12/859, 12/860, 15/322 en 15/329",
            ("12/858", "12/859", "12/860", "15/322", "15/329"),
        ),
        ("12/00440 12/00443 12/00444 12/00445", ("12/00440", "12/00443", "12/00444", "12/00445")),
        ("2200271319 2200123419", ("2200271319", "2200123419")),
        ("55 van 2021 en 177 van 2021 (TUL)", ("55 van 2021", "177 van 2021")),
        ("2530127 VV EXPL 13-269", ("2530127 VV EXPL 13-269",)),
        ("SGR 12/5055", ("SGR 12/5055",)),
        ("Wahv 200.240.818/01", ("Wahv 200.240.818/01",)),
        ("19/05642", ("19/05642",)),
        ("13/123456-21 en 13/123456-21", ("13/123456-21",)),
        ("", ()),
    ],
)
def test_case_numbers_are_split_and_stripped_of_notes(
    zaaknummer: str, expected: tuple[str, ...]
) -> None:
    assert split_case_numbers([zaaknummer]) == expected


def test_several_zaaknummer_elements_are_all_kept() -> None:
    assert split_case_numbers(["05/123456-22", "05/654321-21 (TUL)"]) == (
        "05/123456-22",
        "05/654321-21",
    )


@pytest.mark.parametrize(
    ("ecli", "code"),
    [
        ("ECLI:NL:RBLIM:2023:4711", "RBLIM"),
        ("ECLI:NL:GHSHE:2010:BM0881", "GHSHE"),
        ("ecli:nl:hr:2018:202", "HR"),
        ("ECLI:NL:OGHACMB:2021:12", "OGHACMB"),
    ],
)
def test_court_code(ecli: str, code: str) -> None:
    assert court_code(ecli) == code


@pytest.mark.parametrize("bad", ["NL:RBLIM:2023:4711", "ECLI:NL::2023:1", "13/123456-21", ""])
def test_court_code_of_something_else_is_a_parse_error(bad: str) -> None:
    with pytest.raises(ParseError, match="not an ECLI"):
        court_code(bad)


def reference(identifier: str | None, text: str) -> str:
    attribute = f' bwb:resourceIdentifier="{identifier}"' if identifier else ""
    return f'<dcterms:references rdfs:label="Wetsverwijzing"{attribute}>{text}</dcterms:references>'


@pytest.mark.parametrize(
    ("identifier", "text", "expected"),
    [
        (
            "1.0:v:BWB:BWBR0001854&amp;artikel=248b&amp;g=2023-05-24",
            "Wetboek van Strafrecht 248b",
            LawReference(
                "Wetboek van Strafrecht 248b",
                "Sr",
                "248b",
                "1.0:v:BWB:BWBR0001854&artikel=248b&g=2023-05-24",
            ),
        ),
        (
            "1.0:v:BWB:BWBR0001903&amp;artikel=359",
            "Wetboek van Strafvordering 359",
            LawReference(
                "Wetboek van Strafvordering 359", "Sv", "359", "1.0:v:BWB:BWBR0001903&artikel=359"
            ),
        ),
        (
            "1.0:v:BWB:BWBR0001854",
            "Wetboek van Strafrecht",
            LawReference("Wetboek van Strafrecht", "Sr", None, "1.0:v:BWB:BWBR0001854"),
        ),
        (None, "Opiumwet 2", LawReference("Opiumwet 2", "Opiumwet", "2", None)),
        (
            "1.0:v:BWB:BWBR0005537&amp;artikel=8:75",
            "Algemene wet bestuursrecht 8:75",
            LawReference(
                "Algemene wet bestuursrecht 8:75",
                "Awb",
                "8:75",
                "1.0:v:BWB:BWBR0005537&artikel=8:75",
            ),
        ),
        (None, "Woningwet 7b", LawReference("Woningwet 7b", None, None, None)),
    ],
)
def test_law_references(identifier: str | None, text: str, expected: LawReference) -> None:
    ruling = parse_ruling(document(extra_metadata=reference(identifier, text)).encode(), "refs.xml")
    assert ruling.law_references == (expected,)


def test_relations_keep_type_aanleg_outcome_and_label() -> None:
    relation = (
        '<dcterms:relation ecli:resourceIdentifier="ECLI:NL:GHAMS:2023:1500" '
        'psi:aanleg="http://psi.rechtspraak.nl/latereAanleg" '
        'psi:gevolg="http://psi.rechtspraak.nl/gevolg#(Gedeeltelijke) vernietiging met verwijzen" '
        'psi:type="http://psi.rechtspraak.nl/hogerBeroep" rdfs:label="Formele relatie">'
        "Hoger beroep: ECLI:NL:GHAMS:2023:1500, (Gedeeltelijke) vernietiging met verwijzen"
        "</dcterms:relation>"
        '<dcterms:relation psi:typeRelatie="http://psi.rechtspraak.nl/conclusie" '
        'rdfs:label="Formele relatie">Conclusie: ECLI:NL:PHR:2023:77</dcterms:relation>'
    )
    ruling = parse_ruling(document(extra_metadata=relation).encode(), "rel.xml")
    assert ruling.relations == (
        Relation(
            ecli="ECLI:NL:GHAMS:2023:1500",
            type="hogerBeroep",
            aanleg="latereAanleg",
            gevolg="(Gedeeltelijke) vernietiging met verwijzen",
            label=(
                "Hoger beroep: ECLI:NL:GHAMS:2023:1500, (Gedeeltelijke) vernietiging met verwijzen"
            ),
        ),
        Relation(
            ecli="ECLI:NL:PHR:2023:77", type="conclusie", label="Conclusie: ECLI:NL:PHR:2023:77"
        ),
    )


def test_register_fields() -> None:
    extra = (
        '<dcterms:replaces rdfs:label="Vervangt">BX1234</dcterms:replaces>'
        "<dcterms:isReplacedBy>ECLI:NL:RBAMS:2022:9999</dcterms:isReplacedBy>"
        '<psi:procedure rdfs:label="Procedure">Eerste aanleg - enkelvoudig</psi:procedure>'
        '<psi:procedure rdfs:label="Procedure">Op tegenspraak</psi:procedure>'
        '<dcterms:spatial rdfs:label="Zittingsplaats">Amsterdam</dcterms:spatial>'
        '<dcterms:subject rdfs:label="Rechtsgebied">Strafrecht</dcterms:subject>'
        '<dcterms:subject rdfs:label="Rechtsgebied">Strafrecht; Strafprocesrecht</dcterms:subject>'
        '<dcterms:hasVersion rdfs:label="Vindplaatsen"><rdf:list><rdf:li>Rechtspraak.nl</rdf:li>'
        "<rdf:li>NJ 2023/45 m.nt. [naam annotator]</rdf:li></rdf:list></dcterms:hasVersion>"
    )
    ruling = parse_ruling(document(extra_metadata=extra).encode(), "reg.xml")
    assert ruling.ecli == "ECLI:NL:RBAMS:2022:1234"
    assert (ruling.court, ruling.court_code, ruling.seat) == (
        "Rechtbank Amsterdam",
        "RBAMS",
        "Amsterdam",
    )
    assert ruling.court_uri == "http://standaarden.overheid.nl/owms/terms/Rechtbank_Amsterdam"
    assert ruling.decision_date == date(2022, 2, 15)
    assert ruling.publication_date == date(2022, 3, 1)
    assert ruling.modified == datetime(2022, 3, 1, 10, 0, 0)
    assert ruling.case_numbers == ("13/123456-21",)
    assert ruling.procedures == ("Eerste aanleg - enkelvoudig", "Op tegenspraak")
    assert ruling.subjects == ("Strafrecht", "Strafrecht; Strafprocesrecht")
    assert ruling.replaces == ("BX1234",)
    assert ruling.replaced_by == "ECLI:NL:RBAMS:2022:9999"
    assert ruling.vindplaatsen == ("Rechtspraak.nl", "NJ 2023/45 m.nt. [naam annotator]")
    assert ruling.title is None
    assert ruling.sections == () and not ruling.has_body


def test_missing_creator_falls_back_to_the_court_table() -> None:
    doc = (
        '<open-rechtspraak><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:dcterms="http://purl.org/dc/terms/"><rdf:Description>'
        "<dcterms:identifier>ECLI:NL:RBMAA:2011:BP1234</dcterms:identifier>"
        "</rdf:Description></rdf:RDF></open-rechtspraak>"
    )
    ruling = parse_ruling(doc.encode(), "old.xml")
    assert ruling.court == "Rechtbank Maastricht"
    assert ruling.court_uri == "http://standaarden.overheid.nl/owms/terms/Rechtbank_Maastricht"
    assert (ruling.decision_date, ruling.modified, ruling.case_numbers) == (None, None, ())


def test_psi_resource_identifier_is_the_court_uri() -> None:
    text = document().replace(
        'resourceIdentifier="http://standaarden.overheid.nl/owms/terms/Rechtbank_Amsterdam"',
        'psi:resourceIdentifier="http://psi.rechtspraak.nl/RBAMS"',
    )
    assert parse_ruling(text.encode(), "psi.xml").court_uri == "http://psi.rechtspraak.nl/RBAMS"


@pytest.mark.parametrize(
    ("replace", "by", "problem"),
    [
        (
            "<dcterms:identifier>ECLI:NL:RBAMS:2022:1234</dcterms:identifier>",
            "",
            "no dcterms:identifier (ECLI) in the metadata",
        ),
        ("ECLI:NL:RBAMS:2022:1234", "LJN BX1234", "dcterms:identifier 'LJN BX1234' is not an ECLI"),
        (">2022-02-15<", ">15-02-2022<", "dcterms:date '15-02-2022' is not a date (YYYY-MM-DD)"),
        (">2022-03-01T10:00:00<", ">gisteren<", "dcterms:modified 'gisteren' is not a date-time"),
    ],
)
def test_damaged_metadata_is_a_parse_error(replace: str, by: str, problem: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_ruling(document().replace(replace, by).encode(), "bad.xml")
    assert str(caught.value) == f"bad.xml: {problem}"


def test_wrong_root_and_missing_metadata() -> None:
    with pytest.raises(
        ParseError, match=r"^feed\.xml: root element is <feed>, expected <open-rechtspraak>$"
    ):
        parse_ruling(
            b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "feed.xml"
        )
    with pytest.raises(ParseError, match=r"^empty\.xml: no rdf:Description metadata$"):
        parse_ruling(b"<open-rechtspraak/>", "empty.xml")
