"""Benchmark batch screening.

    .venv/bin/python benchmarks/bench_batch.py [CSV] [--rows N] [--db DIR]
    .venv/bin/python benchmarks/bench_batch.py [CSV] --stream

With a CSV the corpus is replicated to N rows, each copy's ingredient order
shuffled with a fixed seed (so lists are distinct and nothing can be answered
from a whole-list cache); without one, lists of 30-40 names are drawn from the
database's own names. Prints a Markdown table: pandas.read_csv time of the
generated file, screen_frame time in 1 and 2 processes (``--jobs``), their
ratio to read_csv, lists/s, peak memory (tracemalloc, absolute and as a ratio
to read_csv's), and single-list screen() latency. ``--stream`` runs ``screener batch`` in a subprocess on 100k and 1M
rows and reports each run's peak RSS (memory independent of length).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener.batch import screen_frame  # noqa: E402
from screener.database import load_database, load_database_from  # noqa: E402
from screener.errors import DatabaseError  # noqa: E402
from screener.screen import Screener  # noqa: E402
from screener.tabular import cell_to_text, detect_column, read_table  # noqa: E402

MINI_DB = ROOT / "tests" / "fixtures" / "mini_db"
_SPLIT = re.compile(r",\s+|;\s*")


def load_screener(db: str | None) -> tuple[Screener, str]:
    if db:
        return Screener.for_database(load_database_from(Path(db))), db
    try:
        return Screener.for_database(load_database()), "ingredients/ (curated)"
    except DatabaseError:
        print("note: the curated database does not load; using the fixture database",
              file=sys.stderr)  # fmt: skip
        return Screener.for_database(load_database_from(MINI_DB)), str(MINI_DB)


def db_names(screener: Screener) -> list[str]:
    names = [i.inci for i in screener.db] + [a for i in screener.db for a in i.aliases]
    return sorted(set(names))


def synthetic_lists(names: list[str], count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [", ".join(rng.choices(names, k=rng.randint(30, 40))) for _ in range(count)]


def build_corpus(csv: str | None, rows: int, names: list[str], seed: int = 42) -> pd.DataFrame:
    """N rows: the CSV replicated with each copy's entries shuffled, or synthetic lists."""
    if csv is None:
        lists = synthetic_lists(names, rows, seed)
        return pd.DataFrame({"id": [str(i) for i in range(rows)], "ingredients": lists})
    base = read_table(csv)
    column = detect_column(base.columns)
    parts = [_SPLIT.split(cell_to_text(v) or "") for v in base[column]]
    rng = random.Random(seed)
    out_lists: list[str] = []
    sources: list[int] = []
    while len(out_lists) < rows:
        for index, entries in enumerate(parts):
            if len(out_lists) >= rows:
                break
            shuffled = entries[:]
            rng.shuffle(shuffled)
            out_lists.append(", ".join(shuffled))
            sources.append(index)
    frame = base.iloc[sources].reset_index(drop=True).copy()
    frame[column] = out_lists
    return frame


def peak_of(func: object) -> tuple[object, int]:
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        result = func()  # type: ignore[operator]
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def run_frame(args: argparse.Namespace) -> None:
    screener, db_label = load_screener(args.db)
    names = db_names(screener)
    corpus = build_corpus(args.csv, args.rows, names)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.csv"
        corpus.to_csv(path, index=False)
        size = path.stat().st_size
        del corpus
        # Warm the per-name caches on one copy-sized slice (as a long run would).
        warm = pd.read_csv(path, dtype=str, keep_default_na=False, nrows=5000)
        screen_frame(warm, screener=screener)
        t0 = time.perf_counter()
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        read_s = time.perf_counter() - t0
        column = detect_column(df.columns)
        distinct = df[column].nunique()
        jobs = [int(j) for j in args.jobs.split(",")]
        screen_s: dict[int, float] = {}
        errors = 0
        for n in jobs:
            t0 = time.perf_counter()
            out = screen_frame(df, column, screener=screener, n_jobs=n)
            screen_s[n] = time.perf_counter() - t0
            errors = int(out["screen_error"].notna().sum())
            del out
        mem_rows = min(args.mem_rows, len(df))
        sample_path = Path(tmp) / "sample.csv"
        df.iloc[:mem_rows].to_csv(sample_path, index=False)
        del df
        sample, read_peak = peak_of(
            lambda: pd.read_csv(sample_path, dtype=str, keep_default_na=False)
        )
        screen_peak: dict[int, int] = {}
        for n in jobs:
            _res, screen_peak[n] = peak_of(
                lambda n=n: screen_frame(sample, column, screener=screener, n_jobs=n)
            )

    rng = random.Random(7)
    lat_lists = [", ".join(rng.choices(names, k=40)) for _ in range(args.latency_lists)]
    for text in lat_lists[:50]:
        screener.screen(text)
    times = []
    for text in lat_lists:
        t0 = time.perf_counter()
        screener.screen(text)
        times.append(time.perf_counter() - t0)
    times.sort()
    median = statistics.median(times) * 1e3
    p95 = times[int(0.95 * (len(times) - 1))] * 1e3

    rows = args.rows
    print(f"\nDatabase: {db_label}; corpus: {args.csv or 'synthetic lists from database names'}")
    print(f"Python {sys.version.split()[0]}, pandas {pd.__version__}, {os.cpu_count()} CPUs\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| rows (distinct lists) | {rows:,} ({distinct:,}); {errors:,} rows with screen_error |")
    print(f"| generated CSV | {mb(size)} |")
    print(f"| pandas.read_csv | {read_s:.2f} s |")
    for n in jobs:
        label = f"screen_frame, {n} process{'es' if n > 1 else ''}"
        print(f"| {label} | {screen_s[n]:.2f} s ({screen_s[n] / read_s:.1f}x read_csv) |")
        print(f"| lists/s ({label}) | {rows / screen_s[n]:,.0f} |")
    print(f"| peak memory read_csv ({mem_rows:,} rows, tracemalloc) | {mb(read_peak)} |")
    for n in jobs:
        where = " (this process; each worker holds its own screener)" if n > 1 else ""
        print(f"| peak memory screen_frame n_jobs={n} ({mem_rows:,} rows, tracemalloc{where}) | "
              f"{mb(screen_peak[n])} ({screen_peak[n] / read_peak:.2f}x read_csv) |")  # fmt: skip
    print(f"| screen() latency, 40-ingredient lists (n={len(times)}) | median {median:.3f} ms, "
          f"p95 {p95:.3f} ms |")  # fmt: skip


