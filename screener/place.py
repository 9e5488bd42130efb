"""Stage 4, place: where each recognised ingredient sits in its product.

Position on a label is the usual proxy for concentration, but not always the
right one (policy in ingredients/README.md, numbers in rules/severity.toml):

* a **printed percentage** wins (`Salicylic Acid 30%`, `Camphor 1.7%`);
* a list in **alphabetical order** (the inactive ingredients of a US Drug Facts
  panel of a drug-only product, 21 CFR 201.66(c)(8), or any list sorted beyond
  chance) says nothing about amounts: its entries are judged as mid-list;
* otherwise the **position**: the first five, the middle, after the estimated
  ~1% line (or past entry 15), or a may-contain block.

The stage also decides each active's **role** in this formula: an acid at the
end of a list is a pH adjuster, salicylic acid at preservative level a
preservative, ascorbic acid at trace an antioxidant; rules name the roles they
apply to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Any, Literal, Protocol

from .database import Database, Ingredient

Zone = Literal["top", "middle", "trace", "may_contain", "unknown"]
#: What an entry's amount was judged from: its position, a printed percentage,
#: or nothing ("alphabetical": a sorted list; "unordered": a drug's vehicle list).
Basis = Literal["position", "percent", "alphabetical", "unordered"]


#: Read-only by convention; not frozen because one is built per row of a batch
#: (a frozen dataclass's __init__ costs about four times as much).
@dataclass(slots=True)
class Placed:
    """A recognised ingredient at its place in one product."""

    ingredient: Ingredient
    position: int
    may_contain: bool
    zone: Zone
    basis: Basis = "position"
    percent: float | None = None
    #: "active" or a minor role ("ph_adjuster", "preservative", "antioxidant");
    #: "ingredient" for an ingredient without an active class.
    role: str = "ingredient"
    section: str | None = None
    #: Position within its own list (a Drug Facts inactive section restarts it).
    rank: int = 0
    #: Rank among the declared entries of its own list WITHOUT a printed amount
    #: (0 for an entry with one): the position that the occlusion-load estimate
    #: reads (judge/occlusive.py ``estimated_share``), since a printed entry has
    #: its own share.
    share_rank: int = 0


class Slot(Protocol):
    """What the place stage reads of one printed entry (pipeline.Entry)."""

    @property
    def ingredient(self) -> Ingredient | None: ...
    @property
    def name(self) -> str: ...
    @property
    def percent(self) -> float | None: ...
    @property
    def marker(self) -> bool:
        """Its primary function marks the estimated ~1% line."""

    @property
    def judged(self) -> bool:
        """A rule may judge it whatever the options."""

    @property
    def sort_key(self) -> str:
        """The printed name folded for the alphabetical-order test (``sort_key``)."""

    @property
    def aqueous(self) -> bool:
        """Water or a watery material (a juice, a floral water): the product is not anhydrous."""


#: Read-only by convention; not frozen because one is built per row of a batch
#: (a frozen dataclass's __init__ costs about four times as much).
@dataclass(slots=True)
class Placement:
    """The place stage's result: the first placement of each recognised ingredient."""

    placed: tuple[Placed, ...]
    #: 1-based position of the estimated ~1% line, None when not estimated.
    line: int | None
    #: Why positions were (not) read as amounts: None, "drug-facts", "sorted" or
    #: "vehicle" (a drug's vehicle or excipient list, printed in no stated order).
    alphabetical: str | None
    #: No water or watery material declared: an ointment, balm, oil or stick.
    anhydrous: bool = False
    #: The ~1% line was set where an alphabetical run of entries begins.
    line_from_sorted_run: bool = False
    #: For a drug's vehicle list (alphabetical == "vehicle"): each of its n
    #: entries' estimated share of the product, 1/n, as no order is stated.
    unordered_share: float | None = None
    #: Share of the product (0-1) not taken by printed amounts: 1 minus the
    #: declared entries' printed percentages (1 when they add up to over 100%).
    unprinted_share: float = 1.0
    #: Declared entries without a printed amount (they share ``unprinted_share``).
    unprinted: int = 0
    #: Position of the first declared entry without a printed amount when all
    #: such entries form one list (not split between a Drug Facts active and
    #: inactive section): in descending order it is at least
    #: ``unprinted_share / unprinted`` of the product. None otherwise.
    lead: int | None = None


