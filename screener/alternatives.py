"""Milia-friendly substitutes for flagged ingredients.

First the curated swaps of ``rules/substitutes.csv`` (REFERENCE.md §4), then,
if fewer than three, ingredients that share the flagged one's primary function
and screen clean: a credible comedogenic rating of 0 or 1, not a heavy or
moderate occlusive, not an active. Every suggestion therefore screens clean
itself (tested over the whole database).
"""

from __future__ import annotations

from functools import lru_cache

from .database import Database, Ingredient
from .models import Alternative, Finding, Suggestion

MAX_SUGGESTIONS = 3


def screens_clean(ingredient: Ingredient) -> bool:
    rating = ingredient.comedogenic
    return (
        rating is not None
        and not rating.unconfirmed
        and rating.used <= 1
        and ingredient.occlusive not in ("heavy", "moderate")
    )


@lru_cache(maxsize=8)
def _clean_by_function(db: Database) -> dict[str, list[Ingredient]]:
    index: dict[str, list[Ingredient]] = {}
    for ingredient in db.ingredients:
        if screens_clean(ingredient) and not ingredient.classes:
            index.setdefault(ingredient.primary_function, []).append(ingredient)
    for items in index.values():
        items.sort(key=lambda i: (i.comedogenic.used if i.comedogenic else 9, i.inci))
    return index


def suggest_for(ingredient: Ingredient, db: Database, exclude: set[str]) -> list[Suggestion]:
    suggestions: list[Suggestion] = []
    taken = set(exclude) | {ingredient.inci}
    for row in db.substitutes:
        if len(suggestions) >= MAX_SUGGESTIONS:
            break
        if row.substitute in taken or not db.selector(row.replaces).matches(ingredient):
            continue
        substitute = db.by_inci[row.substitute]
        if not screens_clean(substitute):
            continue
        taken.add(row.substitute)
        suggestions.append(Suggestion(inci=row.substitute, why=row.why, sources=list(row.sources)))
    if len(suggestions) < MAX_SUGGESTIONS and ingredient.primary_function:
        pool = _clean_by_function(db).get(ingredient.primary_function, [])
        for candidate in pool:
            if len(suggestions) >= MAX_SUGGESTIONS:
                break
            if candidate.inci in taken:
                continue
            taken.add(candidate.inci)
            rating = candidate.comedogenic
            assert rating is not None
            suggestions.append(
                Suggestion(
                    inci=candidate.inci,
                    why=(
                        f"Same main function ({candidate.primary_function.replace('_', ' ')}); "
                        f"rated {rating.used}/5 for comedogenicity and not a heavy occlusive."
                    ),
                    sources=rating.sources,
                )
            )
    return suggestions


def alternatives_for(findings: list[Finding], db: Database, present: set[str]) -> list[Alternative]:
    out: list[Alternative] = []
    done: set[str] = set()
    for finding in findings:
        if finding.kind not in ("comedogenic", "occlusive"):
            continue
        for name in finding.ingredients:
            if name in done or name not in db.by_inci:
                continue
            done.add(name)
            suggestions = suggest_for(db.by_inci[name], db, exclude=present)
            if suggestions:
                out.append(Alternative(replaces=name, suggestions=suggestions))
    return out
