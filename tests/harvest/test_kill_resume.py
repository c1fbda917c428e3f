"""End to end: a real `rulings harvest` process against the fake service, killed with SIGKILL
part-way and run again through 429s, 503s, timeouts, cut-off bodies and resets. Nothing may be
lost, stored twice, or downloaded again once it was stored."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from fakeserver import FakeServer, FakeService, make_docs

DOCS = 80
KILL_AFTER = 25  # documents served before the first run is killed
FAULTS = {  # index position -> what the service does on the first requests for that document
    60: ["429"],
    63: ["503", "503"],
    66: ["timeout"],
    69: ["truncate"],
    72: ["reset"],
    75: ["429-date", "503"],
}


def command(db: Path, url: str) -> list[str]:
    return [
        sys.executable, "-m", "rulings", "--db", str(db), "harvest",
        "--from", "2021-01-01", "--to", "2021-12-31", "--base-url", url,
        "--rate", "200", "--workers", "2", "--timeout", "0.5", "--attempts", "6",
    ]  # fmt: skip


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("RULINGS_")}


def stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT ecli FROM ruling")]


def test_killed_harvest_resumes_without_loss_or_refetch(tmp_path):
    docs = make_docs(DOCS)
    faults = {docs[i].ecli: list(f) for i, f in FAULTS.items()}
    service = FakeService(docs, faults=faults, slow_seconds=1.5, document_delay=0.04)
    db = tmp_path / "corpus" / "rulings.db"
    with FakeServer(service) as server:
        first = subprocess.Popen(
            command(db, server.url), env=clean_env(), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=tmp_path,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while sum(service.served.values()) < KILL_AFTER:
            assert first.poll() is None, first.communicate()[1].decode()
            assert time.monotonic() < deadline, "the first run never got going"
            time.sleep(0.005)
        first.send_signal(signal.SIGKILL)
        first.communicate()
        assert first.returncode == -signal.SIGKILL

        before = set(stored(db))
        served_before = dict(service.served)
        assert 0 < len(before) < DOCS

        second = subprocess.run(
            command(db, server.url), env=clean_env(), capture_output=True, cwd=tmp_path, timeout=60
        )
        assert second.returncode == 0, second.stderr.decode()

    eclis = [d.ecli for d in docs]
    after = stored(db)
    assert sorted(after) == sorted(eclis)  # nothing lost, nothing stored twice
    for ecli in before:
        assert service.served[ecli] == served_before[ecli], f"{ecli} was downloaded again"
    refetched = [e for e in eclis if service.served[e] > 1]
    assert len(refetched) <= 2 * 4 + 2  # at most what was in flight when the process died
    raw = sorted(p.name for p in (db.parent / "raw" / "2021").glob("*.xml"))
    assert raw == sorted(e.replace(":", "_") + ".xml" for e in eclis)
    with sqlite3.connect(db) as conn:
        statuses = dict(conn.execute("SELECT status, count(*) FROM harvest_log GROUP BY status"))
    assert statuses == {"stored": DOCS}
    for ecli in faults:  # every fault was met, and still the document arrived
        assert service.requested[ecli] > service.served[ecli] == 1
