"""How often the issue-16 kinds fire on a real catalog.

    .venv/bin/python benchmarks/kinds_on_corpus.py CORPUS --column Ingredients [--top 5]

Screens every row's ingredient list, keeps the ingredients the screener matched
(exact, alias, family or fuzzy: a canonical INCI name), and runs the pure
functions of ``screener.kinds`` over them. Prints how many products contain at
least one EU labellable fragrance allergen (listed; and listed or carried by an
essential oil), how many contain at least one Malassezia ``supports_growth``
ingredient, and the most frequent triggers of each. Rows the screener refuses
(empty, not an ingredient list) are counted and skipped.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener import ScreenError, load_database, screen  # noqa: E402
from screener.kinds import allergen_hits, fungal_hits  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="CSV file with one product per row")
    parser.add_argument("--column", default="Ingredients", help="the ingredient-list column")
    parser.add_argument("--top", type=int, default=5, help="how many top triggers to print")
    args = parser.parse_args(argv)
    try:
        with args.corpus.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {args.corpus}: {exc}", file=sys.stderr)
        return 2
    if rows and args.column not in rows[0]:
        print(f"error: no column {args.column!r} in {args.corpus}", file=sys.stderr)
        return 2
    db = load_database()
    screened = skipped = 0
    with_listed = with_any_allergen = with_fungal = 0
    listed_counts: Counter[str] = Counter()
    carried_counts: Counter[str] = Counter()
    fungal_counts: Counter[str] = Counter()
    for row in rows:
        try:
            report = screen(row.get(args.column) or "")
        except ScreenError:
            skipped += 1
            continue
        screened += 1
        incis = list(dict.fromkeys(r.inci for r in report.ingredients if r.inci))
        allergens = allergen_hits(incis, db)
        listed = {h.inci for h in allergens if h.via == "listed"}
        carried = {h.inci for h in allergens if h.via == "contains"}
        triggers = {h.inci for h in fungal_hits(incis, db) if h.effect == "supports_growth"}
        with_listed += bool(listed)
        with_any_allergen += bool(listed or carried)
        with_fungal += bool(triggers)
        listed_counts.update(listed)
        carried_counts.update(carried - listed)
        fungal_counts.update(triggers)

    def share(n: int) -> str:
        return f"{n} / {screened} ({100 * n / screened:.1f} %)" if screened else "0 / 0"

    print(
        f"corpus: {args.corpus.name}, column {args.column!r}: {len(rows)} rows, {screened} screened, {skipped} refused"
    )
    print(f"products with >= 1 listed EU fragrance allergen: {share(with_listed)}")
    print(f"products with >= 1 listed allergen or an oil carrying one: {share(with_any_allergen)}")
    print(f"products with >= 1 Malassezia supports_growth ingredient: {share(with_fungal)}")
    print(
        f"top {args.top} listed allergens: "
        + ", ".join(f"{k} ({v})" for k, v in listed_counts.most_common(args.top))
    )
    print(
        f"top {args.top} allergen carriers not listed themselves: "
        + ", ".join(f"{k} ({v})" for k, v in carried_counts.most_common(args.top))
    )
    print(
        f"top {args.top} fungal-acne triggers: "
        + ", ".join(f"{k} ({v})" for k, v in fungal_counts.most_common(args.top))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
