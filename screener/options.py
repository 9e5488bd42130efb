"""What the caller asked for, checked once at the edge: contexts and product type.

Every interface (API, CLI, page, batch) passes its options through here, so a
wrong type or an unknown name is one clear ScreenError, never an AttributeError
deep in a stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import ScreenError
from .vocabulary import CONTEXTS, PRODUCT_TYPES

if TYPE_CHECKING:
    from .database import Database
    from .kinds import AvoidList

_CONTEXT_WORDS = {
    "eye": "eye-area",
    "eyes": "eye-area",
    "postprocedure": "post-procedure",
    "baby": "infant",
    "infants": "infant",
    "pregnant": "pregnancy",
}
_PRODUCT_TYPE_WORDS = {
    "leaveon": "leave-on",
    "rinseoff": "rinse-off",
    "wash-off": "rinse-off",
    "washoff": "rinse-off",
    "cleanser": "rinse-off",
}


def _word(text: str) -> str:
    return text.strip().lower().replace("_", "-").replace(" ", "-")


def normalise_contexts(context: object) -> list[str]:
    """One context, a list of them, or None → canonical names; refuse the rest."""
    if context is None:
        return []
    if isinstance(context, str):
        items: list[object] = [context]
    elif isinstance(context, Iterable):
        items = list(context)
    else:
        raise ScreenError(
            f"Context must be text or a list of text, one of {', '.join(CONTEXTS)} "
            f"(got {type(context).__name__})."
        )
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ScreenError(f"Context must be text, one of {', '.join(CONTEXTS)}.")
        name = _word(item)
        name = _CONTEXT_WORDS.get(name, name)
        if not name:
            continue
        if name not in CONTEXTS:
            raise ScreenError(f"Unknown context {item!r}. Choose from: {', '.join(CONTEXTS)}.")
        if name not in out:
            out.append(name)
    return out


def normalise_product_type(product_type: object) -> str | None:
    """'leave-on', 'rinse-off' (and their spellings) or None; refuse the rest."""
    if product_type is None or product_type == "":
        return None
    if not isinstance(product_type, str):
        raise ScreenError(
            f"Product type must be 'leave-on' or 'rinse-off' (got {type(product_type).__name__})."
        )
    name = _word(product_type)
    name = _PRODUCT_TYPE_WORDS.get(name, name)
    if name not in PRODUCT_TYPES:
        raise ScreenError(
            f"Unknown product type {product_type!r}. Choose 'leave-on' or 'rinse-off'."
        )
    return name


@dataclass(frozen=True, slots=True)
class Options:
    """Checked options of one screen; hashable, so caches can key on it."""

    contexts: tuple[str, ...] = ()
    product_type: str | None = None
    #: A person's avoid list (kinds/avoid.py), or None.
    avoid: AvoidList | None = field(default=None, compare=False)

    @property
    def rinse_off(self) -> bool:
        return self.product_type == "rinse-off"

    @classmethod
    def of(
        cls,
        context: object = None,
        product_type: object = None,
        avoid: object = None,
        db: Database | None = None,
    ) -> Options:
        return cls(
            tuple(normalise_contexts(context)),
            normalise_product_type(product_type),
            read_avoid(avoid, db),
        )


def read_avoid(avoid: object, db: Database | None = None) -> AvoidList | None:
    """An avoid list from a path, its text, a list of lines or a mapping (or None)."""
    from pathlib import Path

    from .errors import DatabaseError
    from .kinds import AvoidList, load_avoid_list

    if avoid is None or isinstance(avoid, AvoidList):
        return avoid
    if not isinstance(avoid, str | Path | list | tuple | dict):
        raise ScreenError(
            "An avoid list is a file path, its text, or a list of lines such as "
            f"['Linalool', 'class:fragrance_allergen'] (got {type(avoid).__name__})."
        )
    try:
        return load_avoid_list(avoid, db)
    except DatabaseError as exc:
        raise ScreenError(f"The avoid list could not be read: {exc}") from None
