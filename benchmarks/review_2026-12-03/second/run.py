"""Independent review (review2): 46 real product texts + 5 routines through the screener.
Run: .venv/bin/python benchmarks/review_2026-12-03/second/run.py [id ...] [--full]
Cases are data in cases_part1..4.py (id, product, source URL, context, name, text as printed).
"""

import os
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, str(Path(HERE).resolve().parents[2])]
import cases_part2  # noqa: E402, F401  (register cases)
import cases_part3  # noqa: E402, F401
from cases_part1 import CASES  # noqa: E402
from cases_part4 import EXPECT, ROUTINES  # noqa: E402
from summ import summ  # noqa: E402

import screener  # noqa: E402

TABLE = []


def main(argv):
    full = "--full" in argv
    ids = [a for a in argv if not a.startswith("--")]
    for c in CASES:
        if ids and c["id"] not in ids:
            continue
        print("=" * 100)
        print(f"[{c['id']}] {c['product']}  ctx={c['ctx']}  src={c['url']}")
        try:
            r = screener.screen(
                c["text"], context=c["ctx"], name=c["name"], product_type=c.get("ptype")
            )
            print(summ(r, full))
            print("  DECIDING:", r.verdict.deciding)
            TABLE.append((c["id"], c["ctx"], r.verdict.label))
        except Exception as e:
            print("  ERROR", type(e).__name__, e)
    for rid, ctx, prods in ROUTINES:
        if ids and rid not in ids:
            continue
        print("=" * 100)
        print(f"[{rid}] ctx={ctx}")
        rr = screener.screen_routine(prods, context=ctx)
        print("VERDICT:", rr.verdict.label, "|", rr.verdict.deciding)
        for p in rr.products:
            print(
                f"  PRODUCT {p.name}: {p.verdict.label} type={p.product_type} deciding={p.verdict.deciding}"
            )
            if full:
                print(summ(p, False))
        for f in rr.findings:
            print(f"  RF[{f.kind}/{f.severity}] {f.ingredients} :: {f.reason[:260]}")
        for a in rr.arrangement:
            print("  ARR", a)
        for u in rr.unresolved:
            print("  UNRESOLVED", u)
        TABLE.append((rid, ctx, rr.verdict.label))
    print("=" * 100)
    agree = full_ok = 0
    for cid, ctx, got in TABLE:
        exp, ok = EXPECT.get(cid, ("?", False))
        a = exp == got
        agree += a
        full_ok += a and ok
        print(
            f"{cid:38s} {str(ctx):15s} tool={got:20s} reviewer={exp:20s} {'AGREE' if a else 'DISAGREE'}{'' if ok else ' (findings/reading not all right)'}"
        )
    print(
        f"verdict agreement {agree}/{len(TABLE)}; verdict+findings+reading all right {full_ok}/{len(TABLE)}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
