"""A routine as a printable handout a clinic can give a client.

``routine_handout(report)`` is Markdown; ``routine_handout_html(report)`` a
self-contained HTML page (inline CSS, print-friendly) in which every piece of
user or data text is escaped: a product named ``<script>`` prints as text.
Both say, in plain language: what to use in the morning and in the evening,
what not to combine and why, and what to keep an eye on.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .models import Finding, ProductReport, RoutineReport
from .report import md_escape

TITLE = "Your skincare routine"
FOOTER = (
    "This handout is information from an ingredient screen, not medical advice. See your "
    "dermatologist for bumps on red or inflamed skin, clusters that keep appearing, or milia "
    "on the eyelids; never try to extract milia at home."
)
SLOT_WORDS = {"AM": "Morning", "PM": "Evening"}


@dataclass(frozen=True, slots=True)
class HandoutProduct:
    name: str
    why: str
    verdict: str
    culprits: tuple[str, ...]
    rinse_off: bool


@dataclass(frozen=True, slots=True)
class Handout:
    """The handout's content, once; the two renderings only format it."""

    morning: tuple[HandoutProduct, ...]
    evening: tuple[HandoutProduct, ...]
    apart: tuple[tuple[str, str, str], ...]  # (products, what clashes, why + what to do)
    alternate: tuple[str, ...]
    watch: tuple[tuple[str, str], ...]  # (product, what decided its verdict)


def _culprits(product: ProductReport) -> tuple[str, ...]:
    return tuple(product.flagged[:5])


def _clash(finding: Finding) -> tuple[str, str, str]:
    products = " and ".join(finding.products) if finding.products else "these products"
    what = " + ".join(finding.ingredients)
    why = " ".join(part for part in (finding.reason.strip(), finding.advice.strip()) if part)
    return products, what, why


def handout_content(report: RoutineReport) -> Handout:
    """Morning and evening products, clashes and what to watch, from a routine report."""
    by_name = {p.name: p for p in report.products}
    morning: list[HandoutProduct] = []
    evening: list[HandoutProduct] = []
    for place in report.arrangement:
        product = by_name.get(place.product)
        item = HandoutProduct(
            name=place.product,
            why=place.why,
            verdict=product.verdict.label if product else "",
            culprits=_culprits(product) if product else (),
            rinse_off=bool(product and product.product_type == "rinse-off"),
        )
        if place.slot in ("AM", "AM+PM"):
            morning.append(item)
        if place.slot in ("PM", "AM+PM"):
            evening.append(item)
    watch = tuple(
        (p.name or "Product", "; ".join(p.verdict.deciding[:3]))
        for p in report.products
        if p.verdict.worst in ("caution", "avoid") and p.verdict.deciding
    )
    return Handout(
        morning=tuple(morning),
        evening=tuple(evening),
        apart=tuple(_clash(f) for f in report.findings if f.severity in ("caution", "avoid")),
        alternate=tuple(report.unresolved),
        watch=watch,
    )


def _product_line(item: HandoutProduct) -> str:
    how = " (rinse off)" if item.rinse_off else ""
    return f"{item.name}{how}"


def routine_handout(report: RoutineReport) -> str:
    """The handout as Markdown (every user text escaped)."""
    content = handout_content(report)
    out = [f"# {TITLE}", ""]
    for title, items in (("☀️ Morning", content.morning), ("🌙 Evening", content.evening)):
        out += [f"## {title}", ""]
        if items:
            out += [
                f"{n}. **{md_escape(_product_line(item))}** — {md_escape(item.why)}"
                for n, item in enumerate(items, start=1)
            ]
        else:
            out.append("Nothing in this part of the day.")
        out.append("")
    out += ["## Do not combine", ""]
    if content.apart or content.alternate:
        out += [
            f"- **{md_escape(products)}** ({md_escape(what)}): {md_escape(why)}"
            for products, what, why in content.apart
        ]
        out += [f"- Alternate days: {md_escape(line)}" for line in content.alternate]
    else:
        out.append("Nothing in this routine clashes.")
    if content.watch:
        out += ["", "## Keep an eye on", ""]
        out += [f"- **{md_escape(name)}**: {md_escape(why)}" for name, why in content.watch]
    out += ["", f"_{md_escape(FOOTER)}_", ""]
    return "\n".join(out)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:42rem;margin:2rem auto;
padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:1.6rem;
border-bottom:1px solid #999}
li{margin:.35rem 0}.why{color:#333}.foot{margin-top:2rem;font-size:.85rem;color:#333}
@media print{body{margin:0;max-width:none}a{color:#000}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def routine_handout_html(report: RoutineReport) -> str:
    """The handout as one self-contained HTML page for printing; no user text is
    ever inserted unescaped."""
    content = handout_content(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(TITLE)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(TITLE)}</h1>",
    ]
    for title, items in (("Morning", content.morning), ("Evening", content.evening)):
        parts.append(f"<h2>{_e(title)}</h2>")
        if items:
            parts.append("<ol>")
            parts += [
                f"<li><strong>{_e(_product_line(item))}</strong> "
                f'<span class="why">— {_e(item.why)}</span></li>'
                for item in items
            ]
            parts.append("</ol>")
        else:
            parts.append("<p>Nothing in this part of the day.</p>")
    parts.append("<h2>Do not combine</h2>")
    if content.apart or content.alternate:
        parts.append("<ul>")
        parts += [
            f"<li><strong>{_e(products)}</strong> ({_e(what)}): {_e(why)}</li>"
            for products, what, why in content.apart
        ]
        parts += [f"<li>Alternate days: {_e(line)}</li>" for line in content.alternate]
        parts.append("</ul>")
    else:
        parts.append("<p>Nothing in this routine clashes.</p>")
    if content.watch:
        parts.append("<h2>Keep an eye on</h2><ul>")
        parts += [f"<li><strong>{_e(name)}</strong>: {_e(why)}</li>" for name, why in content.watch]
        parts.append("</ul>")
    parts.append(f'<p class="foot">{_e(FOOTER)}</p></body></html>')
    return "\n".join(parts) + "\n"
