"""data.rechtspraak.nl: the ECLI index (Atom) and the document service (open-rechtspraak XML).

Docs:    rechtspraak-api-reference.md §1 (index: parameters, Atom shape, paging verified on the
         real 2021 criminal run) and §2.8 (what an unknown document looks like).
Quirks:  `from` is a 0-based offset and `max` is at most 1000 (also the default); the subtitle's
         "Aantal gevonden ECLI's: N" is the total of the whole query; `date` and `modified` given
         twice are inclusive ranges, once they mean "that day" / "since then"; entries are sorted
         oldest change first. Court names contain commas, so titles are split on the date.
         Summaries are cut at 400 characters and may be "-", empty or missing. Entries may be
         marked deleted="doc" (withdrawn) or deleted="ecli" (issued in error). A document that
         does not exist answers 404, or redirects to mededeling.rechtspraak.nl, or is not XML
         (which of these the service does today is unverified; all three mean "gone").
         A document records only its most specific legal area, so "strafrecht" is queried as
         all six criminal rechtsgebied URIs (§1.2, §7.3).
History: 2026-11 first version.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from rulings.errors import BadResponse, ConfigError, ParseError, PatternError
from rulings.harvest.base import Unavailable
from rulings.harvest.http import PoliteSession
from rulings.models import RawDocument
from rulings.parse.xmlsafe import parse_xml
from rulings.patterns import load_table

__all__ = [
    "CRIMINAL_SUBJECTS",
    "DEFAULT_BASE_URL",
    "IndexEntry",
    "IndexPage",
    "IndexQuery",
    "OpenDataSource",
    "court_uris",
    "opendata_base_url",
    "parse_feed",
    "parse_title",
    "subject_uris",
]

DEFAULT_BASE_URL = "https://data.rechtspraak.nl"
BASE_URL_ENV = "RULINGS_OPENDATA_URL"
SEARCH_PATH = "/uitspraken/zoeken"
CONTENT_PATH = "/uitspraken/content"
MAX_PAGE_SIZE = 1000
ATOM = "{http://www.w3.org/2005/Atom}"
ROOT_ELEMENT = "open-rechtspraak"
NOTICE_HOST = "mededeling.rechtspraak.nl"  # where unknown documents are redirected
GONE_STATUSES = frozenset({404, 410})
SUBJECT_BASE = "http://psi.rechtspraak.nl/rechtsgebied#"
CRIMINAL_SUBJECTS = tuple(
    SUBJECT_BASE + name
    for name in (
        "strafrecht",
        "strafrecht_europeesStrafrecht",
        "strafrecht_internationaalStrafrecht",
        "strafrecht_materieelStrafrecht",
        "strafrecht_penitentiairStrafrecht",
        "strafrecht_strafprocesrecht",
    )
)
ECLI_RE = re.compile(r"ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:\d{4}:[A-Z0-9.]{1,25}")
TITLE_RE = re.compile(
    r"^(?P<ecli>[^,]+),\s*(?P<court>.*?),\s*(?P<date>\d{2}-\d{2}-\d{4})(?:,\s*(?P<numbers>.*))?$",
    re.DOTALL,
)
TOTAL_RE = re.compile(r"\d+")


def opendata_base_url(explicit: str | None = None) -> str:
    """--base-url, else RULINGS_OPENDATA_URL, else the public service."""
    return (explicit or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")


# --- the query ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndexQuery:
    """What to list: decision dates, courts, legal areas, change stamp, type of document.

    Attributes:
        date_from, date_to: decision dates, inclusive (sent as `date` twice).
        modified_since: only ECLIs changed since then (incremental refresh).
        subjects: rechtsgebied URIs, ORed; empty for every area.
        courts: creator URIs, ORed; empty for every court. Not succession-aware.
        doc_type: "Uitspraak" or "Conclusie"; None for both.
        with_text_only: send return=DOC, listing only ECLIs that have a published text.
    """

    date_from: date | None = None
    date_to: date | None = None
    modified_since: datetime | None = None
    subjects: tuple[str, ...] = CRIMINAL_SUBJECTS
    courts: tuple[str, ...] = ()
    doc_type: str | None = "Uitspraak"
    with_text_only: bool = True
    page_size: int = MAX_PAGE_SIZE

    def params(self, offset: int) -> list[tuple[str, str]]:
        """Query parameters for the page starting at `offset` (repeated keys are ORed)."""
        params: list[tuple[str, str]] = []
        if self.doc_type:
            params.append(("type", self.doc_type))
        if self.date_from or self.date_to:
            start = self.date_from or date(1900, 1, 1)
            end = self.date_to or date.today()
            params += [("date", start.isoformat()), ("date", end.isoformat())]
        if self.modified_since:
            params.append(("modified", self.modified_since.strftime("%Y-%m-%dT%H:%M:%S")))
        params += [("subject", uri) for uri in self.subjects]
        params += [("creator", uri) for uri in self.courts]
        if self.with_text_only:
            params.append(("return", "DOC"))
        params += [("sort", "ASC"), ("max", str(min(self.page_size, MAX_PAGE_SIZE)))]
        params.append(("from", str(offset)))
        return params


def subject_uris(names: Sequence[str]) -> tuple[str, ...]:
    """'strafrecht' -> all six criminal URIs; other short names and full URIs pass through.

    "all" (or no name) means no legal-area filter.
    """
    uris: list[str] = []
    for name in names:
        if name.lower() in {"all", "alle", "any"}:
            return ()
        if name.lower() == "strafrecht":
            uris += CRIMINAL_SUBJECTS
        elif name.startswith(("http://", "https://")):
            uris.append(name)
        else:
            uris.append(SUBJECT_BASE + name)
    return tuple(dict.fromkeys(uris))


def court_uris(codes: Sequence[str]) -> tuple[str, ...]:
    """Court codes (RBAMS, GHARL ...) -> creator URIs from patterns/courts.toml; URIs pass through.

    Raises:
        ConfigError: a code the table does not know.
    """
    if not codes:
        return ()
    table: dict[str, dict[str, str]] = {}
    if any(not c.startswith(("http://", "https://")) for c in codes):
        try:
            table = load_table("courts").get("courts", {})
        except PatternError as err:
            raise ConfigError(f"court codes cannot be looked up ({err}); give full URIs") from err
    uris = []
    for code in codes:
        if code.startswith(("http://", "https://")):
            uris.append(code)
        elif code.upper() in table and table[code.upper()].get("uri"):
            uris.append(table[code.upper()]["uri"])
        else:
            raise ConfigError(
                f"unknown court code {code!r}; see patterns/courts.toml or give a URI"
            )
    return tuple(uris)


# --- the Atom index ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One listed ECLI; `updated` is the index's own change stamp (UTC)."""

    ecli: str
    updated: datetime | None
    title: str = ""
    court: str = ""
    decision_date: date | None = None
    case_numbers: str = ""
    summary: str | None = None  # None for "-", empty or missing; cut at 400 characters
    deleted: str | None = None  # "doc" (withdrawn) or "ecli" (issued in error)
    link: str | None = None


