"""Data and pure matching logic for three finding kinds (issue 16).

- ``allergen``: EU labellable fragrance allergens (Regulation (EU) 2023/1545);
- ``fungal-acne``: Malassezia growth rules over lipid classes and chain lengths;
- ``avoid-list``: a person's own list of ingredients, classes and families to avoid.

Each module loads and validates its tables (errors name the file and row) and
offers a pure ``*_hits`` function; turning hits into report findings is the
screener's job.
"""

from __future__ import annotations

from ._tables import KindsError
from .allergens import Allergen, AllergenHit, AllergenTable, allergen_hits, load_allergens
from .avoid import AvoidEntry, AvoidHit, AvoidList, avoid_hits, load_avoid_list, load_families
from .fungal import FungalHit, FungalTable, fungal_hits, load_fungal

__all__ = [
    "Allergen",
    "AllergenHit",
    "AllergenTable",
    "AvoidEntry",
    "AvoidHit",
    "AvoidList",
    "FungalHit",
    "FungalTable",
    "KindsError",
    "allergen_hits",
    "avoid_hits",
    "fungal_hits",
    "load_allergens",
    "load_avoid_list",
    "load_families",
    "load_fungal",
]