_CHILD = """
import runpy, sys
code = 0
try:
    sys.argv = ["screener", *sys.argv[1:]]
    runpy.run_module("screener", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else 1
finally:
    status = open("/proc/self/status").read()
    hwm = [line for line in status.splitlines() if line.startswith("VmHWM")][0]
    sys.stderr.write("\\nPEAK_KB " + hwm.split()[1] + "\\n")
    import resource  # the largest worker process, once joined (0 without workers)
    sys.stderr.write("WORKER_KB %d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""


def _child_peak(args: list[str], env: dict[str, str]) -> tuple[float, int, int, int]:
    """Wall seconds, exit code, peak RSS (bytes, the child's own VmHWM: not
    ru_maxrss, which on Linux inherits the parent's high-water mark at fork)
    and the peak RSS of its largest worker process (0 when it used none)."""
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, *args], env=env, capture_output=True, text=True,
        cwd=ROOT, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    found = re.search(r"PEAK_KB (\d+)", proc.stderr)
    if proc.returncode not in (0, 1) or not found:
        raise SystemExit(f"screener batch failed ({proc.returncode}): {proc.stderr}")
    worker = re.search(r"WORKER_KB (\d+)", proc.stderr)
    worker_kb = int(worker.group(1)) if worker else 0
    return seconds, proc.returncode, int(found.group(1)) * 1024, worker_kb * 1024


def run_stream(args: argparse.Namespace) -> None:
    screener, db_label = load_screener(args.db)
    names = db_names(screener)
    env = dict(os.environ)
    if args.db or db_label == str(MINI_DB):
        env["SCREENER_DB_DIR"] = args.db or str(MINI_DB)
    sizes = [int(s) for s in args.stream_rows.split(",")]
    results = []
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        for rows in sizes:
            path = Path(tmp) / f"corpus_{rows}.csv"
            header = True
            done = 0
            while done < rows:  # written in slices so generating needs little memory
                n = min(100_000, rows - done)
                part = build_corpus(args.csv, n, names, seed=1000 + done)
                part.to_csv(path, mode="a", index=False, header=header)
                header = False
                done += n
            out = Path(tmp) / f"out_{rows}.csv"
            cmd = ["batch", str(path), "-o", str(out), "-q", "--chunksize", str(args.chunksize)]
            if args.stream_jobs:
                cmd += ["--jobs", args.stream_jobs]
            seconds, code, peak, worker = _child_peak(cmd, env)
            results.append((rows, path.stat().st_size, seconds, code, peak, worker))
            out.unlink()
            path.unlink()
    _s, _c, idle, _w = _child_peak(["--help"], env)
    print(f"\nDatabase: {db_label}; `screener batch` streaming, chunksize {args.chunksize}\n")
    jobs = args.stream_jobs or "default"
    print("| rows | input size | --jobs | seconds | rows/s | peak RSS | worker peak RSS | exit |")
    print("|---|---|---|---|---|---|---|---|")
    for rows, size, seconds, code, peak, worker in results:
        print(f"| {rows:,} | {mb(size)} | {jobs} | {seconds:.1f} | {rows / seconds:,.0f} "
              f"| {mb(peak)} | {mb(worker) if worker else '-'} | {code} |")  # fmt: skip
    print(f"\n(`screener --help` in the same harness: {mb(idle)} peak RSS)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="?", help="a corpus CSV to replicate")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--db", help="database folder (default: ingredients/, else fixtures)")
    parser.add_argument("--mem-rows", type=int, default=50_000,
                        help="rows measured under tracemalloc (it slows the run)")  # fmt: skip
    parser.add_argument("--latency-lists", type=int, default=1000)
    parser.add_argument("--jobs", default="1,2", help="processes to measure, e.g. 1,2")
    parser.add_argument("--stream", action="store_true", help="measure `screener batch` RSS")
    parser.add_argument("--stream-rows", default="100000,1000000")
    parser.add_argument("--chunksize", type=int, default=10_000)
    parser.add_argument("--stream-jobs", help="--jobs for `screener batch` (default: its own)")
    parser.add_argument("--tmp", help="folder for the generated files")
    args = parser.parse_args()
    if args.stream:
        run_stream(args)
    else:
        run_frame(args)


if __name__ == "__main__":
    main()
