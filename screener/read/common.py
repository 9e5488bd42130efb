"""Small helpers shared by the read stage's modules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import repeat
from typing import TypeVar

_K = TypeVar("_K")
_V = TypeVar("_V")
_MISSING: object = object()

#: How far before its key word a match may begin (in the space-collapsed text):
#: "key benefits" for "benefit", "precautions" for "caution", "[ may contain".
KEY_LEAD = 8


def first_possible(text: str, keys: tuple[str, ...]) -> int | None:
    """Where a case-insensitive pattern needing one of ``keys`` could first
    match: None when it cannot match at all, else a position at or before the
    start of its first match (so ``pattern.search(text, pos)`` finds exactly what
    ``pattern.search(text)`` does, without scanning the whole label).

    Sound because space-collapsing only shrinks the text (an index in the flat
    form is never past the same character in ``text``), a match starts at most
    ``KEY_LEAD`` characters before its key, and lookbehinds see text before pos.
    Non-ASCII text is scanned from 0 (case folding may change lengths)."""
    if not text.isascii():
        return 0
    flat = " ".join(text.lower().split())
    found = [index for index in map(flat.find, keys) if index >= 0]
    if not found:
        return None
    return max(0, min(found) - KEY_LEAD)


def could_match(text: str, keys: tuple[str, ...]) -> bool:
    """False only when a case-insensitive pattern needing one of ``keys`` cannot
    match: an ASCII text whose lower-cased, space-collapsed form holds none.
    (Non-ASCII text is always scanned: case folding is subtler there.)"""
    return first_possible(text, keys) is not None


#: Characters a case-insensitive pattern matches to an ASCII letter although
#: ``str.lower()`` does not give that letter ("İ" and "ı" match "i", "ſ" matches
#: "s"; the Kelvin sign lowers to "k" as it matches). Found by testing every
#: code point against ``re``'s case folding (tests/test_read.py).
ODD_FOLDS = ("\u0130", "\u0131", "\u017f")


def lowered(text: str) -> str | None:
    """``text.lower()`` when a substring test on it finds every ASCII word a
    case-insensitive pattern could match in ``text``, else None."""
    if not text.isascii() and any(ch in text for ch in ODD_FOLDS):
        return None
    return text.lower()


def memo_map(
    cache: dict[_K, _V], compute: Callable[[_K], _V], keys: Sequence[_K], limit: int = 100_000
) -> list[_V]:
    """``[compute(k) for k in keys]``, each answer remembered in ``cache`` (cleared
    past ``limit``). The look-ups run as one C-level map: a catalog row has ~30
    pieces, nearly all seen before, and a per-call cache wrapper costs twice a
    dict look-up."""
    found: list[object] = list(map(cache.get, keys, repeat(_MISSING)))
    if _MISSING in found:
        if len(cache) > limit:
            cache.clear()
        for index, value in enumerate(found):
            if value is _MISSING:
                found[index] = cache[keys[index]] = compute(keys[index])
    return found  # type: ignore[return-value]


def preview(text: str, limit: int = 80) -> str:
    """A one-line, quoted, shortened form of cut text for the notes."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
