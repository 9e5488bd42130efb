"""Dask on a real LocalCluster of two worker PROCESSES (not an in-process scheduler).

One cluster for the module; its workers read the fixture database through
SCREENER_DB_DIR. Every ``--dask`` run is compared with the one-process
``screener batch`` on the same input: the same rows, order, columns and CSV
bytes (formula-safe cells included).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster, WorkerPlugin

from screener import scale
from screener.batch import OUTPUT_COLUMNS, run_batch
from screener.cli import main
from screener.database import _cached
from screener.scale import run_dask_batch, screen_dask, screener_key
from screener.screen import Screener, _default_screener
from screener.tabular import read_table

pytestmark = pytest.mark.cluster

HERE = Path(__file__).parent
ROOT = HERE.parent
BATCH = HERE / "fixtures" / "batch"
MINI_DB = HERE / "fixtures" / "mini_db"
#: A bound for one run, so that a lost task fails the test instead of hanging it.
RUN_TIMEOUT = 60


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCREENER_DB_DIR", str(MINI_DB))  # inherited by the workers
        # A spawned worker re-runs the parent's __main__ file: after the page's
        # tests that is app.py (Streamlit's AppTest), which must not run there.
        patch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
        cluster = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        with Client(cluster) as connected:
            yield connected
        cluster.close()
    _default_screener.cache_clear()
    _cached.cache_clear()
    scale._SCREENERS.clear()  # what this module registered under its SCREENER_DB_DIR


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 rows: clean, messy, multi-line and formula cells, each with its own id."""
    parts = [read_table(BATCH / name) for name in ("messy.csv", "multiline.csv", "formulas.csv")]
    rows: list[dict[str, str]] = []
    while len(rows) < 300:
        for part in parts:
            for record in part.to_dict("records"):
                rows.append(
                    {
                        "id": f"{len(rows):04d}",
                        "ingredients": record["ingredients"],
                        "note": str(record.get("name", record.get("brand", ""))),
                    }
                )
    path = tmp_path_factory.mktemp("catalog") / "catalog.csv"
    pd.DataFrame(rows[:300]).to_csv(path, index=False)
    return path


def one_process(source: Path, out: Path, mini: Screener, **kw: Any) -> bytes:
    run_batch(str(source), str(out), screener=mini, jobs=1, **kw)
    return out.read_bytes()


def within(seconds: float, func: Any, *args: Any, **kw: Any) -> Any:
    """func(*args, **kw), or a failure after ``seconds`` (a daemon thread: a
    hung run cannot hold the test session open)."""
    result: list[Any] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(func(*args, **kw))
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            errors.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"{getattr(func, '__name__', func)} did not finish in {seconds} s")
    if errors:
        raise errors[0]
    return result[0]


def on_cluster(client: Client, source: str, out: Path, mini: Screener, **kw: Any) -> dict[str, Any]:
    address = client.scheduler.address
    stats: dict[str, Any] = within(
        RUN_TIMEOUT, run_dask_batch, source, str(out), address=address, screener=mini, **kw
    )
    return stats


def test_two_worker_processes(client: Client) -> None:
    pids = client.run(os.getpid)
    assert len(pids) == 2 and os.getpid() not in pids.values()
    assert len(set(pids.values())) == 2


@pytest.mark.parametrize("chunksize", [7, 50, 20_000])
def test_csv_out_is_the_one_process_csv(
    client: Client, catalog: Path, mini: Screener, tmp_path: Path, chunksize: int
) -> None:
    expected = one_process(catalog, tmp_path / "one.csv", mini)
    stats = on_cluster(client, str(catalog), tmp_path / "dask.csv", mini, chunksize=chunksize)
    assert (tmp_path / "dask.csv").read_bytes() == expected
    assert stats["rows"] == 300 and stats["workers"] == 2
    assert b"'=HYPERLINK" in expected  # formula-safe cells, in both


@pytest.mark.parametrize(
    "options",
    [{"context": ["eye-area", "pregnancy"]}, {"avoid": ["Petrolatum", "Isopropyl Myristate"]}],
)
def test_options_reach_the_workers(
    client: Client,
    catalog: Path,
    mini: Screener,
    screener_real: Screener,
    tmp_path: Path,
    options: dict[str, Any],
) -> None:
    # Avoid lists need the kinds tables, which the fixture database lacks: the
    # workers then build the real database's screener from its folder.
    screener = screener_real if "avoid" in options else mini
    expected = one_process(catalog, tmp_path / "one.csv", screener, **options)
    on_cluster(client, str(catalog), tmp_path / "dask.csv", screener, chunksize=60, **options)
    assert (tmp_path / "dask.csv").read_bytes() == expected
    plain = one_process(catalog, tmp_path / "plain.csv", screener)
    assert plain != expected  # the option changed the result


