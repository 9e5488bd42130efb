"""The fast path of the parser (plain comma lists) gives what the full path gives.

``read_label(text, fast=False)`` forces the full path: clean_text, cut_preamble,
cut_trailing and split_segments over the whole text. Both must give the same
entries and notes (or the same ScreenError) for every text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.database import Database
from screener.errors import ScreenError
from screener.normalise import TEXT_STEPS, clean_text
from screener.read import check_input, read_label
from screener.read.segments import _fast_segments

LISTS = json.loads((Path(__file__).parent / "fixtures" / "label_lists.json").read_text())


def outcome(text: str, fast: bool) -> object:
    try:
        label = read_label(text, fast=fast)
    except ScreenError as exc:
        return ("error", str(exc))
    return (label.entries, label.notes)


def every_step(text: str) -> str:
    for step in TEXT_STEPS:
        text = step(text)
    return text


def variants(text: str) -> list[str]:
    return [text, text.lower(), text.upper(), text.replace(", ", ","), text.replace(", ", " ,  ")]


@pytest.mark.parametrize("text", LISTS)
def test_fast_and_full_paths_agree_on_real_lists(text: str) -> None:
    for variant in variants(text):
        assert outcome(variant, True) == outcome(variant, False), variant
        assert clean_text(variant) == every_step(variant)


def test_the_fixture_exercises_the_fast_path() -> None:
    def plain(text: str) -> bool:  # the caller's precondition for clean=True
        return text.isascii() and text.isprintable() and "&" not in text and "<" not in text

    fast = [t for t in LISTS if plain(t) and _fast_segments(check_input(t), clean=True) is not None]
    assert len(fast) >= 10
    assert len(LISTS) - len(fast) >= 10


_NAMES: list[str] = []


def names(db: Database) -> list[str]:
    if not _NAMES:
        _NAMES.extend(sorted({i.inci for i in db} | {a for i in db for a in i.aliases}))
    return _NAMES


SEPARATORS = [", ", ",", " , ", ",  ", "; ", ". ", " | ", "\n", ". *"]
DECORATIONS = ["{}", "{}*", "*{}", "{} (nano)", "({})", "{} 2%", "{}%", "{} 1,5%", "1,2-{}",
               "1, 2-{}", "{} (Organic)", "Organic {}", "{}.", "C.I. 77891 ({})", "Cl77491 {}",
               "{} (", "{})", "{} (and) {}", "{} / Aqua", "may contain {}", "Kann {}",
               "{} Made In France", "{} (Parfum, Aqua)", "{}: ", "{}+", "[{}]", "{}\u00a0",
               "Directions {}", "{} Free From", "Vit. {}", "{} No. 5", "{}\u2122", "Minérale {}",
               "{} (Ci 77491, Ci 77499)", "({}", "{} (x, {}", "\u0131ngredients: {}", "{} ±",
               "{} \u2019s", "{} &amp;", "{} \u017ftore in a cool place"]  # fmt: skip


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_fast_and_full_paths_agree_on_generated_lists(db: Database, data: st.DataObject) -> None:
    pool = names(db)
    count = data.draw(st.integers(min_value=1, max_value=40))
    # Mostly plain names and comma separators, so that most lists take the
    # fast path, with a few decorations (each may or may not send it away).
    separators = data.draw(st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=3))
    separators += [", "] * 6
    decorations = data.draw(st.lists(st.sampled_from(DECORATIONS), max_size=3))
    decorations += ["{}"] * 12
    parts = []
    for _ in range(count):
        name = data.draw(st.sampled_from(pool))
        shape = data.draw(st.sampled_from(decorations))
        parts.append(shape.format(name, name))
        parts.append(data.draw(st.sampled_from(separators)))
    text = "".join(parts[:-1]) + data.draw(st.sampled_from(["", ".", " ", ","]))
    for variant in (text, text.upper()):
        assert outcome(variant, True) == outcome(variant, False)
        assert clean_text(variant) == every_step(variant)
