"""Cross-table checks: source ids resolve, names are owned once, selectors parse.

Each check appends problems naming the file and physical line; nothing raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..normalise import fold_name
from ..vocabulary import ACTIVE_CLASSES, FUNCTIONS, OCCLUSIVE_CLASSES
from .csvio import Valid
from .models import IngredientRow, Selector, SourceRow, _split


@dataclass
class Names:
    """Who owns each folded name (canonical or alias) of the curated layer."""

    rows: dict[str, Valid[IngredientRow]] = field(default_factory=dict)
    #: folded name → (canonical INCI, label, line)
    owner: dict[str, tuple[str, str, int]] = field(default_factory=dict)


def check_sources(
    where: str, ids: list[str], sources: dict[str, SourceRow], problems: list[str]
) -> None:
    for sid in ids:
        if sid not in sources:
            problems.append(f"{where}: source id {sid!r} is not in bibliography/")


def index_names(rows: list[Valid[IngredientRow]], problems: list[str]) -> Names:
    """Canonical names unique; no alias points at two ingredients."""
    names = Names()
    for item in rows:
        irow, where = item.row, f"{item.label} line {item.line}"
        if irow.inci in names.rows:
            other = names.rows[irow.inci]
            problems.append(
                f"{where}: {irow.inci!r} is already defined in {other.label} line {other.line}"
            )
            continue
        names.rows[irow.inci] = item
        for name in (irow.inci, *irow.aliases):
            key = fold_name(name)
            if not key:
                problems.append(f"{where}: name {name!r} folds to nothing")
                continue
            owner = names.owner.get(key)
            if owner and owner[0] != irow.inci:
                problems.append(
                    f"{where}: name {name!r} of {irow.inci!r} collides with "
                    f"{owner[0]!r} ({owner[1]} line {owner[2]})"
                )
            elif not owner:
                names.owner[key] = (irow.inci, item.label, item.line)
    return names


def resolve(names: Names, where: str, name: str, problems: list[str]) -> str | None:
    """The canonical INCI name a rule or table row refers to, or a problem."""
    if name in names.rows:
        return name
    owner = names.owner.get(fold_name(name))
    if owner is None:
        problems.append(f"{where}: {name!r} is not an ingredient in the database")
        return None
    return owner[0]


_SELECTOR_KINDS = "inci:, class:, occlusive:, function:, primary: or active:"


def parse_selector(names: Names, where: str, text: str, problems: list[str]) -> Selector | None:
    """``class:aha|bha`` → a Selector whose values all exist, or None with a problem."""
    kind, _, rest = text.partition(":")
    values = frozenset(_split(rest, "|"))
    if not values and kind != "active":
        problems.append(f"{where}: selector {text!r} names nothing")
        return None
    if kind == "inci":
        resolved = {resolve(names, where, v, problems) for v in values}
        values = frozenset(v for v in resolved if v)
    elif kind == "class":
        bad = values - ACTIVE_CLASSES
        if bad:
            problems.append(f"{where}: unknown class(es) {sorted(bad)} in {text!r}")
    elif kind == "occlusive":
        bad = values - set(OCCLUSIVE_CLASSES)
        if bad:
            problems.append(f"{where}: unknown occlusive class {sorted(bad)}")
    elif kind in ("function", "primary"):
        bad = values - FUNCTIONS
        if bad:
            problems.append(f"{where}: unknown function {sorted(bad)}")
    elif kind != "active":
        problems.append(f"{where}: selector {text!r} must start with {_SELECTOR_KINDS}")
        return None
    return Selector(kind=kind, values=values, text=text)