@dataclass(frozen=True, slots=True)
class IndexPage:
    """One page of the index: the query's total and this page's entries."""

    total: int
    entries: list[IndexEntry] = field(default_factory=list)
    url: str = ""


def parse_title(title: str) -> tuple[str, date | None, str]:
    """'ECLI, court, dd-mm-yyyy, numbers' -> (court, decision date, case numbers).

    Anchored on the date because court names contain commas ("Gemeenschappelijk Hof van Justitie
    van Aruba, Curaçao, Sint Maarten en ..."); a title of another shape gives ("", None, "").
    """
    match = TITLE_RE.match(title.strip())
    if not match:
        return "", None, ""
    day, month, year = match["date"].split("-")
    try:
        decided = date(int(year), int(month), int(day))
    except ValueError:
        decided = None
    return match["court"].strip(), decided, (match["numbers"] or "").strip()


def parse_feed(content: bytes, url: str = "") -> IndexPage:
    """An Atom page of the ECLI index -> IndexPage.

    Raises:
        BadResponse: not XML, not an Atom feed, no total in the subtitle, or an entry whose id
            is not an ECLI (a shape this client does not know; nothing is guessed).
    """
    root = safe_xml(content, url, what="an Atom feed")
    if root.tag != f"{ATOM}feed":
        raise BadResponse(url, 200, f"expected an Atom feed, got <{etree.QName(root).localname}>")
    subtitle = root.findtext(f"{ATOM}subtitle") or ""
    total = TOTAL_RE.search(subtitle)
    if total is None:
        raise BadResponse(url, 200, f"no total in the feed's subtitle ({subtitle[:80]!r})")
    entries = [_entry(element, url) for element in root.iter(f"{ATOM}entry")]
    return IndexPage(total=int(total.group()), entries=entries, url=url)


def _entry(element: etree._Element, url: str) -> IndexEntry:
    ecli = (element.findtext(f"{ATOM}id") or "").strip().upper()
    if not ECLI_RE.fullmatch(ecli):
        raise BadResponse(url, 200, f"an index entry's id is not an ECLI ({ecli[:60]!r})")
    title = (element.findtext(f"{ATOM}title") or "").strip()
    court, decided, numbers = parse_title(title)
    summary = (element.findtext(f"{ATOM}summary") or "").strip()
    link = element.find(f"{ATOM}link")
    return IndexEntry(
        ecli=ecli,
        updated=_timestamp(element.findtext(f"{ATOM}updated")),
        title=title,
        court=court,
        decision_date=decided,
        case_numbers=numbers,
        summary=None if summary in {"", "-"} else summary,
        deleted=element.get("deleted") or None,
        link=link.get("href") if link is not None else None,
    )


