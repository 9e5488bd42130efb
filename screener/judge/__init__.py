"""Stage 5, judge: placed ingredients → findings, one small module per kind.

Each kind is a function ``(placement, db, options) -> list[Judgement]``; a new
kind is a new module listed in ``KINDS`` (and its numbers in severity.toml).
"""

from __future__ import annotations

from collections.abc import Callable

from ..database import Database, Ingredient
from ..kinds import AvoidList, avoid_hits
from ..options import Options
from ..place import Placement
from ..vocabulary import SEVERITY_RANK
from .allergens import allergen_findings, is_allergen
from .avoid import avoid_findings
from .base import Judgement, db_cache
from .comedogenic import comedogenic_findings
from .conflicts import pair_conflicts
from .contexts import context_findings, rules_matching
from .fungal import fungal_findings, is_fungal_lipid
from .occlusive import occlusion_load, occlusive_findings

KindJudge = Callable[[Placement, Database, Options], list[Judgement]]


def _product_conflicts(placement: Placement, db: Database, options: Options) -> list[Judgement]:
    return pair_conflicts(placement.placed, None, db)


#: Every kind of finding, in report order.
KINDS: tuple[KindJudge, ...] = (
    _product_conflicts,
    context_findings,
    occlusion_load,
    occlusive_findings,
    comedogenic_findings,
    avoid_findings,
    allergen_findings,
    fungal_findings,
)

KIND_ORDER = {
    "avoid-list": 0,
    "conflict": 1,
    "context": 2,
    "occlusive": 3,
    "comedogenic": 4,
    "allergen": 5,
    "fungal-acne": 6,
}


def sort_judgements(findings: list[Judgement]) -> list[Judgement]:
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], KIND_ORDER.get(f.kind, 9)))


def judge(placement: Placement, db: Database, options: Options) -> list[Judgement]:
    """All findings of one product, most severe first."""
    if not placement.placed:
        return []
    findings: list[Judgement] = []
    for kind in KINDS:
        findings.extend(kind(placement, db, options))
    return sort_judgements(findings)


def judged_always(ingredient: Ingredient, db: Database) -> bool:
    """Could a kind judge this ingredient whatever the options? (The place stage
    places only these and the option-relevant ones, so plain excipients cost little.)"""
    rating = ingredient.comedogenic
    return bool(
        (rating is not None and rating.used >= 2)
        or ingredient.occlusive in ("heavy", "moderate")
        or ingredient.classes
        or is_allergen(ingredient, db)
        or is_fungal_lipid(ingredient, db)
    )


def option_relevance(db: Database, options: Options) -> Callable[[Ingredient], bool] | None:
    """None without contexts or an avoid list; else a test: does a context rule
    select this ingredient, or the avoid list name it?"""
    contexts = options.contexts
    avoid = options.avoid
    if not contexts and (avoid is None or not avoid.entries):
        return None

    def relevant(ingredient: Ingredient) -> bool:
        if contexts and rules_matching(db, ingredient, contexts):
            return True
        return avoid is not None and avoid_matches(ingredient, avoid, db)

    return relevant


def avoid_matches(ingredient: Ingredient, avoid: AvoidList, db: Database) -> bool:
    cache = db_cache(db, "avoid_matches")
    key = (id(avoid), ingredient.inci)
    found = cache.get(key)
    if found is None:
        found = cache[key] = bool(avoid_hits([ingredient], avoid, db))
    return found


__all__ = [
    "KINDS",
    "Judgement",
    "option_relevance",
    "judge",
    "judged_always",
    "sort_judgements",
]
