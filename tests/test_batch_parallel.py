"""Batch screening in several processes gives exactly what one process gives.

Runs on the small fixture database (given explicitly, or through
SCREENER_DB_DIR for the CLI, whose workers load it themselves).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from screener.batch import resolve_jobs, run_batch, screen_frame
from screener.cli import main
from screener.database import _cached as cached_database
from screener.errors import ScreenError
from screener.screen import Screener
from screener.tabular import read_table

HERE = Path(__file__).parent
BATCH = HERE / "fixtures" / "batch"
MINI_DB = HERE / "fixtures" / "mini_db"


def catalog(mini: Screener, rows: int = 400) -> pd.DataFrame:
    """Shuffled lists of the fixture database's names, with messy rows mixed in."""
    names = sorted({i.inci for i in mini.db} | {a for i in mini.db for a in i.aliases})
    rng = random.Random(5)
    messy = [None, "", "#VALUE!", "n/a", "Directions: apply daily.", "Water (Aqua, Glycerin"]
    lists: list[object] = []
    for index in range(rows):
        if index % 23 == 0:
            lists.append(messy[index % len(messy)])
        else:
            sep = rng.choice([", ", ",", " ; ", ", "])
            lists.append(sep.join(rng.choices(names, k=rng.randint(1, 30))))
    return pd.DataFrame(
        {"sku": [f"p{i}" for i in range(rows)], "Ingredients": lists, "price": range(rows)},
        index=[rows - i for i in range(rows)],  # not a plain range: order must survive
    )


@pytest.mark.parametrize("context", [None, ["eye-area"], ["pregnancy", "infant"]])
def test_two_processes_give_the_same_frame(mini: Screener, context: list[str] | None) -> None:
    df = catalog(mini)
    one = screen_frame(df, screener=mini, context=context, n_jobs=1)
    two = screen_frame(df, screener=mini, context=context, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    assert one.attrs == two.attrs


@pytest.mark.parametrize("name", ["messy.csv", "clean.csv", "multiline.csv"])
def test_two_processes_on_the_fixture_files(mini: Screener, name: str) -> None:
    df = read_table(BATCH / name)
    pd.testing.assert_frame_equal(
        screen_frame(df, screener=mini), screen_frame(df, screener=mini, n_jobs=2)
    )


def test_tiny_frames(mini: Screener) -> None:
    for rows in (0, 1, 2, 3):
        df = catalog(mini, 40).iloc[:rows]
        pd.testing.assert_frame_equal(
            screen_frame(df, screener=mini), screen_frame(df, screener=mini, n_jobs=2)
        )


def test_jobs_are_checked() -> None:
    assert resolve_jobs(1) == 1
    assert resolve_jobs(-1) >= 1
    assert resolve_jobs(None) == resolve_jobs(-1)
    for bad in (0, -2, 1.5, True):
        with pytest.raises(ScreenError, match="n_jobs"):
            resolve_jobs(bad)  # type: ignore[arg-type]


def test_run_batch_in_two_processes_writes_the_same_file(mini: Screener, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    catalog(mini, 300).to_csv(source, index=False)
    outputs = []
    for jobs in (1, 2):
        target = tmp_path / f"out{jobs}.csv"
        stats = run_batch(str(source), str(target), chunksize=17, screener=mini, jobs=jobs)
        assert stats["rows"] == 300
        outputs.append((target.read_bytes(), stats["by_verdict"], stats["errors"]))
    assert outputs[0] == outputs[1]


def test_cli_jobs_with_the_database_from_the_environment(mini_env: None, tmp_path: Path) -> None:
    mini = Screener.for_database(cached_database(str(MINI_DB.resolve())))
    source = tmp_path / "in.csv"
    catalog(mini, 120).to_csv(source, index=False)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    code_one = main(["batch", str(source), "-o", str(one), "-q", "--jobs", "1"])
    code_two = main(
        ["batch", str(source), "-o", str(two), "-q", "--jobs", "2", "--chunksize", "25"]
    )
    assert code_one == code_two
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


ROOT = Path(__file__).resolve().parents[1]


def _batch_in_a_fresh_process(
    tmp_path: Path, db: Path, code_after: str = ""
) -> subprocess.CompletedProcess[str]:
    src = tmp_path / "in.csv"
    src.write_text('name,Ingredients\na,"Water, Glycerin"\nb,Petrolatum\n', encoding="utf-8")
    code = (
        "import sys\n"
        "from screener.cli import main\n"
        f"status = main(['batch', {str(src)!r}, '-o', {str(tmp_path / 'out.csv')!r},"
        " '--jobs', '2', '-q'])\n" + code_after + "sys.exit(status)\n"
    )
    env = {**os.environ, "SCREENER_DB_DIR": str(db), "SCREENER_CACHE_DIR": str(tmp_path / "c")}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_with_workers_the_parent_keeps_no_database(tmp_path: Path) -> None:
    """The workers screen; the parent only reads and writes (its memory stays low)."""
    run = _batch_in_a_fresh_process(
        tmp_path,
        MINI_DB,
        "from screener.screen import _default_screener\n"
        "print('parent screeners:', _default_screener.cache_info().currsize)\n",
    )
    assert run.returncode in (0, 1), run.stderr
    assert "parent screeners: 0" in run.stdout
    assert len(pd.read_csv(tmp_path / "out.csv")) == 2


def test_a_broken_database_in_the_workers_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "db"
    shutil.copytree(MINI_DB, broken)
    with (broken / "ratings.csv").open("a", encoding="utf-8") as out:
        out.write('garbage,,,"\n')
    run = _batch_in_a_fresh_process(tmp_path, broken)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "BrokenProcessPool" not in run.stderr
    (line,) = run.stderr.strip().splitlines()
    assert "ratings.csv line" in line
    assert not (tmp_path / "out.csv").exists()


def test_a_broken_database_is_reported_for_a_header_only_input(tmp_path: Path) -> None:
    broken = tmp_path / "db"
    shutil.copytree(MINI_DB, broken)
    with (broken / "ratings.csv").open("a", encoding="utf-8") as out:
        out.write('garbage,,,"\n')
    src = tmp_path / "in.csv"
    src.write_text("name,Ingredients\n", encoding="utf-8")
    env = {**os.environ, "SCREENER_DB_DIR": str(broken), "SCREENER_CACHE_DIR": str(tmp_path)}
    for jobs in ("1", "2"):
        run = subprocess.run(
            [sys.executable, "-m", "screener", "batch", str(src), "-o", str(tmp_path / "o.csv"),
             "--jobs", jobs],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert run.returncode == 2, (jobs, run.stderr)
        assert "ratings.csv line" in run.stderr and "Traceback" not in run.stderr
