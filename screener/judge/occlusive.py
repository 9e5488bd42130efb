"""Occlusive findings: each heavy/moderate occlusive, and the product's occlusion load.

Independent of comedogenicity (petrolatum is rated 0 yet is the reference
occlusive). Per ingredient: severity by class and zone ([occlusive]); near the
eyes a heavy occlusive above the ~1% line is a reason to avoid. Per product:
the **occlusion load** ([occlusion_load]) — the estimated share of the formula
that is occlusive, from printed percentages or positions — marks an ointment
or an anhydrous balm, which the milia literature names as the classic cause of
secondary milia, whatever each ingredient's own finding says.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from ..database import Database, Ingredient
from ..options import Options
from ..place import Placed, Placement
from ..vocabulary import Severity
from .base import Judgement, evidence_grade, remembered, rinse_off_steps, step_down, where

HEAVY_ADVICE = (
    "On milia-prone skin, and near the eyes, prefer a light, oil-free texture: a humectant "
    "(glycerin, sodium hyaluronate) with a light film-former (dimethicone, squalane)."
)
MODERATE_ADVICE = "Usually fine; if you get milia, choose lighter textures where the skin is prone."


def _reason(item: Placed, cls: str, eye: bool) -> str:
    """The finding's explanation, built only when a report asks for it."""
    ing = item.ingredient
    inci = ing.inci
    return (
        f"{inci} is a {cls} occlusive: it forms a film that holds water in"
        f"{' (petrolatum is the reference occlusive)' if inci == 'Petrolatum' else ''}. "
        "Heavy, occlusive creams are linked to secondary milia, above all around the eyes"
        f"{' — and you asked about the eye area' if eye else ''}. This is separate from "
        f"pore-clogging: {inci} "
        + (
            f"is rated {ing.comedogenic.used}/5 for comedogenicity."
            if ing.comedogenic
            else "has no published comedogenic rating."
        )
        + f" It is {where(item)}."
    )


def _outcome(
    ingredient: Ingredient, cls: str, zone: str, eye: bool, rinse_off: bool, db: Database
) -> tuple[Severity, tuple[str, ...], str | None] | None:
    """(severity, sources, evidence grade) of one occlusive at one zone, or None."""
    sev: dict[str, Any] = db.severity
    cfg: dict[str, Any] = sev["occlusive"]
    severity = cfg.get(zone, {}).get(cls)
    if eye and zone in ("top", "middle", "unknown"):
        severity = cfg.get("eye_area", {}).get(cls, severity)
    elif eye and severity is not None and cls == "heavy":
        severity = step_down(severity, -1)
    severity = step_down(severity, rinse_off_steps(db, rinse_off))
    if severity is None:
        return None
    sources = tuple(sorted(set(ingredient.occlusive_sources) | set(cfg.get("sources", []))))
    return severity, sources, evidence_grade(db, sources)


def occlusive_findings(placement: Placement, db: Database, options: Options) -> list[Judgement]:
    eye = "eye-area" in options.contexts
    rinse_off = options.rinse_off
    findings = []
    for item in placement.placed:
        ing = item.ingredient
        cls = ing.occlusive
        if cls not in ("heavy", "moderate"):
            continue
        # The policy depends on (ingredient, zone, eye area?, rinse-off?) alone.
        outcome = remembered(
            db,
            "occlusive_outcomes",
            (ing.inci, item.zone, eye, rinse_off),
            partial(_outcome, ing, cls, item.zone, eye, rinse_off, db),
        )
        if outcome is None:
            continue
        severity, sources, grade = outcome
        findings.append(
            Judgement(
                kind="occlusive",
                severity=severity,
                ingredients=(ing.inci,),
                reason="",
                advice=HEAVY_ADVICE if cls == "heavy" else MODERATE_ADVICE,
                sources=sources,
                rule=f"occlusive:{cls}:{item.zone}{':eye-area' if eye else ''}",
                evidence=grade,
                explain=partial(_reason, item, cls, eye),
            )
        )
    return findings


