"""Stage 5: split the list into segments, and the stages 1-5 at once.

``split_segments`` splits at top-level separators and marks may-contain
blocks; ``label_segments`` runs input check → Drug Facts → clean → cut →
split over a whole label and returns a ``Segments`` (plain data). Plain comma
lists, most of a catalog, take a fast path that gives the same segments
(tests/test_read_fast.py compares both paths).

Every regular expression is linear (no nested quantifiers) and every scan
walks the text once: markers are paired with their brackets in one merged
sweep, never marker by bracket.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Literal

from ..limits import MAX_TEXT_CHARS
from ..normalise import clean_text, fix_colour_index
from .common import Memo, first_possible, lowered
from .drug_facts import read_drug_facts
from .input import SURROGATES_NOTE, check_input, replace_surrogates
from .preamble import (
    HEADING,
    LEADING_HEADING,
    TRAILING,
    TRAILING_KEYS,
    cut_preamble,
    cut_trailing,
)

Section = Literal["active", "inactive"]

_MAY_WORDS = (
    r"(?:\+\s*/\s*-|±|may\s*contain|peut\s+contenir|kann\s+enthalten|puede\s+contener"
    r"|pu[òo]\s+contenere|kan\s+bevatten|kan\s+inneholde|kann\s+spuren|mo[żz]e\s+zawiera[ćc]"
    r"|pode\s+conter)"
)
# A may-contain marker: a run of these phrases joined by "/" in any order, in
# brackets or not, perhaps with a bracketed translation ("[+/- (May Contain /
# Peut Contenir): ...", "MAY CONTAIN/PEUT CONTENIR/+/-:"). "May contain traces
# of nuts" is allergen advice, not a block of ingredients.
MAY_CONTAIN = re.compile(
    rf"(?i)(?:[\[(]\s*)?{_MAY_WORDS}(?!\s+traces?\s+of\b)(?:\s*/\s*{_MAY_WORDS})*"
    rf"(?:\s*[\[(]\s*{_MAY_WORDS}(?:\s*/\s*{_MAY_WORDS})*\s*[\])])?(?:\s*[\])])?\s*[:：]?"
)
MAY_KEYS = ("+", "may contain", "maycontain", "peut contenir", "kann ", "puede contener", "puo contenere",
            "kan bevatten", "kan inneholde", "moze zawiera", "pode conter")  # fmt: skip
# A run of locant digits ("1,2-Hexanediol", "1,2,6-Hexanetriol"). Locants open
# with one digit, so "Polysorbate 20, 1,2-Hexanediol" keeps its separator after
# "20". After a hyphen only the unspaced form counts ("...-Nitropropane-1,3-Diol"):
# in "Tripeptide-2, 10-Hydroxydecanoic Acid" the spaced comma separates two names.
# protect_locants keeps only the run's ascending tail (see there).
_LOCANTS = re.compile(
    r"(?<![\w.\-])\d(?:,\s?\d{1,2}){1,5}(?=\s?-|')|(?<=-)\d(?:,\d{1,2}){1,5}(?=-|')"
)
# A percentage glued to the next name: "Octisalate 5.0%Water".
_GLUED_PERCENT = re.compile(r"(?<=\d%)(?=[A-Za-z])")
# A decimal comma: "0,5 %", "Zinc Oxide 20,5%". Not after a hyphen or another
# digit run ("Ceteareth-20,5%" is a name and a percentage), not spaced.
_DECIMAL_COMMA = re.compile(r"(?<![\w\-.,])(\d{1,2}),(?=\d{1,3}\s?%)")
_SEPARATORS = re.compile(r"[,;•·|●▪◆■►\n()\[\]{}]|\.(?=\s+[*°†‡✝¹²³⁴⁵A-Z\[(+])")
_BRACKETS = re.compile(r"[()\[\]{}]")
_OPENERS = {"(": ")", "[": "]", "{": "}"}
# Words a full stop abbreviates, so it ends no entry ("Ph. Eur." is a grade).
_ABBREVIATIONS = frozenset(
    {"denat", "no", "vit", "sp", "spp", "var", "st", "ext", "aq", "ca", "ph", "q"}
)
_LAST_WORD = re.compile(r"(\w+)$")
_LIST_BULLET = re.compile(r"(?m)^[ \t]*(?:[-*•·]|\d+[.)])\s")
_HTML_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_SPACE_RUN = re.compile(" {2,}")
PROTECT = "\u0001"


#: Read-only by convention; not frozen because one is built per row of a batch
#: (a frozen dataclass's __init__ costs about four times as much).
@dataclass(slots=True)
class Segments:
    """A label read up to its segments (stages 1-5), as plain data.

    ``may_contain`` and ``sections`` are None when no segment is in a
    may-contain block, or when the label is not a Drug Facts panel; otherwise
    they hold one value per segment."""

    texts: tuple[str, ...]
    may_contain: tuple[bool, ...] | None
    sections: tuple[Section | None, ...] | None
    notes: tuple[str, ...]
    drug_facts: bool = False
    #: The label gives amounts per this many grams ("100 g of ointment contains:",
    #: "each gram contains:"): entries' "27.00 g" read as percentages.
    amount_basis_g: float | None = None
    #: The inactive section is a drug's vehicle or excipient list, printed in no
    #: stated order (read.drug_facts.DrugFactsPanel.unordered).
    unordered_inactive: bool = False


@dataclass(slots=True)
class _Segment:
    text: str
    may_contain: bool


def _protect_run(match: re.Match[str]) -> str:
    """Protect the commas of a locant run's ascending tail.

    Locants are printed in ascending order ("1,2,6-", "2,4-", "1,1,3,3-"), so a
    number that breaks the order ends the name before it: in
    "Laureth-4,1,2-Hexanediol" and "Ceramide 5,1,2-Pentanediol" the comma after
    "4" and "5" separates two names. A run is also printed with one spacing."""
    parts = match.group().split(",")
    numbers = [int(p) for p in parts]
    spaced = [p.startswith(" ") for p in parts]  # spaced[i]: a space after comma i-1
    first = len(parts) - 1
    # One run is printed one way: in "Ceramide 1, 1,2-Hexanediol" the spaced
    # comma is the list's, not the locants'.
    while first > 0 and numbers[first - 1] <= numbers[first] and spaced[first] == spaced[-1]:
        first -= 1
    if first == len(parts) - 1:
        return match.group()  # one number left: nothing to glue
    tail = PROTECT.join(parts[first:])
    return ",".join([*parts[:first], tail])


# Every locant run starts at a digit right before a comma and a digit: the
# pattern is tried only there (re.sub would try its lookbehinds at every
# character). The scan looks for the comma: a pattern that opens with a literal
# is searched for that character first, about three times as fast on a label
# as one that opens with \d.
_COMMA_DIGIT = re.compile(r",\s?\d")


def protect_locants(text: str) -> str:
    """Commas inside chemical locants become PROTECT (restored in each segment).

    The same as ``_LOCANTS.sub(_protect_run, text)``: a match can only start
    at a digit followed by a comma and a digit, so the candidates are tried
    left to right, each at most once, skipping those inside a match."""
    out: list[str] = []
    last = 0
    match_at = _LOCANTS.match
    for comma in _COMMA_DIGIT.finditer(text):
        start = comma.start() - 1
        if start < last or start < 0 or not text[start].isdecimal():  # \d is Unicode Nd
            continue
        found = match_at(text, start)
        if found is not None:
            out.append(text[last:start])
            out.append(_protect_run(found))
            last = found.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


# A thousands separator before parts per million: "Madecassoside 1,000ppm",
# "Centella Asiatica Extract (10,000 ppm)" (Korean labels).
_THOUSANDS_PPM = re.compile(r"(?i)(\d),(\d{3}\s?(?:ppm|ppb)\b)")


def protect_thousands(text: str) -> str:
    """The comma of "1,000ppm" becomes PROTECT, as a locant's does."""
    if "ppm" not in text and "PPM" not in text and "ppb" not in text:
        return text
    return _THOUSANDS_PPM.sub(rf"\1{PROTECT}\2", text)


