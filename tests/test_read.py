"""One case per label convention, from real-looking labels."""

from __future__ import annotations

import pytest

from screener.errors import ScreenError
from screener.read import read_label


def names(text: str) -> list[str]:
    return [e.name for e in read_label(text).entries]


# US OTC "Drug Facts" panels (21 CFR 201.66), written the ways they are copied:
# headings with or without colons, one active per line with its purpose, a
# whole panel flattened to one line, inactive ingredients after the warnings.
DRUG_FACTS = [
    (
        "headings without colons, one active per line",
        "Active ingredient\nPetrolatum 46.5%\nInactive ingredients\nmineral oil, paraffin, ceresin",
        ["Petrolatum", "mineral oil", "paraffin", "ceresin"],
    ),
    (
        "actives table with a Purpose column",
        "Drug Facts\nActive ingredients Purpose\nAvobenzone 3% Sunscreen\nHomosalate 10% Sunscreen\n"
        "Octisalate 5% Sunscreen\nUses\n• helps prevent sunburn\nWarnings\nFor external use only\n"
        "Directions\n• apply liberally\nInactive ingredients water, glycerin, dimethicone\n"
        "Questions? 1-800-000-0000",
        ["Avobenzone", "Homosalate", "Octisalate", "water", "glycerin", "dimethicone"],
    ),
    (
        "flattened to one line",
        "active ingredient salicylic acid 2% purpose acne treatment inactive ingredients water, "
        "sodium laureth sulfate",
        ["salicylic acid", "water", "sodium laureth sulfate"],
    ),
    (
        "several actives on one line",
        "Active ingredients: octinoxate 7.5% oxybenzone 4% Inactive ingredients: petrolatum, water",
        ["octinoxate", "oxybenzone", "petrolatum", "water"],
    ),
    (
        "active ingredient per unit",
        "Active ingredient (in each gram) Purpose\nZinc oxide 20% ... Skin protectant\n"
        "Inactive ingredients: dimethicone, petrolatum",
        ["Zinc oxide", "dimethicone", "petrolatum"],
    ),
    (
        "percentage first",
        "Active Ingredients: 9.0% Zinc oxide, 7.5% Octinoxate\nInactive Ingredients: Water, Glycerin",
        ["Zinc oxide", "Octinoxate", "Water", "Glycerin"],
    ),
    (
        "glued header, (w/w) and purposes",
        "Active ingredientsPurpose\nDimethicone 2.0% (w/w)Lip protectant\n"
        "Octinoxate 7.5% (w/w)Sunscreen\nInactive ingredients\nbeeswax, lanolin, petrolatum",
        ["Dimethicone", "Octinoxate", "beeswax", "lanolin", "petrolatum"],
    ),
    (
        "actives printed without their heading",
        "Dimethicone 2.0% (w/w) Lip protectant\nOxybenzone 2.5% (w/w) Sunscreen\n"
        "Inactive ingredients\nbeeswax, ozokerite",
        ["Dimethicone", "Oxybenzone", "beeswax", "ozokerite"],
    ),
    (
        "other ingredients as the inactive heading",
        "Active Ingredients: Camphor 0.6% Menthol 0.6% Purpose: External Analgesic "
        "Other Ingredients: Cera Alba, Lanolin",
        ["Camphor", "Menthol", "Cera Alba", "Lanolin"],
    ),
]


