"""Body -> sections: text flattening, flat bodies, sub-headings, nested sections, footnotes."""

from __future__ import annotations

from parse_docs import build_document as document

from rulings.models import Role, Section
from rulings.parse import parse_ruling


def sections(body: str, **kwargs: str) -> tuple[Section, ...]:
    return parse_ruling(document(body, **kwargs).encode(), "test.xml").sections


def outline(found: tuple[Section, ...]) -> list[tuple[str, str | None, str]]:
    return [(s.heading, s.number, s.role.value) for s in found]


def test_footnotes_follow_the_section_that_cites_them() -> None:
    body = (
        "<section><title>Strafmotivering</title>"
        '<para>De rechtbank volgt de Hoge Raad.<footnote-ref linkend="_n1"/></para></section>'
        "<section><title>Beslissing</title><para>veroordeelt verdachte.</para></section>"
        '<footnote id="_n1" label="1">'
        "<para>HR 20 februari 2018, ECLI:NL:HR:2018:202.</para></footnote>"
        '<footnote id="_n2" label="2"><para>Niet aangehaald.</para></footnote>'
    )
    found = sections(body)
    assert (
        found[0].text
        == "De rechtbank volgt de Hoge Raad. [1]\n[1] HR 20 februari 2018, ECLI:NL:HR:2018:202."
    )
    assert found[1].text == "veroordeelt verdachte."
    assert (found[2].heading, found[2].role, found[2].text) == (
        "Voetnoten",
        Role.OTHER,
        "[2] Niet aangehaald.",
    )


def test_untitled_lead_and_trailing_content() -> None:
    body = (
        "<para>De officier van justitie heeft ter terechtzitting gevorderd dat verdachte wordt "
        "veroordeeld tot een gevangenisstraf van 4 maanden.</para>"
        "<section><title>Beslissing</title><para>De rechtbank:</para></section>"
        "<para>Dit vonnis is gewezen door mr. [naam 1].</para>"
    )
    found = sections(body)
    assert outline(found) == [("", None, "vordering"), ("Beslissing", None, "beslissing")]
    assert found[1].text == "De rechtbank:\nDit vonnis is gewezen door mr. [naam 1]."
    assert [s.index for s in found] == [0, 1]


def test_nested_sections_follow_their_parent_and_inherit() -> None:
    body = (
        "<section><title><nr>6</nr>Straf en maatregel</title><para>Inleiding.</para>"
        "<section><title><nr>6.1</nr>De eis</title>"
        "<para>De officier van justitie heeft ... geëist.</para></section>"
        "<section><title><nr>6.2</nr>Het oordeel van de rechtbank</title>"
        "<para>Passend is ...</para></section>"
        "<section><title><nr>6.3</nr>Feit 2</title><para>Ook hier ...</para></section>"
        "</section>"
    )
    assert outline(sections(body)) == [
        ("Straf en maatregel", "6", "strafmotivering"),
        ("De eis", "6.1", "vordering"),
        ("Het oordeel van de rechtbank", "6.2", "strafmotivering"),
        ("Feit 2", "6.3", "strafmotivering"),
    ]


def test_title_without_nr_element_gives_up_its_number() -> None:
    body = "<section><title>8. Beslissing</title><para>x</para></section>"
    assert outline(sections(body)) == [("Beslissing", "8", "beslissing")]


def test_sub_headings_split_a_section_when_they_change_the_role() -> None:
    body = (
        "<section><title><nr>7</nr>De straf</title>"
        "<paragroup><nr>7.1</nr>"
        "<para><emphasis>De eis van de officier van justitie</emphasis></para>"
        "<para>De officier van justitie heeft 6 maanden cel geëist.</para></paragroup>"
        "<paragroup><nr>7.2</nr><para><emphasis>Het standpunt van de verdediging</emphasis></para>"
        "<para>De raadsvrouw heeft een taakstraf bepleit.</para></paragroup>"
        "<paragroup><nr>7.3</nr><para><emphasis>Het oordeel van de rechtbank</emphasis></para>"
        "<para>De rechtbank legt een taakstraf op van 200 uren.</para></paragroup>"
        "</section>"
    )
    found = sections(body)
    assert outline(found) == [
        ("De straf", "7", "strafmotivering"),
        ("De eis van de officier van justitie", "7.1", "vordering"),
        ("Het standpunt van de verdediging", "7.2", "verdediging"),
        ("Het oordeel van de rechtbank", "7.3", "strafmotivering"),
    ]
    assert found[0].text == ""
    assert found[3].text == "De rechtbank legt een taakstraf op van 200 uren."


