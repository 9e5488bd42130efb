"""Plain helpers for the Streamlit page (``app.py``), beside it, not in the library.

The page itself only collects options, calls the library once and renders.
What little logic the page needs (examples, turning a report into Markdown
lines, reading an upload, counting a catalog's verdicts) lives here as plain
functions that can be unit-tested without Streamlit.

Every piece of user text that reaches Markdown goes through :func:`safe_md`;
the page never asks Streamlit to render HTML.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from screener.errors import ScreenError
from screener.formats import ACCEPTED, UPLOAD_TYPES, read_binary_table, table_kind
from screener.limits import MAX_ROUTINE_PRODUCTS, MAX_TEXT_CHARS, MAX_UPLOAD_MB
from screener.models import Finding, IngredientResult, ProductReport, RoutineReport
from screener.report import KIND_TITLES, findings_by_kind, md_escape, render_markdown
from screener.routine_file import with_type
from screener.tabular import (
    FORMULA_START,
    detect_column,
    neutralise_cell,  # noqa: F401 - re-exported for the page
    neutralise_formulas,
    read_table_bytes,
)

#: Built-in examples for the "Screen a product" tab: label -> ingredient list.
EXAMPLES: dict[str, str] = {
    "Rich night cream (heavy occlusives)": (
        "Aqua, Petrolatum, Paraffinum Liquidum, Glycerin, Cetearyl Alcohol, "
        "Isopropyl Myristate, Cocos Nucifera Oil, Dimethicone, Phenoxyethanol, Parfum"
    ),
    "Light gel moisturiser": (
        "Aqua, Glycerin, Squalane, Dimethicone, Sodium Hyaluronate, Niacinamide, "
        "Carbomer, Phenoxyethanol, Ethylhexylglycerin"
    ),
    "Retinol + AHA night serum": (
        "Aqua, Glycerin, Glycolic Acid, Retinol, Squalane, Sodium Hydroxide, Phenoxyethanol"
    ),
    "A real label, with typos and a 'may contain' block": (
        "Ingredients: Aqua (Water), Butyrospermum Parkii (Shea) Butter, "
        "Caprylic/Capric Triglyceride, Petrolatun, 1,2-Hexanediol, Parfum*, "
        "may contain (+/-): CI 77891. *natural fragrance"
    ),
}
NO_EXAMPLE = "(choose an example)"
#: What the uploaders accept (the library reads each: screener.formats).
UPLOAD_FILE_TYPES: list[str] = list(UPLOAD_TYPES)
ACCEPTED_TABLES = ACCEPTED
#: The paste box's limit is the library's own.
PASTE_MAX_CHARS = MAX_TEXT_CHARS
#: The catalog's type choice: inferred per row, one type for all, or a column.
TYPE_INFER = "Read it off each product's name or category"
TYPE_MODES: tuple[str, ...] = (TYPE_INFER, "leave-on", "rinse-off", "From a column")

CONTEXT_LABELS: dict[str, str] = {
    "eye-area": "Eye area",
    "pregnancy": "Pregnancy",
    "infant": "Infant skin",
    "post-procedure": "After a procedure (peel, laser, extraction)",
    "fungal-acne": "Fungal acne (Malassezia)",
}
#: Product type read off the name (screener.product_type), the default.
AUTO_TYPE = "auto"
SAME_SHELF = "(the product's own category)"
PRODUCT_TYPE_LABELS: dict[str, str] = {
    AUTO_TYPE: "From the name (a cleanser is rinse-off)",
    "leave-on": "Leave-on (cream, serum, make-up)",
    "rinse-off": "Rinse-off (cleanser, wash-off mask)",
}
WHEN_OPTIONS: tuple[str, ...] = ("AM", "PM", "AM+PM")

#: Colour AND a word and an icon, so nothing is told by colour alone.
SEVERITY_BADGE: dict[str, str] = {
    "avoid": ":red-badge[⛔ avoid]",
    "caution": ":orange-badge[⚠️ caution]",
    "info": ":blue-badge[ℹ️ info]",
}
UNKNOWN_BADGE = ":gray-badge[❓ unknown]"
OK_BADGE = ":green-badge[✓ no flag]"
SEVERITY_ICON: dict[str, str] = {"avoid": "⛔", "caution": "⚠️", "info": "ℹ️"}

#: st.error / st.warning / st.success for a verdict's worst severity.
VERDICT_BOX: dict[str | None, tuple[str, str]] = {
    "avoid": ("error", "⛔"),
    "caution": ("warning", "⚠️"),
    None: ("success", "✅"),
    "info": ("success", "✅"),
}
#: Too little recognised to call the list clean: neither green nor an alarm.
UNCERTAIN_LABEL = "uncertain"
UNCERTAIN_BOX = ("info", "❔")

FORMULA_PREFIXES = FORMULA_START
CATALOG_CHUNK_ROWS = 200
NO_VERDICT = "could not screen"


# --------------------------------------------------------------------------
# Markdown for reports
# --------------------------------------------------------------------------


#: A colon that could open a Streamlit short-code: an emoji (``:smile:``), an
#: icon (``:material/home:``) or a colour directive (``:red[…]``).
_SHORTCODE_COLON = re.compile(r":(?=[^\s/])")
#: Invisible, and breaks the short-code: Streamlit matches short-codes after
#: Markdown escapes are resolved (even inside code spans), so ``\:`` is not enough.
WORD_JOINER = "\u2060"


def safe_md(text: object) -> str:
    """User or data text made inert for ``st.markdown``.

    Escapes Markdown and HTML specials (via :func:`md_escape`), dollar signs
    (Streamlit renders ``$…$`` as LaTeX), defuses Streamlit's short-codes
    (emoji ``:smile:``, icons ``:material/…:``, colours ``:red[…]``) with an
    invisible word joiner after the colon, and folds line breaks into spaces.
    """
    flat = " ".join(str(text).split())
    escaped = md_escape(flat).replace("$", "\\$")
    return _SHORTCODE_COLON.sub(":" + WORD_JOINER, escaped)


def verdict_box(worst: str | None, label: str | None = None) -> tuple[str, str]:
    """The Streamlit alert kind and icon for a verdict (an "uncertain" one is
    shown as such, never green)."""
    if worst in (None, "info") and label == UNCERTAIN_LABEL:
        return UNCERTAIN_BOX
    return VERDICT_BOX.get(worst, ("success", "✅"))


def deciding_line(report: ProductReport | RoutineReport) -> str:
    """What decided the verdict, naming the culprits (``verdict.deciding``)."""
    v = report.verdict
    if v.deciding:
        return "**Decided by:** " + "; ".join(safe_md(d) for d in _worst_once(v.deciding))
    if v.label == UNCERTAIN_LABEL:
        return (
            "**Uncertain:** too few of the ingredients were recognised to call this list "
            "clean; check the unknown entries below."
        )
    return "Nothing pore-clogging, heavy or clashing was recognised."


def _worst_once(deciding: Sequence[str]) -> list[str]:
    """The deciding findings (worst first), each ingredient named once: a
    caution about what an avoid already named adds nothing to the box."""
    seen: set[str] = set()
    out: list[str] = []
    for line in deciding:
        names = line.split(": ", 1)[-1].rsplit(" (", 1)[0].split(", ")
        if names and all(name in seen for name in names):
            continue
        seen.update(names)
        out.append(line)
    return out


def product_type_line(report: ProductReport) -> str:
    """Which type the product was screened as, and why."""
    if not report.product_type:
        return ""
    why = f" — {safe_md(report.product_type_reason)}" if report.product_type_reason else ""
    return f"Screened as **{safe_md(report.product_type)}**{why}"


def friendly_error(exc: object) -> str:
    """A ScreenError for a web user: sentences about environment variables (for
    a batch job's operator) are replaced by what a visitor can do."""
    text = str(exc)
    if "SCREENER_" not in text:
        return safe_md(text)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if "SCREENER_" not in s]
    sentences.append(
        "Paste only the ingredient list of one product; for long files use the command "
        "line (screener batch)."
    )
    return safe_md(" ".join(sentences))


