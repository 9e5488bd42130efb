"""Data and pure matching logic for three finding kinds (issue 16).

- ``allergen``: EU labellable fragrance allergens (Regulation (EU) 2023/1545);
- ``fungal-acne``: Malassezia growth rules over lipid classes and chain lengths;
- ``avoid-list``: a person's own list of ingredients, classes and families to avoid.

Each module loads and validates its tables (errors name the file and row) and
offers a pure ``*_hits`` function; turning hits into report findings is the
screener's job.
"""

from __future__ import annotations

from .allergens import Allergen, AllergenHit, AllergenTable, allergen_hits, load_allergens
from ._tables import KindsError

__all__ = [
    "Allergen",
    "AllergenHit",
    "AllergenTable",
    "KindsError",
    "allergen_hits",
    "load_allergens",
]
