"""What each entry carries for the next stages: its printed concentration,
its Drug Facts section, the pharmacopoeia grade and marketing words cut from
its name (and tried after it), and entries hidden by unspaced commas."""

from __future__ import annotations

import pytest

from screener.read import label_segments, read_label, read_segment
from screener.screen import Screener


def entry_of(text: str) -> tuple[str, float | None]:
    (entry,) = read_label(text).entries
    return entry.name, entry.percent


@pytest.mark.parametrize(
    ("text", "name", "percent"),
    [
        ("Salicylic Acid 2%", "Salicylic Acid", 2.0),
        ("Petrolatum 41%", "Petrolatum", 41.0),
        ("9.0% Zinc Oxide", "Zinc Oxide", 9.0),
        ("Zinc Oxide (20%)", "Zinc Oxide", 20.0),
        ("Zinc Oxide [20 %]", "Zinc Oxide", 20.0),
        ("White Petrolatum USP 41%", "White Petrolatum", 41.0),
        ("Octinoxate 7.5% w/w", "Octinoxate", 7.5),
        ("Octinoxate 7.5% (w/w)", "Octinoxate", 7.5),
        ("Niacinamide 0,5 %", "Niacinamide", 0.5),
        ("Hydrocortisone 1% USP", "Hydrocortisone", 1.0),
        ("PEG-40 Hydrogenated Castor Oil 2%", "PEG-40 Hydrogenated Castor Oil", 2.0),
        ("Polysorbate 80 1%", "Polysorbate 80", 1.0),
        ("C12-15 Alkyl Benzoate 5%", "C12-15 Alkyl Benzoate", 5.0),
        ("1,2-Hexanediol 0.5%", "1,2-Hexanediol", 0.5),
        ("Ceteareth-20 3%", "Ceteareth-20", 3.0),
        # numbers that belong to the name are never read
        ("PEG-40 Hydrogenated Castor Oil", "PEG-40 Hydrogenated Castor Oil", None),
        ("C12-15 Alkyl Benzoate", "C12-15 Alkyl Benzoate", None),
        ("Ceteareth-20", "Ceteareth-20", None),
        ("1,2-Hexanediol", "1,2-Hexanediol", None),
        ("Polysorbate 80", "Polysorbate 80", None),
        ("CI 77891", "CI 77891", None),
        # bounds, ranges and claims are shown, not read as a concentration
        ("Retinol <1%", "Retinol", None),
        ("Glycerin 1-2%", "Glycerin", None),
        ("100% Natural Rosehip Oil", "100% Natural Rosehip Oil", None),
        ("Aloe 10% (95% organic)", "Aloe", 10.0),  # the claim is not read
        ("Aloe Vera Gel 100% Organic", "Aloe Vera Gel", None),
    ],
)
def test_printed_concentration(text: str, name: str, percent: float | None) -> None:
    assert entry_of(text) == (name, percent)


def test_percentages_stay_annotations() -> None:
    entries = read_label("Aqua, Niacinamide 0,5 %, Retinol <1%, Glycerin 1-2%").entries
    assert [e.annotations for e in entries] == [(), ("0.5%",), ("<1%",), ("1-2%",)]
    assert [e.text for e in entries][1] == "Niacinamide 0,5 %"


# A drug's title: the dosage form after the name, then a grade or strength.
@pytest.mark.parametrize(
    ("text", "inci"),
    [
        ("Tretinoin Cream USP 0.025%", "Tretinoin"),
        ("Hydrocortisone Cream USP, 1%", "Hydrocortisone"),
        ("Clobetasol Propionate Ointment USP, 0.05%", "Clobetasol Propionate"),
        ("Metronidazole Topical Gel 0.75%", "Metronidazole"),
        ("Azelaic Acid Gel 15%", "Azelaic Acid"),
    ],
)
def test_a_drug_title_names_its_active(screener_real: Screener, text: str, inci: str) -> None:
    (entry,) = screener_real.run(text).entries
    assert (entry.inci, entry.kind) == (inci, "exact")


def test_a_dosage_form_word_is_kept_without_a_strength(screener_real: Screener) -> None:
    # "Aloe Vera Gel" is a name of its own: nothing printed says it is a drug title.
    (entry,) = screener_real.run("Aloe Vera Gel").entries
    assert entry.inci == "Aloe Barbadensis Leaf Juice"


