"""Turn matched ingredients into findings. Every threshold and pair is data.

Four rule kinds:

* ``comedogenic`` — severity from the rating (policy in ingredients/README.md),
  the list zone (top five / middle / after the ~1% line / may-contain) and the
  product type (rinse-off lowers it). Ratings <= 1 raise nothing.
* ``occlusive``   — heavy (and moderate) occlusives raise a milia finding,
  independent of comedogenicity; stronger in the eye-area context.
* ``conflict``    — pairwise rules between actives (rules/conflicts.csv), the
  most specific rule per pair; within a product and across a routine.
* ``context``     — rules/contexts.csv, only for the contexts asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .database import ConflictRule, Database, Ingredient, Selector
from .models import Finding
from .vocabulary import SEVERITIES, SEVERITY_RANK, Severity


@dataclass(frozen=True, slots=True)
class Placed:
    """A matched ingredient at its place in one product."""

    ingredient: Ingredient
    position: int
    may_contain: bool
    zone: str


def step_down(severity: str | None, steps: int) -> Severity | None:
    if severity is None:
        return None
    rank = max(0, SEVERITY_RANK[severity] - steps)
    return SEVERITIES[rank]  # type: ignore[return-value]


def one_percent_line(
    items: Sequence[tuple[Ingredient | None, int, bool]], db: Database
) -> int | None:
    """Estimated position of the first ingredient at or below ~1% (see severity.toml)."""
    markers = set(db.severity["position"].get("one_percent_markers", []))
    for ingredient, position, may_contain in items:
        if ingredient is not None and not may_contain and ingredient.primary_function in markers:
            return position
    return None


def zone_of(position: int, may_contain: bool, line: int | None, db: Database) -> str:
    cfg = db.severity["position"]
    if may_contain:
        return "may_contain"
    if position <= int(cfg.get("top_zone_end", 5)):
        return "top"
    if (line is not None and position >= line) or position > int(cfg.get("trace_after", 15)):
        return "trace"
    return "middle"


_ZONE_TEXT = {
    "top": "among the first five ingredients, where concentrations are highest",
    "middle": "in the middle of the list",
    "trace": "after the estimated ~1% line, where concentrations are low",
    "may_contain": "in a 'may contain' block (present only in some shades)",
}


def _values_text(ingredient: Ingredient) -> str:
    rating = ingredient.comedogenic
    if rating is None:
        return ""
    parts = [f"{v.source} {v.value}" for v in rating.values]
    return "; ".join(parts)


def comedogenic_findings(placed: Iterable[Placed], db: Database, rinse_off: bool) -> list[Finding]:
    tables: dict[str, Any] = db.severity["comedogenic"]
    steps = int(db.severity["rinse_off"].get("steps_down", 1)) if rinse_off else 0
    findings = []
    for item in placed:
        rating = item.ingredient.comedogenic
        if rating is None or rating.used <= 1:
            continue
        severity = step_down(tables.get(item.zone, {}).get(str(rating.used)), steps)
        if severity is None:
            continue
        if rating.unconfirmed and severity == "avoid":
            severity = "caution"  # a single unconfirmed list never makes a verdict alone
        inci = item.ingredient.inci
        disagreement = len({v.value for v in rating.values}) > 1
        reason = (
            f"{inci} is rated {rating.used}/5 for pore-clogging (comedogenicity)"
            f"{' — an unconfirmed rating' if rating.unconfirmed else ''}; it is at position "
            f"{item.position}, {_ZONE_TEXT[item.zone]}"
            f"{', in a rinse-off product' if rinse_off else ''}. Sources: {_values_text(item.ingredient)}"
            f"{' (the sources disagree; the highest credible value is used)' if disagreement else ''}."
        )
        advice = (
            "If you are acne- or milia-prone, prefer a product without it or with it far down "
            "the list; see the alternatives below. Ratings come from rabbit-ear tests of raw "
            "materials: a finished product is not necessarily pore-clogging."
        )
        findings.append(
            Finding(
                kind="comedogenic",
                severity=severity,
                ingredients=[inci],
                reason=reason,
                advice=advice,
                sources=rating.sources,
                rule=f"comedogenic:{item.zone}:{rating.used}",
            )
        )
    return findings


def occlusive_findings(
    placed: Iterable[Placed], db: Database, rinse_off: bool, contexts: Sequence[str]
) -> list[Finding]:
    cfg: dict[str, Any] = db.severity["occlusive"]
    steps = int(db.severity["rinse_off"].get("steps_down", 1)) if rinse_off else 0
    eye = "eye-area" in contexts
    findings = []
    for item in placed:
        cls = item.ingredient.occlusive
        if cls not in ("heavy", "moderate"):
            continue
        severity = cfg.get(item.zone, {}).get(cls)
        if eye and item.zone in ("top", "middle"):
            severity = cfg.get("eye_area", {}).get(cls, severity)
        elif eye and severity is not None:
            severity = step_down(severity, -1) if cls == "heavy" else severity
        severity = step_down(severity, steps)
        if severity is None:
            continue
        inci = item.ingredient.inci
        heavy = cls == "heavy"
        reason = (
            f"{inci} is a {cls} occlusive: it forms a film that holds water in"
            f"{' (petrolatum is the reference occlusive)' if inci == 'Petrolatum' else ''}. "
            "Heavy, occlusive creams are linked to secondary milia, above all around the eyes"
            f"{' — and you asked about the eye area' if eye else ''}. This is separate from "
            f"pore-clogging: {inci} "
            + (
                f"is rated {item.ingredient.comedogenic.used}/5 for comedogenicity."
                if item.ingredient.comedogenic
                else "has no published comedogenic rating."
            )
            + f" It is at position {item.position}, {_ZONE_TEXT[item.zone]}."
        )
        advice = (
            "On milia-prone skin, and near the eyes, prefer a light, oil-free texture: a humectant "
            "(glycerin, sodium hyaluronate) with a light film-former (dimethicone, squalane)."
            if heavy
            else "Usually fine; if you get milia, choose lighter textures where the skin is prone."
        )
        sources = sorted(set(item.ingredient.occlusive_sources) | set(cfg.get("sources", [])))
        findings.append(
            Finding(
                kind="occlusive",
                severity=severity,
                ingredients=[inci],
                reason=reason,
                advice=advice,
                sources=sources,
                rule=f"occlusive:{cls}:{item.zone}{':eye-area' if eye else ''}",
            )
        )
    return findings


def _rule_matches(rule: ConflictRule, db: Database, first: Ingredient, second: Ingredient) -> int:
    """Specificity (> 0) when the rule covers the pair in either order, else 0."""
    a: Selector = db.selector(rule.a)
    b: Selector = db.selector(rule.b)
    if a.matches(first) and b.matches(second) or a.matches(second) and b.matches(first):
        return a.specificity + b.specificity
    return 0


def conflict_rules_for(
    db: Database, first: Ingredient, second: Ingredient, scopes: Sequence[str]
) -> list[ConflictRule]:
    """The most specific conflict rules covering two different ingredients."""
    if first.inci == second.inci or not first.classes or not second.classes:
        return []
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
    return [r for r in best if r.scope in scopes]


def conflict_finding(
    rule: ConflictRule, names: list[str], products: list[str] | None = None
) -> Finding:
    where = (
        f"between {products[0]} and {products[1]}"
        if products and len(products) == 2
        else "in this product"
    )
    return Finding(
        kind="conflict",
        severity=rule.severity,
        ingredients=names,
        reason=f"{' + '.join(names)} {where}: {rule.mechanism}",
        advice=rule.advice,
        sources=list(rule.sources),
        rule=rule.id,
        products=products or [],
    )


def product_conflicts(placed: Sequence[Placed], db: Database) -> list[Finding]:
    actives = [p.ingredient for p in placed if p.ingredient.classes and not p.may_contain]
    unique = list({i.inci: i for i in actives}.values())
    findings = []
    seen: set[tuple[str, str, str]] = set()
    for i, first in enumerate(unique):
        for second in unique[i + 1 :]:
            for rule in conflict_rules_for(db, first, second, ("product", "both")):
                key = (rule.id, *sorted((first.inci, second.inci)))
                if key in seen:
                    continue
                seen.add(key)  # type: ignore[arg-type]
                findings.append(conflict_finding(rule, [first.inci, second.inci]))
    return findings


def context_findings(
    placed: Sequence[Placed], db: Database, contexts: Sequence[str]
) -> list[Finding]:
    findings = []
    for context in contexts:
        for rule in db.contexts:
            if rule.context != context:
                continue
            selector = db.selector(rule.target)
            names = [
                p.ingredient.inci
                for p in placed
                if not p.may_contain and selector.matches(p.ingredient)
            ]
            names = list(dict.fromkeys(names))
            if not names:
                continue
            findings.append(
                Finding(
                    kind="context",
                    severity=rule.severity,
                    ingredients=names,
                    reason=f"{context}: {', '.join(names)} — {rule.reason}",
                    advice=rule.advice,
                    sources=list(rule.sources),
                    rule=rule.id,
                    context=context,
                )
            )
    return findings


def sort_findings(findings: list[Finding]) -> list[Finding]:
    order = {"conflict": 0, "context": 1, "occlusive": 2, "comedogenic": 3}
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], order[f.kind]))
