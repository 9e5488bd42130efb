"""Load, validate and index the curated database in ``ingredients/``.

Every file is validated row by row with pydantic; every problem is collected
(not just the first) and reported with its file and row, as a spreadsheet
counts rows (the header is row 1). Cross-checks: every source id resolves in
the bibliography, no alias points at two ingredients, every rule names
existing ingredients or classes, look-alikes stay apart, and every substitute
itself screens clean.

Run ``python -m screener.database --check`` to validate a database folder.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import DatabaseError
from .normalise import fold_name
from .vocabulary import (
    ACTIVE_CLASSES,
    CONTEXTS,
    FUNCTIONS,
    OCCLUSIVE_CLASSES,
    ROLES,
    Occlusive,
    RatingQuality,
    Scope,
    Severity,
    SourceKind,
)

# --------------------------------------------------------------------------
# Row models (the edges: what a data file may hold)
# --------------------------------------------------------------------------


def _split(value: str, sep: str) -> list[str]:
    return [part.strip() for part in value.split(sep) if part.strip()]


def _split_sources(value: Any) -> Any:
    return _split(value, ";") if isinstance(value, str) else value


def _split_pipes(value: Any) -> Any:
    return _split(value, "|") if isinstance(value, str) else value


def _known_functions(value: list[str]) -> list[str]:
    unknown = [f for f in value if f not in FUNCTIONS]
    if unknown:
        raise ValueError(f"unknown function(s) {unknown}; see ingredients/README.md")
    return value


def _known_roles_check(value: list[str]) -> list[str]:
    unknown = [r for r in value if r not in ROLES]
    if unknown:
        raise ValueError(f"unknown role(s) {unknown}; roles are {sorted(ROLES)}")
    return value


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SourceRow(_Row):
    id: str = Field(min_length=1, pattern=r"^[A-Z0-9][A-Z0-9\-_.]*$")
    kind: SourceKind
    citation: str = Field(min_length=3)
    url: str = ""


class IngredientRow(_Row):
    inci: str = Field(min_length=1, max_length=200)
    aliases: list[str] = []
    functions: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    notes: str = ""

    _lists = field_validator("aliases", "functions", mode="before")(_split_pipes)
    _sources = field_validator("sources", mode="before")(_split_sources)
    _functions = field_validator("functions")(_known_functions)


class RatingRow(_Row):
    inci: str = Field(min_length=1)
    kind: str = Field(pattern=r"^(comedogenic|irritancy)$")
    value: str
    source: str = Field(min_length=1)
    quality: RatingQuality
    note: str = ""

    @field_validator("value")
    @classmethod
    def _range(cls, value: str) -> str:
        parse_rating(value)
        return value


class OcclusiveRow(_Row):
    inci: str = Field(min_length=1)
    occlusive: Occlusive
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _sources = field_validator("sources", mode="before")(_split_sources)


class ActiveRow(_Row):
    inci: str = Field(min_length=1)
    classes: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _sources = field_validator("sources", mode="before")(_split_sources)

    @field_validator("classes", mode="before")
    @classmethod
    def _classes(cls, value: Any) -> Any:
        return _split(value, "|") if isinstance(value, str) else value

    @field_validator("classes")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        unknown = [c for c in value if c not in ACTIVE_CLASSES]
        if unknown:
            raise ValueError(f"unknown active class(es) {unknown}")
        return value


class ConflictRule(_Row):
    id: str = Field(min_length=1)
    a: str
    b: str
    severity: Severity
    scope: Scope
    mechanism: str = Field(min_length=3)
    advice: str = Field(min_length=3)
    sources: list[str] = Field(min_length=1)
    #: The roles an ingredient must play in the product for the rule to apply
    #: (place.py): empty = its full role ("active", or "ingredient" for one
    #: without an active class); minor roles (pH adjuster, preservative,
    #: antioxidant) only when listed.
    roles: list[str] = Field(default_factory=list)

    _roles = field_validator("roles", mode="before")(_split_pipes)
    _known_roles = field_validator("roles")(_known_roles_check)

    _sources = field_validator("sources", mode="before")(_split_sources)


class ContextRule(_Row):
    id: str = Field(min_length=1)
    context: str
    target: str
    severity: Severity
    reason: str = Field(min_length=3)
    advice: str = Field(min_length=3)
    sources: list[str] = Field(min_length=1)
    #: The roles an ingredient must play in the product for the rule to apply
    #: (place.py): empty = its full role ("active", or "ingredient" for one
    #: without an active class); minor roles (pH adjuster, preservative,
    #: antioxidant) only when listed.
    roles: list[str] = Field(default_factory=list)

    _roles = field_validator("roles", mode="before")(_split_pipes)
    _known_roles = field_validator("roles")(_known_roles_check)
    #: The rule applies only to a printed percentage at or above this (None: any level).
    min_percent: float | None = None
    #: The zones (place.py) the ingredient must sit in; empty = anywhere declared.
    zones: list[str] = Field(default_factory=list)

    _zones = field_validator("zones", mode="before")(_split_pipes)

    _sources = field_validator("sources", mode="before")(_split_sources)

    @field_validator("min_percent", mode="before")
    @classmethod
    def _blank_percent(cls, value: Any) -> Any:
        return None if value == "" else value

    @field_validator("context")
    @classmethod
    def _context(cls, value: str) -> str:
        if value not in CONTEXTS:
            raise ValueError(f"context must be one of {list(CONTEXTS)}")
        return value


class SubstituteRow(_Row):
    replaces: str
    substitute: str = Field(min_length=1)
    function: str
    #: the formula role the swap keeps (rules/roles.csv vocabulary; checked by alternatives)
    role: str = ""
    why: str = Field(min_length=3)
    sources: list[str] = Field(min_length=1)

    _sources = field_validator("sources", mode="before")(_split_sources)


class LookalikeRow(_Row):
    a: str = Field(min_length=1)
    b: str = Field(min_length=1)
    why: str = ""
    sources: list[str] = []

    _sources = field_validator("sources", mode="before")(_split_sources)


class UnrecognisedRow(_Row):
    """A printed form reviewed and deliberately left unknown (rules/unrecognised.csv)."""

    printed: str = Field(min_length=1)
    kind: Literal["damaged", "cut_short", "vague", "unconfirmed", "older_name"]
    why: str = Field(min_length=10)
    sources: list[str] = Field(min_length=1)

    _sources = field_validator("sources", mode="before")(_split_sources)


# --------------------------------------------------------------------------
# Runtime objects (plain data inside the library; pydantic at the edges)
# --------------------------------------------------------------------------


def parse_rating(value: str) -> tuple[int, int]:
    """``"3"`` → (3, 3); ``"0-2"`` → (0, 2). Raises ValueError outside 0-5."""
    parts = value.replace(" ", "").split("-")
    if len(parts) not in (1, 2) or not all(p.isdigit() for p in parts):
        raise ValueError(f"rating {value!r} must be 0-5 or a range such as 0-2")
    low, high = int(parts[0]), int(parts[-1])
    if not (0 <= low <= high <= 5):
        raise ValueError(f"rating {value!r} is out of range 0-5 (or the range is reversed)")
    return low, high


class RatingValue(BaseModel):
    """One source's value for one ingredient."""

    model_config = ConfigDict(frozen=True)

    value: str
    source: str
    quality: RatingQuality
    note: str = ""