@dataclass(frozen=True, slots=True)
class PlacePolicy:
    """rules/severity.toml [position], [concentration] and [roles], read once."""

    top_zone_end: int
    trace_after: int
    markers: frozenset[str]
    high_percent: float
    low_percent: float
    sorted_min_entries: int
    sorted_max_out_of_order: float
    drug_facts_min_entries: int
    minor_roles: tuple[tuple[str, frozenset[str], frozenset[str], float], ...]
    minor_zones: frozenset[str]

    @classmethod
    def of(cls, db: Database) -> PlacePolicy:
        return _place_policy(db)


@lru_cache(maxsize=8)
def _place_policy(db: Database) -> PlacePolicy:
    sev: dict[str, Any] = db.severity
    pos, conc, roles = sev["position"], sev.get("concentration", {}), sev.get("roles", {})
    minor = tuple(
        (
            name,
            frozenset(spec.get("classes", [])),
            frozenset(spec.get("functions", [])),
            float(spec.get("max_percent", 0.5)),
        )
        for name, spec in roles.items()
        if isinstance(spec, dict)
    )
    return PlacePolicy(
        top_zone_end=int(pos.get("top_zone_end", 5)),
        trace_after=int(pos.get("trace_after", 15)),
        markers=frozenset(pos.get("one_percent_markers", [])),
        high_percent=float(conc.get("high_percent", 5.0)),
        low_percent=float(conc.get("low_percent", 1.0)),
        sorted_min_entries=int(conc.get("sorted_min_entries", 6)),
        sorted_max_out_of_order=float(conc.get("sorted_max_out_of_order", 0.1)),
        drug_facts_min_entries=int(conc.get("drug_facts_min_entries", 3)),
        minor_roles=minor,
        minor_zones=frozenset(roles.get("minor_zones", ["trace", "may_contain"])),
    )


_PERCENT = re.compile(r"^\(?\s*(\d{1,3}(?:[.,]\d+)?)\s*%")


def printed_percent(annotations: Sequence[str]) -> float | None:
    """The concentration printed beside an entry (`2%`, `(0.5 %)`), if any."""
    for note in annotations:
        found = _PERCENT.match(note)
        if found:
            value = float(found.group(1).replace(",", "."))
            if 0 < value <= 100:
                return value
    return None


_SORT_KEY = re.compile(r"[^a-z0-9]+")


def sort_key(name: str) -> str:
    """A printed name as the alphabetical-order test compares it."""
    return _SORT_KEY.sub("", name.lower())


def _swaps(keys: Sequence[str]) -> int:
    """Pairs out of order; a name with no Latin letter or digit (an empty key:
    "甘油") has no alphabetical place, so it counts as out of order."""
    return sum(1 for a, b in zip(keys, keys[1:], strict=False) if a > b or not b)


def alphabetical_reason(
    slots: Sequence[Slot],
    may_contain: Sequence[bool],
    sections: Sequence[str | None],
    policy: PlacePolicy,
) -> tuple[str, int] | None:
    """("drug-facts" or "sorted", the first position of the alphabetical run) when
    positions carry no amount information, else None."""
    if "inactive" in sections:
        inactive = [
            (position, s.sort_key)
            for position, (s, m, sec) in enumerate(
                zip(slots, may_contain, sections, strict=True), start=1
            )
            if sec == "inactive" and not m
        ]
        keys = [k for _p, k in inactive]
        if len(keys) >= policy.drug_facts_min_entries and _swaps(keys) <= int(
            policy.sorted_max_out_of_order * (len(keys) - 1)
        ):
            return "drug-facts", inactive[0][0]
    n = policy.sorted_min_entries
    if len(slots) < n:
        return None
    # Cheap test first, on the raw entries: most lists are out of order near their end.
    tail = 1
    for index in range(len(slots) - 1, 0, -1):
        if slots[index - 1].sort_key > slots[index].sort_key or not slots[index].sort_key:
            break
        tail += 1
        if tail >= n:
            break
    if tail < n:
        return None
    declared = [
        (position, s.sort_key)
        for position, (s, m, sec) in enumerate(
            zip(slots, may_contain, sections, strict=True), start=1
        )
        if not m and sec != "active"
    ]
    # The sorted tail: after the last pair out of order. A pasted Drug Facts panel
    # without headings puts up to six actives (and a title) before its
    # alphabetical inactive list; then one more sorted entry is asked for
    # (7 in order: 1 in 5,040 by chance; 6: 1 in 720).
    start = 0
    for index in range(len(declared) - 1, 0, -1):
        if declared[index - 1][1] > declared[index][1] or not declared[index][1]:
            start = index
            break
    if start > 6:
        return None
    if len(declared) - start >= n + (start > 0):
        return "sorted", declared[start][0]
    return None


