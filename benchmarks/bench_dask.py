"""Benchmark ``screener batch`` in one process, with ``--jobs`` and with ``--dask``.

    .venv/bin/python benchmarks/bench_dask.py [CSV] [--rows N] [--workers 1,2]
    .venv/bin/python benchmarks/bench_dask.py [CSV] --address tcp://host:8786

The corpus is built as in bench_batch.py (the CSV replicated to N rows, each
copy's ingredient order shuffled with a fixed seed; synthetic lists without a
CSV). Each configuration runs the real command in a subprocess on the same
generated file, end to end (start-up, cluster start, reading, screening,
writing the CSV), and every output is checked to be byte-identical to the
one-process output. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_batch import build_corpus, db_names, load_screener, mb  # noqa: E402


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds of ``screener batch …``, the CPU seconds of all its processes
    (workers included, once reaped) and its summary line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "screener", "batch", *cmd, "-q"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"screener batch {' '.join(cmd)} failed: {proc.stderr}")
    return seconds, cpu, proc.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="?", help="a corpus CSV to replicate")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", help="database folder (default: ingredients/, else fixtures)")
    parser.add_argument("--jobs", default="1,2", help="--jobs runs without Dask")
    parser.add_argument("--workers", default="1,2", help="local Dask workers to measure")
    parser.add_argument("--address", help="also measure a running scheduler (tcp://…)")
    parser.add_argument("--tmp", help="folder for the generated files")
    args = parser.parse_args()

    screener, db_label = load_screener(args.db)
    env = dict(os.environ)
    if args.db:
        env["SCREENER_DB_DIR"] = args.db
    elif "fixtures" in db_label:
        env["SCREENER_DB_DIR"] = db_label
    configs: list[tuple[str, list[str]]] = [
        (f"one process (--jobs {j})" if j == "1" else f"--jobs {j}", ["--jobs", j])
        for j in args.jobs.split(",")
    ]
    configs += [
        (f"--dask, {w} local worker{'s' if w != '1' else ''}", ["--dask", "--jobs", w])
        for w in args.workers.split(",")
    ]
    if args.address:
        configs.append((f"--dask {args.address}", ["--dask", args.address]))

    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        source = Path(tmp) / "corpus.csv"
        build_corpus(args.csv, args.rows, db_names(screener)).to_csv(source, index=False)
        print(f"\nDatabase: {db_label}; corpus: {args.csv or 'synthetic'}; {args.rows:,} rows, "
              f"{mb(source.stat().st_size)}; {os.cpu_count()} CPUs; "
              f"Python {sys.version.split()[0]}\n")  # fmt: skip
        print("| run | wall seconds | rows/s | CPU seconds, all processes | same output |")
        print("|---|---|---|---|---|", flush=True)
        summaries = []
        reference: Path | None = None
        for label, extra in configs:
            out = Path(tmp) / f"out_{len(summaries)}.csv"
            seconds, cpu, summary = run([str(source), "-o", str(out), *extra], env)
            same = reference is None or filecmp.cmp(reference, out, shallow=False)
            reference = reference or out
            summaries.append(f"- {label}: {summary}")
            print(f"| {label} | {seconds:.1f} | {args.rows / seconds:,.0f} | {cpu:.1f} "
                  f"| {'yes' if same else 'NO'} |", flush=True)  # fmt: skip
    print(f"\n(load average at the end: {os.getloadavg()[0]:.1f})\n")
    print("\n".join(summaries))


if __name__ == "__main__":
    main()
