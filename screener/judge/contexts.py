"""Context findings: rules/contexts.csv, only for the contexts asked for.

A rule applies to an ingredient in the role and at the level the rule names
(``roles``, ``min_percent``): trace lactic acid used as a pH adjuster is not an
exfoliant after a procedure, and salicylic acid at preservative level is not
the salicylic acid the EU bars for children under three.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..database import ContextRule, Database, Ingredient
from ..options import Options
from ..place import Placed, Placement
from .base import Judgement, db_cache, evidence_grade, rinse_off_steps, step_down

FULL_ROLES = frozenset({"active", "ingredient"})


def role_applies(roles: Sequence[str], role: str) -> bool:
    """Does a rule naming ``roles`` (empty: the full roles) apply to this role?"""
    return role in roles if roles else role in FULL_ROLES


def rules_matching(
    db: Database, ingredient: Ingredient, contexts: tuple[str, ...]
) -> tuple[ContextRule, ...]:
    """The context rules whose target selects this ingredient (cached: the
    selector test is the costly part, the role and level test is cheap)."""
    cache = db_cache(db, "context_rules")
    key = (id(ingredient), contexts)
    found = cache.get(key)
    if found is None:
        found = cache[key] = tuple(
            rule
            for rule in db.contexts
            if rule.context in contexts and db.selector(rule.target).matches(ingredient)
        )
    return found


def applies(rule: ContextRule, item: Placed) -> bool:
    if item.may_contain or not role_applies(rule.roles, item.role):
        return False
    if rule.zones and item.zone not in rule.zones:
        return False
    if rule.min_percent is not None:
        return item.percent is not None and item.percent >= rule.min_percent
    return True


def context_findings(placement: Placement, db: Database, options: Options) -> list[Judgement]:
    if not options.contexts:
        return []
    named: dict[str, list[str]] = {}
    levels: dict[str, str] = {}
    by_id: dict[str, ContextRule] = {}
    for item in placement.placed:
        for rule in rules_matching(db, item.ingredient, options.contexts):
            if applies(rule, item):
                by_id[rule.id] = rule
                names = named.setdefault(rule.id, [])
                if item.ingredient.inci not in names:
                    names.append(item.ingredient.inci)
                    if item.percent is not None and len(names) == 1:
                        levels[rule.id] = f" (printed at {item.percent:g}%)"
    findings = []
    # A rule marked rinse_off "step" is lowered for a rinse-off product (short contact).
    steps = rinse_off_steps(db, options.rinse_off)
    for context in options.contexts:
        for rule in db.contexts:
            names = named.get(rule.id, []) if rule.context == context else []
            if not names:
                continue
            severity = rule.severity
            rinsed = ""
            if steps and rule.rinse_off == "step":
                severity = step_down(severity, steps) or severity
                rinsed = (
                    " In a rinse-off product it stays on the skin only briefly: one step lower."
                )
            findings.append(
                Judgement(
                    kind="context",
                    severity=severity,
                    ingredients=tuple(names),
                    reason=f"{context}: {', '.join(names)}{levels.get(rule.id, '')} — "
                    f"{rule.reason}{rinsed}",
                    advice=rule.advice,
                    sources=tuple(rule.sources),
                    rule=rule.id,
                    context=context,
                    evidence=evidence_grade(db, rule.sources),
                )
            )
    return findings
