"""Read one database CSV strictly: every problem names the file and the physical line.

The traps this guards against were all real: an unterminated quote silently
swallowing the following rows into one cell, a cell longer than the csv
module's field limit (a ``csv.Error`` deep inside the reader), a stray line
break inside a cell, a header-only table. Line numbers are physical lines of
the file (the header is line 1), the number an editor shows.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One record: its file label, the physical line it starts on, its cells by column."""

    label: str
    line: int
    cells: dict[str, str]


def _read_text(path: Path, label: str, problems: list[str]) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        problems.append(f"{label}: file is missing")
    except (UnicodeDecodeError, OSError) as exc:
        problems.append(f"{label}: cannot be read as UTF-8 text ({exc})")
    return None


#: The longest cell a database file may hold (the csv module's default limit).
MAX_CELL = 131_072


def _is_blank_or_comment(cells: list[str]) -> bool:
    return not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#")


def read_csv(
    path: Path,
    root: Path,
    problems: list[str],
    *,
    multiline: frozenset[str] = frozenset(),
) -> list[CsvRow]:
    """Rows as dicts keyed by the header; problems are appended, never raised.

    ``multiline`` names the columns whose cells may hold a line break (none by
    default): anywhere else a record spanning lines is an unterminated quote.
    """
    label = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    text = _read_text(path, label, problems)
    if text is None:
        return []
    if csv.field_size_limit() <= MAX_CELL:  # the check below names the line, not csv
        csv.field_size_limit(4 * MAX_CELL)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[CsvRow] = []
    header: list[str] | None = None
    last_line = 0
    while True:
        start = last_line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(
                f"{label} line {start}: unreadable CSV ({exc}); a cell this long is "
                "almost always an unterminated quote"
            )
            return rows
        last_line = reader.line_num
        # The csv module's own limit is process-wide (another reader may raise it):
        # check the database's limit here, whatever it is set to.
        longest = max((len(c) for c in cells), default=0)
        if longest > MAX_CELL:
            problems.append(
                f"{label} line {start}: a cell of {longest:,} characters (the limit is "
                f"{MAX_CELL:,}); a cell this long is almost always an unterminated quote"
            )
            return rows
        if last_line > start and not _is_blank_or_comment(cells):
            spanning = _spanning_columns(cells, header)
            if header is None or not set(spanning) <= multiline:
                problems.append(
                    f"{label} line {start}: a cell runs over lines {start}-{last_line} "
                    f"(column {', '.join(spanning) or '?'}): an unterminated quote, or a "
                    "line break where none is allowed"
                )
                continue
        if _is_blank_or_comment(cells):
            continue
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) != len(header):
            problems.append(
                f"{label} line {start}: expected {len(header)} cells "
                f"({','.join(header)}), found {len(cells)}"
            )
            continue
        rows.append(CsvRow(label, start, dict(zip(header, cells, strict=True))))
    if header is None:
        problems.append(f"{label}: no header row")
    return rows


def _spanning_columns(cells: list[str], header: list[str] | None) -> list[str]:
    names = header or []
    return [
        names[i] if i < len(names) else f"#{i + 1}"
        for i, cell in enumerate(cells)
        if "\n" in cell or "\r" in cell
    ]


M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Valid(Generic[M]):
    """A validated row and where it came from."""

    label: str
    line: int
    row: M

    @property
    def where(self) -> str:
        return f"{self.label} line {self.line}"


def validate_rows(model: type[M], rows: list[CsvRow], problems: list[str]) -> list[Valid[M]]:
    """Each row through its pydantic model; every error names file, line and column."""
    out: list[Valid[M]] = []
    for raw in rows:
        try:
            out.append(Valid(raw.label, raw.line, model.model_validate(raw.cells)))
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"]) or "row"
                problems.append(f"{raw.label} line {raw.line}: {where}: {err['msg']}")
    return out
