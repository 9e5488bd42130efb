"""Milia & acne ingredient screener — the web page (``streamlit run app.py``).

A thin shell: widgets collect options, one library call computes, the page
renders. All logic lives in the ``screener`` package; the page's own
helpers sit beside it in ``ui/page.py``. User text is only ever shown through ``st.text``,
``st.dataframe`` or ``st.markdown`` after escaping; never as HTML.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType
from typing import Any

import streamlit as st

from screener.catalog import CATEGORY_COLUMNS, _pick, compare, suggest_products
from screener.database import database_dir
from screener.errors import DatabaseError, ScreenError
from screener.files import decode_bytes
from screener.handout import routine_handout, routine_handout_html
from screener.limits import MAX_ROUTINE_PRODUCTS, MAX_UPLOAD_MB
from screener.models import ProductReport, RoutineReport
from screener.screen import Screener, get_screener
from screener.views import citation
from screener.vocabulary import CONTEXTS, PRODUCT_TYPES
from ui import page

ABOUT_MILIA = """
**What milia are.** Milia are tiny (1–2 mm), firm, white, dome-shaped bumps:
little cysts of keratin trapped just under the surface, most often around the
eyes, on the eyelids, the nose and the cheeks. They have no opening and are not
inflamed, so they are not acne and cannot be squeezed out. They are harmless;
removing them is a cosmetic choice. *Primary* milia form on their own;
*secondary* milia follow damage to the skin (burns, blisters), procedures such
as peels, or the use of heavy, occlusive creams. [CCF] [MAYO]

**What helps.** A gentle routine that keeps dead skin moving:

- a retinoid such as adapalene (sold without prescription), started two or
  three evenings a week and built up slowly;
- a leave-on salicylic acid (BHA) daily or every other day, or a weekly glycolic
  acid (AHA) mask; lactic acid is the gentler acid, also near the eyes. Rotate
  exfoliants rather than stacking them;
- a broad-spectrum sunscreen every day whenever you use acids or retinoids.

A dermatologist can remove milia quickly (de-roofing with a sterile needle,
curettage, cryotherapy, laser or a peel). [MAYO] [Perfect Medical] [Creative Nesting]

**What a milia-friendly product looks like.** Light, oil-free textures (gels,
fluids, serums) instead of rich, occlusive creams and ointments, above all
around the eyes; non-comedogenic cleansers; a mineral, non-comedogenic SPF 30+
sunscreen; oil-free foundation, mineral powder rather than cream make-up, and
make-up tools washed every week. This is exactly what the screener looks for:
pore-clogging ingredients high in the list, heavy occlusives, and actives that
clash. [CCF] [Perfect Medical] [Creative Nesting]

**When to see a professional instead of buying a product.**

- bumps on red, swollen or inflamed-looking skin (*milia en plaque*), which a
  doctor may treat with medicine;
- clusters that keep appearing over weeks (*multiple eruptive milia*);
- milia on the eyelids or right at the lash line;
- newborns: "milk spots" clear by themselves within weeks and need no
  products — no lotions or oils on a baby's face, and never adult actives;
- bumps that do not change after a few months may be something else.

**Never try to extract milia at home** — least of all near the eyes: it risks
scars and infection. [MAYO] [CCF] [Perfect Medical]

**Sources**

- [CCF] Cleveland Clinic, *Milia — prevention*.
  https://my.clevelandclinic.org/health/diseases/17868-milia/prevention
- [MAYO] Mayo Clinic, *Milia — diagnosis and treatment*.
  https://www.mayoclinic.org/diseases-conditions/milia/diagnosis-treatment/drc-20375078
- [Perfect Medical] L. Tan, *Complete milia removal* (clinic guide), Perfect Medical, 2025.
- [Creative Nesting] *The 7 Best Milia Removal Techniques*, Creative Nesting, 2024.

