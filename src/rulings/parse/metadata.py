"""Read the rdf:Description metadata of an open-rechtspraak document.

The first rdf:Description is the ECLI register record (court, dates, case numbers, procedures,
relations); the second, with ``rdf:about``, describes the published text (its title and the date
the text went online). Namespaces are bound by URI, never by prefix. Every field the record has
is kept, because the export groups rulings by parketnummer and follows appeal relations.

Decisions worth knowing:
- ``publication_date`` is the text's dcterms:issued (second Description) when there is a text,
  else the register's. Rulings migrated from LJN to ECLI carry the migration date in the register
  (RBLEE 2011: register 2013-04-05, text 2011-01-31).
- ``case_numbers``: one psi:zaaknummer may hold several numbers joined by ", ", " en " or spaces.
  Each number is kept as written (separators untouched: "13/123456-15", "08.206498.20"), but its
  notes are removed: anything in parentheses ("(P)", "(gevoegd)", "(zaak A)") and the note words
  of patterns/rdf_metadata.toml standing on their own ("VON", "TUL"). Canonical forms are the
  export's business; stripping notes here keeps one case from looking like two.
- Law references keep their text and identifier; the short law name comes from the BWB id
  (patterns/rdf_metadata.toml) or else from the text via patterns/laws.toml, the table the text
  extractors use, so metadata and findings name a law alike. The article comes from the
  identifier's ``artikel=`` or else from the text after a known law name.
- The court name and URI come from dcterms:creator (``resourceIdentifier`` or
  ``psi:resourceIdentifier``); patterns/courts.toml fills them only when the creator is missing.
- Dates that are present but unreadable raise ParseError: silently dropping them would hide a
  damaged document.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lxml import etree

from rulings.errors import ParseError
from rulings.models import LawReference, Relation
from rulings.parse.text import clean
from rulings.patterns import load_table, patterns_dir

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DCTERMS = "{http://purl.org/dc/terms/}"
PSI = "{http://psi.rechtspraak.nl/}"
ECLI_NS = "{https://e-justice.europa.eu/ecli}"
_IDENTIFIER_ATTRS = (
    "{bwb-dl}resourceIdentifier",
    "{http://decentrale.regelgeving.overheid.nl/cvdr/}resourceIdentifier",
    ECLI_NS + "resourceIdentifier",
    "{http://publications.europa.eu/celex/}resourceIdentifier",
    "resourceIdentifier",
)

_ECLI = re.compile(r"^ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:\d{4}:[A-Z0-9.]{1,25}$")
_ECLI_IN_TEXT = re.compile(r"ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:\d{4}:[A-Z0-9.]{1,25}")
_BWB_ID = re.compile(r"BWBR\d{7}")
_ARTIKEL = re.compile(r"[&?]artikel=([^&]+)")
_ARTICLE_TEXT = re.compile(r"\d+[a-z]*(?:[.:]\d+[a-z]*)*", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^()]*\)")
_NUMBER_SEPARATORS = re.compile(r"\s*[,;&+]\s*|\s+en\s+", re.IGNORECASE)
_CASE_NUMBER = re.compile(r"\d[\d./_\-]*\d")


def court_code(ecli: str) -> str:
    """The court code of an ECLI: 'ECLI:NL:RBLIM:2023:4711' -> 'RBLIM'."""
    parts = ecli.strip().split(":")
    if len(parts) != 5 or parts[0].upper() != "ECLI" or not parts[2]:
        raise ParseError(ecli, "not an ECLI (expected ECLI:<country>:<court>:<year>:<number>)")
    return parts[2].upper()


def read_metadata(root: etree._Element, source: str) -> dict[str, Any]:
    """Ruling fields from rdf:RDF: everything except the summary and the body."""
    rdf = root.find(RDF + "RDF")
    descriptions = rdf.findall(RDF + "Description") if rdf is not None else []
    if not descriptions:
        raise ParseError(source, "no rdf:Description metadata")
    register = next((d for d in descriptions if d.get(RDF + "about") is None), descriptions[0])
    published = next((d for d in descriptions if d is not register), None)
    fields = _register(register, source)
    if published is not None:
        title = published.find(DCTERMS + "title")
        if title is not None and _text(title):
            fields["title"] = _text(title)
        issued = published.find(DCTERMS + "issued")
        if issued is not None and _text(issued):
            fields["publication_date"] = _date(_text(issued), "dcterms:issued", source)
    return fields


def _register(desc: etree._Element, source: str) -> dict[str, Any]:
    raw: dict[str, list[str]] = {}
    references: list[LawReference] = []
    relations: list[Relation] = []
    vindplaatsen: list[str] = []
    court_uri: str | None = None
    doc_type = ""
    for el in desc:
        name = el.tag
        if name == DCTERMS + "references":
            references.append(_law_reference(el))
        elif name == DCTERMS + "relation":
            relations.append(_relation(el))
        elif name == DCTERMS + "hasVersion":
            vindplaatsen.extend(t for t in (_text(li) for li in el.iter(RDF + "li")) if t)
        elif name == DCTERMS + "creator":
            court_uri = el.get("resourceIdentifier") or el.get(PSI + "resourceIdentifier")
            raw.setdefault("creator", []).append(_text(el))
        elif name == DCTERMS + "type":
            doc_type = _last_part(el.get("resourceIdentifier") or "") or _text(el)
        elif isinstance(name, str):
            raw.setdefault(name, []).append(_text(el))
    ecli = _ecli(_first(raw, DCTERMS + "identifier"), source)
    code = court_code(ecli)
    known = _courts().get(code, {})
    return {
        "ecli": ecli,
        "doc_type": "conclusie" if "conclusie" in doc_type.lower() else "uitspraak",
        "court": _first(raw, "creator") or known.get("name", ""),
        "court_code": code,
        "court_uri": court_uri or known.get("uri"),
        "seat": _first(raw, DCTERMS + "spatial") or None,
        "decision_date": _optional_date(raw, DCTERMS + "date", source),
        "publication_date": _optional_date(raw, DCTERMS + "issued", source),
        "modified": _modified(_first(raw, DCTERMS + "modified"), source),
        "case_numbers": split_case_numbers(raw.get(PSI + "zaaknummer", [])),
        "procedures": _all(raw, PSI + "procedure"),
        "subjects": _all(raw, DCTERMS + "subject"),
        "law_references": tuple(references),
        "relations": tuple(relations),
        "replaces": _all(raw, DCTERMS + "replaces"),
        "replaced_by": _first(raw, DCTERMS + "isReplacedBy") or None,
        "vindplaatsen": tuple(vindplaatsen),
    }


def split_case_numbers(values: list[str]) -> tuple[str, ...]:
    """Separate parketnummers: '13/680080-19 (zaak A) en 13/090846-16 (zaak B)' -> two numbers."""
    notes = _annotations()
    found: list[str] = []
    for value in values:
        for piece in _NUMBER_SEPARATORS.split(_PARENTHESES.sub(" ", value)):
            tokens = [t for t in piece.split() if t.lower() not in notes]
            if len(tokens) > 1 and all(_looks_like_case_number(t) for t in tokens):
                found.extend(tokens)
            elif tokens:
                found.append(" ".join(tokens))
    return tuple(dict.fromkeys(found))


def _looks_like_case_number(token: str) -> bool:
    if not _CASE_NUMBER.fullmatch(token):
        return False
    return len(token) >= 5 or any(sep in token for sep in "./-_")


def _law_reference(el: etree._Element) -> LawReference:
    text = _text(el)
    identifier = next((el.get(a) for a in _IDENTIFIER_ATTRS if el.get(a)), None)
    law, article = None, None
    if identifier:
        bwb = _BWB_ID.search(identifier)
        law = _laws()[0].get(bwb.group(0)) if bwb else None
        artikel = _ARTIKEL.search(identifier)
        article = unquote(artikel.group(1)) if artikel else None
    named, rest = _law_by_name(text)
    if article is None and rest and _ARTICLE_TEXT.fullmatch(rest):
        article = rest
    return LawReference(text=text, law=law or named, article=article, identifier=identifier)


def _law_by_name(text: str) -> tuple[str | None, str]:
    lowered = text.lower()
    for name, short in _laws()[1]:
        if lowered.startswith(name) and lowered[len(name) : len(name) + 1] in ("", " "):
            return short, text[len(name) :].strip()
    return None, ""


def _relation(el: etree._Element) -> Relation:
    label = _text(el)
    ecli = el.get(ECLI_NS + "resourceIdentifier") or el.get("resourceIdentifier") or ""
    if not ecli:
        in_label = _ECLI_IN_TEXT.search(label)
        ecli = in_label.group(0) if in_label else ""
    return Relation(
        ecli=ecli.strip().upper(),
        type=_last_part(el.get(PSI + "type") or el.get(PSI + "typeRelatie") or "") or None,
        aanleg=_last_part(el.get(PSI + "aanleg") or "") or None,
        gevolg=_after_hash(el.get(PSI + "gevolg") or "") or None,
        label=label,
    )


def _last_part(uri: str) -> str:
    """'http://psi.rechtspraak.nl/hogerBeroep' -> 'hogerBeroep'."""
    return re.split(r"[/#]", uri.strip().rstrip("/#"))[-1] if uri.strip() else ""


def _after_hash(uri: str) -> str:
    """Outcomes may contain '/' ('gevolg#bekrachtiging/bevestiging'): keep all after the '#'."""
    uri = uri.strip()
    return uri.partition("#")[2] if "#" in uri else _last_part(uri)


def _ecli(value: str, source: str) -> str:
    if not value:
        raise ParseError(source, "no dcterms:identifier (ECLI) in the metadata")
    ecli = value.strip().upper()
    if not _ECLI.match(ecli):
        raise ParseError(source, f"dcterms:identifier '{value}' is not an ECLI")
    return ecli


def _optional_date(raw: dict[str, list[str]], key: str, source: str) -> date | None:
    value = _first(raw, key)
    return _date(value, "dcterms:" + key.rpartition("}")[2], source) if value else None


def _date(value: str, what: str, source: str) -> date:
    try:
        return date.fromisoformat(value[:10])
    except ValueError as err:
        raise ParseError(source, f"{what} '{value}' is not a date (YYYY-MM-DD)") from err


def _modified(value: str, source: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as err:
        raise ParseError(source, f"dcterms:modified '{value}' is not a date-time") from err


def _text(el: etree._Element) -> str:
    return clean("".join(el.itertext()))


def _first(raw: dict[str, list[str]], key: str) -> str:
    return next((v for v in raw.get(key, []) if v), "")


def _all(raw: dict[str, list[str]], key: str) -> tuple[str, ...]:
    return tuple(v for v in raw.get(key, []) if v)


def _courts() -> dict[str, dict[str, str]]:
    return _court_table(patterns_dir())


def _laws() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    return _law_table(patterns_dir())


def _annotations() -> frozenset[str]:
    return _annotation_words(patterns_dir())


@cache
def _court_table(folder: Path) -> dict[str, dict[str, str]]:
    table = load_table("courts").get("courts", {})
    return {code.upper(): {k: str(v) for k, v in row.items()} for code, row in table.items()}


@cache
def _law_table(folder: Path) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """BWB ids (rdf_metadata.toml) and law names, longest first (laws.toml, shared with nlp)."""
    bwb = dict(load_table("rdf_metadata").get("bwb", {}))
    names = sorted(load_table("laws").get("laws", {}).items(), key=lambda item: -len(item[0]))
    return bwb, tuple((name.lower(), short) for name, short in names)


@cache
def _annotation_words(folder: Path) -> frozenset[str]:
    words = load_table("rdf_metadata").get("zaaknummer", {}).get("annotations", [])
    return frozenset(word.lower() for word in words)
