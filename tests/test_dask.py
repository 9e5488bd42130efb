"""Dask without a cluster: screen_dask's meta and writers on in-process
schedulers, and what ``screener batch --dask`` refuses before any cluster starts.

The real cluster (worker processes) is in test_dask_cluster.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dask
import dask.dataframe as dd
import pandas as pd
import pytest

from screener import scale
from screener.batch import OUTPUT_COLUMNS, screen_frame
from screener.cli import main
from screener.errors import ScreenError
from screener.scale import (
    check_address,
    dask_output_format,
    resolve_inputs,
    screen_dask,
    screener_key,
)
from screener.screen import Screener
from screener.tabular import read_table
from ui.page import flagged_counts, split_flagged

HERE = Path(__file__).parent
BATCH = HERE / "fixtures" / "batch"
ROOT = HERE.parent


def messy(copies: int = 3) -> pd.DataFrame:
    return pd.concat([read_table(BATCH / "messy.csv")] * copies, ignore_index=True)


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_compute_equals_screen_frame(mini: Screener, scheduler: str) -> None:
    df = messy()
    expected = screen_frame(df, screener=mini)
    lazy = screen_dask(dd.from_pandas(df, npartitions=4), screener=mini)
    assert list(lazy.columns) == list(expected.columns)
    with dask.config.set(scheduler=scheduler):
        result = lazy.compute()
    pd.testing.assert_frame_equal(result, expected, check_dtype=False)
    added = {name: str(result[name].dtype) for name in OUTPUT_COLUMNS}
    assert added == OUTPUT_COLUMNS


def test_meta_is_declared_and_typed(mini: Screener) -> None:
    ddf = dd.read_csv(str(BATCH / "messy.csv"), dtype=str, keep_default_na=False)
    lazy = screen_dask(ddf, screener=mini)
    meta = lazy._meta
    assert len(meta) == 0
    assert list(meta.columns) == [*ddf.columns, *OUTPUT_COLUMNS]
    assert {name: str(meta[name].dtype) for name in OUTPUT_COLUMNS} == OUTPUT_COLUMNS
    # The meta is screen_frame's own empty result: the same dtypes.
    expected = screen_frame(ddf._meta, screener=mini)
    assert list(meta.dtypes) == list(expected.dtypes)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"column": "nope"}, "is not in the file"),
        ({"context": "moon"}, "context"),
    ],
)
def test_table_level_errors_come_before_computing(
    mini: Screener, given: dict[str, str], message: str
) -> None:
    ddf = dd.from_pandas(messy(1), npartitions=2)
    with pytest.raises(ScreenError, match=message):
        screen_dask(ddf, screener=mini, **given)


def test_to_parquet_and_to_csv_write_typed_rows_in_order(mini: Screener, tmp_path: Path) -> None:
    """The README's failure (ArrowInvalid on object columns) cannot come back."""
    df = messy(4)
    df["id"] = [f"{i:03d}" for i in range(len(df))]
    expected = screen_frame(df, screener=mini)
    lazy = screen_dask(dd.from_pandas(df, npartitions=5), column="ingredients", screener=mini)
    with dask.config.set(scheduler="synchronous"):
        lazy.to_parquet(tmp_path / "screened")
        lazy.to_csv(tmp_path / "screened-*.csv", index=False)
    back = pd.read_parquet(tmp_path / "screened")
    assert back["id"].tolist() == df["id"].tolist()
    assert {name: str(back[name].dtype) for name in OUTPUT_COLUMNS} == OUTPUT_COLUMNS
    pd.testing.assert_frame_equal(
        back.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False
    )
    parts = sorted(tmp_path.glob("screened-*.csv"), key=lambda p: int(p.stem.split("-")[1]))
    text = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in parts])
    assert text["id"].tolist() == df["id"].tolist()


def test_in_process_schedulers_use_the_screener_given(mini: Screener) -> None:
    key = screener_key(mini)
    assert key is not None and key.endswith("mini_db")
    builds = scale.screener_builds().get(key, 0)
    with dask.config.set(scheduler="threads"):
        screen_dask(dd.from_pandas(messy(), npartitions=6), screener=mini).compute()
    assert scale.worker_screener(key) is mini
    assert scale.screener_builds().get(key, 0) == builds  # nothing built: mini itself


def test_the_graph_does_not_carry_the_screener(mini: Screener) -> None:
    import pickle

    lazy = screen_dask(dd.from_pandas(messy(), npartitions=4), screener=mini)
    graph = dict(lazy.__dask_graph__())
    size = len(pickle.dumps(graph))
    assert size < len(pickle.dumps(messy())) + 50_000, size  # the data, not a database


# -- inputs, outputs, addresses ---------------------------------------------


