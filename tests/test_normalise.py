"""Each normalisation step with a table of cases that once broke."""

from __future__ import annotations

import pytest

from screener import normalise as n
from screener.database import Database


@pytest.mark.parametrize(
    ("step", "given", "expected"),
    [
        (n.unescape_html, "Water &amp; Glycerin", "Water & Glycerin"),
        (
            n.unescape_html,
            "Water&amp;nbsp;Glycerin",
            "Water\u00a0Glycerin",
        ),  # double-escaped scrape
        (n.unescape_html, "Caprylic&#x2F;Capric Triglyceride", "Caprylic/Capric Triglyceride"),
        (n.strip_html_tags, "Water,<br/>Glycerin", "Water,\nGlycerin"),
        (n.strip_html_tags, "<b>Petrolatum</b>", " Petrolatum "),
        (n.strip_html_tags, "<script>alert(1)</script>Water", " alert(1) Water"),
        (n.normalise_unicode, "Huile Mine\u0301rale", "Huile Minérale"),
        (n.drop_invisible, "Glyc\u200berin\ufeff", "Glycerin"),
        (n.drop_invisible, "Sodium\u00adHyaluronate", "SodiumHyaluronate"),
        (n.unify_spaces, "Aqua\u00a0(Water)", "Aqua (Water)"),
        (n.unify_spaces, "Water,\r\nGlycerin", "Water,\nGlycerin"),
        (n.drop_control_characters, "Water\u202e, Glycerin\x07", "Water, Glycerin"),
        (n.unify_dashes_and_quotes, "PEG\u201340 Stearate", "PEG-40 Stearate"),
        (n.unify_dashes_and_quotes, "Cire d\u2019abeille", "Cire d'abeille"),
        (n.unify_wide_punctuation, "水、BG、グリセリン", "水,BG,グリセリン"),  # Japanese list
        (n.unify_wide_punctuation, "甘油，丁二醇；水。", "甘油,丁二醇;水."),  # Chinese list
        (
            n.unify_wide_punctuation,
            "ＰＥＧ－６０（ｈｙｄｒｏ）５％",
            "PEG-60(hydro)5%",
        ),  # full-width forms
        (n.unify_wide_punctuation, "Glycerin，Aqua", "Glycerin,Aqua"),
        (n.fix_colour_index, "Cl 77491", "CI 77491"),
        (n.fix_colour_index, "C.I. 77891", "CI 77891"),
        (n.fix_colour_index, "CI77499", "CI 77499"),
        (n.fix_colour_index, "Glycerin 77491", "Glycerin 77491"),
    ],
)
def test_text_steps(step: n.Step, given: str, expected: str) -> None:
    assert step(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Sodium Lauryl Sulphate", "sodium lauryl sulfate"),
        ("Aluminium Starch Octenylsuccinate", "aluminum starch octenylsuccinate"),
        ("Hydrolysed Collagen", "hydrolyzed collagen"),
        ("PEG-40 Hydrogenated Castor Oil", "peg40 hydrogenated castor oil"),
        ("PEG 40 hydrogenated castor oil", "peg40 hydrogenated castor oil"),
        ("Polysorbate-20", "polysorbate20"),
        ("Caprylic / Capric Triglyceride", "caprylic/capric triglyceride"),
        ("Alcohol Denat.", "alcohol denat"),
        ("*Aloe Barbadensis Leaf Juice°", "aloe barbadensis leaf juice"),
        ("D&C Red No. 7", "d&c red7"),
        ("HUILE MINÉRALE", "huile minerale"),
        ("CI 77491", "ci77491"),
        # OCR and typing slips: a zero or a one between two letters
        ("PHEN0XYETHAN0L", "phenoxyethanol"),
        ("S0DIUM HYALURONATE", "sodium hyaluronate"),
        ("G1ycerin", "glycerin"),
        ("Cetearyl A1cohol", "cetearyl alcohol"),
        ("Polyglyceryl-10 Laurate", "polyglyceryl10 laurate"),
        ("C10-30 Alkyl Acrylate", "c10-30 alkyl acrylate"),
        ("Vitamin B1", "vitamin b1"),
        ("Sorbitan 0livate", "sorbitan olivate"),  # a zero for the letter O
        ("0ryza Sativa (Rice) Bran Oil", "oryza sativa (rice) bran oil"),
        ("3-0-Ethyl Ascorbic Acid", "3-o-ethyl ascorbic acid"),
        ("PEG-100 Stearate", "peg100 stearate"),  # a real zero stays
        ("C10-30 Alkyl", "c10-30 alkyl"),
    ],
)
def test_fold_name(given: str, expected: str) -> None:
    assert n.fold_name(given) == expected


def test_fold_keeps_numbers_apart() -> None:
    assert n.fold_name("PEG-40 Stearate") != n.fold_name("PEG-4 Stearate")
    assert n.fold_name("Steareth-2") != n.fold_name("Steareth-20")


def test_fold_is_idempotent_over_the_whole_database(db: Database) -> None:
    for ingredient in db.ingredients:
        for name in (ingredient.inci, *ingredient.aliases):
            once = n.fold_name(name)
            assert n.fold_name(once) == once, name


def test_clean_text_runs_every_step_in_order() -> None:
    assert n.clean_text("Aqua&nbsp;(Water),&#160;Cl\u00a077491") == "Aqua (Water), CI 77491"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("The green Tea Extract", ("green Tea Extract", "The")),
        ("Organic Aloe Vera", ("Aloe Vera", "Organic")),
        ("Certified Organic Shea Butter", ("Shea Butter", "Certified Organic")),
        ("USDA Organic Coconut Oil", ("Coconut Oil", "USDA Organic")),
        ("Pure Jojoba Oil", ("Jojoba Oil", "Pure")),
        ("100% Natural Rosehip Oil", ("Rosehip Oil", "100% Natural")),
        ("100% pure Argan Oil", ("Argan Oil", "100% pure")),
        ("Cold-Pressed Argan Oil", ("Argan Oil", "Cold-Pressed")),
        ("cold pressed Rosehip Oil", ("Rosehip Oil", "cold pressed")),
        ("Wildcrafted Lavender Oil", ("Lavender Oil", "Wildcrafted")),
        ("Wild-Harvested Frankincense Oil", ("Frankincense Oil", "Wild-Harvested")),
        ("Fair Trade Shea Butter", ("Shea Butter", "Fair Trade")),
        ("Fairtrade Cocoa Butter", ("Cocoa Butter", "Fairtrade")),
        ("Organic Extra Virgin Olive Oil", ("Olive Oil", "Organic Extra Virgin")),
        ("Pure and Natural Andiroba Oil", ("Andiroba Oil", "Pure and Natural")),
        ("Pure Andiroba Oil", ("Andiroba Oil", "Pure")),  # "and" only as a whole word
        # never: nothing would be left, or the word begins an INCI name
        ("Organic", ("Organic", "")),
        ("Wild Yam Root Extract", ("Wild Yam Root Extract", "")),
        ("Bioflavonoids", ("Bioflavonoids", "")),
        ("Theobroma Cacao Seed Butter", ("Theobroma Cacao Seed Butter", "")),
        ("Anise Oil", ("Anise Oil", "")),
        ("Rawhide", ("Rawhide", "")),
        ("Aqua", ("Aqua", "")),
    ],
)
def test_marketing_words(given: str, expected: tuple[str, str]) -> None:
    assert n.strip_marketing_words(given) == expected
