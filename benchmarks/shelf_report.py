"""What product-type inference and same-shelf swaps change on a real catalog.

    PYTHONPATH=. .venv/bin/python benchmarks/shelf_report.py CATALOG.csv [--column Ingredients] [-n 10]

Prints (1) the verdict distribution of ``screen_frame`` without inference
(every row leave-on) and with it (the default), and how many rows changed and
in which direction; (2) ``n`` same-shelf suggestions (``suggest_products`` for
evenly spaced catalog rows that are not milia-friendly), each with the query's
shelf, the suggestion's brand, name and price, and the plain reason. The
catalog is read, never copied or written.
"""

from __future__ import annotations

import argparse
from collections import Counter

from screener.batch import screen_frame
from screener.catalog import BRAND_COLUMNS, NAME_COLUMNS, PRICE_COLUMNS, _pick, suggest_products
from screener.tabular import read_table


def _texts(column: object) -> list[str | None]:
    """A result column's cells as text or None (the columns hold pd.NA for missing)."""
    return [v if isinstance(v, str) else None for v in column]  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("catalog")
    parser.add_argument("--column", default=None)
    parser.add_argument("-n", type=int, default=10)
    args = parser.parse_args()
    df = read_table(args.catalog)
    plain = screen_frame(df, args.column, infer_type=False)
    typed = screen_frame(df, args.column)
    order = ["milia-friendly", "use with care", "not milia-friendly", "uncertain", None]
    plain_verdicts = _texts(plain["screen_verdict"])
    typed_verdicts = _texts(typed["screen_verdict"])
    before = Counter(plain_verdicts)
    after = Counter(typed_verdicts)
    print(f"## Verdicts on {len(df):,} rows\n")
    print("| verdict | without inference | with inference |\n|---|---:|---:|")
    for verdict in order:
        label = verdict or "could not screen"
        print(f"| {label} | {before.get(verdict, 0)} | {after.get(verdict, 0)} |")
    types = Counter(typed["screen_product_type"].dropna())
    print(f"\nInferred types: {dict(types)}")
    moved = Counter(
        (a, b)
        for a, b in zip(plain_verdicts, typed_verdicts, strict=True)
        if a is not None and a != b
    )
    print(
        "Rows whose verdict changed: "
        + "; ".join(f"{a} → {b}: {n}" for (a, b), n in moved.most_common())
    )

    name_col = _pick(df.columns, NAME_COLUMNS)
    brand_col = _pick(df.columns, BRAND_COLUMNS)
    price_col = _pick(df.columns, PRICE_COLUMNS)
    flagged = [i for i, v in enumerate(typed_verdicts) if v == "not milia-friendly"]
    step = max(1, len(flagged) // max(1, args.n))
    print(f"\n## {args.n} same-shelf suggestions\n")
    shown = 0
    for position in flagged[::step]:
        if shown >= args.n:
            break
        found = suggest_products(None, df, column=args.column, row=position, k=1)
        query = df.iloc[position]
        head = (
            f"{query[brand_col]} — {query[name_col]}"
            if brand_col and name_col
            else f"row {position}"
        )
        print(
            f"{shown + 1}. **{head}** (shelf: {found.attrs.get('category')}; {typed['screen_product_type'].iloc[position]})"
        )
        if found.empty:
            print("   → nothing on this shelf screens clean and does the same job")
        else:
            best = found.iloc[0]
            brand = best[brand_col] if brand_col else ""
            price = f" ({best[price_col]})" if price_col else ""
            print(
                f"   → {brand} — {best[name_col] if name_col else ''}{price}, score {best['score']:.2f}"
            )
            print(f"     {best['why']}")
        shown += 1


if __name__ == "__main__":
    main()
