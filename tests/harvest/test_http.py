"""PoliteSession: one rate limit for all threads, a named User-Agent, timeouts, and retries that
back off exponentially and honour Retry-After, for every transient failure the service can show."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
import requests
import responses

from rulings.errors import ConfigError, SourceUnavailable
from rulings.harvest.http import (
    USER_AGENT,
    PoliteSession,
    RateLimiter,
    Stopped,
    is_retryable,
    retry_after_seconds,
)

URL = "https://data.rechtspraak.nl/uitspraken/content"
ECLI = "ECLI:NL:RBGEL:2022:3101"


# --- rate limiter ------------------------------------------------------------------------


def test_limiter_spaces_requests_at_the_rate(clock):
    limiter = RateLimiter(2.0, clock=clock, sleep=clock.sleep)
    waits = [limiter.acquire() for _ in range(4)]
    assert waits == [0.0, 0.5, 0.5, 0.5]


def test_limiter_with_burst_lets_saved_tokens_go_at_once(clock):
    limiter = RateLimiter(1.0, burst=3, clock=clock, sleep=clock.sleep)
    clock.now += 10  # idle time saves up tokens, at most `burst`
    waits = [round(limiter.acquire(), 3) for _ in range(5)]
    assert waits == [0.0, 0.0, 0.0, 1.0, 1.0]


def test_limiter_defer_holds_every_caller_back(clock):
    limiter = RateLimiter(None, clock=clock, sleep=clock.sleep)
    assert limiter.acquire() == 0.0
    limiter.defer(30)
    assert limiter.acquire() == 30.0
    assert limiter.acquire() == 0.0


def test_limiter_holds_across_threads():
    limiter = RateLimiter(100.0)
    started = time.monotonic()
    threads = [
        threading.Thread(target=lambda: [limiter.acquire() for _ in range(5)]) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # 20 requests at 100/s: the first goes at once, the other 19 are spaced 10 ms apart
    assert time.monotonic() - started >= 0.18


# --- Retry-After -------------------------------------------------------------------------

NOW = datetime(2024, 3, 5, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),  # delta-seconds
        (" 5 ", 5.0),
        (format_datetime(NOW + timedelta(seconds=90), usegmt=True), 90.0),  # HTTP date
        (format_datetime(NOW - timedelta(seconds=30), usegmt=True), 0.0),  # already past
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_seconds(header, seconds):
    assert retry_after_seconds(header, now=NOW) == seconds


@pytest.mark.parametrize(
    ("status", "retry"),
    [(200, False), (404, False), (400, False), (429, True), (500, True), (503, True)],
)
def test_which_statuses_are_retried(status, retry):
    assert is_retryable(status) is retry


# --- the session -------------------------------------------------------------------------


@responses.activate
def test_every_request_names_the_tool_and_has_a_timeout(session):
    responses.get(URL, body=b"<open-rechtspraak/>")
    session.get(URL, params={"id": ECLI})
    request = responses.calls[0].request
    assert request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("rulings/") and "github.com/rulings-nl/rulings" in USER_AGENT
    assert USER_AGENT.isascii()
    assert request.req_kwargs["timeout"] == 5


def test_user_agent_is_made_ascii():
    polite = PoliteSession(user_agent="rulings/1.0 (onderzoek Universiteit Utrecht — strafrecht)")
    assert polite.user_agent.isascii()
    assert polite.user_agent.startswith("rulings/1.0 (onderzoek Universiteit Utrecht ")


@responses.activate
def test_503_is_retried_with_exponential_backoff(session, clock):
    responses.get(URL, status=503)
    responses.get(URL, status=502)
    responses.get(URL, body=b"<open-rechtspraak/>")
    response = session.get(URL, params={"id": ECLI})
    assert response.status_code == 200
    # equal jitter at 0.5: 1 s ceiling -> 0.75 s, then 2 s ceiling -> 1.5 s
    assert clock.sleeps == [0.75, 1.5]


@responses.activate
def test_429_waits_as_long_as_retry_after_says(session, clock):
    responses.get(URL, status=429, headers={"Retry-After": "7"})
    responses.get(URL, body=b"<open-rechtspraak/>")
    assert session.get(URL).status_code == 200
    assert clock.sleeps == [7.0]


@responses.activate
def test_retry_after_as_an_http_date(session, clock):
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    responses.get(URL, status=503, headers={"Retry-After": when})
    responses.get(URL, body=b"<open-rechtspraak/>")
    session.get(URL)
    assert len(clock.sleeps) == 1 and 17 <= clock.sleeps[0] <= 20


@responses.activate
def test_an_excessive_retry_after_is_capped(clock):
    polite = PoliteSession(rate=None, max_retry_after=60, sleep=clock.sleep, clock=clock)
    responses.get(URL, status=429, headers={"Retry-After": "86400"})
    responses.get(URL, body=b"ok")
    polite.get(URL)
    assert clock.sleeps == [60.0]


@pytest.mark.parametrize(
    ("failure", "problem"),
    [
        (requests.ConnectionError("Connection reset by peer"), "connection failed"),
        (requests.ReadTimeout("read timed out"), "no answer within 5 s"),
        (requests.ConnectTimeout("connect timed out"), "no answer within 5 s"),
        (requests.exceptions.ChunkedEncodingError("IncompleteRead"), "answer cut short"),
    ],
    ids=["reset", "read-timeout", "connect-timeout", "truncated"],
)
@responses.activate
def test_transport_failures_are_retried_then_reported(session, clock, failure, problem):
    responses.get(URL, body=failure)
    responses.get(URL, body=failure)
    responses.get(URL, body=b"<open-rechtspraak/>")
    assert session.get(URL, params={"id": ECLI}).status_code == 200
    assert clock.sleeps == [0.75, 1.5]

    responses.reset()
    responses.get(URL, body=failure)
    with pytest.raises(SourceUnavailable) as caught:
        session.get(URL, params={"id": ECLI})
    assert caught.value.attempts == 3
    assert problem in str(caught.value)
    assert f"content?id={ECLI}" in str(caught.value)


@responses.activate
def test_gives_up_after_max_attempts_with_one_line(session):
    responses.get(URL, status=500)
    with pytest.raises(SourceUnavailable) as caught:
        session.get(URL, params={"id": ECLI})
    assert len(responses.calls) == 3
    assert str(caught.value) == f"{URL}?id={ECLI}: gave up after 3 attempts (HTTP 500)"


@pytest.mark.parametrize("status", [400, 403, 404, 410])
@responses.activate
def test_client_errors_are_answers_not_retried(session, clock, status):
    responses.get(URL, status=status, body=b"Niet gevonden")
    assert session.get(URL).status_code == status
    assert len(responses.calls) == 1 and clock.sleeps == []


@responses.activate
def test_post_json_sends_json_and_asks_for_json(session):
    responses.post("https://uitspraken.rechtspraak.nl/api/zoek", json={"Results": []})
    session.post_json("https://uitspraken.rechtspraak.nl/api/zoek", {"StartRow": 0})
    request = responses.calls[0].request
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Accept"] == "application/json"
    assert request.body == b'{"StartRow": 0}'


def test_a_url_without_scheme_is_a_config_error(session):
    with pytest.raises(ConfigError, match="not a usable URL"):
        session.get("data.rechtspraak.nl/uitspraken/zoeken")


@responses.activate
def test_a_stopped_session_sends_nothing_more(session):
    responses.get(URL, body=b"ok")
    session.stop()
    with pytest.raises(Stopped):
        session.get(URL)
    assert len(responses.calls) == 0


def test_stop_wakes_a_waiting_request():
    polite = PoliteSession(rate=0.05)  # one request per 20 s
    polite.limiter.acquire()  # use up the first slot
    stopper = threading.Timer(0.1, polite.stop)
    stopper.start()
    started = time.monotonic()
    with pytest.raises(Stopped):
        polite.get("http://127.0.0.1:9/never")
    assert time.monotonic() - started < 5


@responses.activate
def test_proxies_come_from_the_environment(session, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.universiteit.example:3128")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    responses.get(URL, body=b"ok")
    responses.get("http://127.0.0.1:8080/uitspraken/content", body=b"ok")
    session.get(URL)
    session.get("http://127.0.0.1:8080/uitspraken/content")
    proxies = responses.calls[0].request.req_kwargs["proxies"]
    assert proxies["https"] == "http://proxy.universiteit.example:3128"
    assert not responses.calls[1].request.req_kwargs["proxies"]  # NO_PROXY host


@responses.activate
def test_a_ca_bundle_from_the_environment_is_used(clock, monkeypatch):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/universiteit-proxy.pem")
    polite = PoliteSession(rate=None, sleep=clock.sleep, clock=clock)
    responses.get(URL, body=b"ok")
    polite.get(URL)
    polite.close()
    assert responses.calls[0].request.req_kwargs["verify"] == "/etc/ssl/universiteit-proxy.pem"
