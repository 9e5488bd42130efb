"""Reading the tables people really have: encodings, delimiters, columns, cells.

One reader (``iter_frames``) for batch screening, coverage, ``suggest`` and
the page's upload; the text encoding is decided by ``screener.files``.
"""

from __future__ import annotations

import ast
import csv
import io
import math
import re
import sys
from collections.abc import Hashable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import ScreenError
from .files import Decoding, decode_bytes, file_decoding, open_text

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
#: Longest cell the reader accepts: a quote left open would otherwise swallow
#: the rest of the file into one cell.
MAX_CELL_CHARS = 10_000_000
#: ``DataFrame.attrs`` key of the rows whose field count differs from the header.
ROW_PROBLEMS = "screen_row_problems"


class RowProblems(dict[Hashable, tuple[tuple[str, ...], str]]):
    """Row label -> (its cells as read, why it is not screened).

    Kept in ``DataFrame.attrs``: pandas deep-copies attrs on every operation,
    so a copy returns the same (read-only by convention) object, in O(1)."""

    def __deepcopy__(self, memo: dict[int, object]) -> RowProblems:
        return self


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


def sniff_delimiter(text_sample: str) -> str:
    try:
        return csv.Sniffer().sniff(text_sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first = text_sample.splitlines()[0] if text_sample else ""
        return "\t" if first.count("\t") > first.count(",") else ","


def _delimiter(sample: str, name: str) -> str:
    if name.lower().endswith(".tsv"):
        return "\t"
    # Cut the sample at the last full line so the sniffer sees whole rows.
    cut = sample.rfind("\n")
    return sniff_delimiter(sample[:cut] if cut > 0 else sample)


def read_options(path: str | Path, encoding: str | None = None) -> dict[str, Any]:
    """Encoding (checked over the whole file, see screener.files) and delimiter."""
    decoding = file_decoding(path, encoding)
    with open_text(path, decoding) as handle:
        sample = handle.read(65536)
    return {"encoding": decoding.encoding, "sep": _delimiter(sample, str(path))}


def _header_names(fields: list[str]) -> list[str]:
    """Header cells as column names, as pandas names them: blanks become
    ``Unnamed: i``, repeats ``name.1``, ``name.2``."""
    names: list[str] = []
    seen: set[str] = set()
    for index, field in enumerate(fields):
        base = field if field.strip() else f"Unnamed: {index}"
        name, count = base, 0
        while name in seen:
            count += 1
            name = f"{base}.{count}"
        seen.add(name)
        names.append(name)
    return names


def _records(lines: Iterable[str], sep: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, fields) for every record; blank lines skipped."""
    if csv.field_size_limit() < MAX_CELL_CHARS:
        csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(lines, delimiter=sep, strict=True)
    previous = 0
    try:
        for fields in reader:
            start, previous = previous + 1, reader.line_num
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            yield start, fields
    except csv.Error as exc:
        raise ScreenError(
            f"{name}: line {reader.line_num}: the table cannot be read ({exc}); a cell that "
            "holds the delimiter, a quote or a line break must be quoted whole, with any "
            "quote inside it doubled."
        ) from None
    except UnicodeDecodeError as exc:  # the file changed after it was checked
        raise ScreenError(f"{name}: cannot be decoded ({exc.reason}).") from None


def _misfit(fields: list[str], width: int, line: int, sep: str) -> str:
    """Why a row whose field count differs from the header's is not screened."""
    if len(fields) > width:
        extra = sep.join(fields[width:])
        detail = f"extra: {extra[:80]!r}{'…' if len(extra) > 80 else ''}"
    else:
        detail = f"{width - len(fields)} missing"
    return (
        f"line {line}: the row has {len(fields)} fields, the header has {width} ({detail}); "
        f"not screened, so that no cell is read from the wrong column (quote cells that "
        f"contain {sep!r})"
    )


def iter_frames(
    lines: Iterable[str], sep: str, name: str, chunksize: int | None = None
) -> Iterator[pd.DataFrame]:
    """A CSV/TSV as DataFrames of strings, ``chunksize`` rows at a time.

    Every record becomes one row, numbered from 0 across chunks (there is no
    index column, whatever the first row holds). The row policy: a row with
    the header's field count is read as is (extra fields that are all blank,
    a trailing delimiter, are dropped); any other row is kept, its cells
    placed from the left and blank-filled, and recorded in
    ``attrs[ROW_PROBLEMS]`` so that screening reports it instead of reading
    a cell from the wrong column. At least one frame is yielded (the header
    alone gives an empty one)."""
    records = _records(lines, sep, name)
    first = next(records, None)
    if first is None:
        raise ScreenError(f"{name}: the file has no header row.")
    columns = _header_names(first[1])
    width = len(columns)
    rows: list[list[str]] = []
    problems = RowProblems()
    start = 0
    limit = chunksize or sys.maxsize
    yielded = False
    for line, fields in records:
        if len(fields) != width and not (
            len(fields) > width and not "".join(fields[width:]).strip()
        ):
            cells = (fields + [""] * width)[:width]
            problems[start + len(rows)] = (tuple(cells), _misfit(fields, width, line, sep))
            fields = cells
        elif len(fields) > width:
            fields = fields[:width]
        rows.append(fields)
        if len(rows) >= limit:
            yield _frame(rows, columns, start, problems)
            start += len(rows)
            rows, problems, yielded = [], RowProblems(), True
    if rows or not yielded:
        yield _frame(rows, columns, start, problems)


def _frame(
    rows: list[list[str]], columns: list[str], start: int, problems: RowProblems
) -> pd.DataFrame:
    index = pd.RangeIndex(start, start + len(rows))
    data = {
        name: pd.Series([row[i] for row in rows], index=index, dtype=str)
        for i, name in enumerate(columns)
    }
    frame = pd.DataFrame(data, index=index, columns=columns)
    if problems:
        frame.attrs[ROW_PROBLEMS] = problems
    return frame


def read_table_chunks(
    path: str | Path,
    chunksize: int | None,
    encoding: str | None = None,
    decoding: Decoding | None = None,
) -> Iterator[pd.DataFrame]:
    """A CSV/TSV file as DataFrames of strings (see iter_frames), streamed.

    ``decoding`` is ``file_decoding(path, encoding)`` when already known."""
    decoding = decoding or file_decoding(path, encoding)
    with open_text(path, decoding) as handle:
        sep = _delimiter(handle.read(65536), str(path))
        handle.seek(0)
        yield from iter_frames(handle, sep, str(path), chunksize)


def read_table(path: str | Path, encoding: str | None = None) -> pd.DataFrame:
    """A whole CSV/TSV as strings (every column and row kept, nothing coerced)."""
    return next(iter(read_table_chunks(path, None, encoding)))


def read_table_bytes(data: bytes, name: str = "The file") -> pd.DataFrame:
    """An in-memory CSV/TSV (an upload) as strings, by the same rules as a file."""
    text = decode_bytes(data, None, name)
    buffer = io.StringIO(text, newline="")
    return next(iter_frames(buffer, _delimiter(text[:65536], name), name))


def row_problems(frame: pd.DataFrame) -> dict[Hashable, str]:
    """The rows of ``frame`` the reader could not align, by label: their reason.

    A recorded row is found by its label while that label still holds the
    cells it was read with; else (the frame was re-indexed or reordered
    since) by those cells. A row is never reported under another's label."""
    recorded = frame.attrs.get(ROW_PROBLEMS)
    if not recorded or not frame.index.is_unique:
        return {}
    found: dict[Hashable, str] = {}
    moved: dict[tuple[str, ...], str] = {}
    columns = list(frame.columns)
    for label in frame.index if len(frame) < len(recorded) else recorded:
        item = recorded.get(label)
        if item is None or label not in frame.index:
            continue  # not recorded, or sliced away
        cells, reason = item
        if len(cells) == len(columns) and tuple(frame.loc[label, columns]) == cells:
            found[label] = reason
        else:
            moved[cells] = reason
    if moved:
        for label, *cells in frame.itertuples(name=None):
            reason = moved.get(tuple(cells))
            if reason is not None and label not in found:
                found[label] = reason
    return found


def mark_row_problems(
    screened: pd.DataFrame, source: pd.DataFrame, cleared: Sequence[str], error_column: str
) -> pd.DataFrame:
    """``screened`` with the reader's misaligned rows of ``source`` unscreened:
    ``cleared`` columns missing and the reason in ``error_column``."""
    found = row_problems(source)
    if not found:
        return screened
    labels = list(found)
    for name in cleared:
        screened.loc[labels, name] = None
    screened.loc[labels, error_column] = [found[label] for label in labels]
    return screened


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


#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` safe to open in a spreadsheet: every text cell and
    every header cell that starts like a formula gets a leading quote.

    The one guard of every CSV the project writes (``screener batch``, the
    page's downloads)."""
    out = df.copy()
    out.columns = pd.Index([neutralise_cell(str(c)) for c in out.columns], dtype=object)
    for position in range(out.shape[1]):
        series = out.iloc[:, position]
        if not (
            pd.api.types.is_object_dtype(series.dtype) or pd.api.types.is_string_dtype(series.dtype)
        ):
            continue
        mask = series.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_START))
        mask = mask.astype(bool)
        if mask.any():
            text = series.astype("object")
            out.isetitem(
                position, text.where(~mask, "'" + text[mask].astype(str)).to_numpy(dtype=object)
            )
    return out


# Kept for callers of the earlier helpers; both follow screener.files' policy.
def detect_encoding(sample: bytes) -> str:
    """The encoding screener.files would choose for ``sample`` (the whole text)."""
    from .files import memory_decoding

    return memory_decoding(sample).encoding


def text_buffer(data: bytes, encoding: str | None = None) -> io.StringIO:
    """``data`` decoded by screener.files' policy, as a text buffer for csv."""
    return io.StringIO(decode_bytes(data, encoding), newline="")