def matched_brackets(text: str) -> dict[int, int]:
    """Map each opening bracket to its matching closer; unmatched ones are ignored.

    The pairs nest properly (a stack matches them)."""
    pairs: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    for m in _BRACKETS.finditer(text):
        ch, pos = m.group(), m.start()
        if ch in _OPENERS:
            stack.append((ch, pos))
        elif stack and _OPENERS[stack[-1][0]] == ch:
            pairs[stack.pop()[1]] = pos
        else:
            # A stray closer: drop any opener of another kind that can never close.
            while stack and _OPENERS[stack[-1][0]] != ch:
                stack.pop()
            if stack:
                pairs[stack.pop()[1]] = pos
    return pairs


def _newline_is_separator(text: str) -> bool:
    """One-per-line lists use newlines; wrapped comma lists do not."""
    newlines = text.count("\n")
    if not newlines:
        return False
    commas = text.count(",") + text.count(";")
    return commas < newlines or bool(_LIST_BULLET.search(text))


def _enclosing_closers(starts: list[int], pairs: dict[int, int]) -> list[int | None]:
    """For each position in ``starts`` (ascending), the closer of the innermost
    bracket pair around it, or None. One merged sweep over the pairs and the
    positions: linear, whatever the number of markers and brackets."""
    openers = sorted(pairs)
    out: list[int | None] = []
    stack: list[int] = []  # closers of the pairs open at the sweep position
    index = 0
    for start in starts:
        while index < len(openers) and openers[index] < start:
            while stack and stack[-1] < openers[index]:
                stack.pop()
            stack.append(pairs[openers[index]])
            index += 1
        while stack and stack[-1] <= start:
            stack.pop()
        out.append(stack[-1] if stack else None)
    return out


