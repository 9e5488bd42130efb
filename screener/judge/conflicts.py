"""Conflict findings: pairwise rules between actives (rules/conflicts.csv).

The most specific rule per pair wins (an ``inci:`` side beats a ``class:``
side); within a product (scope product/both) and across a routine (routine/
both). Both sides must play the role the rule names: a trace of ascorbic
acid that protects a formula is an antioxidant, not a vitamin C active, and
does not clash with a benzoyl peroxide wash.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..database import ConflictRule, Database, Ingredient, Selector
from ..place import Placed
from .base import Judgement, db_cache, evidence_grade
from .contexts import role_applies


def _rule_matches(rule: ConflictRule, db: Database, first: Ingredient, second: Ingredient) -> int:
    """Specificity (> 0) when the rule covers the pair in either order, else 0."""
    a: Selector = db.selector(rule.a)
    b: Selector = db.selector(rule.b)
    if a.matches(first) and b.matches(second) or a.matches(second) and b.matches(first):
        return a.specificity + b.specificity
    return 0


def conflict_rules_for(
    db: Database, first: Ingredient, second: Ingredient, scopes: tuple[str, ...]
) -> tuple[ConflictRule, ...]:
    """The most specific conflict rules covering two different ingredients (cached)."""
    if first.inci == second.inci or not first.classes or not second.classes:
        return ()
    cache = db_cache(db, "conflict_rules")
    key = (id(first), id(second), scopes)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _most_specific(db, first, second, scopes)
    return found


def _most_specific(
    db: Database, first: Ingredient, second: Ingredient, scopes: tuple[str, ...]
) -> tuple[ConflictRule, ...]:
    best: list[ConflictRule] = []
    best_score = 0
    for rule in db.conflicts:
        score = _rule_matches(rule, db, first, second)
        if not score:
            continue
        if score > best_score:
            best, best_score = [rule], score
        elif score == best_score:
            best.append(rule)
    return tuple(r for r in best if r.scope in scopes)


def conflict_judgement(
    rule: ConflictRule, db: Database, names: Sequence[str], products: Sequence[str] = ()
) -> Judgement:
    where = f"between {products[0]} and {products[1]}" if len(products) == 2 else "in this product"
    return Judgement(
        kind="conflict",
        severity=rule.severity,
        ingredients=tuple(names),
        reason=f"{' + '.join(names)} {where}: {rule.mechanism}",
        advice=rule.advice,
        sources=tuple(rule.sources),
        rule=rule.id,
        products=tuple(products),
        evidence=evidence_grade(db, rule.sources),
    )


def actives_of(placed: Sequence[Placed]) -> list[Placed]:
    """The declared actives of one product (first placement of each)."""
    return [p for p in placed if p.ingredient.classes and not p.may_contain]


def pair_conflicts(
    first: Sequence[Placed],
    second: Sequence[Placed] | None,
    db: Database,
    products: Sequence[str] = (),
) -> list[Judgement]:
    """Clashes inside one product (``second`` None) or between two products."""
    scopes = ("product", "both") if second is None else ("routine", "both")
    findings = []
    seen: set[tuple[str, str, str]] = set()
    a_items = actives_of(first)
    for i, a in enumerate(a_items):
        partners = a_items[i + 1 :] if second is None else actives_of(second)
        for b in partners:
            for rule in conflict_rules_for(db, a.ingredient, b.ingredient, scopes):
                if not (role_applies(rule.roles, a.role) and role_applies(rule.roles, b.role)):
                    continue
                pair = (a.ingredient.inci, b.ingredient.inci)
                key = (rule.id, *(sorted(pair) if second is None else pair))
                if key in seen:
                    continue
                seen.add(key)
                findings.append(conflict_judgement(rule, db, pair, products))
    return findings
