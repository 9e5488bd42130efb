"""Milia-friendly substitutes that do the same job in the formula.

A substitute must (issue 12, class 6):

* keep the replaced ingredient's **role** in the formula (thickener/co-emulsifier,
  barrier film, cleanser, antioxidant, emollient of similar weight, ...), as
  listed in ``rules/roles.csv``;
* not be a **relative** of it (a shared family: same surfactant head group,
  same ester part, another plant oil, another lanolin derivative);
* not be **restricted in the EU** (``eu_restriction`` in ``rules/roles.csv``:
  D4/D5/D6 under REACH Annex XVII);
* **screen clean** itself: a credible comedogenic rating of 0 or 1, not a heavy
  or moderate occlusive, not an active, and no finding above info in the
  contexts the user asked for (eye area, infant, pregnancy, post-procedure).

First the curated swaps of ``rules/substitutes.csv`` (each names the role it
keeps), then reviewed ingredients of ``rules/roles.csv`` that share a role. A
database without ``rules/roles.csv`` (an older or test database) keeps the
previous behaviour: curated swaps, then ingredients sharing the primary function.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .database import Database, Ingredient, SubstituteRow
from .errors import DatabaseError
from .judge import judge
from .judge.base import db_cache, remembered
from .models import Alternative, Finding, Suggestion
from .options import Options
from .place import Placed, Placement
from .vocabulary import SEVERITY_RANK

MAX_SUGGESTIONS = 3
ROLES_FILE = "rules/roles.csv"

#: The formula roles a swap keeps, and how a reason names them.
ROLE_LABELS: dict[str, str] = {
    "thickener_coemulsifier": "thickener/co-emulsifier",
    "emulsifier": "emulsifier",
    "cleanser": "cleansing surfactant",
    "emollient_light": "light emollient",
    "emollient_medium": "medium-weight emollient",
    "emollient_rich": "rich emollient",
    "barrier_film": "barrier film former",
    "structuring_wax": "structuring wax",
    "humectant": "humectant",
    "antioxidant": "antioxidant (protects the formula)",
    "aqueous_thickener": "water-phase thickener",
    "solvent": "solvent",
    "chelator": "chelator",
    "preservative": "preservative",
    "colourant": "colourant",
    "skin_conditioning": "skin-conditioning agent",
    "uv_filter": "UV filter",
    "powder": "powder/slip agent",
    "ph_adjuster": "pH adjuster",
}


def _pipes(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split("|") if part.strip()]
    return value


class RoleRow(BaseModel):
    """One row of rules/roles.csv: what an ingredient does in a formula."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    inci: str = Field(min_length=1)
    roles: list[str] = Field(min_length=1)
    families: list[str] = Field(min_length=1)
    eu_restriction: str = ""
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _lists = field_validator("roles", "families", mode="before")(_pipes)

    @field_validator("sources", mode="before")
    @classmethod
    def _sources(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(";") if part.strip()]
        return value

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, value: list[str]) -> list[str]:
        unknown = [r for r in value if r not in ROLE_LABELS]
        if unknown:
            raise ValueError(f"unknown role(s) {unknown}; see ingredients/README.md")
        return value


@dataclass(frozen=True, slots=True)
class FormulaRole:
    """The loaded role entry of one ingredient."""

    roles: tuple[str, ...]
    families: frozenset[str]
    eu_restriction: str
    sources: tuple[str, ...]


@lru_cache(maxsize=8)
def formula_roles(db: Database) -> dict[str, FormulaRole]:
    """rules/roles.csv keyed by canonical INCI; empty when the file is absent.

    Raises DatabaseError naming the row when a row is malformed, names an
    unknown ingredient or cites an unknown source.
    """
    path = db.path / ROLES_FILE
    if not path.is_file():
        return {}
    problems: list[str] = []
    out: dict[str, FormulaRole] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, raw in enumerate(csv.DictReader(handle), start=2):
            if (raw.get("inci") or "").startswith("#"):
                continue
            try:
                row = RoleRow.model_validate(raw)
            except ValidationError as exc:
                problems.append(f"{ROLES_FILE} row {number}: {exc.errors()[0]['msg']}")
                continue
            ingredient = db.get(row.inci)
            if ingredient is None:
                problems.append(f"{ROLES_FILE} row {number}: {row.inci!r} is not in the database")
                continue
            for sid in row.sources:
                if sid not in db.sources:
                    problems.append(
                        f"{ROLES_FILE} row {number}: source id {sid!r} is not in bibliography/"
                    )
            if ingredient.inci in out:
                problems.append(f"{ROLES_FILE} row {number}: {ingredient.inci!r} has two role rows")
            out[ingredient.inci] = FormulaRole(
                roles=tuple(row.roles),
                families=frozenset(row.families),
                eu_restriction=row.eu_restriction,
                sources=tuple(row.sources),
            )
    if problems:
        raise DatabaseError(problems)
    return out


