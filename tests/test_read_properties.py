"""Property tests for the read stage's hostile shapes (hypothesis).

Three shapes that once lost entries or took quadratic time: may-contain
markers mixed with bracket pairs, numbered names joined by commas without
spaces (``Laureth-4,1,2-Hexanediol``), and lone surrogates inside names.
For each generated label: (a) no declared entry is lost, and (b) reading
n, 2n, 4n and 8n copies takes time that grows linearly.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.read import read_label

from .linearity import assert_linear

# Names ending in a number, names opening with locants, and plain names.
NUMBERED = ["Laureth-4", "Laureth-7", "Ceramide 3", "Ceramide 5", "Polysorbate 20",
            "Steareth-21", "Ceteareth-20", "CI 77891", "PEG-100 Stearate", "PPG-15 Stearyl Ether"]  # fmt: skip
LOCANT = ["1,2-Hexanediol", "1,2-Pentanediol", "1,2,6-Hexanetriol", "1,3-Propanediol",
          "2,4-Dichlorobenzyl Alcohol"]  # fmt: skip
PLAIN = ["Aqua", "Glycerin", "Dimethicone", "Squalane", "Niacinamide"]
SURROGATES = ["\ud800", "\udbff", "\udc80", "\udcff", "\udfff"]

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TIMING = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])

names = st.sampled_from(NUMBERED + LOCANT + PLAIN)


@PROPERTY
@given(st.lists(names, min_size=1, max_size=30), st.lists(st.sampled_from([",", ", "]), min_size=1))
def test_comma_joined_numbered_names_are_all_read(declared: list[str], commas: list[str]) -> None:
    text = "".join(
        name + (commas[i % len(commas)] if i < len(declared) - 1 else "")
        for i, name in enumerate(declared)
    )
    for fast in (True, False):
        assert [e.text for e in read_label(text, fast=fast).entries] == declared, text


@PROPERTY
@given(
    st.lists(st.sampled_from(PLAIN + NUMBERED), min_size=2, max_size=20),
    st.integers(min_value=1, max_value=19),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=30),
    st.sampled_from(["±", "+/-", "may contain", "[+/-:", "(may contain"]),
)
def test_markers_and_brackets_lose_no_entry(
    declared: list[str], cut: int, markers: int, brackets: int, marker: str
) -> None:
    """Noise of markers and empty bracket pairs, then a may-contain block:
    every declared name is still read, in order, flagged after the marker."""
    cut = min(cut, len(declared) - 1)
    noise = "±" * markers + "()" * brackets
    before, after = declared[:cut], declared[cut:]
    close = {"[": "]", "(": ")"}.get(marker[0], "")
    text = ", ".join(before) + ", " + noise + " " + marker + " " + ", ".join(after) + close
    entries = [e for e in read_label(text).entries if any(c.isalpha() for c in e.text)]
    assert [e.text for e in entries] == declared, text
    assert [e.may_contain for e in entries] == [False] * cut + [True] * len(after), text


@PROPERTY
@given(
    st.lists(
        st.tuples(names, st.sampled_from(SURROGATES), st.integers(min_value=0, max_value=8)),
        min_size=1,
        max_size=20,
    )
)
def test_lone_surrogates_lose_no_entry(parts: list[tuple[str, str, int]]) -> None:
    # After a letter (a surrogate inside "1,2-" or "77891" would make another list).
    spots = []
    for name, _bad, at in parts:
        after_letters = [i + 1 for i, c in enumerate(name) if c.isalpha()]
        spots.append(after_letters[at % len(after_letters)])
    declared = [
        name[:at] + bad + name[at:] for (name, bad, _), at in zip(parts, spots, strict=True)
    ]
    label = read_label(", ".join(declared))
    expected = [
        text.replace(bad, "\ufffd") for text, (_, bad, _) in zip(declared, parts, strict=True)
    ]
    assert [e.text for e in label.entries] == expected
    for entry in label.entries:
        entry.text.encode("utf-8")
        entry.name.encode("utf-8")
        for candidate in entry.candidates:
            candidate.encode("utf-8")


def _grows_linearly(unit: str, copies: int) -> None:
    assert_linear(lambda t: read_label(t, max_chars=10**7), lambda k: unit * k, copies)


@TIMING
@given(
    st.sampled_from(["±", "+/- ", "may contain ", "(", "[+/-: "]),
    st.sampled_from(["()", "[]", "(x)", "((", "))", ""]),
    st.sampled_from(["", "Aqua, ", "Glycerin "]),
)
def test_markers_times_brackets_is_linear(marker: str, bracket: str, name: str) -> None:
    _grows_linearly(marker + bracket + name, 10_000 // len(marker + bracket + name))


@TIMING
@given(st.lists(st.sampled_from(NUMBERED + LOCANT), min_size=2, max_size=6))
def test_comma_joined_names_are_linear(unit: list[str]) -> None:
    _grows_linearly(",".join(unit) + ",", 10_000 // len(",".join(unit)))


@TIMING
@given(st.sampled_from(SURROGATES), st.sampled_from(PLAIN))
def test_surrogates_are_linear(bad: str, name: str) -> None:
    _grows_linearly(name + bad + ", ", 10_000 // len(name + bad + ", "))