def counts_line(counts: Mapping[str, int]) -> str:
    """Counts by severity, each with its icon and word."""
    return " · ".join(
        f"{SEVERITY_ICON[s]} {counts.get(s, 0)} {s}" for s in ("avoid", "caution", "info")
    )


def confidence_line(report: ProductReport | RoutineReport) -> str:
    v = report.verdict
    parts = [
        f"Match confidence: **{v.confidence_label}** ({v.confidence:.0%})",
        f"{v.recognised_share:.0%} of the declared ingredients recognised",
    ]
    if v.guessed:
        parts.append(f"{v.guessed} guessed")
    if v.unknown:
        parts.append(f"{v.unknown} unknown")
    return " · ".join(parts)


def ingredient_markdown(item: IngredientResult) -> str:
    """One list entry: its position, the text as printed, and its worst flag."""
    if item.inci is None:
        badge = UNKNOWN_BADGE
    elif item.flag is not None:
        badge = SEVERITY_BADGE[item.flag]
    else:
        badge = OK_BADGE
    parts = [badge, safe_md(item.text)]
    if item.inci is not None and item.match == "fuzzy":
        parts.append(f"— :violet-badge[🔎 did you mean {safe_md(item.inci)}?]")
    elif item.inci is not None and item.match == "family":
        parts.append(f"→ {safe_md(item.inci)} _(recognised by its naming family)_")
    elif item.inci is not None and item.inci.casefold() != item.text.casefold():
        parts.append(f"→ {safe_md(item.inci)}")
    if item.may_contain:
        parts.append("_(may contain)_")
    if item.annotations:
        parts.append("_(" + safe_md("; ".join(item.annotations)) + ")_")
    return " ".join(parts)


