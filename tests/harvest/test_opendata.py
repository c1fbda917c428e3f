"""The open data client: index queries as the service expects them, Atom pages in every shape the
service sends, paging by offset, and each way a document answer can say "gone" or "broken"."""

from __future__ import annotations

from datetime import UTC, date, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import responses
from fakeserver import FakeDoc, atom_page, make_docs

from conftest import fixture_bytes
from rulings.errors import BadResponse, ConfigError, SourceUnavailable
from rulings.harvest.base import Unavailable
from rulings.harvest.opendata import (
    CRIMINAL_SUBJECTS,
    IndexQuery,
    OpenDataSource,
    court_uris,
    opendata_base_url,
    parse_feed,
    parse_title,
    subject_uris,
)
from rulings.models import RawDocument

BASE = "https://data.rechtspraak.nl"
SEARCH = BASE + "/uitspraken/zoeken"
CONTENT = BASE + "/uitspraken/content"
ECLI = "ECLI:NL:RBGEL:2022:3101"
WINDOW = IndexQuery(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31))


def sent(call_index: int = 0) -> dict[str, list[str]]:
    return parse_qs(urlsplit(responses.calls[call_index].request.url).query)


# --- query parameters --------------------------------------------------------------------


@responses.activate
def test_index_query_parameters_as_the_service_expects(session):
    responses.get(SEARCH, body=fixture_bytes("atom/empty.atom"))
    query = IndexQuery(
        date_from=date(2021, 1, 1),
        date_to=date(2021, 12, 31),
        modified_since=datetime(2024, 3, 1, 6, 30),
        courts=court_uris(["RBAMS", "GHAMS"]),
    )
    OpenDataSource(session).page(query, offset=2000)
    params = sent()
    assert params["type"] == ["Uitspraak"]
    assert params["date"] == ["2021-01-01", "2021-12-31"]  # twice: an inclusive range
    assert params["modified"] == ["2024-03-01T06:30:00"]
    assert params["subject"] == list(CRIMINAL_SUBJECTS)  # every criminal area, ORed
    assert params["creator"] == [
        "http://standaarden.overheid.nl/owms/terms/Rechtbank_Amsterdam",
        "http://standaarden.overheid.nl/owms/terms/Gerechtshof_Amsterdam",
    ]
    assert params["return"] == ["DOC"]
    assert params["max"] == ["1000"] and params["from"] == ["2000"]
    assert "%23strafrecht" in responses.calls[0].request.url  # the '#' is encoded


def test_one_sided_window_still_sends_two_dates():
    params = dict(IndexQuery(date_from=date(2024, 1, 1)).params(0))
    dates = [v for k, v in IndexQuery(date_from=date(2024, 1, 1)).params(0) if k == "date"]
    assert dates[0] == "2024-01-01" and dates[1] == date.today().isoformat()
    assert params["from"] == "0"


def test_metadata_only_and_both_types_drop_their_parameters():
    params = dict(IndexQuery(doc_type=None, with_text_only=False, subjects=()).params(0))
    assert "type" not in params and "return" not in params and "subject" not in params


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["strafrecht"], CRIMINAL_SUBJECTS),
        (["Strafrecht"], CRIMINAL_SUBJECTS),
        (
            ["bestuursrecht_bestuursstrafrecht"],
            ("http://psi.rechtspraak.nl/rechtsgebied#bestuursrecht_bestuursstrafrecht",),
        ),
        (
            ["http://psi.rechtspraak.nl/rechtsgebied#strafrecht_strafprocesrecht"],
            (CRIMINAL_SUBJECTS[5],),
        ),
        (["all"], ()),
    ],
)
def test_subject_names(names, expected):
    assert subject_uris(names) == expected


def test_court_codes_come_from_the_courts_table():
    assert court_uris(["rblim"]) == ("http://standaarden.overheid.nl/owms/terms/Rechtbank_Limburg",)
    uri = "http://psi.rechtspraak.nl/GEA Aruba"
    assert court_uris([uri]) == (uri,)


def test_unknown_court_code_is_one_clear_error():
    with pytest.raises(ConfigError, match="unknown court code 'RBXYZ'"):
        court_uris(["RBXYZ"])


