"""The full-text search behind uitspraken.rechtspraak.nl (POST /api/zoek, JSON in and out).

Docs:    rechtspraak-api-reference.md §3. Undocumented and unstable: it is what the public search
         page uses, and the only interface that searches the text of rulings, which is how the
         study's researchers found the art. 245/247 cases. Only ECLIs and basic metadata are
         taken from it; the documents themselves come through the open data route.
Quirks:  field names have changed over the years (PageIndex -> StartRow), so every name is a
         constant below. The decision-date filter's shape is unverified: results are asked
         newest decision first and filtered here, and paging stops once a whole page is older
         than --from. Missing keys and nulls in a hit are tolerated; a hit without an ECLI, a
         body that is not JSON, or JSON without a result list means the search has changed,
         and stops the run with one line saying so.
History: 2026-11 first version.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rulings.errors import BadResponse, PatternError
from rulings.harvest.http import PoliteSession
from rulings.queries import named_queries

__all__ = [
    "DEFAULT_WEBSITE_URL",
    "WebsiteHit",
    "WebsitePage",
    "WebsiteQuery",
    "WebsiteSearch",
    "known_query_names",
    "only_courts",
    "website_base_url",
    "website_query_text",
]

DEFAULT_WEBSITE_URL = "https://uitspraken.rechtspraak.nl"
BASE_URL_ENV = "RULINGS_WEBSITE_URL"
SEARCH_PATH = "/api/zoek"
PAGE_SIZE = 100  # seen in clients: 10, 50, 100; the server's maximum is unverified

# request fields
F_START_ROW = "StartRow"
F_PAGE_SIZE = "PageSize"
F_HIGHLIGHTS = "ShouldReturnHighlights"
F_COUNT_FACETS = "ShouldCountFacets"
F_SORT = "SortOrder"
F_SEARCH_TERMS = "SearchTerms"
F_TERM = "Term"
F_FIELD = "Field"
F_CONTENT_TYPES = "Contentsoorten"
F_AREAS = "Rechtsgebieden"
F_COURTS = "Instanties"
F_PUBLISHED = "DatumPublicatie"
F_DECIDED = "DatumUitspraak"
F_PROCEDURES = "Proceduresoorten"
F_ADVANCED = "Advanced"
F_PUBLICATION_STATUS = "PublicatieStatus"
F_CORRELATION = "CorrelationId"
F_NODE_TYPE = "NodeType"
F_IDENTIFIER = "Identifier"
F_LEVEL = "level"

# request values
ALL_FIELDS = "AlleVelden"
SORT_NEWEST_DECISION = "UitspraakDatumDesc"
ONLY_PUBLISHED = "AlleenGepubliceerd"
NODE_CONTENT_TYPE = 7
NODE_AREA = 3

# response fields
R_COUNT = "ResultCount"
R_RESULTS = "Results"
R_ECLI = "TitelEmphasis"
R_TITLE = "Titel"
R_TYPE = "GerechtelijkProductType"
R_DECIDED = "Uitspraakdatum"
R_PUBLISHED = "Publicatiedatum"
R_AREAS = "Rechtsgebieden"
R_PROCEDURES = "Proceduresoorten"
R_SNIPPET = "Tekstfragment"
R_DEEPLINK = "DeeplinkUrl"

ECLI_RE = re.compile(r"ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:\d{4}:[A-Z0-9.]{1,25}")
TITLE_DATE_RE = re.compile(r"^(?P<court>.*?),\s*\d{2}-\d{2}-\d{4}(?:,|$)", re.DOTALL)
FALLBACK_HINT = "harvest by date instead and run the query locally with `rulings search --query`"


def website_base_url(explicit: str | None = None) -> str:
    """--website-url, else RULINGS_WEBSITE_URL, else the public site."""
    return (explicit or os.environ.get(BASE_URL_ENV) or DEFAULT_WEBSITE_URL).rstrip("/")


@dataclass(frozen=True, slots=True)
class WebsiteQuery:
    """A full-text search: the website's own query syntax, filtered by area, type and dates."""

    text: str
    date_from: date | None = None
    date_to: date | None = None
    subjects: tuple[str, ...] = ("http://psi.rechtspraak.nl/rechtsgebied#strafrecht",)
    doc_type: str | None = "uitspraak"
    page_size: int = PAGE_SIZE

    def payload(self, start: int) -> dict[str, Any]:
        """The JSON body for the page starting at `start`."""
        return {
            F_START_ROW: start,
            F_PAGE_SIZE: self.page_size,
            F_HIGHLIGHTS: False,
            F_COUNT_FACETS: False,
            F_SORT: SORT_NEWEST_DECISION,
            F_SEARCH_TERMS: [{F_TERM: self.text, F_FIELD: ALL_FIELDS}],
            F_CONTENT_TYPES: _nodes(NODE_CONTENT_TYPE, [self.doc_type] if self.doc_type else []),
            F_AREAS: _nodes(NODE_AREA, list(self.subjects)),
            F_COURTS: [],
            F_PUBLISHED: [],
            F_DECIDED: [],
            F_PROCEDURES: [],
            F_ADVANCED: {F_PUBLICATION_STATUS: ONLY_PUBLISHED},
            F_CORRELATION: uuid.uuid4().hex,
        }

    def admits(self, decided: date | None) -> bool:
        """Is a hit with this decision date inside the window? Unknown dates are kept."""
        if decided is None:
            return True
        too_early = self.date_from is not None and decided < self.date_from
        too_late = self.date_to is not None and decided > self.date_to
        return not (too_early or too_late)


