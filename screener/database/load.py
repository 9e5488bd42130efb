"""Load a database folder: one small loader per table, then the index.

Every problem is collected (not just the first) and raised together as a
``DatabaseError``, each naming its file and physical line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from ..errors import DatabaseError
from ..normalise import fold_name
from . import tables
from .display import inci_case
from .index import CommonName, Database
from .inventory import Inventory, load_inventory
from .models import (
    ActiveRow,
    ConflictRule,
    ContextRule,
    Ingredient,
    LookalikeRow,
    OcclusiveRow,
    RatingValue,
    Selector,
    SourceRow,
    SubstituteRow,
    UnrecognisedRow,
    pick_rating,
)
from .validate import Names, check_sources, index_names, parse_selector, resolve


def database_dir() -> Path:
    """Where the data lives: $SCREENER_DB_DIR, the wheel copy, or the source tree."""
    env = os.environ.get("SCREENER_DB_DIR")
    if env:
        return Path(env)
    package = Path(__file__).resolve().parent.parent  # screener/
    for candidate in (package / "ingredients", package.parent / "ingredients"):
        if (candidate / "rules").is_dir():
            return candidate
    return package.parent / "ingredients"


#: the two tables with at most one row per ingredient
OneRow = TypeVar("OneRow", OcclusiveRow, ActiveRow)


def load_sources(root: Path, problems: list[str]) -> dict[str, SourceRow]:
    return {item.row.id: item.row for item in tables.read_table(root, tables.SOURCES, problems)}


def load_ratings(
    root: Path, names: Names, sources: dict[str, SourceRow], problems: list[str]
) -> dict[tuple[str, str], list[RatingValue]]:
    ratings: dict[tuple[str, str], list[RatingValue]] = {}
    for item in tables.read_table(root, tables.RATINGS, problems):
        row, where = item.row, item.where
        check_sources(where, [row.source], sources, problems)
        inci = resolve(names, where, row.inci, problems)
        if inci:
            value = RatingValue(
                value=row.value, source=row.source, quality=row.quality, note=row.note
            )
            ratings.setdefault((inci, row.kind), []).append(value)
    return ratings


def load_one_per_ingredient(
    root: Path,
    spec: tables.TableSpec[OneRow],
    what: str,
    names: Names,
    sources: dict[str, SourceRow],
    problems: list[str],
) -> dict[str, OneRow]:
    """A table with at most one row per ingredient, keyed by canonical name."""
    out: dict[str, OneRow] = {}
    for item in tables.read_table(root, spec, problems):
        where = item.where
        check_sources(where, item.row.sources, sources, problems)
        inci = resolve(names, where, item.row.inci, problems)
        if inci:
            if inci in out:
                problems.append(f"{where}: {inci!r} has two {what} rows")
            out[inci] = item.row
    return out


def build_ingredients(
    names: Names,
    ratings: dict[tuple[str, str], list[RatingValue]],
    occlusives: dict[str, OcclusiveRow],
    actives: dict[str, ActiveRow],
) -> list[Ingredient]:
    out = []
    for inci, item in names.rows.items():
        irow = item.row
        com, irr = ratings.get((inci, "comedogenic")), ratings.get((inci, "irritancy"))
        occ, act = occlusives.get(inci), actives.get(inci)
        out.append(
            Ingredient(
                inci=inci,
                aliases=tuple(irow.aliases),
                functions=tuple(irow.functions),
                sources=tuple(irow.sources),
                notes=irow.notes,
                family_file=item.label,
                comedogenic=pick_rating(com) if com else None,
                irritancy=pick_rating(irr) if irr else None,
                occlusive=occ.occlusive if occ else None,
                occlusive_sources=tuple(occ.sources) if occ else (),
                classes=frozenset(act.classes) if act else frozenset(),
                class_sources=tuple(act.sources) if act else (),
            )
        )
    return out


def index_keys(ingredients: list[Ingredient]) -> dict[str, tuple[Ingredient, str]]:
    by_key: dict[str, tuple[Ingredient, str]] = {}
    for ing in ingredients:
        for name in (ing.inci, *ing.aliases):
            key = fold_name(name)
            if key and key not in by_key:
                by_key[key] = (ing, "exact" if name == ing.inci else "alias")
    return by_key


class _Rules:
    """The rule tables, sharing one selector index."""

    def __init__(self, names: Names, sources: dict[str, SourceRow], problems: list[str]) -> None:
        self.names, self.sources, self.problems = names, sources, problems
        self.selectors: dict[str, Selector] = {}

    def selector(self, where: str, text: str) -> None:
        found = parse_selector(self.names, where, text, self.problems)
        if found is not None:
            self.selectors[text] = found

    def conflicts(self, root: Path) -> list[ConflictRule]:
        out = []
        for item in tables.read_table(root, tables.CONFLICTS, self.problems):
            where = item.where
            check_sources(where, item.row.sources, self.sources, self.problems)
            self.selector(where, item.row.a)
            self.selector(where, item.row.b)
            out.append(item.row)
        return out

    def contexts(self, root: Path) -> list[ContextRule]:
        out = []
        for item in tables.read_table(root, tables.CONTEXTS, self.problems):
            where = item.where
            check_sources(where, item.row.sources, self.sources, self.problems)
            self.selector(where, item.row.target)
            out.append(item.row)
        return out


def load_substitutes(
    root: Path, rules: _Rules, by_inci: dict[str, Ingredient], problems: list[str]
) -> list[SubstituteRow]:
    """Every substitute itself screens clean (credible rating ≤ 1, not a heavy occlusive)."""
    from ..vocabulary import FUNCTIONS

    out = []
    for item in tables.read_table(root, tables.SUBSTITUTES, problems):
        row, where = item.row, item.where
        check_sources(where, row.sources, rules.sources, problems)
        rules.selector(where, row.replaces)
        if row.function not in FUNCTIONS:
            problems.append(f"{where}: unknown function {row.function!r}")
        name = resolve(rules.names, where, row.substitute, problems)
        if name:
            sub = by_inci[name]
            rating = sub.comedogenic
            if rating is None or rating.used > 1:
                problems.append(
                    f"{where}: substitute {name!r} does not screen clean (comedogenic rating "
                    f"{rating.used if rating else 'unknown'}; must be 0-1)"
                )
            if sub.occlusive in ("heavy", "moderate"):
                problems.append(f"{where}: substitute {name!r} is a {sub.occlusive} occlusive")
            row = row.model_copy(update={"substitute": name})
        out.append(row)
    return out


def load_lookalikes(
    root: Path,
    names: Names,
    by_key: dict[str, tuple[Ingredient, str]],
    sources: dict[str, SourceRow],
    problems: list[str],
) -> list[LookalikeRow]:
    """Both names canonical, and never merged by an alias."""
    out = []
    for item in tables.read_table(root, tables.LOOKALIKES, problems):
        row, where = item.row, item.where
        check_sources(where, row.sources, sources, problems)
        for name in (row.a, row.b):
            if name not in names.rows:
                problems.append(f"{where}: look-alike {name!r} is not a canonical INCI name")
        hit = by_key.get(fold_name(row.b))
        if row.a in names.rows and row.b in names.rows and hit and hit[0].inci == row.a:
            problems.append(f"{where}: look-alikes {row.a!r} and {row.b!r} are merged")
        out.append(row)
    return out


def load_unrecognised(
    root: Path,
    by_key: dict[str, tuple[Ingredient, str]],
    sources: dict[str, SourceRow],
    problems: list[str],
) -> dict[str, UnrecognisedRow]:
    """A form left unknown on purpose must not also be a curated name."""
    out: dict[str, UnrecognisedRow] = {}
    for item in tables.read_table(root, tables.UNRECOGNISED, problems):
        row, where = item.row, item.where
        check_sources(where, row.sources, sources, problems)
        key = fold_name(row.printed)
        named = by_key.get(key)
        if named is not None:
            problems.append(
                f"{where}: {row.printed!r} is left unknown here but is a name of "
                f"{named[0].inci!r}; remove one of the two"
            )
        if key in out:
            problems.append(f"{where}: {row.printed!r} is listed twice")
        out[key] = row
    return out


def load_common_names(
    root: Path,
    by_key: dict[str, tuple[Ingredient, str]],
    inventory: Inventory,
    unrecognised: dict[str, UnrecognisedRow],
    sources: dict[str, SourceRow],
    problems: list[str],
) -> dict[str, CommonName]:
    """Common and market names: each names one thing, never two.

    A name that is already a curated name of the same ingredient is harmless;
    of another ingredient (or another inventory entry), it is refused.
    """
    out: dict[str, CommonName] = {}
    for item in tables.read_table(root, tables.COMMON_NAMES, problems):
        row, where = item.row, item.where
        check_sources(where, row.sources, sources, problems)
        key = fold_name(row.name)
        target: Ingredient | None = None
        stand_in: Ingredient | None = None
        if row.certainty == "certain":
            target_key = fold_name(row.inci)
            hit = by_key.get(target_key)
            target = hit[0] if hit else inventory.ingredient(target_key)
            if target is None:
                problems.append(f"{where}: {row.inci!r} is neither curated nor in the inventory")
                continue
        else:
            stand_in = Ingredient(
                inci=inci_case(row.name),
                sources=tuple(row.sources),
                notes=row.note,
                family_file=item.label,
                curated=False,
            )
        curated = by_key.get(key)
        if curated is not None and (target is None or curated[0].inci != target.inci):
            problems.append(
                f"{where}: common name {row.name!r} is already a name of {curated[0].inci!r}"
            )
        own = inventory.ingredient(key)
        if curated is None and own is not None and (target is None or own.inci != target.inci):
            problems.append(
                f"{where}: common name {row.name!r} is itself the inventory entry {own.inci!r}"
            )
        if key in unrecognised:
            problems.append(f"{where}: {row.name!r} is also left unknown in rules/unrecognised.csv")
        if key in out:
            problems.append(f"{where}: common name {row.name!r} is listed twice")
        out[key] = CommonName(row=row, ingredient=target, stand_in=stand_in)
    return out


def load_database_from(root: Path) -> Database:
    """Load and validate a database folder; raise DatabaseError naming file and line."""
    root = Path(root)
    if not root.is_dir():
        raise DatabaseError([f"database folder {root} does not exist"])
    problems: list[str] = []
    sources = load_sources(root, problems)
    ingredient_rows = tables.read_table(root, tables.INGREDIENTS, problems)
    for item in ingredient_rows:
        check_sources(item.where, item.row.sources, sources, problems)
    names = index_names(ingredient_rows, problems)
    ratings = load_ratings(root, names, sources, problems)
    occlusives = load_one_per_ingredient(
        root, tables.OCCLUSIVES, "occlusive", names, sources, problems
    )
    actives = load_one_per_ingredient(root, tables.ACTIVES, "active", names, sources, problems)
    ingredients = build_ingredients(names, ratings, occlusives, actives)
    by_inci = {ing.inci: ing for ing in ingredients}
    by_key = index_keys(ingredients)
    rules = _Rules(names, sources, problems)
    conflicts, contexts = rules.conflicts(root), rules.contexts(root)
    substitutes = load_substitutes(root, rules, by_inci, problems)
    lookalikes = load_lookalikes(root, names, by_key, sources, problems)
    unrecognised = load_unrecognised(root, by_key, sources, problems)
    inventory = load_inventory(root, problems)
    common = load_common_names(root, by_key, inventory, unrecognised, sources, problems)
    from .severity import load_severity  # pydantic models only a (cold) load needs

    severity = load_severity(root, set(sources), problems)
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
        selectors=rules.selectors,
        common=common,
        inventory=inventory,
    )


class _DatabaseCache:
    """The loaded databases, per resolved folder, for the life of the process
    (at most four). ``adopt`` keeps one that came from elsewhere (the startup
    cache's copy, screener/startup_cache.py), so that ``load_database()`` and the
    default screener share one object."""

    _LIMIT = 4

    def __init__(self) -> None:
        self._by_path: dict[str, Database] = {}

    def __call__(self, path: str) -> Database:
        found = self._by_path.get(path)
        if found is None:
            found = load_database_from(Path(path))
            self.adopt(path, found)
        return found

    def peek(self, path: str) -> Database | None:
        return self._by_path.get(path)

    def adopt(self, path: str, db: Database) -> None:
        if path not in self._by_path and len(self._by_path) >= self._LIMIT:
            del self._by_path[next(iter(self._by_path))]
        self._by_path.setdefault(path, db)

    def cache_clear(self) -> None:
        self._by_path.clear()


_cached = _DatabaseCache()


def load_database(path: str | os.PathLike[str] | None = None) -> Database:
    """The validated database (cached per folder for the life of the process)."""
    folder = Path(path) if path is not None else database_dir()
    return _cached(str(folder.resolve()))
