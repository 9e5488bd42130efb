"""Row models (what a data file may hold) and the runtime objects built from them.

Pydantic validates at the edges (one model per table row); the runtime objects
(Ingredient, Rating, Selector) are plain frozen data the rules read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..vocabulary import (
    ACTIVE_CLASSES,
    CONTEXTS,
    FUNCTIONS,
    ROLES,
    Occlusive,
    RatingQuality,
    Scope,
    Severity,
    SourceKind,
)


def _split(value: str, sep: str) -> list[str]:
    return [part.strip() for part in value.split(sep) if part.strip()]


def _split_sources(value: Any) -> Any:
    return _split(value, ";") if isinstance(value, str) else value


def _split_pipes(value: Any) -> Any:
    return _split(value, "|") if isinstance(value, str) else value


def _known_functions(value: list[str]) -> list[str]:
    unknown = [f for f in value if f not in FUNCTIONS]
    if unknown:
        raise ValueError(f"unknown function(s) {unknown}; see ingredients/README.md")
    return value


def _known_roles_check(value: list[str]) -> list[str]:
    unknown = [r for r in value if r not in ROLES]
    if unknown:
        raise ValueError(f"unknown role(s) {unknown}; roles are {sorted(ROLES)}")
    return value


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SourceRow(_Row):
    id: str = Field(min_length=1, pattern=r"^[A-Z0-9][A-Z0-9\-_.]*$")
    kind: SourceKind
    citation: str = Field(min_length=3)
    url: str = ""


class IngredientRow(_Row):
    inci: str = Field(min_length=1, max_length=200)
    aliases: list[str] = []
    functions: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    notes: str = ""

    _lists = field_validator("aliases", "functions", mode="before")(_split_pipes)
    _sources = field_validator("sources", mode="before")(_split_sources)
    _functions = field_validator("functions")(_known_functions)


class RatingRow(_Row):
    inci: str = Field(min_length=1)
    kind: str = Field(pattern=r"^(comedogenic|irritancy)$")
    value: str
    source: str = Field(min_length=1)
    quality: RatingQuality
    note: str = ""

    @field_validator("value")
    @classmethod
    def _range(cls, value: str) -> str:
        parse_rating(value)
        return value


class OcclusiveRow(_Row):
    inci: str = Field(min_length=1)
    occlusive: Occlusive
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _sources = field_validator("sources", mode="before")(_split_sources)


class ActiveRow(_Row):
    inci: str = Field(min_length=1)
    classes: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _sources = field_validator("sources", mode="before")(_split_sources)

    @field_validator("classes", mode="before")
    @classmethod
    def _classes(cls, value: Any) -> Any:
        return _split(value, "|") if isinstance(value, str) else value

    @field_validator("classes")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        unknown = [c for c in value if c not in ACTIVE_CLASSES]
        if unknown:
            raise ValueError(f"unknown active class(es) {unknown}")
        return value


class _RuleRow(_Row):
    """What every rule row states about where it applies."""

    #: The roles an ingredient must play in the product for the rule to apply
    #: (place.py): empty = its full role ("active", or "ingredient" for one
    #: without an active class); minor roles (pH adjuster, preservative,
    #: antioxidant) only when listed.
    roles: list[str] = Field(default_factory=list)

    _roles = field_validator("roles", mode="before")(_split_pipes)
    _known_roles = field_validator("roles")(_known_roles_check)


class ConflictRule(_RuleRow):
    id: str = Field(min_length=1)
    a: str
    b: str
    severity: Severity
    scope: Scope
    mechanism: str = Field(min_length=3)
    advice: str = Field(min_length=3)
    sources: list[str] = Field(min_length=1)

    _sources = field_validator("sources", mode="before")(_split_sources)


class ContextRule(_RuleRow):
    id: str = Field(min_length=1)
    context: str
    target: str
    severity: Severity
    reason: str = Field(min_length=3)
    advice: str = Field(min_length=3)
    sources: list[str] = Field(min_length=1)

    #: The rule applies only to a printed percentage at or above this (None: any level).
    min_percent: float | None = None
    #: The zones (place.py) the ingredient must sit in; empty = anywhere declared.
    zones: list[str] = Field(default_factory=list)
    #: "step": in a rinse-off product the severity is lowered by severity.toml
    #: [rinse_off] steps_down (short contact); empty: it stays.
    rinse_off: Literal["", "step"] = ""

    _zones = field_validator("zones", mode="before")(_split_pipes)

    _sources = field_validator("sources", mode="before")(_split_sources)

    @field_validator("min_percent", mode="before")
    @classmethod
    def _blank_percent(cls, value: Any) -> Any:
        return None if value == "" else value

    @field_validator("context")
    @classmethod
    def _context(cls, value: str) -> str:
        if value not in CONTEXTS:
            raise ValueError(f"context must be one of {list(CONTEXTS)}")
        return value


class SubstituteRow(_Row):
    replaces: str
    substitute: str = Field(min_length=1)
    function: str
    why: str = Field(min_length=3)
    sources: list[str] = Field(min_length=1)
    #: the formula role the swap keeps (rules/roles.csv vocabulary; checked by alternatives)
    role: str = ""

    _sources = field_validator("sources", mode="before")(_split_sources)


class LookalikeRow(_Row):
    a: str = Field(min_length=1)
    b: str = Field(min_length=1)
    why: str = ""
    sources: list[str] = []

    _sources = field_validator("sources", mode="before")(_split_sources)


class CommonNameRow(_Row):
    """A common or market name printed on labels (common_names.csv).

    ``certain``: ``inci`` is the one INCI name it stands for (curated or in the
    inventory). ``ambiguous``: the name covers several INCI entries (which
    rose? which orchid?); ``inci`` names the genus or plant family it does
    certainly mean, and the match is reported with lowered confidence.
    """

    name: str = Field(min_length=2, max_length=200)
    inci: str = Field(min_length=2, max_length=300)
    certainty: Literal["certain", "ambiguous"]
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _sources = field_validator("sources", mode="before")(_split_sources)

    @field_validator("note")
    @classmethod
    def _ambiguous_says_why(cls, value: str, info: Any) -> str:
        if info.data.get("certainty") == "ambiguous" and len(value) < 10:
            raise ValueError("an ambiguous common name must say in `note` what it may be")
        return value


class UnrecognisedRow(_Row):
    """A printed form reviewed and deliberately left unknown (rules/unrecognised.csv)."""

    printed: str = Field(min_length=1)
    kind: Literal["damaged", "cut_short", "vague", "unconfirmed", "older_name"]
    why: str = Field(min_length=10)
    sources: list[str] = Field(min_length=1)

    _sources = field_validator("sources", mode="before")(_split_sources)


def parse_rating(value: str) -> tuple[int, int]:
    """``"3"`` → (3, 3); ``"0-2"`` → (0, 2). Raises ValueError outside 0-5."""
    parts = value.replace(" ", "").split("-")
    if len(parts) not in (1, 2) or not all(p.isdigit() for p in parts):
        raise ValueError(f"rating {value!r} must be 0-5 or a range such as 0-2")
    low, high = int(parts[0]), int(parts[-1])
    if not (0 <= low <= high <= 5):
        raise ValueError(f"rating {value!r} is out of range 0-5 (or the range is reversed)")
    return low, high


class RatingValue(BaseModel):
    """One source's value for one ingredient."""

    model_config = ConfigDict(frozen=True)

    value: str
    source: str
    quality: RatingQuality
    note: str = ""


