"""Flattening body markup to text: whitespace, line breaks, numbers, lists, tables, images."""

from __future__ import annotations

import pytest
from parse_docs import build_document as document

from rulings.models import Role, Section
from rulings.parse import parse_ruling
from rulings.parse.text import clean


def sections(body: str) -> tuple[Section, ...]:
    return parse_ruling(document(body).encode(), "test.xml").sections


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("  De  officier\n   van\tjustitie ", "De officier van justitie"),
        ("€\u00a0150,00", "€ 150,00"),
        ("straf\u00adoplegging", "strafoplegging"),
        ("regel een\x00regel twee\x00\x00", "regel een\nregel twee"),
        ("   ", ""),
    ],
)
def test_clean(raw: str, text: str) -> None:
    assert clean(raw) == text


def test_paragraph_text_is_normalised() -> None:
    body = (
        "<section><title><nr>5</nr>De straf</title>"
        "<paragroup>\n      <nr>5.1</nr>\n      <para>De officier van justitie\n        heeft\u00a0"
        '<emphasis role="bold">gevorderd</emphasis>:<?linebreak?>een\ttaakstraf van 80 uren.</para>'
        "</paragroup>"
        "<para>   </para><para/>"
        "<para>Twee\u00adhonderd\u200b uren</para>"
        "</section>"
    )
    (section,) = sections(body)
    assert (section.heading, section.number, section.role) == (
        "De straf",
        "5",
        Role.STRAFMOTIVERING,
    )
    assert section.text == (
        "5.1 De officier van justitie heeft gevorderd:\n"
        "een taakstraf van 80 uren.\n"
        "Tweehonderd uren"
    )


def test_lists_tables_and_images() -> None:
    body = (
        "<section><title>Beslissing</title><para>De rechtbank:</para>"
        '<itemizedlist mark="-">'
        "<listitem><para>veroordeelt verdachte tot 1 (één) dag;</para></listitem>"
        "<listitem><para>legt een taakstraf op van 180 uren.</para></listitem></itemizedlist>"
        '<orderedlist numeration="loweralpha"><listitem><para>meldplicht;</para></listitem>'
        "<listitem><para>contactverbod met [slachtoffer].</para></listitem></orderedlist>"
        '<informaltable><tgroup cols="2"><tbody><row><entry><para>Gevangenisstraf</para></entry>'
        "<entry><para>1 dag</para></entry></row></tbody></tgroup></informaltable>"
        '<para><inlinemediaobject><imageobject><imagedata fileref="abc" /></imageobject>'
        "</inlinemediaobject></para>"
        "</section>"
    )
    (section,) = sections(body)
    assert section.text.split("\n") == [
        "De rechtbank:",
        "- veroordeelt verdachte tot 1 (één) dag;",
        "- legt een taakstraf op van 180 uren.",
        "a. meldplicht;",
        "b. contactverbod met [slachtoffer].",
        "Gevangenisstraf | 1 dag",
    ]


def test_loose_text_in_the_body_is_kept() -> None:
    (section,) = sections("Verkort vonnis.<para>De rechtbank:</para>na de lijst")
    assert section.text == "Verkort vonnis.\nDe rechtbank:\nna de lijst"


def test_list_inside_a_paragraph_splits_it() -> None:
    body = (
        "<para>De rechtbank legt op:<itemizedlist><listitem><para>een taakstraf;</para></listitem>"
        "</itemizedlist>zoals hierna bepaald.</para>"
    )
    (section,) = sections(body)
    assert section.text == "De rechtbank legt op:\n- een taakstraf;\nzoals hierna bepaald."


def test_a_list_marking_stands_apart_from_the_text_it_marks() -> None:
    body = (
        "<section><title>De beslissing</title><para>De rechtbank:</para>"
        "<para><listmarking>-</listmarking><text>spreekt verdachte vrij van feit 3;</text></para>"
        "<para><potentialnr>2.</potentialnr><text>verklaart bewezen dat</text></para>"
        '<para><listmarking manualAnnotation="TEXT_BLOCK"> –</listmarking>'
        '<text manualAnnotation="TEXT_BLOCK"> legt op</text></para>'
        "</section>"
    )
    (section,) = sections(body)
    assert section.text.split("\n") == [
        "De rechtbank:",
        "- spreekt verdachte vrij van feit 3;",
        "2. verklaart bewezen dat",
        "– legt op",
    ]