def split_segments(text: str, notes: list[str]) -> list[_Segment]:
    """Split at top-level separators; brackets that hold a may-contain block open it."""
    text = protect_thousands(protect_locants(text))
    if "%" in text:
        text = _DECIMAL_COMMA.sub(lambda m: m.group(1) + PROTECT, text)
        text = _GLUED_PERCENT.sub(", ", text)
    if not _newline_is_separator(text):
        text = text.replace("\n", " ")
    pairs = matched_brackets(text)
    closers = set(pairs.values())
    may_from = first_possible(text, MAY_KEYS)
    markers = list(MAY_CONTAIN.finditer(text, may_from)) if may_from is not None else []
    may_regions: list[tuple[int, int]] = []
    open_groups: set[int] = set()  # brackets opened by a may-contain block
    loose: list[re.Match[str]] = []  # markers that open no bracket group
    for m in markers:
        start = m.start()
        bracket = start if start in pairs else start - 1 if start - 1 in pairs else None
        if bracket is not None:
            open_groups.add(bracket)
            may_regions.append((m.end(), pairs[bracket]))
        else:
            loose.append(m)
    # Inside an open bracket group? The block ends where that group ends.
    ends = _enclosing_closers([m.start() for m in loose], pairs)
    for m, end in zip(loose, ends, strict=True):
        may_regions.append((m.end(), len(text) if end is None else end))
    if may_regions:
        notes.append("Entries after a 'may contain' / '+/-' marker are flagged may_contain.")
        # Blank the markers themselves (same length, so offsets stay valid).
        chars = list(text)
        for m in markers:
            lo, hi = m.start(), m.end()
            if lo in open_groups or (lo - 1) in open_groups:
                lo = max(lo, (lo if lo in open_groups else lo - 1) + 1)
                chars[lo:hi] = " " * (hi - lo)
            else:
                # The marker also ends the entry before it: "Talc +/- CI 77891".
                chars[lo:hi] = "," + " " * (hi - lo - 1)
        text = "".join(chars)
    region_starts = sorted(may_regions)
    # reach[i]: the furthest end among the first i+1 regions (a position is in a
    # region when some region starting at or before it reaches it).
    reach: list[int] = []
    for _lo, hi in region_starts:
        reach.append(max(hi, reach[-1]) if reach else hi)

    def in_may(pos: int) -> bool:
        index = bisect.bisect_right(region_starts, (pos, len(text) + 1)) - 1
        return index >= 0 and reach[index] >= pos

    segments: list[_Segment] = []
    depth_stack: list[int] = []
    seg_start = 0

    def flush(end: int) -> None:
        piece = text[seg_start:end].replace(PROTECT, ",")
        if piece.strip(" .:\t"):
            segments.append(_Segment(piece, in_may(seg_start + len(piece) - len(piece.lstrip()))))

    for m in _SEPARATORS.finditer(text):
        ch, pos = m.group(), m.start()
        if ch in _OPENERS:
            if pos in pairs:
                if pos in open_groups and not depth_stack:
                    flush(pos)
                    seg_start = pos + 1
                    depth_stack.append(-1)  # transparent group: its content splits
                else:
                    depth_stack.append(pos)
            continue
        if ch in ")]}":
            if pos in closers and depth_stack:
                opener = depth_stack.pop()
                if opener == -1:
                    flush(pos)
                    seg_start = pos + 1
            continue
        if depth_stack and depth_stack[-1] != -1:
            continue
        if ch == ".":
            word = _LAST_WORD.search(text, max(seg_start, pos - 12), pos)
            if word and word.group(1).casefold() in _ABBREVIATIONS:
                continue
        flush(pos)
        seg_start = pos + 1
    flush(len(text))
    return segments