class Rating(BaseModel):
    """Every source's value, and the one the policy picked."""

    model_config = ConfigDict(frozen=True)

    used: int
    unconfirmed: bool
    values: tuple[RatingValue, ...]

    @property
    def sources(self) -> list[str]:
        return sorted({v.source for v in self.values})


def pick_rating(values: list[RatingValue]) -> Rating:
    """The documented policy: best quality tier present, then highest upper bound."""
    credible = [v for v in values if v.quality != "unconfirmed"]
    pool = credible or values
    used = max(parse_rating(v.value)[1] for v in pool)
    return Rating(used=used, unconfirmed=not credible, values=tuple(values))


class Ingredient(BaseModel):
    """One curated ingredient with everything the rules need."""

    model_config = ConfigDict(frozen=True)

    inci: str
    aliases: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    notes: str = ""
    family_file: str = ""
    comedogenic: Rating | None = None
    irritancy: Rating | None = None
    occlusive: Occlusive | None = None
    occlusive_sources: tuple[str, ...] = ()
    classes: frozenset[str] = frozenset()
    class_sources: tuple[str, ...] = ()
    #: False for an ingredient known only from the inventory (or a naming
    #: family, or an ambiguous common name): no rating, no class, nothing curated.
    curated: bool = True
    #: CAS number(s) from the inventory, as it writes them ("56-81-5"), if any.
    cas: str | None = None
    #: The inventory's own spelling (upper case), when the inventory lists it.
    inventory_name: str | None = None
    #: The inventory's function words as written ("Skin Conditioning - Emollient").
    inventory_functions: tuple[str, ...] = ()

    @property
    def primary_function(self) -> str:
        """The main job, or "" when unknown: the inventory lists an ingredient's
        functions alphabetically ("Fragrance, Skin Conditioning, Skin
        Protecting" for cod liver oil), so for an ingredient known only from
        it, the first of several is no main one."""
        if not self.functions or (not self.curated and len(self.functions) > 1):
            return ""
        return self.functions[0]


@dataclass(frozen=True)
class Selector:
    """A parsed rule selector such as ``class:aha|bha``."""

    kind: str
    values: frozenset[str]
    text: str

    @property
    def specificity(self) -> int:
        return 2 if self.kind == "inci" else 1

    def matches(self, ingredient: Ingredient) -> bool:
        if self.kind == "inci":
            return ingredient.inci in self.values
        if self.kind == "class":
            return not self.values.isdisjoint(ingredient.classes)
        if self.kind == "occlusive":
            return ingredient.occlusive in self.values
        if self.kind == "function":
            return not self.values.isdisjoint(ingredient.functions)
        if self.kind == "primary":
            return ingredient.primary_function in self.values
        if self.kind == "active":
            return bool(ingredient.classes)
        return False
