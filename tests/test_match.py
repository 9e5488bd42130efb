"""Matching: exact → alias → folded → family → fuzzy; look-alikes never merge."""

from __future__ import annotations

import pytest

from screener.match import safe_guess
from screener.screen import Screener

LOOKALIKES = [
    ("Retinol", "Retinal"),
    ("Retinol", "Retinyl Palmitate"),
    ("Retinal", "Retinyl Palmitate"),
    ("Squalane", "Squalene"),
    ("Sodium Lauryl Sulfate", "Sodium Laureth Sulfate"),
    ("Cetyl Alcohol", "Cetearyl Alcohol"),
    ("Tocopherol", "Tocopheryl Acetate"),
    ("Glyceryl Stearate", "Glyceryl Stearate SE"),
    ("Acetylated Lanolin", "Acetylated Lanolin Alcohol"),
    ("PEG-40 Hydrogenated Castor Oil", "PEG-60 Hydrogenated Castor Oil"),
    ("Steareth-2", "Steareth-20"),
]


def kinds(screener: Screener, text: str) -> list[tuple[str | None, str]]:
    report = screener.screen(text)
    return [(i.inci, i.match) for i in report.ingredients]


@pytest.mark.parametrize(("a", "b"), LOOKALIKES)
def test_lookalikes_never_merge(screener_real: Screener, a: str, b: str) -> None:
    found = kinds(screener_real, f"{a}, {b}")
    assert found[0] == (a, "exact")
    assert found[1] == (b, "exact")


def test_every_recorded_lookalike_pair_stays_apart(screener_real: Screener) -> None:
    """Every pair in rules/lookalikes.csv, printed side by side, reads as two
    different ingredients, each by its own name (no guess, no merge)."""
    for row in screener_real.db.lookalikes:
        found = kinds(screener_real, f"{row.a}, {row.b}")
        assert len(found) == 2, (row.a, row.b, found)
        (a_inci, a_kind), (b_inci, b_kind) = found
        assert a_kind in ("exact", "alias") and b_kind in ("exact", "alias"), (row.a, row.b, found)
        assert a_inci != b_inci, (row.a, row.b)


@pytest.mark.parametrize(
    ("printed", "inci", "kind"),
    [
        ("Water", "Aqua", "alias"),
        # a grade or processing word before a common name: the same substance
        ("Extra Virgin Olive Oil", "Olea Europaea Fruit Oil", "alias"),
        ("Light Mineral Oil", "Paraffinum Liquidum", "alias"),
        ("Cold-Pressed Jojoba Oil", "Simmondsia Chinensis Seed Oil", "alias"),
        ("Hydrogenated Olive Oil", "Hydrogenated Olive Oil", "exact"),  # never stripped
        # a pharmacopoeia grade after the name
        ("White Petrolatum USP", "Petrolatum", "alias"),
        ("Glycerin USP/NF", "Glycerin", "exact"),
        ("Sorbitan 0livate", "Sorbitan Olivate", "exact"),
        # a superscript footnote number flattened by copy and paste
        ("Glycerin1", "Glycerin", "exact"),
        ("Polysorbate20", "Polysorbate 20", "exact"),  # a real number is read first
        ("Aqua", "Aqua", "exact"),
        ("AQUA / WATER / EAU", "Aqua", "alias"),
        ("Water/Aqua/Eau", "Aqua", "alias"),
        ("Water\\Aqua\\Eau", "Aqua", "alias"),
        ("Aqua (Water)", "Aqua", "exact"),
        ("Fragrance", "Parfum", "alias"),
        ("Mineral Oil", "Paraffinum Liquidum", "alias"),
        ("Octyl Palmitate", "Ethylhexyl Palmitate", "alias"),
        ("Butyrospermum Parkii (Shea) Butter", "Butyrospermum Parkii Butter", "exact"),
        ("Shea Butter", "Butyrospermum Parkii Butter", "alias"),
        ("Sodium Lauryl Sulphate", "Sodium Lauryl Sulfate", "exact"),
        ("PEG 100 Stearate", "PEG-100 Stearate", "exact"),
        ("Polysorbate-20", "Polysorbate 20", "exact"),
        ("caprylic / capric triglyceride", "Caprylic/Capric Triglyceride", "exact"),
        ("Titanium Dioxide (CI 77891)", "Titanium Dioxide", "exact"),
        ("Cl 77891", "Titanium Dioxide", "alias"),
        ("Vitamin E", "Tocopherol", "alias"),
        ("Alcohol Denat.", "Alcohol Denat.", "exact"),
        ("1,2-Hexanediol", "1,2-Hexanediol", "exact"),
    ],
)
def test_match_kinds(screener_real: Screener, printed: str, inci: str, kind: str) -> None:
    assert kinds(screener_real, printed)[0] == (inci, kind)


