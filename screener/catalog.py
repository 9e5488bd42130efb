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

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .errors import ScreenError
from .models import ProductReport
from .screen import Screener, get_screener, normalise_contexts
from .tabular import cell_to_text, detect_column, read_table, row_problems

CATEGORY_COLUMNS = ("category", "label", "product_type", "type", "product type")
NAME_COLUMNS = ("name", "product_name", "product", "title", "product name")
BRAND_COLUMNS = ("brand", "brand_name", "maker")
PRICE_COLUMNS = ("price", "price_usd", "price (usd)", "cost")


def _pick(columns: Iterable[object], options: tuple[str, ...]) -> str | None:
    folded = {str(c).strip().casefold(): str(c) for c in columns}
    for option in options:
        if option in folded:
            return folded[option]
    return None


@dataclass(frozen=True)
class Profile:
    """What a product does and contains, for ranking."""

    functions: dict[str, float]
    weights: dict[str, float]  # canonical INCI -> position weight
    clean: bool
    problems: tuple[str, ...]
    worst: str | None


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
    for label, value in zip(catalog.index, catalog[col].tolist(), strict=True):
        if label in misaligned:
            profiles.append(None)
            errors.append(misaligned[label])
            continue
        text = cell_to_text(value)
        try:
            report = screener.screen(text, context=contexts)
        except ScreenError as exc:
            profiles.append(None)
            errors.append(str(exc))
            continue
        profiles.append(profile_of(report, contexts))
        errors.append("")
    result = ScreenedCatalog(
        frame=catalog,
        column=col,
        category=_pick(catalog.columns, CATEGORY_COLUMNS),
        name=_pick(catalog.columns, NAME_COLUMNS),
        profiles=profiles,
        errors=errors,
    )
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def _describe_function(profile: Mapping[str, float], n: int = 3) -> str:
    ranked = sorted(profile.items(), key=lambda kv: -kv[1])[:n]
    return ", ".join(k.replace("active:", "").replace("_", " ") for k, _ in ranked)


def suggest_products(
    text: str,
    catalog: pd.DataFrame,
    *,
    column: str | None = None,
    k: int = 5,
    context: str | Iterable[str] | None = None,
    category: str | None = None,
    screener: Screener | None = None,
) -> pd.DataFrame:
    """The k catalog rows that screen clean and best replace the given product.

    Returns the catalog's own columns plus ``score`` (0-1) and ``why``.
    ``category`` restricts to that category; by default the category of the
    catalog row whose ingredient list equals ``text`` is used, if any.
    """
    screener = screener or get_screener()
    contexts = normalise_contexts(context)
    if k < 1:
        raise ScreenError("k must be at least 1.")
    query_report = screener.screen(text, context=contexts)
    query = profile_of(query_report, contexts)
    screened = screen_catalog(catalog, column=column, context=contexts, screener=screener)
    frame = screened.frame
    if category is None and screened.category is not None:
        same = frame[frame[screened.column].astype(str).str.strip() == str(text).strip()]
        if len(same):
            category = str(same.iloc[0][screened.category])
    rows: list[tuple[float, int, str]] = []
    query_inci = set(query.weights)
    texts = [str(v).strip() for v in frame[screened.column].tolist()]
    categories = (
        [str(v).casefold() for v in frame[screened.category].tolist()]
        if screened.category is not None
        else None
    )
    wanted = category.casefold() if category is not None else None
    own_text = str(text).strip()
    for index, profile in enumerate(screened.profiles):
        if profile is None or not profile.clean:
            continue
        if texts[index] == own_text:
            continue  # the product itself
        same_category = (
            categories is not None and wanted is not None and categories[index] == wanted
        )
        if wanted is not None and categories is not None and not same_category:
            continue
        func = cosine(query.functions, profile.functions)
        shared = overlap(query.weights, profile.weights)
        score = 0.6 * func + 0.4 * shared
        common = [name for name in profile.weights if name in query_inci][:4]
        better = "screens clean (no pore-clogging or heavy-occlusive flag)" + (
            f" where yours has {'; '.join(query.problems)}" if query.problems else ""
        )
        why = (
            f"Similar job ({_describe_function(profile.functions)}; function match {func:.0%})"
            + (f", shares {', '.join(common)}" if common else "")
            + (f", same category ({category})" if same_category else "")
            + f"; better: {better}."
        )
        rows.append((score, index, why))
    rows.sort(key=lambda r: (-r[0], r[1]))
    top = rows[:k]
    out = frame.iloc[[i for _s, i, _w in top]].copy()
    out["score"] = [round(s, 3) for s, _i, _w in top]
    out["why"] = [w for _s, _i, w in top]
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


def run_catalog_cli(args: argparse.Namespace) -> int:
    from .cli import _contexts, _text_arg

    if args.command == "compare":
        text_a = _text_arg(args.a, None)
        text_b = _text_arg(args.b, None)
        result = compare(text_a, text_b)
        if args.json:
            print(json.dumps({k: v for k, v in result.items()}, indent=2))
        else:
            print(result.render())
        return 0
    text = _text_arg(args.text, args.file, args.encoding)
    catalog = read_table(args.catalog, args.encoding)
    found = suggest_products(
        text, catalog, column=args.column, k=args.k, context=_contexts(args.context)
    )
    if args.json:
        print(found.to_json(orient="records", indent=2))
    elif found.empty:
        print("No product in the catalog screens clean and matches this one.", file=sys.stderr)
    else:
        name_col = _pick(found.columns, NAME_COLUMNS)
        for _, row in found.iterrows():
            label = row[name_col] if name_col else f"row {row.name}"
            print(f"{row['score']:.3f}  {label}\n       {row['why']}")
    return 0