This page is information, not medical advice.
"""

st.set_page_config(page_title="Milia & acne ingredient screener", page_icon="🔍", layout="centered")


@st.cache_resource(show_spinner="Loading the ingredient database…")
def load_screener(db_dir: str) -> Screener:
    """One screener (database + matcher) per process and database folder."""
    return get_screener(db_dir)


def get_batch() -> ModuleType | None:
    """The batch module, or None while it is not part of this build."""
    try:
        module = importlib.import_module("screener.batch")
    except ImportError:
        return None
    return module if hasattr(module, "screen_frame") else None


def show_verdict(report: ProductReport | RoutineReport, title: str) -> None:
    kind, icon = page.verdict_box(report.verdict.worst, report.verdict.label)
    box = {"error": st.error, "warning": st.warning, "success": st.success, "info": st.info}[kind]
    box(
        f"**{title}: {page.safe_md(report.verdict.label)}**\n\n{page.deciding_line(report)}",
        icon=icon,
    )
    st.markdown(page.counts_line(report.verdict.counts))
    if isinstance(report, ProductReport) and report.product_type:
        st.caption(page.product_type_line(report))
    st.caption(page.confidence_line(report))


def show_findings(report: ProductReport, screener: Screener, level: str = "####") -> None:
    sections = page.findings_sections(report.findings)
    if not sections:
        st.markdown("No findings: nothing pore-clogging, heavy or clashing was recognised.")
    for title, findings in sections:
        st.markdown(f"{level} {title}")
        for finding in findings:
            st.markdown(page.finding_markdown(finding, functools.partial(citation, screener.db)))


def show_product(report: ProductReport, screener: Screener) -> None:
    show_verdict(report, "Verdict")
    st.markdown("### The list as printed")
    st.caption("Each entry carries a word and an icon as well as a colour.")
    st.markdown(page.ingredient_list_markdown(report))
    st.markdown("### Findings")
    show_findings(report, screener)
    blocks = page.alternatives_markdown(report)
    if blocks:
        st.markdown("### Milia-friendly alternatives")
        for block in blocks:
            st.markdown(block)
    with st.expander("What the reader cut or noted"):
        if report.notes:
            st.markdown("\n".join(f"- {page.safe_md(n)}" for n in report.notes))
        else:
            st.markdown("Nothing was cut; every entry was read.")
    with st.expander("Caveats: what this screen can and cannot tell you"):
        st.markdown("\n".join(f"- {page.safe_md(c)}" for c in report.caveats))
    col_md, col_json = st.columns(2)
    col_md.download_button(
        "Download report (Markdown)",
        page.report_markdown(report),
        file_name="ingredient-screen.md",
        mime="text/markdown",
        key="download_md",
        on_click="ignore",
    )
    col_json.download_button(
        "Download report (JSON)",
        page.report_json(report),
        file_name="ingredient-screen.json",
        mime="application/json",
        key="download_json",
        on_click="ignore",
    )


def fill_example() -> None:
    choice = st.session_state.get("example")
    if choice in page.EXAMPLES:
        st.session_state["paste"] = page.EXAMPLES[choice]


def load_avoid_upload() -> None:
    """An uploaded avoid list (TOML, JSON or lines) fills the avoid box as written."""
    upload = st.session_state.get("avoid_upload")
    if upload is None:
        return
    try:
        st.session_state["avoid_text"] = decode_bytes(upload.getvalue(), name="The avoid list")
    except ScreenError as exc:
        st.session_state["avoid_error"] = page.friendly_error(exc)


def avoid_list_box() -> None:
    """Build, upload or download a personal avoid list (docs/avoid-lists.md)."""
    st.toggle("Use a personal avoid list (from a patch test)", key="avoid_on")
    st.session_state.setdefault("avoid_text", "")
    if not st.session_state["avoid_on"]:
        return
    with st.container(border=True):
        st.file_uploader(
            "Upload an avoid list (TOML, JSON or one entry per line)",
            type=["toml", "json", "txt"],
            key="avoid_upload",
            on_change=load_avoid_upload,
        )
        error = st.session_state.pop("avoid_error", None)
        if error:
            st.error(error, icon="✋")
        st.text_area(
            "One entry per line: a name (`Linalool`), a class (`class:fragrance_allergen`) "
            "or a family (`family:PEG`)",
            key="avoid_text",
            height=110,
            max_chars=20_000,
        )
        text = st.session_state["avoid_text"]
        if text.strip():
            st.download_button(
                "Download this avoid list (to share with your clinic)",
                data=text.encode("utf-8"),
                file_name="avoid-list.toml" if "[[avoid]]" in text else "avoid-list.txt",
                mime="text/plain",
                key="avoid_download",
            )


def product_tab(screener: Screener) -> None:
    st.selectbox(
        "Try an example",
        [page.NO_EXAMPLE, *page.EXAMPLES],
        key="example",
        on_change=fill_example,
    )
    st.session_state.setdefault("paste", "")
    st.text_input(
        "Product name (optional: a name such as “Foaming Cleanser” sets the product type)",
        key="product_name",
        max_chars=200,
    )
    st.text_area(
        "Ingredient list (INCI), as printed on the label",
        key="paste",
        height=150,
        max_chars=page.PASTE_MAX_CHARS,
        placeholder="Aqua, Glycerin, Petrolatum, Isopropyl Myristate, …",
        help=f"Up to {page.PASTE_MAX_CHARS:,} characters: one product's list.",
    )
    st.multiselect(
        "Where or when will you use it?",
        list(CONTEXTS),
        format_func=lambda c: page.CONTEXT_LABELS.get(c, c),
        key="context",
    )
    st.radio(
        "Product type",
        [page.AUTO_TYPE, *PRODUCT_TYPES],
        format_func=lambda t: page.PRODUCT_TYPE_LABELS.get(t, t),
        key="product_type",
        horizontal=True,
    )
    avoid_list_box()
    chosen_type = st.session_state["product_type"]
    inputs = (
        st.session_state["paste"],
        tuple(st.session_state["context"]),
        chosen_type,
        st.session_state.get("product_name") or "",
        st.session_state.get("avoid_text") or "",
    )
    if st.button("Screen", key="screen", type="primary"):
        try:
            report = screener.screen(
                inputs[0],
                context=list(inputs[1]),
                product_type=None if chosen_type == page.AUTO_TYPE else chosen_type,
                name=inputs[3].strip() or None,
                avoid=inputs[4] if st.session_state.get("avoid_on") and inputs[4].strip() else None,
            )
        except ScreenError as exc:
            st.session_state.pop("product_result", None)
            st.error(page.friendly_error(exc), icon="✋")
            return
        st.session_state["product_result"] = (inputs, report)
    stored = st.session_state.get("product_result")
    if stored is None:
        return
    used, report = stored
    if used != inputs:
        st.info("The list or options changed: press **Screen** to update the result.", icon="🔁")
    show_product(report, screener)


def routine_tab(screener: Screener) -> None:
    st.markdown(
        "Add the products you use together. The screener checks each one and the "
        "clashes between them, and suggests which to use in the morning or evening."
    )
    count = st.number_input(
        "How many products?",
        min_value=1,
        max_value=MAX_ROUTINE_PRODUCTS,
        value=2,
        step=1,
        key="routine_count",
    )
    rows = []
    for i in range(int(count)):
        with st.container(border=True):
            name = st.text_input(
                f"Product {i + 1} name", key=f"routine_name_{i}", placeholder=f"Product {i + 1}"
            )
            text = st.text_area(f"Product {i + 1} ingredient list", key=f"routine_text_{i}")
            when = st.radio(
                "When do you use it?",
                list(page.WHEN_OPTIONS),
                index=2,
                key=f"routine_when_{i}",
                horizontal=True,
                help="AM+PM: either or both; the screener may suggest a better time.",
            )
            kind = st.radio(
                "Rinsed off?",
                [page.AUTO_TYPE, *PRODUCT_TYPES],
                format_func=lambda t: page.PRODUCT_TYPE_LABELS.get(t, t),
                key=f"routine_type_{i}",
                horizontal=True,
            )
            rows.append((name, text, when, kind))
    st.multiselect(
        "Context",
        list(CONTEXTS),
        format_func=lambda c: page.CONTEXT_LABELS.get(c, c),
        key="routine_context",
    )
    if st.button("Check the routine", key="screen_routine", type="primary"):
        try:
            products = page.routine_products(rows)
            report = screener.screen_routine(products, context=st.session_state["routine_context"])
        except ScreenError as exc:
            st.session_state.pop("routine_result", None)
            st.error(page.friendly_error(exc), icon="✋")
            return
        st.session_state["routine_result"] = report
    report = st.session_state.get("routine_result")
    if report is None:
        return
    show_verdict(report, "Routine")
    st.markdown("### Products")
    st.markdown(page.routine_products_markdown(report))
    st.markdown("### Clashes between products")
    if report.findings:
        for finding in report.findings:
            st.markdown(page.finding_markdown(finding, functools.partial(citation, screener.db)))
    else:
        st.markdown("No clashes between these products.")
    st.markdown("### Suggested arrangement")
    st.markdown(page.arrangement_markdown(report))
    for item in report.unresolved:
        st.warning(f"**Unresolved:** {page.safe_md(item)}", icon="⚠️")
    for product in report.products:
        with st.expander(f"Details: {page.safe_md(product.name or 'Product')}"):
            st.markdown(page.ingredient_list_markdown(product))
            show_findings(product, screener, level="#####")
    st.markdown("### Handout for the client")
    st.caption(
        "A printable page: products by morning and evening, what not to combine and why. "
        "Open the HTML file in a browser and print it."
    )
    col_md, col_html, col_json = st.columns(3)
    col_md.download_button(
        "Handout (Markdown)",
        routine_handout(report),
        file_name="routine-handout.md",
        mime="text/markdown",
        key="download_handout_md",
        on_click="ignore",
    )
    col_html.download_button(
        "Handout (HTML, print)",
        routine_handout_html(report),
        file_name="routine-handout.html",
        mime="text/html",
        key="download_handout_html",
        on_click="ignore",
    )
    col_json.download_button(
        "Routine report (JSON)",
        page.report_json(report),
        file_name="routine-screen.json",
        mime="application/json",
        key="download_routine_json",
        on_click="ignore",
    )


def uploaded_table(upload_key: str, column_key: str) -> tuple[Any, Any, str] | None:
    """An uploaded CSV/TSV and its ingredient column (auto-detected when obvious).

    Returns (upload, frame, column) or None while something is missing; errors
    and hints are shown on the page."""
    uploaded = st.file_uploader(
        "Catalog file (CSV, TSV, Excel .xlsx or Parquet)",
        # Any file: the page names what it accepts (rather than a MIME-type refusal).
        type=None,
        key=upload_key,
        help=f"Accepted: {page.ACCEPTED_TABLES}.",
    )
    if uploaded is None:
        st.session_state.pop(f"{column_key}_file", None)
        return None
    # A new file starts with its own guess, not the choice made for the last one.
    if st.session_state.get(f"{column_key}_file") != uploaded.file_id:
        st.session_state.pop(column_key, None)
        st.session_state[f"{column_key}_file"] = uploaded.file_id
    try:
        page.check_upload_size(uploaded.size, MAX_UPLOAD_MB)
        frame = page.read_upload(uploaded.getvalue(), uploaded.name)
    except ScreenError as exc:
        st.error(page.safe_md(exc), icon="✋")
        return None
    columns = [str(c) for c in frame.columns]
    guess = page.guess_column(columns)
    column = st.selectbox(
        "Which column holds the ingredient lists?",
        columns,
        index=columns.index(guess) if guess in columns else None,
        key=column_key,
        placeholder="Choose a column",
    )
    st.caption(f"{len(frame)} rows read from the file.")
    if column is None:
        st.info("Choose the ingredient column to continue.")
        return None
    return uploaded, frame, column


def catalog_tab(batch: ModuleType | None, screener: Screener) -> None:
    st.markdown(
        "Upload a table (CSV, TSV, semicolon CSV, Excel .xlsx or Parquet) with one product "
        f"per row and a column holding each product's ingredient list (up to {MAX_UPLOAD_MB} MB)."
    )
    if batch is None:
        st.warning(
            "Catalog screening is not available in this build yet (the batch module "
            "`screener.batch` is missing). Screen products one at a time meanwhile, or "
            "update the package.",
            icon="🚧",
        )
        return
    if st.session_state.get("upload") is None:
        st.session_state.pop("catalog_result", None)
    st.multiselect(
        "Context",
        list(CONTEXTS),
        format_func=lambda c: page.CONTEXT_LABELS.get(c, c),
        key="catalog_context",
    )
    table = uploaded_table("upload", "column")
    if table is None:
        return
    uploaded, frame, column = table
    mode = st.radio(
        "Product type (a cleanser's oils are rinsed away)",
        list(page.TYPE_MODES),
        key="catalog_type_mode",
        horizontal=True,
    )
    type_column = None
    if mode == "From a column":
        type_column = st.selectbox(
            "Which column says leave-on or rinse-off (or the category)?",
            [str(c) for c in frame.columns if str(c) != column],
            index=None,
            key="catalog_type_column",
            placeholder="Choose a column",
        )
    contexts = list(st.session_state["catalog_context"])
    inputs = (uploaded.file_id, column, tuple(contexts), mode, type_column)
    if st.button("Screen the catalog", key="screen_catalog", type="primary"):
        bar = st.progress(0.0, text="Screening…")
        try:
            result = page.screen_in_chunks(
                frame,
                column,
                functools.partial(batch.screen_frame, screener=screener),
                context=contexts,
                progress=lambda share, text: bar.progress(share, text=text),
                **page.type_options(mode, type_column),
            )
        except ScreenError as exc:
            bar.empty()
            st.error(page.safe_md(exc), icon="✋")
            return
        bar.empty()
        st.session_state["catalog_result"] = (inputs, result)
    stored = st.session_state.get("catalog_result")
    if stored is None:
        return
    used, result = stored
    if used != inputs:
        st.info("The file or options changed: press **Screen the catalog** to update.", icon="🔁")
    show_catalog(result, used[1], batch)


def show_catalog(result: Any, column: str, batch: ModuleType) -> None:
    st.markdown("### Results")
    chosen = st.multiselect("Show verdicts", page.verdict_options(result), key="verdict_filter")
    shown = page.filter_by_verdict(result, chosen)
    st.caption(
        f"{len(shown)} of {len(result)} products shown (the downloads hold these rows). "
        "Click a column header to sort."
    )
    st.dataframe(
        page.results_view(shown, column),
        hide_index=True,
        key="catalog_table",
        column_config={"Verdict": st.column_config.TextColumn("Verdict", pinned=True)},
    )
    st.markdown("### Products per verdict")
    counts = page.verdict_counts(result)
    st.bar_chart(counts, x="verdict", y="products", horizontal=True, alt="Products per verdict")
    st.markdown(page.counts_markdown(counts, "verdict", "products"))
    st.markdown("### Most frequent flagged ingredients")
    flagged = page.flagged_counts(result)
    if flagged.empty:
        st.markdown("No ingredient was flagged.")
    else:
        st.bar_chart(
            flagged,
            x="ingredient",
            y="products",
            horizontal=True,
            sort="-products",
            alt="Most frequent flagged ingredients",
        )
        st.markdown(page.counts_markdown(flagged, "ingredient", "products"))
    col_csv, col_json, col_xlsx = st.columns(3)
    col_csv.download_button(
        "Download shown rows (CSV)",
        page.safe_csv_bytes(shown, getattr(batch, "neutralise_formulas", None)),
        file_name="catalog-screen.csv",
        mime="text/csv",
        key="download_csv",
        on_click="ignore",
    )
    col_json.download_button(
        "Download shown rows (JSON)",
        page.json_bytes(shown),
        file_name="catalog-screen.json",
        mime="application/json",
        key="download_catalog_json",
        on_click="ignore",
    )
    col_xlsx.download_button(
        "Download shown rows (Excel)",
        page.xlsx_bytes(shown),
        file_name="catalog-screen.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="download_xlsx",
        on_click="ignore",
    )


def catalog_for_alternatives() -> tuple[Any, str] | None:
    """The Catalog tab's upload when there is one (no second upload), else this
    tab's own uploader."""
    shared = st.session_state.get("upload")
    if shared is not None and st.session_state.get("column"):
        try:
            frame = page.read_upload(shared.getvalue(), shared.name)
        except ScreenError:
            frame = None
        if frame is not None and st.session_state["column"] in frame.columns:
            st.caption(
                f"Using the catalog uploaded in the Catalog tab ({page.safe_md(shared.name)}, "
                f"{len(frame)} rows)."
            )
            return frame, str(st.session_state["column"])
    table = uploaded_table("alt_upload", "alt_column")
    if table is None:
        return None
    _uploaded, frame, column = table
    return frame, column


