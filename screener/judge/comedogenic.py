"""Comedogenic findings: a sourced 0-5 rating, its amount, its evidence.

Policy (ingredients/README.md, numbers in rules/severity.toml [comedogenic]):
the rating picked by the rating policy and the zone give a severity; then the
caps — a rating backed only by unconfirmed or unverified lists is info at
most, a rating of 2 or less is info at most — and only then rinse-off lowers
the result, so a cap can never be undone by the product type.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ..database import Database, Ingredient
from ..options import Options
from ..place import Placed, Placement
from ..vocabulary import Severity
from .base import Judgement, cap, evidence_grade, remembered, rinse_off_steps, step_down, where

ADVICE = (
    "If you are acne- or milia-prone, prefer a product without it or with it far down "
    "the list; see the alternatives below. Ratings come from rabbit-ear tests of raw "
    "materials: a finished product is not necessarily pore-clogging."
)


def values_text(ingredient: Ingredient, db: Database) -> str:
    """Every source's value, each with its evidence grade; an unverified list is
    named as such, never by its (scrape) identity."""
    rating = ingredient.comedogenic
    if rating is None:
        return ""
    parts = []
    for v in rating.values:
        row = db.sources.get(v.source)
        weak = v.quality == "unconfirmed" or (row is not None and row.kind == "low")
        label = "an unverified list" if weak else f"{v.source} ({evidence_grade(db, [v.source])})"
        parts.append(f"{v.value} from {label}")
    return "; ".join(parts)


def weak_evidence(ingredient: Ingredient, db: Database) -> bool:
    """Only unconfirmed ratings, or only sources graded 'low' in the bibliography."""
    rating = ingredient.comedogenic
    if rating is None:
        return True
    if rating.unconfirmed:
        return True
    used = [v for v in rating.values if v.quality != "unconfirmed"]
    kinds = {db.sources[v.source].kind for v in used if v.source in db.sources}
    return bool(kinds) and kinds <= {"low"}


def _reason(item: Placed, db: Database, options: Options, low_max: int, weak: bool) -> str:
    """The finding's explanation, built only when a report asks for it."""
    rating = item.ingredient.comedogenic
    assert rating is not None
    caps = []
    if weak:
        caps.append("the rating rests only on unconfirmed lists, so it is shown, not counted")
    elif rating.used <= low_max:
        caps.append(f"a rating of {low_max} or less is low")
    disagreement = len({v.value for v in rating.values}) > 1
    return (
        f"{item.ingredient.inci} is rated {rating.used}/5 for pore-clogging (comedogenicity); "
        f"it is {where(item)}{', in a rinse-off product' if options.rinse_off else ''}"
        f"{' (' + '; '.join(caps) + ')' if caps else ''}. Ratings: "
        f"{values_text(item.ingredient, db)}"
        f"{' (the sources disagree; the highest credible value is used)' if disagreement else ''}."
    )


def _facts(ingredient: Ingredient, db: Database) -> tuple[bool, tuple[str, ...], str | None]:
    """Weak evidence?, its sources, its evidence grade (read once per remembered
    outcome, so not remembered itself)."""
    rating = ingredient.comedogenic
    assert rating is not None
    weak = weak_evidence(ingredient, db)
    sources = tuple(rating.sources)
    return weak, sources, "unverified list" if weak else evidence_grade(db, sources)


#: What one ingredient at one zone gets: (severity, sources, evidence grade,
#: rule, weak evidence?), or None for no finding.
_Outcome = tuple[Severity, tuple[str, ...], str | None, str, bool] | None


def _outcome(
    ingredient: Ingredient, zone: str, printed: bool, rinse_off: bool, db: Database
) -> _Outcome:
    """The policy for one (ingredient, zone, printed amount?, rinse-off?)."""
    rating = ingredient.comedogenic
    assert rating is not None
    sev: dict[str, Any] = db.severity
    tables: dict[str, Any] = sev["comedogenic"]
    severity = tables.get(zone, {}).get(str(rating.used))
    if severity is None:
        return None
    weak, sources, grade = _facts(ingredient, db)
    if weak or rating.used <= _low_max(db):
        severity = cap(severity, "info")
    if printed and zone == "middle":
        # A printed moderate amount (1-5%) is a reason for care, not to avoid.
        severity = cap(severity, str(tables.get("printed_middle_max", "caution")))
    severity = step_down(severity, rinse_off_steps(db, rinse_off))
    if severity is None:
        return None
    return severity, sources, grade, f"comedogenic:{zone}:{rating.used}", weak


def comedogenic_findings(placement: Placement, db: Database, options: Options) -> list[Judgement]:
    findings = []
    rinse_off = options.rinse_off
    for item in placement.placed:
        ingredient, zone, printed = item.ingredient, item.zone, item.basis == "percent"
        rating = ingredient.comedogenic
        if rating is None or rating.used <= 1:
            continue
        # The policy depends on (ingredient, zone, printed amount?, rinse-off?) alone;
        # the reason, which names the position, is built lazily.
        outcome = remembered(
            db,
            "comedogenic_outcomes",
            (ingredient.inci, zone, printed, rinse_off),
            partial(_outcome, ingredient, zone, printed, rinse_off, db),
        )
        if outcome is None:
            continue
        severity, sources, grade, rule, weak = outcome
        findings.append(
            Judgement(
                kind="comedogenic",
                severity=severity,
                ingredients=(ingredient.inci,),
                reason="",
                advice=ADVICE,
                sources=sources,
                rule=rule,
                evidence=grade,
                explain=partial(_reason, item, db, options, _low_max(db), weak),
            )
        )
    return findings


def _low_max(db: Database) -> int:
    return int(db.severity["comedogenic"].get("low_rating_max", 2))
