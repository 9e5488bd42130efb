"""The one judgement pipeline: read → match → repair → place → judge → verdict.

``Screener.run(text, options)`` returns a ``Result`` (plain data). The full
report (``views.product_report``) and the batch row (``views.batch_row``) are
two views of that one result, so no rule, zone, context or verdict logic
exists twice.

Caching lives here and in ``judge.base.db_cache``, never per whole list: each
segment text's entries and matches are remembered (a catalog repeats the same
few thousand segments in shuffled orders), and the judge modules remember
selector tests per ingredient.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .database import Database, Ingredient
from .errors import ScreenError
from .judge import Judgement, judge, judged_always, option_relevance
from .limits import MAX_ENTRIES, MAX_TEXT_CHARS
from .match import Match, Matcher
from .options import Options
from .place import Placement, PlacePolicy, place, printed_percent, sort_key
from .read import (
    NO_ENTRIES,
    SPLIT_MARK,
    TAIL_MARKS,
    EntryRead,
    ParsedEntry,
    amount_percent,
    footnote_notes,
    footnote_tail,
    label_segments,
    read_entry,
    read_segment,
    too_many_entries,
)
from .repair import repair, split_slash_list
from .verdict import Decision, decide

if TYPE_CHECKING:
    from .models import ProductReport, RoutineReport


@dataclass(frozen=True, slots=True)
class Entry:
    """One printed entry and its match. Shared between lists (no position here:
    the position is the entry's index in ``Result.entries`` plus one)."""

    text: str
    name: str
    candidates: tuple[str, ...]
    annotations: tuple[str, ...]
    match: Match
    # Read off the match once (a batch reads them for every row):
    ingredient: Ingredient | None
    inci: str | None
    kind: str
    confidence: float
    percent: float | None
    #: Its primary function marks the estimated ~1% line.
    marker: bool
    #: A rule may judge it whatever the options (judge.judged_always); context
    #: rules are asked separately, only when a context is set.
    judged: bool
    #: Water or a watery material: the product is not anhydrous.
    aqueous: bool
    #: The printed name folded for the alphabetical-order test (place.py).
    sort_key: str


@dataclass(slots=True)
class Result:
    """Everything one screen found, as plain data."""

    options: Options
    entries: list[Entry]
    may_contain: list[bool]
    sections: list[str | None]
    #: What the reader cut and what repair changed (the report adds its own).
    notes: list[str]
    placement: Placement
    findings: list[Judgement]
    decision: Decision
    name: str | None = None


_AQUEOUS = ("aqua", "water", "juice", "hydrosol", "eau", "agua", "wasser")


def is_aqueous(name: str) -> bool:
    """Water, a floral water, a juice: a sign the product is not anhydrous."""
    lowered = name.lower()
    return any(word in lowered for word in _AQUEOUS)


def _weak_count(entries: Sequence[Entry]) -> int:
    """How many entries are unknown or only guessed (repair looks only then)."""
    return sum(1 for e in entries if e.kind in ("unknown", "fuzzy"))


def _prose(texts: Sequence[str]) -> bool:
    """Prose pasted instead of a list: long word runs and nothing recognised."""
    words = sum(len(t.split()) for t in texts) / len(texts)
    return words > 6 or (len(texts) <= 2 and words >= 3)


NO_OPTIONS = Options()
# The parts of a cached segment (footnotes, entries, weak count), for map().
_FOOTNOTES, _ENTRIES, _WEAK = itemgetter(0), itemgetter(1), itemgetter(2)

NOT_A_LIST = (
    "This does not look like an ingredient list (no ingredient was recognised and "
    "the text reads like sentences). Paste the INCI list from the label, with the "
    "ingredients separated by commas."
)


@dataclass
class Screener:
    """A database with its matcher; build once, screen many."""

    db: Database
    matcher: Matcher
    #: segment text → (footnotes, entries, how many are unknown or guessed):
    #: never whole lists.
    _segments: dict[str, tuple[tuple[str, ...], tuple[Entry, ...], int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def for_database(cls, db: Database) -> Screener:
        from .families import load_families

        return cls(db=db, matcher=Matcher(db, families=load_families(db)))

    # -- stages 1-2: read and match, per segment ---------------------------

    def _entry(
        self,
        printed: str,
        name: str,
        candidates: tuple[str, ...],
        notes: tuple[str, ...],
        match: Match,
        percent: float | None,
    ) -> Entry:
        """``percent``: the reader's (None when it printed none, or several
        strengths)."""
        ing = match.ingredient
        return Entry(
            text=printed,
            name=name,
            candidates=candidates,
            annotations=notes,
            match=match,
            ingredient=ing,
            inci=match.inci,
            kind=match.kind,
            confidence=match.confidence,
            percent=percent,
            marker=ing is not None and ing.primary_function in self._markers,
            judged=ing is not None and judged_always(ing, self.db),
            aqueous=is_aqueous(match.inci or name),
            sort_key=sort_key(name),
        )

    def _segment(self, segment: str) -> tuple[tuple[str, ...], tuple[Entry, ...], int]:
        """Read and match one segment (the caller looked in the cache first)."""
        if len(self._segments) > 200_000:
            self._segments.clear()
        footnotes, reads = read_segment(segment)
        entries = tuple(self._matched(reads))
        found = self._segments[segment] = (footnotes, entries, _weak_count(entries))
        return found

    def _matched(self, reads: Sequence[EntryRead]) -> list[Entry]:
        """Stage 2 for entries as read: each matched, as an Entry."""
        match_entry = self.matcher.match_entry
        return [
            self._entry(
                printed,
                name,
                candidates,
                notes,
                match_entry(ParsedEntry(printed, name, candidates, 0)),
                percent,
            )
            for printed, name, candidates, notes, percent in reads
        ]

    def _slash_list(self, entry: Entry, footnotes: list[str]) -> list[Entry]:
        """A label that is one entry printed with slashes between different
        ingredients ("Water / Glycerin / Niacinamide"): its parts, with a note.
        Only a label of one entry: in a list with other separators, slashes
        join synonyms ("Yeast Extract/Faex/Extrait De Levure", "Iron
        Oxides/CI 77491") that the database may hold as separate rows."""
        parts = split_slash_list(entry.name, self.matcher)
        if parts is None:
            return [entry]
        footnotes.append(f"{SPLIT_MARK}'{entry.text}' read as {len(parts)} entries")
        return self._matched([read for text in parts if (read := read_entry(text)) is not None])

    @property
    def _markers(self) -> frozenset[str]:
        return PlacePolicy.of(self.db).markers

    # -- the whole flow ----------------------------------------------------

    def run(
        self,
        text: object,
        options: Options = NO_OPTIONS,
        *,
        name: str | None = None,
        max_chars: int = MAX_TEXT_CHARS,
    ) -> Result:
        """Screen one list. Raises ScreenError for input that is not a list."""
        segments = label_segments(text, max_chars=max_chars)
        texts, may_flags, seg_sections = segments.texts, segments.may_contain, segments.sections
        notes = list(segments.notes)
        # Per segment, from the cache (C-level map and chain: ~30 segments a row).
        hits = list(map(self._segments.get, texts))
        if None in hits:
            hits = [hit or self._segment(segment) for hit, segment in zip(hits, texts, strict=True)]
        found: list[tuple[tuple[str, ...], tuple[Entry, ...], int]] = hits  # type: ignore[assignment]
        entries: list[Entry] = list(chain.from_iterable(map(_ENTRIES, found)))
        weak = sum(map(_WEAK, found))
        footnotes: list[str] = list(chain.from_iterable(map(_FOOTNOTES, found)))
        may: list[bool] = []
        sections: list[str | None] = []
        if may_flags is not None or seg_sections is not None:
            for index, (_notes, seg_entries, _weak) in enumerate(found):
                if may_flags is not None:
                    may.extend([may_flags[index]] * len(seg_entries))
                if seg_sections is not None:
                    sections.extend([seg_sections[index]] * len(seg_entries))
        if len(entries) > MAX_ENTRIES:
            raise too_many_entries()
        if len(entries) > 1 and entries[-1].text[:1] in TAIL_MARKS:
            cut = footnote_tail([e.text for e in entries], [e.annotations for e in entries])
            if cut:
                footnotes.extend(e.text for e in entries[-cut:])
                del entries[-cut:]
                del may[len(entries) :]
                del sections[len(entries) :]
                weak = _weak_count(entries)
        if len(entries) == 1 and ("/" in entries[0].name or "\\" in entries[0].name):
            entries = self._slash_list(entries[0], footnotes)
            weak = _weak_count(entries)
            may, sections = may[:1] * len(entries), sections[:1] * len(entries)
        if footnotes:
            footnote_notes(footnotes, notes)
        if not entries:
            raise ScreenError(NO_ENTRIES)
        basis = segments.amount_basis_g
        if basis is not None:  # "100 g contains: ... vaseline 27.00 g"
            entries = [
                e
                if e.percent is not None
                else replace(e, percent=amount_percent(e.annotations, basis))
                for e in entries
            ]
        if not may:
            may = [False] * len(entries)
        if not sections:
            sections = [None] * len(entries)
        # Stage 3, repair: names split at a comma joined, run-together names split.
        if weak:
            entries, may, sections = self._repaired(entries, may, sections, notes)
            if all(e.kind == "unknown" for e in entries) and _prose([e.text for e in entries]):
                raise ScreenError(NOT_A_LIST)
        db = self.db
        placement = place(
            entries,
            may,
            sections,
            db,
            option_relevance(db, options),
            unordered_inactive=segments.unordered_inactive,
        )
        findings = judge(placement, db, options)
        decision = decide(findings, entries, may, db)
        return Result(
            options=options,
            entries=entries,
            may_contain=may,
            sections=sections,
            notes=notes,
            placement=placement,
            findings=findings,
            decision=decision,
            name=name,
        )

    def _repaired(
        self,
        entries: list[Entry],
        may: list[bool],
        sections: list[str | None],
        notes: list[str],
    ) -> tuple[list[Entry], list[bool], list[str | None]]:
        repaired = repair([e.text for e in entries], [e.match for e in entries], self.matcher)
        if repaired is None:
            return entries, may, sections
        pieces, repair_notes = repaired
        notes.extend(repair_notes)
        out: list[Entry] = []
        out_may: list[bool] = []
        out_sections: list[str | None] = []
        for piece in pieces:
            first = entries[piece.sources[0]]
            if len(piece.sources) == 1 and piece.text == first.text:
                out.append(first)
            else:
                annotations = tuple(
                    dict.fromkeys(a for i in piece.sources for a in entries[i].annotations)
                )
                out.append(
                    # A joined entry reads its strength off the annotations it joined.
                    self._entry(
                        piece.text,
                        piece.text,
                        (),
                        annotations,
                        piece.match,
                        printed_percent(annotations) if annotations else None,
                    )
                )
            out_may.append(may[piece.sources[0]])
            out_sections.append(sections[piece.sources[0]])
        return out, out_may, out_sections

    # -- the two views, for callers holding a screener ---------------------

    def screen(
        self,
        text: object,
        *,
        context: object = None,
        product_type: object = None,
        name: str | None = None,
        max_chars: int = MAX_TEXT_CHARS,
        avoid: object = None,
        infer_type: bool = True,
    ) -> ProductReport:
        """The full report of one list (views.product_report of ``run``).

        Without ``product_type``, a ``name`` such as "Foaming Cleanser" sets it
        (screener.product_type.type_and_reason); the report says why."""
        from .product_type import type_and_reason
        from .views import product_report

        options = Options.of(context, product_type, avoid, self.db)
        ptype, reason = type_and_reason(options.product_type, name, infer=infer_type)
        if ptype != options.product_type:
            options = dataclasses.replace(options, product_type=ptype)
        result = self.run(text, options, name=name, max_chars=max_chars)
        report = product_report(result, self.db)
        report.product_type_reason = reason
        return report

    def summarise(self, text: object, options: Options = NO_OPTIONS) -> dict[str, Any]:
        """The batch row of one list (views.batch_row of ``run``)."""
        from .views import batch_row

        return batch_row(self.run(text, options))

    def screen_routine(
        self, products: Sequence[object], *, context: object = None
    ) -> RoutineReport:
        from .routine import screen_routine

        return screen_routine(self, products, Options.of(context))
