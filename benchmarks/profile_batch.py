"""Where batch time goes: cProfile of ``screen_frame`` on shuffled Sephora lists.

    .venv/bin/python benchmarks/profile_batch.py [ROWS] [--top N]

Lists are the corpus's, each copy's ingredient order shuffled with a fixed
seed (bench_peer.shuffled_lists), so no whole-list cache can answer. Prints
the profile sorted by own time; lists/s without the profiler's overhead is
bench_peer.py's figure.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
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
    profile = cProfile.Profile()
    profile.runcall(screen_frame, frame, "Ingredients", screener=screener)
    pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
