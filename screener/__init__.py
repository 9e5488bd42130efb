"""Screen skincare ingredient lists for milia- and acne-prone skin.

Public API (stable)::

    screener.screen(text, *, context=None, product_type=None) -> ProductReport
    screener.screen_routine(texts, *, context=None) -> RoutineReport
    screener.screen_frame(df, column=None, *, context=None) -> pandas.DataFrame
    screener.suggest_products(text, catalog, *, column=None, k=5, context=None) -> DataFrame
    screener.compare(text_a, text_b) -> dict
    screener.load_database() -> Database
    screener.ScreenError
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .database import Database, Ingredient, load_database
from .errors import DatabaseError, ScreenError
from .models import Finding, ProductReport, RoutineReport
from .screen import screen, screen_routine

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Database",
    "DatabaseError",
    "Finding",
    "Ingredient",
    "ProductReport",
    "RoutineReport",
    "ScreenError",
    "load_database",
    "screen",
    "screen_frame",
    "screen_routine",
    "suggest_products",
    "compare",
]
__version__ = "0.1.0"


def screen_frame(df: pd.DataFrame, column: str | None = None, **kwargs: Any) -> pd.DataFrame:
    """Screen every row of a DataFrame (see screener.batch.screen_frame)."""
    from .batch import screen_frame as _screen_frame

    return _screen_frame(df, column, **kwargs)


def suggest_products(text: str, catalog: pd.DataFrame, **kwargs: Any) -> pd.DataFrame:
    """Catalog rows that screen clean and best replace a product (screener.catalog)."""
    from .catalog import suggest_products as _suggest

    return _suggest(text, catalog, **kwargs)


def compare(text_a: str, text_b: str, **kwargs: Any) -> dict[str, Any]:
    """Side-by-side comparison of two products (screener.catalog.compare)."""
    from .catalog import compare as _compare

    return _compare(text_a, text_b, **kwargs)
