"""Offline sources: XML files, folders of them, and zip archives (also zips inside zips).

Docs:    rechtspraak-api-reference.md §4 (OpenDataUitspraken.zip: one zip per month inside a zip
         per archive, one XML per ECLI named ECLI_NL_RBROT_2019_3429.xml).
Quirks:  inner zips are usually stored uncompressed, so they are opened in place through the outer
         archive (seeking is cheap); a compressed inner zip is read through a spooled temporary
         file (in memory up to 64 MB), so memory stays flat whatever the archive's size.
         Folders are walked recursively in name order; anything but .xml and .zip is passed over.
History: 2026-11 first version.
"""

from __future__ import annotations

import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rulings.models import RawDocument

SPOOL_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Rejected:
    """A member that could not even be read (a broken zip, an unreadable file)."""

    origin: str
    problem: str


def ecli_from_name(name: str) -> str:
    """'ECLI_NL_RBROT_2019_3429.xml' (or dots/dashes) -> 'ECLI:NL:RBROT:2019:3429'."""
    stem = Path(name).name.rsplit(".", 1)[0]
    for sep in ("_", ".", "-"):
        parts = stem.split(sep)
        if len(parts) == 5 and parts[0].upper() == "ECLI":
            return ":".join(parts).upper()
    return stem


def iter_paths(paths: list[Path]) -> Iterator[RawDocument | Rejected]:
    """Every document under the given files, folders and archives, in a stable order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in {".xml", ".zip"}:
                    yield from _iter_file(child)
        elif path.exists():
            yield from _iter_file(path)
        else:
            yield Rejected(str(path), "no such file or folder")


def _iter_file(path: Path) -> Iterator[RawDocument | Rejected]:
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                yield from _iter_zip(archive, str(path))
        except (zipfile.BadZipFile, OSError) as err:
            yield Rejected(str(path), f"not a readable zip archive ({err})")
        return
    try:
        content = path.read_bytes()
    except OSError as err:
        yield Rejected(str(path), f"cannot be read ({err.strerror})")
        return
    yield RawDocument(
        ecli=ecli_from_name(path.name), content=content, source="file", origin=str(path)
    )


def _iter_zip(archive: zipfile.ZipFile, origin: str) -> Iterator[RawDocument | Rejected]:
    for info in archive.infolist():
        if info.is_dir():
            continue
        name = info.filename
        where = f"{origin}!{name}"
        lower = name.lower()
        try:
            if lower.endswith(".zip"):
                yield from _iter_inner_zip(archive, info, where)
            elif lower.endswith(".xml"):
                content = archive.read(info)
                yield RawDocument(
                    ecli=ecli_from_name(name), content=content, source="bulk", origin=where
                )
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError) as err:
            yield Rejected(where, f"damaged archive member ({err})")


def _iter_inner_zip(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str
) -> Iterator[RawDocument | Rejected]:
    if info.compress_type == zipfile.ZIP_STORED:
        with archive.open(info) as member, zipfile.ZipFile(member) as inner:
            yield from _iter_zip(inner, where)
        return
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_LIMIT) as spool:
        with archive.open(info) as member:
            _copy(member, spool)
        spool.seek(0)
        with zipfile.ZipFile(spool) as inner:
            yield from _iter_zip(inner, where)


def _copy(source: IO[bytes], target: IO[bytes]) -> None:
    while chunk := source.read(1024 * 1024):
        target.write(chunk)
