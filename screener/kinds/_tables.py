"""Shared loading helpers for the finding-kind tables (issue 16).

Each table is a CSV under ``ingredients/rules/``, validated row by row with
pydantic. Every problem is collected and reported with its file and row, as a
spreadsheet counts rows (the header is row 1), like the main database loader.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ..database import Database
from ..errors import DatabaseError
from ..normalise import fold_name

Row = tuple[str, int, dict[str, str]]
M = TypeVar("M", bound=BaseModel)

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


class KindsError(DatabaseError):
    """A finding-kind table (or an avoid list) is missing or malformed."""


class TableRow(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def split_cell(value: Any, sep: str) -> Any:
    """``"a | b|"`` → ``["a", "b"]``; non-strings pass through for pydantic to judge."""
    if not isinstance(value, str):
        return value
    return [part.strip() for part in value.split(sep) if part.strip()]


def split_pipes(value: Any) -> Any:
    return split_cell(value, "|")


def split_sources(value: Any) -> Any:
    return split_cell(value, ";")


def squash(name: str) -> str:
    """A looser key than ``fold_name``: letters and digits only.

    ``Hexylcinnamaldehyde``, ``Hexyl Cinnamaldehyde`` and ``Alpha Isomethyl
    Ionone`` / ``Alpha-Isomethyl Ionone`` meet on the same key.
    """
    return _NON_ALNUM.sub("", fold_name(name))


def read_rows(path: Path, label: str, problems: list[str]) -> list[Row]:
    """Rows of a CSV as dicts with the file label and spreadsheet row number."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        problems.append(f"{label}: file is missing")
        return []
    except (UnicodeDecodeError, OSError) as exc:
        problems.append(f"{label}: cannot be read as UTF-8 text ({exc})")
        return []
    rows: list[Row] = []
    header: list[str] | None = None
    for number, cells in enumerate(csv.reader(text.splitlines()), start=1):
        if not cells or not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) != len(header):
            problems.append(
                f"{label} row {number}: expected {len(header)} cells "
                f"({','.join(header)}), found {len(cells)}"
            )
            continue
        rows.append((label, number, dict(zip(header, cells, strict=True))))
    if header is None and not any(p.startswith(label) for p in problems):
        problems.append(f"{label}: no header row")
    return rows


def validate(model: type[M], rows: Iterable[Row], problems: list[str]) -> list[tuple[str, int, M]]:
    out: list[tuple[str, int, M]] = []
    for label, number, data in rows:
        try:
            out.append((label, number, model.model_validate(data)))
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"]) or "row"
                problems.append(f"{label} row {number}: {where}: {err['msg']}")
    return out


def load_table(
    root: Path, name: str, model: type[M], problems: list[str]
) -> list[tuple[str, int, M]]:
    """Validated rows of ``rules/<name>`` under the database folder ``root``."""
    label = f"rules/{name}"
    return validate(model, read_rows(root / "rules" / name, label, problems), problems)


def check_sources(
    db: Database, label: str, number: int, ids: Iterable[str], problems: list[str]
) -> None:
    for sid in ids:
        if sid not in db.sources:
            problems.append(f"{label} row {number}: source id {sid!r} is not in bibliography/")


def resolve_inci(
    db: Database, label: str, number: int, name: str, problems: list[str]
) -> str | None:
    """The canonical INCI name of ``name`` (a name or alias), or a problem naming the row."""
    ing = db.get(name)
    if ing is None:
        problems.append(f"{label} row {number}: {name!r} is not an ingredient in the database")
        return None
    return ing.inci


def load_settings(root: Path, problems: list[str]) -> dict[str, Any]:
    """``rules/kinds.toml`` (thresholds and vocabularies), or {} with a problem."""
    path = root / "rules" / "kinds.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append("rules/kinds.toml: file is missing")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(f"rules/kinds.toml: {exc}")
    return {}


def raise_if(problems: list[str]) -> None:
    if problems:
        raise KindsError(problems)


def key_of(name: str) -> str:
    """The folded key the database uses (``fold_name``)."""
    return fold_name(name)