def test_base_url_from_option_environment_or_default(monkeypatch):
    monkeypatch.delenv("RULINGS_OPENDATA_URL", raising=False)
    assert opendata_base_url() == BASE
    monkeypatch.setenv("RULINGS_OPENDATA_URL", "http://127.0.0.1:8080/")
    assert opendata_base_url() == "http://127.0.0.1:8080"
    assert opendata_base_url("http://mirror.example:9000") == "http://mirror.example:9000"


# --- Atom --------------------------------------------------------------------------------

TITLES = [
    # plain first-instance title with a suffix after the parketnummer
    (
        "ECLI:NL:RBGEL:2022:3101, Rechtbank Gelderland, 14-06-2022, 05/880412-21 (P)",
        ("Rechtbank Gelderland", date(2022, 6, 14), "05/880412-21 (P)"),
    ),
    # court name with commas: split on the date, not on ", "
    (
        "ECLI:NL:OGHACMB:2022:77, Gemeenschappelijk Hof van Justitie van Aruba, Curaçao, "
        "Sint Maarten en van Bonaire, Sint Eustatius en Saba, 17-06-2022, H-214/2021",
        (
            "Gemeenschappelijk Hof van Justitie van Aruba, Curaçao, Sint Maarten en van Bonaire, "
            "Sint Eustatius en Saba",
            date(2022, 6, 17),
            "H-214/2021",
        ),
    ),
    # several case numbers, commas among them
    (
        "ECLI:NL:RBZWB:2021:6120, Rechtbank Zeeland-West-Brabant, 03-12-2021, "
        "02-154873-20, 02-012345-19 (tul)",
        ("Rechtbank Zeeland-West-Brabant", date(2021, 12, 3), "02-154873-20, 02-012345-19 (tul)"),
    ),
    # no case number at all
    ("ECLI:NL:HR:2018:202, Hoge Raad, 20-02-2018", ("Hoge Raad", date(2018, 2, 20), "")),
    # not the index's title shape
    ("Uitspraak zonder datum", ("", None, "")),
]


@pytest.mark.parametrize(("title", "expected"), TITLES, ids=[t[:30] for t, _ in TITLES])
def test_parse_title(title, expected):
    assert parse_title(title) == expected


def test_feed_entries_in_every_summary_shape():
    page = parse_feed(fixture_bytes("atom/criminal-2022-page.atom"))
    assert page.total == 5
    by_ecli = {e.ecli: e for e in page.entries}
    assert list(by_ecli) == [
        "ECLI:NL:RBGEL:2022:3101",
        "ECLI:NL:OGHACMB:2022:77",
        "ECLI:NL:GHARL:2022:5120",
        "ECLI:NL:RBNNE:2022:2290",  # lower case in the feed, normalised
        "ECLI:NL:PHR:2022:118",
    ]
    first = by_ecli[ECLI]
    assert first.updated == datetime(2022, 6, 21, 8, 12, 9, tzinfo=UTC)
    assert first.summary.startswith("De rechtbank veroordeelt een 52-jarige man")
    assert first.case_numbers == "05/880412-21 (P)" and first.deleted is None
    assert first.link == "https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RBGEL:2022:3101"
    assert by_ecli["ECLI:NL:OGHACMB:2022:77"].summary is None  # "-"
    assert by_ecli["ECLI:NL:GHARL:2022:5120"].summary is None  # <summary/>
    assert by_ecli["ECLI:NL:RBNNE:2022:2290"].summary is None  # no summary element
    assert by_ecli["ECLI:NL:OGHACMB:2022:77"].court.startswith("Gemeenschappelijk Hof van Justitie")


def test_feed_deleted_entries():
    page = parse_feed(fixture_bytes("atom/deleted-entries.atom"))
    assert [(e.ecli, e.deleted) for e in page.entries] == [
        ("ECLI:NL:RBOBR:2022:1877", None),
        ("ECLI:NL:GHSHE:2022:1200", "doc"),
        ("ECLI:NL:RBOVE:2022:999", "ecli"),
    ]
    assert page.entries[2].link is None and page.entries[2].summary is None


def test_empty_feed():
    page = parse_feed(fixture_bytes("atom/empty.atom"))
    assert page.total == 0 and page.entries == []


