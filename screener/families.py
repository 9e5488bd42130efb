"""Long-tail naming families: recognise a name by its INCI naming convention.

A family match (``match = "family"``) writes the INCI name the way the
convention writes it, names the family, lowers the confidence and carries only
what the family itself justifies (its functions) — never a borrowed rating.
The rules are data: ``ingredients/families/patterns.csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field, field_validator

from .database import (
    Database,
    Ingredient,
    _known_functions,
    _split_pipes,
    _split_sources,
    inci_case,
    read_csv,
    validate_rows,
)
from .errors import DatabaseError
from .match import Match
from .normalise import fold_name


class FamilyRule(BaseModel):
    family: str = Field(min_length=1)
    pattern: str = Field(min_length=2)
    inci_style: str = Field(pattern=r"^(title|ci)$")
    functions: list[str] = []
    confidence: float = Field(gt=0, lt=1)
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _lists = field_validator("functions", mode="before")(_split_pipes)
    _sources = field_validator("sources", mode="before")(_split_sources)
    _functions = field_validator("functions")(_known_functions)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from None
        return value


# Words that end a botanical INCI name after its Latin binomial ("... Seed Oil").
_PLANT_PARTS = frozenset(
    """leaf leaves root flower fruit seed bark stem peel rhizome callus kernel nut bud sprout
    twig shoot needle wood cone berry petal herb aerial whole meristem cell thallus tuber bulb
    husk hull pod sap resin gum pulp oil extract water juice powder wax butter cera germ bran
    juice distillate ferment""".split()
)


def plant_binomials(db: Database) -> dict[str, list[str]]:
    """Folded Latin plant names, alone or with their part, → the curated INCI names.

    From ``Citrus Aurantium Dulcis Peel Oil`` this indexes ``citrus aurantium``,
    ``citrus aurantium dulcis`` and ``citrus aurantium dulcis peel``: each a
    label (or scraped) form that names the plant without its preparation.
    """
    out: dict[str, list[str]] = {}
    for ing in db.ingredients:
        words = ing.inci.split()
        if not ing.family_file.endswith("botanicals.csv") or len(words) < 3:
            continue
        first_part = next(
            (i for i, w in enumerate(words) if i >= 2 and w.casefold() in _PLANT_PARTS), None
        )
        if first_part is None or first_part > 3:
            continue
        latin = words[:first_part]
        if not all(w.isalpha() and w.casefold() not in _PLANT_PARTS for w in latin):
            continue
        for end in range(2, len(words)):
            out.setdefault(fold_name(" ".join(words[:end])), []).append(ing.inci)
    return out


@dataclass
class Families:
    rules: list[tuple[FamilyRule, re.Pattern[str]]]
    confidence_cap: float
    binomials: dict[str, list[str]] | None = None
    #: One-word ingredient names that are not a known genus ("squalane", "water"):
    #: a "botanical" name starting with one is two entries missing a comma
    #: ("Squalane Rosa Canina Fruit Oil"), left to repair.py, not a plant.
    not_genera: frozenset[str] = frozenset()
    #: every folded name and alias of the database
    known_names: frozenset[str] = frozenset()

    def _binomial(self, printed: str, key: str) -> Match | None:
        """A plant printed by its Latin name alone ("Hamamelis Virginiana (Witch Hazel)").

        The part and preparation are not printed, so the INCI entry cannot be
        told apart: recognised as the plant, with low confidence, no rating."""
        examples = (self.binomials or {}).get(key)
        if not examples:
            return None
        inci = inci_case(printed)
        note = (
            "Plant named by its Latin binomial only; the part and preparation are not "
            f"printed. The database knows it as: {', '.join(examples[:4])}."
        )
        inert = Ingredient(
            inci=inci,
            functions=("skin_conditioning",),
            sources=("COSING",),
            notes=note,
            family_file="families:botanical_binomial",
            curated=False,
        )
        return Match(
            ingredient=inert,
            kind="family",
            confidence=min(0.5, self.confidence_cap),
            matched_name=key,
            family="botanical_binomial",
            family_inci=inci,
        )

    def _not_a_plant(self, key: str) -> bool:
        """The botanical shape, but the first word is an ingredient that is not a
        genus ("Squalane Rosa Canina Fruit Oil": a missing comma), or the rest
        is a known name with a qualifier before it ("Light Mineral Oil")."""
        first, _, rest = key.partition(" ")
        return first in self.not_genera or rest in self.known_names

    def match(self, printed: str, key: str) -> Match | None:
        found = self._binomial(printed, key)
        if found is not None:
            return found
        for rule, pattern in self.rules:
            if rule.family.startswith("botanical") and self._not_a_plant(key):
                continue
            hit = pattern.match(key)
            if not hit:
                continue
            if rule.inci_style == "ci":
                inci = f"CI {hit.group(1)}"
            else:
                inci = inci_case(printed)
            inert = Ingredient(
                inci=inci,
                functions=tuple(rule.functions),
                sources=tuple(rule.sources),
                notes=rule.note,
                family_file=f"families:{rule.family}",
                curated=False,
            )
            return Match(
                ingredient=inert,
                kind="family",
                confidence=min(rule.confidence, self.confidence_cap),
                matched_name=key,
                family=rule.family,
                family_inci=inci,
            )
        return None


def load_families(db: Database) -> Families:
    path = Path(db.path) / "families" / "patterns.csv"
    cap = float(db.severity.get("match", {}).get("family", 0.8))
    if not path.exists():
        return Families(rules=[], confidence_cap=cap, binomials=plant_binomials(db))
    binomials = plant_binomials(db)
    genera = {key.split(" ", 1)[0] for key in binomials}
    not_genera = frozenset(k for k in db.by_key if " " not in k and k not in genera)
    problems: list[str] = []
    rules: list[tuple[FamilyRule, re.Pattern[str]]] = []
    root = Path(db.path)
    for item in validate_rows(FamilyRule, read_csv(path, root, problems), problems):
        for sid in item.row.sources:
            if sid not in db.sources:
                problems.append(f"{item.label} line {item.line}: unknown source id {sid!r}")
        rules.append((item.row, re.compile(item.row.pattern)))
    if problems:
        raise DatabaseError(problems)
    return Families(
        rules=rules,
        confidence_cap=cap,
        binomials=binomials,
        not_genera=not_genera,
        known_names=frozenset(db.by_key),
    )