@pytest.mark.parametrize(
    ("printed", "inci"),
    [
        ("Dimethicon", "Dimethicone"),
        ("Phenoxyethanole", "Phenoxyethanol"),
        ("Glycerine.", "Glycerin"),
    ],
)
def test_fuzzy_guesses_are_marked(screener_real: Screener, printed: str, inci: str) -> None:
    item = screener_real.screen(f"Water, {printed}").ingredients[1]
    assert item.inci == inci
    assert item.match in ("fuzzy", "alias")
    if item.match == "fuzzy":
        assert item.confidence < 0.8


def test_unknown_stays_in_report(screener_real: Screener) -> None:
    report = screener_real.screen("Water, Zzyzx Quuxolate, Glycerin")
    unknown = report.ingredients[1]
    assert unknown.inci is None and unknown.match == "unknown" and unknown.confidence == 0
    assert [i.position for i in report.ingredients] == [1, 2, 3]
    assert any("Zzyzx" in n for n in report.notes)


@pytest.mark.parametrize(
    ("query", "candidate", "ok"),
    [
        ("dimethicon", "dimethicone", True),
        ("retinal", "retinol", False),
        ("squalene", "squalane", False),
        ("tocopheryl", "tocopherol", False),
        ("peg40 stearate", "peg4 stearate", False),
        ("sodium laureth sulfate", "sodium lauryl sulfate", False),
        ("phenoxyethanole", "phenoxyethanol", True),
        ("caffeinee", "caffeine", True),  # a doubled last letter
        ("phenoxyethano", "phenoxyethanol", True),  # a letter lost from a long word
        ("neroli", "nerol", False),  # the oil is not the alcohol
        ("citronella", "citronellal", False),  # the oil is not the aldehyde
        ("polyglyceryl-10", "polyglycerin-10", False),  # an ester cut short
        ("methyl lactate", "menthyl lactate", False),  # radicals one letter apart
        ("ethyl lactate", "methyl lactate", False),
        ("ethylhexyl palmitat", "ethylhexyl palmitate", True),
        ("caprylic/capric glycerides", "caprylic/capric triglyceride", False),
        ("propylene glycol dicoco-caprylate", "propylene glycol dicaprylate", False),
        ("neopentyl glycol dicaprylate", "neopentyl glycol dicaprate", False),
        ("glucuronolactone", "gluconolactone", False),
        ("methylheptyl isostearate", "ethylhexyl isostearate", False),
        ("polymethylsilsequioxane", "polymethylsilsesquioxane", True),
        ("stearamidopropyl pg-dimonium", "linoleamidopropyl pg-dimonium", False),
        ("polyether-1", "polyester-1", False),
        ("propylene glycol dioleate", "propylene glycol dicocoate", False),
        ("covo-caprylate/carpate", "coco-caprylate/caprate", True),  # two typos in a long word
        ("guar hydroxypropultrimonium chloride", "guar hydroxypropyltrimonium chloride", True),
    ],
)
def test_fuzzy_guard(query: str, candidate: str, ok: bool) -> None:
    assert safe_guess(query, candidate) is ok


def test_family_match_reports_family_and_no_rating(screener_real: Screener) -> None:
    report = screener_real.screen(
        "Water, Zzyzxia Quuxensis Leaf Extract, PEG-33 Zzyzxate, CI 99999"
    )
    botanical, peg, ci = report.ingredients[1:]
    assert botanical.match == "family" and botanical.family and botanical.comedogenic is None
    assert botanical.inci == "Zzyzxia Quuxensis Leaf Extract"
    assert peg.match == "family" and peg.inci == "PEG-33 Zzyzxate"
    assert ci.match == "family" and ci.inci == "CI 99999"
    assert all(i.confidence < 0.9 for i in (botanical, peg, ci))


def test_bare_latin_binomial_is_the_plant_without_a_rating(screener_real: Screener) -> None:
    item = screener_real.screen("Aqua, Hamamelis Virginiana (Witch Hazel)").ingredients[1]
    assert item.match == "family" and item.family == "botanical_binomial"
    assert item.inci == "Hamamelis Virginiana" and item.comedogenic is None
    assert item.confidence <= 0.5
