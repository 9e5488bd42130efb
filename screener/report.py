"""Render reports as text (terminal), Markdown and JSON.

Renderers only format; they decide nothing. User text is escaped for Markdown
so that a pasted ``<script>`` or ``[link](javascript:…)`` stays literal.
"""

from __future__ import annotations

import re
from enum import StrEnum

from .models import Finding, ProductReport, RoutineReport

KIND_TITLES = {
    "comedogenic": "Pore-clogging (comedogenic)",
    "occlusive": "Heavy occlusive / milia",
    "conflict": "Clashing actives",
    "context": "Your context",
    "avoid-list": "Your avoid list",
    "allergen": "Fragrance allergens (EU)",
    "fungal-acne": "Fungal acne (Malassezia)",
}
SEVERITY_MARK = {"avoid": "[AVOID]", "caution": "[CAUTION]", "info": "[info]", None: ""}


class OutputFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


# What GFM would turn into a live link: URLs, www. hosts, e-mail addresses.
_LINKISH = re.compile(
    r"(?i)(?:\b(?:https?|ftp|mailto|javascript|data|file):\S*|\bwww\.\S+|[\w.+-]+@[\w-]+\.[\w.]+)"
)


def _escape_plain(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))


def md_escape(text: str) -> str:
    """Escape Markdown and HTML specials in user-supplied text.

    URL-like runs (``http://…``, ``www.…``, ``a@b.c``) are shown as inline code:
    backslash escapes do not stop GFM's autolinking, code spans do."""
    out: list[str] = []
    last = 0
    for match in _LINKISH.finditer(text):
        out.append(_escape_plain(text[last : match.start()]))
        token = match.group().rstrip(".,;:!?)]}'\"")
        out.append(f"`{token.replace('`', chr(39))}`")
        last = match.start() + len(token)
    out.append(_escape_plain(text[last:]))
    return "".join(out)


def _entry_label(item_text: str, inci: str | None, match: str) -> str:
    if inci is None:
        return f"{item_text} (unknown)"
    if match == "fuzzy":
        return f"{item_text} → did you mean {inci}?"
    if match == "family":
        return f"{item_text} → {inci} (recognised by naming family)"
    if inci.casefold() != item_text.casefold():
        return f"{item_text} → {inci}"
    return item_text


def findings_by_kind(findings: list[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.kind, []).append(finding)
    return {k: grouped[k] for k in KIND_TITLES if k in grouped}


def _finding_text(finding: Finding, head: str, sources: bool = True) -> list[str]:
    lines = [f"  {SEVERITY_MARK[finding.severity]} {head}"]
    lines.append(f"      Why: {finding.reason}")
    lines.append(f"      What to do: {finding.advice}")
    if sources:
        lines.append(f"      Sources: {', '.join(finding.sources)}")
    return lines


def render_text(report: ProductReport) -> str:
    lines = [f"Verdict: {report.verdict.summary}"]
    if report.context:
        lines.append(f"Context: {', '.join(report.context)}")
    if report.product_type:
        why = f" ({report.product_type_reason})" if report.product_type_reason else ""
        lines.append(f"Product type: {report.product_type}{why}")
    lines.append("")
    lines.append("Ingredients:")
    for item in report.ingredients:
        mark = SEVERITY_MARK[item.flag]
        extra = " (may contain)" if item.may_contain else ""
        lines.append(
            f"  {item.position:>3}. {_entry_label(item.text, item.inci, item.match)}{extra} {mark}".rstrip()
        )
    for kind, items in findings_by_kind(report.findings).items():
        lines.append("")
        lines.append(f"{KIND_TITLES[kind]}:")
        for finding in items:
            lines.extend(_finding_text(finding, ", ".join(finding.ingredients)))
    if report.alternatives:
        lines.append("")
        lines.append("Milia-friendly alternatives:")
        for alt in report.alternatives:
            lines.append(f"  Instead of {alt.replaces}:")
            for s in alt.suggestions:
                lines.append(f"    - {s.inci}: {s.why}")
    if report.notes:
        lines.append("")
        lines.append("Notes:")
        lines.extend(f"  - {note}" for note in report.notes)
    return "\n".join(lines) + "\n"


def render_markdown(report: ProductReport, title: str | None = None) -> str:
    name = title or report.name or "Product"
    out = [f"# Ingredient screen: {md_escape(name)}", ""]
    out.append(f"**Verdict: {report.verdict.label}** — {md_escape(report.verdict.summary)}")
    if report.context:
        out.append(f"\nContext: {', '.join(report.context)}")
    if report.product_type:
        why = f" ({md_escape(report.product_type_reason)})" if report.product_type_reason else ""
        out.append(f"\nProduct type: {report.product_type}{why}")
    out += [
        "",
        "## Ingredients",
        "",
        "| # | As printed | INCI | Match | Flag |",
        "|---|---|---|---|---|",
    ]
    for item in report.ingredients:
        flag = item.flag or ""
        out.append(
            f"| {item.position} | {md_escape(item.text)}{' (may contain)' if item.may_contain else ''}"
            f" | {md_escape(item.inci or 'unknown')} | {item.match} | {flag} |"
        )
    for kind, items in findings_by_kind(report.findings).items():
        out += ["", f"## {KIND_TITLES[kind]}", ""]
        for finding in items:
            out.append(
                f"- **{finding.severity}** — {md_escape(', '.join(finding.ingredients))}: "
                f"{md_escape(finding.reason)} *What to do:* {md_escape(finding.advice)} "
                f"(sources: {', '.join(finding.sources)})"
            )
    if report.alternatives:
        out += ["", "## Milia-friendly alternatives", ""]
        for alt in report.alternatives:
            subs = "; ".join(f"{md_escape(s.inci)} ({md_escape(s.why)})" for s in alt.suggestions)
            out.append(f"- Instead of **{md_escape(alt.replaces)}**: {subs}")
    if report.notes:
        out += ["", "## Notes", ""]
        out += [f"- {md_escape(n)}" for n in report.notes]
    out += ["", "## Caveats", ""]
    out += [f"- {c}" for c in report.caveats]
    return "\n".join(out) + "\n"


def render_routine_text(report: RoutineReport) -> str:
    lines = [f"Routine verdict: {report.verdict.summary}", ""]
    for product in report.products:
        lines.append(
            f"{product.name}: {product.verdict.label} "
            f"({product.verdict.counts['avoid']} avoid, "
            f"{product.verdict.counts['caution']} caution)"
        )
        if product.product_type:
            why = f" ({product.product_type_reason})" if product.product_type_reason else ""
            lines.append(f"  Product type: {product.product_type}{why}")
    lines.append("")
    if report.findings:
        lines.append("Clashes between products:")
        for f in report.findings:
            head = f"{' × '.join(f.products)}: {' + '.join(f.ingredients)}"
            lines.extend(_finding_text(f, head, sources=False))
    else:
        lines.append("No clashes between products.")
    lines.append("")
    lines.append("Suggested arrangement:")
    for p in report.arrangement:
        lines.append(f"  {p.slot:>14}  {p.product} — {p.why}")
    for u in report.unresolved:
        lines.append(f"  Unresolved: {u}")
    return "\n".join(lines) + "\n"


def render(report: ProductReport, fmt: OutputFormat | str) -> str:
    """One product report in any output format (the CLI's single switch)."""
    chosen = OutputFormat(fmt)
    if chosen is OutputFormat.json:
        return report.model_dump_json(indent=2) + "\n"
    if chosen is OutputFormat.markdown:
        return render_markdown(report)
    return render_text(report)
