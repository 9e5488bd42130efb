"""Load, validate and index the curated database in ``ingredients/``.

Every file is validated row by row with pydantic; every problem is collected
(not just the first) and reported with its file and physical line (the header
is line 1). Cross-checks: every source id resolves in the bibliography, no
alias or common name points at two ingredients, every rule names existing
ingredients or classes, look-alikes stay apart, and every substitute itself
screens clean. The EU inventory (``inventory/``) is the base layer under the
curated rows, which win.

Modules: ``models`` (row models and runtime objects), ``csvio`` (strict CSV
reading), ``tables`` (one spec per table), ``validate`` (cross-checks),
``severity`` (severity.toml model), ``inventory`` (the base layer),
``display`` (INCI display case), ``load`` (the loaders), ``index`` (Database).

Run ``python -m screener.database --check`` to validate a database folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import DatabaseError
from ..normalise import fold_name
from .csvio import CsvRow, Valid, read_csv, validate_rows
from .display import inci_case
from .index import CommonName, Database
from .inventory import Inventory, index_dir
from .load import _cached, database_dir, load_database, load_database_from
from .models import (
    ActiveRow,
    CommonNameRow,
    ConflictRule,
    ContextRule,
    Ingredient,
    IngredientRow,
    LookalikeRow,
    OcclusiveRow,
    Rating,
    RatingRow,
    RatingValue,
    Selector,
    SourceRow,
    SubstituteRow,
    UnrecognisedRow,
    _known_functions,
    _split_pipes,
    _split_sources,
    parse_rating,
    pick_rating,
)

__all__ = [
    "ActiveRow",
    "CommonName",
    "CommonNameRow",
    "ConflictRule",
    "ContextRule",
    "CsvRow",
    "Database",
    "DatabaseError",
    "Ingredient",
    "IngredientRow",
    "Inventory",
    "LookalikeRow",
    "OcclusiveRow",
    "Rating",
    "RatingRow",
    "RatingValue",
    "Selector",
    "SourceRow",
    "SubstituteRow",
    "UnrecognisedRow",
    "Valid",
    "_cached",
    "_known_functions",
    "_split_pipes",
    "_split_sources",
    "database_dir",
    "fold_name",
    "inci_case",
    "index_dir",
    "load_database",
    "load_database_from",
    "main",
    "parse_rating",
    "pick_rating",
    "read_csv",
    "validate_rows",
]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m screener.database", description="Validate the ingredient database."
    )
    parser.add_argument("--check", action="store_true", help="validate and print a summary")
    parser.add_argument("--path", default=None, help="database folder (default: bundled)")
    args = parser.parse_args(argv)
    try:
        db = load_database_from(Path(args.path) if args.path else database_dir())
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        for problem in exc.problems[25:]:
            print(f"- {problem}", file=sys.stderr)
        return 2
    rated = sum(1 for i in db.ingredients if i.comedogenic)
    print(
        f"OK: {len(db)} curated ingredients, {len(db.by_key)} names, {rated} with a comedogenic "
        f"rating, {len(db.common)} common names, {len(db.inventory)} inventory names, "
        f"{len(db.conflicts)} conflict rules, {len(db.contexts)} context rules, "
        f"{len(db.substitutes)} substitutes, {len(db.sources)} sources"
    )
    return 0
