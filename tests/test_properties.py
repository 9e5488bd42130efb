"""Property-based tests (hypothesis) over the parser, screen() and batch."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from screener.batch import screen_frame
from screener.database import Database
from screener.errors import ScreenError
from screener.normalise import fold_name
from screener.read import read_label
from screener.screen import Screener

FAST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FAST
@given(st.text(max_size=400))
def test_parse_never_raises_anything_but_screen_error(text: str) -> None:
    try:
        label = read_label(text)
    except ScreenError:
        return
    assert [e.position for e in label.entries] == list(range(1, len(label.entries) + 1))


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_screen_never_raises_anything_but_screen_error(screener_real: Screener, text: str) -> None:
    try:
        screener_real.screen(text)
    except ScreenError:
        pass


@FAST
@given(st.text(max_size=80))
def test_folding_is_idempotent(name: str) -> None:
    once = fold_name(name)
    assert fold_name(once) == once


_POOL: list[str] = []


def _pool(screener: Screener) -> list[str]:
    """Canonical names that screen back to themselves when printed alone."""
    if not _POOL:
        for ing in screener.db.ingredients:
            name = ing.inci
            try:
                items = screener.screen(f"Aqua, {name}").ingredients
            except ScreenError:
                continue
            if len(items) == 2 and items[1].inci == name:
                _POOL.append(name)
    return _POOL


@FAST
@given(data=st.data())
def test_every_declared_ingredient_comes_back_once_in_order(
    screener_real: Screener, data: st.DataObject
) -> None:
    pool = _pool(screener_real)
    names = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=40, unique=True))
    separator = data.draw(st.sampled_from([", ", "; ", "\n", " • ", ",  ", " | "]))
    preamble = data.draw(st.sampled_from(["", "Ingredients: ", "INGREDIENTS:\n", "Inci: "]))
    ending = data.draw(st.sampled_from(["", ".", ". Directions: apply daily."]))
    text = preamble + separator.join(names) + ending
    assume("\n" not in separator or all("," not in n for n in names))
    report = screener_real.screen(text)
    assert [i.inci for i in report.ingredients] == names


@FAST
@given(data=st.data())
def test_rescreening_printed_names_gives_same_canonical_list(
    screener_real: Screener, data: st.DataObject
) -> None:
    pool = _pool(screener_real)
    names = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=30, unique=True))
    first = screener_real.screen(", ".join(names))
    again = screener_real.screen(", ".join(i.text for i in first.ingredients))
    assert [i.inci for i in again.ingredients] == [i.inci for i in first.ingredients]


def test_name_folding_idempotent_over_database(db: Database) -> None:
    for ing in db.ingredients:
        for name in (ing.inci, *ing.aliases):
            assert fold_name(fold_name(name)) == fold_name(name)


cells = st.one_of(
    st.none(),
    st.just(float("nan")),
    st.text(max_size=60),
    st.sampled_from(["Aqua, Glycerin", "#NAME?", "No Info", "['aqua', 'petrolatum']", "=1+1"]),
)


@FAST
@given(st.lists(st.tuples(cells, st.text(max_size=10)), min_size=0, max_size=25))
def test_batch_keeps_rows_order_and_columns(
    screener_real: Screener, rows: list[tuple[object, str]]
) -> None:
    df = pd.DataFrame(rows, columns=["Ingredients", "Name"])
    df.index = pd.Index([f"r{i}" for i in range(len(df))])
    out = screen_frame(df, screener=screener_real)
    assert len(out) == len(df)
    assert list(out.index) == list(df.index)
    assert list(out.columns[: len(df.columns)]) == list(df.columns)
    pd.testing.assert_frame_equal(out[df.columns], df)


# Pieces of real label conventions that the reader repairs or reinterprets:
# Drug Facts headings and purposes, grades, split names, run-together names,
# cut-short and reviewed-unknown forms, percentages, may-contain blocks.
_LABEL_PIECES = [
    "Aqua",
    "Glycerin",
    "Petrolatum",
    "Mineral Oil",
    "Niacinamide",
    "Retinol",
    "Isopropyl Myristate",
    "Zinc Oxide 20%",
    "Active ingredients",
    "Inactive ingredients",
    "Other ingredients",
    "Purpose",
    "Uses",
    "Warnings",
    "Sunscreen",
    "(w/w)",
    "USP",
    "Light",
    "1",
    "2 Hexanediol",
    "Ethylhexyl",
    "Salicylate",
    "Water Glycerin",
    "Acrylates/C10-30 Alkyl",
    "Capric Triglyceride",
    "Zzyzx Quux",
    "May contain:",
    "Glycerin1",
]


@FAST
@given(
    st.lists(
        st.tuples(st.sampled_from(_LABEL_PIECES), st.sampled_from([", ", ",", " ", "\n", "; "])),
        min_size=1,
        max_size=25,
    )
)
def test_repairs_and_drug_facts_agree_between_screen_and_batch(
    screener_real: Screener, pieces: list[tuple[str, str]]
) -> None:
    """screen() and the batch path make the same repairs and readings: the same
    refusal, the same entry count, the same verdict and counts."""
    text = "".join(piece + sep for piece, sep in pieces)
    try:
        full = screener_real.screen(text)
    except ScreenError as exc:
        try:
            screener_real.summarise(text)
        except ScreenError as lean_exc:
            assert str(lean_exc) == str(exc)
            return
        raise AssertionError(f"only screen() refused {text!r}") from None
    lean = screener_real.summarise(text)
    assert lean["entries"] == len(full.ingredients)
    assert (lean["verdict"], lean["counts"]) == (full.verdict.label, full.verdict.counts)
