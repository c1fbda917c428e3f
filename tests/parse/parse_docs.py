"""Builds small open-rechtspraak documents for the parse tests.

A plain module rather than a conftest.py: other test folders import their own conftest by name,
and a second conftest module would shadow theirs.
"""

from __future__ import annotations

RDF_OPEN = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:ecli="https://e-justice.europa.eu/ecli" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:bwb="bwb-dl" xmlns:psi="http://psi.rechtspraak.nl/" '
    'xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">'
)
BODY_NS = 'xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0" xml:space="preserve"'


def build_document(
    body: str = "",
    *,
    ecli: str = "ECLI:NL:RBAMS:2022:1234",
    extra_metadata: str = "",
    body_element: str = "uitspraak",
    declaration: str = '<?xml version="1.0" encoding="utf-8"?>\n',
) -> str:
    """An open-rechtspraak document with a register record and (when given) a body."""
    register = (
        "<rdf:Description>"
        f"<dcterms:identifier>{ecli}</dcterms:identifier>"
        "<dcterms:modified>2022-03-01T10:00:00</dcterms:modified>"
        '<dcterms:issued rdfs:label="Publicatiedatum">2022-03-01</dcterms:issued>'
        '<dcterms:creator rdfs:label="Instantie" resourceIdentifier='
        '"http://standaarden.overheid.nl/owms/terms/Rechtbank_Amsterdam" '
        'scheme="overheid.RechterlijkeMacht">Rechtbank Amsterdam</dcterms:creator>'
        '<dcterms:date rdfs:label="Uitspraakdatum">2022-02-15</dcterms:date>'
        '<psi:zaaknummer rdfs:label="Zaaknr">13/123456-21</psi:zaaknummer>'
        f"{extra_metadata}"
        "</rdf:Description>"
    )
    body_xml = f"<{body_element} {BODY_NS}>{body}</{body_element}>" if body else ""
    metadata = f"{RDF_OPEN}{register}</rdf:RDF>"
    return f"{declaration}<open-rechtspraak>{metadata}{body_xml}</open-rechtspraak>"
