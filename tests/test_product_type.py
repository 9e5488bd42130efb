"""Product type per row: the ordered patterns, the batch options, the CLI, one product."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from screener.batch import OUTPUT_COLUMNS, screen_frame
from screener.cli import main
from screener.database import Database
from screener.errors import ScreenError
from screener.product_type import RULES_FILE, infer_product_type, load_type_rules
from screener.screen import Screener

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "ingredients" / RULES_FILE
HEAVY = "Aqua, Petrolatum, Glycerin"


@pytest.mark.parametrize(
    ("name", "category", "expected"),
    [
        ("Gentle Foaming Cleanser", None, "rinse-off"),
        ("Daily Face Wash", None, "rinse-off"),
        ("Pore Cleaner Bubble Foam", None, "rinse-off"),
        ("Wash-Off Clay Mask", None, "rinse-off"),
        ("Flash Rinse 1 Minute Facial", None, "rinse-off"),
        ("Exfoliating Scrub", None, "rinse-off"),
        ("Moisture Shampoo", None, "rinse-off"),
        ("Silk Conditioner", None, "rinse-off"),
        ("Shower Gel", None, "rinse-off"),
        ("Camellia Cleansing Oil", "Moisturizer", "rinse-off"),
        ("Take The Day Off Cleansing Balm", None, "rinse-off"),
        ("GinZing Peel-Off Mask", None, "rinse-off"),
        ("Goddess Clay Mask", "Face Mask", "rinse-off"),
        ("Anything", "Cleanser", "rinse-off"),
        # leave-on words win over the rinse-off words they contain
        ("Leave-In Conditioner", None, "leave-on"),
        ("Water Sleeping Mask", "Face Mask", "leave-on"),
        ("Overnight Mask", None, "leave-on"),
        ("Micellar Cleansing Water", "Cleanser", "leave-on"),
        ("Cleansing Wipes - Rose", "Cleanser", "leave-on"),
        ("No-Rinse Cleansing Milk", None, "leave-on"),
        # nothing said: leave-on, the stricter reading
        ("Hydrating Sheet Mask", "Face Mask", "leave-on"),
        ("Rich Night Cream", "Moisturizer", "leave-on"),
        (None, None, "leave-on"),
        (float("nan"), "", "leave-on"),
    ],
)
def test_inference_table(name: object, category: object, expected: str) -> None:
    found, reason = infer_product_type(name, category)
    assert found == expected
    assert reason  # always says why


def test_reason_names_the_word_and_the_field() -> None:
    _type, reason = infer_product_type("Gentle Foaming Cleanser")
    assert reason.startswith("name 'Gentle Foaming Cleanser' says")
    _type, reason = infer_product_type("Pure Skin", "Cleanser")
    assert reason.startswith("category 'Cleanser' says 'cleanser'")
    _type, reason = infer_product_type("Plain")
    assert "leave-on" in reason and "stricter" in reason


def test_every_pattern_has_a_source_in_the_bibliography(db: Database) -> None:
    rules = load_type_rules(RULES)
    assert [r.id for r in rules] == sorted(r.id for r in rules)  # the order is the file's
    for rule in rules:
        assert rule.reason and rule.sources
        for source in rule.sources:
            assert source in db.sources, (rule.id, source)


def test_a_broken_pattern_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "product_types.csv"
    with bad.open("w", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["id", "pattern", "product_type", "source", "reason"],
                ["X", "wash", "washy", "S", "r"],
            ]
        )
    with pytest.raises(ScreenError, match="row 2: product_type"):
        load_type_rules(bad)


def _catalog() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Label": ["Cleanser", "Moisturizer", "Cleanser", "Face Mask"],
            "Name": ["Rich Cleansing Balm", "Rich Cream", "Micellar Water", "Sleeping Mask"],
            "kind": ["rinse-off", "", "Cleanser", "leave-on"],
            "Ingredients": [HEAVY] * 4,
        }
    )


def test_screen_frame_infers_per_row(mini: Screener) -> None:
    out = screen_frame(_catalog(), "Ingredients", screener=mini)
    assert list(out["screen_product_type"]) == ["rinse-off", "leave-on", "leave-on", "leave-on"]
    assert out.loc[0, "screen_verdict"] == "milia-friendly"  # rinsed: stepped down
    assert out.loc[1, "screen_verdict"] == "use with care"
    assert "says 'cleansing balm'" in out.loc[0, "screen_product_type_reason"]
    assert list(out.columns) == [*_catalog().columns, *OUTPUT_COLUMNS]


def test_screen_frame_type_options(mini: Screener) -> None:
    plain = screen_frame(_catalog(), "Ingredients", screener=mini, infer_type=False)
    assert plain["screen_product_type"].isna().all()
    assert set(plain["screen_verdict"]) == {"use with care"}
    whole = screen_frame(_catalog(), "Ingredients", screener=mini, product_type="rinse-off")
    assert set(whole["screen_product_type"]) == {"rinse-off"}
    assert set(whole["screen_product_type_reason"]) == {"set for the whole table"}
    column = screen_frame(_catalog(), "Ingredients", screener=mini, type_column="kind")
    # the column's words; an empty cell falls back to the name
    assert list(column["screen_product_type"]) == [
        "rinse-off",
        "leave-on",
        "rinse-off",
        "leave-on",
    ]
    assert column.loc[0, "screen_product_type_reason"] == "column 'kind' says 'rinse-off'"
    with pytest.raises(ScreenError, match="Column 'nope' is not in the file"):
        screen_frame(_catalog(), "Ingredients", screener=mini, type_column="nope")


def test_parallel_rows_keep_their_types(mini: Screener) -> None:
    frame = pd.concat([_catalog()] * 3, ignore_index=True)
    one = screen_frame(frame, "Ingredients", screener=mini)
    two = screen_frame(frame, "Ingredients", screener=mini, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)


def test_batch_cli_type_options_and_excel_input(tmp_path: Path, mini_env: None) -> None:
    source = tmp_path / "catalog.xlsx"
    _catalog().to_excel(source, index=False)
    out = tmp_path / "out.csv"
    assert main(["batch", str(source), "-o", str(out), "-q"]) in (0, 1)
    back = pd.read_csv(out)
    assert list(back["screen_product_type"])[:2] == ["rinse-off", "leave-on"]
    assert main(["batch", str(source), "-o", str(out), "--product-type", "rinse-off"]) in (0, 1)
    assert set(pd.read_csv(out)["screen_product_type"]) == {"rinse-off"}
    assert main(["batch", str(source), "-o", str(out), "--type-column", "kind"]) in (0, 1)
    assert list(pd.read_csv(out)["screen_product_type"])[2] == "rinse-off"
    parquet = tmp_path / "catalog.parquet"
    _catalog().to_parquet(parquet)
    assert main(["batch", str(parquet), "-o", str(out)]) in (0, 1)
    assert len(pd.read_csv(out)) == 4


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 64, "save it as .xlsx or CSV"),
        ("blob.csv", b"\x00\x01\x02", "binary file"),
        ("broken.xlsx", b"PK\x03\x04 nothing", "could not read it as an Excel"),
    ],
)
def test_batch_cli_refuses_other_files_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    code = main(["batch", str(source), "-o", str(tmp_path / "out.csv")])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert "xlsx" in err  # says what is accepted or what to do


def test_one_product_name_sets_the_type(mini: Screener) -> None:
    rinse = mini.screen(HEAVY, name="Rich Cleansing Balm")
    assert rinse.product_type == "rinse-off" and "cleansing balm" in (
        rinse.product_type_reason or ""
    )
    assert rinse.verdict.label == "milia-friendly"
    given = mini.screen(HEAVY, name="Rich Cleansing Balm", product_type="leave-on")
    assert given.product_type == "leave-on" and given.product_type_reason == "given"
    unnamed = mini.screen(HEAVY)
    assert unnamed.product_type is None and unnamed.verdict.label == "use with care"


def test_check_cli_name(capsys: pytest.CaptureFixture[str], mini_env: None) -> None:
    code = main(["check", HEAVY, "--name", "Gentle Foaming Cleanser"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Product type: rinse-off (name 'Gentle Foaming Cleanser' says 'cleanser'" in out
    code = main(["check", HEAVY, "--name", "Night Cream"])
    assert code == 1 and "Product type: leave-on" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("product", "product_type", "reason"),
    [
        ({"name": "Gentle Foaming Cleanser", "text": HEAVY}, "rinse-off", "says 'cleanser'"),
        ({"name": "Rich Cleansing Balm", "text": HEAVY}, "rinse-off", "says 'cleansing balm'"),
        ({"name": "Night Cream", "text": HEAVY}, "leave-on", "no rinse-off word"),
        (
            {"name": "Gentle Foaming Cleanser", "text": HEAVY, "product_type": "leave-on"},
            "leave-on",
            "given",
        ),
        ({"name": "  ", "text": HEAVY}, None, None),
        ({"text": HEAVY}, None, None),
        (HEAVY, None, None),
    ],
)
def test_routine_product_name_sets_the_type(
    mini: Screener, product: object, product_type: str | None, reason: str | None
) -> None:
    routine = mini.screen_routine([product])
    report = routine.products[0]
    assert report.product_type == product_type
    if reason is None:
        assert report.product_type_reason is None
    else:
        assert reason in (report.product_type_reason or "")
    # the same judgement as screen() given the same name and type
    given = product if isinstance(product, dict) else {}
    alone = mini.screen(HEAVY, name=given.get("name"), product_type=given.get("product_type"))
    assert (report.product_type, report.product_type_reason) == (
        alone.product_type,
        alone.product_type_reason,
    )
    assert report.verdict == alone.verdict


def test_routine_keeps_a_routine_file_reason(mini: Screener) -> None:
    from screener.report import render_routine_text
    from screener.routine_file import with_type

    product = with_type({"name": "Gentle Foaming Cleanser", "text": HEAVY})
    routine = mini.screen_routine([product, {"name": "Serum", "text": HEAVY}])
    cleanser, serum = routine.products
    assert cleanser.product_type == "rinse-off"
    assert "says 'cleanser'" in (cleanser.product_type_reason or "")
    assert cleanser.verdict.label == "milia-friendly" and serum.verdict.label == "use with care"
    text = render_routine_text(routine)
    assert "Product type: rinse-off (name 'Gentle Foaming Cleanser' says 'cleanser'" in text
    assert "Product type: leave-on (no rinse-off word" in text