def test_summary_cut_at_400_characters_is_kept_as_given():
    doc = make_docs(1)[0]
    doc.summary = "De rechtbank overweegt " + "uitvoerig " * 60
    entry = parse_feed(atom_page(1, [doc])).entries[0]
    assert len(entry.summary) == 400 and entry.summary.endswith("...")


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"Ongeldige waarde voor parameter date", "expected an Atom feed"),
        (b"", "expected an Atom feed"),
        (b'<?xml version="1.0"?><Instanties><Instantie/></Instanties>', "got <Instanties>"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "no total"),
        (
            b'<feed xmlns="http://www.w3.org/2005/Atom">'
            b"<subtitle>Aantal gevonden ECLI's: 1</subtitle>"
            b"<entry><id>../../etc/passwd</id></entry></feed>",
            "not an ECLI",
        ),
        (fixture_bytes("atom/criminal-2022-page.atom")[:900], "not well-formed"),
        (b'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x "y">]><feed/>', "DOCTYPE"),
    ],
    ids=["text", "empty", "other-root", "no-total", "bad-id", "truncated", "doctype"],
)
def test_feed_in_an_unexpected_shape_is_refused(body, problem):
    with pytest.raises(BadResponse, match=problem):
        parse_feed(body, SEARCH)


# --- paging ------------------------------------------------------------------------------


def serve_index(docs: list[FakeDoc], total: int | None = None):
    """A responses callback that pages through `docs` by the request's own from/max."""

    def answer(request):
        params = parse_qs(urlsplit(request.url).query)
        start, size = int(params["from"][0]), int(params["max"][0])
        return 200, {}, atom_page(len(docs) if total is None else total, docs[start : start + size])

    return answer


@responses.activate
def test_pages_through_full_pages_and_a_short_last_one(session):
    docs = make_docs(2345)
    responses.add_callback(responses.GET, SEARCH, callback=serve_index(docs))
    pages = list(OpenDataSource(session).pages(WINDOW))
    assert [len(p.entries) for p in pages] == [1000, 1000, 345]
    assert [sent(i)["from"] for i in range(3)] == [["0"], ["1000"], ["2000"]]
    eclis = [e.ecli for p in pages for e in p.entries]
    assert len(set(eclis)) == 2345 and eclis == [d.ecli for d in docs]  # no gap, no overlap


@responses.activate
def test_paging_stops_at_the_total_even_on_a_full_page(session):
    docs = make_docs(2000)
    responses.add_callback(responses.GET, SEARCH, callback=serve_index(docs))
    pages = list(OpenDataSource(session).pages(WINDOW))
    assert len(pages) == 2 and len(responses.calls) == 2


@responses.activate
def test_a_server_that_caps_pages_below_max_is_paged_to_the_end(session):
    docs = make_docs(1200)

    def capped(request):
        start = int(parse_qs(urlsplit(request.url).query)["from"][0])
        return 200, {}, atom_page(len(docs), docs[start : start + 500])

    responses.add_callback(responses.GET, SEARCH, callback=capped)
    pages = list(OpenDataSource(session).pages(WINDOW))
    assert [len(p.entries) for p in pages] == [500, 500, 200]


@responses.activate
def test_paging_stops_at_an_empty_page_whatever_the_total_says(session):
    docs = make_docs(1000)
    responses.add_callback(responses.GET, SEARCH, callback=serve_index(docs, total=5000))
    pages = list(OpenDataSource(session).pages(WINDOW))
    assert [len(p.entries) for p in pages] == [1000, 0]


@responses.activate
def test_index_400_carries_the_services_explanation(session):
    responses.get(SEARCH, status=400, body=fixture_bytes("http/index-400.txt"))
    with pytest.raises(BadResponse) as caught:
        OpenDataSource(session).page(WINDOW)
    assert "HTTP 400" in str(caught.value)
    assert "Ongeldige waarde voor parameter date" in str(caught.value)
    assert "\n" not in str(caught.value)


@responses.activate
def test_index_200_that_is_not_xml(session):
    responses.get(SEARCH, body=b"Er is een fout opgetreden")
    with pytest.raises(BadResponse, match="expected an Atom feed"):
        OpenDataSource(session).page(WINDOW)


