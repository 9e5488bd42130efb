"""What every judge module shares: the finding record, severity steps, the
wording of a placement, and the evidence grade of a set of sources."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..database import Database
from ..place import Placed
from ..vocabulary import SEVERITIES, SEVERITY_RANK, Severity

#: Evidence grades, strongest first (bibliography kind → grade).
EVIDENCE_GRADES: dict[str, str] = {
    "primary": "primary study",
    "regulation": "review or guideline",
    "secondary": "review or guideline",
    "compiled": "ingredient database",
    "low": "unverified list",
}
GRADE_RANK = {
    "primary study": 0,
    "review or guideline": 1,
    "ingredient database": 2,
    "unverified list": 3,
}


#: Read-only by convention; not frozen because one is built per row of a batch
#: (a frozen dataclass's __init__ costs about four times as much).
@dataclass(slots=True)
class Judgement:
    """One finding, as plain data (the report renders it as a ``models.Finding``)."""

    kind: str
    severity: Severity
    ingredients: tuple[str, ...]
    reason: str
    advice: str
    sources: tuple[str, ...]
    rule: str
    context: str | None = None
    products: tuple[str, ...] = ()
    evidence: str | None = None
    #: Builds the reason when a report asks for it (batch rows never do);
    #: ``reason`` is used when this is None.
    explain: Callable[[], str] | None = None

    def why(self) -> str:
        """The plain-language reason."""
        return self.explain() if self.explain is not None else self.reason


def rinse_off_steps(db: Database, rinse_off: bool) -> int:
    """How many steps a rinse-off product lowers a finding (severity.toml [rinse_off])."""
    return int(db.severity["rinse_off"].get("steps_down", 1)) if rinse_off else 0


def step_down(severity: str | None, steps: int) -> Severity | None:
    """Lower (or, with negative steps, raise) a severity within info..avoid."""
    if severity is None:
        return None
    rank = min(len(SEVERITIES) - 1, max(0, SEVERITY_RANK[severity] - steps))
    return SEVERITIES[rank]  # type: ignore[return-value]


def cap(severity: Severity | None, ceiling: str) -> Severity | None:
    if severity is None or SEVERITY_RANK[severity] <= SEVERITY_RANK[ceiling]:
        return severity
    return ceiling  # type: ignore[return-value]


_ZONE_TEXT = {
    "top": "among the first five ingredients, where concentrations are highest",
    "middle": "in the middle of the list",
    "trace": "after the estimated ~1% line, where concentrations are low",
    "may_contain": "in a 'may contain' block (present only in some shades)",
    "unknown": "where the list gives no clue to its amount",
}
_PERCENT_TEXT = {
    "top": "a high amount",
    "middle": "a moderate amount",
    "trace": "a small amount",
    "may_contain": "a small amount",
    "unknown": "an amount",
}


def where(item: Placed) -> str:
    """Where an ingredient sits, in words, saying which signal the amount came from."""
    if item.basis == "percent":
        return (
            f"printed at {item.percent:g}% ({_PERCENT_TEXT[item.zone]}; the printed "
            "percentage is used instead of the position)"
        )
    if item.basis == "unordered":
        return (
            f"at position {item.position} of a drug's vehicle (excipient) list, which is "
            "printed in no stated order, so its position says nothing about its amount: "
            "judged as an ingredient of unknown amount (never as top-five or trace)"
        )
    if item.basis == "alphabetical" or item.zone == "unknown":
        return (
            f"at position {item.position} of a list in alphabetical order (as Drug Facts "
            "inactive ingredients are printed), so its position says nothing about its "
            "amount: judged as an ingredient of unknown amount (never as top-five or trace)"
        )
    if item.rank is not None and item.rank != item.position and item.section == "inactive":
        # A Drug Facts panel restarts the order after its actives.
        return (
            f"at position {item.position}, {_ordinal(item.rank)} of the inactive ingredients, "
            f"{_ZONE_TEXT[item.zone].replace('ingredients', 'inactive ingredients', 1)}"
        )
    return f"at position {item.position}, {_ZONE_TEXT[item.zone]}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _grade(db: Database, sources: tuple[str, ...]) -> str | None:
    cache = db_cache(db, "grades")
    if sources in cache:
        return cache[sources]  # type: ignore[no-any-return]
    best: str | None = None
    for source in sources:
        row = db.sources.get(source)
        if row is None:
            continue
        grade = EVIDENCE_GRADES.get(row.kind)
        if grade is not None and (best is None or GRADE_RANK[grade] < GRADE_RANK[best]):
            best = grade
    cache[sources] = best
    return best


def evidence_grade(db: Database, sources: Iterable[str]) -> str | None:
    """The strongest grade among the sources (bibliography ``kind``), or None."""
    return _grade(db, tuple(sources))


_CACHES: dict[int, dict[str, dict[Any, Any]]] = {}
_T = TypeVar("_T")


def db_cache(db: Database, name: str) -> dict[Any, Any]:
    """A named memo table that lives as long as its database (keys are cheap
    tuples of ids and options, never whole lists); cleared past 200,000 keys."""
    tables = _CACHES.get(id(db))
    if tables is None:
        tables = _CACHES[id(db)] = {}
        weakref.finalize(db, _CACHES.pop, id(db), None)
    table = tables.get(name)
    if table is None:
        table = tables[name] = {}
    elif len(table) > 200_000:
        table.clear()
    return table


def remembered(db: Database, name: str, key: Any, compute: Callable[[], _T]) -> _T:
    """``compute()``, remembered in the memo table ``name`` under ``key`` (which
    must hold everything ``compute`` reads: an ingredient, a zone, an option)."""
    table = db_cache(db, name)
    if key in table:
        return table[key]  # type: ignore[no-any-return]
    found = table[key] = compute()
    return found


def has_table(db: Database, relative: str) -> bool:
    """Does this database folder ship an optional table (e.g. rules/allergens.csv)?
    A database of one's own without it simply has no findings of that kind."""
    cache = db_cache(db, "tables")
    if relative not in cache:
        cache[relative] = (db.path / relative).is_file()
    return bool(cache[relative])