def alternatives_tab(screener: Screener) -> None:
    st.markdown(
        "Pick a product from your catalog (the one uploaded in the Catalog tab, or upload one "
        "here) or paste a list: the page ranks the catalog products from the same shelf (its "
        "category column, else the same kind of product) that screen clean and do the same job."
    )
    found_table = catalog_for_alternatives()
    if found_table is None:
        return
    frame, column = found_table
    choices = page.product_choices(frame, column)
    picked = st.selectbox(
        "A product from the catalog",
        choices,
        index=None,
        key="alt_product",
        placeholder="Choose a product, or paste a list below",
    )
    pasted = st.text_area(
        "…or paste an ingredient list",
        key="alt_paste",
        height=100,
        max_chars=page.PASTE_MAX_CHARS,
    )
    category_col = _pick(frame.columns, CATEGORY_COLUMNS)
    category = None
    if category_col is not None:
        shelves = sorted({str(v).strip() for v in frame[category_col] if str(v).strip()})
        shelf = st.selectbox(
            "Shelf (category)",
            [page.SAME_SHELF, *shelves],
            key="alt_category",
            help="By default, the picked product's own category.",
        )
        category = None if shelf == page.SAME_SHELF else shelf
    contexts = st.multiselect(
        "Context",
        list(CONTEXTS),
        format_func=lambda c: page.CONTEXT_LABELS.get(c, c),
        key="alt_context",
    )
    k = st.number_input("How many suggestions", 1, 20, 5, key="alt_k")
    if not st.button("Find alternatives", key="find_alternatives", type="primary"):
        return
    row: int | None = None
    text: str | None = None
    if pasted.strip():
        text = pasted
    elif picked is not None:
        row = choices.index(picked)
    else:
        st.error("Pick a product from the catalog or paste an ingredient list.", icon="✋")
        return
    try:
        found = suggest_products(
            text,
            frame,
            column=column,
            k=int(k),
            context=contexts,
            category=category,
            row=row,
            screener=screener,
        )
    except ScreenError as exc:
        st.error(page.friendly_error(exc), icon="✋")
        return
    if found.empty:
        st.info(
            "No product on this shelf screens clean and does the same job. Try another "
            "shelf, no context, or a larger catalog.",
            icon="🔎",
        )
        return
    shelf_name = found.attrs.get("category") or found.attrs.get("query_type")
    st.markdown(
        f"### {len(found)} milia-friendly alternatives"
        + (f" from the same shelf ({page.safe_md(shelf_name)})" if shelf_name else "")
    )
    st.dataframe(page.suggestions_view(found, column), hide_index=True, key="alt_table")


