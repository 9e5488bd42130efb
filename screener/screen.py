"""The public entry points: screen() one product, screen_routine() several.

Both run the one pipeline (pipeline.py: read → match → repair → place → judge
→ verdict) and render its result (views.py). The web page, the CLI and batch
mode all call these.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from . import startup_cache
from .database import _cached as loaded_databases
from .database import database_dir, load_database
from .models import ProductReport, RoutineReport
from .options import Options, normalise_contexts, normalise_product_type
from .pipeline import Screener
from .routine import screen_routine as _screen_routine

__all__ = [
    "Screener",
    "get_screener",
    "normalise_contexts",
    "normalise_product_type",
    "screen",
    "screen_routine",
    "screen_with",
]


def screen_with(
    screener: Screener,
    text: object,
    *,
    context: object = None,
    product_type: object = None,
    name: str | None = None,
    avoid: object = None,
) -> ProductReport:
    """Screen one list with a given screener (a database of your own)."""
    return screener.screen(text, context=context, product_type=product_type, name=name, avoid=avoid)


@lru_cache(maxsize=4)
def _default_screener(path: str | None) -> Screener:
    folder = (Path(path) if path is not None else database_dir()).resolve()
    key = str(folder)
    loaded = loaded_databases.peek(key)
    if loaded is not None:  # already validated in this process: share it
        return Screener.for_database(loaded)
    # A fresh process: the startup cache's copy (or a build that fills it), which
    # load_database() then returns too.
    screener = startup_cache.cached(folder, lambda: Screener.for_database(load_database(folder)))
    loaded_databases.adopt(key, screener.db)
    return screener


def get_screener(path: str | None = None) -> Screener:
    """The process-wide screener for a database folder (built once)."""
    return _default_screener(path)


def screen(
    text: object,
    *,
    context: object = None,
    product_type: object = None,
    avoid: object = None,
    name: str | None = None,
) -> ProductReport:
    """Screen one ingredient list. Raises ScreenError for input it cannot screen.

    ``context``: one of eye-area, pregnancy, infant, post-procedure, fungal-acne,
    or a list; ``product_type``: "leave-on" or "rinse-off" (without it, a
    ``name`` such as "Gentle Foaming Cleanser" sets it, and
    ``report.product_type_reason`` says why); ``avoid``: a personal avoid list
    (a TOML/JSON file path, its text, or lines such as
    ``["Linalool", "class:fragrance_allergen", "family:PEG"]``)."""
    return screen_with(
        get_screener(), text, context=context, product_type=product_type, avoid=avoid, name=name
    )


def screen_routine(texts: Sequence[object], *, context: object = None) -> RoutineReport:
    """Screen the products of a routine and the clashes between them.

    ``texts`` is a list of ingredient lists, or of mappings
    ``{"name": ..., "text": ..., "when": "AM"|"PM"|"AM+PM", "product_type": ...}``;
    without a ``product_type`` a product's name sets it, as in ``screen()``
    (each product report's ``product_type_reason`` says why).
    """
    return _screen_routine(get_screener(), texts, Options.of(context))
