"""Repairs of names split at a comma, of missing commas, and of names cut short.

Every row is a label form met in a real catalog (the cases that once broke);
the expected reading is what a person reading the label would write down.
"""

from __future__ import annotations

import pytest

from screener.errors import ScreenError
from screener.repair import exact_match, repair, split_run_together
from screener.screen import Screener


def names(report: object) -> list[tuple[str | None, str]]:
    return [(i.inci, i.match) for i in report.ingredients]  # type: ignore[attr-defined]


# printed list → the canonical names read, in order
JOINS = [
    ("Aqua, 1, 2 Hexanediol, Glycerin", ["Aqua", "1,2-Hexanediol", "Glycerin"]),
    ("Homosalate, Ethylhexyl, Salicylate", ["Homosalate", "Ethylhexyl Salicylate"]),
    ("Aqua, Disodium, EDTA", ["Aqua", "Disodium EDTA"]),
    ("Glycerin, Butylphenyl, Methylpropional", ["Glycerin", "Butylphenyl Methylpropional"]),
    (
        "Aqua, Citrus Paradisi (Grapefruit), Fruit Extract",
        ["Aqua", "Citrus Paradisi Fruit Extract"],
    ),
    ("Aqua, Alcohol, Denat.", ["Aqua", "Alcohol Denat."]),
]

SPLITS = [
    ("Water Glycerin, Niacinamide", ["Aqua", "Glycerin", "Niacinamide"]),
    ("Aqua, Chlorphenesin Phenoxyethanol", ["Aqua", "Chlorphenesin", "Phenoxyethanol"]),
    (
        "Caprylic/Capric Triglyceride Dicaprylyl Carbonate Squalane Rosa Canina Fruit Oil",
        [
            "Caprylic/Capric Triglyceride",
            "Dicaprylyl Carbonate",
            "Squalane",
            "Rosa Canina Fruit Oil",
        ],
    ),
    (
        "Aqua, Polyacrylamide C13-14 Isoparaffin Laureth-7",
        ["Aqua", "Polyacrylamide", "C13-14 Isoparaffin", "Laureth-7"],
    ),
    (
        "Aqua, Lavandula Angustifolia (Lavender) Oil* Pelargonium Graveolens Flower Oil*",
        ["Aqua", "Lavandula Angustifolia Oil", "Pelargonium Graveolens Flower Oil"],
    ),
]

# Must stay as printed: each once went wrong, or nearly did.
UNTOUCHED = [
    # a parenthesised alias of one half must not name the joined pair
    ("Aqua, Heilmoor Clay, Titanium Dioxide (CI 77891)", 3, "Titanium Dioxide"),
    # a neighbour that adds nothing is not joined into the known name
    ("Aqua, Oleanolic Acid, /, Glycerin", None, "Oleanolic Acid"),
    # a parenthesised common name is not a piece of its own
    ("Aqua, Citrus Aurantium Amara (Neroli) Oil", 2, None),
    # one INCI name with a slash inside is not two ingredients
    ("Aqua, Hydrogenated Palm/Palm Kernel Oil PEG-6 Esters", 2, None),
    # two recognised neighbours are never joined
    ("Aqua, Glycerin, Water", 3, None),
]


@pytest.mark.parametrize(("text", "expected"), JOINS + SPLITS)
def test_repaired_reading(screener_real: Screener, text: str, expected: list[str]) -> None:
    report = screener_real.screen(text)
    assert [i.inci for i in report.ingredients] == expected
    assert all(i.match in ("exact", "alias") for i in report.ingredients)
    assert [i.position for i in report.ingredients] == list(range(1, len(expected) + 1))
    assert any("split at a comma" in n or "missing a comma" in n for n in report.notes)


@pytest.mark.parametrize(("text", "count", "present"), UNTOUCHED)
def test_left_as_printed(
    screener_real: Screener, text: str, count: int | None, present: str | None
) -> None:
    report = screener_real.screen(text)
    if count is not None:
        assert len(report.ingredients) == count
    if present is not None:
        assert [i.inci for i in report.ingredients].count(present) == 1
    assert not any("read as one ingredient" in n for n in report.notes)


def test_split_needs_one_reading(screener_real: Screener) -> None:
    m = screener_real.matcher
    assert split_run_together("Zzyzx Glycerin", m) is None  # a word left over
    assert split_run_together("Glycerin", m) is None  # one piece is no repair
    assert split_run_together(" ".join(["Glycerin"] * 30), m) is None  # too long to try
    # a broad family ("Copper Complex" as a salt) is not trusted as a piece
    assert split_run_together("Methyl Glucoside Phosphate Proline Lysine Copper Complex", m) is None
    pieces = split_run_together("Water Squalane", m)
    assert pieces is not None and [p for p, _ in pieces] == ["Water", "Squalane"]