def compare_tab(screener: Screener) -> None:
    st.markdown("Paste two ingredient lists to see them side by side.")
    left, right = st.columns(2)
    text_a = left.text_area("Product A", key="compare_a", height=160)
    text_b = right.text_area("Product B", key="compare_b", height=160)
    if not st.button("Compare", key="compare", type="primary"):
        return
    try:
        result = compare(text_a, text_b, screener=screener)
    except ScreenError as exc:
        st.error(page.safe_md(exc), icon="✋")
        return
    st.markdown(page.comparison_markdown(result))


def main() -> None:
    st.title("Milia & acne ingredient screener")
    st.markdown(
        "Paste a skincare ingredient list to find pore-clogging ingredients, heavy "
        "occlusives linked to milia, clashing actives and warnings for your situation — "
        "each with its reason, what to do and the sources."
    )
    screener: Screener | None = None
    try:
        screener = load_screener(str(database_dir()))
    except DatabaseError as exc:
        st.error(
            "The ingredient database could not be loaded, so screening is unavailable "
            "right now. Please try again later.",
            icon="🛑",
        )
        with st.expander("Details for the maintainers"):
            st.text("\n".join(exc.problems[:50]))
    except Exception as exc:  # a page shows a message, not a traceback
        st.error(
            f"The ingredient database could not be loaded ({type(exc).__name__}), so "
            "screening is unavailable right now.",
            icon="🛑",
        )
    tabs = st.tabs(["Product", "Routine", "Catalog", "Alternatives", "Compare", "About milia"])
    with tabs[0]:
        if screener is not None:
            product_tab(screener)
    with tabs[1]:
        if screener is not None:
            routine_tab(screener)
    with tabs[2]:
        if screener is not None:
            catalog_tab(get_batch(), screener)
    with tabs[3]:
        if screener is not None:
            alternatives_tab(screener)
    with tabs[4]:
        if screener is not None:
            compare_tab(screener)
    with tabs[5]:
        st.markdown(ABOUT_MILIA)


main()