def website_query_text(name_or_text: str) -> tuple[str, bool]:
    """(text to send, whether it was a named query): patterns/queries.toml's `website` form."""
    named = _named().get(name_or_text)
    return (named.website, True) if named else (name_or_text, False)


def known_query_names() -> list[str]:
    """The named queries a user can give to --query."""
    return sorted(_named())


def _named() -> dict[str, Any]:
    try:
        return named_queries()
    except PatternError:
        return {}


def only_courts(pages: Iterable[WebsitePage], codes: set[str]) -> Iterator[WebsitePage]:
    """Keep the hits of these courts, by the ECLI's code (the search's own filter is unverified)."""
    for page in pages:
        kept = [hit for hit in page.entries if hit.ecli.split(":")[2] in codes]
        yield WebsitePage(page.total, kept, page.received, page.newest)


def _nodes(node_type: int, identifiers: list[str]) -> list[dict[str, Any]]:
    return [{F_NODE_TYPE: node_type, F_IDENTIFIER: i, F_LEVEL: 1} for i in identifiers]


@dataclass(frozen=True, slots=True)
class WebsiteHit:
    """One search hit: an ECLI with what the result list shows about it."""

    ecli: str
    title: str = ""
    court: str = ""
    decision_date: date | None = None
    publication_date: date | None = None
    doc_type: str = ""
    subjects: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    snippet: str = ""
    url: str = ""
    updated: datetime | None = None  # the search gives no change stamp
    deleted: str | None = None


@dataclass(frozen=True, slots=True)
class WebsitePage:
    """One page of hits inside the date window, with the search's total and the raw count."""

    total: int
    entries: list[WebsiteHit] = field(default_factory=list)
    received: int = 0  # hits on the page before the date filter
    newest: date | None = None  # latest decision date on the page


class WebsiteSearch:
    """Lists the ECLIs a full-text query finds; fetch their documents with OpenDataSource."""

    name = "website"

    def __init__(self, session: PoliteSession, base_url: str | None = None) -> None:
        self.session = session
        self.base_url = website_base_url(base_url)
        self.url = self.base_url + SEARCH_PATH

    def page(self, query: WebsiteQuery, start: int = 0) -> WebsitePage:
        """One page of hits.

        Raises:
            BadResponse: a status other than 200, a body that is not JSON, or JSON in a shape
                this client does not know.
            SourceUnavailable: the site kept failing.
        """
        response = self.session.post_json(
            self.url, query.payload(start), headers={"Referer": self.base_url + "/"}
        )
        if response.status_code != 200:
            raise BadResponse(self.url, response.status_code, f"search refused; {FALLBACK_HINT}")
        return parse_results(response.content, query, self.url)

    def pages(self, query: WebsiteQuery) -> Iterator[WebsitePage]:
        """Every page, until an empty page, the reported total, or a page older than --from."""
        start = 0
        while True:
            page = self.page(query, start)
            yield page
            start += page.received
            if not page.received or start >= page.total:
                return  # a short page alone proves nothing: the server's PageSize cap is unknown
            if query.date_from and page.newest and page.newest < query.date_from:
                return  # the whole page is older than --from; newest first, so is the rest


def parse_results(content: bytes, query: WebsiteQuery, url: str = SEARCH_PATH) -> WebsitePage:
    """The JSON answer -> WebsitePage (hits outside the date window dropped, counted).

    Raises:
        BadResponse: not JSON, no result list, or a hit without an ECLI.
    """
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError) as err:
        preview = content[:40].decode("utf-8", "replace").strip()
        raise BadResponse(url, 200, f"answered {preview!r}, not JSON; {FALLBACK_HINT}") from err
    results = data.get(R_RESULTS) if isinstance(data, dict) else None
    if not isinstance(results, list):
        raise BadResponse(url, 200, f"answer without a {R_RESULTS!r} list; {FALLBACK_HINT}")
    hits = [_hit(item, url) for item in results]
    dates = [h.decision_date for h in hits if h.decision_date]
    count = data.get(R_COUNT)
    return WebsitePage(
        total=count if isinstance(count, int) else len(hits),
        entries=[h for h in hits if query.admits(h.decision_date)],
        received=len(hits),
        newest=max(dates) if dates else None,
    )


def _hit(item: Any, url: str) -> WebsiteHit:
    if not isinstance(item, dict):
        raise BadResponse(url, 200, f"a hit that is not an object; {FALLBACK_HINT}")
    ecli = str(item.get(R_ECLI) or "").strip().upper()
    if not ECLI_RE.fullmatch(ecli):
        raise BadResponse(url, 200, f"a hit without an ECLI in {R_ECLI!r}; {FALLBACK_HINT}")
    title = _text(item.get(R_TITLE))
    court = TITLE_DATE_RE.match(title)
    return WebsiteHit(
        ecli=ecli,
        title=title,
        court=court["court"].strip() if court else "",
        decision_date=_dutch_date(item.get(R_DECIDED)),
        publication_date=_dutch_date(item.get(R_PUBLISHED)),
        doc_type=_text(item.get(R_TYPE)),
        subjects=_texts(item.get(R_AREAS)),
        procedures=_texts(item.get(R_PROCEDURES)),
        snippet=_text(item.get(R_SNIPPET)),
        url=_text(item.get(R_DEEPLINK)),
    )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v.strip() for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _dutch_date(value: Any) -> date | None:
    """'24-05-2023' -> date; anything else -> None."""
    try:
        return datetime.strptime(str(value).strip(), "%d-%m-%Y").date()
    except ValueError:
        return None
