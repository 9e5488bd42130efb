"""Parse label text into ordered printed entries.

The parser never drops text silently: what it cuts (a preamble before
``Ingredients:``, a ``Directions:`` panel, footnote text) goes into the notes.
It is a sequence of small stages over plain data:

1. ``check_input``      refuse what cannot be screened (ScreenError)
2. ``clean_text``       text-level normalisation steps (normalise.py)
3. ``cut_preamble``     drop what precedes an ``Ingredients:`` heading
4. ``cut_trailing``     drop ``Directions:``/``Warnings:`` panels after the list
5. ``split_segments``   split at top-level separators, marking may-contain blocks
6. ``read_entry``       per segment: blends, percentages, (nano), footnote marks,
                        parenthesised aliases, slash synonyms

Every regular expression is linear (no nested quantifiers) and the scans walk
the text once, so time grows linearly with input size.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import ScreenError
from .limits import MAX_ENTRIES, MAX_ENTRY_CHARS, MAX_TEXT_CHARS
from .normalise import clean_text, fix_colour_index


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One declared ingredient as printed, with what the label said about it."""

    text: str
    name: str
    candidates: tuple[str, ...]
    position: int
    may_contain: bool = False
    annotations: tuple[str, ...] = ()


@dataclass(slots=True)
class ParsedLabel:
    entries: list[ParsedEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------
# 1. input check
# --------------------------------------------------------------------------


def check_input(text: object, *, max_chars: int = MAX_TEXT_CHARS) -> str:
    """Return the text, or raise ScreenError with a message a person can act on."""
    if text is None:
        raise ScreenError("No ingredient list was given. Paste the list from the label.")
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise ScreenError(
                "The input is binary data, not text. Paste the ingredient list as text."
            ) from None
    if not isinstance(text, str):
        raise ScreenError(
            f"Expected the ingredient list as text, got {type(text).__name__}. "
            "Pass a string such as 'Water, Glycerin, Dimethicone'."
        )
    if len(text) > max_chars:
        raise ScreenError(
            f"The text is {len(text):,} characters long; the limit is {max_chars:,}. "
            "Paste only the ingredient list (one product at a time), or raise the limit "
            "with SCREENER_MAX_TEXT_CHARS for a trusted batch job."
        )
    stripped = text.strip()
    if not stripped:
        raise ScreenError("The ingredient list is empty. Paste the list from the label.")
    if SPREADSHEET_ERROR.match(stripped):
        raise ScreenError(
            f"The cell holds a spreadsheet error ({stripped}) instead of an ingredient list: "
            "a spreadsheet probably read a list starting with '-' or '=' as a formula. "
            "Re-export the file with the column formatted as text."
        )
    if PLACEHOLDER.match(stripped):
        raise ScreenError(
            f"There is no ingredient list here ({stripped!r}). Paste the list from the label."
        )
    # Printable text holds no control character at all.
    if not text.isprintable() and (text.count("\x00") > 0 or _looks_binary(text)):
        raise ScreenError(
            "The input looks like binary data (control characters), not an ingredient list. "
            "Paste the list as plain text."
        )
    return text


# Cells that hold no list: spreadsheet error values and placeholders. Shared with
# batch.row_problem, which words the same refusal as a per-row reason.
SPREADSHEET_ERROR = re.compile(
    r"(?i)^\s*#(?:NAME\?|VALUE!|REF!|N/A|DIV/0!|NULL!|NUM!|SPILL!|CALC!|FIELD!|BLOCKED!"
    r"|GETTING_DATA|UNKNOWN!|CONNECT!|BUSY!)\s*$"
)
PLACEHOLDER = re.compile(
    r"(?i)^\s*(?:no\s+info(?:rmation)?|n/?a|none|null|nan|nil|unknown|not\s+available"
    r"|not\s+listed|tbd|tba|coming\s+soon|see\s+(?:packaging|label|box)|-+|\?+|\.+)"
    r"\s*[.!]?\s*$"
)


# Control characters other than the whitespace ones (\t \n \v \f \r).
_BINARY_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = len(_BINARY_CONTROL.findall(sample))
    return control > max(8, len(sample) // 10)


# --------------------------------------------------------------------------
# 3-4. cutting what is not the list
# --------------------------------------------------------------------------

_HEADING_WORDS = (
    r"(?:(?:active|inactive|other|full|key)\s+)?ingredients?(?:\s+list)?(?:\s*\(inci\))?"
    r"|ingr[ée]dients?|inci(?:\s+list)?|inhaltsstoffe|ingredientes|ingredienti|composition"
    r"|zusammensetzung|sastojci|sk[łl]adniki|bestanddelen|ingredi[ëe]nten|ainesosat"
    r"|ingredienser|[成全]分"
)
_HEADING = re.compile(
    rf"(?i)(?<![\w-])(?:{_HEADING_WORDS})(?:\s+(?:of|in|for)\s+[^:：\n,]{{1,60}})?\s*[:：]"
)
# A heading that opens the text even without a colon: "INGREDIENTS Water, ...".
_LEADING_HEADING = re.compile(r"(?i)^\s*(?:ingredients?|ingr[ée]dients?|inci)\s*\n")
_TRAILING = re.compile(
    r"(?i)(?<![\w-])(?:directions(?:\s+for\s+use)?|how\s+to\s+use|suggested\s+use"
    r"|warnings?|cautions?|precautions?|for\s+external\s+use(?:\s+only)?|keep\s+out\s+of"
    r"|stop\s+use|do\s+not\s+use|avoid\s+contact\s+with|store\s+(?:in|at|below)"
    r"|made\s+in\b|manufactured\s+(?:by|for)|distributed\s+by|net\s+(?:wt|weight|contents?)"
    r"|best\s+before|expiry|please\s+be\s+aware\s+that|please\s+refer\s+to"
    r"|mode\s+d'emploi|conseils?\s+d'utilisation|pr[ée]cautions?\s+d'emploi|anwendung"
    r"|warnhinweise?|apply\s+(?:to|on|a|evenly|liberally|daily)|benefits?\s*:|key\s+benefits"
    r"|clinical(?:ly)?\s+(?:results|proven)|free\s+(?:of|from)\s*:|formulated\s+without"
    r"|this\s+product\s+is\s+(?:free|formulated))"
)


# Every match of the patterns below holds one of these (lower case, spaces
# collapsed): a text without any of them is not scanned. Keep them in step
# with the patterns (tests/test_batch.py checks the samples).
_TRAILING_KEYS = (
    "direction", "how to use", "suggested use", "warn", "caution", "for external",
    "keep out of", "stop use", "do not use", "avoid contact with", "store ", "made in",
    "manufactured ", "distributed by", "net w", "net content", "best before", "expiry",
    "please be aware", "please refer", "mode d'", "conseil", "anwendung", "apply ",
    "benefit", "clinical", "free ", "formulated without", "this product is",
)  # fmt: skip
_MAY_KEYS = ("+", "may contain", "maycontain", "peut contenir", "kann ", "puede contener", "puo contenere",
             "kan bevatten", "kan inneholde")  # fmt: skip


def could_match(text: str, keys: tuple[str, ...]) -> bool:
    """False only when a case-insensitive pattern needing one of ``keys`` cannot
    match: an ASCII text whose lower-cased, space-collapsed form holds none.
    (Non-ASCII text is always scanned: case folding is subtler there.)"""
    if not text.isascii():
        return True
    flat = " ".join(text.lower().split())
    return any(key in flat for key in keys)


# A US OTC "Drug Facts" panel (21 CFR 201.66): its sections in a fixed vocabulary.
# The inactive ingredients come after Uses/Warnings/Directions, so the panel is
# taken apart by section before anything is cut as a trailing panel.
_DRUG_FACTS = re.compile(
    r"(?i)(?<![\w-])(?:"
    r"(?P<inactive>(?:inactive|other)\s+ingredients?)"
    r"|(?P<active>active\s+ingredients?)(?:\s*\((?:in\s+each|per)\b[^()\n]{0,40}\))?"
    r"(?:[ \t]*purposes?)?"
    r"|(?P<purpose>purposes?)"
    r"|(?P<other>drug\s+facts(?:\s*\(continued\))?|uses|use(?=[ \t]*[:：•\n])|warnings?"
    r"|directions|other\s+information|questions(?:\s+or\s+comments)?|do\s+not\s+use"
    r"|ask\s+a\s+doctor|stop\s+use|when\s+using\s+this\s+product"
    r"|keep\s+out\s+of\s+reach(?:\s+of\s+children)?)"
    r")(?![\w-])[ \t]*[:：?]?"
)
# The "Purpose" column beside each active: the OTC monographs' closed vocabulary.
_DRUG_PURPOSES = re.compile(
    r"(?i)(?<![\w-])(?:sunscreens?|(?:skin|lip)\s+protectants?|acne\s+(?:treatment|medication)"
    r"|anti-?acne|antiperspirants?|anti-?dandruff|(?:external|topical)\s+analgesics?"
    r"|anti-?itch|anti-?fungals?|(?:first\s+aid\s+)?antiseptics?|antibacterials?"
    r"|antimicrobials?|astringents?|skin\s+lighten(?:er|ing))(?![\w-])"
)
_DRUG_PERCENT = re.compile(r"\d{1,3}(?:[.,]\d{1,3})?\s*%")
_WEIGHT_PER_WEIGHT = re.compile(r"(?i)\(\s*w\s*/\s*w\s*\)")
_LETTER = re.compile(r"[A-Za-z]")
_ACTIVE_BREAK = re.compile(r"[\n,;]")


def _split_actives(body: str) -> list[str]:
    """The actives of a Drug Facts panel, one entry each, purposes dropped.

    Actives are printed one per line, or one after another on a line, each with
    its percentage before or after the name ("Octinoxate 7.5% Oxybenzone 4%",
    "9.0% Zinc Oxide, 7.5% Octinoxate"); "(w/w)" is dropped with the purpose."""
    body = _WEIGHT_PER_WEIGHT.sub(" ", _DRUG_PURPOSES.sub(" ", body))
    out: list[str] = []
    for chunk in _ACTIVE_BREAK.split(body):
        start = 0
        for pct in _DRUG_PERCENT.finditer(chunk):
            name_before = _LETTER.search(chunk[start : pct.start()])
            name_after = _LETTER.search(chunk[pct.end() :])
            if name_before and name_after:  # "Octinoxate 7.5% | Oxybenzone 4%"
                out.append(chunk[start : pct.end()])
                start = pct.end()
        out.append(chunk[start:])
    return [" ".join(part.split()).strip(" .:•") for part in out if _LETTER.search(part)]


def read_drug_facts(text: str, notes: list[str]) -> str:
    """A Drug Facts panel → ``Ingredients: <actives>, <inactives>``.

    Only when the text has the panel's shape: an ``Inactive ingredients``
    heading, or ``Active ingredient(s)`` with another panel heading (Purpose,
    Uses, Warnings…), with or without colons. Each active becomes an entry and
    its purpose is dropped; Uses, Warnings, Directions and the rest are skipped.
    Lines with percentages before the first heading are actives printed
    without their heading.
    """
    if "ngredient" not in text and "NGREDIENT" not in text:
        return text
    found = list(_DRUG_FACTS.finditer(text))
    kinds = [next(k for k, v in m.groupdict().items() if v) for m in found]
    if "inactive" not in kinds and not ("active" in kinds and len(set(kinds)) > 1):
        return text
    actives: list[str] = []
    inactives: list[str] = []
    skipped: list[str] = []
    before = text[: found[0].start()].strip()
    if before and kinds[0] != "active" and _DRUG_PERCENT.search(before):
        actives.extend(_split_actives(before))
        before = ""
    for index, (match, kind) in enumerate(zip(found, kinds, strict=True)):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        body = text[match.end() : end].strip(" \t\n,;.")
        # "Active ingredients" then "Purpose" as a table header: the actives follow.
        after_active = index > 0 and kinds[index - 1] == "active"
        if kind == "active" or (kind == "purpose" and after_active and not actives):
            actives.extend(_split_actives(body))
        elif kind == "inactive":
            if body:
                inactives.append(body)
        elif body:
            skipped.append(match.group(0).strip(" :：?"))
    notes.append(
        "Read a US Drug Facts panel: the active ingredients, then the inactive ones"
        + (f" (skipped: {', '.join(dict.fromkeys(skipped))})" if skipped else "")
        + "."
    )
    if before:
        notes.append(f"Cut text before the ingredient list: {_preview(before)}")
    # One list under one heading: the note above already says what was read.
    parts = [", ".join(actives)] if actives else []
    parts.extend(inactives)
    return "Ingredients: " + ",\n".join(parts) if parts else text


def cut_preamble(text: str, notes: list[str]) -> str:
    """Drop what precedes the first ``Ingredients:`` heading; later headings
    (``Inactive Ingredients:``) become separators so both lists are read."""
    colon = ":" in text or "：" in text  # every _HEADING match ends with a colon
    heading = _HEADING.search(text) if colon else None
    match = heading or _LEADING_HEADING.search(text)
    if match:
        before = text[: match.start()].strip()
        if before:
            notes.append(f"Cut text before the ingredient list: {_preview(before)}")
        text = text[match.end() :]
    # No heading in the whole text: none in what follows a leading one either.
    headings = list(_HEADING.finditer(text)) if heading is not None else []
    if headings:
        notes.append(
            "Read several ingredient sections as one list: "
            + ", ".join(repr(h.group(0).strip()) for h in headings[:5])
        )
        text = _HEADING.sub(",", text)
    return text


def cut_trailing(text: str, notes: list[str]) -> str:
    """Drop a trailing panel (``Directions:``, ``Warnings:``, a retailer disclaimer)."""
    match = _TRAILING.search(text) if could_match(text, _TRAILING_KEYS) else None
    # A marker at the very start is not a trailing panel (nothing would be left).
    if match and text[: match.start()].strip(" \n,;.:"):
        cut = text[match.start() :].strip()
        notes.append(f"Cut text after the ingredient list: {_preview(cut)}")
        text = text[: match.start()]
    return text


def _preview(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


# --------------------------------------------------------------------------
# 5. splitting into segments
# --------------------------------------------------------------------------

_MAY_CONTAIN = re.compile(
    r"(?i)(?:[\[(]\s*)?(?:\+\s*/\s*-|±|may\s*contain|peut\s+contenir|kann\s+enthalten"
    r"|puede\s+contener|pu[òo]\s+contenere|kan\s+bevatten|kan\s+inneholde|kann\s+spuren)"
    r"(?:\s*/\s*(?:may\s+contain|peut\s+contenir))?(?:\s*[\])])?\s*[:：]?"
)
# Locants open with one digit ("1,2-Hexanediol", "1,2,6-Hexanetriol"), so that
# "Polysorbate 20, 1,2-Hexanediol" keeps its separator after "20".
# After a hyphen only the unspaced form counts ("...-Nitropropane-1,3-Diol"): in
# "Tripeptide-2, 10-Hydroxydecanoic Acid" the spaced comma separates two names.
_LOCANTS = re.compile(
    r"(?<![\w.\-])\d(?:,\s?\d{1,2}){1,5}(?=\s?-|')|(?<=-)\d(?:,\d{1,2}){1,5}(?=-|')"
)
# A percentage glued to the next name: "Octisalate 5.0%Water".
_GLUED_PERCENT = re.compile(r"(?<=\d%)(?=[A-Za-z])")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d+\s?%)")
_SEPARATORS = re.compile(r"[,;•·|●▪◆■►\n()\[\]{}]|\.(?=\s+[*°†‡A-Z\[(+])")
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_ABBREVIATIONS = frozenset({"denat", "no", "vit", "sp", "spp", "var", "st", "ext", "aq", "ca"})
_PROTECT = "\u0001"


@dataclass(slots=True)
class _Segment:
    text: str
    may_contain: bool


def _matched_brackets(text: str) -> dict[int, int]:
    """Map each opening bracket to its matching closer; unmatched ones are ignored."""
    pairs: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    for m in re.finditer(r"[()\[\]{}]", text):
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
    return commas < newlines or bool(re.search(r"(?m)^\s*(?:[-*•·]|\d+[.)])\s", text))


def split_segments(text: str, notes: list[str]) -> list[_Segment]:
    """Split at top-level separators; brackets that hold a may-contain block open it."""
    text = _LOCANTS.sub(lambda m: m.group().replace(",", _PROTECT), text)
    if "%" in text:
        text = _DECIMAL_COMMA.sub(_PROTECT, text)
        text = _GLUED_PERCENT.sub(", ", text)
    if not _newline_is_separator(text):
        text = text.replace("\n", " ")
    pairs = _matched_brackets(text)
    closers = set(pairs.values())
    may_regions: list[tuple[int, int]] = []
    open_groups: set[int] = set()  # brackets opened by a may-contain block
    for m in _MAY_CONTAIN.finditer(text) if could_match(text, _MAY_KEYS) else ():
        start = m.start()
        bracket = next((p for p in (start, start - 1) if p in pairs), None)
        if bracket is not None:
            open_groups.add(bracket)
            may_regions.append((m.end(), pairs[bracket]))
        else:
            # Inside an open bracket group? The block ends where that group ends.
            end = len(text)
            for opener, closer in pairs.items():
                if opener < start < closer and closer < end:
                    end = closer
            may_regions.append((m.end(), end))
    if may_regions:
        notes.append("Entries after a 'may contain' / '+/-' marker are flagged may_contain.")

    segments: list[_Segment] = []
    depth_stack: list[int] = []
    seg_start = 0
    # Blank the markers themselves (same length, so offsets stay valid).
    chars = list(text) if may_regions else []
    for m in _MAY_CONTAIN.finditer(text) if may_regions else ():
        lo, hi = m.start(), m.end()
        if lo in open_groups or (lo - 1) in open_groups:
            lo = max(lo, (lo if lo in open_groups else lo - 1) + 1)
            chars[lo:hi] = " " * (hi - lo)
        else:
            # The marker also ends the entry before it: "Talc +/- CI 77891".
            chars[lo:hi] = "," + " " * (hi - lo - 1)
    if may_regions:
        text = "".join(chars)
    region_starts = sorted(may_regions)

    def in_may(pos: int) -> bool:
        if not region_starts:
            return False
        index = bisect.bisect_right(region_starts, (pos, len(text) + 1)) - 1
        return any(lo <= pos <= hi for lo, hi in region_starts[max(0, index - 2) : index + 1])

    def flush(end: int) -> None:
        piece = text[seg_start:end].replace(_PROTECT, ",")
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
            word = re.search(r"(\w+)$", text[max(seg_start, pos - 12) : pos])
            if word and word.group(1).casefold() in _ABBREVIATIONS:
                continue
        flush(pos)
        seg_start = pos + 1
    flush(len(text))
    return segments


# --------------------------------------------------------------------------
# 3-5 at once, for plain comma lists
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
# tests/test_parse_fast.py checks that both paths agree.

_FAST_BAD = b";|[]{}"
_FAST_BAD_TEXT = ";|[]{}•·●▪◆■►±："
_FAST_TABLE = bytes(
    48 if 48 <= i <= 57 else 0 if i in _FAST_BAD else i for i in range(256)
)  # digits -> "0", refused characters -> NUL
#: _plain_piece's answer for a piece whose parentheses do not nest within it.
_UNNESTED: tuple[str, ...] = ("\x00",)


def _refused(segment: str) -> bool:
    """A heading, trailing panel or may-contain marker in this comma piece."""
    if not segment.isascii():  # case folding is subtler: always run the patterns
        return bool(
            _TRAILING.search(segment) or _MAY_CONTAIN.search(segment) or _HEADING.search(segment)
        )
    low = segment.lower()
    while "  " in low:  # collapse runs of spaces as could_match does (edges kept)
        low = low.replace("  ", " ")
    # A key word is only a hint: the pattern decides (it never spans a comma).
    if any(key in low for key in _TRAILING_KEYS) and _TRAILING.search(segment):
        return True
    if any(key in low for key in _MAY_KEYS) and _MAY_CONTAIN.search(segment):
        return True
    return ":" in segment and bool(_HEADING.search(segment))


@lru_cache(maxsize=100_000)
def _plain_piece(piece: str) -> tuple[str, ...] | None:
    """A comma piece → its segment texts; None when it needs the full path,
    _UNNESTED when its parentheses do not nest within it."""
    segment = piece.replace(_PROTECT, ",")
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


@lru_cache(maxsize=100_000)
def _ci_piece(piece: str) -> tuple[str, ...] | None:
    return _plain_piece(fix_colour_index(piece))


@lru_cache(maxsize=100_000)
def _merged_piece(piece: str) -> tuple[str, ...] | None:
    """A stretch between two top-level commas (it may hold commas inside
    parentheses) → its segment texts, or None when it needs the full path."""
    if _refused(piece.replace(_PROTECT, ",")):
        return None
    return tuple(s.text for s in split_segments(piece, []))


def _merged_segments(text: str) -> list[str] | None:
    """Split at the commas outside every matched pair of parentheses.

    Pairs are matched over the whole text (as split_segments does); a stretch
    between two such commas holds whole pairs only, so split_segments over it
    matches the same pairs and splits it as the whole text would be split."""
    pairs = _matched_brackets(text)
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

    ``clean``: ``text`` is raw printable ASCII without "&" or "<", still to be
    cleaned (only the CI fix applies); otherwise it is clean_text's output."""
    if not text.isprintable():
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
        if clean or any(ch in text for ch in _FAST_BAD_TEXT):
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
        text = _LOCANTS.sub(lambda m: m.group().replace(",", _PROTECT), text)
    read = _ci_piece if ci else _plain_piece
    segments: list[str] = []
    for piece in text.split(","):
        found = read(piece)
        if found is None:
            return None
        if found is _UNNESTED:
            return _merged_segments(fix_colour_index(text) if ci else text)
        segments.extend(found)
    return segments


# --------------------------------------------------------------------------
# 6. reading one entry
# --------------------------------------------------------------------------

_BLEND = re.compile(r"(?i)\s*[\[(]\s*and\s*[\])]\s*|\s+\(&\)\s+")
_PERCENT = re.compile(r"[\[(]?\s*(?:<|≤|max\.?)?\s*(\d{1,3}(?:[.,]\d{1,3})?)\s?%\s*[\])]?")
_NANO = re.compile(r"(?i)\s*[\[(]\s*nano\s*[\])]")
# A pharmacopoeia grade after a name ("White Petrolatum USP", "Glycerin, USP"):
# a purity standard, not part of the INCI name.
_GRADE_WORDS = r"(?:USP|NF|BP|EP|Ph\.?\s?Eur\.?|FCC|JP)"
_GRADE = re.compile(rf"(?:\s+|^)(?:{_GRADE_WORDS}(?:\s*/\s*{_GRADE_WORDS})?)\.?$")
_GRADE_ONLY = re.compile(rf"^\s*\(?{_GRADE_WORDS}(?:\s*/\s*{_GRADE_WORDS})?\.?\)?\s*$")
_MARKS = "*°†‡¹²³⁴⁵^#+"
_EDGE_MARKS = re.compile(rf"^[{re.escape(_MARKS)}]+|[{re.escape(_MARKS)}]+$")
# "Organic Aloe Barbadensis Leaf Juice": a certifier's word, not part of the INCI name.
_ORGANIC_PREFIX = re.compile(r"(?i)^(?:certified\s+)?organic\s+(?=\w)")
_FLAT_FOOTNOTE = re.compile(r"(?<=[a-z])\d{1,3}$")
# A grade or processing word before a common name ("Extra Virgin Olive Oil",
# "Light Mineral Oil", "White Petrolatum"): the same substance. The name without
# it is tried last, after the printed name and its parts. Never "hydrogenated"
# or "fractionated": those make another substance.
_QUALITY_PREFIX = re.compile(
    r"(?i)^(?:(?:extra\s+)?virgin|refined|unrefined|(?:cold|expeller)[\s-]pressed|pure|raw"
    r"|deodori[sz]ed|light|heavy|purified|filtered|white|yellow|natural)\s+(?=\w)"
)
_LEAD_BULLET = re.compile(r"^(?:[-–•·*]\s+|\d{1,3}[.)]\s+|and\s+|&\s+)", re.IGNORECASE)
_FOOTNOTE_WORDS = re.compile(
    r"(?i)\b(?:organic|natural(?:ly)?|origin|farming|certified|fair\s*trade|derived|derivative"
    r"|agricultur\w*|wild[\s-]?harvested|ecocert|cosmos|biologique|bio|essential\s+oils?"
    r"|component|from\s+\w+|ingredients?\s+from|percent|%\s+of|of\s+the\s+total)\b"
)
_PAREN_NOTE = re.compile(
    r"(?i)^(?:certified\s+)?(?:organic|bio|natural|vegan|non[\s-]?gmo|plant[\s-]?derived"
    r"|vegetable|naturally\s+derived|from\s+.+|cold[\s-]pressed|micronized|micronised)$"
)
_INNER_PARENS = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_SPACED_SLASH = re.compile(
    r"\s+/\s+|\s*/\s*(?=(?:aqua|water|eau|parfum|fragrance|perfume)\b)", re.IGNORECASE
)


def _is_footnote(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and stripped[0] in _MARKS and bool(_FOOTNOTE_WORDS.search(stripped))


def read_entry(raw: str) -> tuple[str, str, tuple[str, ...], tuple[str, ...]] | None:
    """One printed segment → (text as printed, name, candidate names, annotations)."""
    printed = " ".join(raw.split()).strip(" ,;")
    printed = _LEAD_BULLET.sub("", printed).strip()
    if printed.endswith(".") and not printed.lower().endswith(("denat.", "no.")):
        printed = printed[:-1].rstrip()
    if not printed:
        return None
    annotations: list[str] = []
    name = printed
    if len(name) > MAX_ENTRY_CHARS:
        return printed[:MAX_ENTRY_CHARS] + "…", "", (), ("too long to be one ingredient",)

    organic = _ORGANIC_PREFIX.match(name)
    if organic:
        annotations.append("organic")
        name = name[organic.end() :]
    if _NANO.search(name):
        annotations.append("nano")
        name = _NANO.sub("", name)
    grade = _GRADE.search(name)
    graded = ""
    if grade and grade.start() > 0:
        annotations.append(grade.group().strip() + " grade")
        graded = name  # tried last: "Emulsifying Wax NF" is itself an INCI name
        name = name[: grade.start()]
    for pct in _PERCENT.finditer(name):
        annotations.append(f"{pct.group(1).replace(',', '.')}%")
    name = _PERCENT.sub(" ", name)
    if not graded:  # the grade before a strength: "Clindamycin Phosphate USP 1.0%"
        grade = _GRADE.search(name.rstrip())
        if grade and grade.start() > 0:
            annotations.append(grade.group().strip() + " grade")
            graded = name.rstrip()
            name = name.rstrip()[: grade.start()]
    marks = "".join(m.group() for m in _EDGE_MARKS.finditer(name.strip()))
    if marks:
        annotations.append(f"footnote {marks}")
        name = _EDGE_MARKS.sub("", name.strip())

    candidates: list[str] = []
    # Parenthesised parts: aliases ("Aqua (Water)"), common names inside a
    # botanical name ("Butyrospermum Parkii (Shea) Butter"), CI numbers, notes.
    inner_parts: list[str] = []
    while True:
        found = _INNER_PARENS.search(name)
        if not found:
            break
        inner = found.group(1).strip()
        if _PAREN_NOTE.match(inner):
            annotations.append(inner.lower())
        elif inner:
            inner_parts.append(inner)
        name = (name[: found.start()] + " " + name[found.end() :]).strip()
    # An unmatched opener: what follows it reads as a parenthetical ("Glycerin (Vegetable").
    head, opener, tail = name.partition("(") if "(" in name else name.partition("[")
    if opener and head.strip():
        inner_parts.append(tail.strip(" )]"))
        name = head
    name = " ".join(re.sub(r"[()\[\]]", " ", name).split()).strip(" ,;:-")
    if inner_parts:
        # The full printed form first: it is often a recorded alias itself.
        candidates.append(_EDGE_MARKS.sub("", _PERCENT.sub(" ", printed)).strip())
        for inner in inner_parts:
            candidates.extend(p.strip() for p in re.split(r"[,;]", inner) if p.strip())
    # Slash synonyms: "AQUA / WATER", "Water/Aqua/Eau". Slashes inside one INCI
    # name ("Caprylic/Capric Triglyceride") are kept: the whole name is tried
    # first, and the parts only as a fallback.
    # A backslash is sometimes printed for the same purpose: "Yeast Extract\Faex".
    if "/" in name or "\\" in name:
        parts = [p.strip() for p in re.split(r"\s*[/\\]\s*", name) if p.strip()]
        if len(parts) > 1:
            candidates.extend(parts)
    quality = _QUALITY_PREFIX.match(name)
    if quality:
        candidates.append(name[quality.end() :])
    # A superscript footnote number flattened by copy and paste ("Glycerin¹" →
    # "Glycerin1"): the name without it is tried last, after the name itself
    # ("Ceramide3" is Ceramide 3 and matches before this is tried).
    flattened = _FLAT_FOOTNOTE.search(name)
    if flattened:
        candidates.append(name[: flattened.start()])
    if graded:
        candidates.append(" ".join(graded.split()))
    if not name and candidates:
        name = candidates[0]
    return (
        printed,
        name,
        tuple(dict.fromkeys(c for c in candidates if c and c != name)),
        tuple(annotations),
    )


_Read = tuple[str, str, tuple[str, ...], tuple[str, ...]]


_INNER_FOOTNOTE = re.compile(r"\s[*°†‡+]{1,3}\s?(?=[A-Za-z])")
_HEADING_MARK = "\x02"
_GRADE_MARK = "\x03"


@lru_cache(maxsize=100_000)
def read_segment(text: str) -> tuple[tuple[str, ...], tuple[_Read, ...]]:
    """One segment → (footnote texts, entries read from it).

    A pure function of the segment text, cached: a catalog repeats the same
    few thousand segments across its lists (the lists themselves are not cached).
    """
    footnotes: list[str] = []
    entries: list[_Read] = []
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
        if colon and tail.strip() and 0 < len(head.split()) <= 6 and "(" not in head:
            footnotes.append(_HEADING_MARK + " ".join(head.split()))
            piece = tail
        if _GRADE_ONLY.match(piece):  # "Petrolatum, USP": the grade split off
            footnotes.append(_GRADE_MARK + " ".join(piece.split()))
            continue
        read = read_entry(piece)
        if read is None:
            continue
        if blend:
            read = (read[0], read[1], read[2], (*read[3], "blend"))
        entries.append(read)
    return tuple(footnotes), tuple(entries)


# --------------------------------------------------------------------------
# The whole parse
# --------------------------------------------------------------------------


_TAIL_MARKS = "*°†‡+"
_TAIL_MARK = re.compile(r"[*°†‡+]{1,3}")


def footnote_tail(texts: Sequence[str], annotations: Sequence[tuple[str, ...]]) -> int:
    """How many entries at the end are footnote text: they begin with a footnote
    mark used earlier in the list ("…, Linalool. *Napiers Original Formula")."""
    count = len(texts)
    if count < 2 or texts[-1][:1] not in _TAIL_MARKS or not texts[-1]:
        return 0
    used = {a.split(" ", 1)[1] for notes in annotations for a in notes if a.startswith("footnote ")}
    keep = count
    while keep > 1:
        mark = _TAIL_MARK.match(texts[keep - 1])
        if not mark or mark.group() not in used:
            break
        # The mark must also stand on an earlier entry, not only on this one.
        wanted = f"footnote {mark.group()}"
        if not any(wanted in annotations[i] for i in range(keep - 1)):
            break
        keep -= 1
    return count - keep


def _cut_trailing_footnotes(label: ParsedLabel, footnotes: list[str]) -> None:
    """Move footnote text at the end of the entries (``footnote_tail``) to the footnotes."""
    entries = label.entries
    cut = footnote_tail([e.text for e in entries], [e.annotations for e in entries])
    if cut:
        footnotes.extend(e.text for e in entries[-cut:])
        del entries[-cut:]


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


def reattach_qualifiers(
    texts: list[str], flags: list[bool] | None
) -> tuple[list[str], list[bool] | None]:
    """Segments with each inverted-title qualifier (or bare strength) joined to
    the name before it."""
    if not any(
        _INVERTED_QUALIFIER.fullmatch(t.strip()) or _BARE_STRENGTH.fullmatch(t.strip())
        for t in texts[1:]
    ):
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


def label_segments(
    text: object, *, max_chars: int = MAX_TEXT_CHARS, fast: bool = True
) -> tuple[list[str], list[bool] | None, list[str]]:
    """Stages 1-5: label text → segment texts, their may-contain flags (None
    when no segment is in a may-contain block) and the notes so far.

    ``fast=False`` forces the full path (tests compare the two)."""
    texts, flags, notes = _label_segments(text, max_chars=max_chars, fast=fast)
    texts, flags = reattach_qualifiers(texts, flags)
    texts, flags = split_last_and(texts, flags)
    return texts, flags, notes


# "..., Propylparaben, Squalane and Stearic Acid": the last two entries of an
# English list joined by "and" (INCI names practically never hold the word).
_LAST_AND = re.compile(r"(?i)^\s*([^()\[\]]+?)\s+and\s+([^()\[\]]+?)\s*\.?\s*$")


def split_last_and(
    texts: list[str], flags: list[bool] | None
) -> tuple[list[str], list[bool] | None]:
    """The last segment split at a joining "and" when both sides are short names."""
    if len(texts) < 2:
        return texts, flags
    found = _LAST_AND.match(texts[-1])
    if not found or not all(1 <= len(part.split()) <= 6 for part in found.groups()):
        return texts, flags
    texts = [*texts[:-1], found.group(1), found.group(2)]
    return texts, (None if flags is None else [*flags, flags[-1]])


def _label_segments(
    text: object, *, max_chars: int, fast: bool
) -> tuple[list[str], list[bool] | None, list[str]]:
    raw = check_input(text, max_chars=max_chars)
    notes: list[str] = []
    raw = read_drug_facts(raw, notes)
    tried = False
    if fast and raw.isascii() and raw.isprintable() and "&" not in raw and "<" not in raw:
        plain = _fast_segments(raw, clean=True)
        if plain is not None:
            return plain, None, notes
        tried = True
        cleaned = clean_text(raw)
    else:
        cleaned = clean_text(raw)
        if cleaned != raw and "<" in raw and re.search(r"<[a-zA-Z/!][^>]*>", raw):
            notes.append("HTML markup was removed before reading the list.")
        if fast:
            plain = _fast_segments(cleaned, clean=False)
            if plain is not None:
                return plain, None, notes
            tried = True
    uncut = cleaned
    cleaned = cut_preamble(cleaned, notes)
    cleaned = cut_trailing(cleaned, notes)
    # What is left may be a plain list (unless that was already refused).
    if fast and not (tried and cleaned == uncut):
        plain = _fast_segments(cleaned, clean=False)
        if plain is not None:
            return plain, None, notes
    segments = split_segments(cleaned, notes)
    flags = [s.may_contain for s in segments]
    return [s.text for s in segments], flags if any(flags) else None, notes


def parse_label(text: object, *, max_chars: int = MAX_TEXT_CHARS, fast: bool = True) -> ParsedLabel:
    """Label text → ordered entries plus notes on everything that was cut."""
    texts, may_flags, notes = label_segments(text, max_chars=max_chars, fast=fast)
    label = ParsedLabel(notes=notes)
    position = 0
    footnotes: list[str] = []
    for index, segment in enumerate(texts):
        seg_footnotes, seg_entries = read_segment(segment)
        footnotes.extend(seg_footnotes)
        may_contain = may_flags[index] if may_flags is not None else False
        for printed, name, candidates, entry_annotations in seg_entries:
            position += 1
            if position > MAX_ENTRIES:
                raise too_many_entries()
            label.entries.append(
                ParsedEntry(
                    text=printed,
                    name=name,
                    candidates=candidates,
                    position=position,
                    may_contain=may_contain,
                    annotations=entry_annotations,
                )
            )
    _cut_trailing_footnotes(label, footnotes)
    _footnote_notes(footnotes, notes)
    if not label.entries:
        raise ScreenError(NO_ENTRIES)
    return label


NO_ENTRIES = (
    "No ingredients were found in the text. Paste the ingredient list itself, "
    "for example 'Water, Glycerin, Dimethicone'."
)


def too_many_entries() -> ScreenError:
    return ScreenError(
        f"The list has more than {MAX_ENTRIES:,} entries; one product declares "
        "far fewer. Paste one product at a time (or raise SCREENER_MAX_ENTRIES)."
    )


def _footnote_notes(footnotes: list[str], notes: list[str]) -> None:
    for note in footnotes:
        if note.startswith(_HEADING_MARK):
            notes.append(f"Section heading, not an ingredient: {_preview(note[1:])}")
        elif note.startswith(_GRADE_MARK):
            notes.append(f"Pharmacopoeia grade, not an ingredient: {_preview(note[1:])}")
        else:
            notes.append(f"Footnote text, not an ingredient: {_preview(note)}")