@pytest.mark.parametrize(
    ("text", "name", "annotations"),
    [
        ("White Petrolatum USP 41%", "White Petrolatum", ("41%", "USP grade")),
        ("Petrolatum USP 41%", "Petrolatum", ("41%", "USP grade")),
        ("Zinc Oxide USP 40%", "Zinc Oxide", ("40%", "USP grade")),
        ("Hydrocortisone 1% (USP)", "Hydrocortisone", ("1%", "USP grade")),
        ("Glycerin USP/NF", "Glycerin", ("USP/NF grade",)),
        ("Lanolin U.S.P. 5%", "Lanolin", ("5%", "U.S.P. grade")),
    ],
)
def test_pharmacopoeia_grade_is_not_the_name(
    text: str, name: str, annotations: tuple[str, ...]
) -> None:
    (entry,) = read_label(text).entries
    assert (entry.name, entry.annotations) == (name, annotations)


# Full US OTC Drug Facts panels (21 CFR 201.66), as copied from packs and sites.
ONE_ACTIVE_PANEL = (
    "Drug Facts\nActive ingredient\tPurpose\nWhite Petrolatum USP 41%\tSkin protectant\n"
    "Uses\n• temporarily protects minor cuts, scrapes and burns\n• helps protect chapped skin\n"
    "Warnings\nFor external use only\nWhen using this product do not get into eyes\n"
    "Stop use and ask a doctor if condition worsens\nKeep out of reach of children.\n"
    "Directions\n• apply as needed\nOther information\n• store at 20-25°C\n"
    "Questions? 1-888-000-0000"
)
PANELS = [
    ("one active, with Purpose", ONE_ACTIVE_PANEL, [("White Petrolatum", "active", 41.0)]),
    (
        "one active, heading only",
        "Active ingredient: White Petrolatum USP (100%)",
        [("White Petrolatum", "active", 100.0)],
    ),
    (
        "one active, one line, no colons",
        "Drug Facts Active ingredient Purpose Hydrocortisone 1% Anti-itch Uses for the temporary "
        "relief of itching Warnings For external use only Directions adults apply to affected "
        "area Other information store at room temperature",
        [("Hydrocortisone", "active", 1.0)],
    ),
    (
        "strength after a comma, with a class note",
        "Drug Facts\nActive ingredient: Adapalene USP, 0.1% (retinoid)\nPurpose: Acne treatment\n"
        "Inactive ingredients: carbomer homopolymer type C, edetate disodium, phenoxyethanol.",
        [
            ("Adapalene", "active", 0.1),
            ("carbomer homopolymer type C", "inactive", None),
            ("edetate disodium", "inactive", None),
            ("phenoxyethanol", "inactive", None),
        ],
    ),
    (
        "package insert: excipients, a final 'and'",
        "Clindac A gel. Active ingredient: Clindamycin Phosphate USP 1.0%. Excipients: carbomer "
        "941, methyl paraben, sodium hydroxide and purified water.",
        [
            ("Clindamycin Phosphate", "active", 1.0),
            ("carbomer 941", "inactive", None),
            ("methyl paraben", "inactive", None),
            ("sodium hydroxide", "inactive", None),
            ("purified water", "inactive", None),
        ],
    ),
    (
        "package insert: 'in a vehicle consisting of'",
        "DIFFERIN (adapalene gel) Gel, 0.1%. Each gram contains: adapalene 0.1% (1 mg) in a "
        "vehicle consisting of carbomer 940, edetate disodium, purified water, and sodium hydroxide.",
        [
            ("adapalene", "active", 0.1),
            ("carbomer 940", "inactive", None),
            ("edetate disodium", "inactive", None),
            ("purified water", "inactive", None),
            ("sodium hydroxide", "inactive", None),
        ],
    ),
    (
        "package insert: 'in an aqueous gel base formulated with'",
        "Benzoyl Peroxide Gel, 5% Aqueous Base Acne Gel contains: 5% benzoyl peroxide, in an "
        "aqueous gel base formulated with carbomer homopolymer type C, dimethicone, and glycerin.",
        [
            ("benzoyl peroxide", "active", 5.0),
            ("carbomer homopolymer type C", "inactive", None),
            ("dimethicone", "inactive", None),
            ("glycerin", "inactive", None),
        ],
    ),
    (
        "package insert: 'contains' without a colon, 'in a ... vehicle of'",
        "RETIN-A (tretinoin) Cream contains tretinoin 0.025% in a hydrophilic cream vehicle of "
        "stearic acid, isopropyl myristate, polyoxyl 40 stearate, and purified water.",
        [
            ("tretinoin", "active", 0.025),
            ("stearic acid", "inactive", None),
            ("isopropyl myristate", "inactive", None),
            ("polyoxyl 40 stearate", "inactive", None),
            ("purified water", "inactive", None),
        ],
    ),
    (
        "package insert: 'in a cream base of'",
        "Hydrocortisone 2.5% in a cream base of cetyl alcohol, propylene glycol, water",
        [
            ("Hydrocortisone", "active", 2.5),
            ("cetyl alcohol", "inactive", None),
            ("propylene glycol", "inactive", None),
            ("water", "inactive", None),
        ],
    ),
    (
        "package insert: 'in an ointment base composed of', a title before 'Contains:'",
        "Hydrocortisone Ointment USP, 2.5%. Contains: hydrocortisone 2.5% in an ointment base "
        "composed of white petrolatum, mineral oil and lanolin alcohol.",
        [
            ("hydrocortisone", "active", 2.5),
            ("white petrolatum", "inactive", None),
            ("mineral oil", "inactive", None),
            ("lanolin alcohol", "inactive", None),
        ],
    ),
    (
        "decimal commas",
        "Active ingredients: Salicylic Acid 0,5 %, Zinc Oxide 20,5%",
        [("Salicylic Acid", "active", 0.5), ("Zinc Oxide", "active", 20.5)],
    ),
    (
        "upper case, with colons and inactives",
        "DRUG FACTS ACTIVE INGREDIENT: ZINC OXIDE 40% PURPOSE: SKIN PROTECTANT USES: HELPS TREAT "
        "AND PREVENT DIAPER RASH WARNINGS: FOR EXTERNAL USE ONLY DIRECTIONS: CHANGE WET DIAPERS "
        "PROMPTLY INACTIVE INGREDIENTS: DIMETHICONE, LANOLIN, PETROLATUM QUESTIONS? 1-800-000-0000",
        [
            ("ZINC OXIDE", "active", 40.0),
            ("DIMETHICONE", "inactive", None),
            ("LANOLIN", "inactive", None),
            ("PETROLATUM", "inactive", None),
        ],
    ),
    (
        "sunscreen, many lines",
        "Drug Facts\nActive ingredients Purpose\nAvobenzone 3% Sunscreen\nOctinoxate 7.5% w/w "
        "Sunscreen\n9.0% Zinc Oxide Sunscreen\nUses\n• helps prevent sunburn\nWarnings\n"
        "For external use only\nDirections\n• apply liberally 15 minutes before sun exposure\n"
        "Inactive ingredients\nwater, glycerin, dimethicone\nQuestions? call 1-800-000-0000",
        [
            ("Avobenzone", "active", 3.0),
            ("Octinoxate", "active", 7.5),
            ("Zinc Oxide", "active", 9.0),
            ("water", "inactive", None),
            ("glycerin", "inactive", None),
            ("dimethicone", "inactive", None),
        ],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), PANELS)