def ingredient_list_markdown(report: ProductReport) -> str:
    """The whole list as printed, one numbered entry per line (one marker: its
    number; one Markdown block)."""
    return "\n".join(f"{item.position}. {ingredient_markdown(item)}" for item in report.ingredients)


def finding_markdown(finding: Finding, cite: Callable[[str], str] | None = None) -> str:
    """A finding with its reason, advice and sources, all escaped."""
    names = " + ".join(finding.ingredients)
    lines = [f"{SEVERITY_BADGE[finding.severity]} **{safe_md(names)}**"]
    if finding.products:
        lines[0] += " — " + safe_md(" × ".join(finding.products))
    lines.append(f"- **Why:** {safe_md(finding.reason)}")
    lines.append(f"- **What to do:** {safe_md(finding.advice)}")
    if finding.sources:
        shown = [
            f"{safe_md(s)} ({safe_md(cite(s))})" if cite and cite(s) != s else safe_md(s)
            for s in finding.sources
        ]
        lines.append(f"- **Sources:** {'; '.join(shown)}")
    return "\n".join(lines)


def findings_sections(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by kind, in a fixed order, with a heading each."""
    return [(KIND_TITLES[kind], items) for kind, items in findings_by_kind(findings).items()]


def alternatives_markdown(report: ProductReport) -> list[str]:
    """One Markdown block per flagged ingredient with its suggested swaps."""
    blocks = []
    for alt in report.alternatives:
        lines = [f"Instead of **{safe_md(alt.replaces)}**:"]
        lines += [f"- **{safe_md(s.inci)}** — {safe_md(s.why)}" for s in alt.suggestions]
        blocks.append("\n".join(lines))
    return blocks


def report_markdown(report: ProductReport) -> str:
    """The single-product report as a Markdown document (for download)."""
    return render_markdown(report)


def report_json(report: ProductReport | RoutineReport) -> str:
    return report.model_dump_json(indent=2)


# --------------------------------------------------------------------------
# Routine
# --------------------------------------------------------------------------


def routine_products(rows: Iterable[Sequence[str]]) -> list[dict[str, Any]]:
    """(name, text, when[, type]) rows from the page as ``screen_routine`` input.

    Rows without ingredient text are skipped; a blank name becomes
    "Product N"; a type left at AUTO_TYPE (or missing) is read off the name.
    Raises ScreenError when no product has a list."""
    products: list[dict[str, Any]] = []
    for index, row in enumerate(rows, start=1):
        name, text, when = row[0], row[1], row[2]
        kind = row[3] if len(row) > 3 else AUTO_TYPE
        if not (text or "").strip():
            continue
        product: dict[str, Any] = {
            "name": (name or "").strip() or f"Product {index}",
            "text": text,
            "when": when if when in WHEN_OPTIONS else None,
        }
        if kind != AUTO_TYPE or (name or "").strip():
            product["product_type"] = None if kind == AUTO_TYPE else kind
            product = with_type(product)
        products.append(product)
    if not products:
        raise ScreenError(
            "The routine is empty: paste the ingredient list of at least one product."
        )
    if len(products) > MAX_ROUTINE_PRODUCTS:
        raise ScreenError(f"A routine may hold at most {MAX_ROUTINE_PRODUCTS} products.")
    return products


def arrangement_markdown(report: RoutineReport) -> str:
    slots = {"AM": "☀️ AM", "PM": "🌙 PM", "AM+PM": "☀️🌙 AM+PM"}
    return "\n".join(
        f"- **{slots.get(p.slot, safe_md(p.slot))}** — **{safe_md(p.product)}**: {safe_md(p.why)}"
        for p in report.arrangement
    )


def routine_products_markdown(report: RoutineReport) -> str:
    lines = []
    for product in report.products:
        kind, icon = verdict_box(product.verdict.worst, product.verdict.label)
        lines.append(
            f"- {icon} **{safe_md(product.name or 'Product')}** — {safe_md(product.verdict.label)}"
            f" ({counts_line(product.verdict.counts)})"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Catalog
# --------------------------------------------------------------------------


def check_upload_size(size_bytes: int, limit_mb: int = MAX_UPLOAD_MB) -> None:
    """Refuse an upload over the limit (the server limit is set in config.toml too)."""
    if size_bytes > limit_mb * 1024 * 1024:
        raise ScreenError(
            f"The file is {size_bytes / 1024 / 1024:.1f} MB; the limit is {limit_mb} MB. "
            "Split it, or use the command line (screener batch) for large catalogs."
        )


def read_upload(data: bytes, filename: str = "") -> pd.DataFrame:
    """An uploaded table as strings: CSV/TSV/semicolon CSV by the same reader
    as the CLI (screener.tabular: encoding by screener.files' policy, every row
    kept, misaligned rows reported when screened), Excel .xlsx or Parquet;
    one sentence for anything else."""
    check_upload_size(len(data))
    if not data.strip():
        raise ScreenError("The file is empty.")
    kind = table_kind(filename or "upload.csv", data[:4096], strict=bool(filename))
    if kind != "text":
        table = read_binary_table(data, kind, filename)
        if table.empty:
            raise ScreenError("The file has a header but no rows.")
        return table
    frame = read_table_bytes(data, filename or "The file")
    if frame.empty:
        raise ScreenError("The file has a header but no rows.")
    return frame


def guess_column(columns: Sequence[object]) -> str | None:
    """The ingredient column when it is obvious by name, else None."""
    try:
        return detect_column(columns)
    except ScreenError:
        return None


def screen_in_chunks(
    frame: pd.DataFrame,
    column: str,
    screen_frame: Callable[..., pd.DataFrame],
    *,
    context: list[str] | None = None,
    chunk_rows: int = CATALOG_CHUNK_ROWS,
    progress: Callable[[float, str], None] | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Call ``screen_frame`` chunk by chunk so that the page can show progress;
    ``options`` (product_type, type_column, infer_type) go to screen_frame."""
    total = len(frame)
    parts: list[pd.DataFrame] = []
    for start in range(0, max(total, 1), chunk_rows):
        chunk = frame.iloc[start : start + chunk_rows]
        parts.append(screen_frame(chunk, column, context=context or None, **options))
        done = min(start + chunk_rows, total)
        if progress is not None:
            progress(done / total if total else 1.0, f"Screened {done} of {total} products")
    return pd.concat(parts) if parts else frame.copy()


def _verdicts(frame: pd.DataFrame) -> pd.Series:
    if "screen_verdict" not in frame.columns:
        return pd.Series([NO_VERDICT] * len(frame), index=frame.index, dtype=str)
    values = frame["screen_verdict"].fillna("").astype(str).str.strip()
    return values.where(values != "", NO_VERDICT)


def verdict_options(frame: pd.DataFrame) -> list[str]:
    return sorted(set(_verdicts(frame)))


def filter_by_verdict(frame: pd.DataFrame, verdicts: Sequence[str]) -> pd.DataFrame:
    """Rows whose verdict is one of ``verdicts`` (all rows when none is chosen)."""
    if not verdicts:
        return frame
    return frame[_verdicts(frame).isin(list(verdicts))]


#: The answer first, under words a person reads: (result column, header).
LEADING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("screen_verdict", "Verdict"),
    ("screen_worst_severity", "Worst"),
    ("screen_flagged", "Flagged ingredients"),
    ("screen_recognised_share", "Recognised"),
    ("screen_product_type", "Screened as"),
)
#: The rest of the result columns, after the catalog's own.
TRAILING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("screen_n_avoid", "Avoid findings"),
    ("screen_n_caution", "Caution findings"),
    ("screen_n_info", "Info findings"),
    ("screen_n_comedogenic", "Pore-clogging findings"),
    ("screen_n_occlusive", "Occlusive findings"),
    ("screen_n_conflict", "Clashes"),
    ("screen_n_context", "Context warnings"),
    ("screen_unknown", "Not recognised"),
    ("screen_confidence", "Match confidence"),
    ("screen_product_type_reason", "Why that type"),
    ("screen_error", "Could not screen because"),
)
HEADERS = dict(LEADING_COLUMNS + TRAILING_COLUMNS)


