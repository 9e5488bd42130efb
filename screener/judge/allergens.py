"""Allergen findings: the EU labellable fragrance allergens (Reg. (EU) 2023/1545).

Reported in every screen as info; in the contexts where fragrance matters most
(eye area, after a procedure, infant skin: severity.toml [allergen]) they are a
reason for care. Oils that carry listed allergens are named separately.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ..database import Database, Ingredient
from ..kinds import AllergenHit, allergen_hits
from ..kinds.allergens import allergen_table
from ..options import Options
from ..place import Placement
from ..vocabulary import Severity
from .base import Judgement, db_cache, evidence_grade, has_table, remembered


def hits_for(
    ingredient: Ingredient, db: Database, cache: dict[str, Any] | None = None
) -> tuple[AllergenHit, ...]:
    cache = db_cache(db, "allergen_hits") if cache is None else cache
    found = cache.get(ingredient.inci)
    if found is None:
        found = cache[ingredient.inci] = (
            tuple(allergen_hits([ingredient.inci], db))
            if has_table(db, "rules/allergens.csv")
            else ()
        )
    return found


def is_allergen(ingredient: Ingredient, db: Database) -> bool:
    return bool(hits_for(ingredient, db))


def _asked_text(asked: tuple[str, ...]) -> str:
    return f" — and you asked about {', '.join(asked)}" if asked else ""


def _listed_reason(listed: tuple[str, ...], asked: tuple[str, ...], rinse_off: bool) -> str:
    """The reason of the listed-allergens finding, built only when a report asks."""
    threshold = "0.01% in a rinse-off product" if rinse_off else "0.001% in a leave-on product"
    return (
        f"{', '.join(listed)}: EU-labellable fragrance allergen"
        f"{'s' if len(listed) > 1 else ''} (Regulation (EU) 2023/1545, Annex III), "
        f"named on labels above {threshold}. They matter to a person sensitised "
        f"to them{_asked_text(asked)}."
    )


def _carried_reason(carried: dict[str, list[str]], asked: tuple[str, ...]) -> str:
    parts = [f"{inci} (carries {', '.join(names)})" for inci, names in carried.items()]
    return (
        f"{'; '.join(parts)}: natural extracts that contain listed fragrance "
        f"allergens (SCCS/1459/11){_asked_text(asked)}."
    )


def _policy(db: Database) -> tuple[bool, frozenset[str], Severity, tuple[str, ...]]:
    """Has the table?, the contexts that raise it, their severity, its sources:
    read once per database."""
    cfg: dict[str, Any] = db.severity.get("allergen", {})
    return (
        has_table(db, "rules/allergens.csv"),
        frozenset(cfg.get("raise_in_contexts", [])),
        cfg.get("context_severity", "caution"),
        tuple(cfg.get("sources", [])),
    )


def allergen_findings(placement: Placement, db: Database, options: Options) -> list[Judgement]:
    present, raised, raised_severity, policy_sources = remembered(
        db, "policies", "allergen", partial(_policy, db)
    )
    if not present:
        return []
    cache = db_cache(db, "allergen_hits")
    placed = [item for item in placement.placed if not item.may_contain]
    hits = [
        found
        if (found := cache.get(item.ingredient.inci)) is not None
        else hits_for(item.ingredient, db, cache)
        for item in placed
    ]
    if not any(hits):
        return []
    # Role, not name: a listed allergen raises the context's care only where the
    # product is perfumed (a perfuming ingredient, or an essential oil that
    # carries allergens); benzyl alcohol as a preservative alone does not.
    perfumed = any(item.ingredient.primary_function == "perfuming" for item in placed) or any(
        hit.via != "listed" for item_hits in hits for hit in item_hits
    )
    asked = [c for c in options.contexts if c in raised] if perfumed else []
    severity: Severity = raised_severity if asked else "info"
    table = allergen_table(db)
    listed: list[str] = []
    carried: dict[str, list[str]] = {}
    sources: list[str] = list(policy_sources)
    for item, item_hits in zip(placed, hits, strict=True):
        for hit in item_hits:
            sources.extend(hit.sources)
            if hit.via == "listed":
                listed.append(item.ingredient.inci)
            else:
                carried[item.ingredient.inci] = [
                    table.allergens[a].inci for a in hit.allergens if a in table.allergens
                ]
    if not listed and not carried:
        return []
    findings = []
    unique_sources = tuple(dict.fromkeys(sources))
    grade = evidence_grade(db, unique_sources)
    if listed:
        findings.append(
            Judgement(
                kind="allergen",
                severity=severity,
                ingredients=tuple(listed),
                reason="",
                advice=(
                    "If a patch test found you allergic to one of these, avoid the product; "
                    "near the eyes, on healing skin and on babies prefer fragrance-free products."
                ),
                sources=unique_sources,
                rule="allergen:listed",
                evidence=grade,
                explain=partial(_listed_reason, tuple(listed), tuple(asked), options.rinse_off),
            )
        )
    if carried:
        findings.append(
            Judgement(
                kind="allergen",
                severity=severity,
                ingredients=tuple(carried),
                reason="",
                advice="A person allergic to those allergens may react to these extracts too.",
                sources=unique_sources,
                rule="allergen:contains",
                evidence=grade,
                explain=partial(_carried_reason, carried, tuple(asked)),
            )
        )
    return findings
