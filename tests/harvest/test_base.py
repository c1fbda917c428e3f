"""The shared harvest loop: what is skipped, fetched, kept, logged and retried, and the atomic
raw files it leaves, independent of any real source (the fetcher and parser are stand-ins)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rulings.errors import ParseError, SourceUnavailable
from rulings.harvest.base import Unavailable, harvest, is_current, raw_path_for, write_atomic
from rulings.harvest.opendata import IndexEntry, IndexPage
from rulings.models import RawDocument, Ruling

T0 = datetime(2022, 6, 21, 8, 0, tzinfo=UTC)
ECLIS = [f"ECLI:NL:RBGEL:2022:{n}" for n in range(3101, 3106)]


def entry(ecli: str, minutes: int = 0, deleted: str | None = None) -> IndexEntry:
    return IndexEntry(ecli=ecli, updated=T0 + timedelta(minutes=minutes), deleted=deleted)


def pages(*entries: IndexEntry, size: int = 1000) -> list[IndexPage]:
    chunks = [list(entries[i : i + size]) for i in range(0, len(entries), size)] or [[]]
    return [IndexPage(total=len(entries), entries=chunk) for chunk in chunks]


class Fetcher:
    """Serves prepared answers; remembers what was asked and from which thread."""

    def __init__(self, answers: dict[str, object] | None = None) -> None:
        self.answers = answers or {}
        self.asked: list[str] = []
        self.lock = threading.Lock()

    def fetch(self, ecli: str) -> RawDocument | Unavailable:
        with self.lock:
            self.asked.append(ecli)
        answer = self.answers.get(ecli, f"<open-rechtspraak>{ecli}</open-rechtspraak>".encode())
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, Unavailable):
            return answer
        return RawDocument(ecli=ecli, content=answer, source="opendata", origin=f"test:{ecli}")


class Ingest:
    """Stands in for parse + store: a ruling whose text is the document; b"BROKEN" fails."""

    def __init__(self) -> None:
        self.threads: set[str] = set()

    def __call__(self, store, raw: RawDocument, *, raw_path: str | None = None) -> str:
        self.threads.add(threading.current_thread().name)
        if b"BROKEN" in raw.content:
            raise ParseError(raw.origin, "document is truncated or not well-formed (line 1)")
        ruling = Ruling(ecli=raw.ecli, inhoudsindicatie=raw.content.decode())
        return store.upsert_ruling(ruling, source=raw.source, origin=raw_path or "")


def run(store, tmp_path: Path, listing, fetcher: Fetcher, **kwargs):
    return harvest(
        store,
        listing,
        fetcher,
        source="opendata",
        raw_dir=tmp_path / "raw",
        ingest=kwargs.pop("ingest", Ingest()),
        **kwargs,
    )


def test_new_documents_are_fetched_written_stored_and_logged(store, tmp_path):
    fetcher = Fetcher()
    summary = run(store, tmp_path, pages(*(entry(e, i) for i, e in enumerate(ECLIS))), fetcher)
    assert (summary.listed, summary.fetched, summary.stored, summary.failed) == (5, 5, 5, 0)
    assert sorted(fetcher.asked) == ECLIS
    for i, ecli in enumerate(ECLIS):
        path = tmp_path / "raw" / "2022" / (ecli.replace(":", "_") + ".xml")
        assert path.read_bytes() == f"<open-rechtspraak>{ecli}</open-rechtspraak>".encode()
        log = store.harvest_entry(ecli)
        assert log["status"] == "stored" and log["raw_path"] == str(path)
        assert datetime.fromisoformat(log["modified"]) == T0 + timedelta(minutes=i)
        assert store.has_ruling(ecli)


def test_second_run_fetches_nothing(store, tmp_path):
    listing = [entry(e) for e in ECLIS]
    run(store, tmp_path, pages(*listing), Fetcher())
    again = Fetcher()
    summary = run(store, tmp_path, pages(*listing), again)
    assert again.asked == []
    assert (summary.listed, summary.skipped, summary.fetched) == (5, 5, 0)


def test_a_changed_entry_is_fetched_again(store, tmp_path):
    run(store, tmp_path, pages(entry(ECLIS[0]), entry(ECLIS[1])), Fetcher())
    fetcher = Fetcher({ECLIS[1]: b"<open-rechtspraak>hersteld</open-rechtspraak>"})
    summary = run(store, tmp_path, pages(entry(ECLIS[0]), entry(ECLIS[1], minutes=90)), fetcher)
    assert fetcher.asked == [ECLIS[1]]
    assert summary.stored == 1 and summary.skipped == 1
    assert (
        store.get_ruling(ECLIS[1]).inhoudsindicatie
        == "<open-rechtspraak>hersteld</open-rechtspraak>"
    )
    assert datetime.fromisoformat(store.harvest_entry(ECLIS[1])["modified"]) == T0 + timedelta(
        minutes=90
    )


def test_deleted_entries_are_logged_gone_and_not_fetched(store, tmp_path):
    fetcher = Fetcher()
    listing = pages(
        entry(ECLIS[0]), entry(ECLIS[1], deleted="doc"), entry(ECLIS[2], deleted="ecli")
    )
    summary = run(store, tmp_path, listing, fetcher)
    assert fetcher.asked == [ECLIS[0]]
    assert summary.gone == 2
    assert store.harvest_entry(ECLIS[1])["status"] == "gone"
    assert "deleted=ecli" in store.harvest_entry(ECLIS[2])["error"]


def test_gone_documents_are_not_retried_until_the_index_changes(store, tmp_path):
    first = Fetcher({ECLIS[0]: Unavailable(ECLIS[0], "HTTP 404")})
    summary = run(store, tmp_path, pages(entry(ECLIS[0])), first)
    assert summary.gone == 1 and summary.unavailable == [(ECLIS[0], "HTTP 404")]
    assert store.harvest_entry(ECLIS[0])["error"] == "HTTP 404"

    same = Fetcher()
    run(store, tmp_path, pages(entry(ECLIS[0])), same)
    assert same.asked == []

    changed = Fetcher()
    run(store, tmp_path, pages(entry(ECLIS[0], minutes=5)), changed)
    assert changed.asked == [ECLIS[0]] and store.harvest_entry(ECLIS[0])["status"] == "stored"


def test_failures_are_logged_and_tried_first_next_run(store, tmp_path):
    down = SourceUnavailable(
        f"https://data.rechtspraak.nl/uitspraken/content?id={ECLIS[1]}", 5, "HTTP 503"
    )
    summary = run(
        store, tmp_path, pages(entry(ECLIS[0]), entry(ECLIS[1], 3)), Fetcher({ECLIS[1]: down})
    )
    assert summary.failed == 1 and summary.stored == 1
    assert summary.failures == [(ECLIS[1], str(down))]
    log = store.harvest_entry(ECLIS[1])
    assert log["status"] == "failed" and "gave up after 5 attempts (HTTP 503)" in log["error"]
    assert store.failed_eclis("opendata") == [ECLIS[1]]

    # the next run lists nothing new, yet the failure is tried first and now succeeds
    fetcher = Fetcher()
    summary = run(store, tmp_path, pages(), fetcher)
    assert fetcher.asked == [ECLIS[1]]
    assert summary.retried == 1 and summary.stored == 1
    assert store.failed_eclis() == []
    assert datetime.fromisoformat(store.harvest_entry(ECLIS[1])["modified"]) == T0 + timedelta(
        minutes=3
    )


def test_a_retried_failure_listed_again_is_fetched_once(store, tmp_path):
    down = SourceUnavailable("u", 5, "HTTP 503")
    run(store, tmp_path, pages(entry(ECLIS[0])), Fetcher({ECLIS[0]: down}))
    fetcher = Fetcher()
    run(store, tmp_path, pages(entry(ECLIS[0])), fetcher)
    assert fetcher.asked == [ECLIS[0]]


def test_a_document_the_parser_refuses_is_failed_and_kept_on_disk(store, tmp_path):
    fetcher = Fetcher({ECLIS[0]: b"<open-rechtspraak>BROKEN"})
    summary = run(store, tmp_path, pages(entry(ECLIS[0])), fetcher)
    assert summary.failed == 1 and summary.stored == 0
    assert not store.has_ruling(ECLIS[0])
    log = store.harvest_entry(ECLIS[0])
    assert log["status"] == "failed" and "not well-formed" in log["error"]
    assert Path(log["raw_path"]).read_bytes() == b"<open-rechtspraak>BROKEN"


def test_an_entry_listed_twice_is_fetched_once(store, tmp_path):
    # the offset can drift while the index changes: the same ECLI then shows up on two pages
    fetcher = Fetcher()
    listing = [IndexPage(3, [entry(ECLIS[0]), entry(ECLIS[1])]), IndexPage(3, [entry(ECLIS[1])])]
    summary = run(store, tmp_path, listing, fetcher)
    assert sorted(fetcher.asked) == ECLIS[:2] and summary.listed == 2


def test_workers_fetch_but_only_the_calling_thread_writes(store, tmp_path):
    fetcher, ingest = Fetcher(), Ingest()
    listing = pages(*(entry(f"ECLI:NL:RBAMS:2022:{n}", n) for n in range(1, 41)))
    summary = run(store, tmp_path, listing, fetcher, workers=4, ingest=ingest)
    assert summary.stored == 40 and store.count_rulings() == 40
    assert ingest.threads == {threading.current_thread().name}


def test_a_ruling_imported_in_bulk_is_compared_by_its_own_modified(store, tmp_path):
    # dcterms:modified is zone-less Dutch time: 10:30 in June is 08:30 UTC
    store.upsert_ruling(
        Ruling(ecli=ECLIS[0], modified=datetime(2022, 6, 21, 10, 30)), source="bulk"
    )
    assert is_current(store, entry(ECLIS[0], minutes=30))
    assert not is_current(store, entry(ECLIS[0], minutes=31))
    assert not is_current(store, entry(ECLIS[1]))


def test_a_stored_log_without_its_ruling_is_fetched_again(store, tmp_path):
    run(store, tmp_path, pages(entry(ECLIS[0])), Fetcher())
    store.delete_ruling(ECLIS[0])
    assert not is_current(store, entry(ECLIS[0]))


def test_progress_hears_the_total_and_every_entry(store, tmp_path):
    class Recorder:
        def __init__(self):
            self.totals, self.done, self.closed = [], [], False

        def set_total(self, total):
            self.totals.append(total)

        def advance(self, *, fetched):
            self.done.append(fetched)

        def close(self):
            self.closed = True

    run(store, tmp_path, pages(entry(ECLIS[0])), Fetcher())
    recorder = Recorder()
    run(store, tmp_path, pages(entry(ECLIS[0]), entry(ECLIS[1])), Fetcher(), progress=recorder)
    assert recorder.totals == [2]
    assert sorted(recorder.done) == [False, True] and recorder.closed


def test_an_interrupted_run_stops_the_session_and_keeps_what_was_stored(store, tmp_path):
    eclis = [f"ECLI:NL:RBAMS:2022:{n}" for n in range(1, 11)]

    def listing():
        yield IndexPage(20, [entry(e) for e in eclis])
        raise KeyboardInterrupt

    stopped = []
    with pytest.raises(KeyboardInterrupt):
        run(store, tmp_path, listing(), Fetcher(), workers=1, stop=lambda: stopped.append(True))
    assert stopped == [True]
    # one worker keeps at most four documents in flight: at least six were stored, in order,
    # each with its log row and its raw file; nothing else was logged
    kept = [e for e in eclis if store.has_ruling(e)]
    assert len(kept) >= 6 and kept == eclis[: len(kept)]
    assert [e for e in eclis if store.harvest_entry(e)] == kept
    raw = {p.name for p in (tmp_path / "raw" / "2022").glob("*.xml")}
    assert {e.replace(":", "_") + ".xml" for e in kept} <= raw


def test_raw_path_for():
    assert raw_path_for(Path("raw"), "ECLI:NL:HR:2018:202") == Path(
        "raw/2018/ECLI_NL_HR_2018_202.xml"
    )
    assert raw_path_for(Path("raw"), "ECLI:NL:RBAMS:2007:YB0083").parent == Path("raw/2007")


def test_write_atomic_replaces_and_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "2022" / "ECLI_NL_RBGEL_2022_3101.xml"
    write_atomic(target, b"eerste versie")
    write_atomic(target, b"tweede versie")
    assert target.read_bytes() == b"tweede versie"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_write_atomic_failure_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "ECLI_NL_RBGEL_2022_3101.xml"
    write_atomic(target, b"eerste versie")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("rulings.harvest.base.os.replace", refuse)
    with pytest.raises(OSError):
        write_atomic(target, b"tweede versie")
    assert target.read_bytes() == b"eerste versie"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