@responses.activate
def test_index_5xx_then_success(session, clock):
    responses.get(SEARCH, status=503)
    responses.get(SEARCH, body=fixture_bytes("atom/criminal-2022-page.atom"))
    assert len(OpenDataSource(session).page(WINDOW).entries) == 5
    assert clock.sleeps == [0.75]


@responses.activate
def test_index_that_keeps_timing_out(session):
    import requests

    responses.get(SEARCH, body=requests.ReadTimeout("read timed out"))
    with pytest.raises(SourceUnavailable, match="no answer within 5 s"):
        OpenDataSource(session).page(WINDOW)


# --- documents ---------------------------------------------------------------------------


@responses.activate
def test_document_is_handed_over_as_served(session):
    body = fixture_bytes("http/ECLI_NL_RBGEL_2022_3101.xml")
    responses.get(CONTENT, body=body)
    document = OpenDataSource(session).fetch(ECLI)
    assert isinstance(document, RawDocument)
    assert document.content == body and document.ecli == ECLI and document.source == "opendata"
    assert document.origin == f"{CONTENT}?id={ECLI}"
    assert sent()["id"] == [ECLI]


@responses.activate
def test_metadata_only_document_is_a_document(session):
    responses.get(CONTENT, body=fixture_bytes("http/ECLI_NL_PHR_2022_118.xml"))
    assert isinstance(OpenDataSource(session).fetch("ECLI:NL:PHR:2022:118"), RawDocument)


@pytest.mark.parametrize(
    ("status", "headers", "body", "reason"),
    [
        (404, {}, b"Niet gevonden", "HTTP 404"),
        (410, {}, b"", "HTTP 410"),
        (
            302,
            {"Location": "https://mededeling.rechtspraak.nl/404"},
            b"",
            "redirected to https://mededeling",
        ),
        (200, {}, fixture_bytes("http/notice-404.html"), "not XML"),
        (200, {}, b"", "not XML"),
        (
            200,
            {},
            b'<?xml version="1.0"?><error>Unknown ECLI</error>',
            "without an open-rechtspraak root",
        ),
    ],
    ids=["404", "410", "notice-redirect", "html", "empty", "other-root"],
)
@responses.activate
def test_document_gone(session, status, headers, body, reason):
    responses.get(CONTENT, status=status, headers=headers, body=body)
    result = OpenDataSource(session).fetch(ECLI)
    assert isinstance(result, Unavailable) and result.ecli == ECLI
    assert reason in result.reason
    assert len(responses.calls) == 1  # the notice page itself is never requested


@responses.activate
def test_other_redirects_are_followed(session):
    responses.get(
        CONTENT, status=301, headers={"Location": f"{BASE}/uitspraken/content/v2?id={ECLI}"}
    )
    responses.get(
        f"{BASE}/uitspraken/content/v2", body=fixture_bytes("http/ECLI_NL_RBGEL_2022_3101.xml")
    )
    assert isinstance(OpenDataSource(session).fetch(ECLI), RawDocument)


@pytest.mark.parametrize(
    ("status", "body", "problem"),
    [
        (400, b"Ongeldige ECLI", "HTTP 400"),
        (403, b"Forbidden", "HTTP 403"),
        (200, fixture_bytes("http/ECLI_NL_RBGEL_2022_3101.xml")[:1500], "not well-formed"),
        (
            200,
            b'<?xml version="1.0"?><!DOCTYPE open-rechtspraak [<!ENTITY a "b">]>'
            b"<open-rechtspraak/>",
            "DOCTYPE",
        ),
    ],
    ids=["400", "403", "truncated", "doctype"],
)
@responses.activate
def test_document_broken_is_an_error_to_retry_later(session, status, body, problem):
    responses.get(CONTENT, status=status, body=body)
    with pytest.raises(BadResponse, match=problem):
        OpenDataSource(session).fetch(ECLI)


@responses.activate
def test_document_keeps_failing(session):
    responses.get(CONTENT, status=503)
    with pytest.raises(SourceUnavailable, match=f"content\\?id={ECLI}: gave up after 3 attempts"):
        OpenDataSource(session).fetch(ECLI)
