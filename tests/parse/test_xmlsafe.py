"""Untrusted bytes: hostile XML is refused unexpanded, damaged files get one clear sentence."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from lxml import etree
from parse_docs import build_document as document

from rulings.errors import ParseError, UnsafeXMLError
from rulings.parse import parse_ruling
from rulings.parse.xmlsafe import _parser, parse_xml

SECRET = "geheim-7f3a9c"

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<open-rechtspraak>&lol9;</open-rechtspraak>
"""


def external_entity(uri: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<!DOCTYPE open-rechtspraak [<!ENTITY xxe SYSTEM "{uri}">]>\n'
        "<open-rechtspraak><inhoudsindicatie>&xxe;</inhoudsindicatie></open-rechtspraak>"
    )


def parameter_entity(uri: str) -> str:
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE open-rechtspraak [<!ENTITY % remote SYSTEM "{uri}"> %remote;]>\n'
        "<open-rechtspraak/>"
    )


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture
def listener() -> socket.socket:
    """A local port that records whether anything tried to fetch from it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    yield server
    server.close()


def assert_nobody_called(server: socket.socket) -> None:
    with pytest.raises(TimeoutError):
        server.accept()


def test_billion_laughs_is_refused_before_expansion() -> None:
    with pytest.raises(UnsafeXMLError) as caught:
        parse_ruling(BILLION_LAUGHS.encode(), "lolz.xml")
    assert str(caught.value).startswith("lolz.xml: refused")
    assert "lollol" not in str(caught.value)


def test_external_file_entity_is_refused_and_not_read(secret_file: Path) -> None:
    data = external_entity(secret_file.as_uri()).encode()
    with pytest.raises(UnsafeXMLError) as caught:
        parse_ruling(data, "xxe.xml")
    assert SECRET not in str(caught.value)
    assert "DOCTYPE" in str(caught.value)


def test_etc_passwd_entity_is_refused() -> None:
    with pytest.raises(UnsafeXMLError):
        parse_ruling(external_entity("file:///etc/passwd").encode(), "passwd.xml")


def test_external_url_entity_is_refused_without_a_request(listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    data = external_entity(f"http://127.0.0.1:{port}/evil.dtd").encode()
    with pytest.raises(UnsafeXMLError):
        parse_ruling(data, "url.xml")
    assert_nobody_called(listener)


def test_parameter_entity_is_refused_without_a_request(listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    with pytest.raises(UnsafeXMLError):
        parse_ruling(parameter_entity(f"http://127.0.0.1:{port}/p.dtd").encode(), "param.xml")
    assert_nobody_called(listener)


def test_entity_declaration_in_utf16_is_refused_too(secret_file: Path) -> None:
    data = external_entity(secret_file.as_uri()).replace("utf-8", "utf-16").encode("utf-16")
    with pytest.raises(UnsafeXMLError):
        parse_ruling(data, "xxe16.xml")


def test_parser_itself_neither_reads_files_nor_calls_out(
    secret_file: Path, listener: socket.socket
) -> None:
    """Second line of defence: even a DOCTYPE that got past the check expands nothing."""
    port = listener.getsockname()[1]
    doc = (
        f'<!DOCTYPE r [<!ENTITY f SYSTEM "{secret_file.as_uri()}">'
        f'<!ENTITY % p SYSTEM "http://127.0.0.1:{port}/p.dtd"> %p;]><r>&f;</r>'
    )
    root = etree.fromstring(doc.encode(), _parser())
    assert SECRET not in etree.tostring(root, encoding="unicode")
    assert_nobody_called(listener)


def test_declared_utf8_holding_latin1_names_the_file() -> None:
    text = document("<para>De verdachte heeft geëist dat ...</para>")
    with pytest.raises(ParseError) as caught:
        parse_ruling(text.encode("latin-1"), "ECLI_NL_RBAMS_2022_1234.xml")
    message = str(caught.value)
    assert message.startswith("ECLI_NL_RBAMS_2022_1234.xml: not valid UTF-8 (byte 0xEB at offset")
    assert "\n" not in message


def test_utf16_with_bom_parses() -> None:
    text = document("<para>Geëiste straf: 3 maanden.</para>").replace("utf-8", "utf-16")
    ruling = parse_ruling(text.encode("utf-16"), "bom16.xml")
    assert ruling.ecli == "ECLI:NL:RBAMS:2022:1234"
    assert ruling.sections[0].text == "Geëiste straf: 3 maanden."


def test_utf8_bom_and_blank_lines_before_the_declaration_are_tolerated() -> None:
    data = b"\xef\xbb\xbf\n\n  " + document("<para>tekst</para>").encode("utf-8")
    assert parse_ruling(data, "blank.xml").sections[0].text == "tekst"


def test_declared_latin1_is_decoded_as_declared() -> None:
    text = document("<para>Geëist: één maand.</para>", declaration="")
    data = b'<?xml version="1.0" encoding="ISO-8859-1"?>\n' + text.encode("latin-1")
    assert parse_ruling(data, "latin1.xml").sections[0].text == "Geëist: één maand."


def test_unknown_encoding_is_a_parse_error() -> None:
    text = document("<para>x</para>", declaration='<?xml version="1.0" encoding="klingon-8"?>')
    with pytest.raises(ParseError, match=r"^odd\.xml: declares an unknown encoding 'klingon-8'$"):
        parse_ruling(text.encode(), "odd.xml")


def test_truncated_document_names_the_line() -> None:
    text = document("<para>De rechtbank:</para>\n<para>veroordeelt verdachte tot</para>")
    cut = text[: text.index("veroordeelt")]
    line = cut.count("\n") + 1
    with pytest.raises(ParseError) as caught:
        parse_ruling(("\n\n" + cut).encode(), "cut.xml")
    assert str(caught.value) == (
        f"cut.xml: document is truncated or not well-formed (line {line + 2})"
    )
    assert not isinstance(caught.value, UnsafeXMLError)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty document"),
        (b"  \n\t ", "empty document"),
        (
            b"ECLI:NL:RBAMS:2022:1234 niet gevonden",
            "not XML (the document does not start with '<')",
        ),
        (
            b"<!DOCTYPE html><html><body>Pagina niet gevonden</body></html>",
            "an HTML page, not an open-rechtspraak XML document",
        ),
        (
            b"<html><head><title>404</title></head></html>",
            "an HTML page, not an open-rechtspraak XML document",
        ),
        (
            b"<open-rechtspraak><rdf:RDF></open-rechtspraak>",
            "document is truncated or not well-formed (line 1)",
        ),
    ],
)
def test_unreadable_input_gets_one_sentence(data: bytes, problem: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_ruling(data, "doc.xml")
    assert str(caught.value) == f"doc.xml: {problem}"


def test_parse_xml_returns_the_root_with_processing_instructions_kept() -> None:
    root = parse_xml(b"<r><para>a<?linebreak?>b</para></r>", "pi.xml")
    assert root.find("para")[0].target == "linebreak"
