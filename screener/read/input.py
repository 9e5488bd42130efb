"""Stage 1: refuse what cannot be screened; make what can valid text.

``check_input`` raises ScreenError with a message a person can act on (no
text, binary data, too long, a spreadsheet error, a placeholder).
``replace_surrogates`` turns lone surrogates (``"Gly\\ud800cerin"``, or bytes
the command line could not decode, kept by ``surrogateescape``) into U+FFFD,
so that every later stage, JSON and text rendering see valid Unicode.
"""

from __future__ import annotations

import re

from ..errors import ScreenError
from ..limits import MAX_TEXT_CHARS

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

SURROGATES_NOTE = (
    "Some characters were not valid text (undecodable bytes or broken emoji) and "
    "were replaced with '\ufffd'."
)


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


def replace_surrogates(text: str) -> tuple[str, bool]:
    """``(text, False)``, or the text with every lone surrogate replaced by
    U+FFFD and True. A surrogate pair (an emoji split in two) is joined back."""
    if text.isascii():
        return text, False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        joined = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return joined, joined.count("\ufffd") > text.count("\ufffd")
    return text, False


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = len(_BINARY_CONTROL.findall(sample))
    return control > max(8, len(sample) // 10)