def test_parquet_dataset_round_trip_keeps_rows_order_and_types(
    client: Client, catalog: Path, mini: Screener, tmp_path: Path
) -> None:
    out = tmp_path / "screened"
    on_cluster(client, str(catalog), out, mini, chunksize=40)
    parts = sorted(p.name for p in out.iterdir())
    assert parts == [f"part.{i:05d}.parquet" for i in range(8)]
    back = pd.read_parquet(out)
    original = read_table(catalog)
    assert back["id"].tolist() == original["id"].tolist()
    assert list(back.columns) == [*original.columns, *OUTPUT_COLUMNS]
    pd.testing.assert_frame_equal(back[original.columns], original, check_dtype=False)
    assert {name: str(back[name].dtype) for name in OUTPUT_COLUMNS} == OUTPUT_COLUMNS
    one = pd.read_csv(_one_csv(catalog, tmp_path, mini), dtype=str, keep_default_na=False)
    # The same values as the one-process CSV (read back as text).
    as_text = back.astype(object).where(back.notna(), "").astype(str)
    for name in ("screen_verdict", "screen_n_avoid", "screen_flagged", "screen_error"):
        assert as_text[name].tolist() == one[name].str.lstrip("'").tolist()
    # Dask reads it back with the same dtypes, in the same order.
    lazy = dd.read_parquet(str(out))
    assert lazy.npartitions == 8
    assert lazy.compute()["id"].tolist() == original["id"].tolist()


def _one_csv(catalog: Path, tmp_path: Path, mini: Screener) -> Path:
    out = tmp_path / "one.csv"
    one_process(catalog, out, mini)
    return out


def test_glob_folder_and_parquet_inputs(
    client: Client, catalog: Path, mini: Screener, tmp_path: Path
) -> None:
    """Partitions in natural order (2 before 10), CSV or Parquet, give the whole table."""
    original = read_table(catalog)
    folder = tmp_path / "parts"
    folder.mkdir()
    bounds = list(range(0, 300, 25))
    for n, start in enumerate(bounds):
        piece = original.iloc[start : start + 25]
        piece.to_csv(folder / f"part.{n}.csv", index=False)
        piece.to_parquet(folder.parent / f"pq.{n}.parquet")
    expected = one_process(catalog, tmp_path / "one.csv", mini)
    on_cluster(client, str(folder / "part.*.csv"), tmp_path / "glob.csv", mini)
    assert (tmp_path / "glob.csv").read_bytes() == expected
    on_cluster(client, str(folder), tmp_path / "folder.csv", mini)
    assert (tmp_path / "folder.csv").read_bytes() == expected
    on_cluster(client, str(tmp_path / "pq.*.parquet"), tmp_path / "pq.csv", mini)
    assert (tmp_path / "pq.csv").read_bytes() == expected


def test_cli_on_the_cluster(client: Client, catalog: Path, mini: Screener, tmp_path: Path) -> None:
    """``screener batch --dask ADDRESS``: the workers' default database (their
    SCREENER_DB_DIR), the one-process exit code and summary."""
    expected = one_process(catalog, tmp_path / "one.csv", mini)
    out = tmp_path / "cli.csv"
    argv = ["batch", str(catalog), "-o", str(out), "--dask", client.scheduler.address, "-q"]
    assert within(RUN_TIMEOUT, main, argv) == 1  # findings, as in one process
    assert out.read_bytes() == expected


def test_a_header_only_table(client: Client, mini: Screener, tmp_path: Path) -> None:
    source = tmp_path / "empty.csv"
    source.write_text("id,ingredients\n")
    expected = one_process(source, tmp_path / "one.csv", mini)
    assert on_cluster(client, str(source), tmp_path / "dask.csv", mini)["rows"] == 0
    assert (tmp_path / "dask.csv").read_bytes() == expected
    on_cluster(client, str(source), tmp_path / "screened", mini)
    back = pd.read_parquet(tmp_path / "screened")
    assert len(back) == 0 and list(back.columns) == ["id", "ingredients", *OUTPUT_COLUMNS]