def results_view(frame: pd.DataFrame, column: str | None = None) -> pd.DataFrame:
    """The result table as people read it: verdict, worst severity, flagged
    ingredients, recognition (and the type screened as) first, under readable
    headers; then the catalog's own columns in their order (the long
    ingredient column last); then the counts and notes. Missing values are
    blank text, never "None"; numbers stay numbers (blank where missing)."""
    lead = [c for c, _ in LEADING_COLUMNS if c in frame.columns]
    trail = [c for c, _ in TRAILING_COLUMNS if c in frame.columns]
    known = set(lead) | set(trail)
    other = [
        c
        for c in frame.columns
        if c not in known and c != column and not str(c).startswith("screen_")
    ]
    last = [column] if column is not None and column in frame.columns else []
    view = frame[lead + other + last + trail].copy()
    if "screen_verdict" in view.columns:
        view["screen_verdict"] = _verdicts(frame)
    for name in view.columns:
        series = view[name]
        if pd.api.types.is_numeric_dtype(series.dtype):
            continue
        view[name] = series.astype("object").where(series.notna(), "").map(_blank_none)
    if "screen_recognised_share" in view.columns:
        share = pd.to_numeric(frame["screen_recognised_share"], errors="coerce")
        view["screen_recognised_share"] = ["" if pd.isna(v) else f"{float(v):.0%}" for v in share]
    view.columns = [HEADERS.get(str(c), str(c)) for c in view.columns]
    return view