@pytest.mark.parametrize(
    ("convention", "text", "expected"),
    [
        ("comma", "Water, Glycerin, Dimethicone", ["Water", "Glycerin", "Dimethicone"]),
        ("semicolon", "Water; Glycerin; Dimethicone", ["Water", "Glycerin", "Dimethicone"]),
        ("newline list", "Water\nGlycerin\nDimethicone\n", ["Water", "Glycerin", "Dimethicone"]),
        ("bullet •", "Water • Glycerin • Dimethicone", ["Water", "Glycerin", "Dimethicone"]),
        ("middle dot ·", "Water · Glycerin · Dimethicone", ["Water", "Glycerin", "Dimethicone"]),
        ("pipe |", "Water | Glycerin | Dimethicone", ["Water", "Glycerin", "Dimethicone"]),
        (
            "dash bullets",
            "- Water\n- Glycerin\n- Dimethicone",
            ["Water", "Glycerin", "Dimethicone"],
        ),
        (
            "wrapped comma list",
            "Water, Caprylic/Capric\nTriglyceride, Glycerin",
            ["Water", "Caprylic/Capric Triglyceride", "Glycerin"],
        ),
        ("preamble", "Ingredients: Water, Glycerin.", ["Water", "Glycerin"]),
        ("French preamble", "Ingrédients : Aqua, Glycerin", ["Aqua", "Glycerin"]),
        ("German preamble", "INHALTSSTOFFE: Aqua, Glycerin", ["Aqua", "Glycerin"]),
        ("Spanish preamble", "Ingredientes: Aqua, Glycerin", ["Aqua", "Glycerin"]),
        ("INCI preamble", "INCI: Aqua, Glycerin", ["Aqua", "Glycerin"]),
        (
            "locant commas",
            "Water, 1,2-Hexanediol, Glycerin",
            ["Water", "1,2-Hexanediol", "Glycerin"],
        ),
        (
            "two locants",
            "2-Bromo-2-Nitropropane-1,3-Diol, Water",
            ["2-Bromo-2-Nitropropane-1,3-Diol", "Water"],
        ),
        ("locant with space", "Water, 1, 2-Hexanediol", ["Water", "1, 2-Hexanediol"]),
        ("parenthesised alias", "Aqua (Water), Glycerin", ["Aqua", "Glycerin"]),
        (
            "common name inside",
            "Butyrospermum Parkii (Shea) Butter",
            ["Butyrospermum Parkii Butter"],
        ),
        ("CI in parentheses", "Titanium Dioxide (CI 77891)", ["Titanium Dioxide"]),
        (
            "list in parentheses",
            "Iron Oxides (CI 77491, CI 77492, CI 77499), Talc",
            ["Iron Oxides", "Talc"],
        ),
        (
            "spaced slash synonyms",
            "AQUA / WATER / EAU, Glycerin",
            ["AQUA / WATER / EAU", "Glycerin"],
        ),
        ("INCI slash kept", "Caprylic/Capric Triglyceride", ["Caprylic/Capric Triglyceride"]),
        (
            "polymer slash kept",
            "Acrylates/C10-30 Alkyl Acrylate Crosspolymer",
            ["Acrylates/C10-30 Alkyl Acrylate Crosspolymer"],
        ),
        (
            "supplier blend",
            "Glyceryl Stearate (and) PEG-100 Stearate, Water",
            ["Glyceryl Stearate", "PEG-100 Stearate", "Water"],
        ),
        ("percentage after", "Niacinamide 10%, Zinc PCA 1%", ["Niacinamide", "Zinc PCA"]),
        ("percentage before", "10% Niacinamide", ["Niacinamide"]),
        ("decimal comma percentage", "Retinol 0,3%, Water", ["Retinol", "Water"]),
        ("nano", "Titanium Dioxide (nano), Zinc Oxide [nano]", ["Titanium Dioxide", "Zinc Oxide"]),
        (
            "organic marker",
            "Aloe Barbadensis Leaf Juice*, Water",
            ["Aloe Barbadensis Leaf Juice", "Water"],
        ),
        (
            "leading marker",
            "*Aloe Barbadensis Leaf Juice, Water",
            ["Aloe Barbadensis Leaf Juice", "Water"],
        ),
        (
            "footnote text",
            "Water, Aloe Barbadensis Leaf Juice*, Glycerin. *Certified organic ingredient",
            ["Water", "Aloe Barbadensis Leaf Juice", "Glycerin"],
        ),
        (
            "footnote glued to last entry",
            "Water, Lavender Oil*, Phenoxyethanol * Essential Oil",
            ["Water", "Lavender Oil", "Phenoxyethanol"],
        ),
        (
            "footnote without keywords",
            "Aqua, Rose Oil*, Linalool. *Napiers Original Formula",
            ["Aqua", "Rose Oil", "Linalool"],
        ),
        (
            "kit section heading",
            "STEP 01 Super Booster: Cetyl Ethylhexanoate, Water",
            ["Cetyl Ethylhexanoate", "Water"],
        ),
        (
            "locant after a number",
            "Polysorbate 20, 1,2-Hexanediol, Water",
            ["Polysorbate 20", "1,2-Hexanediol", "Water"],
        ),
        (
            "number then a locant-like name",
            "Trifluoroacetyl Tripeptide-2, 10-Hydroxydecanoic Acid",
            ["Trifluoroacetyl Tripeptide-2", "10-Hydroxydecanoic Acid"],
        ),
        ("glued percentage", "Octisalate 5.0%Water, Glycerin", ["Octisalate", "Water", "Glycerin"]),
        (
            # The printed name is tried first, without "Organic" next (test_read_entries.py).
            "organic prefix",
            "Organic Aloe Barbadensis Leaf Juice, Water",
            ["Organic Aloe Barbadensis Leaf Juice", "Water"],
        ),
        ("footnote text °", "Aqua, Glycerin°. °from organic farming", ["Aqua", "Glycerin"]),
        (
            "html entities",
            "Water&nbsp;, Caprylic&#x2F;Capric Triglyceride",
            ["Water", "Caprylic/Capric Triglyceride"],
        ),
        ("html tags", "<p>Water,<br>Glycerin</p>", ["Water", "Glycerin"]),
        ("zero-width space", "Wa\u200bter, Glyc\u200berin", ["Water", "Glycerin"]),
        ("OCR Cl", "Talc, Cl 77491", ["Talc", "CI 77491"]),
        (
            "trailing period",
            "Water, Glycerin, Alcohol Denat.",
            ["Water", "Glycerin", "Alcohol Denat."],
        ),
        (
            "trailing directions",
            "Water, Glycerin. Directions: apply twice daily.",
            ["Water", "Glycerin"],
        ),
        (
            "trailing warnings",
            "Water, Glycerin Warnings: for external use only",
            ["Water", "Glycerin"],
        ),
        (
            "retailer disclaimer",
            "Water, Glycerin. Please be aware that ingredient lists may change or vary from time to time.",
            ["Water", "Glycerin"],
        ),
        ("and before last", "Water, Glycerin, and Tocopherol", ["Water", "Glycerin", "Tocopherol"]),
        (
            "unbalanced bracket",
            "Water, Glycerin (Vegetable, Dimethicone",
            ["Water", "Glycerin", "Dimethicone"],
        ),
        (
            "active/inactive sections",
            "Active Ingredients: Zinc Oxide 20%. Inactive Ingredients: Water, Glycerin",
            ["Zinc Oxide", "Water", "Glycerin"],
        ),
        ("pharmacopoeia grade split off", "Petrolatum, USP, Glycerin", ["Petrolatum", "Glycerin"]),
        (
            "heading naming the product",
            "Ingredients of the Gentle Cleanser: Water, Cetyl Alcohol",
            ["Water", "Cetyl Alcohol"],
        ),
    ]
    + [("Drug Facts: " + case, text, expected) for case, text, expected in DRUG_FACTS],
)
def test_label_conventions(convention: str, text: str, expected: list[str]) -> None:
    assert names(text) == expected, convention


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("Talc, Mica, May Contain: CI 77891, CI 77491", [False, False, True, True]),
        ("Talc, Mica, May contain (+/-): CI 77891, CI 77491", [False, False, True, True]),
        ("Talc, Mica [+/-: CI 77891, CI 77491], Silica", [False, False, True, True, False]),
        ("Talc, Mica +/- CI 77891, CI 77491", [False, False, True, True]),
        ("Talc, Mica. Peut contenir: CI 77891", [False, False, True]),
        ("Talc, Maycontain: Mica", [False, True]),
        ("Talc, Mica, [+/- CI 77891, CI 77491]", [False, False, True, True]),
    ],
)
def test_may_contain_blocks(text: str, flags: list[bool]) -> None:
    assert [e.may_contain for e in read_label(text).entries] == flags


