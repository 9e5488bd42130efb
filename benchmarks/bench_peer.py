"""Side-by-side speed of the screener and its best open peer, in one run.

    .venv/bin/python benchmarks/bench_peer.py [CSV] [--rows N] [--peer-rows M]

The corpus (default: ../shared/data/corpora/sephora_2018.csv, column
Ingredients) is replicated to N rows, each copy's ingredient order shuffled
with a fixed seed, so no whole-list cache can answer. Measured on one process:

* batch: ``screen_frame`` lists/s against ``on_the_list.analyse`` lists/s
  (the PyPI package ``on-the-list``, the EU-annex label checker) on the same
  lists, and against ``pandas.read_csv`` of the same generated file;
* ``screen()`` with the full report: median and p95 latency on 40-ingredient
  lists, against ``analyse`` on the same lists;
* cold ``python -c "import screener; screener.screen('Aqua, Glycerin')"``
  wall time (median of 5 fresh processes).

``on-the-list`` is a benchmark-only dependency (``pip install on-the-list``);
without it the peer columns say so.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener.batch import screen_frame  # noqa: E402
from screener.errors import ScreenError  # noqa: E402
from screener.screen import get_screener  # noqa: E402

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "corpora" / "sephora_2018.csv"


def shuffled_lists(path: Path, column: str, rows: int, seed: int = 7) -> list[str]:
    texts = [t for t in pd.read_csv(path)[column].dropna().astype(str) if "," in t]
    rng = random.Random(seed)
    out = []
    for i in range(rows):
        parts = [p.strip() for p in texts[i % len(texts)].split(",")]
        rng.shuffle(parts)
        out.append(", ".join(parts))
    return out


def peer() -> tuple[object, object] | None:
    try:
        from on_the_list.analyse import analyse
        from on_the_list.register import load
    except ImportError:
        return None
    return analyse, load()


def lists_per_second(run: object, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        try:
            run(text)  # type: ignore[operator]
        except ScreenError:
            pass
    return len(texts) / (time.perf_counter() - start)


def latencies(run: object, texts: list[str]) -> tuple[float, float]:
    times = []
    for text in texts:
        start = time.perf_counter()
        try:
            run(text)  # type: ignore[operator]
        except ScreenError:
            continue
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def cold_start(runs: int = 5) -> float:
    code = "import screener; screener.screen('Aqua, Glycerin')"
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", nargs="?", default=str(DEFAULT_CSV))
    parser.add_argument("--column", default="Ingredients")
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--peer-rows", type=int, default=5_000)
    args = parser.parse_args()

    texts = shuffled_lists(Path(args.csv), args.column, args.rows)
    frame = pd.DataFrame({"Ingredients": texts})
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "lists.csv"
        frame.to_csv(csv_path, index=False)
        start = time.perf_counter()
        pd.read_csv(csv_path)
        read_csv = time.perf_counter() - start

    screener = get_screener()
    screen_frame(frame.head(5_000), "Ingredients", screener=screener)  # warm, as a long run is
    start = time.perf_counter()
    screen_frame(frame, "Ingredients", screener=screener)
    batch_s = time.perf_counter() - start
    ours_lps = len(texts) / batch_s

    forty = [t for t in texts if 36 <= t.count(",") + 1 <= 44][:1000]
    ours_med, ours_p95 = latencies(screener.screen, forty)

    found = peer()
    rows = [
        ("rows (shuffled copies)", f"{len(texts):,}"),
        ("pandas.read_csv of the same file", f"{read_csv:.2f} s"),
        ("screen_frame, 1 process", f"{batch_s:.2f} s ({batch_s / read_csv:.1f}x read_csv)"),
        ("lists/s, screen_frame", f"{ours_lps:,.0f}"),
        ("screen() full report, 40 ingredients", f"median {ours_med * 1e3:.3f} ms, p95 {ours_p95 * 1e3:.3f} ms"),
    ]  # fmt: skip
    if found is None:
        rows.append(("on-the-list", "not installed (pip install on-the-list)"))
    else:
        analyse, register = found

        def run_peer(text: str) -> object:
            return analyse(ingredients_text=text, register=register)  # type: ignore[operator]

        peer_texts = texts[: args.peer_rows]
        peer_lps = lists_per_second(run_peer, peer_texts)
        peer_med, peer_p95 = latencies(run_peer, forty)
        rows += [
            ("lists/s, on-the-list analyse", f"{peer_lps:,.0f} (ours {ours_lps / peer_lps:.1f}x)"),
            ("on-the-list analyse, 40 ingredients", f"median {peer_med * 1e3:.3f} ms, p95 {peer_p95 * 1e3:.3f} ms (ours {peer_med / ours_med:.1f}x faster)"),
        ]  # fmt: skip
    rows.append(("cold import + first screen (wall, median of 5)", f"{cold_start():.3f} s"))
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
