"""Normalisation as ordered lists of small pure steps.

Two pipelines:

* ``TEXT_STEPS`` clean a whole pasted label before it is split into entries
  (HTML entities, tags, invisible spaces, dashes, OCR slips).
* ``FOLD_STEPS`` turn one ingredient name into the key the matcher looks up
  (case, accents, spelling variants, spacing). Folding is idempotent: folding a
  folded key gives the same key (tested over the whole database).

Every step is a ``str -> str`` function with a table of cases that once broke
in ``tests/test_normalise.py``. All regular expressions here are linear: no
nested quantifiers, so hostile input cannot make them backtrack.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

Step = Callable[[str], str]

# --------------------------------------------------------------------------
# Text steps (whole label)
# --------------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]{0,500}>")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
_CONTROL = re.compile("[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d]")
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'"}
_DQUOTES = re.compile("[\u201c\u201d\u201e\u201f\u2033]")
# OCR and typing slips in Colour Index numbers: "Cl 77491", "C.I. 77491", "CI77491".
_CI_NUMBER = re.compile(r"\b(?:C\.?\s?[Il1]\.?|c\.?\s?[il]\.?)\s?(?=\d{5}\b)")
_CRLF = re.compile(r"\r\n?")


def unescape_html(text: str) -> str:
    """``&amp;`` → ``&``, ``&nbsp;`` → NBSP; twice, for double-escaped scrapes."""
    if "&" not in text:
        return text
    return html.unescape(html.unescape(text))


def strip_html_tags(text: str) -> str:
    """Drop tags such as ``<br>`` or ``<b>``; a line break tag becomes a newline."""
    if "<" not in text:
        return text
    text = re.sub(r"<\s*(?:br|/p|/li|/div)\s*/?\s*>", "\n", text, flags=re.IGNORECASE)
    return _TAG.sub(" ", text)


def normalise_unicode(text: str) -> str:
    """NFC composition, so that ``e`` + combining acute equals ``é``."""
    return unicodedata.normalize("NFC", text)


def drop_invisible(text: str) -> str:
    """Zero-width spaces, soft hyphens and byte-order marks vanish."""
    return _INVISIBLE.sub("", text)


def unify_spaces(text: str) -> str:
    """Non-breaking and other odd spaces become a plain space; CRLF becomes LF."""
    return _ODD_SPACES.sub(" ", _CRLF.sub("\n", text))


def drop_control_characters(text: str) -> str:
    """Control and bidi-override characters carry no ingredient information."""
    return _CONTROL.sub("", text)


def unify_dashes_and_quotes(text: str) -> str:
    """En/em dashes, minus signs and curly quotes become ASCII."""
    text = _DASHES.sub("-", text)
    for curly, plain in _QUOTES.items():
        text = text.replace(curly, plain)
    return _DQUOTES.sub('"', text)


# East Asian labels print the list in full-width punctuation: the ideographic
# comma "、" (Japanese, Chinese) or the full-width comma "，" between entries,
# "（ ）" around a name's gloss, "％" after a strength, and often full-width
# Latin letters and digits ("ＰＥＧ－６０"). The Halfwidth and Fullwidth Forms
# block U+FF01-FF5E is ASCII shifted by 0xFEE0 (its NFKC form); "、" and "。"
# have no compatibility form, so they are mapped by hand.
_WIDE_PUNCTUATION = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    0x3001: ord(","),  # 、 ideographic comma
    0xFE50: ord(","),  # ﹐ small comma
    0xFE51: ord(","),  # ﹑ small ideographic comma
    0x3002: ord("."),  # 。 ideographic full stop
}


def unify_wide_punctuation(text: str) -> str:
    """Full-width and ideographic punctuation, letters and digits become ASCII,
    so ``水、BG、グリセリン`` splits into three entries."""
    return text.translate(_WIDE_PUNCTUATION)


def fix_colour_index(text: str) -> str:
    """``Cl 77491`` (lower-case L, an OCR slip), ``C.I. 77491``, ``CI77491`` → ``CI 77491``."""
    return _CI_NUMBER.sub("CI ", text)


TEXT_STEPS: Sequence[Step] = (
    unescape_html,
    strip_html_tags,
    normalise_unicode,
    drop_invisible,
    unify_spaces,
    drop_control_characters,
    unify_dashes_and_quotes,
    unify_wide_punctuation,
    fix_colour_index,
)


_ASCII_ODD = re.compile("[\t\v\f\r\u0000-\u0008\u000e-\u001f\u007f]")
# Every character drop_invisible, unify_spaces, drop_control_characters,
# unify_dashes_and_quotes and unify_wide_punctuation replace: one scan tells that all five change nothing.
_ANY_ODD = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad"  # _INVISIBLE
    "\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f\r"  # _ODD_SPACES, _CRLF
    "\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"  # _CONTROL
    "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"  # _DASHES
    "\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033"  # quotes
    "\uff01-\uff5e\u3001\u3002\ufe50\ufe51]"  # _WIDE_PUNCTUATION
)
_WIDE_STEPS = (
    drop_invisible,
    unify_spaces,
    drop_control_characters,
    unify_dashes_and_quotes,
    unify_wide_punctuation,
)
# Bytes that hold a digit map to "0": five in a row is what a Colour Index fix needs.
_DIGITS_TO_ZERO = bytes(48 if 48 <= i <= 57 else i for i in range(256))
# The same for text encoded with "?" for each non-ASCII character: "?" maps to
# "0" too, since a Unicode digit also matches the fix's \d (one "?" per
# character, so runs keep their length).
_DIGITS_OR_WIDE_TO_ZERO = bytes(48 if 48 <= i <= 57 or i == 63 else i for i in range(256))


def may_hold_colour_index(text: str) -> bool:
    """False only when fix_colour_index cannot change ``text``: no run of five
    characters that could all be digits."""
    if text.isascii():
        return b"00000" in text.encode("ascii").translate(_DIGITS_TO_ZERO)
    return b"00000" in text.encode("ascii", "replace").translate(_DIGITS_OR_WIDE_TO_ZERO)


def clean_text(text: str) -> str:
    """Run every text step in order.

    ASCII text skips the steps that only touch other characters (NFC,
    invisible spaces, dashes and curly quotes), and a step whose trigger
    character is absent is not run: the result is the same as running all.
    """
    if "&" in text:  # an entity can unescape to anything
        for step in TEXT_STEPS:
            text = step(text)
        return text
    if not text.isascii():
        # Each step below replaces only its own characters, and none puts back
        # a character an earlier one replaces.
        text = normalise_unicode(strip_html_tags(text))
        if _ANY_ODD.search(text):
            for step in _WIDE_STEPS:
                text = step(text)
        return fix_colour_index(text) if may_hold_colour_index(text) else text
    text = strip_html_tags(text)  # ASCII in, ASCII out
    if not text.isprintable() and _ASCII_ODD.search(text):
        text = drop_control_characters(unify_spaces(text))
    if may_hold_colour_index(text):
        text = fix_colour_index(text)
    return text


# --------------------------------------------------------------------------
# Name steps (one printed entry)
# --------------------------------------------------------------------------

# Words printed before a name to sell it, not to name it: articles, claims
# ("Organic", "100% Natural", "Fair Trade") and processing boasts ("Cold-Pressed",
# "Extra Virgin"). None of them begins an INCI name (checked against CosIng:
# only "Wild" does, as in "Wild Yam Root Extract", so "Wild" alone is not here);
# the reader still tries the full printed name first, so a recorded alias
# such as "Natural Fragrance" keeps matching as printed.
_MARKETING_WORD = re.compile(
    r"(?i)(?:the|an?|100\s?%\s*(?:natural|organic|pure|vegan|plant[\s-]based)"
    r"|certified|usda|organic(?:ally\s+grown)?|bio|natural|naturally[\s-]derived"
    r"|all[\s-]natural|pure|ultra[\s-]pure|raw|fresh|premium|finest|genuine"
    r"|wild[\s-]?crafted|wild[\s-]harvested|fair[\s-]?trade|cold[\s-]pressed"
    r"|expeller[\s-]pressed|extra[\s-]virgin|virgin|unrefined|vegan|non[\s-]?gmo"
    r"|(?:sustainably|ethically|responsibly)\s+sourced|hand[\s-]?picked|steam[\s-]distilled)"
    r"(?:\s+and\s+|\s*[,&]\s*|\s+)"
)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def strip_marketing_words(name: str) -> tuple[str, str]:
    """``Certified Organic Shea Butter`` → ``("Shea Butter", "Certified Organic")``.

    Leading words only, one at a time (linear); ``(name, "")`` when there is
    none, or when nothing would be left of the name."""
    end = 0
    while found := _MARKETING_WORD.match(name, end):
        end = found.end()
    if not end or not _LETTER_OR_DIGIT.search(name, end):
        return name, ""
    return name[end:], name[:end].strip(" ,&")


# --------------------------------------------------------------------------
# Fold steps (one name → lookup key)
# --------------------------------------------------------------------------

# British and older spellings that INCI writes the US way. Whole-word-ish
# fragments only, so "sulphate" and "sulphur" fold but nothing else changes.
_SPELLING = (
    ("sulph", re.compile(r"sulph"), "sulf"),
    ("aluminium", re.compile(r"aluminium"), "aluminum"),
    ("hydrolysed", re.compile(r"hydrolysed"), "hydrolyzed"),
    ("colour", re.compile(r"\bcolour"), "color"),
    ("flavour", re.compile(r"flavour"), "flavor"),
)
_SPACE_AROUND = re.compile(r"\s*([/\-,&+])\s*")
_WORD_NUMBER = re.compile(r"([a-z])[ \-](\d)")
_EDGE_PUNCT = re.compile(r"^[\s.,;:*°†‡'\"`~!?#^_\-]+|[\s.,;:*°†‡'\"`~!?#^_\-]+$")
_SPACES = re.compile(r"\s+")
_NO_NUMBER = re.compile(r"\bno\.?\s?(?=\d)")


def strip_accents(name: str) -> str:
    """``Huile Minérale`` → ``Huile Minerale``; compatibility forms (``²``) fold too."""
    if name.isascii():  # nothing to decompose (the database's names, most labels)
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def lower_case(name: str) -> str:
    return name.casefold()


# Also between two letters ("phen0xyethan0l", "s0dium"): no INCI name holds a
# digit there, so it is an OCR or typing slip.
_ZERO_AS_O = re.compile(r"(?<![\w.,])0(?=[a-z]{2})|(?<=\d-)0(?=-[a-z])|(?<=[a-z])0(?=[a-z])")
_ONE_AS_L = re.compile(r"(?<=[a-z])1(?=[a-z])")


def zero_for_letter_o(name: str) -> str:
    """``Sorbitan 0livate`` → ``sorbitan olivate``, ``3-0-Ethyl`` → ``3-o-ethyl``:
    a zero typed (or read by OCR) for the letter O, where no number can stand."""
    return _ZERO_AS_O.sub("o", name) if "0" in name else name


def one_for_letter_l(name: str) -> str:
    """``G1ycerin`` → ``glycerin``, ``Cetearyl A1cohol`` → ``cetearyl alcohol``: a
    one read for the letter l between two letters, where no INCI name has a digit."""
    return _ONE_AS_L.sub("l", name) if "1" in name else name


def us_spelling(name: str) -> str:
    """``Sodium Lauryl Sulphate`` → ``sodium lauryl sulfate``."""
    for trigger, pattern, replacement in _SPELLING:
        if trigger in name:  # a regex only where its word can be
            name = pattern.sub(replacement, name)
    return name


def tighten_punctuation(name: str) -> str:
    """``Caprylic / Capric`` → ``caprylic/capric``; ``PEG - 40`` → ``peg-40``."""
    if " " not in name:  # nothing to tighten
        return name
    return _SPACE_AROUND.sub(r"\1", name)


def drop_number_sign(name: str) -> str:
    """``D&C Red No. 7`` → ``d&c red 7``: labels print it both ways."""
    return _NO_NUMBER.sub("", name) if "no" in name else name


def join_word_and_number(name: str) -> str:
    """``PEG-40``, ``PEG 40`` and ``Polysorbate 20`` fold alike (``peg40``).

    Digits are kept exactly, so ``PEG-40`` never folds onto ``PEG-60``.
    """
    if " " not in name and "-" not in name:
        return name
    return _WORD_NUMBER.sub(r"\1\2", name)


def collapse_spaces(name: str) -> str:
    if "  " not in name and name.isprintable():  # only single plain spaces inside
        return name.strip()
    return _SPACES.sub(" ", name).strip()


def strip_edge_punctuation(name: str) -> str:
    """``Alcohol Denat.`` → ``alcohol denat``; footnote marks ``*`` ``°`` go too."""
    if name and name[0].isalnum() and name[-1].isalnum():
        return name
    return _EDGE_PUNCT.sub("", name)


FOLD_STEPS: Sequence[Step] = (
    strip_accents,
    lower_case,
    zero_for_letter_o,
    one_for_letter_l,
    us_spelling,
    collapse_spaces,
    drop_number_sign,
    tighten_punctuation,
    join_word_and_number,
    # again: joining "a 0a" makes a zero between letters (folding stays idempotent)
    zero_for_letter_o,
    one_for_letter_l,
    strip_edge_punctuation,
    collapse_spaces,
)


@lru_cache(maxsize=200_000)
def fold_name(name: str) -> str:
    """The lookup key for a name. Idempotent: ``fold_name(fold_name(x)) == fold_name(x)``."""
    for step in FOLD_STEPS:
        name = step(name)
    return name
