"""The written report: index.html links every table and figure, and every count to its ECLIs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from lxml import html as lxml_html

from rulings.errors import ConfigError
from rulings.report import write_csv, write_report
from rulings.report.html import RULING_LINK
from rulings.store import Store

A1, B, C2 = "ECLI:NL:RBLIM:2016:101", "ECLI:NL:RBNHO:2018:300", "ECLI:NL:GHDHA:2020:500"
D = "ECLI:NL:RBGEL:2018:600"


@pytest.fixture(scope="module")
def written(study_db: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("report")
    with Store(study_db) as store:
        summary = write_report(store, out, status="include")
    return summary, lxml_html.fromstring(summary.index.read_text(encoding="utf-8"))


def _summaries(section) -> dict[str, list[str]]:
    """Each expandable count in a section: its summary text -> the ECLIs it links to."""
    return {d.findtext("summary"): [a.text for a in d.iter("a")] for d in section.iter("details")}


def test_the_report_writes_every_table_and_figure(written):
    summary, _ = written
    assert summary.index.name == "index.html" and summary.index.is_file()
    assert {p.name for p in summary.csv} == {
        "key_figures.csv", "rulings_per_year.csv", "rulings_per_court.csv", "prison.csv",
        "one_day_taakstraf.csv", "community_service.csv", "community_service_summary.csv",
        "victim_age.csv", "circumstances.csv", "valkenburg.csv", "cases.csv",
    }  # fmt: skip
    assert {p.name for p in summary.png} == {
        "rulings_per_year.png", "rulings_per_court.png", "prison_unconditional.png",
        "prison_suspended.png", "one_day_taakstraf.png", "community_service.png",
        "victim_age.png", "circumstances.png", "valkenburg.png",
    }  # fmt: skip
    for path in summary.png:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (summary.rulings, summary.cases, summary.convicted) == (8, 5, 4)


def test_the_index_references_every_file_and_only_files_that_exist(written):
    summary, page = written
    local = {el.get("src") for el in page.iter("img")} | {
        a.get("href") for a in page.iter("a") if not a.get("href").startswith(("http", "#"))
    }
    assert local == {p.name for p in summary.csv + summary.png}
    for name in local:
        assert (summary.out_dir / name).is_file()


def test_the_page_is_self_contained(written):
    summary, page = written
    text = summary.index.read_text(encoding="utf-8")
    assert not list(page.iter("script")) and not list(page.iter("link"))
    external = set(re.findall(r'(?:href|src)="(https?://[^"]+)"', text))
    assert external and all(u.startswith(RULING_LINK.format(ecli="ECLI:NL:")) for u in external)
    anchors = {a.get("href")[1:] for a in page.iter("a") if a.get("href").startswith("#")}
    assert anchors <= {el.get("id") for el in page.iter("section")}


def test_a_count_opens_the_rulings_it_counts(written):
    _, page = written
    one_day = page.get_element_by_id("one_day_taakstraf")
    assert _summaries(one_day) == {"3": [A1, B, C2], "1": [D]}
    first_link = next(one_day.iter("details")).find(".//a")
    assert first_link.get("href") == f"https://uitspraken.rechtspraak.nl/details?id={A1}"


def test_the_wide_tables_keep_their_counts_and_percentages(written):
    _, page = written
    prison = _summaries(page.get_element_by_id("prison"))
    assert prison["3 (75%)"] == [A1, B, C2]
    circumstances = page.get_element_by_id("circumstances")
    header = [th.text for th in circumstances.iter("th")]
    assert header[-3:] == ["defence", "prosecutor", "court"]
    assert _summaries(circumstances)["1 (1 rejected)"] == [A1]


def test_the_definitions_are_stated(written):
    _, page = written
    terms = [dt.text for dt in page.get_element_by_id("definitions").iter("dt")]
    assert {"Unit of counting", "Imposed sentence", "Prison", "Victim age"} <= set(terms)


def test_the_cases_table_links_every_ruling_of_a_case(written):
    _, page = written
    rows = page.get_element_by_id("cases").iter("tr")
    linked = [[a.text for a in row.iter("a")] for row in rows]
    assert ["ECLI:NL:RBROT:2019:400", C2, "ECLI:NL:PHR:2021:990"] in linked


def test_csv_files_open_as_the_tables(written):
    summary, _ = written
    table = pd.read_csv(summary.out_dir / "one_day_taakstraf.csv", sep=";", encoding="utf-8-sig")
    assert table["sentence"].tolist() == [
        "1 day + taakstraf",
        "1 day, no taakstraf",
        "other sentence",
    ]
    assert table["cases"].tolist() == [3, 0, 1]
    assert table["percent"].tolist() == [75.0, 0.0, 25.0]
    assert table["eclis"].fillna("").tolist() == [f"{A1} {B} {C2}", "", D]
    assert (summary.out_dir / "prison.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(tmp_path):
    table = pd.DataFrame({"note": ['=HYPERLINK("x")', "blanco strafblad"], "n": [1, 2]})
    text = write_csv(table, tmp_path / "t.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "blanco strafblad" in text


def test_an_empty_selection_still_writes_a_readable_index(study_db, tmp_path):
    with Store(study_db) as store:
        summary = write_report(store, tmp_path / "empty", date(2030, 1, 1), None, "all")
    assert summary.png == [] and summary.cases == 0
    text = summary.index.read_text(encoding="utf-8")
    assert "Nothing to count in this selection." in text
    assert "<img" not in text


def test_a_rerun_with_less_to_show_leaves_no_stale_figures(study_db, tmp_path):
    out = tmp_path / "report"
    with Store(study_db) as store:
        first = write_report(store, out, status="all")
        second = write_report(store, out, date(2030, 1, 1), None, "all")
    assert len(first.png) == 9 and second.png == []
    assert sorted(out.glob("*.png")) == []


def test_a_report_folder_that_is_a_file_is_one_error(study_db, tmp_path):
    taken = tmp_path / "report"
    taken.write_text("not a folder", encoding="utf-8")
    with Store(study_db) as store, pytest.raises(ConfigError, match="cannot write the report"):
        write_report(store, taken, status="include")


def test_a_long_list_shows_its_first_rulings_and_points_to_the_csv():
    from rulings.report.html import LISTED, table_html

    eclis = [f"ECLI:NL:RBLIM:2019:{n}" for n in range(1000, 1000 + LISTED + 7)]
    table = pd.DataFrame([{"bin": "1 day", "cases": len(eclis), "eclis": eclis}])
    cell = lxml_html.fromstring(table_html(table, "cases", "prison_bins.csv"))
    links = [a.text for a in cell.iter("a")]
    assert links == [*eclis[:LISTED], "prison_bins.csv"]
    assert "and 7 more in prison_bins.csv" in cell.text_content()
