"""Where batch time goes: cProfile of ``screen_frame`` on shuffled Sephora lists.

    .venv/bin/python benchmarks/profile_batch.py [ROWS] [--top N]

Lists are the corpus's, each copy's ingredient order shuffled with a fixed
seed (as in bench_peer.py), so no whole-list cache can answer. Prints
lists/s for a plain run, then the profile sorted by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_peer import DEFAULT_CSV, shuffled_lists  # noqa: E402

from screener.batch import screen_frame  # noqa: E402
from screener.screen import get_screener  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", nargs="?", type=int, default=20_000)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    frame = pd.DataFrame({"Ingredients": shuffled_lists(DEFAULT_CSV, "Ingredients", args.rows)})
    screener = get_screener()
    screen_frame(frame.head(3_000), "Ingredients", screener=screener)  # warm, as a long run is
    start = time.perf_counter()
    screen_frame(frame, "Ingredients", screener=screener)
    print(f"screen_frame: {args.rows / (time.perf_counter() - start):,.0f} lists/s")
    profile = cProfile.Profile()
    profile.runcall(screen_frame, frame, "Ingredients", screener=screener)
    pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
