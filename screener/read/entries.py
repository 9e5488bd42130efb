"""Stage 6: one segment → its printed entries (and footnote text).

``read_entry`` reads one printed entry: supplier blends, percentages (kept
as an annotation and as a number), ``(nano)``, pharmacopoeia grades,
footnote marks, parenthesised aliases, slash synonyms, and the marketing
words before a name (normalise.strip_marketing_words). The name the matcher
tries first is always the printed name without its annotations; what was
stripped from it comes next, as ``candidates``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from ..limits import MAX_ENTRY_CHARS
from ..normalise import strip_marketing_words
from .common import preview


class EntryRead(NamedTuple):
    """One entry as read from a segment (position and section come later)."""

    text: str
    name: str
    candidates: tuple[str, ...]
    annotations: tuple[str, ...]
    #: The printed concentration ("Salicylic Acid 2%" → 2.0), or None.
    percent: float | None


# Spaces around the marker stay with the pieces (read_entry collapses them):
# a pattern opening with a space run would rescan the run from each space.
_BLEND = re.compile(r"(?i)[\[(]\s*and\s*[\])]|(?<=\s)\(&\)(?=\s)")
_NUMBER = r"\d{1,3}(?:[.,]\d{1,3})?"
# A printed percentage: "2%", "(20%)", "9.0% Zinc Oxide", "0,5 %", "7.5% w/w",
# "<1%", "1-2%". The number never continues a name: not after a letter, digit,
# hyphen or slash ("PEG-40", "C12-15", "Ceteareth-20", "Polysorbate 80" carry
# no "%", and "Laureth-4%" is not read either). A claim ("100% Natural",
# "(95% organic)") is not a concentration.
_PERCENT = re.compile(
    rf"(?i)[\[(]?\s*(?P<bound>(?:<|≤|max\.?|up\s+to|less\s+than)\s*)?"
    rf"(?<![\w\-/])(?<!\d[.,])(?P<value>{_NUMBER})(?:\s?-\s?(?P<high>{_NUMBER}))?\s?%"
    r"(?P<claim>\s*(?:natural|organic|pure|vegan|bio|plant[\s-]based)\b)?"
    r"(?:\s*\(?\s*[wv]\s*/\s*[wv]\s*\)?)?\s*[\])]?"
)
_NANO = re.compile(r"(?i)\s*[\[(]\s*nano\s*[\])]")
# A pharmacopoeia grade after a name ("White Petrolatum USP", "Glycerin, USP",
# "Zinc Oxide USP 40%", "Hydrocortisone (USP)"): a purity standard, not part
# of the INCI name.
# Indian (IP), British (BP) and European (Ph. Eur.) titles too, with or without dots.
_GRADE_WORDS = r"(?:USP|U\.S\.P\.?|NF|N\.F\.?|BP|B\.P\.?|EP|Ph\.?\s?Eur\.?|FCC|JP|IP|I\.P\.?)"
_GRADE = re.compile(rf"(?:\s+|^)(?:{_GRADE_WORDS}(?:\s*/\s*{_GRADE_WORDS})?)\.?$")
GRADE_ONLY = re.compile(rf"^\s*\(?{_GRADE_WORDS}(?:\s*/\s*{_GRADE_WORDS})?\.?\)?\s*$")
MARKS = "*°†‡✝¹²³⁴⁵^#+"
_EDGE_MARKS = re.compile(rf"^[{re.escape(MARKS)}]+|[{re.escape(MARKS)}]+$")
_FLAT_FOOTNOTE = re.compile(r"(?<=[A-Za-z])\d{1,3}$")
# A grade or processing word before a common name ("Light Mineral Oil", "White
# Petrolatum", "Refined Shea Butter"): the same substance. The name without it
# is tried last, after the printed name and its parts. Never "hydrogenated"
# or "fractionated": those make another substance.
_QUALITY_PREFIX = re.compile(
    r"(?i)^(?:refined|deodori[sz]ed|light|heavy|purified|filtered|white|yellow)\s+(?=\w)"
)
_LEAD_BULLET = re.compile(r"^(?:[-–•·*]\s+|\d{1,3}[.)]\s+|and\s+|&\s+)", re.IGNORECASE)
_FOOTNOTE_WORDS = re.compile(
    r"(?i)\b(?:organic|natural(?:ly)?|origin|farming|certified|fair\s*trade|derived|derivative"
    r"|agricultur\w*|wild[\s-]?harvested|ecocert|cosmos|biologique|bio|essential\s+oils?"
    r"|component|from\s+\w+|ingredients?\s+from|percent|%\s+of|of\s+the\s+total"
    # a drug label's pointer: "*read consumer information leaflet"
    r"|read\s+(?:the\s+)?(?:consumer|patient|enclosed|package)|leaflet)\b"
)
_PAREN_NOTE = re.compile(
    r"(?i)^(?:certified\s+)?(?:organic|bio|natural|vegan|non[\s-]?gmo|plant[\s-]?derived"
    r"|vegetable|naturally\s+derived|from\s+.+|cold[\s-]pressed|micronized|micronised"
    # A drug label's role note: "benzoic acid (as a preservative)".
    r"|as\s+(?:an?\s+)?(?:preservative|antioxidant|buffer(?:ing\s+agent)?|emulsifier"
    r"|stabili[sz]er|ph\s+adjuster|solvent|humectant)s?)$"
)
# A drug label's "sodium hydroxide to adjust pH": the role, not the name.
_TO_ADJUST = re.compile(r"(?i)\s+(?:to|for)\s+(?:adjust(?:ing)?|adjustment\s+of)\s+(?:the\s+)?ph$")
# "Clindamycin Phosphate IP equivalent to Clindamycin 1% w/w": the strength is
# given as the base; the entry is the salt before "equivalent to".
_EQUIVALENT = re.compile(r"(?i)\s+(?:equivalent|equiv\.?|eq\.)\s+to\s+(?P<base>.+)$")
# "clindamycin as phosphate" (a salt printed after its base): try "clindamycin
# phosphate" first, then the base.
_AS_FORM = re.compile(r"(?i)^(?P<base>[^()]+?)\s+as\s+(?!an?\b|the\b)(?P<form>[a-z][\w-]*)$")
# "q.s." (quantum satis), with its "to 100 g": fills the rest of the product.
_QS = r"q\.?\s?s\.?(?:\s+(?:to|ad)\s+\d[\d.,]*\s?(?:%|g|gm|ml))?\.?"
# A base that fills the rest ("Cream base q.s.", "Ointment base q.s. to 100 g"):
# not an ingredient of its own.
BASE_FILL = re.compile(
    r"(?i)^\s*(?:(?:cream|ointment|gel|lotion|emulsion|vanishing(?:\s+cream)?|water[\s-]washable)"
    rf"\s+)?base\s+{_QS}\s*$"
)
# "Purified Water q.s.": the ingredient that fills the rest.
_QUANTUM_SATIS = re.compile(rf"(?i)\s+{_QS}$")
_AMOUNT = re.compile(r"(?i)^\d{1,4}(?:[.,]\d{1,3})?\s?(?:mg|g|mcg|µg)$")
_TRAILING_AMOUNT = re.compile(r"(?i)(?<![\w\-/.,])(\d{1,4}(?:[.,]\d{1,3})?)\s?(mg|g)\.?$")
_LETTER_START = re.compile(r"[^\W\d_]")
_DOSAGE_FORM = re.compile(
    r"(?i)(?<=\w)\s+(?:topical\s+|vaginal\s+|ophthalmic\s+|dermal\s+)?(?:cream|ointment|gel|lotion"
    r"|solution|foam|emulsion|suspension|paste|jelly|spray|liniment)$"
)
_LEADING_AMOUNT = re.compile(
    r"(?i)^(\d{1,4}(?:[.,]\d{1,3})?)\s?(mg|gm|g)\.?\s+(?:of\s+)?(?=[^\W\d_])"
)
_AMOUNT_NOTE = re.compile(r"^(\d{1,4}(?:[.,]\d{1,3})?) (mg|g)$")
_PPM = re.compile(r"(?i)\s*\(?\s*\d[\d,.]*\s?ppm\s*\)?")
_INTERIOR_JOINER = re.compile(r"(?i)^[\s/,;]*(?:(?:or|and)[\s/,;]*)?$")
_INNER_PARENS = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_BRACKET_CHARS = re.compile(r"[()\[\]]")
_LIST_BREAK = re.compile(r"[,;]")
_SLASH = re.compile(r"\s*[/\\]\s*")


# A footnote that names its mark in words: "Ingredients marked * are certified
# organic", "* = organic", "† denotes natural origin".
_NAMES_ITS_MARK = re.compile(
    rf"(?i)\b(?:marked|indicated|denoted|followed)\s+(?:with\s+|by\s+)?(?:an?\s+)?[{re.escape(MARKS)}]"
    rf"|[{re.escape(MARKS)}]\s*(?:=|indicates|denotes|means)\s"
)


def _is_footnote(text: str) -> bool:
    stripped = text.strip()
    if stripped[:1] == "(" and stripped[1:2] in MARKS:  # "(*) Ingredients from organic farming"
        stripped = stripped[1:].replace(")", "", 1).strip()
    if not stripped:
        return False
    if stripped[0] in MARKS:
        return bool(_FOOTNOTE_WORDS.search(stripped))
    return bool(_NAMES_ITS_MARK.search(stripped))


def _read_percentages(name: str, annotations: list[str]) -> tuple[str, float | None]:
    """Cut the percentages out of a name: each becomes an annotation; the
    concentration is the one exact value printed (a bound "<1%", a range
    "1-2%" or a claim "95% organic" is shown, not read as a concentration).
    A claim that opens the name ("100% Natural Rosehip Oil") is left to
    strip_marketing_words, so that the name as printed is tried first."""
    values: set[float] = set()
    inexact = False
    kept: list[str] = []
    last = 0
    for pct in _PERCENT.finditer(name):
        value = pct.group("value").replace(",", ".")
        bound = " ".join(pct.group("bound").split()) if pct.group("bound") else ""
        high, claim = pct.group("high"), pct.group("claim")
        if claim:
            if not name[: pct.start()].strip():
                continue
            annotations.append(f"{value}% {claim.strip().lower()}")
        elif high:
            annotations.append(f"{value}-{high.replace(',', '.')}%")
            inexact = True
        elif bound:
            annotations.append(f"{bound}{'' if bound in '<≤' else ' '}{value}%")
            inexact = True
        else:
            annotations.append(f"{value}%")
            values.add(float(value))
        between = name[last : pct.start()]
        # "tretinoin (0.1% / 0.05% or 0.025%)": what only joins two strengths goes.
        if not (kept and _INTERIOR_JOINER.match(between)):
            kept.append(between)
        last = pct.end()
    if not kept:
        return name, None
    kept.append(name[last:])
    name = " ".join(kept)
    if inexact or len(values) != 1:
        return name, None
    value = next(iter(values))
    return name, value if value <= 100 else None


def amount_percent(annotations: Sequence[str], basis_g: float) -> float | None:
    """An entry's amount as a percentage of ``basis_g`` grams of product
    ("27.00 g" in "100 g contains" → 27.0; "1 mg" in "each gram contains" → 0.1)."""
    for note in annotations:
        found = _AMOUNT_NOTE.match(note)
        if found:
            grams = float(found.group(1).replace(",", "."))
            if found.group(2) == "mg":
                grams /= 1000
            value = round(grams / basis_g * 100, 4)
            return value if 0 < value <= 100 else None
    return None


def read_entry(raw: str) -> EntryRead | None:
    """One printed segment → the entry as printed, its name, candidates,
    annotations and concentration."""
    printed = " ".join(raw.split()).strip(" ,;…")
    printed = _LEAD_BULLET.sub("", printed).strip()
    if printed.endswith(".") and not printed.lower().endswith(("denat.", "no.")):
        printed = printed[:-1].rstrip()
    if not printed:
        return None
    if len(printed) > MAX_ENTRY_CHARS:
        return EntryRead(
            printed[:MAX_ENTRY_CHARS] + "…", "", (), ("too long to be one ingredient",), None
        )
    annotations: list[str] = []
    name = printed
    if _NANO.search(name):
        annotations.append("nano")
        name = _NANO.sub("", name)
    percent: float | None = None
    if "%" in name:
        name, percent = _read_percentages(name, annotations)
    if "ppm" in name or "PPM" in name:  # "Madecassoside 1,000ppm": shown, not a percentage
        for found in _PPM.finditer(name):
            annotations.append(" ".join(found.group().strip(" ()").split()))
        name = _PPM.sub(" ", name)
    name = name.strip()
    # An amount per unit ("vaseline 27.00 g", "adapalene 1 mg"): shown, and read
    # as a percentage when the label says per how much (label.amount_percent).
    amount = _TRAILING_AMOUNT.search(name) if name[-1:] in "gG." else None
    if amount and _LETTER_START.match(name):
        annotations.append(f"{amount.group(1)} {amount.group(2).lower()}")
        name = name[: amount.start()].strip()
    elif name[:1].isdigit() and (lead := _LEADING_AMOUNT.match(name)):
        # An insert's "Each gram contains 1 mg adapalene": the amount before the name.
        unit = lead.group(2).lower()
        annotations.append(f"{lead.group(1)} {'g' if unit == 'gm' else unit}")
        name = name[lead.end() :]
    if " " in name:
        # Drug-label notes, each looked for only when its key word is there.
        low = name.lower()
        if " - " in name or "–" in name or "—" in name:
            descriptor = _DESCRIPTOR.search(name)
            if descriptor and descriptor.start() > 0:
                annotations.append(" ".join(descriptor.group().split()).lstrip("-–— "))
                name = name[: descriptor.start()]
        if low.endswith("ph") and (adjust := _TO_ADJUST.search(name)):
            annotations.append("to adjust pH")
            name = name[: adjust.start()]
        if "eq" in low and (equivalent := _EQUIVALENT.search(name)) and equivalent.start() > 0:
            annotations.append("equivalent to " + " ".join(equivalent.group("base").split()))
            name = name[: equivalent.start()]
        if "q" in low and (quantum := _QUANTUM_SATIS.search(name)) and quantum.start() > 0:
            annotations.append("q.s. (fills the rest)")
            name = name[: quantum.start()]
    marks = "".join(m.group() for m in _EDGE_MARKS.finditer(name))
    if marks:
        annotations.append(f"footnote {marks}")
        name = _EDGE_MARKS.sub("", name).strip()
    # After the percentage: "White Petrolatum USP 41%" ends with its grade then.
    graded = ""
    grade = _GRADE.search(name)
    if grade and grade.start() > 0:
        annotations.append(grade.group().strip() + " grade")
        graded = name  # tried last: "Emulsifying Wax NF" is itself an INCI name
        name = name[: grade.start()]

    candidates: list[str] = []
    # Parenthesised parts: aliases ("Aqua (Water)"), common names inside a
    # botanical name ("Butyrospermum Parkii (Shea) Butter"), CI numbers, notes.
    # One pass over the innermost groups, then again only if groups nest.
    inner_parts: list[str] = []
    while "(" in name or "[" in name:
        pieces: list[str] = []
        last = 0
        for found in _INNER_PARENS.finditer(name):
            inner = found.group(1).strip()
            if _PAREN_NOTE.match(inner):
                annotations.append(inner.lower())
            elif GRADE_ONLY.match(inner):
                annotations.append(inner + " grade")
            elif _AMOUNT.match(inner):  # "adapalene 0.1% (1 mg)"
                annotations.append(inner)
            elif inner:
                inner_parts.append(inner)
            pieces.append(name[last : found.start()])
            last = found.end()
        if not pieces:
            break
        pieces.append(name[last:])
        name = " ".join(pieces).strip()
    # An unmatched opener: what follows it reads as a parenthetical ("Glycerin (Vegetable").
    head, opener, tail = name.partition("(") if "(" in name else name.partition("[")
    if opener and head.strip():
        inner_parts.append(tail.strip(" )]"))
        name = head
    name = " ".join(_BRACKET_CHARS.sub(" ", name).split()).strip(" ,;:-")
    # A grade before a parenthesised note: "Adapalene USP (retinoid)".
    grade = _GRADE.search(name) if inner_parts and not graded else None
    if grade and grade.start() > 0:
        annotations.append(grade.group().strip() + " grade")
        graded = name
        name = name[: grade.start()]
    # Marketing words before the name: the name as printed is tried first,
    # without them next ("Organic Aloe Vera" → "Aloe Vera").
    stripped, marketing = strip_marketing_words(name)
    if marketing:
        annotations.append(" ".join(marketing.lower().split()))
        candidates.append(stripped)
    if inner_parts:
        # The full printed form: it is often a recorded alias itself.
        full = _PERCENT.sub(" ", printed) if "%" in printed else printed
        candidates.append(_EDGE_MARKS.sub("", full.strip()).strip())
        for inner in inner_parts:
            candidates.extend(p.strip() for p in _LIST_BREAK.split(inner) if p.strip())
    # Slash synonyms: "AQUA / WATER", "Water/Aqua/Eau". Slashes inside one INCI
    # name ("Caprylic/Capric Triglyceride") are kept: the whole name is tried
    # first, and the parts only as a fallback.
    # A backslash is sometimes printed for the same purpose: "Yeast Extract\Faex".
    base = stripped if marketing else name
    if "/" in base or "\\" in base:
        parts = [p.strip() for p in _SLASH.split(base) if p.strip()]
        if len(parts) > 1:
            candidates.extend(parts)
    quality = _QUALITY_PREFIX.match(base)
    if quality:
        candidates.append(base[quality.end() :])
    # A superscript footnote number flattened by copy and paste ("Glycerin¹" →
    # "Glycerin1"): the name without it is tried last, after the name itself
    # ("Ceramide3" is Ceramide 3 and matches before this is tried).
    flattened = _FLAT_FOOTNOTE.search(base)
    if flattened:
        candidates.append(base[: flattened.start()])
    if graded:
        candidates.append(" ".join(graded.split()))
    # A drug's title names its dosage form: "Tretinoin Cream USP 0.025%",
    # "Metronidazole Topical Gel 0.75%". With a strength or grade printed, the
    # name before the form is the active (tried last, so "Aloe Vera Gel", a
    # name of its own, and any recorded name win).
    if (percent is not None or graded) and (form := _DOSAGE_FORM.search(base)):
        candidates.append(base[: form.start()])
    as_form = _AS_FORM.match(base) if " as " in base.lower() else None
    if as_form:
        # "clindamycin as phosphate": the salt first, then the base.
        candidates[:0] = [f"{as_form.group('base')} {as_form.group('form')}", as_form.group("base")]
    if not name and candidates:
        name = candidates[0]
    return EntryRead(
        printed,
        name,
        tuple(dict.fromkeys(c for c in candidates if c and c != name)),
        tuple(annotations),
        percent,
    )


# A web page's descriptor after a dash: "Glycerin - humectant", "Squalane - moisturizer".
_DESCRIPTOR = re.compile(
    r"(?i)\s+[-–—]\s+(?:an?\s+)?(?:natural\s+|plant[\s-]derived\s+)?(?:humectant|emollient"
    r"|moisturi[sz](?:er|ing)|preservative|antioxidant|emulsifier|thickener|solvent|surfactant"
    r"|cleanser|exfoliant|soothing(?:\s+agent)?|ph\s+adjuster|colou?rant|skin[\s-]conditioning"
    r"(?:\s+agent)?|hydrating(?:\s+agent)?)s?\b[^()]*$"
)
_BARE_PERCENT = re.compile(r"^\s*\(?\d{1,3}(?:[.,]\d{1,4})?\s?%\)?\s*$")
_INNER_FOOTNOTE = re.compile(r"\s[*°†‡✝+]{1,3}\s?(?=[A-Za-z])")
HEADING_MARK = "\x02"
GRADE_MARK = "\x03"
BASE_MARK = "\x04"
SPLIT_MARK = "\x05"


@lru_cache(maxsize=100_000)
def read_segment(text: str) -> tuple[tuple[str, ...], tuple[EntryRead, ...]]:
    """One segment → (footnote texts, entries read from it).

    A pure function of the segment text, cached: a catalog repeats the same
    few thousand segments across its lists (the lists themselves are not cached).
    """
    footnotes: list[str] = []
    entries: list[EntryRead] = []
    blend = bool(_BLEND.search(text))
    for piece in _BLEND.split(text):
        if _is_footnote(piece):
            footnotes.append(" ".join(piece.split()))
            continue
        # A footnote glued to the last ingredient: "Phenoxyethanol * Essential Oil".
        inner = _INNER_FOOTNOTE.search(piece)
        if inner and piece[: inner.start()].strip() and _is_footnote(piece[inner.start() :]):
            footnotes.append(" ".join(piece[inner.start() :].split()))
            piece = piece[: inner.start()]
        # A kit or section heading: "STEP 01 Super Booster: Cetyl Ethylhexanoate".
        head, colon, tail = piece.partition(":")
        if colon and _BARE_PERCENT.match(tail):  # "Niacinamide: 10%": a name and its amount
            piece = f"{head} {tail.strip()}"
        elif colon and tail.strip() and 0 < len(head.split()) <= 6 and "(" not in head:
            footnotes.append(HEADING_MARK + " ".join(head.split()))
            piece = tail
        if GRADE_ONLY.match(piece):  # "Petrolatum, USP": the grade split off
            footnotes.append(GRADE_MARK + " ".join(piece.split()))
            continue
        if "q" in piece and BASE_FILL.match(piece):  # "Cream base q.s."
            footnotes.append(BASE_MARK + " ".join(piece.split()))
            continue
        read = read_entry(piece)
        if read is None:
            continue
        if blend:
            read = read._replace(annotations=(*read.annotations, "blend"))
        entries.append(read)
    return tuple(footnotes), tuple(entries)


TAIL_MARKS = "*°†‡✝+"
_TAIL_MARK = re.compile(r"[*°†‡✝+]{1,3}")


def footnote_tail(texts: Sequence[str], annotations: Sequence[tuple[str, ...]]) -> int:
    """How many entries at the end are footnote text: they begin with a footnote
    mark used earlier in the list ("…, Linalool. *Napiers Original Formula").

    Linear: each mark's first entry is found once."""
    count = len(texts)
    if count < 2 or texts[-1][:1] not in TAIL_MARKS or not texts[-1]:
        return 0
    first_with: dict[str, int] = {}  # mark -> first entry annotated with it
    for index, notes in enumerate(annotations):
        for note in notes:
            if note.startswith("footnote "):
                first_with.setdefault(note.split(" ", 1)[1], index)
    keep = count
    while keep > 1:
        mark = _TAIL_MARK.match(texts[keep - 1])
        # The mark must also stand on an earlier entry, not only on this one.
        if not mark or first_with.get(mark.group(), keep) >= keep - 1:
            break
        keep -= 1
    return count - keep


def footnote_notes(footnotes: Sequence[str], notes: list[str]) -> None:
    """The notes for what read_segment set aside (headings, grades, footnotes)."""
    for note in footnotes:
        if note.startswith(HEADING_MARK):
            notes.append(f"Section heading, not an ingredient: {preview(note[1:])}")
        elif note.startswith(GRADE_MARK):
            notes.append(f"Pharmacopoeia grade, not an ingredient: {preview(note[1:])}")
        elif note.startswith(SPLIT_MARK):
            notes.append(
                f"A list printed with slashes: {note[1:]}, since its parts are different "
                "ingredients, not names of one."
            )
        elif note.startswith(BASE_MARK):
            notes.append(
                f"A base that fills the rest (q.s.), its ingredients not named: {preview(note[1:])}"
            )
        else:
            notes.append(f"Footnote text, not an ingredient: {preview(note)}")
