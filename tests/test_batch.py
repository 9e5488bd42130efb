"""Batch screening: screen_frame, screen_dask, the ``screener batch`` CLI.

Everything runs on the small fixture database, built explicitly or through
SCREENER_DB_DIR with the caches cleared, never on the curated one.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from screener.batch import OUTPUT_COLUMNS, neutralise_formulas, run_batch, screen_dask, screen_frame
from screener.cli import main
from screener.errors import ScreenError
from screener.parse import _MAY_CONTAIN, _MAY_KEYS, _TRAILING, _TRAILING_KEYS, could_match
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
    assert list(out["screen_worst_severity"].iloc[:3]) == ["avoid", None, "caution"]
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
            assert (row.screen_worst_severity or None) == verdict.worst
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
    assert list(bom["screen_worst_severity"]) == [None, "caution", "avoid"]
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


def test_empty_frame_and_dtypes(mini: Screener) -> None:
    out = screen_frame(pd.DataFrame({"ingredients": pd.Series([], dtype=object)}), screener=mini)
    assert len(out) == 0
    assert str(out["screen_n_avoid"].dtype) == "Int64"
    assert str(out["screen_confidence"].dtype) == "Float64"


# -- dask --------------------------------------------------------------------


def test_dask_map_partitions_equals_pandas(mini: Screener) -> None:
    import dask
    import dask.dataframe as dd

    df = pd.concat([read_table(BATCH / "messy.csv")] * 3, ignore_index=True)
    expected = screen_frame(df, screener=mini)
    ddf = dd.from_pandas(df, npartitions=4)
    with dask.config.set(scheduler="synchronous"):
        lazy = screen_dask(ddf, screener=mini)
        assert list(lazy.columns) == list(expected.columns)
        result = lazy.compute()
    pd.testing.assert_frame_equal(result, expected, check_dtype=False)
    assert result["screen_n_avoid"].dtype == expected["screen_n_avoid"].dtype


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
