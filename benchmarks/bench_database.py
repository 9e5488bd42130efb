"""Cold load time and memory of the whole database, EU inventory included.

    .venv/bin/python benchmarks/bench_database.py [--runs 5]

Each run is a fresh Python process: it reports the time to import the package,
to load and validate ingredients/ (curated rows, common names and the 28,697
inventory names), and to build the matcher, with the process's peak RSS before
and after, tracemalloc's peak for the load alone, and the load's CPU time
(steadier than wall time on a shared machine). The inventory's folded-key index
is cached at first use (screener/database/inventory.py); one extra run with an
empty cache directory measures that first use.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, time, tracemalloc
t0 = time.perf_counter()
import screener.database as d
from screener.screen import Screener
t1 = time.perf_counter()
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t2 = time.perf_counter()
c2 = time.process_time()
db = d.load_database_from(d.database_dir())
c3 = time.process_time()
t3 = time.perf_counter()
Screener.for_database(db)
t4 = time.perf_counter()
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
d.fold_name.cache_clear()
tracemalloc.start()
d.load_database_from(d.database_dir())
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"import": t1 - t0, "load": t3 - t2, "load_cpu": c3 - c2,
                  "matcher": t4 - t3, "inventory": len(db.inventory), "common": len(db.common),
                  "rss_before_mb": rss0 / 1024, "rss_after_mb": rss1 / 1024,
                  "load_alloc_peak_mb": peak / 1e6, "ingredients": len(db)}))
"""


def _run(env: dict[str, str] | None = None) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, check=True, env=env
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as empty:
        first = _run({**os.environ, "SCREENER_CACHE_DIR": empty})
    runs = [_run() for _ in range(args.runs)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"| measure (median of {args.runs} fresh processes) | value |")
    print("|---|---|")
    print(
        f"| curated ingredients / common names / inventory names | {int(med['ingredients'])} / "
        f"{int(med['common'])} / {int(med['inventory'])} |"
    )
    print(f"| import screener | {med['import'] * 1000:.0f} ms |")
    print(
        f"| load + validate ingredients/ incl. inventory (cold process, index cached) | "
        f"{med['load'] * 1000:.0f} ms wall, {med['load_cpu'] * 1000:.0f} ms CPU |"
    )
    print(
        f"| the same, first use (index built) | {first['load'] * 1000:.0f} ms wall, "
        f"{first['load_cpu'] * 1000:.0f} ms CPU |"
    )
    print(f"| build the matcher (fuzzy index, families) | {med['matcher'] * 1000:.0f} ms |")
    print(f"| peak allocations during load (tracemalloc) | {med['load_alloc_peak_mb']:.1f} MB |")
    print(
        f"| process peak RSS before → after load | {med['rss_before_mb']:.0f} → "
        f"{med['rss_after_mb']:.0f} MB (+{med['rss_after_mb'] - med['rss_before_mb']:.0f} MB) |"
    )


if __name__ == "__main__":
    main()
