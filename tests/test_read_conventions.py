"""Label conventions an independent review (2026-12-03) found misread, each as a
class with the forms that showed it: package inserts and pharmacopoeia
compositions, Drug Facts wording, headings, page buttons, formula codes,
claims, footnote marks and amounts after a colon.

Each case lists the entries expected, in order, as (INCI or None, percent);
"*" skips the percent check.
"""

from __future__ import annotations

import pytest

from screener.screen import Screener

Expected = list[tuple[str | None, float | None | str]]

CASES: list[tuple[str, str, Expected]] = [
    # -- package inserts: the strength worded around the active ------------
    (
        "one of three strengths: one active, no single percentage",
        "Tretinoin Cream contains tretinoin in one of three strengths, 0.1%, 0.05%, or 0.025% "
        "by weight, in a hydrophilic cream vehicle of stearic acid, isopropyl myristate, and "
        "purified water.",
        [("Tretinoin", None), ("Stearic Acid", None), ("Isopropyl Myristate", None),
         ("Aqua", None)],
    ),
    (
        "strengths with their amounts in brackets",
        "Each gram of tretinoin gel contains tretinoin in either of two strengths, 0.025% "
        "(0.25 mg) or 0.01% (0.1 mg) in a gel vehicle of hydroxypropyl cellulose, butylated "
        "hydroxytoluene, and alcohol.",
        [("Tretinoin", None), ("Hydroxypropylcellulose", None), ("BHT", None),
         ("Alcohol", None)],
    ),
    (
        "'in 0.05% by weight'",
        "Tretinoin cream contains tretinoin in 0.05% by weight, in a hydrophilic cream vehicle "
        "of stearic acid, purified water",
        [("Tretinoin", 0.05), ("Stearic Acid", None), ("Aqua", None)],
    ),
    (
        "'at a concentration of 7.5 mg per gram (0.75%)', a grade between commas, "
        "'in a gel consisting of'",
        "METROGEL Topical Gel contains metronidazole, USP, at a concentration of 7.5 mg per "
        "gram (0.75%) in a gel consisting of carbomer 940, methylparaben, purified water.",
        [("Metronidazole", 0.75), ("Carbomer", None), ("Methylparaben", None), ("Aqua", None)],
    ),
    (
        "'as dispensed, 10 mg (1%) clindamycin as phosphate and 50 mg (5%) benzoyl peroxide'",
        "Each gram of BenzaClin Topical Gel contains, as dispensed, 10 mg (1%) clindamycin as "
        "phosphate and 50 mg (5%) benzoyl peroxide in a base of carbomer, sodium hydroxide, "
        "and purified water.",
        [("Clindamycin Phosphate", 1.0), ("Benzoyl Peroxide", 5.0), ("Carbomer", None),
         ("Sodium Hydroxide", None), ("Aqua", None)],
    ),
    (
        "'0.15 gm azelaic acid (15% w/w) as the active ingredient' is not a heading",
        "Each gram of Finacea Gel, 15%, contains 0.15 gm azelaic acid (15% w/w) as the active "
        "ingredient in an aqueous gel base containing benzoic acid (as a preservative), "
        "lecithin, purified water, and sodium hydroxide to adjust pH.",
        [("Azelaic Acid", 15.0), ("Benzoic Acid", None), ("Lecithin", None), ("Aqua", None),
         ("Sodium Hydroxide", None)],
    ),
    (
        "amounts per gram after a long 'Each gram of ... contains'",
        "Each gram of HYDROQUINONE USP, 4% SKIN BLEACHING CREAM contains 40 mg hydroquinone, in "
        "a cream base of Glyceryl Monostearate, Mineral Oil, Purified water",
        [("Hydroquinone", 4.0), ("Glyceryl Stearate", None), ("Paraffinum Liquidum", None),
         ("Aqua", None)],
    ),
    (
        "'25 mg of hydrocortisone USP'",
        "Each gram contains 25 mg of hydrocortisone USP in a cream base of cetyl alcohol, "
        "white petrolatum, and purified water.",
        [("Hydrocortisone", 2.5), ("Cetyl Alcohol", None), ("Petrolatum", None), ("Aqua", None)],
    ),
    (
        "a strength in the title, then 'contains 1 mg'",
        "Each gram of Triamcinolone Acetonide Cream USP, 0.1% contains 1 mg triamcinolone "
        "acetonide in a cream base consisting of white petrolatum, glycerin and purified water.",
        [("Triamcinolone Acetonide", 0.1), ("Petrolatum", None), ("Glycerin", None),
         ("Aqua", None)],
    ),
    (
        "SmPC 'List of excipients:'",
        "Each gram of cream contains 1 mg mometasone furoate. List of excipients: Hexylene "
        "glycol, Stearyl alcohol, White soft paraffin, Purified water.",
        [("*", "*"), ("Hexylene Glycol", None), ("Stearyl Alcohol", None), ("Petrolatum", None),
         ("Aqua", None)],
    ),
    (
        "'Other ingredients include'",
        "Each gram contains 40 mg hydroquinone. Other ingredients include ascorbic acid, cetyl "
        "alcohol, purified water.",
        [("Hydroquinone", 4.0), ("Ascorbic Acid", None), ("Cetyl Alcohol", None),
         ("Aqua", None)],
    ),
    (
        "several strengths of one active, 'respectively', a vehicle named without "
        "its ingredients, then 'contains the following inactive ingredients:'",
        "TAZORAC (tazarotene) Cream, 0.05% and 0.1% is for topical use and contains the active "
        "ingredient, tazarotene. Each gram of TAZORAC Cream, 0.05% and 0.1% contains 0.5 and 1 "
        "mg of tazarotene, respectively in a white cream base. TAZORAC Cream contains the "
        "following inactive ingredients: benzyl alcohol 1%; mineral oil; purified water",
        [("Tazarotene", None), ("Benzyl Alcohol", 1.0), ("Paraffinum Liquidum", None),
         ("Aqua", None)],
    ),
    (
        "'provides N mg X, respectively, in a vanishing cream base containing'",
        "Each gram of 0.1% triamcinolone acetonide cream provides 1 mg triamcinolone acetonide, "
        "respectively, in a vanishing cream base containing cetyl alcohol, purified water.",
        [("Triamcinolone Acetonide", 0.1), ("Cetyl Alcohol", None), ("Aqua", None)],
    ),
    (
        "'contains: 1 mg of X USP per gram in a ... base consisting of'",
        "Triamcinolone Acetonide Cream USP 0.1% contains: 1 mg of triamcinolone acetonide USP per "
        "gram in a water washable cream base consisting of mineral oil, cetyl alcohol, water",
        [("Triamcinolone Acetonide", 0.1), ("Paraffinum Liquidum", None), ("Cetyl Alcohol", None),
         ("Aqua", None)],
    ),
    (
        "'at a concentration equivalent to 10 mg clindamycin per gram. The gel contains'",
        "CLEOCIN T Topical Gel contains clindamycin phosphate, USP, at a concentration equivalent "
        "to 10 mg clindamycin per gram. The gel contains allantoin, methylparaben, purified water.",
        [("Clindamycin Phosphate", 1.0), ("Allantoin", None), ("Methylparaben", None),
         ("Aqua", None)],
    ),
    (
        "no heading: 'Each gram of ... contains N mg of X, N mg of Y, and N mg of Z'",
        "Each gram of Tri Luma Cream contains 0.1 mg of fluocinolone acetonide, 40 mg of "
        "hydroquinone, and 0.5 mg of tretinoin.",
        [("Fluocinolone Acetonide", 0.01), ("Hydroquinone", 4.0), ("Tretinoin", 0.05)],
    ),
    (
        "'1 g of cream contains' after an actives heading",
        "Composition active ingredients: 1 g of cream contains zinc oxide 15.25%, benzyl benzoate "
        "1.01%; excipients: lanolin, purified water",
        [("Zinc Oxide", 15.25), ("Benzyl Benzoate", 1.01), ("Lanolin", None), ("Aqua", None)],
    ),
    (
        "a grade and strength after a comma with a footnote mark; a pointer footnote",
        "Drug Facts\nActive ingredient Purpose\nAdapalene USP, 0.1% (retinoid)* Acne treatment\n"
        "*read consumer information leaflet\nInactive ingredients carbomer homopolymer, "
        "poloxamer 182, purified water",
        [("Adapalene", 0.1), ("Carbomer", None), ("Poloxamer 182", None), ("Aqua", None)],
    ),
    # -- pharmacopoeia compositions ------------------------------------------
    (
        "Indian 'IP' grades, a role note, a base that fills the rest",
        "Composition: Clobetasol Propionate IP 0.05% w/w, Chlorocresol IP 0.1% w/w (as "
        "preservative), Cream base q.s.",
        # Chlorocresol (the Ph. Eur./IP title of p-Chloro-m-Cresol) is not in the database.
        [("Clobetasol Propionate", 0.05), (None, 0.1)],
    ),
    (
        "'equivalent to' the base",
        "Each gram contains: Adapalene 0.1% w/w, Clindamycin Phosphate IP equivalent to "
        "Clindamycin 1% w/w, Gel base q.s.",
        [("Adapalene", 0.1), ("Clindamycin Phosphate", 1.0)],
    ),
    (
        "'Ph. Eur.' and dotted 'B.P.' grades do not end an entry",
        "Contains: White Soft Paraffin BP 14.5% w/w, Light Liquid Paraffin Ph. Eur. 12.6% w/w, "
        "Glycerin B.P., Purified Water.",
        [("Petrolatum", 14.5), ("Paraffinum Liquidum", 12.6), ("Glycerin", None),
         ("Aqua", None)],
    ),
    # -- Drug Facts wording ---------------------------------------------------
    (
        "a Purpose column 'UVA/UVB Sunscreen'",
        "Active Ingredients Purpose\nZinc Oxide 9.0%..........UVA/UVB Sunscreen\nOctinoxate "
        "7.5%..........UVB Sunscreen\nInactive Ingredients\nPurified Water, Isopropyl Palmitate",
        [("Zinc Oxide", 9.0), ("Ethylhexyl Methoxycinnamate", 7.5), ("Aqua", None),
         ("Isopropyl Palmitate", None)],
    ),
    (
        "the singular 'Use' heading",
        "Drug Facts\nActive ingredient    Purpose\nBenzoyl Peroxide 4%.....Acne Treatment\n\nUse "
        "For the treatment of acne.\n\nWarnings\nFor external use only.\nInactive ingredients\n"
        "Water, Cetearyl Alcohol",
        [("Benzoyl Peroxide", 4.0), ("Aqua", None), ("Cetearyl Alcohol", None)],
    ),
    (
        "'Inactive ingredients: none'",
        "Active ingredient: White petrolatum USP 100%. Inactive ingredients: none",
        [("Petrolatum", 100.0)],
    ),
    (
        "'No inactive ingredients'",
        "Active ingredient: White Petrolatum USP 100%. No inactive ingredients",
        [("Petrolatum", 100.0)],
    ),
    # -- headings, page buttons, codes, claims ------------------------------
    ("a heading with a bracketed qualifier", "Inhaltsstoffe (INCI): Aqua, Glycerin",
     [("Aqua", None), ("Glycerin", None)]),
    ("a leading heading without a colon", "Ingredients Water, Glycerin, Niacinamide",
     [("Aqua", None), ("Glycerin", None), ("Niacinamide", None)]),
    ("a leading heading with a dash", "Ingredients - Water, Glycerin",
     [("Aqua", None), ("Glycerin", None)]),
    ("a heading glued to the size: no percentage from the title",
     "The Ordinary Niacinamide 10% + Zinc 1% 30mlIngredients: Aqua (Water), Niacinamide, Zinc PCA",
     [("Aqua", None), ("Niacinamide", None), ("Zinc PCA", None)]),
    ("a page's 'Show more' button", "Water, Glycerin, Niacinamide, Cetearyl Alcohol…Show more",
     [("Aqua", None), ("Glycerin", None), ("Niacinamide", None), ("Cetearyl Alcohol", None)]),
    ("a page's 'Read more' button", "Water, Glycerin, Cetearyl Alcohol... Read more",
     [("Aqua", None), ("Glycerin", None), ("Cetearyl Alcohol", None)]),
    ("a formula code", "Aqua, Glycerin, Dimethicone, Parfum, Linalool. F.I.L. D41785/1",
     [("Aqua", None), ("Glycerin", None), ("Dimethicone", None), ("Parfum", None),
      ("Linalool", None)]),
    ("a formula code in brackets", "Aqua, Glycerin, Parfum. (F.I.L. N° C13459/1)",
     [("Aqua", None), ("Glycerin", None), ("Parfum", None)]),
    ("a claim sentence names no ingredient",
     "Water, Glycerin, Squalane, Tocopherol. Free of parabens, sulfates, phthalates and "
     "mineral oil.",
     [("Aqua", None), ("Glycerin", None), ("Squalane", None), ("Tocopherol", None)]),
    ("'Contains no ...' names no ingredient", "Water, Glycerin. Contains no mineral oil.",
     [("Aqua", None), ("Glycerin", None)]),
    ("superscript footnote keys after the last entry",
     "Water, Aloe Barbadensis Leaf Juice¹, Squalane², Tocopherol³. ¹Certified organic "
     "²Plant-derived ³Non-GMO",
     [("Aqua", None), ("Aloe Barbadensis Leaf Juice", None), ("Squalane", None),
      ("Tocopherol", None)]),
    ("parts per million with a thousands comma (Korean labels): shown, not split",
     "Centella Asiatica Extract(10,000ppm), Water, Madecassoside 1,000ppm, Glycerin",
     [("Centella Asiatica Extract", None), ("Aqua", None), ("Madecassoside", None),
      ("Glycerin", None)]),
    ("a footnote number flattened onto an acronym",
     "Aqua, Sodium PCA3, Disodium EDTA10, Polysorbate80",
     [("Aqua", None), ("Sodium PCA", None), ("Disodium EDTA", None), ("Polysorbate 80", None)]),
    ("an amount after a colon is the entry's, not a heading's",
     "Aqua, Niacinamide: 10%, Zinc PCA: 1%, Glycerin",
     [("Aqua", None), ("Niacinamide", 10.0), ("Zinc PCA", 1.0), ("Glycerin", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_label_convention(
    screener_real: Screener, case: str, text: str, expected: Expected
) -> None:
    entries = screener_real.run(text).entries
    got = [(e.inci, e.percent) for e in entries]
    assert len(got) == len(expected), (case, got)
    for (inci, percent), (want_inci, want_percent) in zip(got, expected, strict=True):
        if want_inci != "*":
            assert inci == want_inci, (case, got)
        if want_percent != "*":
            assert percent == want_percent, (case, got)


def test_a_base_that_fills_the_rest_is_noted(screener_real: Screener) -> None:
    report = screener_real.screen(
        "Composition: Clobetasol Propionate IP 0.05% w/w, Cream base q.s."
    )
    assert any("fills the rest" in note for note in report.notes)


def test_a_claim_in_a_list_of_several_strengths_is_not_a_concentration(
    screener_real: Screener,
) -> None:
    # A printed claim "(95% organic)" is shown, never read as the entry's amount.
    (entry,) = screener_real.run("Aloe Barbadensis Leaf Juice (95% organic)").entries
    assert entry.percent is None


def test_a_list_in_another_script_is_never_called_alphabetical(screener_real: Screener) -> None:
    report = screener_real.screen("成分：水、甘油、丁二醇、烟酰胺、透明质酸钠、苯氧乙醇")
    assert not any("alphabetical" in note for note in report.notes)


@pytest.mark.parametrize(
    "text",
    [
        "Tretinoin 0.025% in a hydrophilic cream vehicle of stearic acid, isopropyl myristate, "
        "polyoxyl 40 stearate, stearyl alcohol, purified water",
        "Each gram contains 1 mg tretinoin. List of excipients: stearic acid, isopropyl "
        "myristate, purified water",
    ],
)
def test_a_drugs_vehicle_list_carries_no_order(screener_real: Screener, text: str) -> None:
    """A prescription label or SmPC lists its excipients in no stated order, so
    isopropyl myristate second in the vehicle is of unknown amount (care at
    most), not a top-five ingredient (avoid)."""
    result = screener_real.run(text)
    assert result.placement.alphabetical == "vehicle"
    (ipm,) = [p for p in result.placement.placed if p.ingredient.inci == "Isopropyl Myristate"]
    assert (ipm.zone, ipm.basis) == ("unknown", "unordered")
    report = screener_real.screen(text)
    assert any("vehicle (excipient) list" in note for note in report.notes)
    (finding,) = [f for f in report.findings if f.ingredients == ["Isopropyl Myristate"]
                  and f.kind == "comedogenic"]  # fmt: skip
    assert finding.severity == "caution"
    assert "no stated order" in finding.reason


def test_a_drug_facts_inactive_list_keeps_its_order_test(screener_real: Screener) -> None:
    # "Inactive ingredients" of an OTC panel may be in cosmetic order (21 CFR
    # 201.66(c)(8) with 701.3): only a sorted one loses its positions.
    result = screener_real.run(
        "Active ingredient: Zinc Oxide 10%. Inactive ingredients: water, isopropyl myristate, "
        "glycerin, cetyl alcohol, phenoxyethanol"
    )
    assert result.placement.alphabetical is None


def test_an_ointment_vehicle_in_no_stated_order_is_still_an_ointment(
    screener_real: Screener,
) -> None:
    # Bepanthen's SmPC: three heavy occlusives among ten entries; with no order,
    # each gets an equal share (1/10), so the heavy share is 30%: ointment-like.
    report = screener_real.screen(
        "BEPANTHEN 5%, ointment. List of excipients: Protegin X, petroleum jelly, wool fat, "
        "white beeswax, almond oil, cetyl alcohol, stearyl alcohol, liquid paraffin, "
        "purified water."
    )
    (load,) = [f for f in report.findings if f.rule.startswith("occlusion-load")]
    assert load.rule == "occlusion-load:ointment"
    assert "no stated order" in load.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Water / Glycerin / Niacinamide / Panthenol",
         ["Aqua", "Glycerin", "Niacinamide", "Panthenol"]),
        ("WATER/GLYCERIN/PETROLATUM/MINERAL OIL",
         ["Aqua", "Glycerin", "Petrolatum", "Paraffinum Liquidum"]),
        # synonyms and one name with a slash stay one entry
        ("Aqua/Water/Eau", ["Aqua"]),
        ("Caprylic/Capric Triglyceride", ["Caprylic/Capric Triglyceride"]),
        # in a comma list, slashes join synonyms the database may hold apart
        ("Aqua, Yeast Extract/Faex/Extrait De Levure, Glycerin",
         ["Aqua", "Yeast Extract", "Glycerin"]),
    ],
)  # fmt: skip
def test_a_list_printed_with_slashes_is_split(
    screener_real: Screener, text: str, expected: list[str]
) -> None:
    report = screener_real.screen(text)
    assert [i.inci for i in report.ingredients] == expected
    assert any("printed with slashes" in n for n in report.notes) == (
        len(expected) > 1 and "," not in text
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Water 2. Glycerin 3. Niacinamide 4. Panthenol",
         ["Aqua", "Glycerin", "Niacinamide", "Panthenol"]),
        ("1. Water\n2. Glycerin\n3. Niacinamide\n", ["Aqua", "Glycerin", "Niacinamide"]),
        ("1) Water 2) Glycerin 3) Squalane", ["Aqua", "Glycerin", "Squalane"]),
        ("Water - Glycerin - Niacinamide - Panthenol",
         ["Aqua", "Glycerin", "Niacinamide", "Panthenol"]),
        ("Water, Glycerin - humectant, Squalane - moisturizer, Phenoxyethanol - preservative",
         ["Aqua", "Glycerin", "Squalane", "Phenoxyethanol"]),
        # numbers that are not a 1, 2, 3 ... sequence stay as printed
        ("Ceramide 3, Polysorbate 20, Glycerin", ["Ceramide NP", "Polysorbate 20", "Glycerin"]),
    ],
)  # fmt: skip
def test_numbered_dashed_and_described_lists(
    screener_real: Screener, text: str, expected: list[str]
) -> None:
    assert [e.inci for e in screener_real.run(text).entries] == expected


