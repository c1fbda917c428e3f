"""The only place where untrusted bytes become an XML tree.

Documents come from a public web service, from archives and from files users hand us, so they are
treated as hostile: a DOCTYPE can declare entities that expand to gigabytes ("billion laughs") or
that read local files and URLs (XXE). Open-rechtspraak documents never carry a DOCTYPE, so any
document with one is refused with ``UnsafeXMLError`` before a parser sees it; the parser is
configured not to resolve entities, load DTDs or touch the network as a second line of defence.

Encoding: the bytes decide. A byte-order mark wins; otherwise the XML declaration's encoding
(default UTF-8) is used strictly. A file that claims UTF-8 but holds Latin-1 bytes is reported
as "not valid UTF-8" rather than guessed at, because a silent guess corrupts names and amounts.
Leading whitespace before the XML declaration (seen in third-party copies) is tolerated.
"""

from __future__ import annotations

import codecs
import re
import threading

from lxml import etree

from rulings.errors import ParseError, UnsafeXMLError

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_pis": False,  # <?linebreak?> is a hard line break in the text
    "remove_comments": True,
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")
_DECLARATION = re.compile(r"^<\?xml\b[^>]*\?>")
_UNSAFE = re.compile(r"<!\s*(DOCTYPE|ENTITY)\b", re.IGNORECASE)
_HTML = re.compile(r"<(!doctype\s+html|html)\b", re.IGNORECASE)
_LEADING = "\ufeff \t\r\n"

_local = threading.local()


def _parser() -> etree.XMLParser:
    """One parser per thread: lxml parsers are reusable but not thread-safe."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(**_PARSER_OPTIONS)
        _local.parser = parser
    return parser


def parse_xml(data: bytes, source: str) -> etree._Element:
    """Parse untrusted document bytes into an element tree, refusing anything unsafe.

    Raises:
        UnsafeXMLError: the document declares a DOCTYPE or entities.
        ParseError: empty, not XML, wrongly encoded, truncated or not well-formed.
    """
    text = decode(data, source)
    stripped = text.lstrip(_LEADING)
    skipped_lines = text.count("\n", 0, len(text) - len(stripped))
    if not stripped:
        raise ParseError(source, "empty document")
    if _HTML.match(stripped):
        raise ParseError(source, "an HTML page, not an open-rechtspraak XML document")
    if "<!" in stripped:
        unsafe = _UNSAFE.search(stripped)
        if unsafe:
            raise UnsafeXMLError(
                source,
                f"refused: the document declares {unsafe.group(1).upper()} "
                "(entities and DTDs are never processed)",
            )
    if not stripped.startswith("<"):
        raise ParseError(source, "not XML (the document does not start with '<')")
    # lxml refuses str input that carries an encoding declaration; the text is already decoded,
    # so the declaration goes (it sits on line 1, so line numbers stay right) and UTF-8 bytes go in.
    payload = _DECLARATION.sub("", stripped, count=1).encode("utf-8")
    try:
        return etree.fromstring(payload, _parser())
    except etree.XMLSyntaxError as err:
        line = (err.lineno or 0) + skipped_lines
        raise ParseError(source, f"document is truncated or not well-formed (line {line})") from err


def decode(data: bytes, source: str) -> str:
    """Decode document bytes by BOM, else by the declared encoding (default UTF-8), strictly."""
    if not data:
        raise ParseError(source, "empty document")
    encoding = _encoding_of(data, source)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        bad = err.object[err.start]
        name = _display_name(encoding)
        raise ParseError(
            source, f"not valid {name} (byte 0x{bad:02X} at offset {err.start})"
        ) from err
    return text[1:] if text.startswith("\ufeff") else text


def _encoding_of(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data.lstrip(b" \t\r\n")[:4]
    if head.startswith(b"<\x00") and not head.startswith(b"<\x00\x00"):
        return "utf-16-le"
    if head.startswith(b"\x00<") and not head.startswith(b"\x00\x00"):
        return "utf-16-be"
    declared = _DECLARED.match(data[:300])
    if not declared:
        return "utf-8"
    name = declared.group(1).decode("ascii")
    try:
        encoding = codecs.lookup(name).name
    except LookupError as err:
        raise ParseError(source, f"declares an unknown encoding '{name}'") from err
    # A UTF-16/32 declaration on ASCII-compatible bytes without a BOM is wrong; the bytes decide.
    return "utf-8" if encoding.startswith(("utf-16", "utf-32")) else encoding


def _display_name(encoding: str) -> str:
    return {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}.get(
        encoding, encoding.upper()
    )
