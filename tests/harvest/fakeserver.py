"""A stand-in for data.rechtspraak.nl (and the website search) on 127.0.0.1, for tests and bench.

It serves Atom index pages computed from a list of documents (filtered by the real parameters:
`date` twice, `modified`, `creator`, `from`, `max`; sorted oldest change first, subtitle with the
total) and the documents themselves in the open-rechtspraak shape, and it can misbehave on
request: 429 with Retry-After, 503, an answer slower than the client's timeout, a body cut short,
a connection reset, 404, a redirect to the notice page, an HTML page. It counts what it served, per
ECLI, so a test can prove that nothing was fetched twice.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NAMESPACES = (
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:ecli="https://e-justice.europa.eu/ecli" xmlns:tr="http://tuchtrecht.overheid.nl/" '
    'xmlns:eu="http://publications.europa.eu/celex/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:bwb="bwb-dl" xmlns:cvdr="http://decentrale.regelgeving.overheid.nl/cvdr/" '
    'xmlns:psi="http://psi.rechtspraak.nl/" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"'
)
BODY_NS = (
    'xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0" '
    'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
)
OWMS = "http://standaarden.overheid.nl/owms/terms/"
COURTS = (
    ("RBGEL", "Rechtbank Gelderland", "Arnhem", "05"),
    ("RBNNE", "Rechtbank Noord-Nederland", "Groningen", "18"),
    ("RBZWB", "Rechtbank Zeeland-West-Brabant", "Breda", "02"),
    ("GHARL", "Gerechtshof Arnhem-Leeuwarden", "Arnhem", "21"),
)
NOTICE_URL = "https://mededeling.rechtspraak.nl/404"


@dataclass
class FakeDoc:
    """One ECLI the fake service knows, with what its index entry and document say."""

    ecli: str
    court: str
    seat: str
    decided: date
    updated: datetime  # index change stamp, UTC
    case_number: str
    summary: str = "-"
    with_text: bool = True
    paras: tuple[str, ...] = ()

    @property
    def court_uri(self) -> str:
        return OWMS + self.court.replace(" ", "_")

    @property
    def modified_local(self) -> datetime:
        return self.updated.astimezone(AMSTERDAM).replace(tzinfo=None)


def make_docs(count: int, *, year: int = 2021, padding: int = 0) -> list[FakeDoc]:
    """`count` criminal rulings decided in `year`, changed one minute apart, in index order."""
    docs = []
    start = datetime(year + 1, 1, 10, 8, 0, tzinfo=UTC)
    for n in range(1, count + 1):
        code, court, seat, parket = COURTS[n % len(COURTS)]
        decided = date(year, 1, 1) + timedelta(days=(n * 7) % 360)
        serial = 700000 + n
        filler = " De rechtbank heeft gelet op het strafblad van [verdachte]." * padding
        docs.append(
            FakeDoc(
                ecli=f"ECLI:NL:{code}:{year}:{1000 + n}",
                court=court,
                seat=seat,
                decided=decided,
                updated=start + timedelta(minutes=n),
                case_number=f"{parket}/{serial:06d}-{year % 100 - 1:02d}",
                summary=(
                    f"Veroordeling van [verdachte] tot een taakstraf van {40 + n % 200} uren "
                    "wegens ontucht met een minderjarige tegen betaling."
                ),
                paras=(
                    "De officier van justitie heeft gevorderd dat de verdachte wordt veroordeeld "
                    f"tot een gevangenisstraf voor de duur van {n % 12 + 1} maanden.{filler}",
                    "De rechtbank veroordeelt de verdachte tot een taakstraf voor de duur van "
                    f"{40 + n % 200} uren, subsidiair {20 + n % 100} dagen hechtenis.",
                ),
            )
        )
    return docs


def document_xml(doc: FakeDoc) -> bytes:
    """The open-rechtspraak document of `doc`, serialised as the service does (2-space indent)."""
    dmy = doc.decided.strftime("%d-%m-%Y")
    published = (doc.decided + timedelta(days=9)).isoformat()
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<open-rechtspraak>\n',
        f"  <rdf:RDF {NAMESPACES}>\n    <rdf:Description>\n",
        f"      <dcterms:identifier>{doc.ecli}</dcterms:identifier>\n",
        "      <dcterms:format>text/xml</dcterms:format>\n",
        "      <dcterms:accessRights>public</dcterms:accessRights>\n",
        f"      <dcterms:modified>{doc.modified_local.isoformat()}</dcterms:modified>\n",
        f'      <dcterms:issued rdfs:label="Publicatiedatum">{published}</dcterms:issued>\n',
        '      <dcterms:publisher resourceIdentifier="http://rechtspraak.nl/">'
        "Raad voor de Rechtspraak</dcterms:publisher>\n",
        "      <dcterms:language>nl</dcterms:language>\n",
        f'      <dcterms:creator rdfs:label="Instantie" resourceIdentifier="{doc.court_uri}" '
        f'scheme="overheid.RechterlijkeMacht">{doc.court}</dcterms:creator>\n',
        '      <dcterms:date rdfs:label="Uitspraakdatum">'
        f"{doc.decided.isoformat()}</dcterms:date>\n",
        f'      <psi:zaaknummer rdfs:label="Zaaknr">{doc.case_number}</psi:zaaknummer>\n',
        '      <dcterms:type rdf:language="nl" resourceIdentifier="http://psi.rechtspraak.nl/'
        'uitspraak">Uitspraak</dcterms:type>\n',
        '      <psi:procedure rdf:language="nl" rdfs:label="Procedure" resourceIdentifier='
        '"http://psi.rechtspraak.nl/procedure#eersteAanlegMeervoudig">Eerste aanleg - '
        "meervoudig</psi:procedure>\n",
        "      <dcterms:coverage>NL</dcterms:coverage>\n",
        f'      <dcterms:spatial rdfs:label="Zittingsplaats">{doc.seat}</dcterms:spatial>\n',
        '      <dcterms:subject rdfs:label="Rechtsgebied" resourceIdentifier="http://psi.'
        'rechtspraak.nl/rechtsgebied#strafrecht">Strafrecht</dcterms:subject>\n',
        "    </rdf:Description>\n",
    ]
    if doc.with_text:
        parts += [
            f'    <rdf:Description rdf:about="http://deeplink.rechtspraak.nl/uitspraak?id='
            f'{doc.ecli}">\n',
            f'      <dcterms:title rdf:language="nl">{doc.ecli} {doc.court} , {dmy} / '
            f"{doc.case_number}</dcterms:title>\n",
            "    </rdf:Description>\n  </rdf:RDF>\n",
            f'  <inhoudsindicatie id="{doc.ecli}:INH" lang="nl" xml:space="preserve" {BODY_NS}>\n',
            f"    <para>{escape(doc.summary)}</para>\n  </inhoudsindicatie>\n",
            f'  <uitspraak id="{doc.ecli}:DOC" lang="nl" xml:space="preserve" {BODY_NS}>\n',
            f"    <uitspraak.info>\n      <para>{doc.court.upper()}</para>\n",
            f"      <para>Parketnummer: {doc.case_number}</para>\n    </uitspraak.info>\n",
            "    <section>\n      <title><nr>5</nr>De vordering van de officier van justitie"
            f"</title>\n      <para>{escape(doc.paras[0])}</para>\n    </section>\n",
            '    <section role="beslissing">\n      <title><nr>9</nr>De beslissing</title>\n'
            f"      <para>{escape(doc.paras[1])}</para>\n    </section>\n",
            "  </uitspraak>\n</open-rechtspraak>\n",
        ]
    else:
        parts.append("  </rdf:RDF>\n</open-rechtspraak>\n")
    return "".join(parts).encode("utf-8")


def _cut(summary: str) -> str:
    """The index cuts summaries at 400 characters: 397 and an ellipsis."""
    return summary[:397] + "..." if len(summary) > 400 else summary


def atom_page(total: int, docs: list[FakeDoc], feed_number: int = 1) -> bytes:
    """One index page: one line, no indentation, as the service sends it."""
    entries = "".join(
        f'<entry><id>{d.ecli}</id><title type="text">{d.ecli}, {d.court}, '
        f"{d.decided.strftime('%d-%m-%Y')}, {d.case_number}</title>"
        f'<summary type="text">{escape(_cut(d.summary))}'
        f"</summary><updated>{d.updated.strftime('%Y-%m-%dT%H:%M:%SZ')}</updated>"
        f'<link rel="alternate" type="text/html" '
        f'href="https://uitspraken.rechtspraak.nl/details?id={d.ecli}" /></entry>'
        for d in docs
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title type="text">Rechtspraak Open Data (Uitspraken)</title>'
        f'<subtitle type="text">Aantal gevonden ECLI\'s: {total}</subtitle>'
        f"<id>uuid:0d6a7c1e-5b2f-4e8a-9c3d-7f1e2a4b6c8d;id={feed_number}</id>"
        '<rights type="text">Copyright 2024 Rechtspraak.</rights>'
        f"<updated>{datetime.now(AMSTERDAM).isoformat(timespec='seconds')}</updated>"
        f"{entries}</feed>"
    ).encode()


@dataclass
class FakeService:
    """What the fake serves and how it misbehaves; shared with the handler threads."""

    docs: list[FakeDoc]
    faults: dict[str, list[str]] = field(default_factory=dict)  # ECLI -> faults, one per request
    index_faults: dict[int, list[str]] = field(default_factory=dict)  # offset -> faults
    slow_seconds: float = 2.0  # how long a "timeout" fault stalls
    document_delay: float = 0.0  # every document answer waits this long (to slow a run down)
    website_hits: list[str] = field(default_factory=list)
    served: Counter[str] = field(default_factory=Counter)  # complete 200 documents per ECLI
    requested: Counter[str] = field(default_factory=Counter)  # every document request per ECLI
    index_requests: list[dict[str, list[str]]] = field(default_factory=list)
    website_requests: list[dict[str, object]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def find(self, ecli: str) -> FakeDoc | None:
        """The document with this ECLI (an index, rebuilt when the list is replaced or grows)."""
        with self.lock:
            key = (id(self.docs), len(self.docs))
            if getattr(self, "_index_key", None) != key:
                self._index = {d.ecli: d for d in self.docs}
                self._index_key = key
            return self._index.get(ecli)

    def body(self, doc: FakeDoc) -> bytes:
        """The serialised document, cached while the document stays the same."""
        key = (doc.ecli, doc.updated, doc.summary, doc.with_text)
        with self.lock:
            cache = self.__dict__.setdefault("_bodies", {})
            if key not in cache:
                cache[key] = document_xml(doc)
            return cache[key]

    def next_fault(self, key: str | int, table: dict) -> str | None:  # type: ignore[type-arg]
        with self.lock:
            queue = table.get(key)
            return queue.pop(0) if queue else None

    def listing(self, params: dict[str, list[str]]) -> tuple[int, list[FakeDoc]]:
        docs = self.docs
        dates = [date.fromisoformat(d) for d in params.get("date", [])]
        if len(dates) == 2:
            docs = [d for d in docs if dates[0] <= d.decided <= dates[1]]
        if params.get("modified"):
            since = datetime.fromisoformat(params["modified"][0])
            docs = [d for d in docs if d.modified_local >= since]
        if params.get("creator"):
            docs = [d for d in docs if d.court_uri in params["creator"]]
        docs = sorted(docs, key=lambda d: (d.updated, d.ecli))
        start = int(params.get("from", ["0"])[0])
        size = int(params.get("max", ["1000"])[0])
        return len(docs), docs[start : start + size]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        params = parse_qs(parts.query)
        if parts.path == "/uitspraken/zoeken":
            self._index(params)
        elif parts.path == "/uitspraken/content":
            self._document(params.get("id", [""])[0])
        else:
            self._send(404, b"Not Found", "text/plain")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        service = self.server.service
        with service.lock:
            service.website_requests.append(body)
        start, size = body.get("StartRow", 0), body.get("PageSize", 10)
        hits = [self._hit(ecli) for ecli in service.website_hits[start : start + size]]
        answer = {"ResultCount": len(service.website_hits), "Results": hits, "FacetCounts": {}}
        self._send(200, json.dumps(answer).encode(), "application/json; charset=utf-8")

    def _hit(self, ecli: str) -> dict[str, object]:
        doc = self.server.service.find(ecli)
        assert doc is not None, ecli
        dmy = doc.decided.strftime("%d-%m-%Y")
        return {
            "TitelEmphasis": ecli,
            "Titel": f"{doc.court}, {dmy}, {doc.case_number}",
            "Uitspraakdatum": dmy,
            "GerechtelijkProductType": "uitspraak",
        }

    def _index(self, params: dict[str, list[str]]) -> None:
        service = self.server.service
        with service.lock:
            service.index_requests.append(params)
        if self._misbehave(
            service.next_fault(int(params.get("from", ["0"])[0]), service.index_faults)
        ):
            return
        total, docs = service.listing(params)
        self._send(200, atom_page(total, docs, len(service.index_requests)), "application/atom+xml")

    def _document(self, ecli: str) -> None:
        service = self.server.service
        with service.lock:
            service.requested[ecli] += 1
        if self._misbehave(service.next_fault(ecli, service.faults)):
            return
        doc = service.find(ecli)
        if doc is None:
            self._send(404, b"Niet gevonden", "text/plain")
            return
        if service.document_delay:
            time.sleep(service.document_delay)
        self._send(200, service.body(doc), "application/xml; charset=utf-8")
        with service.lock:
            service.served[ecli] += 1

    def _misbehave(self, fault: str | None) -> bool:
        """Act out one fault; True when the request has been answered (or dropped)."""
        if fault is None:
            return False
        if fault == "429":
            self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": "1"})
        elif fault == "429-date":
            when = format_datetime(datetime.now(UTC) + timedelta(seconds=1), usegmt=True)
            self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": when})
        elif fault == "503":
            self._send(503, b"Service Unavailable", "text/plain")
        elif fault == "timeout":
            time.sleep(self.server.service.slow_seconds)
            self.close_connection = True
        elif fault == "truncate":
            self._truncated()
        elif fault == "reset":
            self._reset()
        elif fault == "404":
            self._send(404, b"Niet gevonden", "text/plain")
        elif fault == "redirect":
            self._send(302, b"", "text/plain", {"Location": NOTICE_URL})
        elif fault == "html":
            self._send(
                200,
                b"<!DOCTYPE html><html><body>Uitspraak niet gevonden</body></html>",
                "text/html",
            )
        elif fault == "400":
            self._send(400, b"Ongeldige waarde voor parameter date", "text/plain")
        else:
            raise ValueError(f"unknown fault {fault!r}")
        return True

    def _truncated(self) -> None:
        body = b'<?xml version="1.0" encoding="utf-8"?>\n<open-rechtspraak>\n  <rdf:RDF>' * 20
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body) * 2))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        self.close_connection = True

    def _reset(self) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True

    def _send(
        self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, service: FakeService) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.service = service


class FakeServer:
    """Runs a FakeService on 127.0.0.1 in a background thread; use as a context manager."""

    def __init__(self, service: FakeService) -> None:
        self.service = service
        self._server = _Server(service)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
