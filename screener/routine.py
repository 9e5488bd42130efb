"""A routine: several products, the clashes between them, an AM/PM arrangement.

Each product runs through the same pipeline as ``screen()``; clashes between
products use the same conflict rules (judge/conflicts.py) on each product's
placed actives, so a trace antioxidant in one product does not clash with an
active in another.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .errors import ScreenError
from .judge import Judgement, sort_judgements
from .judge.conflicts import pair_conflicts
from .limits import MAX_ROUTINE_PRODUCTS
from .models import Placement, ProductReport, RoutineReport
from .options import Options, normalise_product_type
from .pipeline import Result, Screener
from .product_type import type_and_reason
from .verdict import decide
from .views import finding_model, product_report, verdict_model

SLOTS = ("AM", "PM", "AM+PM")


@dataclass(frozen=True, slots=True)
class RoutineItem:
    name: str
    text: object
    when: str | None
    #: The type given with the product (None: read off its name, if it has one).
    product_type: str | None
    #: The name as given (None when the product has none and is "Product N").
    given_name: str | None = None
    #: Why the given type (a routine file's reading of the name), else "given".
    type_reason: str | None = None


def routine_item(product: object, index: int) -> RoutineItem:
    """A product of a routine: a list, or a mapping with name/text/when/product_type."""
    if isinstance(product, str):
        return RoutineItem(f"Product {index}", product, None, None)
    if isinstance(product, Mapping):
        text = product.get("text") or product.get("ingredients")
        when = product.get("when") or product.get("time")
        when = str(when).strip().upper().replace(" ", "") if when else None
        if when in ("BOTH", "AM/PM", "AMPM"):
            when = "AM+PM"
        if when not in (None, *SLOTS):
            raise ScreenError(f"Product {index}: 'when' must be AM, PM or AM+PM, not {when!r}.")
        try:
            ptype = normalise_product_type(product.get("product_type"))
        except ScreenError as exc:
            raise ScreenError(f"Product {index}: {exc}") from None
        name = str(product.get("name") or "")
        reason = product.get("product_type_reason") if ptype else None
        return RoutineItem(
            name or f"Product {index}",
            text,
            when,
            ptype,
            name.strip() or None,
            str(reason) if reason else None,
        )
    raise ScreenError(
        f"Product {index} must be an ingredient list (text) or a mapping with 'name' and 'text'."
    )


def screen_routine(
    screener: Screener, products: Sequence[object], options: Options
) -> RoutineReport:
    if isinstance(products, str) or not isinstance(products, Sequence):
        raise ScreenError("A routine is a list of products (each an ingredient list).")
    if not products:
        raise ScreenError("The routine is empty: add at least one product.")
    if len(products) > MAX_ROUTINE_PRODUCTS:
        raise ScreenError(
            f"A routine may hold at most {MAX_ROUTINE_PRODUCTS} products ({len(products)} given)."
        )
    items = [routine_item(p, i) for i, p in enumerate(products, start=1)]
    results: list[Result] = []
    reasons: list[str | None] = []
    for item in items:
        # The product's own type, else the routine's, else read off its name, as
        # Screener.screen does (product_type.type_and_reason).
        ptype, reason = type_and_reason(item.product_type or options.product_type, item.given_name)
        if item.product_type and item.type_reason:
            reason = item.type_reason
        reasons.append(reason)
        try:
            results.append(
                screener.run(item.text, Options(options.contexts, ptype), name=item.name)
            )
        except ScreenError as exc:
            raise ScreenError(f"{item.name}: {exc}") from None
    db = screener.db
    clashes: list[tuple[int, int, Judgement]] = []
    for i in range(len(results)):
        for j in range(i + 1, len(results)):
            for finding in pair_conflicts(
                results[i].placement.placed,
                results[j].placement.placed,
                db,
                (items[i].name, items[j].name),
            ):
                clashes.append((i, j, kept_apart(finding, items[i], items[j])))
    cross = [f for _i, _j, f in clashes]
    arrangement, unresolved = arrange(items, results, clashes)
    all_findings = cross + [f for r in results for f in r.findings]
    entries = [e for r in results for e in r.entries]
    may = [m for r in results for m in r.may_contain]
    decision = decide(all_findings, entries, may, db)
    reports: list[ProductReport] = [product_report(r, db) for r in results]
    for report, reason in zip(reports, reasons, strict=True):
        report.product_type_reason = reason
    return RoutineReport(
        context=list(options.contexts),
        products=reports,
        findings=[finding_model(f) for f in sort_judgements(cross)],
        arrangement=arrangement,
        unresolved=unresolved,
        verdict=verdict_model(decision),
    )


def kept_apart(finding: Judgement, first: RoutineItem, second: RoutineItem) -> Judgement:
    """A clash between a morning and an evening product is already kept apart: the
    usual advice for these pairs is exactly that split, so it stays as info."""
    if not first.when or not second.when or "AM+PM" in (first.when, second.when):
        return finding
    if first.when == second.when or finding.severity == "info":
        return finding
    return replace(
        finding,
        severity="info",
        explain=None,
        reason=(
            f"{finding.why()} You use {first.name} in the {_DAYPART[first.when]} and "
            f"{second.name} in the {_DAYPART[second.when]}, which keeps them apart."
        ),
    )


_DAYPART = {"AM": "morning", "PM": "evening"}


def preferred_slot(result: Result) -> str | None:
    """Retinoids and exfoliating acids prefer the evening; vitamin C and sunscreens
    the morning (REFERENCE.md §3.1 rules 6, 11, 15)."""
    classes = {
        c for p in result.placement.placed if p.role == "active" for c in p.ingredient.classes
    }
    functions = {e.ingredient.primary_function for e in result.entries if e.ingredient}
    if classes & {"retinoid", "aha", "bha", "hydroquinone", "copper_peptide"}:
        return "PM"
    if classes & {"l_ascorbic_acid"} or "uv_filter" in functions:
        return "AM"
    return None


def arrange(
    items: Sequence[RoutineItem],
    results: Sequence[Result],
    clashes: Sequence[tuple[int, int, Judgement]],
) -> tuple[list[Placement], list[str]]:
    """AM/PM slots so that products that clash are not applied together; a clash no
    split can resolve says so (alternate days), never "kept apart" in the same slot."""
    serious = [(i, j, f) for i, j, f in clashes if f.severity in ("avoid", "caution")]
    slots: dict[int, str] = {}
    why: dict[int, str] = {}
    for index, item in enumerate(items):
        if item.when in ("AM", "PM"):
            slots[index] = item.when
            why[index] = "as you use it"
    order = sorted(range(len(items)), key=lambda k: -sum(1 for i, j, _ in serious if k in (i, j)))
    for index in order:
        if index in slots:
            continue
        partners = [j if i == index else i for i, j, _ in serious if index in (i, j)]
        if not partners:
            slots[index] = items[index].when or "AM+PM"
            why[index] = "no clash with the other products"
            continue
        taken = {slots[p] for p in partners if p in slots}
        choice = preferred_slot(results[index])
        for option in [s for s in (choice, "PM", "AM") if s]:
            if option not in taken and "AM+PM" not in taken:
                slots[index] = option
                break
        else:
            slots[index] = choice or "PM"
    unresolved = []
    apart: dict[int, list[str]] = {}
    together: dict[int, list[str]] = {}
    for i, j, finding in serious:
        si, sj = slots.get(i, "AM+PM"), slots.get(j, "AM+PM")
        same = si == sj or "AM+PM" in (si, sj)
        for a, b in ((i, j), (j, i)):
            (together if same else apart).setdefault(a, []).append(items[b].name)
        if same:
            unresolved.append(
                f"{items[i].name} and {items[j].name} ({' + '.join(finding.ingredients)}): "
                "use on alternate days. " + finding.advice
            )
    for index in range(len(items)):
        parts = []
        if index in apart:
            parts.append("kept apart from " + ", ".join(dict.fromkeys(apart[index])))
        if index in together:
            parts.append(
                "alternate days with "
                + ", ".join(dict.fromkeys(together[index]))
                + " (they clash and share this time of day)"
            )
        if parts:
            why[index] = (
                "; ".join(parts)
                if why.get(index) != "as you use it"
                else ("as you use it; " + "; ".join(parts))
            )
    placements = [
        Placement(product=items[k].name, slot=slots.get(k, "AM+PM"), why=why.get(k, ""))
        for k in range(len(items))
    ]
    return placements, list(dict.fromkeys(unresolved))