class Rating(BaseModel):
    """Every source's value, and the one the policy picked."""

    model_config = ConfigDict(frozen=True)

    used: int
    unconfirmed: bool
    values: tuple[RatingValue, ...]

    @property
    def sources(self) -> list[str]:
        return sorted({v.source for v in self.values})


def pick_rating(values: list[RatingValue]) -> Rating:
    """The documented policy: best quality tier present, then highest upper bound."""
    credible = [v for v in values if v.quality != "unconfirmed"]
    pool = credible or values
    used = max(parse_rating(v.value)[1] for v in pool)
    return Rating(used=used, unconfirmed=not credible, values=tuple(values))


class Ingredient(BaseModel):
    """One curated ingredient with everything the rules need."""

    model_config = ConfigDict(frozen=True)

    inci: str
    aliases: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    notes: str = ""
    family_file: str = ""
    comedogenic: Rating | None = None
    irritancy: Rating | None = None
    occlusive: Occlusive | None = None
    occlusive_sources: tuple[str, ...] = ()
    classes: frozenset[str] = frozenset()
    class_sources: tuple[str, ...] = ()

    @property
    def primary_function(self) -> str:
        return self.functions[0] if self.functions else ""


@dataclass(frozen=True)
class Selector:
    """A parsed rule selector such as ``class:aha|bha``."""

    kind: str
    values: frozenset[str]
    text: str

    @property
    def specificity(self) -> int:
        return 2 if self.kind == "inci" else 1

    def matches(self, ingredient: Ingredient) -> bool:
        if self.kind == "inci":
            return ingredient.inci in self.values
        if self.kind == "class":
            return not self.values.isdisjoint(ingredient.classes)
        if self.kind == "occlusive":
            return ingredient.occlusive in self.values
        if self.kind == "function":
            return not self.values.isdisjoint(ingredient.functions)
        if self.kind == "primary":
            return ingredient.primary_function in self.values
        if self.kind == "active":
            return bool(ingredient.classes)
        return False


