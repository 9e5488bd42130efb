"""Small helpers shared by the read stage's modules."""

from __future__ import annotations


def could_match(text: str, keys: tuple[str, ...]) -> bool:
    """False only when a case-insensitive pattern needing one of ``keys`` cannot
    match: an ASCII text whose lower-cased, space-collapsed form holds none.
    (Non-ASCII text is always scanned: case folding is subtler there.)"""
    if not text.isascii():
        return True
    flat = " ".join(text.lower().split())
    return any(key in flat for key in keys)


def preview(text: str, limit: int = 80) -> str:
    """A one-line, quoted, shortened form of cut text for the notes."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
