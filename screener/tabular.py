"""Reading the tables people really have: encodings, delimiters, columns, cells.

Shared by batch screening, coverage and the catalog features.
"""

from __future__ import annotations

import ast
import csv
import io
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import ScreenError

#: Column names recognised as "the ingredient list", best first (compared folded).
INGREDIENT_COLUMNS = (
    "ingredients",
    "ingredient",
    "inci",
    "inci list",
    "inci_list",
    "clean_ingreds",
    "ingredient list",
    "ingredient_list",
    "ingredients list",
    "full ingredients",
    "full_ingredients",
    "composition",
    "ingredientes",
    "ingrédients",
    "inhaltsstoffe",
)
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


def _fold_column(name: object) -> str:
    return re.sub(r"[\s_\-]+", " ", str(name)).strip().casefold()


def detect_column(columns: Iterable[object], requested: str | None = None) -> str:
    """The ingredient column: the one asked for, or the obvious one by name."""
    cols = [str(c) for c in columns]
    if requested is not None:
        if requested in cols:
            return requested
        folded = {_fold_column(c): c for c in cols}
        if _fold_column(requested) in folded:
            return folded[_fold_column(requested)]
        raise ScreenError(
            f"Column {requested!r} is not in the file. The columns are: "
            + ", ".join(repr(c) for c in cols)
        )
    folded = {_fold_column(c): c for c in cols}
    for name in INGREDIENT_COLUMNS:
        key = _fold_column(name)
        if key in folded:
            return folded[key]
    for col in cols:
        if "ingred" in _fold_column(col) or "inci" in _fold_column(col):
            return col
    raise ScreenError(
        "Could not find the ingredient column. Name it with --column. The columns are: "
        + ", ".join(repr(c) for c in cols)
    )


def detect_encoding(sample: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            sample.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"


def sniff_delimiter(text_sample: str) -> str:
    try:
        return csv.Sniffer().sniff(text_sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first = text_sample.splitlines()[0] if text_sample else ""
        return "\t" if first.count("\t") > first.count(",") else ","


def read_options(path: str | Path, encoding: str | None = None) -> dict[str, Any]:
    """Encoding and delimiter for a CSV/TSV file, from its first 64 KiB."""
    with open(path, "rb") as handle:
        sample = handle.read(65536)
    if not sample.strip():
        raise ScreenError(f"{path}: the file is empty.")
    if b"\x00" in sample[:4096] and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ScreenError(f"{path}: this is a binary file, not a CSV or TSV table.")
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = encoding or "utf-16"
    else:
        enc = encoding or detect_encoding(sample)
    text = sample.decode(enc, errors="replace")
    if enc == "utf-8-sig" and text.startswith("\ufeff"):
        text = text[1:]
    # Cut the sample at the last full line so the sniffer sees whole rows.
    cut = text.rfind("\n")
    delimiter = (
        "\t"
        if str(path).lower().endswith(".tsv")
        else sniff_delimiter(text[:cut] if cut > 0 else text)
    )
    return {"encoding": enc, "sep": delimiter}


def _read_csv_options(opts: dict[str, Any]) -> dict[str, Any]:
    """pandas.read_csv keywords that keep every cell as text, as written."""
    return {
        "dtype": str,
        "keep_default_na": False,
        "na_values": [],
        "encoding": opts["encoding"],
        "sep": opts["sep"],
        "engine": "python" if opts["sep"] not in (",", "\t") else "c",
    }


def read_table(path: str | Path, encoding: str | None = None) -> pd.DataFrame:
    """A whole CSV/TSV as strings (every column kept, nothing coerced)."""
    opts = read_options(path, encoding)
    try:
        frame: pd.DataFrame = pd.read_csv(path, **_read_csv_options(opts))
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ScreenError(f"{path}: could not read it as a table ({exc}).") from None
    return frame


def read_table_chunks(
    path: str | Path, chunksize: int, encoding: str | None = None
) -> Iterable[pd.DataFrame]:
    opts = read_options(path, encoding)
    chunks: Iterable[pd.DataFrame] = pd.read_csv(
        path, chunksize=chunksize, **_read_csv_options(opts)
    )
    return chunks


_LIST_CELL = re.compile(r"^\s*\[.*\]\s*$", re.DOTALL)


def cell_to_text(value: object) -> str | None:
    """A cell as ingredient text; a Python-list string becomes a comma list.

    ``ast.literal_eval`` only ever builds literals (no code runs); anything that
    is not a list of strings is read as plain text.
    """
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    text = str(value)
    if _LIST_CELL.match(text) and len(text) < 200_000:
        try:
            parsed = ast.literal_eval(text.strip())
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return text
        if isinstance(parsed, list | tuple) and all(isinstance(v, str) for v in parsed):
            # Names inside a Python list may hold commas ("1,2-hexanediol"): keep
            # them whole by joining with a separator the parser always splits on.
            return "; ".join(v.replace(";", ",") for v in parsed)
    return text


def text_buffer(data: bytes, encoding: str | None = None) -> io.StringIO:
    enc = encoding or detect_encoding(data[:65536])
    text = data.decode(enc, errors="replace")
    return io.StringIO(text[1:] if text.startswith("\ufeff") else text)