def _blank_none(value: object) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, str) and value.strip() in ("None", "nan", "<NA>"):
        return ""
    return value


def verdict_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Products per verdict, as a two-column table (verdict, products)."""
    counts = _verdicts(frame).value_counts()
    return pd.DataFrame({"verdict": counts.index.astype(str), "products": counts.to_numpy()})


def split_flagged(value: object) -> list[str]:
    """The flagged names in one ``screen_flagged`` cell (list, JSON or "a; b")."""
    if value is None or value is pd.NA:  # pd.NA: screen_frame's nullable text
        return []
    if isinstance(value, float) and value != value:  # NaN
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    if not text:
        return []
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return [str(v).strip() for v in parsed if str(v).strip()]
    sep = "|" if "|" in text and ";" not in text else ";"
    return [part.strip() for part in text.split(sep) if part.strip()]


def flagged_counts(frame: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """The most frequent flagged ingredients: (ingredient, products)."""
    counter: Counter[str] = Counter()
    if "screen_flagged" in frame.columns:
        for cell in frame["screen_flagged"]:
            counter.update(set(split_flagged(cell)))
    rows = counter.most_common(top)
    return pd.DataFrame(
        {"ingredient": [name for name, _ in rows], "products": [n for _, n in rows]}
    )


def safe_csv_bytes(frame: pd.DataFrame, neutralise: Callable[..., Any] | None = None) -> bytes:
    """CSV bytes safe to open in a spreadsheet (no formula injection), header included.

    The guard is ``screener.tabular.neutralise_formulas``, the one every CSV
    writer uses; ``neutralise`` is accepted for compatibility and ignored."""
    buffer = io.StringIO()
    neutralise_formulas(frame).to_csv(buffer, index=False)
    return buffer.getvalue().encode("utf-8-sig")


def _numbers_as_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns whose every filled cell is a number become numbers (an
    upload is read as text, so a price "12" would otherwise stay "12")."""
    out = frame.copy()
    for name in out.columns:
        series = out[name]
        if pd.api.types.is_numeric_dtype(series.dtype):
            continue
        filled = series.dropna().astype(str).str.strip()
        filled = filled[filled != ""]
        if filled.empty:
            continue
        numbers = pd.to_numeric(filled, errors="coerce")
        if numbers.notna().all():
            converted = pd.to_numeric(series.astype(str).str.strip(), errors="coerce")
            out[name] = converted
    return out


