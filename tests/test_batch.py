"""Batch screening: screen_frame and the ``screener batch`` CLI (Dask: test_dask*.py).

Everything runs on the small fixture database, built explicitly or through
SCREENER_DB_DIR with the caches cleared, never on the curated one.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import random
import re
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from screener.batch import OUTPUT_COLUMNS, neutralise_formulas, run_batch, screen_frame
from screener.cli import main
from screener.errors import ScreenError
from screener.read import could_match
from screener.read.common import first_possible
from screener.read.preamble import HEADING as _HEADING
from screener.read.preamble import HEADING_KEYS as _HEADING_KEYS
from screener.read.preamble import TRAILING as _TRAILING
from screener.read.preamble import TRAILING_KEYS as _TRAILING_KEYS
from screener.read.segments import MAY_CONTAIN as _MAY_CONTAIN
from screener.read.segments import MAY_KEYS as _MAY_KEYS
from screener.screen import Screener
from screener.tabular import read_table

HERE = Path(__file__).parent
BATCH = HERE / "fixtures" / "batch"
MINI_DB = HERE / "fixtures" / "mini_db"


def frame(name: str, mini: Screener, **kw: Any) -> pd.DataFrame:
    return screen_frame(read_table(BATCH / name), screener=mini, **kw)


# -- screen_frame ------------------------------------------------------------


def test_keeps_rows_order_index_and_columns(mini: Screener) -> None:
    df = pd.DataFrame(
        {
            "sku": ["c", "a", "b", "d"],
            "Ingredients": [
                "Aqua, Isopropyl Myristate",
                "Water, Glycerin",
                "Petrolatum, Glycerin",
                None,
            ],
            "price": [3.5, 1.0, 2.25, 9.0],
        },
        index=[40, 10, 30, 20],
    )
    df.attrs["source"] = "test"
    out = screen_frame(df, screener=mini)
    assert list(out.index) == [40, 10, 30, 20]
    assert list(out.columns) == [*df.columns, *OUTPUT_COLUMNS]
    pd.testing.assert_frame_equal(out[df.columns], df)
    assert out.attrs["screen_column"] == "Ingredients"
    assert out.attrs["source"] == "test"
    # Nullable dtypes (OUTPUT_COLUMNS): a missing text is pd.NA, not None.
    assert list(out["screen_worst_severity"].iloc[:3]) == ["avoid", pd.NA, "caution"]
    assert out.loc[40, "screen_flagged"] == "Isopropyl Myristate"
    assert out.loc[10, "screen_flagged"] == ""
    assert out.loc[10, "screen_verdict"] == "milia-friendly"
    assert out.loc[20, "screen_error"].startswith("empty")
    assert pd.isna(out.loc[20, "screen_verdict"])
    assert out.loc[30, "screen_n_occlusive"] == 1
    assert df.attrs == {"source": "test"}  # the input is not touched


def test_matches_screen_for_every_row(mini: Screener) -> None:
    """The lean path agrees with screen() on random lists, contexts and types."""
    names = [i.inci for i in mini.db] + [a for i in mini.db for a in i.aliases]
    names += ["Butylene Glycol", "Snail Mucin Extract", "CI 77891", "Tocopherol"]
    rng = random.Random(7)
    texts = []
    for _ in range(300):
        parts = [rng.choice(names) for _ in range(rng.randint(1, 14))]
        if rng.random() < 0.3:
            parts.insert(rng.randint(0, len(parts)), "may contain: " + rng.choice(names))
        texts.append(", ".join(parts))
    for context, ptype in ((None, None), (["eye-area", "pregnancy"], "rinse-off")):
        out = screen_frame(
            pd.DataFrame({"inci": texts}), context=context, product_type=ptype, screener=mini
        )
        for text, row in zip(texts, out.itertuples(index=False), strict=True):
            report = mini.screen(text, context=context, product_type=ptype)
            verdict = report.verdict
            assert row.screen_verdict == verdict.label
            worst = None if pd.isna(row.screen_worst_severity) else row.screen_worst_severity
            assert worst == verdict.worst
            assert row.screen_n_avoid == verdict.counts["avoid"]
            assert row.screen_n_caution == verdict.counts["caution"]
            assert row.screen_n_info == verdict.counts["info"]
            for kind in verdict.by_kind:
                column = f"screen_n_{kind.replace('-', '_')}"
                assert getattr(row, column) == verdict.by_kind[kind]
            assert row.screen_flagged == "; ".join(report.flagged)
            unknown = [i.text for i in report.ingredients if i.inci is None]
            assert row.screen_unknown == "; ".join(unknown)
            assert row.screen_recognised_share == verdict.recognised_share
            assert row.screen_confidence == verdict.confidence


def test_messy_rows_get_a_reason_and_never_stop_the_batch(mini: Screener) -> None:
    out = frame("messy.csv", mini)
    assert len(out) == 10
    errors = dict(zip(out["id"], out["screen_error"], strict=True))
    assert pd.isna(errors["1"]) and pd.isna(errors["7"]) and pd.isna(errors["9"])
    assert "empty" in errors["2"] and "empty" in errors["10"]
    assert "#NAME?" in errors["3"] and "spreadsheet" in errors["3"]
    assert "#VALUE!" in errors["8"]
    assert "No Info" in errors["4"]
    assert "ingredient list" in errors["5"]
    assert "does not look like an ingredient list" in errors["6"]
    screened = out[out["screen_error"].isna()]
    assert list(screened["id"]) == ["1", "7", "9"]


def test_python_list_cells(mini: Screener) -> None:
    out = frame("messy.csv", mini).set_index("id")
    assert out.loc["7", "screen_flagged"] == "Petrolatum"
    assert out.loc["7", "screen_recognised_share"] == 1.0


@pytest.mark.parametrize(
    ("name", "column", "rows"),
    [
        ("bom.csv", "Ingredients", 3),
        ("cp1252.csv", "ingredients", 2),
        ("tabs.tsv", "INCI", 2),
        ("semicolon.csv", "ingredients", 2),
        ("multiline.csv", "ingredients", 2),
    ],
)
def test_messy_files(mini: Screener, name: str, column: str, rows: int) -> None:
    out = frame(name, mini)
    assert out.attrs["screen_column"] == column
    assert len(out) == rows
    assert out["screen_error"].isna().all()


def test_file_details(mini: Screener) -> None:
    bom = frame("bom.csv", mini)
    assert bom.columns[0] == "Name"  # the byte-order mark is not part of the name
    assert bom["Name"].iloc[2] == "Café Crème"
    assert list(bom["screen_worst_severity"]) == [pd.NA, "caution", "avoid"]
    cp = frame("cp1252.csv", mini)
    assert cp["product"].tolist() == ["Crème légère", "Baume d’hiver"]
    assert cp["screen_flagged"].iloc[1] == "Petrolatum"
    tsv = frame("tabs.tsv", mini)
    assert tsv["note"].iloc[0] == "comma, inside"
    assert tsv["screen_n_conflict"].iloc[0] == 1
    semi = frame("semicolon.csv", mini)
    assert semi["price"].tolist() == ["4,50", "3,10"]
    assert semi["screen_flagged"].iloc[0] == "Cocos Nucifera Oil"
    multi = frame("multiline.csv", mini)
    assert multi["comment"].iloc[0] == "line one\nline two"
    assert multi["screen_unknown"].iloc[0] == ""
    assert multi["screen_flagged"].iloc[1] == "Petrolatum"


def test_missing_column_lists_the_columns(mini: Screener) -> None:
    df = read_table(BATCH / "no_column.csv")
    with pytest.raises(ScreenError, match="'name', 'price', 'brand'"):
        screen_frame(df, screener=mini)
    with pytest.raises(ScreenError, match="'nope' is not in the file"):
        screen_frame(read_table(BATCH / "clean.csv"), "nope", screener=mini)


def test_refuses_columns_that_would_collide(mini: Screener) -> None:
    out = frame("clean.csv", mini)
    with pytest.raises(ScreenError, match="earlier run"):
        screen_frame(out, "ingredients", screener=mini)


@pytest.mark.parametrize("cells", [[], [None], ["Water, Glycerin", "#NAME?"]])
def test_output_dtypes_follow_the_schema(mini: Screener, cells: list[object]) -> None:
    """Every added column has its declared dtype, even when all its cells are missing."""
    out = screen_frame(pd.DataFrame({"ingredients": pd.Series(cells, dtype=object)}), screener=mini)
    assert len(out) == len(cells)
    assert {name: str(out[name].dtype) for name in OUTPUT_COLUMNS} == OUTPUT_COLUMNS
    assert set(OUTPUT_COLUMNS.values()) == {"string", "Int64", "Float64"}


# -- CSV safety --------------------------------------------------------------


def test_neutralise_formulas() -> None:
    df = pd.DataFrame({"a": ["=1+1", "+x", "-y", "@z", "\tt", "\rr", "ok", None], "n": range(8)})
    out = neutralise_formulas(df)
    assert out["a"].tolist()[:7] == ["'=1+1", "'+x", "'-y", "'@z", "'\tt", "'\rr", "ok"]
    assert pd.isna(out["a"].iloc[7])
    assert out["n"].tolist() == list(range(8))
    assert df["a"].iloc[0] == "=1+1"


def test_cli_csv_output_is_formula_safe(mini_env: None, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    assert main(["batch", str(BATCH / "formulas.csv"), "-o", str(target), "-q"]) == 0
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 3
    assert rows[0]["name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows[0]["link"] == "'+cmd"
    assert rows[1]["name"] == "'@SUM(A1)"
    assert rows[1]["ingredients"] == "'=1+2, Water"
    assert rows[1]["link"] == "'-2"
    assert rows[1]["screen_unknown"] == "'=1+2"  # an added column is protected too
    assert rows[2]["name"] == "plain"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


# -- CLI ---------------------------------------------------------------------


def test_cli_exit_codes_and_summary(
    mini_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o.csv"
    assert main(["batch", str(BATCH / "clean.csv"), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "rows: 2" in err and "screened: 2" in err and "errors: 0" in err
    assert "milia-friendly: 2" in err and "seconds:" in err
    assert "\r" not in err  # no progress bar when stderr is not a terminal
    assert main(["batch", str(BATCH / "messy.csv"), "-o", str(out)]) == 1
    assert "errors: 7" in capsys.readouterr().err
    assert main(["batch", str(BATCH / "no_column.csv"), "-o", str(out)]) == 2
    assert "'name', 'price', 'brand'" in capsys.readouterr().err
    assert main(["batch", str(BATCH / "clean.csv"), "-o", str(out), "--column", "x"]) == 2
    assert "The columns are: 'name', 'ingredients'" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "missing.csv"), "-o", str(out)]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["batch", str(BATCH / "clean.csv"), "-o", str(tmp_path / "o.xyz")]) == 2
    assert "--format" in capsys.readouterr().err
    ctx = ["batch", str(BATCH / "clean.csv"), "-o", str(out), "--context", "moon"]
    assert main(ctx) == 2
    assert "Unknown context" in capsys.readouterr().err


def test_cli_keeps_rows_and_columns(mini_env: None, tmp_path: Path) -> None:
    out = tmp_path / "multi.csv"
    assert main(["batch", str(BATCH / "multiline.csv"), "-o", str(out), "--chunksize", "1"]) == 1
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    original = read_table(BATCH / "multiline.csv")
    assert len(back) == len(original)
    pd.testing.assert_frame_equal(back[original.columns], original)
    assert list(back.columns) == [*original.columns, *OUTPUT_COLUMNS]


def test_cli_context_and_encoding(mini_env: None, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    args = ["batch", str(BATCH / "tabs.tsv"), "-o", str(out), "-c", "pregnancy,eye-area"]
    assert main(args) == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["screen_n_context"] == 1 and rows[0]["screen_worst_severity"] == "avoid"
    args = ["batch", str(BATCH / "cp1252.csv"), "-o", str(out), "--encoding", "cp1252"]
    assert main(args) == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["product"] == "Crème légère"


def test_cli_json_lines(mini_env: None, tmp_path: Path) -> None:
    out = tmp_path / "out.data"
    args = ["batch", str(BATCH / "messy.csv"), "-o", str(out), "--format", "json"]
    assert main([*args, "--chunksize", "3"]) == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["id"] for r in rows] == [str(i) for i in range(1, 11)]
    assert rows[0]["screen_verdict"] == "milia-friendly"
    assert rows[1]["screen_verdict"] is None and "empty" in rows[1]["screen_error"]
    assert rows[8]["screen_n_avoid"] == 1


def test_cli_parquet(mini_env: None, tmp_path: Path) -> None:
    import pyarrow  # noqa: F401  (the [dev] extra installs it; a missing one must fail)

    out = tmp_path / "out.parquet"
    args = ["batch", str(BATCH / "messy.csv"), "-o", str(out), "--chunksize", "4"]
    assert main(args) == 1
    back = pd.read_parquet(out)
    assert back["id"].tolist() == [str(i) for i in range(1, 11)]
    assert back["screen_n_avoid"].iloc[8] == 1
    assert pd.isna(back["screen_n_avoid"].iloc[1])
    assert list(back.columns) == ["id", "ingredients", "brand", *OUTPUT_COLUMNS]


def test_interrupted_write_leaves_previous_file(mini: Screener, tmp_path: Path) -> None:
    out = tmp_path / "result.csv"
    out.write_text("previous,good\n1,2\n", encoding="utf-8")

    class Boom:
        def __init__(self, inner: Any) -> None:
            self.inner = inner
            self.calls = 0

        def write(self, chunk: pd.DataFrame) -> None:
            self.calls += 1
            if self.calls == 2:
                raise KeyboardInterrupt  # Ctrl-C half-way through
            self.inner.write(chunk)

        def close(self) -> None:
            self.inner.close()

    for fmt in ("csv", "json", "parquet"):
        with pytest.raises(KeyboardInterrupt):
            run_batch(
                str(BATCH / "messy.csv"), str(out), fmt=fmt, chunksize=2,
                screener=mini, writer_factory=Boom,
            )  # fmt: skip
        assert out.read_text(encoding="utf-8") == "previous,good\n1,2\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["result.csv"]
    stats = run_batch(str(BATCH / "messy.csv"), str(out), chunksize=2, screener=mini)
    assert stats["rows"] == 10 and stats["errors"] == 7
    assert len(pd.read_csv(out)) == 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.csv"]


def test_refuses_to_overwrite_the_input(mini: Screener, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes((BATCH / "clean.csv").read_bytes())
    with pytest.raises(ScreenError, match="overwrite the input"):
        run_batch(str(src), str(src), screener=mini)


# -- parse speed-ups keep their promise ---------------------------------------

TRAILING_SAMPLES = [
    "Directions for use", "How  to\nuse", "Suggested use", "WARNING", "Cautions",
    "Precautions", "For external use only", "Keep out of reach", "Stop use", "Do not use",
    "Avoid contact with eyes", "Store in a cool place", "Made in France",
    "Manufactured by X", "Distributed by Y", "Net Wt. 30 g", "Net contents", "Best before",
    "Expiry", "Please be aware that", "Please refer to", "Mode d'emploi",
    "Conseils d'utilisation", "Precaution d'emploi", "Anwendung", "Warnhinweise",
    "Apply evenly", "Benefits:", "Key benefits", "Clinically proven", "Free of: parabens",
    "Formulated without", "This product is free",
]  # fmt: skip
MAY_SAMPLES = [
    "+/- CI 77891", "+ / - Mica", "May contain: Mica", "MAY\tCONTAIN Mica", "Peut contenir",
    "kann enthalten", "Kann Spuren", "puede contener", "puo contenere", "kan bevatten",
    "kan inneholde", "[+/-]",
]  # fmt: skip


@pytest.mark.parametrize("sample", TRAILING_SAMPLES)
def test_trailing_keys_cover_the_pattern(sample: str) -> None:
    text = f"Water, Glycerin. {sample} more text"
    assert _TRAILING.search(text)
    assert could_match(text, _TRAILING_KEYS)


@pytest.mark.parametrize("sample", MAY_SAMPLES)
def test_may_contain_keys_cover_the_pattern(sample: str) -> None:
    text = f"Water, Glycerin, {sample}"
    assert _MAY_CONTAIN.search(text)
    assert could_match(text, _MAY_KEYS)


# -- rows the header does not fit: kept, never shifted ------------------------

MISFITS = [
    # (file text, expected (name, ingredients, error-substring or None) per row)
    (
        "name,Ingredients\np1,Aqua,Petrolatum\np2,Glycerin\n",
        [("p1", "Aqua", "the row has 3 fields, the header has 2"), ("p2", "Glycerin", None)],
    ),
    (
        "name,Ingredients,price\np1,Aqua\np2,Glycerin,3\n",
        [("p1", "Aqua", "the row has 2 fields, the header has 3"), ("p2", "Glycerin", None)],
    ),
    (  # a trailing delimiter on every row: blank extra fields are not a misfit
        "name,Ingredients\np1,Aqua,\np2,Petrolatum,\n",
        [("p1", "Aqua", None), ("p2", "Petrolatum", None)],
    ),
    (  # a long line in the middle, a short one at the end
        'name,Ingredients\np1,"Aqua, Glycerin"\np2,Aqua,Glycerin,Squalane\np3\n',
        [
            ("p1", "Aqua, Glycerin", None),
            ("p2", "Aqua", "line 3: the row has 4 fields"),
            ("p3", "", "line 4: the row has 1 fields"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MISFITS)
def test_misaligned_rows_are_kept_and_reported(
    mini_env: None, tmp_path: Path, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    src = tmp_path / "in.csv"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["batch", str(src), "-o", str(out), "-q", "--chunksize", "1"]) in (0, 1)
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert back["name"].tolist() == [name for name, _, _ in expected]
    assert back["Ingredients"].tolist() == [cells for _, cells, _ in expected]
    for (_name, _cells, error), (_, row) in zip(expected, back.iterrows(), strict=True):
        if error is None:
            assert row["screen_error"] == "" and row["screen_verdict"] != ""
        else:
            assert error in row["screen_error"] and row["screen_verdict"] == ""
    # The same reader, hence the same rows, for the library, coverage and suggest.
    table = read_table(src)
    assert table["name"].tolist() == [name for name, _, _ in expected]
    assert isinstance(table.index, pd.RangeIndex) and table.index.start == 0
    screened = screen_frame(table)
    assert screened["screen_error"].notna().tolist() == [e is not None for *_, e in expected]


def test_misaligned_rows_in_coverage_and_suggest(
    mini_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.csv"
    src.write_text(
        'name,Ingredients\np1,Aqua,Petrolatum\np2,"Aqua, Glycerin"\np3,"Water, Glycerin"\n',
        encoding="utf-8",
    )
    assert main(["coverage", str(src)]) == 0
    report = capsys.readouterr().out
    assert "Rows: 3 (2 screened, 1 refused" in report and "field count" in report
    assert main(["suggest", "Aqua, Petrolatum, Glycerin", "--catalog", str(src), "--json"]) == 0
    names = [row["name"] for row in json.loads(capsys.readouterr().out)]
    assert "p1" not in names and names  # the misaligned row is never suggested


def test_row_problems_follow_the_rows_not_the_labels(mini: Screener, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("name,Ingredients\np1,Aqua,Petrolatum\np2,Glycerin\n", encoding="utf-8")
    table = read_table(src)
    flipped = table.iloc[::-1].reset_index(drop=True)  # labels now point at other rows
    out = screen_frame(flipped, screener=mini)
    assert out["screen_error"].isna().tolist() == [True, False]  # p2 then p1
    assert "3 fields" in out["screen_error"].iloc[1]


# -- CSV headers are guarded too ----------------------------------------------


def test_cli_csv_header_is_formula_safe(mini_env: None, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(
        '=HYPERLINK("http://x"),ingredients,@cmd,+1,-1\na,"Aqua, Glycerin",b,c,d\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    assert main(["batch", str(src), "-o", str(out), "-q"]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:5] == ['\'=HYPERLINK("http://x")', "ingredients", "'@cmd", "'+1", "'-1"]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in header)
    guarded = neutralise_formulas(pd.DataFrame({"=a": ["=b"], "ok": ["c"]}))
    assert list(guarded.columns) == ["'=a", "ok"] and guarded.iloc[0, 0] == "'=b"


# -- the output file ----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_output_respects_the_umask_and_an_existing_mode(
    mini: Screener, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"o.{fmt}"
    previous = os.umask(0o027)
    try:
        run_batch(str(BATCH / "clean.csv"), str(out), fmt=fmt, screener=mini)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    out.chmod(0o604)
    run_batch(str(BATCH / "clean.csv"), str(out), fmt=fmt, screener=mini)
    assert stat.S_IMODE(out.stat().st_mode) == 0o604  # replacing keeps the file's mode
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_output_must_be_a_regular_file_or_a_new_path(mini: Screener, tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    refused = [(link, "symbolic link"), (fifo, "FIFO"), (folder, "folder"), (Path(os.devnull), "device")]  # fmt: skip
    for target, kind in refused:
        with pytest.raises(ScreenError, match=f"cannot write .*{kind}"):
            run_batch(str(BATCH / "clean.csv"), str(target), fmt="csv", screener=mini)
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "keep me\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and folder.is_dir()
    assert not list(tmp_path.glob(".*.part"))


def test_a_write_failure_says_cannot_write(mini: Screener, tmp_path: Path) -> None:
    class DiskFull:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def write(self, chunk: pd.DataFrame) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self) -> None:
            self.inner.close()

    out = tmp_path / "o.csv"
    with pytest.raises(ScreenError, match=r"cannot write .*o\.csv: No space left on device"):
        run_batch(str(BATCH / "clean.csv"), str(out), screener=mini, writer_factory=DiskFull)
    assert list(tmp_path.iterdir()) == []


def test_a_killed_runs_part_file_is_removed_by_the_next_run(mini: Screener, tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    dead = subprocess.run(["true"], check=True).args  # a process that has ended
    child = subprocess.Popen(dead)
    child.wait()
    stale = tmp_path / f".o.csv.{socket.gethostname()}.{child.pid}.abcd1234.part"
    stale.write_text("half", encoding="utf-8")
    other_host = tmp_path / f".o.csv.another-host.{child.pid}.abcd1234.part"
    other_host.write_text("someone else's", encoding="utf-8")
    run_batch(str(BATCH / "clean.csv"), str(out), screener=mini)
    assert not stale.exists() and other_host.exists() and out.exists()


# -- stopping: signals and dead parents ---------------------------------------


def _big_catalog(path: Path, rows: int = 200_000) -> None:
    lists = ["Aqua, Glycerin, Petrolatum, Dimethicone", "Water, Squalane, Cetearyl Alcohol"]
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,ingredients\n")
        for index in range(rows):
            handle.write(f'{index},"{lists[index % 2]}, Extra{index % 997}"\n')


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="utf-8")
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has exited


def _wait_for(condition: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return bool(condition())


def _start_batch(tmp_path: Path, jobs: str) -> tuple[subprocess.Popen[bytes], list[int]]:
    src = tmp_path / "big.csv"
    if not src.exists():
        _big_catalog(src)
    env = {**os.environ, "SCREENER_DB_DIR": str(MINI_DB), "PYTHONPATH": str(HERE.parent)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "screener", "batch", str(src), "-o", str(tmp_path / "out.csv"),
         "--jobs", jobs, "--chunksize", "2000", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    wanted = int(jobs) if jobs != "1" else 0
    # Under way: the temporary file exists and the workers have started.
    started = _wait_for(
        lambda: list(tmp_path.glob(".out.csv.*.part")) and len(_children(proc.pid)) >= wanted,
        90,
    )
    assert started, "the batch did not start"
    return proc, _children(proc.pid)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize(
    ("signum", "jobs"), [(signal.SIGTERM, "2"), (signal.SIGINT, "2"), (signal.SIGTERM, "1")]
)
def test_a_signal_removes_the_part_file_and_stops_the_workers(
    tmp_path: Path, signum: int, jobs: str
) -> None:
    proc, workers = _start_batch(tmp_path, jobs)
    proc.send_signal(signum)
    proc.wait(timeout=60)
    err = proc.stderr.read().decode() if proc.stderr else ""
    # Every assertion says what the batch printed: a rare failure must explain itself.
    assert proc.returncode == 128 + signum, (proc.returncode, err)
    assert len(err.splitlines()) == 1 and "stopped by" in err and "Traceback" not in err, err
    left = sorted(p.name for p in tmp_path.iterdir())
    assert not list(tmp_path.glob(".out.csv.*.part")) and not (tmp_path / "out.csv").exists(), left
    assert _wait_for(lambda: not any(_running(w) for w in workers), 10), (workers, err)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    proc, workers = _start_batch(tmp_path, "2")
    assert workers
    proc.kill()  # SIGKILL: the parent runs no clean-up at all
    proc.wait(timeout=30)
    assert _wait_for(lambda: not any(_running(w) for w in workers), 10)


HEADING_SAMPLES = [
    "Ingredients:", "INGREDIENTS :", "Inactive  Ingredients:", "Active ingredient:",
    "Other ingredients:", "Full ingredients list:", "Key Ingredients:", "INCI:",
    "Ingredient list (INCI):", "Ingredients of the serum:", "Inhaltsstoffe:", "Ingredientes:",
    "Ingredienti:", "Composition:", "Zusammensetzung:", "Sastojci:", "Skladniki:",
    "Bestanddelen:", "Ingredienten:", "Ainesosat:", "Ingredienser:",
]  # fmt: skip


@pytest.mark.parametrize(
    ("pattern", "keys", "samples"),
    [
        (_TRAILING, _TRAILING_KEYS, TRAILING_SAMPLES),
        (_MAY_CONTAIN, _MAY_KEYS, MAY_SAMPLES),
        (_HEADING, _HEADING_KEYS, HEADING_SAMPLES),
    ],
    ids=["trailing", "may-contain", "heading"],
)
def test_searching_from_the_first_key_finds_what_a_full_scan_finds(
    pattern: re.Pattern[str], keys: tuple[str, ...], samples: list[str]
) -> None:
    """first_possible lets the read stage skip most of a long label; it must
    never skip a match (spacing, case, brackets and prefixes included)."""
    rng = random.Random(11)
    fillers = ["Water", "Glycerin", "Caprylyl Glycol", "(Ci 77891)", "[+/-]", "Dodecane",
               "Fortified", "Keyhole", "Active", "Other Stuff", "Free", "Store"]  # fmt: skip
    for sample in samples:
        matched = 0
        for _ in range(40):
            parts = rng.sample(fillers, 5) + [sample] + rng.sample(fillers, 3)
            spaced = sample.replace(" ", rng.choice([" ", "  ", "\t", " \n "]))
            parts[5] = rng.choice([spaced, spaced.upper(), spaced.lower(), f"( {spaced}"])
            text = rng.choice([", ", ",  ", " ", ". "]).join(parts)
            start = first_possible(text, keys)
            full = pattern.search(text)
            found = pattern.search(text, start) if start is not None else None
            assert (found and found.span()) == (full and full.span()), text
            matched += full is not None
        assert matched >= 20, sample  # most spellings are a match to find
    assert first_possible("Water, Glycerin, Dimethicone", keys) is None  # nothing to scan