def test_inputs_file_glob_and_folder_in_natural_order(tmp_path: Path) -> None:
    for n in (10, 2, 1):
        (tmp_path / f"part.{n}.csv").write_text("ingredients\nWater\n")
    (tmp_path / "_SUCCESS").write_text("")
    (tmp_path / ".hidden.csv").write_text("")
    names = ["part.1.csv", "part.2.csv", "part.10.csv"]
    by_folder = resolve_inputs(str(tmp_path))
    assert by_folder.kind == "csv"
    assert [Path(f).name for f in by_folder.files] == names
    by_glob = resolve_inputs(str(tmp_path / "part.*.csv"))
    assert [Path(f).name for f in by_glob.files] == names
    one = resolve_inputs(str(tmp_path / "part.2.csv"))
    assert one.files == (str(tmp_path / "part.2.csv"),)


@pytest.mark.parametrize(
    ("files", "spec", "message"),
    [
        (["a.csv", "b.parquet"], ".", "mixes CSV and Parquet"),
        (["notes.md"], ".", "holds no CSV"),
        ([], "x-*.csv", "no file matches"),
    ],
)
def test_inputs_refused(tmp_path: Path, files: list[str], spec: str, message: str) -> None:
    for name in files:
        (tmp_path / name).write_text("x\n")
    with pytest.raises(ScreenError, match=message):
        resolve_inputs(str(tmp_path / spec))


@pytest.mark.parametrize(
    ("output", "fmt", "expected"),
    [
        ("out.csv", None, "csv"),
        ("out.tsv", None, "csv"),
        ("out.jsonl", None, "json"),
        ("screened", None, "parquet"),
        ("screened/", None, "parquet"),
        ("out.parquet", None, "parquet"),
        ("screened", "csv", "csv"),
    ],
)
def test_output_format(output: str, fmt: str | None, expected: str) -> None:
    assert dask_output_format(output, fmt) == expected


@pytest.mark.parametrize("address", ["tcp://10.0.0.5:8786", "127.0.0.1:8786", "tls://h.example:1"])
def test_addresses_accepted(address: str) -> None:
    assert check_address(address) == address


@pytest.mark.parametrize("address", ["catalog.csv", "tcp://", "http//x", "local host:1"])
def test_addresses_refused(address: str) -> None:
    with pytest.raises(ScreenError, match="not a scheduler address"):
        check_address(address)


# -- CLI failures: exit 2, one line -------------------------------------------


def _fails(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err, err
    assert message in err, err


def test_cli_without_distributed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    out = tmp_path / "out.csv"
    _fails(capsys, ["batch", str(BATCH / "clean.csv"), "-o", str(out), "--dask"], "pip install")
    assert not out.exists()


def test_cli_unreachable_scheduler(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scale, "CONNECT_TIMEOUT", "1s")
    argv = ["batch", str(BATCH / "clean.csv"), "-o", str(tmp_path / "o.csv")]
    _fails(capsys, [*argv, "--dask", "tcp://127.0.0.1:9"], "Cannot reach the Dask scheduler")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{tmp}/none-*.csv", "-o", "{tmp}/o.csv", "--dask"], "no file matches"),
        (["{tmp}/missing.csv", "-o", "{tmp}/o.csv", "--dask"], "No such file"),
        (["{batch}/clean.csv", "-o", "{tmp}/o.csv", "--dask", "clean.csv"], "not a scheduler"),
        (["{batch}/clean.csv", "-o", "{tmp}/o", "--dask", "tcp://h:1", "-j", "2"], "--jobs"),
        (["{batch}/no_column.csv", "-o", "{tmp}/o.csv", "--dask"], "ingredient column"),
        (["{batch}", "-o", "{batch}", "--dask"], "overwrite the input"),
        (["{batch}/clean.csv", "-o", "{tmp}/nofolder/o", "--dask", "-j", "1"], "does not exist"),
    ],
)
def test_cli_refuses_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    argv = [a.format(tmp=tmp_path, batch=BATCH) for a in args]
    _fails(capsys, ["batch", *argv], message)


def test_import_screener_does_not_load_dask() -> None:
    code = "import sys, screener, screener.cli; print(any(m.split('.')[0] in ('dask', 'distributed') for m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_the_page_reads_missing_text_as_empty(mini: Screener) -> None:
    """screen_frame's text columns are nullable: pd.NA is no flagged name."""
    out = screen_frame(messy(1), screener=mini)
    assert split_flagged(pd.NA) == []
    assert "<NA>" not in set(flagged_counts(out)["ingredient"])


def test_screen_dask_takes_the_avoid_list(screener_real: Screener) -> None:
    df = messy()
    avoid = ["Petrolatum", "Glycerin"]
    expected = screen_frame(df, screener=screener_real, avoid=avoid)
    lazy = screen_dask(dd.from_pandas(df, npartitions=3), screener=screener_real, avoid=avoid)
    with dask.config.set(scheduler="synchronous"):
        result = lazy.compute()
    pd.testing.assert_frame_equal(result, expected, check_dtype=False)
    assert result["screen_n_avoid_list"].sum() > 0
