"""Which table a file is, and reading the ones that are not text: Excel, Parquet.

CSV, TSV and semicolon CSV go through screener.tabular (encoding and delimiter
detected). Excel (``.xlsx``, through openpyxl) and Parquet (through pyarrow)
are read whole, every cell as text, the way the CSV reader keeps them; any
other file gets one sentence naming what is accepted.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from .errors import ScreenError

TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".tab")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
PARQUET_SUFFIXES = (".parquet", ".pq")
#: For the page's uploader (without dots).
UPLOAD_TYPES = [s.lstrip(".") for s in (*TEXT_SUFFIXES, *EXCEL_SUFFIXES, *PARQUET_SUFFIXES)]
ACCEPTED = "CSV, TSV or semicolon CSV (.csv, .tsv, .txt), Excel (.xlsx) or Parquet (.parquet)"

_ZIP_MAGIC = b"PK\x03\x04"
_PARQUET_MAGIC = b"PAR1"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls, .doc
#: UTF-16 and UTF-32 text holds NUL bytes; its byte-order mark says it is text.
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def table_kind(name: str, head: bytes = b"", *, strict: bool = False) -> str:
    """'text', 'excel' or 'parquet' from the file name and its first bytes;
    ScreenError naming the accepted kinds for anything else (``strict``: also
    for a name ending in none of the known suffixes, as an upload's does)."""
    suffix = Path(name).suffix.lower()
    known = (*TEXT_SUFFIXES, *EXCEL_SUFFIXES, *PARQUET_SUFFIXES, ".xls")
    if strict and suffix not in known:
        raise ScreenError(
            f"{Path(name).name or 'The file'} is not a table this page reads "
            f"(accepted: {ACCEPTED})."
        )
    if head.startswith(_PARQUET_MAGIC) or suffix in PARQUET_SUFFIXES:
        return "parquet"
    if suffix in EXCEL_SUFFIXES or (head.startswith(_ZIP_MAGIC) and suffix not in TEXT_SUFFIXES):
        return "excel"
    if suffix == ".xls" or head.startswith(_OLE_MAGIC):
        raise ScreenError(
            f"{Path(name).name or 'The file'} is an old Excel (.xls) file: save it as .xlsx or "
            f"CSV and try again (accepted: {ACCEPTED})."
        )
    if b"\x00" in head[:4096] and not head.startswith(_UNICODE_BOMS):
        raise ScreenError(
            f"{Path(name).name or 'The file'} is a binary file, not a table this tool reads "
            f"(accepted: {ACCEPTED})."
        )
    return "text"


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text, a missing one as "" (the CSV reader's convention)."""
    out = frame.copy()
    out.columns = [str(c) for c in out.columns]
    for name in out.columns:
        out[name] = [
            "" if v is None or (isinstance(v, float) and v != v) else str(v) for v in out[name]
        ]
    return out


def read_binary_table(data: bytes | str | Path, kind: str, name: str = "") -> pd.DataFrame:
    """An Excel (first sheet) or Parquet table as text cells."""
    source: io.BytesIO | str | Path = io.BytesIO(data) if isinstance(data, bytes) else data
    label = Path(name or str(data if not isinstance(data, bytes) else "")).name or "The file"
    try:
        if kind == "excel":
            frame = pd.read_excel(source, sheet_name=0, dtype=str, engine="openpyxl")
        elif kind == "parquet":
            frame = pd.read_parquet(source)
        else:  # pragma: no cover - callers pass text tables elsewhere
            raise ScreenError(f"{label}: not an Excel or Parquet file.")
    except ImportError as exc:
        extra = "openpyxl" if kind == "excel" else "pyarrow"
        raise ScreenError(
            f"{label}: reading {kind} files needs the {extra} package "
            f"(pip install 'milia-screener[app]'); or save the table as CSV. ({exc.name})"
        ) from None
    except ScreenError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file is bad input, not a crash
        raise ScreenError(
            f"{label}: could not read it as {'an Excel' if kind == 'excel' else 'a Parquet'} "
            f"table ({type(exc).__name__}: {str(exc)[:120]})."
        ) from None
    return _as_text(frame)


def binary_chunks(path: str | Path, kind: str, chunksize: int) -> Iterator[pd.DataFrame]:
    """An Excel or Parquet file in chunks (read whole: neither streams by rows)."""
    frame = read_binary_table(Path(path), kind, str(path))
    for start in range(0, max(len(frame), 1), chunksize):
        yield frame.iloc[start : start + chunksize]