@dataclass(eq=False)
class Database:
    """The loaded, validated, indexed database."""

    ingredients: list[Ingredient]
    sources: dict[str, SourceRow]
    conflicts: list[ConflictRule]
    contexts: list[ContextRule]
    substitutes: list[SubstituteRow]
    lookalikes: list[LookalikeRow]
    severity: dict[str, Any]
    path: Path
    #: folded printed form → the review that left it unknown on purpose
    unrecognised: dict[str, UnrecognisedRow] = field(default_factory=dict)
    by_inci: dict[str, Ingredient] = field(default_factory=dict)
    by_key: dict[str, tuple[Ingredient, str]] = field(default_factory=dict)
    selectors: dict[str, Selector] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ingredients)

    def __iter__(self) -> Iterator[Ingredient]:
        return iter(self.ingredients)

    def get(self, name: str) -> Ingredient | None:
        """Exact canonical name or any alias, folded."""
        hit = self.by_key.get(fold_name(name))
        return hit[0] if hit else None

    def selector(self, text: str) -> Selector:
        return self.selectors[text]

    def cite(self, source_id: str) -> str:
        row = self.sources.get(source_id)
        return row.citation if row else source_id


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def database_dir() -> Path:
    """Where the data lives: $SCREENER_DB_DIR, the wheel copy, or the source tree."""
    env = os.environ.get("SCREENER_DB_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "ingredients", here.parent / "ingredients"):
        if (candidate / "rules").is_dir():
            return candidate
    return here.parent / "ingredients"


def _read_csv(path: Path, root: Path, problems: list[str]) -> list[tuple[str, int, dict[str, str]]]:
    """Rows as dicts, with the file label and spreadsheet row number."""
    label = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        problems.append(f"{label}: file is missing")
        return []
    except (UnicodeDecodeError, OSError) as exc:
        problems.append(f"{label}: cannot be read as UTF-8 text ({exc})")
        return []
    reader = csv.reader(text.splitlines())
    rows: list[tuple[str, int, dict[str, str]]] = []
    header: list[str] | None = None
    for number, cells in enumerate(reader, start=1):
        if not cells or not any(c.strip() for c in cells):
            continue
        if cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) != len(header):
            problems.append(
                f"{label} row {number}: expected {len(header)} cells "
                f"({','.join(header)}), found {len(cells)}"
            )
            continue
        rows.append((label, number, dict(zip(header, cells, strict=True))))
    if header is None:
        problems.append(f"{label}: no header row")
    return rows


