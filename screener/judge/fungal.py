"""Fungal-acne (Malassezia folliculitis) findings: lipids the yeast can grow on.

Rules over lipid class and chain length (rules/fungal_acne.csv, from in-vitro
growth studies: screener/kinds/fungal.py). A finding decides the verdict only
when the person asked for the ``fungal-acne`` context; otherwise it is info.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ..database import Database, Ingredient
from ..kinds import FungalHit, fungal_hits
from ..options import Options
from ..place import Placement
from ..vocabulary import SEVERITY_RANK
from .base import Judgement, db_cache, has_table

CONTEXT = "fungal-acne"
EVIDENCE_WORDS = {
    "in_vitro": "primary study",
    "clinical": "primary study",
    "review": "review or guideline",
    "expert_opinion": "review or guideline",
}


def hit_for(
    ingredient: Ingredient, db: Database, cache: dict[str, Any] | None = None
) -> FungalHit | None:
    cache = db_cache(db, "fungal_hits") if cache is None else cache
    if ingredient.inci not in cache:
        hits = fungal_hits([ingredient.inci], db) if has_table(db, "rules/fungal_acne.csv") else []
        cache[ingredient.inci] = hits[0] if hits else None
    return cache[ingredient.inci]  # type: ignore[no-any-return]


def is_fungal_lipid(ingredient: Ingredient, db: Database) -> bool:
    hit = hit_for(ingredient, db)
    return hit is not None and hit.effect == "supports_growth"


def _reason(triggers: tuple[FungalHit, ...], in_vitro: bool, asked: bool) -> str:
    """The finding's explanation, built only when a report asks for it."""
    chains = [f"{h.inci} ({h.chain_length})" if h.chain_length else h.inci for h in triggers]
    return (
        f"{'; '.join(chains)}: lipids that Malassezia yeasts can use for growth "
        f"({triggers[0].reason})"
        + (" The evidence is from laboratory growth studies only (in vitro);" if in_vitro else "")
        + " no clinical study links one cosmetic ingredient to fungal acne, and what a finished "
        "product does is unknown."
        + ("" if asked else " Shown for information: choose the fungal-acne context to weigh it.")
    )


def fungal_findings(placement: Placement, db: Database, options: Options) -> list[Judgement]:
    cfg: dict[str, Any] = db.severity.get("fungal_acne", {})
    asked = CONTEXT in options.contexts
    triggers: list[FungalHit] = []
    cache = db_cache(db, "fungal_hits")
    for item in placement.placed:
        if item.may_contain or item.zone == "trace" and not asked:
            continue
        hit = hit_for(item.ingredient, db, cache)
        if hit is not None and hit.effect == "supports_growth":
            triggers.append(hit)
    if not triggers:
        return []
    worst = max((h.severity for h in triggers), key=SEVERITY_RANK.__getitem__)
    severity = worst if asked else "info"
    names = tuple(h.inci for h in triggers)
    in_vitro = all(h.evidence == "in_vitro" for h in triggers)
    sources = tuple(dict.fromkeys([s for h in triggers for s in h.sources]))
    evidence = (
        EVIDENCE_WORDS.get(triggers[0].evidence, "primary study") if in_vitro else ("primary study")
    )
    return [
        Judgement(
            kind="fungal-acne",
            severity=severity,  # type: ignore[arg-type]
            ingredients=names,
            reason="",
            explain=partial(_reason, tuple(triggers), in_vitro, asked),
            advice=str(
                cfg.get(
                    "advice",
                    "If a doctor diagnosed Malassezia (fungal) folliculitis, prefer products "
                    "without these lipids (short-chain triglycerides, squalane and silicones "
                    "are the usual oil-free choices) and ask about antifungal treatment.",
                )
            ),
            sources=sources,
            rule="fungal-acne:" + ",".join(dict.fromkeys(h.rule for h in triggers)),
            context=CONTEXT if asked else None,
            evidence=evidence,
        )
    ]
