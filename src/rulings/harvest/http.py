"""The one place that talks HTTP: a polite session every remote source shares.

Docs:    rechtspraak-api-reference.md §5 (manners). The only official guidance is not to send
         requests in parallel and not to hammer the service; no numeric limit is published.
Quirks:  429 and Retry-After were never reported for rechtspraak.nl, but both are honoured if they
         come. Truncated bodies surface in requests as ChunkedEncodingError (also for a body
         shorter than its Content-Length) and are retried like a dropped connection.
History: 2026-11 first version.

Every request waits for a token from one rate limiter shared by all worker threads, carries a
User-Agent that names the tool, and has a timeout. Connection errors, timeouts, cut-off bodies,
429 and 5xx are retried with exponential back-off and jitter; a Retry-After header (seconds or an
HTTP date) replaces the computed wait. While one request backs off, the whole session does: the
wait is placed on the shared limiter, so no other worker keeps pressing a struggling server.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import unquote, urlsplit

import requests

from rulings import __version__
from rulings.errors import ConfigError, SourceUnavailable

__all__ = [
    "USER_AGENT",
    "PoliteSession",
    "RateLimiter",
    "Stopped",
    "retry_after_seconds",
]

logger = logging.getLogger(__name__)

USER_AGENT = f"rulings/{__version__} (+https://github.com/rulings-nl/rulings; research use)"
DEFAULT_RATE = 1.0  # requests per second: what harvesters of this service do (reference §5)
DEFAULT_TIMEOUT = 30.0  # seconds to connect and between bytes of the answer
DEFAULT_ATTEMPTS = 5
TRANSIENT_ERRORS = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)
URL_ERRORS = (
    requests.exceptions.MissingSchema,
    requests.exceptions.InvalidSchema,
    requests.exceptions.InvalidURL,
)

Params = Mapping[str, Any] | Sequence[tuple[str, Any]] | None


class Stopped(Exception):
    """The session was stopped (Ctrl-C) while a request waited; not an error of the source."""


class RateLimiter:
    """A token bucket shared by threads: `rate` tokens a second, at most `burst` saved up.

    Implemented as a reservation (GCRA): each caller books the next free slot under a lock and
    sleeps outside it, so waiting threads never spin and the spacing holds across workers.
    """

    def __init__(
        self,
        rate: float | None,
        *,
        burst: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Any] = time.sleep,
    ) -> None:
        self.interval = 1.0 / rate if rate else 0.0
        self.tolerance = max(burst - 1.0, 0.0) * self.interval
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tat = clock()  # theoretical arrival time of the next request
        self._not_before = 0.0

    def acquire(self) -> float:
        """Wait for a token; returns the seconds waited."""
        with self._lock:
            now = self._clock()
            base = max(self._tat, now)
            wait = max(0.0, base - self.tolerance - now, self._not_before - now)
            self._tat = max(base, now + wait) + self.interval
        if wait > 0:
            self._sleep(wait)
        return wait

    def defer(self, seconds: float) -> None:
        """Hold every caller back for `seconds` from now (a server asked us to slow down)."""
        with self._lock:
            self._not_before = max(self._not_before, self._clock() + seconds)


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or HTTP date); None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class PoliteSession:
    """Rate-limited, retrying HTTP for the harvest sources; safe to share between threads.

    Args:
        rate: requests per second across all threads; None or 0 for no limit.
        timeout: seconds allowed to connect and between bytes of an answer.
        max_attempts: tries per request before SourceUnavailable is raised.
        backoff: first retry wait in seconds; doubles each attempt (with jitter) up to max_backoff.
        max_retry_after: the longest Retry-After honoured; longer requests are capped.
        sleep, clock, jitter: injectable for tests; jitter returns a float in [0, 1).
    """

    def __init__(
        self,
        *,
        rate: float | None = DEFAULT_RATE,
        timeout: float = DEFAULT_TIMEOUT,
        max_attempts: int = DEFAULT_ATTEMPTS,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        max_retry_after: float = 300.0,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.timeout = timeout
        self.max_attempts = max(1, max_attempts)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.user_agent = user_agent.encode("ascii", "replace").decode("ascii")
        self._stop = threading.Event()
        self._sleep = sleep or self._interruptible_sleep
        self._jitter = jitter
        self.limiter = RateLimiter(rate, clock=clock, sleep=self._sleep)
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._proxy_cache: dict[str, dict[str, str]] = {}
        self._proxy_lock = threading.Lock()

    # --- public --------------------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        params: Params = None,
        headers: Mapping[str, str] | None = None,
        allow_redirects: bool = True,
    ) -> requests.Response:
        """GET with politeness and retries; returns the final non-retryable response."""
        return self.request(
            "GET", url, params=params, headers=headers, allow_redirects=allow_redirects
        )

    def post_json(
        self, url: str, payload: Any, *, headers: Mapping[str, str] | None = None
    ) -> requests.Response:
        """POST a JSON body (the website search); same politeness as GET."""
        merged = {"Accept": "application/json", **(headers or {})}
        return self.request("POST", url, json=payload, headers=merged)

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        """Send one request, retrying transient failures; raises SourceUnavailable at the end.

        Responses other than 429 and 5xx (also 404 and 400) are returned for the caller to
        judge: only the caller knows whether "not found" means gone or broken.
        """
        problem = ""
        shown = display_url(method, url, kwargs.get("params"))
        for attempt in range(1, self.max_attempts + 1):
            self._check_stopped()
            self.limiter.acquire()
            self._check_stopped()
            try:
                response = self._session().request(
                    method, url, timeout=self.timeout, proxies=self._proxies(url), **kwargs
                )
            except URL_ERRORS as err:
                raise ConfigError(f"{shown}: not a usable URL ({err})") from err
            except TRANSIENT_ERRORS as err:
                problem = describe_error(err, self.timeout)
                wait = self._backoff(attempt)
            else:
                if not is_retryable(response.status_code):
                    return response
                problem = f"HTTP {response.status_code}"
                wait = self._server_wait(response, attempt)
                response.close()
            if attempt < self.max_attempts:
                logger.info("%s: %s; retry %d in %.1f s", shown, problem, attempt, wait)
                self.limiter.defer(wait)
        raise SourceUnavailable(shown, self.max_attempts, problem)

    def stop(self) -> None:
        """Make waiting and future requests raise Stopped (used on Ctrl-C)."""
        self._stop.set()

    def close(self) -> None:
        """Stop, and close the connections of every thread's session."""
        self.stop()
        with self._proxy_lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    # --- internals -----------------------------------------------------------------------

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = self.user_agent
            # The environment is read here and once per host in _proxies, not on every request
            # (requests would also open ~/.netrc each time; no credentials are wanted here).
            session.trust_env = False
            session.verify = (
                os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
            )
            self._local.session = session
            with self._proxy_lock:
                self._sessions.append(session)
        return session

    def _proxies(self, url: str) -> dict[str, str]:
        """HTTP(S)_PROXY / NO_PROXY for this URL's host, looked up once per host."""
        host = urlsplit(url).netloc
        with self._proxy_lock:
            if host not in self._proxy_cache:
                self._proxy_cache[host] = requests.utils.get_environ_proxies(url)
            return self._proxy_cache[host]

    def _backoff(self, attempt: int) -> float:
        """Exponential wait with 'equal jitter': half fixed, half random."""
        ceiling = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
        return ceiling / 2 + ceiling / 2 * self._jitter()

    def _server_wait(self, response: requests.Response, attempt: int) -> float:
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        if asked is None:
            return self._backoff(attempt)
        return min(asked, self.max_retry_after)

    def _interruptible_sleep(self, seconds: float) -> None:
        self._stop.wait(seconds)

    def _check_stopped(self) -> None:
        if self._stop.is_set():
            raise Stopped()


def display_url(method: str, url: str, params: Params) -> str:
    """The URL with its query, readable (ECLIs with their colons) for messages and logs."""
    try:
        prepared = requests.Request(method, url, params=params).prepare().url or url
    except requests.RequestException:
        return url
    return unquote(prepared)


def is_retryable(status: int) -> bool:
    """429 (too many requests) and every 5xx are worth another try; the rest are answers."""
    return status == 429 or 500 <= status <= 599


def describe_error(err: Exception, timeout: float) -> str:
    """A few words for a transport failure, for logs and the harvest log."""
    if isinstance(err, requests.Timeout):
        return f"no answer within {timeout:g} s"
    if isinstance(
        err, requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError
    ):
        return "answer cut short"
    return f"connection failed ({type(_root_cause(err)).__name__})"


def _root_cause(err: BaseException) -> BaseException:
    """The innermost exception (ConnectionResetError, gaierror ...) behind a requests error."""
    for _ in range(10):
        if err.__context__ is None:
            break
        err = err.__context__
    return err
