"""The loaded, validated, indexed database (plain data; built by load.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..normalise import fold_name
from .inventory import Inventory
from .models import (
    CommonNameRow,
    ConflictRule,
    ContextRule,
    Ingredient,
    LookalikeRow,
    Selector,
    SourceRow,
    SubstituteRow,
    UnrecognisedRow,
)


@dataclass(frozen=True, slots=True)
class CommonName:
    """A resolved common name: the ingredient it certainly names, or the genus it may."""

    row: CommonNameRow
    #: the curated or inventory ingredient (``certain`` rows)
    ingredient: Ingredient | None
    #: for an ``ambiguous`` row, the inert stand-in reported (no rating, curated=False)
    stand_in: Ingredient | None = None


@dataclass(eq=False)
class Database:
    """The loaded, validated, indexed database.

    ``ingredients``, ``by_inci`` and ``by_key`` hold the curated layer only
    (what rules, alternatives and fuzzy guesses use); ``common`` holds the
    common/market names; ``inventory`` the EU inventory base layer.
    """

    ingredients: list[Ingredient]
    sources: dict[str, SourceRow]
    conflicts: list[ConflictRule]
    contexts: list[ContextRule]
    substitutes: list[SubstituteRow]
    lookalikes: list[LookalikeRow]
    #: rules/severity.toml as a plain dict (validated by severity.py)
    severity: dict[str, Any]
    path: Path
    #: folded printed form → the review that left it unknown on purpose
    unrecognised: dict[str, UnrecognisedRow] = field(default_factory=dict)
    by_inci: dict[str, Ingredient] = field(default_factory=dict)
    by_key: dict[str, tuple[Ingredient, str]] = field(default_factory=dict)
    selectors: dict[str, Selector] = field(default_factory=dict)
    #: folded common name → what it names
    common: dict[str, CommonName] = field(default_factory=dict)
    inventory: Inventory = field(default_factory=Inventory)

    def __len__(self) -> int:
        return len(self.ingredients)

    def __iter__(self) -> Iterator[Ingredient]:
        return iter(self.ingredients)

    def get(self, name: str) -> Ingredient | None:
        """Curated only: exact canonical name or any alias, folded."""
        hit = self.by_key.get(fold_name(name))
        return hit[0] if hit else None

    def lookup(self, name: str) -> Ingredient | None:
        """Curated first, then a certain common name, then the inventory."""
        key = fold_name(name)
        hit = self.by_key.get(key)
        if hit:
            return hit[0]
        common = self.common.get(key)
        if common is not None:
            return common.ingredient or common.stand_in
        return self.inventory.ingredient(key)

    def selector(self, text: str) -> Selector:
        return self.selectors[text]

    def cite(self, source_id: str) -> str:
        row = self.sources.get(source_id)
        return row.citation if row else source_id