def screens_clean(ingredient: Ingredient) -> bool:
    """Credible comedogenic rating 0-1 and not a heavy or moderate occlusive."""
    rating = ingredient.comedogenic
    return (
        rating is not None
        and not rating.unconfirmed
        and rating.used <= 1
        and ingredient.occlusive not in ("heavy", "moderate")
    )


def raises_in_context(ingredient: Ingredient, db: Database, contexts: Sequence[str]) -> bool:
    """Would this ingredient, first on a leave-on list, raise a finding above info?"""
    cache = db_cache(db, "substitute_in_context")
    key = (ingredient.inci, tuple(contexts))
    found = cache.get(key)
    if found is None:
        placement = Placement(
            placed=(Placed(ingredient, 1, False, "top", rank=1, role="active"),),
            line=None,
            alphabetical=None,
        )
        findings = judge(placement, db, Options(contexts=tuple(contexts)))
        found = cache[key] = any(
            SEVERITY_RANK[f.severity] > SEVERITY_RANK["info"] for f in findings
        )
    return bool(found)


def is_relative(a: FormulaRole, b: FormulaRole) -> bool:
    """Two ingredients of one family (head group, ester part, plant oil, lanolin...)."""
    return not a.families.isdisjoint(b.families)


#: A swap must not trade pore-clogging for irritation (irritancy is graded 0-5 too).
MAX_IRRITANCY = 2


def not_irritant(ingredient: Ingredient) -> bool:
    return ingredient.irritancy is None or ingredient.irritancy.used <= MAX_IRRITANCY


def _usable(candidate: Ingredient, db: Database, contexts: Sequence[str]) -> bool:
    return (
        screens_clean(candidate)
        and not candidate.classes
        and not_irritant(candidate)
        and not raises_in_context(candidate, db, contexts)
    )


def _keeps_role(
    row: SubstituteRow, replaced: FormulaRole | None, substitute: FormulaRole | None
) -> bool:
    """A curated swap applies when both sides are reviewed, share the row's role,
    are not relatives, and the substitute is not EU-restricted."""
    return (
        replaced is not None
        and substitute is not None
        and row.role in replaced.roles
        and row.role in substitute.roles
        and not is_relative(replaced, substitute)
        and not substitute.eu_restriction
    )


def _role_why(role: str, text: str) -> str:
    text = text.strip()
    return f"Keeps the role of {ROLE_LABELS.get(role, role.replace('_', ' '))}: {text}"


@lru_cache(maxsize=8)
def _pool_by_role(db: Database) -> dict[str, list[Ingredient]]:
    """Reviewed, clean, unrestricted, non-active ingredients by role, best rated first."""
    roles = formula_roles(db)
    index: dict[str, list[Ingredient]] = {}
    for inci, entry in roles.items():
        ingredient = db.by_inci[inci]
        if entry.eu_restriction or ingredient.classes or not screens_clean(ingredient):
            continue
        if not not_irritant(ingredient):
            continue
        for role in entry.roles:
            index.setdefault(role, []).append(ingredient)
    for items in index.values():
        items.sort(key=lambda i: (i.comedogenic.used if i.comedogenic else 9, i.inci))
    return index


@lru_cache(maxsize=8)
def _clean_by_function(db: Database) -> dict[str, list[Ingredient]]:
    """Legacy pool (databases without rules/roles.csv): same primary function."""
    index: dict[str, list[Ingredient]] = {}
    for ingredient in db.ingredients:
        if screens_clean(ingredient) and not ingredient.classes:
            index.setdefault(ingredient.primary_function, []).append(ingredient)
    for items in index.values():
        items.sort(key=lambda i: (i.comedogenic.used if i.comedogenic else 9, i.inci))
    return index


def _rated(candidate: Ingredient) -> str:
    rating = candidate.comedogenic
    used = rating.used if rating else "?"
    weight = f"a {candidate.occlusive} occlusive" if candidate.occlusive else "not an occlusive"
    return f"rated {used}/5 for comedogenicity and {weight}"


#: One possible substitute, in the order it would be offered: (inci, why, sources).
Candidate = tuple[str, str, tuple[str, ...]]


