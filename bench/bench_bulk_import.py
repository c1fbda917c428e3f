"""Memory and speed of `rulings import` on a 2 GB archive shaped like OpenDataUitspraken.zip.

Builds (once; reused when it exists) an archive shaped like the real one: one inner zip per
month, ``<YYYY>/<YYYYMM>.zip``, each holding one ``ECLI_NL_<court>_<year>_<n>.xml`` per ruling in
the open-rechtspraak format, with bodies of realistic length made from varied Dutch sentences.
Then runs `rulings import` on it in a separate process under /usr/bin/time -v and samples the
process's resident memory once a second from /proc, so a flat line can be told from a slow climb.

By default the XML members and the inner zips are stored uncompressed, so the archive's size on
disk is the amount of XML imported; --compress deflates both levels (the inner zips are then read
through a spooled temporary file, the slower path of rulings.harvest.bulk) and more documents are
needed for the same size on disk.

    .venv/bin/python bench/bench_bulk_import.py --size-gb 2 --doc-kb 100
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "harvest"))

from fakeserver import document_xml, make_docs  # noqa: E402

TIME = Path("/usr/bin/time")
NAMES = ["[verdachte]", "[slachtoffer]", "[naam 1]", "[medeverdachte 1]", "[getuige]"]
PLACES = ["[plaats]", "Arnhem", "Zwolle", "Breda", "Groningen", "een hotel", "een woning"]
SENTENCES = [
    "Op {d} {m} {y} heeft {a} in {p} met {b} afgesproken via een chatapplicatie.",
    "{a} heeft verklaard dat hij {n} euro heeft betaald voor seksuele handelingen.",
    "De rechtbank acht bewezen dat {a} ontuchtige handelingen heeft gepleegd met {b}.",
    "{b} was ten tijde van het ten laste gelegde {k} jaar oud.",
    "De officier van justitie heeft een gevangenisstraf van {n} dagen gevorderd.",
    "De raadsman heeft aangevoerd dat {a} niet wist dat {b} minderjarig was.",
    "De rechtbank houdt rekening met het blanco strafblad van {a}.",
    "De rechtbank legt een taakstraf op van {h} uren, subsidiair {k} dagen hechtenis.",
    "Uit het proces-verbaal van {d} {m} {y} blijkt dat {b} zich in {p} bevond.",
    "Het reclasseringsadvies van {d} {m} {y} houdt in dat {a} begeleiding nodig heeft.",
]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus"]


def main() -> None:
    args = _arguments()
    workdir = Path(args.out)
    workdir.mkdir(parents=True, exist_ok=True)
    suffix = "deflated" if args.compress else "stored"
    archive = workdir / f"OpenDataUitspraken-{args.size_gb:g}GB-{args.doc_kb}kb-{suffix}.zip"
    if not archive.exists():
        count = build_archive(archive, int(args.size_gb * 1024**3), args.doc_kb, args.compress)
        print(f"built {archive.name}: {count} documents")
    size = archive.stat().st_size
    print(f"archive {archive} ({size / 1024**3:.2f} GB)")
    db = workdir / "bulk.db"
    for stale in workdir.glob("bulk.db*"):
        stale.unlink()
    result = run_import(archive, db)
    print(
        f"import: {result['imported']} documents in {result['wall']:.0f} s "
        f"({result['imported'] / result['wall']:.0f} documents/s, "
        f"{size / 1024**2 / result['wall']:.1f} MB/s); peak RSS {result['peak_mb']:.0f} MB"
    )
    print("RSS samples (MB) at 10%..100% of the run: " + ", ".join(result["profile"]))
    if not args.keep_db:
        for path in workdir.glob("bulk.db*"):
            path.unlink()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-gb", type=float, default=2.0, help="archive size on disk")
    parser.add_argument("--doc-kb", type=int, default=100, help="size of one document")
    parser.add_argument("--compress", action="store_true", help="deflate members and inner zips")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out"), help="work folder")
    parser.add_argument("--keep-db", action="store_true", help="keep the store afterwards")
    return parser.parse_args()


def build_archive(path: Path, target: int, doc_kb: int, compress: bool) -> int:
    """Write the archive month by month until it reaches `target` bytes; returns the count."""
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    rng = random.Random(2023)
    template = make_docs(1)[0]
    count = 0
    temp = path.with_suffix(".partial")
    with zipfile.ZipFile(temp, "w", method, allowZip64=True) as outer:
        year, month = 2015, 1
        while temp.stat().st_size < target:
            inner_path = temp.with_suffix(".month")
            with zipfile.ZipFile(inner_path, "w", method, allowZip64=True) as inner:
                for _ in range(max(1, (32 * 1024) // doc_kb)):  # about 32 MB of XML a month
                    count += 1
                    inner.writestr(
                        f"ECLI_NL_RBGEL_{year}_{count}.xml",
                        _document(rng, template, year, count, doc_kb),
                    )
            outer.write(inner_path, f"{year}/{year}{month:02d}.zip")
            inner_path.unlink()
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    temp.rename(path)
    return count


def _document(rng: random.Random, template: object, year: int, number: int, doc_kb: int) -> bytes:
    doc = replace(template, ecli=f"ECLI:NL:RBGEL:{year}:{number}")  # type: ignore[type-var]
    head, tail = document_xml(doc).decode().rsplit("  </uitspraak>", 1)
    sections, size, index = [], len(head), 10
    while size < doc_kb * 1024:
        paras = "".join(f"      <para>{_paragraph(rng)}</para>\n" for _ in range(8))
        title = f"      <title><nr>{index}</nr>Overwegingen</title>\n"
        section = f"    <section>\n{title}{paras}    </section>\n"
        sections.append(section)
        size += len(section)
        index += 1
    return (head + "".join(sections) + "  </uitspraak>" + tail).encode("utf-8")


def _paragraph(rng: random.Random) -> str:
    return " ".join(
        rng.choice(SENTENCES).format(
            a=rng.choice(NAMES),
            b=rng.choice(NAMES),
            p=rng.choice(PLACES),
            d=rng.randint(1, 28),
            m=rng.choice(MONTHS),
            y=rng.randint(2014, 2023),
            n=rng.randint(50, 900),
            k=rng.randint(12, 17),
            h=rng.randint(20, 240),
        )
        for _ in range(rng.randint(3, 7))
    )


def run_import(archive: Path, db: Path) -> dict[str, object]:
    """`rulings import` in a child process; peak RSS from /usr/bin/time, samples from /proc."""
    command = [sys.executable, "-m", "rulings", "--db", str(db), "import", str(archive), "--json"]
    if TIME.exists():
        command = [str(TIME), "-v", *command]
    env = {k: v for k, v in os.environ.items() if not k.startswith("RULINGS_")}
    started = time.monotonic()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
    )
    samples: list[float] = []
    while child.poll() is None:
        time.sleep(1.0)
        samples.append(_rss_mb(child.pid))
    out, err = child.communicate()
    wall = time.monotonic() - started
    if child.returncode not in (0, 1):  # 1: some members were rejected, reported on stderr
        raise SystemExit(f"import failed ({child.returncode}): {err[-2000:]}")
    summary = json.loads(out)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    peak = int(match.group(1)) / 1024 if match else max(samples, default=0.0)
    step = max(1, len(samples) // 10)
    profile = [f"{s:.0f}" for s in samples[step - 1 :: step]][:10]
    imported = summary.get("inserted", 0) + summary.get("updated", 0) + summary.get("unchanged", 0)
    return {"imported": imported, "wall": wall, "peak_mb": peak, "profile": profile}


def _rss_mb(pid: int) -> float:
    """Resident memory of the import: the child of /usr/bin/time when there is one."""
    children = _descendants(pid)
    try:
        status = Path(f"/proc/{children[0] if children else pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else 0.0


def _descendants(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(c) for c in children]


if __name__ == "__main__":
    main()