def test_drug_facts_sections(case: str, text: str, expected: list[tuple[str, str, float]]) -> None:
    label = read_label(text)
    assert label.drug_facts, case
    assert [(e.name, e.section, e.percent) for e in label.entries] == expected, case
    # the batch path sees the same sections
    segments = label_segments(text)
    assert segments.drug_facts and segments.sections is not None
    sections = [s for s, t in zip(segments.sections, segments.texts, strict=True)
                for _ in read_segment(t)[1]]  # fmt: skip
    assert sections == [e.section for e in label.entries]


def test_an_ordinary_list_has_no_sections() -> None:
    label = read_label("Aqua, Glycerin, Niacinamide 5%")
    assert not label.drug_facts and {e.section for e in label.entries} == {None}
    assert label_segments("Aqua, Glycerin").sections is None
    # a cosmetic list naming its key actives, then its full list, is not a panel
    label = read_label("Key Active Ingredients: Niacinamide 10%. Ingredients: Aqua, Glycerin")
    assert not label.drug_facts


@pytest.mark.parametrize(("case", "text", "expected"), PANELS[:3])
def test_one_ingredient_panel_is_a_list_not_prose(
    screener_real: Screener, case: str, text: str, expected: list[tuple[str, str, float]]
) -> None:
    report = screener_real.screen(text)
    assert [i.text.split()[0] for i in report.ingredients] == [e[0].split()[0] for e in expected]
    if "Petrolatum" in text:
        assert [i.inci for i in report.ingredients] == ["Petrolatum"]


