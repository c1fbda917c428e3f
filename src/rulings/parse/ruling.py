"""parse_ruling: one open-rechtspraak XML document in, one Ruling out.

The document is ``<open-rechtspraak>`` with rdf:RDF metadata, an optional ``inhoudsindicatie``
(summary) and an optional body, ``uitspraak`` (a judgment) or ``conclusie`` (an Advocate-General's
opinion). Most ECLIs are metadata-only; they parse to a Ruling with ``sections=()`` and are never
dropped. Anything that is not such a document raises ParseError naming the source.
"""

from __future__ import annotations

from rulings.errors import ParseError
from rulings.models import Ruling
from rulings.parse.metadata import read_metadata
from rulings.parse.sections import read_body, read_text
from rulings.parse.text import local
from rulings.parse.xmlsafe import parse_xml

ROOT = "open-rechtspraak"
_BODIES = ("uitspraak", "conclusie")


def parse_ruling(data: bytes, source: str = "") -> Ruling:
    """Parse one open-rechtspraak document into a Ruling with metadata, summary and sections.

    Args:
        data: the document's bytes as served or stored.
        source: file name or ECLI, used in error messages.

    Raises:
        UnsafeXMLError: the document declares a DOCTYPE or entities.
        ParseError: the bytes are not a readable open-rechtspraak document.
    """
    source = source or "document"
    root = parse_xml(data, source)
    name = local(root.tag)
    if name != ROOT:
        raise ParseError(source, f"root element is <{name}>, expected <{ROOT}>")
    fields = read_metadata(root, source)
    summary = ""
    info = ""
    sections: tuple = ()
    for child in root:
        child_name = local(child.tag)
        if child_name == "inhoudsindicatie":
            summary = read_text(child)
        elif child_name in _BODIES:
            fields["doc_type"] = child_name
            info, sections = read_body(child)
    return Ruling(**fields, inhoudsindicatie=summary, info=info, sections=sections)