def _timestamp(text: str | None) -> datetime | None:
    """ISO timestamp with Z or offset -> aware UTC datetime; zone-less ones are taken as UTC."""
    if not text or not text.strip():
        return None
    try:
        stamp = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)


def safe_xml(content: bytes, url: str, *, what: str) -> etree._Element:
    """Parse untrusted XML with rulings.parse.xmlsafe (no DOCTYPE, entities, DTDs or network).

    Raises:
        BadResponse: empty, not XML, not well-formed (a truncated body), or carrying a DOCTYPE.
    """
    try:
        return parse_xml(content, url)
    except ParseError as err:
        raise BadResponse(url, 200, f"expected {what}: {err.problem}") from err


def _preview(body: bytes) -> str:
    text = body[:60].decode("utf-8", "replace").splitlines()
    return repr(text[0]) if text else "an empty body"


# --- the source --------------------------------------------------------------------------


class OpenDataSource:
    """Lists ECLIs from the index and fetches their documents, through one PoliteSession."""

    name = "opendata"

    def __init__(self, session: PoliteSession, base_url: str | None = None) -> None:
        self.session = session
        self.base_url = opendata_base_url(base_url)

    def page(self, query: IndexQuery, offset: int = 0) -> IndexPage:
        """One page of the index.

        Raises:
            BadResponse: a status other than 200 (400 carries the service's explanation) or a
                body that is not the Atom shape.
            SourceUnavailable: the service kept failing.
        """
        url = self.base_url + SEARCH_PATH
        response = self.session.get(url, params=query.params(offset))
        if response.status_code != 200:
            raise BadResponse(
                unquote(response.url), response.status_code, _preview(response.content)
            )
        return parse_feed(response.content, unquote(response.url))

    def pages(self, query: IndexQuery) -> Iterator[IndexPage]:
        """Every page of the index, `from` advancing by the entries received.

        Stops when the subtitle's total is reached or a page comes back empty. A short page
        alone does not stop it: a mirror may cap pages below `max` without saying so.
        """
        offset = 0
        while True:
            page = self.page(query, offset)
            yield page
            offset += len(page.entries)
            if not page.entries or offset >= page.total:
                return

    def fetch(self, ecli: str) -> RawDocument | Unavailable:
        """The document of one ECLI, as served; Unavailable when the service says it is gone.

        Raises:
            BadResponse: an answer that is neither a document nor a clear "gone" (a 400 or 403,
                or XML cut short); the harvest records it as failed and retries it next run.
            SourceUnavailable: the service kept failing.
        """
        url = self.base_url + CONTENT_PATH
        response = self.session.get(url, params={"id": ecli}, allow_redirects=False)
        status = response.status_code
        if status in GONE_STATUSES:
            return Unavailable(ecli, f"HTTP {status}")
        if 300 <= status < 400:
            return self._follow(ecli, response.headers.get("Location", ""), response.url)
        if status != 200:
            raise BadResponse(unquote(response.url), status, _preview(response.content))
        return self._document(ecli, response.content, unquote(response.url))

    def _follow(self, ecli: str, location: str, url: str) -> RawDocument | Unavailable:
        target = urljoin(url, location)
        if not location or urlsplit(target).hostname == NOTICE_HOST:
            return Unavailable(ecli, f"redirected to {target or 'nowhere'}")
        response = self.session.get(target, allow_redirects=True)
        if response.status_code in GONE_STATUSES:
            return Unavailable(ecli, f"HTTP {response.status_code} after a redirect")
        if urlsplit(response.url).hostname == NOTICE_HOST:
            return Unavailable(ecli, f"redirected to {response.url}")
        if response.status_code != 200:
            raise BadResponse(
                unquote(response.url), response.status_code, _preview(response.content)
            )
        return self._document(ecli, response.content, unquote(response.url))

    def _document(self, ecli: str, content: bytes, url: str) -> RawDocument | Unavailable:
        body = content.lstrip()
        if not body.startswith(b"<") or body[:15].lower().startswith((b"<!doctype html", b"<html")):
            return Unavailable(ecli, f"not XML ({_preview(body)})")
        root = safe_xml(body, url, what="an open-rechtspraak document")
        if etree.QName(root).localname != ROOT_ELEMENT:
            return Unavailable(ecli, f"XML without an {ROOT_ELEMENT} root")
        return RawDocument(
            ecli=ecli,
            content=content,
            source=self.name,
            fetched_at=datetime.now(UTC),
            origin=url,
        )
