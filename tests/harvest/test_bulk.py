"""Offline sources: files, folders, zips and the bulk archive's zip of zips, read as a stream."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from rulings.harvest.bulk import Rejected, ecli_from_name, iter_paths

DOC = (
    '<?xml version="1.0" encoding="utf-8"?>\n<open-rechtspraak><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcterms="http://purl.org/dc/terms/">'
    "<rdf:Description><dcterms:identifier>{ecli}</dcterms:identifier></rdf:Description>"
    "</rdf:RDF></open-rechtspraak>\n"
)


def doc(ecli: str) -> bytes:
    return DOC.format(ecli=ecli).encode()


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "ecli"),
    [
        ("ECLI_NL_RBROT_2019_3429.xml", "ECLI:NL:RBROT:2019:3429"),  # bulk archive naming
        ("ECLI.NL.HR.2021.1.xml", "ECLI:NL:HR:2021:1"),  # dotted naming
        ("2021/202101/ECLI-NL-GHAMS-2013-2283.xml", "ECLI:NL:GHAMS:2013:2283"),  # dashes, folder
        ("ecli_nl_rbsgr_2009_by8012.xml", "ECLI:NL:RBSGR:2009:BY8012"),  # lower case LJN form
    ],
)
def test_ecli_from_file_name(name, ecli):
    assert ecli_from_name(name) == ecli


def test_folder_is_walked_recursively_in_name_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "ECLI_NL_RBAMS_2020_2.xml").write_bytes(doc("ECLI:NL:RBAMS:2020:2"))
    (tmp_path / "ECLI_NL_RBAMS_2020_1.xml").write_bytes(doc("ECLI:NL:RBAMS:2020:1"))
    (tmp_path / "CATALOGUE.tsv").write_text("file\tecli\n")  # not a document: passed over
    items = list(iter_paths([tmp_path]))
    assert [i.ecli for i in items] == ["ECLI:NL:RBAMS:2020:1", "ECLI:NL:RBAMS:2020:2"]
    assert all(i.source == "file" for i in items)


@pytest.mark.parametrize("inner_compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_zip_of_zips_like_the_bulk_archive(tmp_path: Path, inner_compression: int):
    january = zip_bytes(
        {f"ECLI_NL_RBLIM_2021_{n}.xml": doc(f"ECLI:NL:RBLIM:2021:{n}") for n in (1, 2)}
    )
    february = zip_bytes({"ECLI_NL_HR_2021_9.xml": doc("ECLI:NL:HR:2021:9")})
    outer = tmp_path / "OpenDataUitspraken.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("2021/202101.zip"), january, compress_type=inner_compression
        )
        archive.writestr(
            zipfile.ZipInfo("2021/202102.zip"), february, compress_type=inner_compression
        )
    outer.write_bytes(buffer.getvalue())
    items = list(iter_paths([outer]))
    assert [i.ecli for i in items] == [
        "ECLI:NL:RBLIM:2021:1",
        "ECLI:NL:RBLIM:2021:2",
        "ECLI:NL:HR:2021:9",
    ]
    assert items[0].origin == f"{outer}!2021/202101.zip!ECLI_NL_RBLIM_2021_1.xml"
    assert items[2].content == doc("ECLI:NL:HR:2021:9")


def test_bad_member_is_rejected_and_the_rest_is_read(tmp_path: Path):
    good = zip_bytes({"ECLI_NL_RBLIM_2021_1.xml": doc("ECLI:NL:RBLIM:2021:1")})
    outer = tmp_path / "archive.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.writestr("2021/202101.zip", b"PK\x03\x04 this is not really a zip")
        archive.writestr("2021/202102.zip", good)
    items = list(iter_paths([outer]))
    assert isinstance(items[0], Rejected)
    assert items[0].origin.endswith("!2021/202101.zip")
    assert [i.ecli for i in items[1:]] == ["ECLI:NL:RBLIM:2021:1"]


def test_missing_path_and_broken_zip_are_rejected(tmp_path: Path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip at all")
    items = list(iter_paths([tmp_path / "missing.xml", broken]))
    assert [type(i) for i in items] == [Rejected, Rejected]
    assert items[0].problem == "no such file or folder"
    assert "not a readable zip archive" in items[1].problem


def test_corrupt_member_data_is_rejected(tmp_path: Path):
    archive_path = tmp_path / "corrupt.zip"
    payload = doc("ECLI:NL:RBLIM:2021:1") * 50
    data = bytearray(
        zip_bytes({"ECLI_NL_RBLIM_2021_1.xml": payload, "ECLI_NL_RBLIM_2021_2.xml": payload})
    )
    start = data.index(b"ECLI_NL_RBLIM_2021_1.xml") + len("ECLI_NL_RBLIM_2021_1.xml")
    data[start + 5 : start + 25] = b"\xff" * 20  # damage the first member's deflate stream
    archive_path.write_bytes(bytes(data))
    items = list(iter_paths([archive_path]))
    assert isinstance(items[0], Rejected)
    assert "damaged archive member" in items[0].problem
    assert [i.ecli for i in items[1:]] == ["ECLI:NL:RBLIM:2021:2"]