# --------------------------------------------------------------------------
# Stages 3-5 at once, for plain comma lists
# --------------------------------------------------------------------------
#
# Most catalog lists are plain: "Water, Glycerin, Tremella Fuciformis (Mushroom)
# Extract, ...". For those, cut_preamble + cut_trailing + split_segments reduce
# to: protect locant commas, split at every comma, and split each comma piece
# on its own. ``_fast_segments`` checks that the cleaned text is such a list
# and otherwise returns None (the full path runs; after its cuts, what is
# left is tried again). Why each condition suffices:
#
# * ASCII without newline or other control character, and no comma piece
#   holds a match of the heading, trailing-panel or may-contain patterns (none
#   of them can span a comma, and a piece starts after a comma, a non-word
#   character, so each matches the whole text exactly where it matches a
#   piece): cut_preamble and cut_trailing change nothing and split_segments
#   finds no may-contain block (the patterns only run on pieces holding one
#   of their keys, cached per piece);
# * no ";", "|", "[]" or "{}": the only separators are commas, parentheses and
#   a full stop before a capital (which never spans a comma);
# * every comma piece holds well-nested parentheses: the matched pairs never
#   span a comma, so every unprotected comma splits at depth 0, and
#   split_segments over the whole text is split_segments over each piece;
# * a decimal comma ("1,5%") needs a digit on both sides of a comma: such a
#   text with a "%" takes the full path; a glued percent ("5%Water") never
#   spans a comma.
# Printable ASCII text without "&" or "<" is cleaned here too: clean_text then
# only fixes Colour Index numbers, a fix that never spans a comma either, so it
# runs per piece (cached) unless locants need the whole text.

_FAST_BAD = b";|[]{}"
_FAST_BAD_TEXT = re.compile("[;|\\[\\]{}•·●▪◆■►±：]")
_FAST_TABLE = bytes(
    48 if 48 <= i <= 57 else 0 if i in _FAST_BAD else i for i in range(256)
)  # digits -> "0", refused characters -> NUL
#: _plain_piece's answer for a piece whose parentheses do not nest within it.
_UNNESTED: tuple[str, ...] = ("\x00",)


def _refused(segment: str) -> bool:
    """A heading, trailing panel or may-contain marker in this comma piece."""
    if not segment.isascii():  # case folding is subtler: always run the patterns
        return bool(
            TRAILING.search(segment) or MAY_CONTAIN.search(segment) or HEADING.search(segment)
        )
    low = segment.lower()
    if "  " in low:  # collapse runs of spaces as could_match does (edges kept)
        low = _SPACE_RUN.sub(" ", low)
    # A key word is only a hint: the pattern decides (it never spans a comma).
    if any(key in low for key in TRAILING_KEYS) and TRAILING.search(segment):
        return True
    if any(key in low for key in MAY_KEYS) and MAY_CONTAIN.search(segment):
        return True
    return ":" in segment and bool(HEADING.search(segment))


def _plain_piece(piece: str) -> tuple[str, ...] | None:
    """A comma piece → its segment texts; None when it needs the full path,
    _UNNESTED when its parentheses do not nest within it."""
    segment = piece.replace(PROTECT, ",")
    if "(" in segment or ")" in segment:
        depth = 0
        for ch in segment:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth < 0:
                    return _UNNESTED
        if depth:
            return _UNNESTED
    if _refused(segment):
        return None
    if "." in segment or "%" in segment:
        return tuple(s.text for s in split_segments(piece, []))
    return (segment,) if segment.strip(" .:\t") else ()