def test_exact_match_never_guesses(screener_real: Screener) -> None:
    m = screener_real.matcher
    assert exact_match("Glycerine", m) is not None  # a recorded alias
    assert exact_match("Glycerinn", m) is None  # a fuzzy guess is not enough
    assert exact_match("Foo (Glycerin)", m) is None  # nor a parenthesised part alone


def test_repair_is_identity_when_all_known(screener_real: Screener) -> None:
    m = screener_real.matcher
    texts = ["Aqua", "Glycerin"]
    matches = [m.match_name(t) for t in texts]
    assert repair(texts, matches, m) is None
    texts = ["Aqua", "Zzyzx Quux"]  # unknown, but nothing to repair
    assert repair(texts, [m.match_name(t) for t in texts], m) is None


CUT_SHORT = [
    ("Acrylates/C10-30 Alkyl", "Acrylates/C10-30 Alkyl Acrylate Crosspolymer"),
    ("Bis-PEG-18 Methyl Ether Dimethyl", "Bis-PEG-18 Methyl Ether Dimethyl Silane"),
    ("Hydroxyisohexyl 3-Cyclohexene", "Hydroxyisohexyl 3-Cyclohexene Carboxaldehyde"),
]


@pytest.mark.parametrize(("printed", "completed"), CUT_SHORT)
def test_name_cut_short_is_a_guess(screener_real: Screener, printed: str, completed: str) -> None:
    report = screener_real.screen(f"Aqua, {printed}")
    item = report.ingredients[1]
    assert (item.inci, item.match) == (completed, "fuzzy")
    assert item.confidence <= 0.5
    assert report.verdict.recognised_share == 0.5  # a guess is not recognition
    assert any("cut short" in n for n in report.notes)


@pytest.mark.parametrize(
    "printed",
    [
        "C12-15",  # one word: C12-15 Alkyl Benzoate, Alcohols, Pareth-n… too many
        "Capric Triglyceride",  # not the start of any name (Caprylic/Capric is)
        "Sodium",  # one word
    ],
)
def test_ambiguous_or_short_prefix_stays_unknown(screener_real: Screener, printed: str) -> None:
    report = screener_real.screen(f"Aqua, Glycerin, {printed}")
    assert report.ingredients[-1].match == "unknown"


@pytest.mark.parametrize("printed", ["Caprylic/Capric", "Hydrogenated Palm"])
def test_prefix_shared_by_two_ingredients_is_no_completion(
    screener_real: Screener, printed: str
) -> None:
    from screener.normalise import fold_name

    m = screener_real.matcher
    assert m._completion(fold_name(printed), printed) is None
    assert m._completion("glyceryl", "Glyceryl") is None  # one word
    assert m.match_name("Sodium Hyaluronate").kind == "exact"  # a whole name is never completed


def test_missing_comma_is_not_a_plant(screener_real: Screener) -> None:
    """'Squalane Rosa Canina Fruit Oil' has the botanical shape but starts with an
    ingredient that is not a genus: two entries, not one unknown plant."""
    found = screener_real.matcher.match_name("Squalane Rosa Canina Fruit Oil", allow_fuzzy=False)
    assert found.kind == "unknown"
    report = screener_real.screen("Aqua, Squalane Rosa Canina Fruit Oil")
    assert [i.inci for i in report.ingredients] == ["Aqua", "Squalane", "Rosa Canina Fruit Oil"]
    # a genus that is also an ingredient name still reads as a plant
    plant = screener_real.matcher.match_name("Glycine Max Flower Extract", allow_fuzzy=False)
    assert plant.kind in ("exact", "alias", "family")


def test_join_confirms_a_guess(screener_real: Screener) -> None:
    report = screener_real.screen("Aqua, Hydroxyisohexyl 3-Cyclohexene, Carboxaldehyde")
    assert [(i.inci, i.match) for i in report.ingredients] == [
        ("Aqua", "exact"),
        ("Hydroxyisohexyl 3-Cyclohexene Carboxaldehyde", "exact"),
    ]


def test_repair_work_is_bounded(screener_real: Screener, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of unknown words with plant-like endings: the spans actually
    matched stay under the per-entry and per-list budgets."""
    import screener.repair as repair_module

    calls = 0
    real = repair_module._exact_match

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(repair_module, "_exact_match", counting)
    entries = [
        f"Zq{i} Rosa Xq{i} Canina Leaf Oil Wq{i} Extract Yq{i} Seed Oil Vq{i} Water"
        for i in range(300)
    ]
    with pytest.raises(ScreenError):  # nothing recognised: refused as prose
        screener_real.screen(", ".join(entries))
    bound = repair_module.MAX_SPLITS_PER_LIST * repair_module.MAX_SPLIT_TRIES + 2 * len(entries)
    assert 0 < calls <= bound