def role_of(
    ingredient: Ingredient,
    zone: Zone,
    percent: float | None,
    policy: PlacePolicy,
    *,
    excipient: bool = False,
) -> str:
    """The job an active-class ingredient does in this formula (see module doc).

    ``excipient``: listed among a drug's inactive ingredients (or in an
    alphabetical vehicle list), so by definition not the active."""
    if not ingredient.classes:
        return "ingredient"
    if percent is not None:
        low = percent <= min(policy.low_percent, 1.0)
    else:
        low = excipient or zone in policy.minor_zones
    if not low:
        return "active"
    for name, classes, functions, max_percent in policy.minor_roles:
        if classes and classes.isdisjoint(ingredient.classes):
            continue
        if functions and functions.isdisjoint(ingredient.functions):
            continue
        if percent is not None and percent > max_percent:
            continue
        return name
    return "active"


_MARKER, _JUDGED, _AQUEOUS = attrgetter("marker"), attrgetter("judged"), attrgetter("aqueous")
_PERCENT_OF = attrgetter("percent")


def unprinted_ranks(
    percents: Sequence[float | None],
    may_contain: Sequence[bool],
    sections: Sequence[str | None],
) -> list[int]:
    """Each entry's rank among the declared entries of its own list without a
    printed amount (0 for a printed or may-contain entry); a Drug Facts inactive
    section restarts the count after the last active entry, as ``Placed.rank``."""
    ranks: list[int] = []
    total = since = 0
    for percent, may, section in zip(percents, may_contain, sections, strict=True):
        if percent is None and not may:
            total += 1
            since += 1
            ranks.append(since if section == "inactive" else total)
        else:
            ranks.append(0)
        if section == "active":
            since = 0
    return ranks


def unprinted_lead(
    percents: Sequence[float | None],
    may_contain: Sequence[bool],
    sections: Sequence[str | None],
) -> tuple[float, int, int | None]:
    """(share left to the entries without a printed amount, how many they are, the
    position of the first of them when they form one list, else None)."""
    printed = 0.0
    count = 0
    lead: int | None = None
    lists: set[str | None] = set()
    for position, (percent, may, section) in enumerate(
        zip(percents, may_contain, sections, strict=True), start=1
    ):
        if may:
            continue
        if percent is not None:
            printed += percent
            continue
        count += 1
        lists.add(section)
        if lead is None:
            lead = position
    # Printed amounts adding up to more than the whole are not of one formula
    # (misread, or several products pasted): they take nothing from the rest.
    left = 1.0 - printed / 100.0 if printed <= 100.0 else 1.0
    return left, count, lead if len(lists) == 1 else None