M = TypeVar("M", bound=BaseModel)


def _validate(
    model: type[M], rows: list[tuple[str, int, dict[str, str]]], problems: list[str]
) -> list[tuple[str, int, M]]:
    out: list[tuple[str, int, M]] = []
    for label, number, data in rows:
        try:
            out.append((label, number, model.model_validate(data)))
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"]) or "row"
                problems.append(f"{label} row {number}: {where}: {err['msg']}")
    return out


def load_database_from(root: Path) -> Database:
    """Load and validate a database folder; raise DatabaseError naming file and row."""
    root = Path(root)
    problems: list[str] = []
    if not root.is_dir():
        raise DatabaseError([f"database folder {root} does not exist"])

    def files(sub: str) -> list[Path]:
        folder = root / sub
        found = sorted(folder.glob("*.csv")) if folder.is_dir() else []
        if not found:
            problems.append(f"{sub}/: no CSV files found")
        return found

    sources: dict[str, SourceRow] = {}
    for path in files("bibliography"):
        for label, number, row in _validate(SourceRow, _read_csv(path, root, problems), problems):
            if row.id in sources:
                problems.append(f"{label} row {number}: source id {row.id} is defined twice")
            sources[row.id] = row

    def check_sources(label: str, number: int, ids: list[str]) -> None:
        for sid in ids:
            if sid not in sources:
                problems.append(f"{label} row {number}: source id {sid!r} is not in bibliography/")

    ingredient_rows: list[tuple[str, int, IngredientRow]] = []
    for path in files("ingredients"):
        ingredient_rows += _validate(IngredientRow, _read_csv(path, root, problems), problems)

    by_inci_row: dict[str, tuple[str, int, IngredientRow]] = {}
    key_owner: dict[str, tuple[str, str, int]] = {}
    for label, number, irow in ingredient_rows:
        check_sources(label, number, irow.sources)
        if irow.inci in by_inci_row:
            other = by_inci_row[irow.inci]
            problems.append(
                f"{label} row {number}: {irow.inci!r} is already defined in {other[0]} row {other[1]}"
            )
            continue
        by_inci_row[irow.inci] = (label, number, irow)
        for name in (irow.inci, *irow.aliases):
            key = fold_name(name)
            if not key:
                problems.append(f"{label} row {number}: name {name!r} folds to nothing")
                continue
            owner = key_owner.get(key)
            if owner and owner[0] != irow.inci:
                problems.append(
                    f"{label} row {number}: name {name!r} of {irow.inci!r} collides with "
                    f"{owner[0]!r} ({owner[1]} row {owner[2]})"
                )
            elif not owner:
                key_owner[key] = (irow.inci, label, number)

    def resolve(label: str, number: int, name: str) -> str | None:
        if name in by_inci_row:
            return name
        owner = key_owner.get(fold_name(name))
        if owner is None:
            problems.append(f"{label} row {number}: {name!r} is not an ingredient in the database")
            return None
        return owner[0]

    ratings: dict[tuple[str, str], list[RatingValue]] = {}
    for label, number, rrow in _validate(
        RatingRow, _read_csv(root / "ratings.csv", root, problems), problems
    ):
        check_sources(label, number, [rrow.source])
        inci = resolve(label, number, rrow.inci)
        if inci:
            ratings.setdefault((inci, rrow.kind), []).append(
                RatingValue(
                    value=rrow.value, source=rrow.source, quality=rrow.quality, note=rrow.note
                )
            )

    def one_row_each(model: type[M], filename: str, what: str) -> dict[str, M]:
        """A file with at most one row per ingredient, keyed by canonical name."""
        out: dict[str, M] = {}
        for label, number, row in _validate(
            model, _read_csv(root / filename, root, problems), problems
        ):
            check_sources(label, number, row.sources)  # type: ignore[attr-defined]
            inci = resolve(label, number, row.inci)  # type: ignore[attr-defined]
            if inci:
                if inci in out:
                    problems.append(f"{label} row {number}: {inci!r} has two {what} rows")
                out[inci] = row
        return out

    occlusives = one_row_each(OcclusiveRow, "occlusives.csv", "occlusive")
    actives = one_row_each(ActiveRow, "actives.csv", "active")

    ingredients: list[Ingredient] = []
    for inci, (label, _number, irow) in by_inci_row.items():
        com = ratings.get((inci, "comedogenic"))
        irr = ratings.get((inci, "irritancy"))
        occ = occlusives.get(inci)
        act = actives.get(inci)
        ingredients.append(
            Ingredient(
                inci=inci,
                aliases=tuple(irow.aliases),
                functions=tuple(irow.functions),
                sources=tuple(irow.sources),
                notes=irow.notes,
                family_file=label,
                comedogenic=pick_rating(com) if com else None,
                irritancy=pick_rating(irr) if irr else None,
                occlusive=occ.occlusive if occ else None,
                occlusive_sources=tuple(occ.sources) if occ else (),
                classes=frozenset(act.classes) if act else frozenset(),
                class_sources=tuple(act.sources) if act else (),
            )
        )
    by_inci = {ing.inci: ing for ing in ingredients}
    by_key: dict[str, tuple[Ingredient, str]] = {}
    for ing in ingredients:
        for name in (ing.inci, *ing.aliases):
            key = fold_name(name)
            if key and key not in by_key:
                by_key[key] = (ing, "exact" if name == ing.inci else "alias")

    selectors: dict[str, Selector] = {}

    def selector(label: str, number: int, text: str) -> None:
        kind, _, rest = text.partition(":")
        values = frozenset(_split(rest, "|"))
        if not values and kind != "active":
            problems.append(f"{label} row {number}: selector {text!r} names nothing")
            return
        if kind == "inci":
            resolved = {resolve(label, number, v) for v in values}
            values = frozenset(v for v in resolved if v)
        elif kind == "class":
            bad = values - ACTIVE_CLASSES
            if bad:
                problems.append(
                    f"{label} row {number}: unknown class(es) {sorted(bad)} in {text!r}"
                )
        elif kind == "occlusive":
            bad = values - set(OCCLUSIVE_CLASSES)
            if bad:
                problems.append(f"{label} row {number}: unknown occlusive class {sorted(bad)}")
        elif kind in ("function", "primary"):
            bad = values - FUNCTIONS
            if bad:
                problems.append(f"{label} row {number}: unknown function {sorted(bad)}")
        elif kind != "active":
            problems.append(
                f"{label} row {number}: selector {text!r} must start with "
                "inci:, class:, occlusive:, function:, primary: or active:"
            )
            return
        selectors[text] = Selector(kind=kind, values=values, text=text)

    conflicts = []
    for label, number, crow in _validate(
        ConflictRule, _read_csv(root / "rules" / "conflicts.csv", root, problems), problems
    ):
        check_sources(label, number, crow.sources)
        selector(label, number, crow.a)
        selector(label, number, crow.b)
        conflicts.append(crow)
    contexts = []
    for label, number, xrow in _validate(
        ContextRule, _read_csv(root / "rules" / "contexts.csv", root, problems), problems
    ):
        check_sources(label, number, xrow.sources)
        selector(label, number, xrow.target)
        contexts.append(xrow)
    substitutes = []
    for label, number, srow in _validate(
        SubstituteRow, _read_csv(root / "rules" / "substitutes.csv", root, problems), problems
    ):
        check_sources(label, number, srow.sources)
        selector(label, number, srow.replaces)
        if srow.function not in FUNCTIONS:
            problems.append(f"{label} row {number}: unknown function {srow.function!r}")
        sub_name = resolve(label, number, srow.substitute)
        if sub_name:
            sub = by_inci[sub_name]
            rating = sub.comedogenic
            if rating is None or rating.used > 1:
                problems.append(
                    f"{label} row {number}: substitute {sub_name!r} does not screen clean "
                    f"(comedogenic rating {rating.used if rating else 'unknown'}; must be 0-1)"
                )
            if sub.occlusive in ("heavy", "moderate"):
                problems.append(
                    f"{label} row {number}: substitute {sub_name!r} is a {sub.occlusive} occlusive"
                )
            srow = srow.model_copy(update={"substitute": sub_name})
        substitutes.append(srow)
    lookalikes = []
    for label, number, lrow in _validate(
        LookalikeRow, _read_csv(root / "rules" / "lookalikes.csv", root, problems), problems
    ):
        check_sources(label, number, lrow.sources)
        a, b = lrow.a, lrow.b
        if a not in by_inci_row:
            problems.append(f"{label} row {number}: look-alike {a!r} is not a canonical INCI name")
        if b not in by_inci_row:
            problems.append(f"{label} row {number}: look-alike {b!r} is not a canonical INCI name")
        if a in by_inci and b in by_inci and by_key.get(fold_name(b), (None,))[0] is by_inci[a]:
            problems.append(f"{label} row {number}: look-alikes {a!r} and {b!r} are merged")
        lookalikes.append(lrow)

    unrecognised: dict[str, UnrecognisedRow] = {}
    for label, number, urow in _validate(
        UnrecognisedRow, _read_csv(root / "rules" / "unrecognised.csv", root, problems), problems
    ):
        check_sources(label, number, urow.sources)
        key = fold_name(urow.printed)
        named = by_key.get(key)
        if named is not None:
            problems.append(
                f"{label} row {number}: {urow.printed!r} is left unknown here but is a name of "
                f"{named[0].inci!r}; remove one of the two"
            )
        if key in unrecognised:
            problems.append(f"{label} row {number}: {urow.printed!r} is listed twice")
        unrecognised[key] = urow

    severity_path = root / "rules" / "severity.toml"
    severity: dict[str, Any] = {}
    try:
        severity = tomllib.loads(severity_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append("rules/severity.toml: file is missing")
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"rules/severity.toml: {exc}")
    for section, body in severity.items():
        if isinstance(body, dict):
            for sid in body.get("sources", []):
                if sid not in sources:
                    problems.append(
                        f"rules/severity.toml [{section}]: source id {sid!r} is not in bibliography/"
                    )
    for needed in ("position", "comedogenic", "occlusive", "rinse_off", "verdict", "match"):
        if severity and needed not in severity:
            problems.append(f"rules/severity.toml: section [{needed}] is missing")

    if problems:
        raise DatabaseError(problems)
    return Database(
        ingredients=ingredients,
        sources=sources,
        conflicts=conflicts,
        contexts=contexts,
        substitutes=substitutes,
        lookalikes=lookalikes,
        severity=severity,
        path=root,
        unrecognised=unrecognised,
        by_inci=by_inci,
        by_key=by_key,
        selectors=selectors,
    )


@lru_cache(maxsize=4)
def _cached(path: str) -> Database:
    return load_database_from(Path(path))


def load_database(path: str | os.PathLike[str] | None = None) -> Database:
    """The validated database (cached per folder for the life of the process)."""
    folder = Path(path) if path is not None else database_dir()
    return _cached(str(folder.resolve()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m screener.database", description="Validate the ingredient database."
    )
    parser.add_argument("--check", action="store_true", help="validate and print a summary")
    parser.add_argument("--path", default=None, help="database folder (default: bundled)")
    args = parser.parse_args(argv)
    try:
        db = load_database_from(Path(args.path) if args.path else database_dir())
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        for problem in exc.problems[25:]:
            print(f"- {problem}", file=sys.stderr)
        return 2
    rated = sum(1 for i in db.ingredients if i.comedogenic)
    print(
        f"OK: {len(db)} ingredients, {len(db.by_key)} names, {rated} with a comedogenic rating, "
        f"{len(db.conflicts)} conflict rules, {len(db.contexts)} context rules, "
        f"{len(db.substitutes)} substitutes, {len(db.sources)} sources"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