@pytest.mark.parametrize(
    ("text", "declared", "may"),
    [
        ("Talc, Mica, Dimethicone. [+/- (May Contain / Peut Contenir): CI 77491, CI 77492, "
         "CI 77891 (Titanium Dioxide)]", 3, 3),
        ("Mica, Talc, Ethylhexyl Palmitate. MAY CONTAIN/PEUT CONTENIR/+/-: CI 77491, CI 77492.",
         3, 2),
        ("Mica, Talc, Dimethicone. Kann enthalten/Puede contener/Può contenere/Może zawierać: "
         "CI 77491, CI 77891", 3, 2),
        # allergen advice is not a may-contain block
        ("Butyrospermum Parkii Butter, Cera Alba, Tocopherol. May contain traces of nuts.", 3, 0),
    ],
)  # fmt: skip
def test_may_contain_markers_in_several_languages(
    screener_real: Screener, text: str, declared: int, may: int
) -> None:
    result = screener_real.run(text)
    assert result.may_contain.count(False) == declared
    assert result.may_contain.count(True) == may
    assert all(e.inci is not None for e in result.entries)


@pytest.mark.parametrize(
    "text",
    [
        "Aqua, Glycerin*, Cetearyl Alcohol, Parfum. (*) Ingredients from organic farming",
        "Aqua, Glycerin*, Cetearyl Alcohol, Parfum. Ingredients marked * are certified organic.",
        "Aqua, Glycerin✝, Cetearyl Alcohol, Parfum. ✝Certified Organic",
    ],
)
def test_footnotes_in_other_forms(screener_real: Screener, text: str) -> None:
    entries = screener_real.run(text).entries
    assert [e.inci for e in entries] == ["Aqua", "Glycerin", "Cetearyl Alcohol", "Parfum"]