def place(
    slots: Sequence[Slot],
    may_contain: Sequence[bool],
    sections: Sequence[str | None],
    db: Database,
    context_relevant: Callable[[Ingredient], bool] | None = None,
    *,
    unordered_inactive: bool = False,
) -> Placement:
    """Positions → zones and roles of the ingredients a rule may judge (``judged``,
    or selected by a context rule), each once at its first, highest-weighted place."""
    policy = PlacePolicy.of(db)
    any_may = True in may_contain
    found = alphabetical_reason(slots, may_contain, sections, policy)
    if unordered_inactive and "inactive" in sections:
        found = ("vehicle", sections.index("inactive") + 1)
    alphabetical, sorted_from = found if found is not None else (None, 0)
    line: int | None = None
    sorted_tail = False
    if (
        alphabetical == "sorted"
        and sorted_from > 1
        and not any(slot.percent is not None for slot in slots[: sorted_from - 1])
    ):
        # An alphabetical run after ordinary entries with no printed strengths is
        # the usual way labels list what is at or under 1% (EU 1223/2009 Art.
        # 19(1)(g), 21 CFR 701.3(f)(2): any order allowed there): the ~1% line.
        alphabetical, sorted_tail = None, True
    if alphabetical is None:
        # The first marker outside a may-contain block (found in C: lists are long).
        markers = list(map(_MARKER, slots))
        if any_may:
            markers = [marker and not may for marker, may in zip(markers, may_contain, strict=True)]
        line = markers.index(True) + 1 if True in markers else None
        if sorted_tail and (line is None or sorted_from < line):
            line = sorted_from
    trace_from = policy.trace_after + 1 if line is None else min(line, policy.trace_after + 1)
    drug_facts = "active" in sections or "inactive" in sections
    # Only the entries a rule may judge are placed (a few of a row's ~30).
    if context_relevant is None:
        picked = list(compress(range(len(slots)), map(_JUDGED, slots)))
    else:
        picked = [
            i
            for i, slot in enumerate(slots)
            if slot.judged or (slot.ingredient is not None and context_relevant(slot.ingredient))
        ]
    # Positions count within a Drug Facts inactive section, which restarts the list:
    # the offset of each entry is the position of the last active entry before it.
    offsets: list[int] | None = None
    if drug_facts:
        offsets = []
        offset = 0
        for position, section in enumerate(sections, start=1):
            if section == "active":
                offset = position
            offsets.append(offset)
    # What the occlusion-load estimate reads (judge/occlusive.py estimated_share):
    # ranks among the entries without a printed amount (a printed entry has its
    # own share), the share they leave and the first of them. Without printed
    # amounts, sections or may-contain entries the rank is the position.
    percents = list(map(_PERCENT_OF, slots))
    share_ranks: list[int] | None = None
    if any_may or drug_facts or percents.count(None) != len(percents):
        share_ranks = unprinted_ranks(percents, may_contain, sections)
        unprinted_share, unprinted, lead = unprinted_lead(percents, may_contain, sections)
    else:
        unprinted_share, unprinted, lead = 1.0, len(slots), 1
    high, low, top_end = policy.high_percent, policy.low_percent, policy.top_zone_end
    placed: list[Placed] = []
    seen: set[str] = set()
    for index in picked:
        slot = slots[index]
        ing = slot.ingredient
        if ing is None or ing.inci in seen:
            continue
        seen.add(ing.inci)
        position = index + 1
        section = sections[index] if drug_facts else None
        may = may_contain[index]
        rank = (
            position - offsets[index] if offsets is not None and section == "inactive" else position
        )
        percent = slot.percent
        basis: Basis = "position"
        zone: Zone
        if may:
            zone = "may_contain"
        elif percent is not None:
            basis = "percent"
            zone = "top" if percent >= high else "trace" if percent <= low else "middle"
        elif alphabetical is not None and section != "active" and position >= sorted_from:
            basis = "unordered" if alphabetical == "vehicle" else "alphabetical"
            zone = "unknown"
        else:
            zone = "top" if rank <= top_end else "trace" if position >= trace_from else "middle"
        excipient = basis in ("alphabetical", "unordered")
        role = role_of(ing, zone, percent, policy, excipient=excipient)
        share_rank = share_ranks[index] if share_ranks is not None else position
        placed.append(
            Placed(ing, position, may, zone, basis, percent, role, section, rank, share_rank)
        )
    declared = (
        [slot for slot, may in zip(slots, may_contain, strict=True) if not may]
        if any_may
        else slots
    )
    anhydrous = True not in map(_AQUEOUS, declared)
    unordered_share = None
    if alphabetical == "vehicle":
        vehicle = sum(
            1 for sec, may in zip(sections, may_contain, strict=True) if sec != "active" and not may
        )
        unordered_share = 1 / vehicle if vehicle else None
    return Placement(
        placed=tuple(placed),
        line=line,
        alphabetical=alphabetical,
        anhydrous=anhydrous,
        line_from_sorted_run=sorted_tail and line == sorted_from,
        unordered_share=unordered_share,
        unprinted_share=unprinted_share,
        unprinted=unprinted,
        lead=lead,
    )
