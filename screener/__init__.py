"""Screen skincare ingredient lists for milia- and acne-prone skin.

Public API (stable)::

    screener.screen(text, *, context=None, product_type=None) -> ProductReport
    screener.screen_routine(texts, *, context=None) -> RoutineReport
    screener.screen_frame(df, column=None, *, context=None) -> pandas.DataFrame
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
]
__version__ = "0.1.0"


def screen_frame(df: pd.DataFrame, column: str | None = None, **kwargs: Any) -> pd.DataFrame:
    """Screen every row of a DataFrame (see screener.batch.screen_frame)."""
    from .batch import screen_frame as _screen_frame

    return _screen_frame(df, column, **kwargs)