@pytest.mark.parametrize(
    ("text", "stripped", "annotation"),
    [
        ("The green Tea Extract", "green Tea Extract", "the"),
        ("Organic Aloe Vera", "Aloe Vera", "organic"),
        ("Certified Organic Shea Butter", "Shea Butter", "certified organic"),
        ("Pure Jojoba Oil", "Jojoba Oil", "pure"),
        ("100% Natural Rosehip Oil", "Rosehip Oil", "100% natural"),
        ("Cold-Pressed Argan Oil", "Argan Oil", "cold-pressed"),
        ("Wildcrafted Lavender Oil", "Lavender Oil", "wildcrafted"),
        ("Fair Trade Shea Butter", "Shea Butter", "fair trade"),
        ("Organic Extra Virgin Olive Oil 5%", "Olive Oil", "organic extra virgin"),
        ("Organic Aloe Barbadensis Leaf Juice*", "Aloe Barbadensis Leaf Juice", "organic"),
    ],
)
def test_marketing_words_are_tried_after_the_printed_name(
    text: str, stripped: str, annotation: str
) -> None:
    (entry,) = read_label(text).entries
    assert entry.candidates[0] == stripped
    assert annotation in entry.annotations
    assert stripped in entry.name  # the name as printed (without marks or %) comes first


@pytest.mark.parametrize(
    ("text", "inci"),
    [
        ("The green Tea Extract", "Camellia Sinensis Leaf Extract"),
        ("Certified Organic Shea Butter", "Butyrospermum Parkii Butter"),
        ("Pure Jojoba Oil", "Simmondsia Chinensis Seed Oil"),
        ("100% Natural Rosehip Oil", "Rosa Canina Fruit Oil"),
        ("Wildcrafted Lavender Oil", "Lavandula Angustifolia Oil"),
        ("Fair Trade Shea Butter", "Butyrospermum Parkii Butter"),
        ("Natural Fragrance", None),  # a recorded alias: matched as printed, not as "Fragrance"
        ("Wild Yam Root Extract", None),  # "Wild" begins INCI names: never stripped
    ],
)
def test_marketing_words_match_through_the_stripped_name(
    screener_real: Screener, text: str, inci: str | None
) -> None:
    (item,) = screener_real.screen(f"Aqua, {text}").ingredients[1:]
    if inci is None:  # the name as printed is a database name itself
        (entry,) = read_label(text).entries
        assert screener_real.matcher.match_name(entry.name).kind in ("exact", "alias")
        assert item.inci == screener_real.matcher.match_name(text).inci
    else:
        assert item.inci == inci


def test_no_marketing_word_begins_a_database_name(screener_real: Screener) -> None:
    """A name in the database is read whole: the printed name is tried first,
    so stripping never hides it; and where a stripped word begins a database
    name, the name as printed must match on its own."""
    from screener.normalise import strip_marketing_words

    db = screener_real.db
    names = sorted({i.inci for i in db} | {a for i in db for a in i.aliases})
    stripped = [n for n in names if strip_marketing_words(n)[1]]
    for name in stripped:
        (entry,) = read_label(name).entries
        assert screener_real.matcher.match_entry(entry).kind in ("exact", "alias"), name
    assert len(stripped) < 20, stripped  # a handful of aliases such as "Natural Fragrance"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Aqua,Laureth-4,1,2-Hexanediol,Glycerin",
            ["Aqua", "Laureth-4", "1,2-Hexanediol", "Glycerin"],
        ),
        ("Aqua, Ceramide 5,1,2-Pentanediol", ["Aqua", "Ceramide 5", "1,2-Pentanediol"]),
        ("PEG-100 Stearate,1,2-Hexanediol", ["PEG-100 Stearate", "1,2-Hexanediol"]),
        ("Polysorbate 20,1,2-Hexanediol", ["Polysorbate 20", "1,2-Hexanediol"]),
        ("CI 77891,1,2-Hexanediol", ["CI 77891", "1,2-Hexanediol"]),
        ("Ceramide 3, 1,2-Hexanediol", ["Ceramide 3", "1,2-Hexanediol"]),
        ("Steareth-21,1,2,6-Hexanetriol", ["Steareth-21", "1,2,6-Hexanetriol"]),
        ("Laureth-7,1,3-Butanediol", ["Laureth-7", "1,3-Butanediol"]),
        # ascending runs are one name's locants, and stay glued
        ("Aqua,1,2,6-Hexanetriol", ["Aqua", "1,2,6-Hexanetriol"]),
        ("2-Bromo-2-Nitropropane-1,3-Diol,Aqua", ["2-Bromo-2-Nitropropane-1,3-Diol", "Aqua"]),
        ("Aqua,2,4-Dichlorobenzyl Alcohol", ["Aqua", "2,4-Dichlorobenzyl Alcohol"]),
    ],
)
def test_locants_glue_only_to_what_follows(text: str, expected: list[str]) -> None:
    for fast in (True, False):
        assert [e.name for e in read_label(text, fast=fast).entries] == expected


