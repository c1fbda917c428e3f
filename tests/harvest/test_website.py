"""The website search client: the request body field by field, the answer in its known shapes,
paging by StartRow, the decision-date window, and one clear line when the shape changes."""

from __future__ import annotations

import json
from datetime import date

import pytest
import responses

from conftest import fixture_bytes
from rulings.errors import BadResponse, SourceUnavailable
from rulings.harvest import website
from rulings.harvest.website import WebsiteQuery, WebsiteSearch, parse_results, website_base_url

URL = "https://uitspraken.rechtspraak.nl/api/zoek"
STUDY2 = '"betaalde seks" OR "seks tegen betaling"'


def body_sent(index: int = 0) -> dict:
    return json.loads(responses.calls[index].request.body)


@responses.activate
def test_request_body_and_headers(session):
    responses.post(URL, body=fixture_bytes("http/zoek-results.json"))
    WebsiteSearch(session).page(WebsiteQuery(text=STUDY2), start=200)
    sent = body_sent()
    assert sent[website.F_START_ROW] == 200
    assert sent[website.F_PAGE_SIZE] == website.PAGE_SIZE
    assert sent[website.F_SEARCH_TERMS] == [{"Term": STUDY2, "Field": "AlleVelden"}]
    assert sent[website.F_SORT] == "UitspraakDatumDesc"
    assert sent[website.F_CONTENT_TYPES] == [{"NodeType": 7, "Identifier": "uitspraak", "level": 1}]
    assert sent[website.F_AREAS] == [
        {
            "NodeType": 3,
            "Identifier": "http://psi.rechtspraak.nl/rechtsgebied#strafrecht",
            "level": 1,
        }
    ]
    assert sent[website.F_ADVANCED] == {"PublicatieStatus": "AlleenGepubliceerd"}
    assert len(sent[website.F_CORRELATION]) == 32
    headers = responses.calls[0].request.headers
    assert headers["Content-Type"] == "application/json"
    assert headers["Referer"] == "https://uitspraken.rechtspraak.nl/"


def test_hits_with_their_metadata_and_nulls_tolerated():
    page = parse_results(fixture_bytes("http/zoek-results.json"), WebsiteQuery(text="x"))
    assert page.total == 3 and page.received == 3
    first, caribbean, last = page.entries
    assert first.ecli == "ECLI:NL:RBGEL:2022:3101"
    assert first.court == "Rechtbank Gelderland"
    assert first.decision_date == date(2022, 6, 14)
    assert first.publication_date == date(2022, 6, 21)
    assert first.procedures == ("Eerste aanleg - meervoudig",)
    assert first.url == "https://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:RBGEL:2022:3101"
    assert caribbean.court.endswith("Sint Eustatius en Saba")  # commas inside the court name
    assert caribbean.publication_date is None and caribbean.procedures == ()
    assert caribbean.snippet == "" and caribbean.url == ""
    assert last.decision_date == date(2021, 12, 22)
    assert page.newest == date(2022, 6, 17)


def test_answer_without_facet_counts_is_fine():
    page = parse_results(fixture_bytes("http/zoek-no-facets.json"), WebsiteQuery(text="x"))
    assert [h.ecli for h in page.entries] == ["ECLI:NL:GHAMS:2022:612"]


def test_decision_date_window_is_applied_to_the_hits():
    query = WebsiteQuery(text="x", date_from=date(2022, 1, 1), date_to=date(2022, 6, 15))
    page = parse_results(fixture_bytes("http/zoek-results.json"), query)
    assert [h.ecli for h in page.entries] == ["ECLI:NL:RBGEL:2022:3101"]
    assert page.received == 3


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (fixture_bytes("http/zoek-error.html"), "not JSON"),
        (b"", "not JSON"),
        (b'{"ResultCount": 3, "Hits": []}', "without a 'Results' list"),
        (b'["ECLI:NL:RBGEL:2022:3101"]', "without a 'Results' list"),
        (
            b'{"Results": [{"Titel": "Rechtbank Gelderland, 14-06-2022, 05/880412-21"}]}',
            "without an ECLI",
        ),
        (b'{"Results": ["ECLI:NL:RBGEL:2022:3101"]}', "not an object"),
    ],
    ids=["html", "empty", "renamed-list", "bare-list", "hit-without-ecli", "hit-not-object"],
)
@responses.activate
def test_unexpected_shapes_stop_with_one_line(session, body, problem):
    responses.post(URL, body=body)
    with pytest.raises(BadResponse, match=problem) as caught:
        WebsiteSearch(session).page(WebsiteQuery(text="x"))
    message = str(caught.value)
    assert "\n" not in message and "rulings search --query" in message


@responses.activate
def test_refusal_status_is_a_bad_response(session):
    responses.post(URL, status=403, body=fixture_bytes("http/zoek-error.html"))
    with pytest.raises(BadResponse, match="HTTP 403: search refused"):
        WebsiteSearch(session).page(WebsiteQuery(text="x"))


@responses.activate
def test_site_down_after_retries(session):
    responses.post(URL, status=502)
    with pytest.raises(SourceUnavailable, match="gave up after 3 attempts"):
        WebsiteSearch(session).page(WebsiteQuery(text="x"))


def results(start: int, count: int, total: int, year: int = 2022) -> bytes:
    hits = [
        {
            "TitelEmphasis": f"ECLI:NL:RBAMS:{year}:{n}",
            "Titel": f"Rechtbank Amsterdam, 01-03-{year}, 13/{n:06d}-21",
            "Uitspraakdatum": f"01-03-{year}",
        }
        for n in range(start + 1, start + count + 1)
    ]
    return json.dumps({"ResultCount": total, "Results": hits}).encode()


@responses.activate
def test_pages_by_start_row_until_the_total(session):
    for start, count in ((0, 100), (100, 100), (200, 31)):
        responses.post(URL, body=results(start, count, 231))
    pages = list(WebsiteSearch(session).pages(WebsiteQuery(text="x")))
    assert [body_sent(i)["StartRow"] for i in range(3)] == [0, 100, 200]
    eclis = [h.ecli for p in pages for h in p.entries]
    assert len(eclis) == len(set(eclis)) == 231


@responses.activate
def test_paging_stops_once_a_page_is_older_than_the_window(session):
    responses.post(URL, body=results(0, 100, 5000, year=2020))
    query = WebsiteQuery(text="x", date_from=date(2021, 1, 1))
    pages = list(WebsiteSearch(session).pages(query))
    assert len(pages) == 1 and pages[0].entries == []
    assert len(responses.calls) == 1


def test_website_url_from_option_environment_or_default(monkeypatch):
    monkeypatch.delenv("RULINGS_WEBSITE_URL", raising=False)
    assert website_base_url() == "https://uitspraken.rechtspraak.nl"
    monkeypatch.setenv("RULINGS_WEBSITE_URL", "http://127.0.0.1:8081/")
    assert website_base_url() == "http://127.0.0.1:8081"


@responses.activate
def test_a_page_cap_below_the_page_size_does_not_end_the_listing(session):
    for start, count in ((0, 50), (50, 50), (100, 20)):
        responses.post(URL, body=results(start, count, 120))
    pages = list(WebsiteSearch(session).pages(WebsiteQuery(text="x")))
    assert [p.received for p in pages] == [50, 50, 20]
    assert [body_sent(i)["StartRow"] for i in range(3)] == [0, 50, 100]
