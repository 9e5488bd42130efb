"""Verdict distribution and the 20 most-flagged ingredients of a corpus.

    .venv/bin/python benchmarks/verdicts_on_corpus.py CSV [--column C] [--no-type-inference]

Used to compare the judgement before and after a change of rules or data
(run it from two checkouts, or before and after a commit).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import screener  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv")
    parser.add_argument("--column", default=None)
    parser.add_argument("--no-type-inference", action="store_true")
    args = parser.parse_args()
    frame = pd.read_csv(args.csv)
    out = screener.screen_frame(frame, column=args.column, infer_type=not args.no_type_inference)
    print(out["screen_verdict"].value_counts(dropna=False).to_string())
    flagged = out["screen_flagged"].dropna().str.split("; ").explode()
    print(flagged[flagged != ""].value_counts().head(20).to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