@pytest.mark.parametrize(
    "text",
    ["Gly\ud800cerin, Aqua", "Aqua, \udcff\udcfeGlycerin", "Aqua\udc80, Glycerin", "\ud83dAqua"],
)
def test_lone_surrogates_are_replaced_with_a_note(screener_real: Screener, text: str) -> None:
    label = read_label(text)
    for entry in label.entries:
        entry.text.encode("utf-8")  # valid text from here on
        entry.name.encode("utf-8")
    assert any("\ufffd" in n for n in label.notes)
    report = screener_real.screen(text)
    report.model_dump_json().encode("utf-8")
    assert "\ufffd" in "".join(i.text for i in report.ingredients)


def test_a_surrogate_pair_is_joined_back_silently() -> None:
    label = read_label("Aqua, \ud83d\udca7 Glycerin")  # an emoji split in two by UTF-16
    assert label.entries[1].text == "\U0001f4a7 Glycerin"
    assert not any("\ufffd" in n for n in label.notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "100 g of ointment contains: Active ingredient: dexpanthenol 5.00 g; excipients: "
            "vaseline 27.00 g; lanolin 17.00 g; isopropyl myristate 3.00 g; water 37.40 g.",
            [("dexpanthenol", 5.0), ("vaseline", 27.0), ("lanolin", 17.0),
             ("isopropyl myristate", 3.0), ("water", 37.4)],
        ),
        (
            "Each gram contains: adapalene 1 mg in a vehicle consisting of carbomer 940, water",
            [("adapalene", 0.1), ("carbomer 940", None), ("water", None)],
        ),
        (
            "Each gram contains 1 mg adapalene in an aqueous gel base composed of carbomer 940",
            [("adapalene", 0.1), ("carbomer 940", None)],
        ),
        # no basis printed: the amount is shown, not read as a percentage
        ("Aqua, Glycerin 5 g", [("Aqua", None), ("Glycerin", None)]),
    ],
)  # fmt: skip
def test_amounts_per_100_g_are_percentages(
    text: str, expected: list[tuple[str, float | None]]
) -> None:
    label = read_label(text)
    assert [(e.name, e.percent) for e in label.entries] == expected
    assert label_segments(text).amount_basis_g == (None if "contains" not in text else
                                                    100.0 if "100 g" in text else 1.0)  # fmt: skip


# East Asian labels: the ideographic comma "、" or the full-width comma "，"
# separates entries; names in a script the database has no names for stay
# unknown (never the one Latin abbreviation among them for the whole list).
@pytest.mark.parametrize(
    "text",
    [
        "水、BG、グリセリン、スクワラン、ミネラルオイル、フェノキシエタノール",
        "水，丁二醇，甘油，角鲨烷，矿油，苯氧乙醇",
        "정제수, 글리세린, 부틸렌글라이콜, 미네랄오일, 페녹시에탄올",
    ],
)
def test_lists_in_another_script_are_split_and_uncertain(
    screener_real: Screener, text: str
) -> None:
    report = screener_real.screen(text)
    assert len(report.ingredients) == 6 - ("정" in text)
    assert report.verdict.label == "uncertain"
    assert report.verdict.confidence_label == "low"
    assert any("script other than the Latin alphabet" in note for note in report.notes)


def test_a_bilingual_entry_is_not_called_another_script(screener_real: Screener) -> None:
    report = screener_real.screen("Glycerin 甘油, Aqua, 水")
    assert [i.inci for i in report.ingredients] == ["Glycerin", "Aqua", None]
    assert any(n.startswith("It is written in a script") for n in report.notes)
