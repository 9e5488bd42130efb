"""Product-level alternatives and side-by-side comparison (fixture catalog, mini database)."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from screener.catalog import compare, screen_catalog, suggest_products
from screener.cli import main
from screener.screen import Screener

CATALOG = Path(__file__).parent / "fixtures" / "catalog.csv"


@pytest.fixture()
def catalog() -> pd.DataFrame:
    return pd.read_csv(CATALOG, dtype=str, keep_default_na=False)


def test_suggestions_screen_clean_and_keep_columns(mini: Screener, catalog: pd.DataFrame) -> None:
    rich = catalog.loc[0, "ingredients"]
    found = suggest_products(rich, catalog, k=5, screener=mini)
    assert list(found.columns) == [*catalog.columns, "score", "why"]
    assert "Rich Night Balm" not in set(found["name"])  # not the product itself
    assert set(found["category"]) == {"Moisturizer"}  # same category as the given product
    assert "Coconut Whip" not in set(found["name"])  # comedogenic 4 in the top five
    assert found.iloc[0]["name"] == "Light Gel Cream"
    assert list(found["score"]) == sorted(found["score"], reverse=True)
    assert all("better" in why and "Similar job" in why for why in found["why"])
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
