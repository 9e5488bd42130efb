"""Product-level alternatives: compare two products, find better ones in a catalog.

``suggest_products(text, catalog)`` ranks the catalog rows that screen clean
(no comedogenic finding above info, no heavy-occlusive finding, nothing the
given context warns about) by how well they replace the given product:

* same category, when the catalog has a category column;
* a similar function profile — what the product *does* (humectants, emollients,
  UV filters, cleansing surfactants, actives …), compared as weighted vectors;
* ingredient overlap weighted by position (the first ingredients weigh most).

The catalog is screened once and cached (keyed by its content hash), so
repeated queries against the same catalog only rank.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .errors import ScreenError
from .models import ProductReport
from .product_type import CATEGORY_COLUMNS as _TYPE_CATEGORY_COLUMNS
from .product_type import NAME_COLUMNS as _TYPE_NAME_COLUMNS
from .product_type import infer_product_type, pick_column
from .screen import Screener, get_screener, normalise_contexts
from .tabular import cell_to_text, detect_column, row_problems

#: Which column holds what, compared folded (the category and name columns are
#: also what product-type inference reads).
CATEGORY_COLUMNS = _TYPE_CATEGORY_COLUMNS
NAME_COLUMNS = _TYPE_NAME_COLUMNS
BRAND_COLUMNS = ("brand", "brand_name", "maker", "brand name")
PRICE_COLUMNS = ("price", "price_usd", "price (usd)", "cost", "price_eur", "price (eur)")


def _pick(columns: Iterable[object], options: tuple[str, ...]) -> str | None:
    return pick_column(columns, options)


@dataclass(frozen=True)
class Profile:
    """What a product does and contains, for ranking."""

    functions: dict[str, float]
    weights: dict[str, float]  # canonical INCI -> position weight
    clean: bool
    problems: tuple[str, ...]
    worst: str | None
    product_type: str | None = None


def position_weight(position: int) -> float:
    """1 for the first ingredient, falling off like a label's concentrations."""
    return 1.0 / math.sqrt(position)


