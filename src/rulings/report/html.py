"""The report's index.html: one self-contained page that opens from disk in any browser.

Plain HTML with its CSS inline and no scripts; figures and CSV files are linked relatively, so the
report folder can be zipped or moved as a whole. Every count is an expandable list (<details>) of
the rulings it counts (the first 50; the table's CSV file has them all), each linking to the
ruling on uitspraken.rechtspraak.nl, the only external address the page names.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

RULING_LINK = "https://uitspraken.rechtspraak.nl/details?id={ecli}"
LISTED = 50  # rulings listed under one count; the table's CSV file lists them all

CSS = """
body { font-family: system-ui, sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.n { text-align: right; }
details summary { cursor: pointer; color: #1f5f8b; }
details ul { margin: 0.2rem 0; padding-left: 1.1rem; font-size: 0.8rem; white-space: nowrap; }
img { max-width: 100%; border: 1px solid #eee; }
dt { font-weight: 600; margin-top: 0.5rem; } dd { margin-left: 1.2rem; }
p.files, p.meta { font-size: 0.85rem; color: #555; } nav li { display: inline; margin-right: 1rem; }
"""

DEFINITIONS = (
    ("Unit of counting",
     "A case is one client. Rulings are grouped into cases by a shared parketnummer or a formal "
     "relation between them (dcterms:relation), as in the export, so a first-instance judgment "
     "and its appeal count once. Rulings per year and court and the Valkenburg references count "
     "judgments, as the study did."),
    ("Selection",
     "include: cases with a ruling a reviewer included. candidate: included, or not excluded and "
     "scored at or above 0.5. all: every case with findings. The whole case decides (a "
     "reviewer's decision on an appeal selects its first instance too); the period then keeps "
     "the rulings decided within it, so an appeal decided later leaves the first instance's "
     "sentence standing."),
    ("Imposed sentence",
     "The sanctions the court imposed (actor imposed) at the last instance that imposed a "
     "principal punishment (gevangenisstraf, jeugddetentie, hechtenis, taakstraf, geldboete); an "
     "appeal that only confirms (bevestigt) leaves the first instance's sentence standing. A "
     "later acquittal without a sentence means the case is not convicted. Conclusions of the "
     "advocaat-generaal never count."),
    ("Convicted cases",
     "Cases whose standing sentence names a principal punishment; the sentence tables count "
     "these. In cases.csv, partial_acquittal marks a sentence given beside an acquittal of some "
     "charge: it may punish another offence than the one studied, which a reviewer decides."),
    ("Demanded sentence",
     "What the officier van justitie or advocaat-generaal demanded (actor demanded) at the "
     "sentencing instance, else at the nearest earlier instance with a demand."),
    ("Prison",
     "Gevangenisstraf and jeugddetentie; hechtenis does not count. The terms of one ruling add "
     "up, since courts often impose the unconditional and the suspended part separately (1 dag "
     "and 3 maanden voorwaardelijk). Unconditional days = days minus the suspended "
     "(voorwaardelijk) part. Months and years are converted as the extraction does (1 month = "
     "365.25/12 days, so 3 maanden = 91 days). Bins as in the study: 1 day, 2-30, 31-100, "
     "101-200, >200; none = no unconditional (or no suspended) prison."),
    ("Community service",
     "Taakstraf (werkstraf, leerstraf): unconditional hours. 1 day + taakstraf: exactly 1 day of "
     "unconditional prison and some unconditional community service (art. 22b Sr)."),
    ("Victim age",
     "The youngest age stated for a victim under 18 in any ruling of the case (or computed from a "
     "birth date); else the statutory bracket (under 16, or 16/17); else an adult age stated for "
     "the victim (18+, often the age she claimed); else unknown."),
    ("Circumstances",
     "Counted once per case, circumstance and raiser over every selected case (acquitted ones "
     "too), from the section they stand in (defence: the plea; prosecutor: the demand; court: its "
     "sentencing reasons; unknown: a section of no clear party). A plea the court rejected still "
     "counts for the party that raised it; the rejected column says how often."),
    ("Valkenburg references",
     "Judgments citing the Hoge Raad rulings of 20 February 2018 (ECLI:NL:HR:2018:202, 231-235), "
     "the phrase 'palet van mogelijke straffen', the art. 22b Sr reasoning, or naming the "
     "Valkenburg case; 'any' counts a judgment once."),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Pivot:
    """How to show a long table wide: its row keys, its column keys, and an order for the
    columns (values of the first column key; unlisted ones follow in order of appearance)."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    order: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportTable:
    """One table of the report: its files, what it counts, and which column links to ECLIs."""

    name: str  # file stem of its CSV (and PNG)
    title: str
    about: str
    table: pd.DataFrame
    count: str  # the column whose numbers open the row's ECLIs
    figures: tuple[str, ...] = ()  # relative file names of its PNGs; none when nothing to draw
    pivot: Pivot | None = None  # shown wide in the page (the CSV stays long)


def esc(value: Any) -> str:
    """A cell value as safe HTML text; missing values stay empty."""
    if value is None or (not isinstance(value, list | tuple | str) and pd.isna(value)):
        return ""
    if isinstance(value, list | tuple):
        return esc(", ".join(str(v) for v in value))
    if isinstance(value, float):
        return f"{value:g}"
    return html.escape(str(value))


def ruling_link(ecli: str) -> str:
    url = RULING_LINK.format(ecli=ecli)
    return f'<a href="{html.escape(url)}">{html.escape(ecli)}</a>'


def counted(number: Any, eclis: Sequence[str], csv: str = "") -> str:
    """A count that opens into the list of rulings it counts: the first LISTED of them, then a
    pointer to the table's CSV file, which lists every one (the page stays small on a large
    store)."""
    if not eclis:
        return esc(number)
    items = "".join(f"<li>{ruling_link(e)}</li>" for e in eclis[:LISTED])
    if len(eclis) > LISTED:
        where = f' in <a href="{esc(csv)}">{esc(csv)}</a>' if csv else ""
        items += f"<li>and {len(eclis) - LISTED} more{where}</li>"
    return f"<details><summary>{esc(number)}</summary><ul>{items}</ul></details>"


def table_html(table: pd.DataFrame, count: str, csv: str = "") -> str:
    """A DataFrame as an HTML table; the `count` column links to each row's ``eclis``."""
    columns = [c for c in table.columns if c != "eclis"]
    head = "".join(f"<th>{esc(c.replace('_', ' '))}</th>" for c in columns)
    body = []
    for _, row in table.iterrows():
        cells = []
        for column in columns:
            value = row[column]
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            text = counted(value, row["eclis"], csv) if column == count else esc(value)
            cells.append(f'<td class="n">{text}</td>' if numeric else f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cell_number(record: pd.Series, count: str) -> Any:
    """The count, with its percentage or the number of rejected pleas when the table has them."""
    number = record[count]
    if not number:
        return number
    if "percent" in record.index:
        return f"{number} ({record['percent']:g}%)"
    if "rejected" in record.index and record["rejected"]:
        return f"{number} ({record['rejected']} rejected)"
    return number


def pivot_html(table: pd.DataFrame, count: str, pivot: Pivot, csv: str = "") -> str:
    """A long table shown wide: one row per row key, one column per column key, each cell the
    count opening its ECLIs."""
    rows, columns = list(pivot.rows), list(pivot.columns)
    row_keys = list(dict.fromkeys(tuple(r) for r in table[rows].itertuples(index=False)))
    col_keys = list(dict.fromkeys(tuple(c) for c in table[columns].itertuples(index=False)))
    rank = {value: i for i, value in enumerate(pivot.order)}
    col_keys.sort(key=lambda key: rank.get(key[0], len(rank)))
    cells = {
        (tuple(record[rows]), tuple(record[columns])): counted(
            _cell_number(record, count), record["eclis"], csv
        )
        for _, record in table.iterrows()
    }
    head = "".join(f"<th>{esc(r.replace('_', ' '))}</th>" for r in rows)
    head += "".join(f"<th>{esc(' '.join(map(str, c)))}</th>" for c in col_keys)
    body = []
    for row_key in row_keys:
        label = "".join(f"<td>{esc(v)}</td>" for v in row_key)
        values = "".join(f'<td class="n">{cells.get((row_key, c), "")}</td>' for c in col_keys)
        body.append(f"<tr>{label}{values}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _section(item: ReportTable) -> str:
    parts = [f'<section id="{item.name}"><h2>{esc(item.title)}</h2>', f"<p>{esc(item.about)}</p>"]
    if item.table.empty:
        parts.append("<p>Nothing to count in this selection.</p>")
    for figure in item.figures:
        parts.append(f'<img src="{esc(figure)}" alt="{esc(item.title)}">')
    parts.append(f'<p class="files">Table: <a href="{item.name}.csv">{item.name}.csv</a></p>')
    csv = f"{item.name}.csv"
    if not item.table.empty and item.pivot:
        parts.append(pivot_html(item.table, item.count, item.pivot, csv))
    elif not item.table.empty:
        parts.append(table_html(item.table, item.count, csv))
    parts.append("</section>")
    return "\n".join(parts)


def _cases_section(cases: pd.DataFrame) -> str:
    columns = [
        "case", "year", "courts", "articles", "outcome", "imposed_unconditional_days",
        "imposed_suspended_days", "imposed_taakstraf_hours", "demanded_unconditional_days",
        "victim_age_group",
    ]  # fmt: skip
    head = "<th>rulings</th>" + "".join(f"<th>{esc(c.replace('_', ' '))}</th>" for c in columns)
    rows = []
    for _, row in cases.iterrows():
        links = "<br>".join(ruling_link(e) for e in row["eclis"])
        cells = "".join(f"<td>{esc(row[c])}</td>" for c in columns)
        rows.append(f"<tr><td>{links}</td>{cells}</tr>")
    return (
        f'<section id="cases"><h2>All cases</h2><p class="files">Table: '
        f'<a href="cases.csv">cases.csv</a> (every value per case, with the ruling behind it)</p>'
        f"<details><summary>{len(cases)} cases</summary><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></details></section>"
    )


def render(meta: dict[str, Any], tables: Sequence[ReportTable], cases: pd.DataFrame) -> str:
    """The whole page: selection, definitions, each table with its figure, and every case."""
    nav = "".join(f'<li><a href="#{t.name}">{esc(t.title)}</a></li>' for t in tables)
    facts = "; ".join(f"{esc(k)}: {esc(v)}" for k, v in meta.items())
    terms = "".join(f"<dt>{esc(term)}</dt><dd>{esc(text)}</dd>" for term, text in DEFINITIONS)
    return "\n".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
            "<title>rulings: sentencing report</title>",
            f"<style>{CSS}</style>\n</head>\n<body>",
            "<h1>Sentencing report</h1>",
            f'<p class="meta">{facts}</p>',
            f'<nav><ul>{nav}<li><a href="#cases">All cases</a></li></ul></nav>',
            f'<section id="definitions"><h2>Definitions</h2><dl>{terms}</dl></section>',
            *(_section(t) for t in tables),
            _cases_section(cases),
            "</body>\n</html>\n",
        ]
    )
