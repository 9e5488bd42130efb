"""The whole read stage: label text → ordered entries, with notes on
everything that was cut."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ScreenError
from ..limits import MAX_ENTRIES, MAX_TEXT_CHARS
from .entries import amount_percent, footnote_notes, footnote_tail, read_segment
from .segments import Section, label_segments


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One declared ingredient as printed, with what the label said about it."""

    text: str
    name: str
    candidates: tuple[str, ...]
    position: int
    may_contain: bool = False
    annotations: tuple[str, ...] = ()
    #: The printed concentration, in percent ("Petrolatum 41%" → 41.0), or None.
    percent: float | None = None
    #: The Drug Facts section the entry was printed in (21 CFR 201.66), or None.
    section: Section | None = None


@dataclass(slots=True)
class ReadLabel:
    entries: list[ParsedEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: The label is a US OTC Drug Facts panel (entries carry their section).
    drug_facts: bool = False


NO_ENTRIES = (
    "No ingredients were found in the text. Paste the ingredient list itself, "
    "for example 'Water, Glycerin, Dimethicone'."
)


def too_many_entries() -> ScreenError:
    return ScreenError(
        f"The list has more than {MAX_ENTRIES:,} entries; one product declares "
        "far fewer. Paste one product at a time (or raise SCREENER_MAX_ENTRIES)."
    )


def read_label(text: object, *, max_chars: int = MAX_TEXT_CHARS, fast: bool = True) -> ReadLabel:
    """Label text → ordered entries plus notes on everything that was cut.

    Built from the batch path's pieces (label_segments, then read_segment per
    segment), so both give the same entries. ``fast=False`` forces the full
    segmenting path (tests compare the two)."""
    segments = label_segments(text, max_chars=max_chars, fast=fast)
    notes = list(segments.notes)
    entries: list[ParsedEntry] = []
    footnotes: list[str] = []
    mays, sections = segments.may_contain, segments.sections
    basis = segments.amount_basis_g
    for index, segment in enumerate(segments.texts):
        seg_footnotes, seg_entries = read_segment(segment)
        footnotes.extend(seg_footnotes)
        may_contain = mays[index] if mays is not None else False
        section = sections[index] if sections is not None else None
        for read in seg_entries:
            if len(entries) >= MAX_ENTRIES:
                raise too_many_entries()
            entries.append(
                ParsedEntry(
                    text=read.text,
                    name=read.name,
                    candidates=read.candidates,
                    position=len(entries) + 1,
                    may_contain=may_contain,
                    annotations=read.annotations,
                    percent=read.percent
                    if read.percent is not None or basis is None
                    else amount_percent(read.annotations, basis),
                    section=section,
                )
            )
    cut = footnote_tail([e.text for e in entries], [e.annotations for e in entries])
    if cut:
        footnotes.extend(e.text for e in entries[-cut:])
        del entries[-cut:]
    footnote_notes(footnotes, notes)
    if not entries:
        raise ScreenError(NO_ENTRIES)
    return ReadLabel(entries=entries, notes=notes, drug_facts=segments.drug_facts)
