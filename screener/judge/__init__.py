"""Stage 5, judge: placed ingredients → findings, one small module per kind.

Each kind is a function ``(placement, db, options) -> list[Judgement]``; a new
kind is a new module listed in ``KINDS`` (and its numbers in severity.toml).
"""

from __future__ import annotations

from collections.abc import Callable

from ..database import Database, Ingredient
from ..options import Options
from ..place import Placement
from ..vocabulary import SEVERITY_RANK
from .base import Judgement
from .comedogenic import comedogenic_findings
from .conflicts import pair_conflicts
from .contexts import context_findings, rules_matching
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
)

KIND_ORDER = {"conflict": 0, "context": 1, "occlusive": 2, "comedogenic": 3}


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


def judged_always(ingredient: Ingredient) -> bool:
    """Could a kind judge this ingredient whatever the options? (The place stage
    places only these and the context-relevant ones, so plain excipients cost little.)"""
    rating = ingredient.comedogenic
    return bool(
        (rating is not None and rating.used >= 2)
        or ingredient.occlusive in ("heavy", "moderate")
        or ingredient.classes
    )


def context_relevance(db: Database, options: Options) -> Callable[[Ingredient], bool] | None:
    """None without contexts; else a test: does a context rule select this ingredient?"""
    if not options.contexts:
        return None
    contexts = options.contexts
    return lambda ingredient: bool(rules_matching(db, ingredient, contexts))


__all__ = [
    "KINDS",
    "Judgement",
    "context_relevance",
    "judge",
    "judged_always",
    "sort_judgements",
]