def profile_of(report: ProductReport, contexts: list[str]) -> Profile:
    functions: dict[str, float] = {}
    weights: dict[str, float] = {}
    for item in report.ingredients:
        if item.inci is None or item.may_contain:
            continue
        weight = position_weight(item.position)
        weights.setdefault(item.inci, weight)
        for index, function in enumerate(item.functions[:2]):
            functions[function] = functions.get(function, 0.0) + weight * (
                1.0 if index == 0 else 0.5
            )
        for cls in item.active_classes:
            functions[f"active:{cls}"] = functions.get(f"active:{cls}", 0.0) + weight
    problems = []
    for finding in report.findings:
        if finding.kind in ("comedogenic", "occlusive") and finding.severity != "info":
            problems.append(f"{finding.kind}: {', '.join(finding.ingredients)}")
        elif finding.kind == "occlusive" and "heavy" in finding.rule:
            problems.append(f"heavy occlusive: {', '.join(finding.ingredients)}")
        elif finding.kind == "context" and finding.severity != "info" and contexts:
            problems.append(f"{finding.context}: {', '.join(finding.ingredients)}")
    return Profile(
        functions=functions,
        weights=weights,
        clean=not problems,
        problems=tuple(problems),
        worst=report.verdict.worst,
        product_type=report.product_type,
    )


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    common = set(a) & set(b)
    dot = sum(a[k] * b[k] for k in common)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def overlap(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Weighted Jaccard of two position-weighted ingredient sets."""
    keys = set(a) | set(b)
    top = sum(min(a.get(k, 0.0), b.get(k, 0.0)) for k in keys)
    bottom = sum(max(a.get(k, 0.0), b.get(k, 0.0)) for k in keys)
    return top / bottom if bottom else 0.0


@dataclass
class ScreenedCatalog:
    frame: pd.DataFrame
    column: str
    category: str | None
    name: str | None
    profiles: list[Profile | None]
    errors: list[str]
    brand: str | None = None
    price: str | None = None


def _catalog_key(df: pd.DataFrame, column: str, contexts: list[str]) -> str:
    digest = hashlib.sha256()
    digest.update(column.encode())
    digest.update(",".join(contexts).encode())
    digest.update(str(len(df)).encode())
    hashed = pd.util.hash_pandas_object(df.astype(str), index=False).to_numpy().tobytes()
    digest.update(hashed)
    return digest.hexdigest()


_CACHE: dict[str, ScreenedCatalog] = {}


def screen_catalog(
    catalog: pd.DataFrame,
    *,
    column: str | None = None,
    context: str | Iterable[str] | None = None,
    screener: Screener | None = None,
) -> ScreenedCatalog:
    """Screen every catalog row once; cached by content for repeated queries."""
    screener = screener or get_screener()
    contexts = normalise_contexts(context)
    col = detect_column(catalog.columns, column)
    key = _catalog_key(catalog, col, contexts) + str(id(screener.db))
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    profiles: list[Profile | None] = []
    errors: list[str] = []
    misaligned = row_problems(catalog)  # rows the reader could not align: never suggested
    category_col = _pick(catalog.columns, CATEGORY_COLUMNS)
    name_col = _pick(catalog.columns, NAME_COLUMNS)
    categories = _column(catalog, category_col)
    names = _column(catalog, name_col)
    for label, value, category, name in zip(
        catalog.index, catalog[col].tolist(), categories, names, strict=True
    ):
        if label in misaligned:
            profiles.append(None)
            errors.append(misaligned[label])
            continue
        text = cell_to_text(value)
        # Each row as the kind of product it is: a cleanser's oils are rinsed away.
        ptype = infer_product_type(name=name or None, category=category or None).product_type
        try:
            report = screener.screen(text, context=contexts, product_type=ptype)
        except ScreenError as exc:
            profiles.append(None)
            errors.append(str(exc))
            continue
        profiles.append(profile_of(report, contexts))
        errors.append("")
    result = ScreenedCatalog(
        frame=catalog,
        column=col,
        category=category_col,
        name=name_col,
        profiles=profiles,
        errors=errors,
        brand=_pick(catalog.columns, BRAND_COLUMNS),
        price=_pick(catalog.columns, PRICE_COLUMNS),
    )
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def _column(frame: pd.DataFrame, name: str | None) -> list[str]:
    """A column's cells as stripped text ("" when missing), or "" per row."""
    if name is None:
        return [""] * len(frame)
    return ["" if _missing(v) else str(v).strip() for v in frame[name].tolist()]


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _describe_function(profile: Mapping[str, float], n: int = 3) -> str:
    ranked = sorted(profile.items(), key=lambda kv: -kv[1])[:n]
    return ", ".join(k.replace("active:", "").replace("_", " ") for k, _ in ranked)


def query_row(catalog: pd.DataFrame, row: int) -> int:
    """A row number (0-based position) of the catalog, checked."""
    if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < len(catalog):
        raise ScreenError(
            f"Row {row!r} is not in the catalog (it has rows 0 to {len(catalog) - 1})."
        )
    return row


_PROBLEM_WORDS = {
    "comedogenic": "pore-clogging",
    "occlusive": "heavy occlusive",
    "heavy occlusive": "heavy occlusive",
}


def _problem_words(problems: Iterable[str]) -> str:
    """ "comedogenic: A", "comedogenic: B", "occlusive: C" → "pore-clogging A, B; heavy occlusive C"."""
    grouped: dict[str, list[str]] = {}
    for problem in problems:
        kind, _, names = problem.partition(": ")
        words = _PROBLEM_WORDS.get(kind, f"a {kind} warning for")
        for name in names.split(", "):
            if name and name not in grouped.setdefault(words, []):
                grouped[words].append(name)
    return "; ".join(f"{words} {', '.join(names)}" for words, names in grouped.items())


def _better_words(query: Profile, profile: Profile, same_category: str | None) -> str:
    """What is better, in plain words: "no heavy occlusive; same kind of product; …"."""
    parts = []
    kinds = {p.split(":")[0] for p in query.problems}
    if "heavy occlusive" in kinds or "occlusive" in kinds:
        parts.append("no heavy occlusive")
    if "comedogenic" in kinds:
        parts.append("no pore-clogging ingredient flagged")
    context_issues = [p for p in query.problems if p.split(":")[0] not in
                      ("heavy occlusive", "occlusive", "comedogenic")]  # fmt: skip
    if context_issues:
        parts.append(
            "no " + ", ".join(sorted({p.split(":")[0] for p in context_issues})) + " warning"
        )
    if not parts:
        parts.append("also screens clean")
    if same_category:
        parts.append(f"same kind of product ({same_category})")
    elif profile.product_type and profile.product_type == query.product_type:
        parts.append(f"same kind of product ({profile.product_type})")
    return "; ".join(parts)


def suggest_products(
    text: str | None,
    catalog: pd.DataFrame,
    *,
    column: str | None = None,
    k: int = 5,
    context: str | Iterable[str] | None = None,
    category: str | None = None,
    name: str | None = None,
    row: int | None = None,
    screener: Screener | None = None,
) -> pd.DataFrame:
    """The k catalog rows that screen clean and best replace the given product.

    The query is ``text`` (with an optional ``name``), or catalog ``row`` (a
    0-based position: its list, name and category). Suggestions stay on the
    same shelf: the ``category`` given, else the query row's category (or the
    row whose list equals ``text``); without a category, the same product type
    (leave-on or rinse-off, read off the names). Returns the catalog's own
    columns plus ``score`` (0-1), ``brand`` and ``price`` (when the catalog has
    them, else empty), ``better`` (plain words) and ``why``.
    """
    screener = screener or get_screener()
    contexts = normalise_contexts(context)
    if k < 1:
        raise ScreenError("k must be at least 1.")
    screened = screen_catalog(catalog, column=column, context=contexts, screener=screener)
    frame = screened.frame
    categories = _column(frame, screened.category)
    names = _column(frame, screened.name)
    texts = [str(v).strip() for v in frame[screened.column].tolist()]
    own = -1
    if row is not None:
        own = query_row(frame, row)
        text = texts[own]
        name = name or names[own] or None
    if text is None or not str(text).strip():
        raise ScreenError("Give an ingredient list or a catalog row to find alternatives for.")
    own_text = str(text).strip()
    if own < 0 and own_text in texts:
        own = texts.index(own_text)
    if category is None and own >= 0 and categories[own]:
        category = categories[own]
    query_type = infer_product_type(name=name or None, category=category).product_type
    query_report = screener.screen(text, context=contexts, product_type=query_type)
    query = profile_of(query_report, contexts)
    wanted = category.casefold() if category else None
    if wanted is not None and screened.category is not None:
        if wanted not in {c.casefold() for c in categories}:
            raise ScreenError(
                f"No product in the catalog has the category {category!r}. The categories are: "
                + ", ".join(sorted(set(c for c in categories if c))[:30])
            )
    rows: list[tuple[float, int, str, str]] = []
    query_inci = set(query.weights)
    for index, profile in enumerate(screened.profiles):
        if profile is None or not profile.clean:
            continue
        if index == own or texts[index] == own_text:
            continue  # the product itself
        if wanted is not None and screened.category is not None:
            if categories[index].casefold() != wanted:
                continue
            shelf: str | None = categories[index]
        else:
            # No category: at least the same kind of product (a cleanser for a cleanser).
            if profile.product_type != query.product_type:
                continue
            shelf = None
        func = cosine(query.functions, profile.functions)
        shared = overlap(query.weights, profile.weights)
        score = 0.6 * func + 0.4 * shared
        common = [n for n in profile.weights if n in query_inci][:4]
        better = _better_words(query, profile, shelf)
        why = (
            f"{better[0].upper()}{better[1:]}"
            + (f"; shares {', '.join(common)}" if common else "")
            + f"; similar job ({_describe_function(profile.functions)}; function match {func:.0%})"
            + (f". Yours has {_problem_words(query.problems)}" if query.problems else "")
            + "."
        )
        rows.append((score, index, better, why))
    rows.sort(key=lambda r: (-r[0], r[1]))
    top = rows[:k]
    picked = [i for _s, i, _b, _w in top]
    out = frame.iloc[picked].copy()
    out["score"] = [round(s, 3) for s, _i, _b, _w in top]
    brands = _column(frame, screened.brand)
    prices = _column(frame, screened.price)
    if screened.brand is None:
        out["brand"] = ["" for _ in picked]
    if screened.price is None:
        out["price"] = ["" for _ in picked]
    out.attrs["brand_column"] = screened.brand or "brand"
    out.attrs["price_column"] = screened.price or "price"
    out.attrs["name_column"] = screened.name
    out.attrs["category"] = category
    out.attrs["query_type"] = query_type
    out["better"] = [b for _s, _i, b, _w in top]
    out["why"] = [w for _s, _i, _b, w in top]
    del brands, prices
    return out


class Comparison(dict[str, Any]):
    """A plain mapping with the comparison; ``render()`` gives readable text."""

    def render(self) -> str:
        lines = [f"More milia-friendly: {self['better']} — {self['why']}"]
        lines.append(f"Shared ingredients ({len(self['shared'])}): {', '.join(self['shared'])}")
        lines.append(f"Only in A ({len(self['only_a'])}): {', '.join(self['only_a'])}")
        lines.append(f"Only in B ({len(self['only_b'])}): {', '.join(self['only_b'])}")
        for side in ("a", "b"):
            flags = self[f"flags_{side}"]
            lines.append(
                f"Flags in {side.upper()} ({self[f'verdict_{side}']}): "
                + ("; ".join(flags) if flags else "none above info")
            )
        return "\n".join(lines)


def _flag_lines(report: ProductReport) -> list[str]:
    return [
        f"{f.severity} {f.kind}: {', '.join(f.ingredients)}"
        for f in report.findings
        if f.severity != "info"
    ]


def _badness(report: ProductReport) -> tuple[int, int, int]:
    counts = report.verdict.counts
    return (counts["avoid"], counts["caution"], counts["info"])


def compare(
    text_a: str,
    text_b: str,
    *,
    context: str | Iterable[str] | None = None,
    screener: Screener | None = None,
) -> Comparison:
    """Side by side: shared ingredients, what each adds, flags, and which is better."""
    screener = screener or get_screener()
    a = screener.screen(text_a, context=context)
    b = screener.screen(text_b, context=context)
    names_a = [i.inci or i.text for i in a.ingredients]
    names_b = [i.inci or i.text for i in b.ingredients]
    set_b = set(names_b)
    set_a = set(names_a)
    badness_a, badness_b = _badness(a), _badness(b)
    if badness_a == badness_b:
        better, why = "equal", "both have the same number of findings by severity"
    else:
        better = "A" if badness_a < badness_b else "B"
        worse_report = b if better == "A" else a
        reasons = _flag_lines(worse_report)[:3] or ["more low-level (info) findings"]
        why = f"the other has {'; '.join(reasons)}"
    return Comparison(
        shared=[n for n in names_a if n in set_b],
        only_a=[n for n in names_a if n not in set_b],
        only_b=[n for n in names_b if n not in set_a],
        flags_a=_flag_lines(a),
        flags_b=_flag_lines(b),
        verdict_a=a.verdict.label,
        verdict_b=b.verdict.label,
        better=better,
        why=why,
        report_a=a.model_dump(mode="json"),
        report_b=b.model_dump(mode="json"),
    )
