"""Leave-on or rinse-off, read off a product's name or category.

A cleanser's occlusives and comedogenic oils are rinsed away within a minute,
so the judges step their severity down for rinse-off products. A catalog rarely
says which a row is, but its name or category usually does: "Foaming Cleanser",
"Cleansing Balm", "Wash-Off Mask". The patterns are data
(``ingredients/rules/product_types.csv``), tried in order, first match wins,
each with its source and a plain reason:

* the leave-on words come first, so "leave-in conditioner", "sleeping mask",
  "overnight mask", "no-rinse", micellar water (usually swiped on and not
  rinsed) and wipes stay leave-on even though they also say "conditioner",
  "mask" or "cleansing";
* then the rinse-off words: rinse/wash-off, peel-off (removed whole after
  minutes, like a wash-off mask), cleansing oil/balm, cleanser, wash, foam,
  scrub, shampoo, conditioner, shower gel, soap, clay or mud mask.

Nothing matched → leave-on, the stricter reading (a plain "mask" may be a
sheet mask that is never rinsed).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .errors import ScreenError
from .vocabulary import PRODUCT_TYPES

RULES_FILE = Path("rules") / "product_types.csv"
DEFAULT_TYPE = "leave-on"
DEFAULT_REASON = (
    "no rinse-off word in the name or category: screened as leave-on (the stricter reading)"
)


@dataclass(frozen=True, slots=True)
class TypeRule:
    id: str
    pattern: re.Pattern[str]
    product_type: str
    sources: tuple[str, ...]
    reason: str


class TypeGuess(NamedTuple):
    """The inferred type and why, e.g. ("rinse-off", "name 'X' says 'cleanser': …")."""

    product_type: str
    reason: str


def _fold(text: object) -> str:
    return " ".join(re.sub(r"[_/]+", " ", str(text)).casefold().split())


def _rules_path(root: Path | None) -> Path:
    if root is not None and (root / RULES_FILE).is_file():
        return root / RULES_FILE
    # A database folder of one's own may lack the file: use the bundled one.
    from .database import database_dir

    here = Path(__file__).resolve().parent
    for folder in (database_dir(), here / "ingredients", here.parent / "ingredients"):
        if (folder / RULES_FILE).is_file():
            return folder / RULES_FILE
    raise ScreenError(f"The product-type patterns ({RULES_FILE.as_posix()}) are missing.")


@lru_cache(maxsize=4)
def load_type_rules(path: Path) -> tuple[TypeRule, ...]:
    """The ordered patterns; ScreenError naming the row for a broken one."""
    rules: list[TypeRule] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name} row {line}"
            ptype = (row.get("product_type") or "").strip()
            if ptype not in PRODUCT_TYPES:
                raise ScreenError(f"{where}: product_type must be one of {PRODUCT_TYPES}.")
            try:
                pattern = re.compile(row["pattern"])
            except (re.error, KeyError, TypeError) as exc:
                raise ScreenError(f"{where}: bad pattern ({exc}).") from None
            sources = tuple(s for s in (row.get("source") or "").split(";") if s)
            if not sources or not (row.get("reason") or "").strip():
                raise ScreenError(f"{where}: every pattern needs a source and a reason.")
            rules.append(
                TypeRule(row["id"], pattern, ptype, sources, (row["reason"] or "").strip())
            )
    return tuple(rules)


def type_rules(root: Path | None = None) -> tuple[TypeRule, ...]:
    return load_type_rules(_rules_path(root))


def _present(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def infer_product_type(
    name: object = None,
    category: object = None,
    *,
    rules: tuple[TypeRule, ...] | None = None,
) -> TypeGuess:
    """(product type, reason) from a product's name and/or category; pure.

    The first rule (in file order) that matches the name or the category
    wins; nothing matched → leave-on with the reason saying so.
    """
    table = rules if rules is not None else type_rules()
    texts = [("name", _present(name)), ("category", _present(category))]
    for rule in table:
        for field, text in texts:
            if not text:
                continue
            found = rule.pattern.search(_fold(text))
            if found:
                return TypeGuess(
                    rule.product_type,
                    f"{field} {text[:60]!r} says {found.group(0)!r}: {rule.reason}",
                )
    return TypeGuess(DEFAULT_TYPE, DEFAULT_REASON)


def type_and_reason(
    given: str | None, name: object = None, *, infer: bool = True
) -> tuple[str | None, str | None]:
    """The type one product is screened as, and why: a ``given`` type (already
    normalised) wins, with the reason "given"; else, with ``infer``, the type
    read off a non-blank ``name`` (``infer_product_type``, with its reason);
    else (None, None), screened as leave-on without a stated type. The one rule
    for ``Screener.screen``, ``screen_routine`` and the routine files."""
    if given:
        return given, "given"
    if infer and _present(name):
        guess = infer_product_type(name=name)
        return guess.product_type, guess.reason
    return None, None


#: Column names that hold a product's category or name (compared folded).
CATEGORY_COLUMNS = ("category", "label", "product_type", "type", "product type", "product category")
NAME_COLUMNS = ("name", "product_name", "product", "title", "product name")


def pick_column(columns: Iterable[object], options: tuple[str, ...]) -> str | None:
    """The first column whose folded name is one of ``options``."""
    folded = {str(c).strip().casefold(): str(c) for c in columns}
    for option in options:
        if option in folded:
            return folded[option]
    return None
