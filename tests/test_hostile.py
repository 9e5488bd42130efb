"""Hostile input: each case is screened in bounded, linear time or refused clearly.

The linearity test doubles each input and checks time grows roughly by two (a
regular expression with catastrophic backtracking would grow by 4x or more).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from screener.errors import ScreenError
from screener.limits import MAX_TEXT_CHARS
from screener.read import read_label
from screener.screen import Screener

# name -> builder(n) giving a text of roughly n characters
HOSTILE: dict[str, Callable[[int], str]] = {
    "nested brackets": lambda n: "(" * (n // 2 - 3) + "Aqua" + ")" * (n // 2 - 3),
    "unbalanced brackets": lambda n: "Aqua, " + "([{" * (n // 3 - 2),
    "commas only": lambda n: "," * n,
    "one long word": lambda n: "a" * n,
    "many entries": lambda n: "Aqua, " * (n // 6),
    "may-contain markers": lambda n: "may contain, " * (n // 13),
    "may-contain brackets": lambda n: "[+/-: CI 77891, " * (n // 16),
    "sentence periods": lambda n: "Water. " * (n // 7),
    "digit locants": lambda n: "1,2,3,4,5,6,7,8,9," * (n // 18),
    "html tags": lambda n: "<b>" * (n // 3),
    "bidi overrides": lambda n: "\u202eAqua\u202c, " * (n // 8),
    "combining marks": lambda n: "e\u0301" * (n // 2),
    "emoji": lambda n: "💧, 🧴, " * (n // 6),
    "drug facts headings": lambda n: (
        "Active ingredients Purpose Zinc 1% Sunscreen Inactive ingredients Water, " * (n // 72)
    ),
    "drug facts percentages": lambda n: "Inactive ingredients " + "Zinc 1% " * ((n - 21) // 8),
    "run-together unknown words": lambda n: ", ".join(
        f"Zq{i} Rosa Xq{i} Canina Leaf Oil Wq{i} Extract Glycerin Water" for i in range(n // 60)
    ),
    "control characters": lambda n: "Aqua\x01\x02, " * (n // 8),
    "parenthesised pairs": lambda n: "(a)" * (n // 3),
    "footnote marks": lambda n: "Aqua*, °Glycerin, " * (n // 18),
    "colour index": lambda n: "Cl 77491 " * (n // 9),
}


def _run(screener: Screener, text: str) -> str:
    try:
        report = screener.screen(text)
    except ScreenError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        return "refused"
    return f"{len(report.ingredients)} entries"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_bounded(screener_real: Screener, name: str) -> None:
    text = HOSTILE[name](MAX_TEXT_CHARS - 10)
    start = time.perf_counter()
    _run(screener_real, text)
    assert time.perf_counter() - start < 10.0, name


def _best_time(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        try:
            read_label(text, max_chars=10**7)
        except ScreenError:
            pass
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_parse_time_is_linear(name: str) -> None:
    """Quadrupling the input must not multiply time by much more than four.

    Linear code gives ~4x; quadratic backtracking gives ~16x. The bound (9x, or
    a 20 ms floor for inputs refused almost at once) leaves room for a busy CI
    machine without letting a quadratic case through."""
    t_small = _best_time(HOSTILE[name](25_000))
    t_large = _best_time(HOSTILE[name](100_000))
    assert t_large < max(9 * t_small, 0.02), (name, t_small, t_large)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>, Aqua", "Aqua"),
        ("<img src=x onerror=alert(1)>, Aqua", "Aqua"),
        ("Water'; DROP TABLE ingredients; --, Glycerin", "Glycerin"),
        ('=HYPERLINK("http://evil"), Aqua', "Aqua"),
    ],
)
def test_markup_and_injection_are_just_text(
    screener_real: Screener, text: str, expected: str
) -> None:
    report = screener_real.screen(text)
    assert expected in [i.inci for i in report.ingredients]
    # Tags are removed before reading; what remains is inert text in a pydantic model.
    assert all("<" not in item.text for item in report.ingredients)
    assert report.model_dump_json()


def test_oversized_text_refused_with_the_limit(screener_real: Screener) -> None:
    with pytest.raises(ScreenError, match="limit is 100,000"):
        screener_real.screen("Aqua, " * 30_000)


def test_twenty_thousand_entries_refused_with_advice(screener_real: Screener) -> None:
    with pytest.raises(ScreenError, match="one product at a time"):
        screener_real.screen(", ".join(["Aqua"] * 20_000), max_chars=10**7)


def test_binary_refused(screener_real: Screener) -> None:
    with pytest.raises(ScreenError, match="binary"):
        screener_real.screen(bytes(range(256)) * 4)
    with pytest.raises(ScreenError, match="binary"):
        screener_real.screen("\x00\x01\x02\x03" * 100)