def json_bytes(frame: pd.DataFrame) -> bytes:
    """Records with real numbers (null where missing)."""
    return (
        _numbers_as_numbers(frame)
        .to_json(orient="records", force_ascii=False, indent=2)
        .encode("utf-8")
    )


def xlsx_bytes(frame: pd.DataFrame) -> bytes:
    """An Excel workbook of the rows (formula-like text neutralised, numbers as numbers)."""
    safe = _numbers_as_numbers(frame)
    for name in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[name].dtype):
            safe[name] = safe[name].map(neutralise_cell).map(_blank_none)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name="Screened")
    return buffer.getvalue()


def counts_markdown(frame: pd.DataFrame, label: str, value: str) -> str:
    """A two-column count table as a Markdown list (the words behind a chart)."""
    return "\n".join(
        f"- {safe_md(name)}: {count}"
        for name, count in zip(frame[label], frame[value], strict=True)
    )


def product_choices(frame: pd.DataFrame, column: str) -> list[str]:
    """Labels for picking a catalog product: its name (and brand) or its row number."""
    from screener.catalog import BRAND_COLUMNS, NAME_COLUMNS, _pick

    name_col = _pick(frame.columns, NAME_COLUMNS)
    brand_col = _pick(frame.columns, BRAND_COLUMNS)
    labels = []
    for position, (_, row) in enumerate(frame.iterrows(), start=1):
        name = str(row[name_col]).strip() if name_col else ""
        brand = str(row[brand_col]).strip() if brand_col else ""
        label = " — ".join(p for p in (brand, name) if p) or f"Row {position}"
        labels.append(f"{position}. {label}")
    return labels


def type_options(mode: str, type_column: str | None) -> dict[str, Any]:
    """The page's product-type choice as screen_frame keywords."""
    if mode in ("leave-on", "rinse-off"):
        return {"product_type": mode}
    if mode == "From a column" and type_column:
        return {"type_column": type_column}
    return {"infer_type": True}


def suggestions_view(found: pd.DataFrame, column: str) -> pd.DataFrame:
    """Suggestions as a shopper reads them: name, brand, price, what is better, why."""
    from screener.catalog import NAME_COLUMNS, _pick

    name_col = found.attrs.get("name_column") or _pick(found.columns, NAME_COLUMNS)
    brand_col = found.attrs.get("brand_column", "brand")
    price_col = found.attrs.get("price_column", "price")
    lead = [c for c in (name_col, brand_col, price_col) if c and c in found.columns]
    rest = [c for c in found.columns if c not in (*lead, column, "better", "why", "score")]
    view = found[[*lead, "better", "why", "score", *rest]].copy()
    view = view.rename(
        columns={
            name_col or "": "Product",
            brand_col: "Brand",
            price_col: "Price",
            "better": "What is better",
            "why": "Why",
            "score": "Match",
        }
    )
    return view.map(_blank_none) if hasattr(view, "map") else view


def comparison_markdown(result: Mapping[str, Any]) -> str:
    """A side-by-side comparison (screener.catalog.compare) as escaped Markdown."""
    better = {"A": "Product A", "B": "Product B"}.get(str(result["better"]), "Neither")
    lines = [f"**More milia-friendly: {better}** — {safe_md(result['why'])}", ""]
    for title, key in (("Shared", "shared"), ("Only in A", "only_a"), ("Only in B", "only_b")):
        names = ", ".join(safe_md(n) for n in result[key]) or "none"
        lines.append(f"- **{title}** ({len(result[key])}): {names}")
    for side in ("a", "b"):
        flags = "; ".join(safe_md(f) for f in result[f"flags_{side}"]) or "none above info"
        lines.append(
            f"- **Flags in {side.upper()}** ({safe_md(result[f'verdict_{side}'])}): {flags}"
        )
    return "\n".join(lines)