def _ci_piece(piece: str) -> tuple[str, ...] | None:
    return _plain_piece(fix_colour_index(piece))


# Per comma piece, as printed: _plain_piece's and _ci_piece's answers.
_PLAIN: Memo[str, tuple[str, ...] | None] = Memo(_plain_piece)
_CI: Memo[str, tuple[str, ...] | None] = Memo(_ci_piece)


@lru_cache(maxsize=100_000)
def _merged_piece(piece: str) -> tuple[str, ...] | None:
    """A stretch between two top-level commas (it may hold commas inside
    parentheses) → its segment texts, or None when it needs the full path."""
    if _refused(piece.replace(PROTECT, ",")):
        return None
    return tuple(s.text for s in split_segments(piece, []))


def _merged_segments(text: str) -> list[str] | None:
    """Split at the commas outside every matched pair of parentheses.

    Pairs are matched over the whole text (as split_segments does); a stretch
    between two such commas holds whole pairs only, so split_segments over it
    matches the same pairs and splits it as the whole text would be split."""
    pairs = matched_brackets(text)
    spans: list[tuple[int, int]] = []  # outermost pairs, in order
    for opener in sorted(pairs):
        if not spans or opener > spans[-1][1]:
            spans.append((opener, pairs[opener]))
    segments: list[str] = []
    start = 0
    index = 0
    comma = text.find(",")
    while comma != -1:
        while index < len(spans) and spans[index][1] < comma:
            index += 1
        if not (index < len(spans) and spans[index][0] < comma):
            found = _merged_piece(text[start:comma])
            if found is None:
                return None
            segments.extend(found)
            start = comma + 1
        comma = text.find(",", comma + 1)
    found = _merged_piece(text[start:])
    if found is None:
        return None
    segments.extend(found)
    return segments


def _fast_segments(text: str, *, clean: bool) -> list[str] | None:
    """The segment texts of a plain comma list, or None (use the full path).

    ``clean``: ``text`` is raw printable ASCII without "&" or "<" (the caller
    checked), still to be cleaned (only the CI fix applies); otherwise it is
    clean_text's output."""
    if not clean and not text.isprintable():
        return None
    if text.isascii():
        flags = text.encode("ascii").translate(_FAST_TABLE)
        if b"\x00" in flags:
            return None
        ci = clean and b"00000" in flags
        locants = b"0,0" in flags or b"0, 0" in flags  # perhaps "1,2-Hexanediol"
        if locants and "%" in text and b"0,0" in flags:  # perhaps a decimal comma: "1,5%"
            return None
    else:
        if clean or _FAST_BAD_TEXT.search(text):
            return None
        # Unicode digits: let the patterns look.
        if "%" in text and _DECIMAL_COMMA.search(text):
            return None
        ci = False
        locants = True
    if locants:
        if ci:
            text = fix_colour_index(text)
            ci = False
        text = protect_thousands(protect_locants(text))
    # Every piece at once (C-level map and chain: a catalog row has ~30 pieces).
    pieces = text.split(",")
    founds = _CI.many(pieces) if ci else _PLAIN.many(pieces)
    if None in founds or _UNNESTED in founds:
        for found in founds:  # the first refusal decides, as a piece-by-piece read would
            if found is None:
                return None
            if found is _UNNESTED:
                return _merged_segments(fix_colour_index(text) if ci else text)
    return list(chain.from_iterable(founds))  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Stages 1-5
# --------------------------------------------------------------------------


