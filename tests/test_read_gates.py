"""The cheap gates in front of the read stage's patterns change no answer.

Each gate skips a whole-text scan when a necessary condition fails (a digit
before a comma for locants, five digit-like characters for a Colour Index fix,
a heading word for a Drug Facts panel, an odd character for the Unicode text
steps). Each test runs the guarded function with and without its gate on text
built to sit on the gate's edge.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener import normalise
from screener.read import drug_facts, segments
from screener.read.common import ODD_FOLDS, lowered

# Letters, digits (ASCII and others), the separators, the characters each
# Unicode text step replaces, and the case-folding oddities.
ALPHABET = (
    "aAcCiIlLsStTvVeEnNgGrRdD 0123456789,;.%-()\n\t\r"
    "\u00e9\u00f2\u0131\u0130\u017f\u212a\u00a0\u200b\u00ad\u2013\u2019\u201c\u0007"
    "\uff11\u0661\u00b2\u00b1\uff1a\u3001\uff0c\uff08\uff05\u3002"
)
WORDS = ["Active Ingredients:", "Inactive ingredients", "Other Ingredients:", "Excipients",
         "in a vehicle consisting of", "gel base formulated with", "in a cream vehicle of",
         "in an ointment base composed of", "contains", "Base", "Purpose", "Uses", "Warnings",
         "Zinc Oxide 20%", "Octinoxate 7.5%", "Water", "Glycerin", "CI 77891", "Cl77491",
         "C.I. 77491", "1,2-Hexanediol", "1, 2-Hexanediol", "Polysorbate 20, 1,2-Hexanediol",
         "Aqua\u00a0(Water)", "\u0131nact\u0131ve \u0131ngredients:", "ACT\u0130VE INGREDIENTS",
         "Drug Facts", "\u017fodium"]  # fmt: skip

texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=80),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=ALPHABET, max_size=8)),
             max_size=12).map(" ".join),
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(text=texts)
def test_protect_locants_gate(text: str) -> None:
    assert segments.protect_locants(text) == segments._LOCANTS.sub(segments._protect_run, text)


@settings(max_examples=600, deadline=None)
@given(text=texts)
def test_colour_index_gate(text: str) -> None:
    if not normalise.may_hold_colour_index(text):
        assert normalise.fix_colour_index(text) == text


@settings(max_examples=600, deadline=None)
@given(text=texts)
def test_clean_text_equals_every_step(text: str) -> None:
    every = text
    for step in normalise.TEXT_STEPS:
        every = step(every)
    assert normalise.clean_text(text) == every


@settings(max_examples=600, deadline=None)
@given(text=texts)
def test_drug_facts_gate(text: str) -> None:
    gated_notes: list[str] = []
    ungated_notes: list[str] = []
    gated = drug_facts.read_drug_facts(text, gated_notes)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(drug_facts, "_may_hold_ingredient_heading", lambda _lowered: True)
        ungated = drug_facts.read_drug_facts(text, ungated_notes)
    assert (gated, gated_notes) == (ungated, ungated_notes)


def test_the_drug_facts_gate_refuses_lists_without_a_heading_word() -> None:
    assert not drug_facts._may_hold_ingredient_heading("water, glycerin. ingredients: water")
    assert drug_facts._may_hold_ingredient_heading("inactive ingredients: water")


def test_odd_folds_are_every_character_lower_does_not_fold_as_re_does() -> None:
    """For each ASCII letter, every character ``(?i)`` matches to it either lowers
    to that letter or is in ODD_FOLDS (so ``lowered`` refuses the text)."""
    everything = "".join(
        chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
    )
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for found in re.findall(f"(?i){letter}", everything):
            assert found.lower() == letter or found in ODD_FOLDS, (letter, hex(ord(found)))
    assert lowered("\u0131nactive") is None
    assert lowered("Inactive \u212a") == "inactive k"


def test_memo_remembers_every_answer_none_included_and_stays_bounded() -> None:
    from screener.read.common import Memo

    calls: list[str] = []

    def compute(key: str) -> str | None:
        calls.append(key)
        return None if key == "none" else key.upper()

    memo: Memo[str, str | None] = Memo(compute, limit=10)
    assert memo.many(["a", "none", "a"]) == ["A", None, "A"]
    assert memo.many(["none", "a"]) == [None, "A"]
    assert calls == ["a", "none"]  # each key computed once
    keys = [str(i) for i in range(30)]
    assert memo.many(keys) == keys
    assert len(memo) <= 10  # past the limit the memo starts again
