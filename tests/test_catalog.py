"""Product-level alternatives and side-by-side comparison (fixture catalog, mini database)."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from screener.catalog import compare, screen_catalog, suggest_products
from screener.cli import main
from screener.errors import ScreenError
from screener.screen import Screener

CATALOG = Path(__file__).parent / "fixtures" / "catalog.csv"


@pytest.fixture()
def catalog() -> pd.DataFrame:
    return pd.read_csv(CATALOG, dtype=str, keep_default_na=False)


def test_suggestions_screen_clean_and_keep_columns(mini: Screener, catalog: pd.DataFrame) -> None:
    rich = catalog.loc[0, "ingredients"]
    found = suggest_products(rich, catalog, k=5, screener=mini)
    assert list(found.columns) == [*catalog.columns, "score", "better", "why"]
    assert "Rich Night Balm" not in set(found["name"])  # not the product itself
    assert set(found["category"]) == {"Moisturizer"}  # same category as the given product
    assert "Coconut Whip" not in set(found["name"])  # comedogenic 4 in the top five
    assert found.iloc[0]["name"] == "Light Gel Cream"
    assert list(found["score"]) == sorted(found["score"], reverse=True)
    assert all(better.startswith("no heavy occlusive") for better in found["better"])
    assert all("same kind of product (Moisturizer)" in why for why in found["why"])
    assert list(found["brand"]) and list(found["price"])  # shown when the catalog has them
    for text in found["ingredients"]:
        report = mini.screen(text)
        assert not [
            f
            for f in report.findings
            if f.kind in ("comedogenic", "occlusive") and f.severity != "info"
        ]


def test_context_excludes_clashing_products(mini: Screener, catalog: pd.DataFrame) -> None:
    any_cat = suggest_products(
        "Water, Retinol, Squalane", catalog, k=10, screener=mini, category="Treatment"
    )
    assert "Retinol Night Serum" in set(any_cat["name"])
    pregnant = suggest_products(
        "Water, Retinol, Squalane",
        catalog,
        k=10,
        screener=mini,
        category="Treatment",
        context="pregnancy",
    )
    assert "Retinol Night Serum" not in set(pregnant["name"])


def test_catalog_screening_is_cached(mini: Screener, catalog: pd.DataFrame) -> None:
    first = screen_catalog(catalog, screener=mini)
    start = time.perf_counter()
    second = screen_catalog(catalog, screener=mini)
    assert second is first and time.perf_counter() - start < 0.5
    assert first.errors[6] and first.errors[7]  # '#NAME?' and empty rows: reasons, not crashes


def test_compare_side_by_side(mini: Screener) -> None:
    result = compare("Water, Petrolatum, Glycerin", "Water, Glycerin, Squalane", screener=mini)
    assert result["shared"] == ["Aqua", "Glycerin"]
    assert result["only_a"] == ["Petrolatum"] and result["only_b"] == ["Squalane"]
    assert result["better"] == "B" and "Petrolatum" in result["why"]
    assert "More milia-friendly: B" in result.render()
    same = compare("Water, Glycerin", "Glycerin, Water", screener=mini)
    assert same["better"] == "equal"


def test_cli_suggest_and_compare(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["suggest", "Aqua, Petrolatum, Glycerin", "--catalog", str(CATALOG), "-k", "2"])
    out = capsys.readouterr().out
    assert code == 0 and "Light Gel Cream" in out
    code = main(["compare", "Aqua, Petrolatum", "Aqua, Squalane"])
    out = capsys.readouterr().out
    assert code == 0 and "More milia-friendly: B" in out


@pytest.mark.parametrize(
    ("query", "kwargs", "shelf"),
    [
        # a catalog row: its own category
        (None, {"row": 0}, {"Moisturizer"}),
        # a pasted list equal to a row: that row's category
        ("Water, Petrolatum, Glycerin, Paraffinum Liquidum, Phenoxyethanol", {}, {"Moisturizer"}),
        # a category asked for
        ("Water, Petrolatum, Glycerin", {"category": "cleanser"}, {"Cleanser"}),
    ],
)
def test_suggestions_stay_on_the_shelf(
    mini: Screener,
    catalog: pd.DataFrame,
    query: str | None,
    kwargs: dict[str, object],
    shelf: set[str],
) -> None:
    found = suggest_products(query, catalog, k=10, screener=mini, **kwargs)  # type: ignore[arg-type]
    assert set(found["category"]) == shelf
    assert found.attrs["category"].casefold() == next(iter(shelf)).casefold()


def test_without_a_category_the_same_kind_of_product(mini: Screener) -> None:
    catalog = pd.DataFrame(
        {
            "name": ["Foaming Cleanser", "Gel Cream", "Daily Face Wash", "Serum"],
            "ingredients": [
                "Water, Sodium Laureth Sulfate, Glycerin",
                "Water, Glycerin, Squalane",
                "Water, Glycerin, Sodium Laureth Sulfate, Parfum",
                "Water, Glycerin, Sodium Hyaluronate",
            ],
        }
    )
    found = suggest_products(
        "Water, Petrolatum, Sodium Laureth Sulfate",
        catalog,
        name="Rich Cleansing Balm",
        screener=mini,
    )
    assert set(found["name"]) <= {"Foaming Cleanser", "Daily Face Wash"}
    assert all("same kind of product (rinse-off)" in b for b in found["better"])
    leave = suggest_products(
        "Water, Petrolatum, Glycerin", catalog, name="Night Cream", screener=mini
    )
    assert set(leave["name"]) <= {"Gel Cream", "Serum"}
    assert list(leave["brand"]) == [""] * len(leave)  # no brand column: blank, not missing


def test_unknown_category_and_row_are_clear_errors(mini: Screener, catalog: pd.DataFrame) -> None:
    with pytest.raises(ScreenError, match="No product in the catalog has the category 'Toner'"):
        suggest_products("Water, Glycerin", catalog, category="Toner", screener=mini)
    with pytest.raises(ScreenError, match="Row 99 is not in the catalog"):
        suggest_products(None, catalog, row=99, screener=mini)
    with pytest.raises(ScreenError, match="Give an ingredient list"):
        suggest_products(None, catalog, screener=mini)


def test_catalog_module_has_no_cli_code() -> None:
    import screener.catalog

    source = Path(screener.catalog.__file__).read_text()
    assert "argparse" not in source and "run_catalog_cli" not in source
    assert "from .cli" not in source


def test_cli_suggest_row_category_brand_and_price(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["suggest", "--catalog", str(CATALOG), "--row", "1", "-k", "2"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Same shelf: Moisturizer")
    assert "Acme — Light Gel Cream (25)" in out and "no heavy occlusive" in out.casefold()
    code = main(["suggest", "Aqua, Petrolatum", "--catalog", str(CATALOG), "--category", "Toner"])
    err = capsys.readouterr().err
    assert code == 2 and "category 'Toner'" in err and "Traceback" not in err
    code = main(["suggest", "--catalog", str(CATALOG), "--row", "0"])
    assert code == 2 and "rows 1 to 8" in capsys.readouterr().err