def suggest_for(
    ingredient: Ingredient,
    db: Database,
    exclude: set[str],
    contexts: Sequence[str] = (),
) -> list[Suggestion]:
    """Up to three substitutes for one flagged ingredient (see the module docstring):
    the first candidates (``candidates``) that the product does not already hold."""
    taken = set(exclude)
    taken.add(ingredient.inci)
    suggestions: list[Suggestion] = []
    for inci, why, sources in candidates(ingredient, db, tuple(contexts)):
        if inci in taken:
            continue
        taken.add(inci)
        suggestions.append(Suggestion(inci=inci, why=why, sources=list(sources)))
        if len(suggestions) >= MAX_SUGGESTIONS:
            break
    return suggestions


def candidates(
    ingredient: Ingredient, db: Database, contexts: tuple[str, ...]
) -> tuple[Candidate, ...]:
    """Every substitute for this ingredient in the contexts, in the order offered
    (curated swaps first, then role-sharing ingredients), each once. Depends on
    neither the product nor its other ingredients, so it is remembered per
    (ingredient, contexts); ``suggest_for`` skips what the product holds."""
    return remembered(
        db,
        "substitute_candidates",
        (ingredient.inci, contexts),
        lambda: tuple(_candidates(ingredient, db, contexts)),
    )


def _matching_rows(ingredient: Ingredient, db: Database) -> list[SubstituteRow]:
    return [row for row in db.substitutes if db.selector(row.replaces).matches(ingredient)]


def _candidates(ingredient: Ingredient, db: Database, contexts: Sequence[str]) -> list[Candidate]:
    roles = formula_roles(db)
    if not roles:
        return _legacy_candidates(ingredient, db, contexts)
    replaced = roles.get(ingredient.inci)
    out: list[Candidate] = []
    seen = {ingredient.inci}
    for row in _matching_rows(ingredient, db):
        if row.substitute in seen:
            continue
        substitute = db.by_inci[row.substitute]
        if not _keeps_role(row, replaced, roles.get(row.substitute)):
            continue
        if not _usable(substitute, db, contexts):
            continue
        seen.add(row.substitute)
        out.append((row.substitute, _role_why(row.role, row.why), tuple(row.sources)))
    if replaced is None:
        return out
    pool = _pool_by_role(db)
    for role in replaced.roles:
        for candidate in pool.get(role, []):
            entry = roles[candidate.inci]
            if candidate.inci in seen or is_relative(replaced, entry):
                continue
            if raises_in_context(candidate, db, contexts):
                continue
            seen.add(candidate.inci)
            rating_sources = candidate.comedogenic.sources if candidate.comedogenic else []
            why = _role_why(
                role,
                f"{candidate.inci} is {_rated(candidate)}, and not a relative of "
                f"{ingredient.inci} (families: {', '.join(sorted(replaced.families))}).",
            )
            out.append(
                (candidate.inci, why, tuple(sorted(set(rating_sources) | set(entry.sources))))
            )
    return out


def _legacy_candidates(
    ingredient: Ingredient, db: Database, contexts: Sequence[str]
) -> list[Candidate]:
    """Databases without rules/roles.csv: curated swaps, then the same primary function."""
    out: list[Candidate] = []
    seen = {ingredient.inci}
    for row in _matching_rows(ingredient, db):
        if row.substitute in seen:
            continue
        if not _usable(db.by_inci[row.substitute], db, contexts):
            continue
        seen.add(row.substitute)
        why = _role_why(row.role, row.why) if row.role else row.why
        out.append((row.substitute, why, tuple(row.sources)))
    if ingredient.primary_function:
        for candidate in _clean_by_function(db).get(ingredient.primary_function, []):
            if candidate.inci in seen or raises_in_context(candidate, db, contexts):
                continue
            seen.add(candidate.inci)
            rating = candidate.comedogenic
            assert rating is not None
            why = (
                f"Same main function ({candidate.primary_function.replace('_', ' ')}); "
                f"rated {rating.used}/5 for comedogenicity and not a heavy occlusive."
            )
            out.append((candidate.inci, why, tuple(rating.sources)))
    return out


def alternatives_for(
    findings: list[Finding],
    db: Database,
    present: set[str],
    contexts: Sequence[str] = (),
) -> list[Alternative]:
    """Substitutes for every ingredient named by a comedogenic or occlusive finding.

    ``contexts`` are the contexts the user asked for: a substitute that would
    itself raise a finding above info there is not offered.
    """
    out: list[Alternative] = []
    done: set[str] = set()
    for finding in findings:
        if finding.kind not in ("comedogenic", "occlusive"):
            continue
        for name in finding.ingredients:
            if name in done or name not in db.by_inci:
                continue
            done.add(name)
            suggestions = suggest_for(db.by_inci[name], db, exclude=present, contexts=contexts)
            if suggestions:
                out.append(Alternative(replaces=name, suggestions=suggestions))
    return out
