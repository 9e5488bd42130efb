"""Pydantic models at the edges: what screen() and screen_routine() return.

These are the public contract (``ProductReport.model_dump()`` and
``model_dump_json()``); keep field names stable.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .vocabulary import FindingKind, MatchKind, Severity


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Frozen: one instance is shared by every report listing the ingredient
# (views._entry_fields). A comment, not a docstring: it is no part of the schema.
class RatingSource(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: str
    source: str
    quality: str
    note: str = ""


class IngredientResult(_Model):
    """One printed entry and what the database says about it."""

    text: str = Field(description="the entry as printed on the label")
    inci: str | None = Field(description="canonical INCI name, or None when unknown")
    match: MatchKind
    confidence: float
    position: int = Field(description="1-based position among declared entries")
    may_contain: bool = False
    annotations: list[str] = []
    family: str | None = None
    functions: list[str] = []
    comedogenic: int | None = Field(None, description="the rating used (policy), None = unknown")
    comedogenic_unconfirmed: bool = False
    comedogenic_sources: list[RatingSource] = []
    irritancy: int | None = None
    occlusive: str | None = None
    active_classes: list[str] = []
    flag: Severity | None = Field(None, description="worst severity of a finding naming it")


class Finding(_Model):
    kind: FindingKind
    severity: Severity
    ingredients: list[str]
    reason: str
    advice: str
    sources: list[str]
    rule: str = ""
    context: str | None = None
    products: list[str] = Field(default_factory=list, description="routine: the products involved")
    evidence: str | None = Field(
        None,
        description="strongest evidence behind it: primary study, review or guideline, "
        "ingredient database or unverified list",
    )


class Suggestion(_Model):
    inci: str
    why: str
    sources: list[str] = []


class Alternative(_Model):
    replaces: str
    suggestions: list[Suggestion]


class Verdict(_Model):
    label: str
    worst: Severity | None
    counts: dict[str, int]
    by_kind: dict[str, int]
    confidence: float
    confidence_label: str
    recognised_share: float
    unknown: int
    guessed: int
    summary: str
    deciding: list[str] = Field(
        default_factory=list, description="the findings that decided the label, worst first"
    )


class ProductReport(_Model):
    name: str | None = None
    context: list[str] = []
    product_type: str | None = None
    #: Why that type: given, or read off the product's name (screener.product_type).
    product_type_reason: str | None = None
    ingredients: list[IngredientResult]
    findings: list[Finding]
    alternatives: list[Alternative]
    verdict: Verdict
    notes: list[str]
    caveats: list[str] = []

    @property
    def flagged(self) -> list[str]:
        """Canonical names named by a finding above info, in list order."""
        names: list[str] = []
        for item in self.ingredients:
            if item.flag in ("caution", "avoid") and item.inci and item.inci not in names:
                names.append(item.inci)
        return names


class Placement(_Model):
    product: str
    slot: str = Field(description="'AM', 'PM', 'AM+PM' or 'alternate days'")
    why: str


class RoutineReport(_Model):
    context: list[str] = []
    products: list[ProductReport]
    findings: list[Finding] = Field(description="clashes between products, naming both")
    arrangement: list[Placement]
    unresolved: list[str] = []
    verdict: Verdict
