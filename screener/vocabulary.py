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
    salicylate_preservative antibiotic corticosteroid corticosteroid_potent
    corticosteroid_mild alpha_agonist antiparasitic oxidising_agent antiandrogen depigmenting
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
MatchKind = Literal["exact", "alias", "common", "family", "inventory", "fuzzy", "unknown"]
#: Match kinds that count as recognised (a guess or an unknown does not).
RECOGNISED_KINDS: frozenset[str] = frozenset({"exact", "alias", "common", "family", "inventory"})
#: Every match kind, in the order reports and coverage list them.
MATCH_KINDS: tuple[str, ...] = (
    "exact",
    "alias",
    "common",
    "family",
    "inventory",
    "fuzzy",
    "unknown",
)
Context = Literal["eye-area", "pregnancy", "infant", "post-procedure", "fungal-acne"]
ProductType = Literal["leave-on", "rinse-off"]
Scope = Literal["product", "routine", "both"]
Occlusive = Literal["heavy", "moderate", "light", "none"]
SourceKind = Literal["primary", "regulation", "compiled", "secondary", "low"]
RatingQuality = Literal["primary", "compiled", "unconfirmed"]

# CosIng function words (as the inventory export writes them, case-folded) → the
# project's FUNCTIONS. A word mapped to () is known and deliberately dropped: it
# names a hair, nail or oral-care job no rule reads (the raw words are kept on
# the ingredient as ``inventory_functions``).
COSING_FUNCTIONS: dict[str, tuple[str, ...]] = {
    "abrasive": ("abrasive",),
    "absorbent": ("absorbent",),
    "adhesive": ("binding",),
    "anti-seborrheic": ("antiseborrhoeic",),
    "anti-seborrhoeic": ("antiseborrhoeic",),
    "anti-sebum": ("antiseborrhoeic",),
    "anticaking": ("anticaking",),
    "anticorrosive": (),
    "antidandruff": (),
    "antifoaming": ("antifoaming",),
    "antimicrobial": ("antimicrobial",),
    "antioxidant": ("antioxidant",),
    "antiperspirant": ("antiperspirant",),
    "antiplaque": ("oral_care",),
    "antistatic": ("antistatic",),
    "astringent": ("astringent",),
    "binding": ("binding",),
    "bleaching": ("bleaching",),
    "buffering": ("buffering",),
    "bulking": ("bulking",),
    "chelating": ("chelating",),
    "cleansing": ("cleansing",),
    "colorant": ("colorant",),
    "cosmetic colorant": ("colorant",),
    "denaturant": ("denaturant",),
    "deodorant": ("deodorant",),
    "depilatory": (),
    "detangling": ("hair_conditioning",),
    "dispersing non-surfactant": (),
    "emollient": ("emollient",),
    "emulsifying": ("emulsifying",),
    "emulsion stabilising": ("emulsion_stabilising",),
    "exfoliating": ("exfoliating",),
    "eyelash conditioning": (),
    "film forming": ("film_forming",),
    "flavouring": ("flavouring",),
    "foam boosting": ("foam_boosting",),
    "foaming": ("foaming",),
    "fragrance": ("perfuming",),
    "gel forming": ("gel_forming",),
    "hair conditioning": ("hair_conditioning",),
    "hair dyeing": (),
    "hair fixing": (),
    "hair waving or straightening": (),
    "humectant": ("humectant",),
    "hydrotrope": ("hydrotrope",),
    "keratolytic": ("keratolytic",),
    "light stabilizer": ("light_stabilising",),
    "masking": ("masking",),
    "moisturising": ("moisturising",),
    "nail conditioning": ("nail_conditioning",),
    "nail sculpting": (),
    "not reported": ("not_reported",),
    "opacifying": ("opacifying",),
    "oral care": ("oral_care",),
    "oxidising": ("oxidising",),
    "pearlescent": ("pearlescent",),
    "perfuming": ("perfuming",),
    "ph adjusters": ("ph_adjusting",),
    "plasticiser": ("plasticiser",),
    "preservative": ("preservative",),
    "propellant": ("propellant",),
    "reducing": ("reducing",),
    "refatting": ("refatting",),
    "refreshing": ("refreshing",),
    "skin conditioning": ("skin_conditioning",),
    "skin conditioning - emollient": ("emollient",),
    "skin conditioning - humectant": ("humectant",),
    "skin conditioning - miscellaneous": ("skin_conditioning",),
    "skin conditioning - occlusive": ("occlusive",),
    "skin protecting": ("skin_protecting",),
    "slip modifier": ("smoothing",),
    "smoothing": ("smoothing",),
    "solvent": ("solvent",),
    "soothing": ("soothing",),
    "surface modifier": (),
    "surfactant": ("surfactant",),
    "surfactant - cleansing": ("cleansing", "surfactant"),
    "surfactant - dispersing": ("surfactant",),
    "surfactant - emulsifying": ("emulsifying", "surfactant"),
    "surfactant - foam boosting": ("foam_boosting", "surfactant"),
    "surfactant - hydrotrope": ("hydrotrope", "surfactant"),
    "surfactant - solubilizing": ("surfactant",),
    "tanning": (),
    "tonic": ("tonic",),
    "uv absorber": ("uv_absorber",),
    "uv filter": ("uv_filter",),
    "viscosity controlling": ("viscosity_controlling",),
}


def cosing_functions(words: str) -> tuple[str, ...]:
    """``"Skin Conditioning, Surfactant - Cleansing"`` → the project's functions, in order.

    A word missing from COSING_FUNCTIONS raises KeyError: the refresh script and a
    test check every word of the shipped inventory is mapped (or dropped) on purpose.
    """
    out: list[str] = []
    for word in words.split(","):
        word = " ".join(word.split()).casefold()
        if word:
            out += [f for f in COSING_FUNCTIONS[word] if f not in out]
    return tuple(out)


SEVERITY_RANK: dict[str, int] = {"info": 0, "caution": 1, "avoid": 2}


def worst(severities: list[str]) -> str | None:
    """The most severe of a list of severities, or None for an empty list."""
    if not severities:
        return None
    return max(severities, key=SEVERITY_RANK.__getitem__)