def test_one_screener_built_per_worker_process(
    client: Client, catalog: Path, mini: Screener, tmp_path: Path
) -> None:
    """Many tasks and runs; each worker process built the screener once."""
    for n in range(2):
        on_cluster(client, str(catalog), tmp_path / f"run{n}.csv", mini, chunksize=10)  # 30 tasks
    key = screener_key(mini)
    builds = client.run(scale.screener_builds)
    assert len(builds) == 2
    assert all(per_key.get(key) == 1 for per_key in builds.values()), builds
    # The same through screen_dask (tasks built by dask, not by the CLI).
    df = read_table(catalog)
    lazy = screen_dask(dd.from_pandas(df, npartitions=12), screener=mini)
    assert lazy.compute()["id"].tolist() == df["id"].tolist()
    builds = client.run(scale.screener_builds)
    assert all(per_key.get(key) == 1 for per_key in builds.values()), builds


def test_screen_dask_writers_on_the_cluster(client: Client, mini: Screener, tmp_path: Path) -> None:
    messy = pd.concat([read_table(BATCH / "messy.csv")] * 5, ignore_index=True)
    messy["id"] = [f"{i:02d}" for i in range(len(messy))]
    lazy = screen_dask(dd.from_pandas(messy, npartitions=5), screener=mini)
    lazy.to_parquet(str(tmp_path / "pq"))
    lazy.to_csv(str(tmp_path / "out.csv"), single_file=True, index=False)
    back = pd.read_parquet(tmp_path / "pq")
    assert back["id"].tolist() == messy["id"].tolist()
    assert {name: str(back[name].dtype) for name in OUTPUT_COLUMNS} == OUTPUT_COLUMNS
    text = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    assert text["id"].tolist() == messy["id"].tolist()


class KillOnce(WorkerPlugin):
    """Kill the worker process that starts block ``block`` of a --dask run,
    once: the worker that removes the ``armed`` file first is the one that dies."""

    def __init__(self, armed: str, block: int) -> None:
        self.armed = armed
        self.block = block

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish != "executing" or not isinstance(key, str):
            return
        if not re.fullmatch(rf"screener-block-\w+-{self.block}", key):
            return
        try:
            os.remove(self.armed)
        except FileNotFoundError:
            return
        os._exit(1)


def test_a_killed_worker_loses_and_duplicates_no_row(
    client: Client, catalog: Path, mini: Screener, tmp_path: Path
) -> None:
    armed = tmp_path / "armed"
    armed.write_text("kill the worker that starts block 3")
    before = set(client.run(os.getpid).values())
    client.register_plugin(KillOnce(str(armed), 3), name="kill-once")
    try:
        expected = one_process(catalog, tmp_path / "one.csv", mini)
        stats = on_cluster(client, str(catalog), tmp_path / "dask.csv", mini, chunksize=20)
    finally:
        client.unregister_worker_plugin("kill-once")
    assert not armed.exists()  # a worker did die, mid-run (block 3 of 15)
    assert (tmp_path / "dask.csv").read_bytes() == expected
    assert stats["rows"] == 300
    ids = pd.read_csv(tmp_path / "dask.csv", dtype=str)["id"].tolist()
    assert ids == [f"{i:04d}" for i in range(300)]  # none lost, none twice
    client.wait_for_workers(2, timeout=RUN_TIMEOUT)
    after = set(client.run(os.getpid).values())
    assert len(after - before) == 1  # the nanny started one new worker process


def readme_dask_example() -> str:
    """The Python block of the README's "Dask" subsection, as printed."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Dask") :]
    section = section[: section.index("\n#", 1)]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1, "the Dask subsection has one Python example"
    return blocks[0]


def test_the_readme_example_runs_as_printed(tmp_path: Path) -> None:
    code = readme_dask_example()
    assert "screen_dask" in code and "to_parquet" in code
    rows = read_table(BATCH / "messy.csv").rename(columns={"ingredients": "Ingredients"})
    rows["id"] = [f"{i:02d}" for i in range(len(rows))]
    rows.iloc[:6].to_csv(tmp_path / "catalog-1.csv", index=False)
    rows.iloc[6:].to_csv(tmp_path / "catalog-2.csv", index=False)
    (tmp_path / "example.py").write_text(code, encoding="utf-8")
    env = {
        **os.environ,
        "SCREENER_DB_DIR": str(MINI_DB),
        "PYTHONPATH": str(ROOT),
        # Forked workers start in a fraction of the time spawned ones take
        # (what the example does is unchanged; this keeps the suite short).
        "DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_METHOD": "fork",
    }
    done = subprocess.run(
        [sys.executable, "example.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    back = pd.read_parquet(tmp_path / "screened")
    assert back["id"].tolist() == rows["id"].tolist()
    assert {name: str(back[name].dtype) for name in OUTPUT_COLUMNS} == OUTPUT_COLUMNS