def estimated_share(
    item: Placed, placement: Placement, shares: Sequence[float], middle: float, trace: float
) -> float:
    """A rough share of the formula (0-1): the printed percentage, else by position.

    A printed amount is used as is. Otherwise the position shares go by rank
    among the declared entries of its list WITHOUT a printed amount
    (``Placed.share_rank``), which together make up what the printed amounts
    leave (``Placement.unprinted_share``, R). Listed in descending order, the
    k-th of them is at most R/k of the product and the first at least R/n (n of
    them): a one-ingredient product is all that ingredient. A trace or
    alphabetical (amount unknown) entry keeps its own share; an entry of a
    drug's vehicle list, printed in no stated order, an equal share of it
    (``Placement.unordered_share``: 1/n)."""
    if item.percent is not None:
        return item.percent / 100.0
    if item.zone == "may_contain":
        return 0.0
    if placement.unordered_share is not None and item.basis == "unordered":
        return placement.unordered_share
    if item.zone == "unknown":
        return middle
    if item.zone == "trace":
        return trace
    rank = item.share_rank or item.rank or item.position
    share = shares[rank - 1] if rank <= len(shares) else middle
    if placement.lead == item.position and placement.unprinted:
        share = max(share, placement.unprinted_share / placement.unprinted)
    return min(share, placement.unprinted_share / rank)


def _load_numbers(
    cfg: dict[str, Any],
) -> tuple[list[float], float, float, dict[str, float]]:
    """severity.toml [occlusion_load]'s numbers, read once per database."""
    return (
        [float(x) for x in cfg.get("position_shares", [])],
        float(cfg.get("middle_share", 0.02)),
        float(cfg.get("trace_share", 0.005)),
        {k: float(v) for k, v in cfg.get("weights", {}).items()},
    )


def occlusion_load(placement: Placement, db: Database, options: Options) -> list[Judgement]:
    """One finding when occlusives make up most of the product (ointment, balm).

    Two signals: the estimated occlusive share of the formula (printed
    percentages, else positions), and an anhydrous product (no water or watery
    material declared) whose vehicle is its occlusives."""
    cfg: dict[str, Any] = db.severity.get("occlusion_load", {})
    if not cfg:
        return []
    shares, middle, trace, weights = remembered(
        db, "policies", "occlusion_load", partial(_load_numbers, cfg)
    )
    heavy_load = 0.0
    load = 0.0
    names: list[str] = []
    heavy_high = moderate_high = 0
    printed = False
    for item in placement.placed:
        cls = item.ingredient.occlusive
        weight = weights.get(cls or "", 0.0)
        if weight <= 0 or item.zone == "may_contain":
            continue
        share = estimated_share(item, placement, shares, middle, trace)
        printed = printed or item.percent is not None
        load += weight * share
        if item.zone == "trace":
            continue  # counted in the load, but not named as a cause
        names.append(item.ingredient.inci)
        if cls == "heavy":
            heavy_load += share
            heavy_high += 1
        else:
            moderate_high += 1
    if not names:
        return []
    anhydrous = placement.anhydrous
    severity: str | None = None
    what = ""
    if heavy_load >= float(cfg.get("ointment_heavy_share", 0.3)) or (anhydrous and heavy_high):
        severity, what = cfg.get("ointment_severity", "avoid"), "an ointment-like product"
    elif load >= float(cfg.get("balm_load", 0.45)) or (
        anhydrous and moderate_high >= int(cfg.get("anhydrous_min_occlusives", 2))
    ):
        severity, what = cfg.get("balm_severity", "caution"), "an oil- or balm-like product"
    if severity is None:
        return []
    final = step_down(severity, rinse_off_steps(db, options.rinse_off))
    if final is None:
        return []
    basis = (
        "their printed percentages"
        if printed
        else "an equal share each of a vehicle list printed in no stated order"
        if placement.unordered_share is not None
        else "their positions in the list"
    )
    verb = "makes up" if len(names) == 1 else "make up"
    reason = (
        f"Occlusion load: {', '.join(names)} "
        + (
            f"{verb} the vehicle of a product with no water in it"
            if anhydrous
            else f"{verb} an estimated {round(load * 100)}% of the formula (occlusive-"
            f"weighted, from {basis})"
        )
        + f", so this is {what}. On milia-prone skin a product that is mostly occlusive film "
        "(petrolatum, mineral oil, waxes, lanolin, butters, oils) is the classic cause of "
        "secondary milia, whatever each ingredient's own rating."
    )
    sources = tuple(str(s) for s in cfg.get("sources", []))
    return [
        Judgement(
            kind="occlusive",
            severity=final,
            ingredients=tuple(names),
            reason=reason,
            advice=(
                "Keep ointments and balms for very dry patches, lips or wound care, away from "
                "milia-prone areas and the eyes; on the face prefer a light lotion or gel-cream."
            ),
            sources=sources,
            rule="occlusion-load:" + ("ointment" if "ointment" in what else "balm"),
            evidence=evidence_grade(db, sources),
        )
    ]
