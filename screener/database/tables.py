"""One spec per table: where its rows live, their model, key and whether it may be empty.

``read_table`` is the one generic loader: it reads every file of the spec,
validates each row with the spec's model, refuses an absent required file, an
empty required table and a key defined twice. Cross-table checks live in
``validate.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic

from .csvio import M, Valid, read_csv, validate_rows
from .models import (
    ActiveRow,
    CommonNameRow,
    ConflictRule,
    ContextRule,
    IngredientRow,
    LookalikeRow,
    OcclusiveRow,
    RatingRow,
    SourceRow,
    SubstituteRow,
    UnrecognisedRow,
)


@dataclass(frozen=True)
class TableSpec(Generic[M]):
    """A table: a file (``ratings.csv``) or a folder of files (``ingredients/*.csv``)."""

    files: str
    model: type[M]
    #: the file (or at least one file of the folder) must exist
    required: bool = True
    #: at least one data row (a header-only occlusives.csv would silently stop flagging)
    non_empty: bool = True
    #: a key no two rows may share, and the words for the message
    key: Callable[[Any], str] | None = None
    key_what: str = ""
    multiline: frozenset[str] = frozenset()

    def paths(self, root: Path) -> list[Path]:
        if "*" in self.files:
            folder, _, pattern = self.files.rpartition("/")
            return sorted((root / folder).glob(pattern)) if (root / folder).is_dir() else []
        path = root / self.files
        return [path] if path.exists() or self.required else []


SOURCES = TableSpec(
    "bibliography/*.csv", SourceRow, key=lambda r: r.id, key_what="source id {} is defined twice"
)
INGREDIENTS = TableSpec("ingredients/*.csv", IngredientRow)
RATINGS = TableSpec("ratings.csv", RatingRow)
OCCLUSIVES = TableSpec("occlusives.csv", OcclusiveRow)
ACTIVES = TableSpec("actives.csv", ActiveRow)
CONFLICTS = TableSpec(
    "rules/conflicts.csv", ConflictRule, key=lambda r: r.id, key_what="rule id {} is defined twice"
)
CONTEXTS = TableSpec(
    "rules/contexts.csv", ContextRule, key=lambda r: r.id, key_what="rule id {} is defined twice"
)
SUBSTITUTES = TableSpec("rules/substitutes.csv", SubstituteRow)
LOOKALIKES = TableSpec("rules/lookalikes.csv", LookalikeRow)
UNRECOGNISED = TableSpec("rules/unrecognised.csv", UnrecognisedRow, non_empty=False)
COMMON_NAMES = TableSpec("common_names.csv", CommonNameRow, required=False, non_empty=False)


def read_table(root: Path, spec: TableSpec[M], problems: list[str]) -> list[Valid[M]]:
    """Every row of the table, validated; problems name the file and physical line."""
    paths = spec.paths(root)
    if not paths:
        if spec.required:
            problems.append(f"{spec.files.rpartition('/')[0]}/: no CSV files found")
        return []
    raw = []
    for path in paths:
        raw += read_csv(path, root, problems, multiline=spec.multiline)
    rows = validate_rows(spec.model, raw, problems)
    if spec.non_empty and not raw and all(p.exists() for p in paths):
        problems.append(f"{spec.files}: no data rows; the table must not be empty")
    if spec.key is not None:
        seen: dict[str, Valid[M]] = {}
        for item in rows:
            key = spec.key(item.row)
            first = seen.setdefault(key, item)
            if first is not item:
                problems.append(
                    f"{item.label} line {item.line}: {spec.key_what.format(key)} "
                    f"(first at {first.label} line {first.line})"
                )
    return rows
