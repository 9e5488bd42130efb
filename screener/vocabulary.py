"""Closed vocabularies shared by the database, rules and reports."""

from __future__ import annotations

from typing import Literal

FUNCTIONS: frozenset[str] = frozenset(
    """
    abrasive absorbent anticaking antifoaming antimicrobial antioxidant antiperspirant
    antiseborrhoeic antistatic astringent binding bleaching buffering bulking chelating
    cleansing colorant denaturant deodorant emollient emulsifying emulsion_stabilising
    exfoliating film_forming flavouring foam_boosting foaming gel_forming hair_conditioning
    humectant hydrotrope keratolytic masking moisturising nail_conditioning occlusive
    opacifying oral_care oxidising pearlescent perfuming ph_adjusting plasticiser
    preservative propellant reducing refatting refreshing skin_conditioning skin_protecting
    smoothing solvent soothing surfactant tonic uv_absorber uv_filter viscosity_controlling
    active not_reported light_stabilising
    """.split()
)

ACTIVE_CLASSES: frozenset[str] = frozenset(
    """
    retinoid retinoid_prescription retinoid_cosmetic aha bha pha benzoyl_peroxide
    l_ascorbic_acid vitamin_c_derivative copper_peptide hydroquinone niacinamide resorcinol
    sulfur sulfone azelaic_acid drying_alcohol physical_exfoliant vitamin_a_eu
    salicylate_preservative antibiotic corticosteroid alpha_agonist antiparasitic
    oxidising_agent antiandrogen depigmenting
    """.split()
)

#: What an ingredient does in one formula (place.py): its full roles, then the
#: minor roles an active-class ingredient plays at low level (severity.toml [roles]).
ROLES: frozenset[str] = frozenset(
    {"active", "ingredient", "preservative", "ph_adjuster", "antioxidant"}
)

OCCLUSIVE_CLASSES: tuple[str, ...] = ("heavy", "moderate", "light", "none")

CONTEXTS: tuple[str, ...] = ("eye-area", "pregnancy", "infant", "post-procedure", "fungal-acne")

PRODUCT_TYPES: tuple[str, ...] = ("leave-on", "rinse-off")

SEVERITIES: tuple[str, ...] = ("info", "caution", "avoid")

Severity = Literal["info", "caution", "avoid"]
FindingKind = Literal[
    "comedogenic", "occlusive", "conflict", "context", "allergen", "fungal-acne", "avoid-list"
]
MatchKind = Literal["exact", "alias", "family", "fuzzy", "unknown"]
Context = Literal["eye-area", "pregnancy", "infant", "post-procedure", "fungal-acne"]
ProductType = Literal["leave-on", "rinse-off"]
Scope = Literal["product", "routine", "both"]
Occlusive = Literal["heavy", "moderate", "light", "none"]
SourceKind = Literal["primary", "regulation", "compiled", "secondary", "low"]
RatingQuality = Literal["primary", "compiled", "unconfirmed"]

#: Match kinds that count as recognised (guesses and unknowns do not).
RECOGNISED_KINDS: frozenset[str] = frozenset({"exact", "alias", "family"})

SEVERITY_RANK: dict[str, int] = {"info": 0, "caution": 1, "avoid": 2}


def worst(severities: list[str]) -> str | None:
    """The most severe of a list of severities, or None for an empty list."""
    if not severities:
        return None
    return max(severities, key=SEVERITY_RANK.__getitem__)
