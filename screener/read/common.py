"""Small helpers shared by the read stage's modules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

_K = TypeVar("_K")
_V = TypeVar("_V")

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
#: code point against ``re``'s case folding (tests/test_read_gates.py).
ODD_FOLDS = ("\u0130", "\u0131", "\u017f")


def lowered(text: str) -> str | None:
    """``text.lower()`` when a substring test on it finds every ASCII word a
    case-insensitive pattern could match in ``text``, else None."""
    if not text.isascii() and any(ch in text for ch in ODD_FOLDS):
        return None
    return text.lower()


class Memo(dict[_K, _V]):
    """A dict that computes a missing key's value (``compute(key)``) and keeps it,
    cleared past ``limit`` keys. ``many(keys)`` looks every key up in one C-level
    map: a catalog row has ~30 pieces, nearly all seen before, and a per-call
    cache wrapper (``lru_cache``) costs nearly twice as much."""

    __slots__ = ("compute", "limit")

    def __init__(self, compute: Callable[[_K], _V], limit: int = 100_000) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, key: _K) -> _V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value

    def many(self, keys: Iterable[_K]) -> list[_V]:
        return list(map(self.__getitem__, keys))


def preview(text: str, limit: int = 80) -> str:
    """A one-line, quoted, shortened form of cut text for the notes."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