def _list_segments(raw: str, notes: list[str], fast: bool) -> tuple[list[str], list[bool] | None]:
    """Stages 2-5 over one ingredient list: its segment texts and may-contain
    flags (None when no segment is in a may-contain block)."""
    tried = False
    # A leading "Ingredients" without a colon is cut by cut_preamble only.
    fast = fast and not LEADING_HEADING.match(raw)
    if fast and raw.isascii() and raw.isprintable() and "&" not in raw and "<" not in raw:
        plain = _fast_segments(raw, clean=True)
        if plain is not None:
            return plain, None
        tried = True
        cleaned = clean_text(raw)
    else:
        cleaned = clean_text(raw)
        if cleaned != raw and "<" in raw and _HTML_TAG.search(raw):
            notes.append("HTML markup was removed before reading the list.")
        if fast:
            plain = _fast_segments(cleaned, clean=False)
            if plain is not None:
                return plain, None
            tried = True
    uncut = cleaned
    cleaned = cut_preamble(cleaned, notes)
    cleaned = cut_trailing(cleaned, notes)
    # What is left may be a plain list (unless that was already refused).
    if fast and not (tried and cleaned == uncut):
        plain = _fast_segments(cleaned, clean=False)
        if plain is not None:
            return plain, None
    segments = split_segments(cleaned, notes)
    flags = [s.may_contain for s in segments]
    return [s.text for s in segments], flags if any(flags) else None


# "100 g contains", "Each 10 g contains", "per 100 g", "Each gram of Triamcinolone
# Acetonide Cream USP, 0.1% contains": the amounts are per that many grams.
_PER_AMOUNT = re.compile(
    r"(?i)(?<![\w.,])(?:(?:each\s+)?(?P<grams>\d{1,3}(?:\.\d{1,2})?)\s?(?:g|gm|grams?)\b"
    r"(?:[^.;:\n]|\.(?=\d)){0,60}?\b(?:contains?|provides?)\b"
    r"|per\s+(?P<per>\d{1,3})\s?(?:g|gm|grams?)\b"
    r"|(?:each|per)\s+(?:gram|gm|g)\b(?:[^.;:\n]|\.(?=\d)){0,80}?\b(?:contains?|provides?)\b)"
)


def amount_basis(text: str, low: str | None = None) -> float | None:
    """How many grams the printed amounts are per (100 for "100 g contains", 1
    for "each gram contains"), else None. ``low``: ``text.lower()``, if known."""
    if low is None:
        low = text.lower()
    if "ontain" not in low and " per " not in low and "provide" not in low:
        return None
    found = _PER_AMOUNT.search(text)
    if found is None:
        return None
    grams = float(found.group("grams") or found.group("per") or 1.0)
    return grams if grams > 0 else None


# A pharmacopoeia title printed inverted ("Benzoyl Peroxide, Hydrous", "Mineral
# Oil, Light", "Citric Acid, Anhydrous"): the qualifier alone after a comma is
# put back in front of the name it qualifies.
_INVERTED_QUALIFIER = re.compile(
    r"(?i)((?:an)?hydrous|dehydrated|light(?: liquid)?|heavy|(?:white|yellow)(?: soft)?|liquid"
    r"|hard|purified|colloidal(?: anhydrous)?|medium[- ]chain|(?:mono|di|tri)basic|modified"
    r"|precipitated|sublimed)(\s*\(?\d{1,3}(?:[.,]\d{1,3})?\s?%\)?)?"
)
# A strength split off by a comma ("Hydroquinone USP, 4%"): it belongs to the name before.
_BARE_STRENGTH = re.compile(r"\(?\d{1,3}(?:\.\d{1,3})?\s?%\)?")


def _detached(segment: str) -> bool:
    """Is this segment a qualifier or a strength cut off its name?"""
    text = segment.strip()
    return bool(_INVERTED_QUALIFIER.fullmatch(text) or _BARE_STRENGTH.fullmatch(text))


_DETACHED: Memo[str, bool] = Memo(_detached)  # per segment text: a catalog repeats them


def reattach_qualifiers(
    texts: list[str], flags: list[bool] | None
) -> tuple[list[str], list[bool] | None]:
    """Segments with each inverted-title qualifier (or bare strength) joined to
    the name before it."""
    if not any(_DETACHED.many(texts[1:])):
        return texts, flags
    out: list[str] = []
    out_flags: list[bool] = []
    for index, segment in enumerate(texts):
        found = _INVERTED_QUALIFIER.fullmatch(segment.strip())
        if out and found:
            out[-1] = f"{found.group(1)} {out[-1].strip()}{found.group(2) or ''}"
            continue
        if out and _BARE_STRENGTH.fullmatch(segment.strip()):
            out[-1] = f"{out[-1].rstrip()} {segment.strip()}"
            continue
        out.append(segment)
        out_flags.append(flags[index] if flags is not None else False)
    return out, (out_flags if flags is not None else None)


