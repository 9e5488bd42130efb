"""Personal avoid lists (kind ``avoid-list``, issue 16).

A person who was patch-tested writes down what to avoid: ingredient names (any
label name: ``Fragrance`` finds a printed ``Parfum``), classes
(``class:fragrance_allergen``, ``class:aha``, ``occlusive:heavy``), functions
and families (``family:PEG``, ``family:paraben``; rules/avoid_families.csv).
File formats (TOML, JSON, one entry a line) are documented in
docs/avoid-lists.md. A name that resolves to nothing is kept (it still matches
the same printed name) and reported in ``AvoidList.unknown``, never dropped.
A malformed file is refused with its file and line.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import Field, field_validator

from ..database import Database, Ingredient, load_database
from ..normalise import fold_name
from ..vocabulary import ACTIVE_CLASSES, FUNCTIONS, OCCLUSIVE_CLASSES
from ._tables import (
    KindsError,
    TableRow,
    check_sources,
    load_table,
    raise_if,
    split_pipes,
    split_sources,
    squash,
)
from .allergens import AllergenTable, allergen_table

SelectorKind = Literal["name", "inci", "class", "family", "occlusive", "function", "allergen"]
SELECTOR_KINDS: tuple[str, ...] = (
    "name",
    "inci",
    "class",
    "family",
    "occlusive",
    "function",
    "allergen",
)
#: classes an avoid list may name besides the active classes of actives.csv
EXTRA_CLASSES: frozenset[str] = frozenset({"fragrance_allergen"})

_MAX_ENTRIES = 2000
_MAX_TEXT = 500


class FamilyRow(TableRow):
    family: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    pattern: str = ""
    members: list[str] = []
    sources: list[str] = Field(min_length=1)
    note: str = ""

    _members = field_validator("members", mode="before")(split_pipes)
    _semi = field_validator("sources", mode="before")(split_sources)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from None
        return value


@dataclass(frozen=True)
class Family:
    id: str
    pattern: re.Pattern[str] | None
    members: frozenset[str]  # folded names
    sources: tuple[str, ...]
    note: str

    def matches(self, names: Sequence[str]) -> bool:
        for name in names:
            key = fold_name(name)
            if key in self.members or (self.pattern is not None and self.pattern.search(key)):
                return True
        return False


def load_families(root: Path | None = None, db: Database | None = None) -> dict[str, Family]:
    """``rules/avoid_families.csv``, validated (errors name the file and row)."""
    db = db if db is not None else load_database(root)
    root = Path(root) if root is not None else db.path
    problems: list[str] = []
    families: dict[str, Family] = {}
    for label, number, row in load_table(root, "avoid_families.csv", FamilyRow, problems):
        check_sources(db, label, number, row.sources, problems)
        if not row.pattern and not row.members:
            problems.append(
                f"{label} row {number}: family {row.family!r} has no pattern and no members"
            )
        if row.family in families:
            problems.append(f"{label} row {number}: family {row.family!r} is defined twice")
        members = set()
        for name in row.members:
            ing = db.get(name)
            members.add(fold_name(ing.inci if ing else name))
        families[row.family] = Family(
            id=row.family,
            pattern=re.compile(row.pattern) if row.pattern else None,
            members=frozenset(members),
            sources=tuple(row.sources),
            note=row.note,
        )
    raise_if(problems)
    return families


@lru_cache(maxsize=4)
def _families(db: Database) -> dict[str, Family]:
    if not (db.path / "rules" / "avoid_families.csv").is_file():
        return {}  # a database of one's own without the table: no families
    return load_families(db.path, db)


def _allergens(db: Database) -> AllergenTable:
    """The allergen table, or an empty one for a database without it."""
    if not (db.path / "rules" / "allergens.csv").is_file():
        return AllergenTable({}, {}, {}, {}, 0.001, 0.01)
    return allergen_table(db)


class IngredientLike(Protocol):
    @property
    def inci(self) -> str: ...


@dataclass(frozen=True)
class Matcher:
    """A compiled avoid entry: what it resolved to."""

    kind: SelectorKind
    value: str
    #: canonical INCI names (name / inci entries that resolved)
    incis: frozenset[str] = frozenset()
    #: folded printed form, for a name that resolved to nothing
    printed: str = ""
    #: allergen ids whose carriers (essential oils) this entry also avoids
    allergens: frozenset[str] = frozenset()
    family: Family | None = None
    resolved: bool = True


@dataclass(frozen=True)
class AvoidEntry:
    line: int
    text: str
    reason: str
    matcher: Matcher


@dataclass(frozen=True)
class AvoidList:
    entries: tuple[AvoidEntry, ...]
    #: entries (as written) that resolve to no ingredient, class or family
    unknown: list[str] = field(default_factory=list)
    source: str = "avoid list"


@dataclass(frozen=True)
class AvoidHit:
    inci: str
    line: int
    text: str
    reason: str
    #: how it matched: name, class, family, occlusive, function, allergen, contains
    via: str


# ---------------------------------------------------------------- parsing


@dataclass(frozen=True)
class _Raw:
    line: int
    kind: str
    value: str
    reason: str
    text: str


def _short(text: str, line: int, where: str, problems: list[str]) -> _Raw | None:
    """``"family:PEG"`` or a plain name (``"Linalool"``), optionally ``"... ; reason"``."""
    body, _, reason = text.partition(";")
    body = body.strip()
    if not body:
        problems.append(f"{where} line {line}: empty entry")
        return None
    prefix, colon, rest = body.partition(":")
    if colon and prefix.strip().casefold() in SELECTOR_KINDS:
        kind, value = prefix.strip().casefold(), rest.strip()
    elif colon and re.fullmatch(r"[A-Za-z_]+", prefix.strip()):
        problems.append(
            f"{where} line {line}: unknown selector {prefix.strip()!r}: in {body!r}; "
            f"use a name or one of {', '.join(k + ':' for k in SELECTOR_KINDS[1:])}"
        )
        return None
    else:
        kind, value = "name", body
    if not value:
        problems.append(f"{where} line {line}: {kind}: names nothing")
        return None
    return _Raw(line=line, kind=kind, value=value, reason=reason.strip(), text=body)


def _table(item: Mapping[str, Any], line: int, where: str, problems: list[str]) -> _Raw | None:
    keys = [k for k in item if k in SELECTOR_KINDS]
    extra = [k for k in item if k not in SELECTOR_KINDS and k not in ("reason", "note")]
    if extra:
        problems.append(
            f"{where} line {line}: unknown key(s) {extra}; an entry has one of "
            f"{', '.join(SELECTOR_KINDS)} and an optional reason"
        )
        return None
    if len(keys) != 1:
        problems.append(
            f"{where} line {line}: an entry needs exactly one of {', '.join(SELECTOR_KINDS)} "
            f"(found {keys or 'none'})"
        )
        return None
    kind = keys[0]
    value, reason = item[kind], item.get("reason", "")
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where} line {line}: {kind} must be a non-empty text")
        return None
    if not isinstance(reason, str):
        problems.append(f"{where} line {line}: reason must be a text")
        return None
    text = value.strip() if kind == "name" else f"{kind}:{value.strip()}"
    return _Raw(line=line, kind=kind, value=value.strip(), reason=reason.strip(), text=text)


def _items(
    items: Sequence[Any], lines: Sequence[int], where: str, problems: list[str]
) -> list[_Raw]:
    out: list[_Raw] = []
    if len(items) > _MAX_ENTRIES:
        problems.append(f"{where}: {len(items)} entries; at most {_MAX_ENTRIES}")
        return out
    for item, line in zip(items, lines, strict=True):
        raw: _Raw | None
        if isinstance(item, str):
            if len(item) > _MAX_TEXT:
                problems.append(f"{where} line {line}: entry longer than {_MAX_TEXT} characters")
                continue
            raw = _short(item, line, where, problems)
        elif isinstance(item, Mapping):
            raw = _table(item, line, where, problems)
        else:
            problems.append(
                f"{where} line {line}: an entry is a text or a table, not {type(item).__name__}"
            )
            raw = None
        if raw is not None:
            out.append(raw)
    return out


def _mapping_items(data: Mapping[str, Any], where: str, problems: list[str]) -> list[Any] | None:
    extra = [k for k in data if k != "avoid"]
    if extra:
        problems.append(f"{where}: unknown top-level key(s) {extra}; entries go under 'avoid'")
        return None
    items = data.get("avoid")
    if not isinstance(items, list):
        problems.append(f"{where}: 'avoid' must be a list of entries")
        return None
    return items


def _toml(text: str, where: str, problems: list[str]) -> list[_Raw]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{where}: not valid TOML: {exc}")
        return []
    items = _mapping_items(data, where, problems)
    if items is None:
        return []
    # tomllib gives no positions: the n-th [[avoid]] header is the n-th entry
    headers = [
        n for n, ln in enumerate(text.splitlines(), 1) if re.match(r"\s*\[\[\s*avoid\s*\]\]", ln)
    ]
    if len(headers) != len(items):
        avoid_line = next(
            (n for n, ln in enumerate(text.splitlines(), 1) if re.match(r"\s*avoid\s*=", ln)), 1
        )
        headers = [avoid_line] * len(items)
    return _items(items, headers, where, problems)


def _json_positions(text: str, start: int) -> list[int]:
    """Offsets of the elements of the JSON array that opens at ``start``."""
    decoder = json.JSONDecoder()
    offsets: list[int] = []
    i = start + 1
    ws = re.compile(r"[\s,]*")
    while True:
        i = ws.match(text, i).end()  # type: ignore[union-attr]
        if i >= len(text) or text[i] == "]":
            return offsets
        offsets.append(i)
        _, i = decoder.raw_decode(text, i)


def _json(text: str, where: str, problems: list[str]) -> list[_Raw]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(f"{where} line {exc.lineno}: not valid JSON: {exc.msg}")
        return []
    if isinstance(data, Mapping):
        items = _mapping_items(data, where, problems)
        if items is None:
            return []
        key = re.search(r'"avoid"\s*:\s*\[', text)
        start = key.end() - 1 if key else 0
    elif isinstance(data, list):
        items, start = data, text.index("[")
    else:
        problems.append(f"{where}: a JSON avoid list is a list or an object with 'avoid'")
        return []
    lines = [text.count("\n", 0, off) + 1 for off in _json_positions(text, start)]
    if len(lines) != len(items):
        lines = list(range(1, len(items) + 1))
    return _items(items, lines, where, problems)


def _lines(text: str, where: str, problems: list[str]) -> list[_Raw]:
    items, lines = [], []
    for number, line in enumerate(text.splitlines(), 1):
        body = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if body:
            items.append(body)
            lines.append(number)
    return _items(items, lines, where, problems)


def _parse_text(text: str, where: str, suffix: str, problems: list[str]) -> list[_Raw]:
    stripped = text.lstrip()
    if suffix == ".toml" or (not suffix and re.search(r"^\s*\[\[\s*avoid\s*\]\]", text, re.M)):
        return _toml(text, where, problems)
    if suffix == ".json" or (not suffix and stripped[:1] in "[{" and stripped):
        return _json(text, where, problems)
    return _lines(text, where, problems)


def _raw_entries(
    source: str | Path | Sequence[str] | Mapping[str, Any], problems: list[str]
) -> tuple[list[_Raw], str]:
    if isinstance(source, Path) or (
        isinstance(source, str)
        and "\n" not in source
        and re.search(r"\.(toml|json|txt)$", source, re.I)
    ):
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise KindsError([f"{path}: avoid list file not found"]) from None
        except (UnicodeDecodeError, OSError) as exc:
            raise KindsError([f"{path}: cannot be read as UTF-8 text ({exc})"]) from None
        return _parse_text(text, path.name, path.suffix.casefold(), problems), path.name
    if isinstance(source, str):
        return _parse_text(source, "avoid list", "", problems), "avoid list"
    if isinstance(source, Mapping):
        items = _mapping_items(source, "avoid list", problems)
        if items is None:
            return [], "avoid list"
        return _items(items, range(1, len(items) + 1), "avoid list", problems), "avoid list"
    if isinstance(source, Sequence):
        items = list(source)
        return _items(items, range(1, len(items) + 1), "avoid list", problems), "avoid list"
    raise KindsError([f"avoid list: cannot read a {type(source).__name__}"])


# ---------------------------------------------------------------- resolving


def _family_id(value: str) -> str:
    key = re.sub(r"[^a-z0-9]+", "_", value.casefold()).strip("_")
    return key


def _find_family(value: str, families: Mapping[str, Family]) -> Family | None:
    key = _family_id(value)
    for candidate in (key, key.removesuffix("s"), key.removesuffix("es")):
        if candidate in families:
            return families[candidate]
    return None


def _carried(incis: frozenset[str], table: AllergenTable) -> frozenset[str]:
    return frozenset(a for inci in incis for a in table.by_inci.get(inci, ()))


def _resolve(
    raw: _Raw, db: Database, table: AllergenTable, families: Mapping[str, Family]
) -> Matcher:
    kind, value = raw.kind, raw.value
    if kind in ("name", "inci"):
        ing = db.get(value)
        if ing is not None:
            incis = frozenset({ing.inci})
            return Matcher("name", value, incis=incis, allergens=_carried(incis, table))
        if kind == "name":
            listed = table.by_label.get(squash(value))
            if listed:
                incis = frozenset(table.allergens[a].inci for a in listed)
                return Matcher(
                    "allergen",
                    value,
                    incis=incis,
                    allergens=frozenset(listed),
                    printed=fold_name(value),
                )
            family = _find_family(value, families)
            if family is not None:
                return Matcher("family", value, family=family)
        return Matcher("name", value, printed=fold_name(value), resolved=False)
    if kind == "class":
        ok = value in ACTIVE_CLASSES or value in EXTRA_CLASSES
        return Matcher("class", value, resolved=ok)
    if kind == "occlusive":
        return Matcher("occlusive", value, resolved=value in OCCLUSIVE_CLASSES)
    if kind == "function":
        return Matcher("function", value, resolved=value in FUNCTIONS)
    if kind == "allergen":
        if value in table.allergens:
            a = table.allergens[value]
            return Matcher(
                "allergen", value, incis=frozenset({a.inci}), allergens=frozenset({value})
            )
        return Matcher("allergen", value, resolved=False)
    family = _find_family(value, families)
    return Matcher("family", value, family=family, resolved=family is not None)


def load_avoid_list(
    source: str | Path | Sequence[str] | Mapping[str, Any], db: Database | None = None
) -> AvoidList:
    """Read an avoid list from a file path, its text, a list of lines or a parsed mapping.

    Raises ``KindsError`` (a ``DatabaseError``) naming the file and line of every
    malformed entry; entries that resolve to nothing are kept and listed in
    ``unknown``.
    """
    db = db if db is not None else load_database()
    problems: list[str] = []
    raws, where = _raw_entries(source, problems)
    raise_if(problems)
    table = _allergens(db)
    families = _families(db)
    entries: list[AvoidEntry] = []
    unknown: list[str] = []
    for raw in raws:
        matcher = _resolve(raw, db, table, families)
        if not matcher.resolved:
            unknown.append(raw.text)
        entries.append(AvoidEntry(line=raw.line, text=raw.text, reason=raw.reason, matcher=matcher))
    return AvoidList(entries=tuple(entries), unknown=unknown, source=where)


# ---------------------------------------------------------------- matching


def _match(
    m: Matcher,
    inci: str,
    names: Sequence[str],
    ing: Ingredient | None,
    listed: tuple[str, ...],
    table: AllergenTable,
) -> str | None:
    """How the entry matches this ingredient, or None."""
    if m.kind in ("name", "allergen"):
        if inci in m.incis:
            return m.kind
        if m.kind == "allergen" and not m.allergens.isdisjoint(listed):
            return "allergen"
        if m.printed and any(fold_name(n) == m.printed for n in names):
            return m.kind
        carried = table.contains.get(inci)
        if m.allergens and carried and not m.allergens.isdisjoint(carried[0]):
            return "contains"
        return None
    if m.kind == "family":
        return "family" if m.family is not None and m.family.matches(names) else None
    if m.kind == "class" and m.value == "fragrance_allergen":
        return "class" if listed or inci in table.contains else None
    if ing is None:
        return None
    if m.kind == "class":
        return "class" if m.value in ing.classes else None
    if m.kind == "occlusive":
        return "occlusive" if ing.occlusive == m.value else None
    if m.kind == "function":
        return "function" if m.value in ing.functions else None
    return None


def avoid_hits(
    ingredients: Sequence[IngredientLike | str], avoid: AvoidList, db: Database
) -> list[AvoidHit]:
    """Every (ingredient, avoid entry) pair that matches, in ingredient then entry order.

    An ingredient is a name (canonical or printed) or any object with an ``inci``
    attribute; names resolve through the database, so an entry ``Fragrance``
    matches a printed ``Parfum``. An avoided allergen also flags the natural
    ingredients that carry it (``via = "contains"``: Lavender Oil for Linalool).
    """
    table = _allergens(db)
    hits: list[AvoidHit] = []
    seen: set[str] = set()
    for item in ingredients:
        printed = item if isinstance(item, str) else item.inci
        ing = db.get(printed)
        inci = ing.inci if ing is not None else " ".join(printed.split())
        if inci in seen:
            continue
        seen.add(inci)
        names = [inci, printed, *(ing.aliases if ing is not None else ())]
        listed = table.ids_for(printed, db)
        for entry in avoid.entries:
            via = _match(entry.matcher, inci, names, ing, listed, table)
            if via is not None:
                hits.append(
                    AvoidHit(
                        inci=inci, line=entry.line, text=entry.text, reason=entry.reason, via=via
                    )
                )
    return hits
