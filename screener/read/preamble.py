"""Stages 3-4: cut what is not the list (a preamble, trailing panels).

Everything cut goes into the notes.
"""

from __future__ import annotations

import re

from .common import first_possible, preview

_HEADING_WORDS = (
    r"(?:(?:(?:active|inactive|other|full|key)\s+)?ingredients?(?:\s+list)?"
    r"|ingr[ée]dients?|inci(?:\s+list)?|inhaltsstoffe|ingredientes|ingredienti|composition"
    r"|zusammensetzung|sastojci|sk[łl]adniki|bestanddelen|ingredi[ëe]nten|ainesosat"
    r"|ingredienser|[成全]分)"
    # A short qualifier in brackets: "Inhaltsstoffe (INCI):", "Ingredients (EN):".
    r"(?:\s*\([^()\n:：]{1,12}\))?"
)
HEADING = re.compile(
    # Also glued to a size before it: "... Zinc 1% 30mlIngredients: Aqua".
    rf"(?i)(?:(?<![\w-])|(?<=\d)|(?<=\dml)|(?<=\dg)|(?<=\doz))(?:{_HEADING_WORDS})(?:\s+(?:of|in|for)\s+[^:：\n,]{{1,60}})?\s*[:：]"
)
# Every match of HEADING begins with one of these (lower case) in ASCII text:
# a heading word, or the word before one ("active", "other", "full", "key").
HEADING_KEYS = (
    "ingr", "inci", "inhaltsstoffe", "composition", "zusammensetzung", "sastojci",
    "skladniki", "bestanddelen", "ainesosat", "active", "other", "full", "key",
)  # fmt: skip
# A heading that opens the text even without a colon: "INGREDIENTS Water, ...".
# "INGREDIENTS Water, ...", "Ingredients - Water, ...": the word first, no colon.
LEADING_HEADING = re.compile(
    r"(?i)^\s*(?:(?:ingredients?|ingr[ée]dients?|inci|inhaltsstoffe|ingredientes|ingredienti)"
    r"(?:\s*\([^()\n]{1,12}\))?"
    # A package insert's "Each gram of Tri-Luma Cream contains 0.1 mg of ...".
    r"|(?:each|1|per)\s+(?:gram|gm|g|ml|milliliter)\b[^:\n]{0,80}?\b(?:contains?|provides?)\b:?)"
    r"(?:\s*\n|\s+[-–—]\s+|\s+(?=\w))"
)
TRAILING = re.compile(
    r"(?i)(?<![\w-])(?:directions(?:\s+for\s+use)?|how\s+to\s+use|suggested\s+use"
    r"|warnings?|cautions?|precautions?|for\s+external\s+use(?:\s+only)?|keep\s+out\s+of"
    r"|stop\s+use|do\s+not\s+use|avoid\s+contact\s+with|store\s+(?:in|at|below)"
    r"|made\s+in\b|manufactured\s+(?:by|for)|distributed\s+by|net\s+(?:wt|weight|contents?)"
    r"|best\s+before|expiry|please\s+be\s+aware\s+that|please\s+refer\s+to"
    r"|mode\s+d'emploi|conseils?\s+d'utilisation|pr[ée]cautions?\s+d'emploi|anwendung"
    r"|warnhinweise?|apply\s+(?:to|on|a|evenly|liberally|daily)|benefits?\s*:|key\s+benefits"
    r"|clinical(?:ly)?\s+(?:results|proven)|free\s+(?:of|from)\s*:|formulated\s+without"
    r"|this\s+product\s+is\s+(?:free|formulated)"
    # A claim sentence after the list: "... Tocopherol. Free of parabens and mineral oil."
    r"|(?<=[.!])\s*(?:free\s+(?:of|from)|contains\s+no)\b"
    # Allergen advice, not a may-contain block: "May contain traces of nuts."
    r"|may\s+contain\s+traces?\s+of\b"
    # A web page's buttons ("...Show more", "Read more") and a formula code
    # ("F.I.L. D41785/1", L'Oréal's formula identification).
    r"|(?:show|read|see|view)\s+(?:more|less|all)\b|\(?\s*f\.i\.l\.?\s*(?:n[°o]\.?\s*)?[a-z]?\d)"
)

# Every match of TRAILING holds one of these (lower case, spaces collapsed): a
# text without any of them is not scanned. Keep them in step with the pattern
# (tests/test_batch.py checks the samples).
TRAILING_KEYS = (
    "direction", "how to use", "suggested use", "warn", "caution", "for external",
    "keep out of", "stop use", "do not use", "avoid contact with", "store ", "made in",
    "manufactured ", "distributed by", "net w", "net content", "best before", "expiry",
    "please be aware", "please refer", "mode d'", "conseil", "anwendung", "apply ",
    "benefit", "clinical", "free ", "formulated without", "this product is", "contains no",
    "may contain trace", "show ", "read more", "read less", "see more", "see all", "view ", "f.i.l",
)  # fmt: skip


def cut_preamble(text: str, notes: list[str]) -> str:
    """Drop what precedes the first ``Ingredients:`` heading; later headings
    (``Inactive Ingredients:``) become separators so both lists are read."""
    colon = ":" in text or "：" in text  # every HEADING match ends with a colon
    start = first_possible(text, HEADING_KEYS) if colon else None
    heading = HEADING.search(text, start) if start is not None else None
    match = heading or LEADING_HEADING.search(text)
    if match:
        before = text[: match.start()].strip()
        if before:
            notes.append(f"Cut text before the ingredient list: {preview(before)}")
        text = text[match.end() :]
    # No heading in the whole text: none in what follows a leading one either.
    later = first_possible(text, HEADING_KEYS) if heading is not None else None
    headings = list(HEADING.finditer(text, later)) if later is not None else []
    if headings:
        notes.append(
            "Read several ingredient sections as one list: "
            + ", ".join(repr(h.group(0).strip()) for h in headings[:5])
        )
        text = HEADING.sub(",", text)
    return text


def cut_trailing(text: str, notes: list[str]) -> str:
    """Drop a trailing panel (``Directions:``, ``Warnings:``, a retailer disclaimer)."""
    start = first_possible(text, TRAILING_KEYS)
    match = TRAILING.search(text, start) if start is not None else None
    # A marker at the very start is not a trailing panel (nothing would be left).
    if match and text[: match.start()].strip(" \n,;.:"):
        cut = text[match.start() :].strip()
        notes.append(f"Cut text after the ingredient list: {preview(cut)}")
        text = text[: match.start()]
    return text
