"""The read stage: label text → ordered printed entries.

The reader never drops text silently: what it cuts (a preamble before
``Ingredients:``, a ``Directions:`` panel, footnote text) goes into the notes.
One module per concern, each a sequence of small functions over plain data:

1. ``input``       refuse what cannot be screened (ScreenError); lone
                   surrogates become U+FFFD
2. ``drug_facts``  a US OTC Drug Facts panel, read by section
3. normalise.clean_text  text-level normalisation steps
4. ``preamble``    drop what precedes ``Ingredients:``, and trailing panels
5. ``segments``    split at top-level separators, marking may-contain blocks
                   (``label_segments`` runs 1-5; plain lists take a fast path)
6. ``entries``     per segment: blends, percentages, grades, (nano), footnote
                   marks, parenthesised aliases, slash synonyms, marketing words
7. ``label``       ``read_label``: the entries with positions, sections and notes

Batch mode calls ``label_segments`` and the cached ``read_segment`` itself;
the report path calls ``read_label``. Both give the same entries.
"""

from .common import could_match
from .drug_facts import DrugFactsPanel, read_drug_facts
from .entries import (
    SPLIT_MARK,
    TAIL_MARKS,
    EntryRead,
    amount_percent,
    footnote_notes,
    footnote_tail,
    read_entry,
    read_segment,
)
from .input import PLACEHOLDER, SPREADSHEET_ERROR, check_input, replace_surrogates
from .label import NO_ENTRIES, ParsedEntry, ReadLabel, read_label, too_many_entries
from .preamble import cut_preamble, cut_trailing
from .segments import Section, Segments, label_segments, split_segments

__all__ = [
    "NO_ENTRIES",
    "PLACEHOLDER",
    "SPLIT_MARK",
    "SPREADSHEET_ERROR",
    "TAIL_MARKS",
    "DrugFactsPanel",
    "EntryRead",
    "ParsedEntry",
    "ReadLabel",
    "Section",
    "Segments",
    "amount_percent",
    "check_input",
    "could_match",
    "cut_preamble",
    "cut_trailing",
    "footnote_notes",
    "footnote_tail",
    "label_segments",
    "read_drug_facts",
    "read_entry",
    "read_label",
    "read_segment",
    "replace_surrogates",
    "split_segments",
    "too_many_entries",
]