def test_sub_headings_with_the_same_role_do_not_split() -> None:
    body = (
        "<section><title>De strafoplegging</title>"
        "<para><emphasis>Hoofdstraf</emphasis></para><para>Een taakstraf past.</para>"
        "<para><emphasis>Het oordeel van de rechtbank</emphasis></para><para>Zie hiervoor.</para>"
        "</section>"
    )
    (section,) = sections(body)
    assert (
        section.text
        == "Hoofdstraf\nEen taakstraf past.\nHet oordeel van de rechtbank\nZie hiervoor."
    )


def test_the_decision_is_never_split() -> None:
    body = (
        "<section><title>De beslissing</title><para>De rechtbank:</para>"
        "<para><emphasis>Straf</emphasis></para><para>veroordeelt verdachte tot 1 dag;</para>"
        "<para><emphasis>Benadeelde partij</emphasis></para><para>wijst de vordering toe.</para>"
        "</section>"
    )
    (section,) = sections(body)
    assert section.role is Role.BESLISSING
    assert "veroordeelt verdachte tot 1 dag;" in section.text


def test_flat_body_is_cut_at_heading_paragraphs() -> None:
    body = (
        "<parablock><para>RECHTBANK AMSTERDAM</para><para>Sector strafrecht</para></parablock>"
        '<para><emphasis role="bold">Tenlastelegging</emphasis></para>'
        "<para>Aan verdachte is ten laste gelegd dat hij ...</para>"
        "<para>4. Vordering officier van justitie</para>"
        "<para>De officier van justitie heeft gevorderd: 120 uren taakstraf.</para>"
        "<para>Strafmotivering</para><para>De straf is passend.</para>"
        "<para>DE BESLISSING</para><para>De rechtbank:</para>"
        "<para>veroordeelt verdachte tot een taakstraf van 80 uren;</para>"
        "<para>Beslissing op de vordering tot tenuitvoerlegging</para><para>wijst af.</para>"
    )
    found = sections(body)
    assert outline(found) == [
        ("", None, "other"),
        ("Tenlastelegging", None, "tenlastelegging"),
        ("Vordering officier van justitie", "4", "vordering"),
        ("Strafmotivering", None, "strafmotivering"),
        ("DE BESLISSING", None, "beslissing"),
        ("Beslissing op de vordering tot tenuitvoerlegging", None, "other"),
    ]
    assert found[0].text == "RECHTBANK AMSTERDAM\nSector strafrecht"
    assert found[3].text == "De straf is passend."


def test_flat_heading_with_the_current_role_does_not_cut() -> None:
    body = (
        "<para>De uitspraak</para><para>HET HOF,</para>"
        "<para>RECHT DOENDE OP HET HOGER BEROEP:</para><para>vernietigt het vonnis.</para>"
    )
    (section,) = sections(body)
    assert section.text == "HET HOF,\nRECHT DOENDE OP HET HOGER BEROEP:\nvernietigt het vonnis."


def test_conclusie_body_and_info() -> None:
    body = (
        "<conclusie.info><para>PROCUREUR-GENERAAL</para>"
        "<para>Nummer 23/01234</para></conclusie.info>"
        "<paragroup><nr>1.</nr><para>Het hof heeft verdachte veroordeeld.</para></paragroup>"
    )
    ruling = parse_ruling(document(body, body_element="conclusie").encode(), "c.xml")
    assert ruling.doc_type == "conclusie"
    assert ruling.info == "PROCUREUR-GENERAAL\nNummer 23/01234"
    assert outline(ruling.sections) == [("", None, "other")]
    assert ruling.sections[0].text == "1. Het hof heeft verdachte veroordeeld."


def test_empty_body_has_no_sections() -> None:
    body = "<uitspraak.info><para>RECHTBANK AMSTERDAM</para></uitspraak.info>"
    ruling = parse_ruling(document(body).encode(), "e.xml")
    assert (ruling.info, ruling.sections) == ("RECHTBANK AMSTERDAM", ())


def test_charge_sub_heading_inside_the_evidence_stays_evidence() -> None:
    body = (
        "<section><title><nr>4.3</nr>Beoordeling van het bewijs</title>"
        "<para><emphasis>Het standpunt van de verdediging</emphasis></para>"
        "<para>De raadsman heeft vrijspraak van het primair ten laste gelegde bepleit.</para>"
        "<para><emphasis>Het subsidiair ten laste gelegde</emphasis></para>"
        "<para>Uit de verklaring van [slachtoffer] volgt dat verdachte haar € 50,00 gaf.</para>"
        "</section>"
    )
    assert outline(sections(body)) == [
        ("Beoordeling van het bewijs", "4.3", "bewijs"),
        ("Het standpunt van de verdediging", None, "verdediging"),
        ("Het subsidiair ten laste gelegde", None, "bewijs"),
    ]
