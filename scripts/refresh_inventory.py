"""Rebuild ingredients/inventory/cosing_inventory.csv from a CosIng export, and validate it.

    python scripts/refresh_inventory.py EXPORT.csv [--out PATH] [--check-only]

EXPORT.csv is either the EU Commission's CosIng CSV export (metadata lines,
then the header ``COSING Ref No,INCI name,…,CAS No,EC No,…,Function,…``) or a
file already in the shipped layout (``inci_name,cas_number,einecs_number,function``).

Cleaning, each step because a real row needed it: spacing collapsed
(``CIMICIFUGA ACERINA  EXTRACT``), no space after a slash (``ACRYLATE/ BUTYL``),
upper case, ``-`` placeholders emptied; rows that then fold to the same lookup
key (exact duplicates, ``NYLON 6/12`` and ``NYLON-6/12``) are merged into one,
their functions united. Validation: every name non-empty, every function word
mapped in ``screener.vocabulary.COSING_FUNCTIONS`` (a new word must be mapped,
or dropped, on purpose), and the result loads with the database loader.
Exit 2 with the reason on any problem.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener.database.inventory import FILENAME, FOLDER, HEADER  # noqa: E402
from screener.normalise import fold_name  # noqa: E402
from screener.vocabulary import COSING_FUNCTIONS  # noqa: E402

OFFICIAL_COLUMNS = {"INCI name": 0, "CAS No": 1, "EC No": 2, "Function": 3}
_SLASH_SPACE = re.compile(r"\s*/\s*")


def clean_name(name: str) -> str:
    return _SLASH_SPACE.sub("/", " ".join(name.split())).upper()


def _placeholder(value: str) -> str:
    value = " ".join(value.split())
    return "" if value in ("", "-") else value


def read_export(path: Path) -> list[list[str]]:
    """Rows as [name, cas, ec, functions], whichever of the two layouts the file has."""
    text = path.read_text(encoding="utf-8-sig", errors="strict")
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith("COSING Ref No,")), None)
    reader = csv.reader(io.StringIO("".join(lines[start or 0 :]), newline=""))
    header = next(reader)
    if start is not None:
        index = {name: header.index(name) for name in OFFICIAL_COLUMNS}
        return [
            [row[index[c]] if index[c] < len(row) else "" for c in OFFICIAL_COLUMNS]
            for row in reader
            if row
        ]
    if header != HEADER:
        raise ValueError(f"{path}: header is neither CosIng's nor {','.join(HEADER)}: {header}")
    return [row for row in reader if row]


def _words(functions: str) -> list[str]:
    """Function words, spacing collapsed; the official export's capitals in title case."""
    words = [" ".join(w.split()) for w in functions.split(",") if w.strip()]
    return [w.title() if w.isupper() else w for w in words]


def clean(rows: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Cleaned, merged, sorted rows; and the problems found."""
    problems: list[str] = []
    merged: dict[str, list[str]] = {}
    for number, row in enumerate(rows, start=2):
        if len(row) != 4:
            problems.append(f"row {number}: expected 4 cells, found {len(row)}")
            continue
        name = clean_name(row[0])
        cas, ec, functions = (_placeholder(c) for c in row[1:])
        if not name:
            problems.append(f"row {number}: empty INCI name")
            continue
        unmapped = [w for w in _words(functions) if w.casefold() not in COSING_FUNCTIONS]
        if unmapped:
            problems.append(
                f"row {number} ({name}): function word(s) {unmapped} not mapped in "
                "screener/vocabulary.py COSING_FUNCTIONS"
            )
        key = fold_name(name)
        if key in merged:
            kept = merged[key]
            words = _words(kept[3]) + [w for w in _words(functions) if w not in _words(kept[3])]
            kept[3] = ", ".join(words)
            kept[1] = kept[1] or cas
            kept[2] = kept[2] or ec
        else:
            merged[key] = [name, cas, ec, ", ".join(_words(functions))]
    return sorted(merged.values(), key=lambda r: r[0]), problems


def write(rows: list[list[str]], out: Path) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(buffer.getvalue(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path, help="the CosIng export (CSV)")
    parser.add_argument("--out", type=Path, default=ROOT / "ingredients" / FOLDER / FILENAME)
    parser.add_argument("--check-only", action="store_true", help="validate, write nothing")
    args = parser.parse_args(argv)
    try:
        rows, problems = clean(read_export(args.export))
    except (OSError, UnicodeDecodeError, ValueError, csv.Error, StopIteration) as exc:
        print(f"refresh_inventory: cannot read {args.export}: {exc}", file=sys.stderr)
        return 2
    if problems:
        print(f"refresh_inventory: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems[:30]:
            print(f"- {problem}", file=sys.stderr)
        return 2
    if not args.check_only:
        write(rows, args.out)
    print(
        f"{len(rows)} inventory names ({'checked' if args.check_only else f'written to {args.out}'})"
    )
    if not args.check_only and args.out.resolve().is_relative_to((ROOT / "ingredients").resolve()):
        from screener.database import DatabaseError, load_database_from

        try:
            db = load_database_from(ROOT / "ingredients")
        except DatabaseError as exc:
            print(str(exc), file=sys.stderr)
            return 2
        print(f"database loads: {len(db.inventory)} inventory names, {len(db)} curated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
