"""Steady-state cost of one list, once every segment has been seen.

    .venv/bin/python benchmarks/bench_steady.py [ROWS] [--repeat N]

The corpus's lists, shuffled as in bench_peer.py, are screened once to fill
the per-segment caches; then the reading stage alone (``label_segments``) and
the whole pipeline with the batch view (``Screener.summarise``) are timed over
the same lists, best of ``--repeat`` passes, in CPU time, so another process
on the machine moves the figures less than wall time would. To compare two
commits, run this file in a worktree of each, interleaved (it imports the
screener beside it, not the installed one):

    git worktree add /tmp/base <commit> && ln -s "$PWD/.venv" /tmp/base/.venv
    ln -sfn "$PWD/../shared" /tmp/shared     # the corpus, beside the worktree
    cp benchmarks/bench_steady.py /tmp/base/benchmarks/
    (cd /tmp/base && .venv/bin/python benchmarks/bench_steady.py)
    .venv/bin/python benchmarks/bench_steady.py

Each run builds its screener afresh (SCREENER_NO_CACHE=1), so both commits
pay the same.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ["SCREENER_NO_CACHE"] = "1"

from bench_peer import DEFAULT_CSV, shuffled_lists  # noqa: E402

from screener.errors import ScreenError  # noqa: E402
from screener.read import label_segments  # noqa: E402
from screener.screen import get_screener  # noqa: E402


def cpu_seconds(work: Callable[[object], object], lists: list[str]) -> float:
    start = time.process_time()
    for text in lists:
        try:
            work(text)
        except ScreenError:
            pass  # rows that are not lists cost what they cost
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", nargs="?", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lists = [str(x) for x in shuffled_lists(DEFAULT_CSV, "Ingredients", args.rows)]
    screener = get_screener()
    cpu_seconds(screener.summarise, lists)  # every segment seen once
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, work in (
            ("read (label_segments)", label_segments),
            ("summarise", screener.summarise),
        ):
            seconds = cpu_seconds(work, lists)
            best[name] = min(best.get(name, seconds), seconds)
    print(f"{ROOT.name} @ {args.rows:,} shuffled lists, best of {args.repeat}, CPU time")
    for name, seconds in best.items():
        print(f"| {name} | {seconds / len(lists) * 1e6:.1f} µs a list |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