def test_entry_keeps_printed_text_position_and_annotations() -> None:
    label = read_label("Ingredients: Aqua (Water), Niacinamide 10%, Zinc Oxide (nano), Aloe Vera*")
    first, second, third, fourth = label.entries
    assert (first.text, first.position, first.candidates) == (
        "Aqua (Water)",
        1,
        ("Aqua (Water)", "Water"),
    )
    assert second.text == "Niacinamide 10%" and second.annotations == ("10%",)
    assert third.annotations == ("nano",) and third.position == 3
    assert fourth.annotations == ("footnote *",)


def test_drug_facts_sections_are_reported() -> None:
    label = read_label(DRUG_FACTS[1][1])
    assert any("Drug Facts" in n and "Warnings" in n for n in label.notes)
    assert [e.annotations for e in label.entries[:3]] == [("3%",), ("10%",), ("5%",)]
    # an ordinary label that merely mentions actives is left alone
    assert names("Water, Glycerin, Active ingredients blend") == [
        "Water",
        "Glycerin",
        "Active ingredients blend",
    ]


def test_cut_text_is_reported_never_silently_dropped() -> None:
    label = read_label(
        "Our best cream. Ingredients: Water, Glycerin*. *organic. Directions: apply daily."
    )
    joined = " ".join(label.notes)
    assert "Our best cream" in joined
    assert "Directions: apply daily" in joined
    assert "*organic" in joined


def test_blend_entries_are_marked() -> None:
    entries = read_label("Glyceryl Stearate (and) PEG-100 Stearate").entries
    assert all("blend" in e.annotations for e in entries)
    assert [e.position for e in entries] == [1, 2]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        (None, "No ingredient list"),
        (12345, "as text"),
        (b"\xff\xfe\x00\x01binary", "binary"),
        ("x" * 200_001, "limit"),
        (",,,;;;", "No ingredients"),
    ],
)
def test_bad_input_raises_screen_error(given: object, message: str) -> None:
    with pytest.raises(ScreenError, match=message):
        read_label(given)


def test_screen_error_is_a_value_error() -> None:
    assert issubclass(ScreenError, ValueError)
