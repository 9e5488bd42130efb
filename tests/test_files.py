"""One decoding policy (screener/files.py) for check --file, routine files,
batch, coverage, suggest and the page's upload."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from screener import files
from screener.cli import main
from screener.errors import ScreenError
from screener.tabular import read_table
from ui import page

TEXT = 'name,Ingrédients\nCrème légère,"Aqua, Glycérine"\n'

ENCODED = [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("utf-16 LE BOM", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
    ("utf-16 BE BOM", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
    ("utf-32 LE BOM", codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le")),
    ("utf-32 BE BOM", codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be")),
    ("cp1252", TEXT.encode("cp1252")),
]


@pytest.mark.parametrize(("label", "data"), ENCODED)
def test_every_way_in_reads_every_encoding(
    label: str, data: bytes, tmp_path: Path, mini_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert files.decode_bytes(data) == TEXT, label
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    assert files.read_text_file(path) == TEXT
    table = read_table(path)
    assert list(table.columns) == ["name", "Ingrédients"]
    assert table.iloc[0].tolist() == ["Crème légère", "Aqua, Glycérine"]
    upload = page.read_upload(data, "in.csv")
    assert upload.iloc[0].tolist() == ["Crème légère", "Aqua, Glycérine"]
    label_file = tmp_path / "label.txt"
    label_file.write_bytes(data)
    assert main(["check", "--file", str(label_file), "--json"]) == 0
    assert "Glycérine" in capsys.readouterr().out
    assert main(["routine", str(label_file), "--json"]) == 0
    assert "Glycérine" in capsys.readouterr().out
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(path), "-o", str(out), "-q"]) == 0
    assert "Crème légère" in out.read_text(encoding="utf-8")


def test_a_mixed_file_is_refused_with_the_line_whatever_its_length() -> None:
    # UTF-8 rows well past the first 64 KiB, then one cp1252 row.
    utf8 = "name,ingredients\n" + "Crème,Aqua\n" * 20_000
    data = utf8.encode("utf-8") + "Baume,Glycérine\n".encode("cp1252")
    with pytest.raises(ScreenError, match=r"line 20002 is not UTF-8 \(byte 0xe9\).*mixes"):
        files.decode_bytes(data)
    # cp1252 first, UTF-8 later: refused too (the UTF-8 comes after the first bad byte).
    data = "name,x\nBaume,é\n".encode("cp1252") + ("a,b\n" * 30_000 + "Crème,x\n").encode()
    with pytest.raises(ScreenError, match="line 2 is not UTF-8"):
        files.decode_bytes(data)
    # Named explicitly, the encoding is used as asked.
    assert files.decode_bytes(data, "cp1252").startswith("name,x\nBaume,é")


def test_a_mixed_catalog_fails_before_anything_is_written(
    tmp_path: Path, mini_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(
        ("name,ingredients\n" + "Crème,Aqua\n" * 10_000).encode() + "B,Glycérine\n".encode("cp1252")
    )
    out = tmp_path / "out.csv"
    assert main(["batch", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "line 10002" in err and "--encoding cp1252" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]
    assert main(["batch", str(path), "-o", str(out), "--encoding", "cp1252", "-q"]) == 0


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        (b"", None, "empty"),
        (b"  \n\n", None, "empty"),
        (codecs.BOM_UTF16_LE, None, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", None, "binary"),
        (b"a,b\n\xff\xfe", "utf-8", r"line 2 cannot be read as the encoding 'utf-8'"),
        (codecs.BOM_UTF16_LE + "ab\n".encode("utf-16-le") + b"\x00\xd8", None, "line 2"),
        (b"abc", "nope", "Unknown encoding 'nope'"),
    ],
)
def test_refusals(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(ScreenError, match=message):
        files.decode_bytes(data, encoding)


def test_legacy_bytes_cp1252_leaves_undefined_fall_back_to_latin_1() -> None:
    assert files.decode_bytes(b"a\x81b \xe9") == "a\x81b é"
    assert files.decode_bytes("“smart” quotes".encode("cp1252")) == "“smart” quotes"


def test_no_lone_surrogates_come_out() -> None:
    # An encoded surrogate is not UTF-8: never decoded into a lone surrogate.
    with pytest.raises(ScreenError):
        files.decode_bytes("Crème ".encode() + b"\xed\xa0\x80")