# "..., Propylparaben, Squalane and Stearic Acid": the last two entries of an
# English list (or a package insert's prose) joined by "and"; INCI names
# practically never hold the word. Found with one search, not a pattern that
# rescans the segment from every "and".
_JOINING_AND = re.compile(r"(?i)\s+and\s+")


def split_last_and(
    texts: list[str], flags: list[bool] | None
) -> tuple[list[str], list[bool] | None]:
    """The last segment split at its first joining "and" when both sides are
    short names (one to six words, no brackets)."""
    if len(texts) < 2 or "nd" not in texts[-1] and "ND" not in texts[-1]:
        return texts, flags
    last = texts[-1]
    found = _JOINING_AND.search(last)
    if found is None or any(ch in last for ch in "()[]"):
        return texts, flags
    first, second = last[: found.start()].strip(), last[found.end() :].strip().rstrip(".").strip()
    if not (1 <= len(first.split()) <= 6 and 1 <= len(second.split()) <= 6):
        return texts, flags
    return [*texts[:-1], first, second], (None if flags is None else [*flags, flags[-1]])


# "1. Water 2. Glycerin 3. Niacinamide" (a table or PDF copied): each number
# before a name starts an entry.
_NUMBERED = re.compile(r"(?:(?<=\s)|^)(\d{1,3})[.)](?=\s+[^\W\d_])")
# "Water - Glycerin - Niacinamide": a spaced dash is the separator of a list
# that has no other.
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")


def numbered_or_dashed(text: str) -> str:
    """A list numbered 1, 2, 3 ... or separated by spaced dashes, with commas instead.

    Only a list without commas: with them, the commas separate the entries and
    read_entry drops a leading number ("1. Water")."""
    if "," in text:
        return text
    if ("2. " in text or "2) " in text or "2.\n" in text) and ("1." in text or "1)" in text):
        found = list(_NUMBERED.finditer(text))
        numbers = [int(m.group(1)) for m in found]
        if len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1)):
            return _NUMBERED.sub(",", text)
    if (
        " - " in text
        and ";" not in text
        and "\n" not in text
        and len(_SPACED_DASH.findall(text)) >= 2
    ):
        return _SPACED_DASH.sub(", ", text)
    return text


def _read_list(raw: str, notes: list[str], fast: bool) -> tuple[list[str], list[bool] | None]:
    """Stages 2-5 over one list, then inverted qualifiers and a joining "and"."""
    raw = numbered_or_dashed(raw)
    texts, mays = _list_segments(raw, notes, fast)
    texts, mays = reattach_qualifiers(texts, mays)
    return split_last_and(texts, mays)


def label_segments(text: object, *, max_chars: int = MAX_TEXT_CHARS, fast: bool = True) -> Segments:
    """Stages 1-5: label text → its segments, may-contain flags, Drug Facts
    sections and the notes so far.

    ``fast=False`` forces the full path (tests compare the two)."""
    raw = check_input(text, max_chars=max_chars)
    notes: list[str] = []
    raw, replaced = replace_surrogates(raw)
    if replaced:
        notes.append(SURROGATES_NOTE)
    low = lowered(raw)  # once, for both gates
    panel = read_drug_facts(raw, notes, low)
    basis = amount_basis(raw, low)
    if panel is None:
        texts, mays = _read_list(raw, notes, fast)
        return Segments(
            tuple(texts),
            None if mays is None else tuple(mays),
            None,
            tuple(notes),
            amount_basis_g=basis,
        )
    all_texts: list[str] = []
    all_mays: list[bool] = []
    sections: list[Section | None] = []
    parts: list[tuple[Section, str]] = []
    if panel.actives:
        parts.append(("active", ", ".join(panel.actives)))
    parts.extend(("inactive", body) for body in panel.inactives)
    for section, part in parts:
        texts, mays = _read_list(part, notes, fast)
        all_texts.extend(texts)
        all_mays.extend(mays if mays is not None else [False] * len(texts))
        sections.extend([section] * len(texts))
    return Segments(
        tuple(all_texts),
        tuple(all_mays) if any(all_mays) else None,
        tuple(sections),
        tuple(notes),
        drug_facts=True,
        amount_basis_g=basis,
        unordered_inactive=panel.unordered,
    )
