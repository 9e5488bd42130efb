"""EU labellable fragrance allergens (kind ``allergen``, issue 16).

Data: ``ingredients/rules/allergens.csv`` (one row per Annex III entry of
Regulation (EC) 1223/2009 as amended by Regulation (EU) 2023/1545),
``rules/allergen_sources.csv`` (natural ingredients that contain listed
allergens) and the thresholds in ``rules/kinds.toml`` ``[allergen]``.

``allergen_hits`` is pure: names in, hits out. A name matches an entry through
the database (its canonical INCI name, so any alias of it) or through one of the
entry's own label variants (``Hexylcinnamaldehyde``, ``Rose Ketones``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from ..database import Database, load_database
from ._tables import (
    TableRow,
    check_sources,
    load_settings,
    load_table,
    raise_if,
    resolve_inci,
    split_pipes,
    split_sources,
    squash,
)

Via = Literal["listed", "contains"]

_CAS = re.compile(r"\d{2,7}-\d\d-\d")


class AllergenRow(TableRow):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    inci: str = Field(min_length=1)
    aliases: list[str] = []
    cas: list[str] = []
    group: Literal["substance", "isomers", "natural"]
    since: Literal["2003", "2023"]
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _pipes = field_validator("aliases", "cas", mode="before")(split_pipes)
    _semi = field_validator("sources", mode="before")(split_sources)

    @field_validator("cas")
    @classmethod
    def _cas_shape(cls, value: list[str]) -> list[str]:
        bad = [c for c in value if not _CAS.fullmatch(c)]
        if bad:
            raise ValueError(f"not a CAS number: {bad}")
        return value


class AllergenSourceRow(TableRow):
    inci: str = Field(min_length=1)
    contains: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _pipes = field_validator("contains", mode="before")(split_pipes)
    _semi = field_validator("sources", mode="before")(split_sources)


@dataclass(frozen=True)
class Allergen:
    """One Annex III entry."""

    id: str
    inci: str
    aliases: tuple[str, ...]
    cas: tuple[str, ...]
    group: str
    since: str
    sources: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class AllergenHit:
    """An ingredient that is (``listed``) or carries (``contains``) EU allergens."""

    inci: str
    allergens: tuple[str, ...]
    via: Via
    sources: tuple[str, ...]


@dataclass(frozen=True)
class AllergenTable:
    allergens: dict[str, Allergen]
    #: canonical INCI name → ids of the entries listing it
    by_inci: dict[str, tuple[str, ...]]
    #: squashed label variant (not a database name) → entry ids
    by_label: dict[str, tuple[str, ...]]
    #: canonical INCI name of a natural ingredient → (contained ids, sources)
    contains: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    leave_on_percent: float
    rinse_off_percent: float
    sources: tuple[str, ...] = field(default=())

    def threshold(self, product_type: str) -> float:
        """The labelling threshold (percent) for ``leave-on`` or ``rinse-off``."""
        if product_type == "rinse-off":
            return self.rinse_off_percent
        if product_type == "leave-on":
            return self.leave_on_percent
        raise ValueError(f"product type must be 'leave-on' or 'rinse-off', not {product_type!r}")

    def ids_for(self, name: str, db: Database) -> tuple[str, ...]:
        """The entries a printed or canonical name is listed under (empty if none)."""
        ing = db.get(name)
        if ing is not None and ing.inci in self.by_inci:
            return self.by_inci[ing.inci]
        return self.by_label.get(squash(name), ())


def _add(index: dict[str, tuple[str, ...]], key: str, allergen_id: str) -> None:
    if allergen_id not in index.get(key, ()):
        index[key] = (*index.get(key, ()), allergen_id)


def load_allergens(root: Path | None = None, db: Database | None = None) -> AllergenTable:
    """Load and validate the allergen tables of a database folder.

    Raises ``KindsError`` naming the file and row of every problem: an unknown
    INCI name, an unresolved source id, a label variant claimed by two entries,
    an allergen id in ``allergen_sources.csv`` that is not in ``allergens.csv``.
    """
    db = db if db is not None else load_database(root)
    root = Path(root) if root is not None else db.path
    problems: list[str] = []
    allergens: dict[str, Allergen] = {}
    by_inci: dict[str, tuple[str, ...]] = {}
    by_label: dict[str, tuple[str, ...]] = {}
    label_owner: dict[str, tuple[str, int]] = {}
    for label, number, row in load_table(root, "allergens.csv", AllergenRow, problems):
        check_sources(db, label, number, row.sources, problems)
        if row.id in allergens:
            problems.append(f"{label} row {number}: allergen id {row.id!r} is defined twice")
            continue
        inci = resolve_inci(db, label, number, row.inci, problems)
        if inci is None:
            continue
        allergens[row.id] = Allergen(
            id=row.id,
            inci=inci,
            aliases=tuple(row.aliases),
            cas=tuple(row.cas),
            group=row.group,
            since=row.since,
            sources=tuple(row.sources),
            note=row.note,
        )
        _add(by_inci, inci, row.id)
        for alias in row.aliases:
            ing = db.get(alias)
            if ing is not None:
                _add(by_inci, ing.inci, row.id)
                continue
            key = squash(alias)
            owner = label_owner.get(key)
            if owner and owner[0] != row.id:
                problems.append(
                    f"{label} row {number}: label variant {alias!r} is already claimed by "
                    f"{owner[0]!r} (row {owner[1]})"
                )
                continue
            label_owner[key] = (row.id, number)
            _add(by_label, key, row.id)
    for inci, ids in by_inci.items():
        # the database's own names of a listed ingredient, loosely folded, so that
        # "Alpha Isomethyl Ionone" (no hyphen) still meets "Alpha-Isomethyl Ionone"
        ing = db.by_inci[inci]
        for name in (ing.inci, *ing.aliases):
            for allergen_id in ids:
                key = squash(name)
                if key not in label_owner:
                    _add(by_label, key, allergen_id)
    contains: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for label, number, srow in load_table(
        root, "allergen_sources.csv", AllergenSourceRow, problems
    ):
        check_sources(db, label, number, srow.sources, problems)
        unknown = [a for a in srow.contains if a not in allergens]
        if unknown:
            problems.append(
                f"{label} row {number}: allergen id(s) {unknown} are not in allergens.csv"
            )
        inci = resolve_inci(db, label, number, srow.inci, problems)
        if inci is None:
            continue
        if inci in contains:
            problems.append(f"{label} row {number}: {inci!r} has two rows")
        contains[inci] = (tuple(srow.contains), tuple(srow.sources))
    settings = load_settings(root, problems).get("allergen", {})
    leave_on = settings.get("leave_on_percent")
    rinse_off = settings.get("rinse_off_percent")
    if not isinstance(leave_on, float) or not isinstance(rinse_off, float):
        problems.append(
            "rules/kinds.toml [allergen]: leave_on_percent and rinse_off_percent must be numbers"
        )
    section_sources = tuple(settings.get("sources", ()))
    for sid in section_sources:
        if sid not in db.sources:
            problems.append(
                f"rules/kinds.toml [allergen]: source id {sid!r} is not in bibliography/"
            )
    raise_if(problems)
    assert isinstance(leave_on, float) and isinstance(rinse_off, float)
    return AllergenTable(
        allergens=allergens,
        by_inci=by_inci,
        by_label=by_label,
        contains=contains,
        leave_on_percent=leave_on,
        rinse_off_percent=rinse_off,
        sources=section_sources,
    )


@lru_cache(maxsize=4)
def _cached(db: Database) -> AllergenTable:
    return load_allergens(db.path, db)


def allergen_table(db: Database) -> AllergenTable:
    """The allergen tables of ``db``'s folder (cached per database object)."""
    return _cached(db)


def allergen_hits(
    incis: Sequence[str], db: Database, table: AllergenTable | None = None
) -> list[AllergenHit]:
    """Every ingredient of a list that is a listed EU allergen or contains listed ones.

    One ``listed`` hit per ingredient that an Annex III entry names, one
    ``contains`` hit per natural ingredient known to carry listed allergens
    (an essential oil can be both). Names are canonical INCI names or printed
    forms; duplicates are reported once, in list order.
    """
    table = table if table is not None else allergen_table(db)
    hits: list[AllergenHit] = []
    seen: set[str] = set()
    for name in incis:
        ing = db.get(name)
        inci = ing.inci if ing is not None else name
        if inci in seen:
            continue
        seen.add(inci)
        listed = table.ids_for(name, db)
        if listed:
            sources = tuple(dict.fromkeys(s for a in listed for s in table.allergens[a].sources))
            hits.append(AllergenHit(inci=inci, allergens=listed, via="listed", sources=sources))
        carried = table.contains.get(inci)
        if carried:
            hits.append(
                AllergenHit(inci=inci, allergens=carried[0], via="contains", sources=carried[1])
            )
    return hits
