"""The public contract: screen, screen_routine, load_database, ScreenError."""

from __future__ import annotations

import json

import pytest

import screener
from screener.models import ProductReport, RoutineReport
from screener.options import Options

LIST = (
    "Ingredients: Aqua (Water), Petrolatum, Isopropyl Myristate, Glycerin, Tretinoin, "
    "Benzoyl Peroxide, Phenoxyethanol, Parfum. May contain: CI 77891."
)


def test_screen_contract() -> None:
    report = screener.screen(LIST, context="eye-area", product_type="leave-on")
    assert isinstance(report, ProductReport)
    dumped = report.model_dump()
    for key in ("ingredients", "findings", "alternatives", "verdict", "notes"):
        assert key in dumped
    item = dumped["ingredients"][0]
    assert {"text", "inci", "match", "confidence", "position", "may_contain"} <= set(item)
    assert item["text"] == "Aqua (Water)" and item["inci"] == "Aqua" and item["position"] == 1
    assert dumped["ingredients"][-1]["may_contain"] is True
    for finding in dumped["findings"]:
        assert finding["kind"] in (
            "comedogenic", "occlusive", "conflict", "context", "allergen", "fungal-acne",
            "avoid-list",
        )  # fmt: skip
        assert finding["severity"] in ("info", "caution", "avoid")
        assert {"ingredients", "reason", "advice", "sources"} <= set(finding)
    for alt in dumped["alternatives"]:
        assert alt["replaces"] and all({"inci", "why"} <= set(s) for s in alt["suggestions"])
    assert ProductReport.model_validate_json(report.model_dump_json()) == report


def test_context_accepts_list_and_refuses_unknown() -> None:
    report = screener.screen("Aqua, Retinol", context=["pregnancy", "eye-area"])
    assert report.context == ["pregnancy", "eye-area"]
    with pytest.raises(screener.ScreenError, match="Unknown context"):
        screener.screen("Aqua", context="moon")
    with pytest.raises(screener.ScreenError, match="product type"):
        screener.screen("Aqua", product_type="spray-on")


@pytest.mark.parametrize("bad", ["", "   ", None, 42, "x" * 300_000, "<>,,;;"])
def test_screen_error_for_bad_input(bad: object) -> None:
    with pytest.raises(screener.ScreenError):
        screener.screen(bad)


def test_prose_is_refused_with_a_clear_message() -> None:
    prose = (
        "This luxurious cream melts into your skin and leaves it feeling soft, smooth and "
        "radiant all day long thanks to our unique blend of precious botanicals."
    )
    with pytest.raises(screener.ScreenError, match="does not look like an ingredient list"):
        screener.screen(prose)


def test_routine_contract() -> None:
    routine = screener.screen_routine(
        [
            {"name": "Serum", "text": "Aqua, L-Ascorbic Acid, Glycerin"},
            {"name": "Night cream", "text": "Aqua, Retinol, Glycerin"},
            {"name": "Spot gel", "text": "Aqua, Benzoyl Peroxide"},
        ]
    )
    assert isinstance(routine, RoutineReport)
    assert len(routine.products) == 3
    assert routine.findings, "vitamin C / retinol / BPO clash across products"
    for finding in routine.findings:
        assert finding.kind == "conflict" and len(finding.products) == 2
    slots = {p.product: p.slot for p in routine.arrangement}
    assert slots["Night cream"] == "PM"
    assert json.loads(routine.model_dump_json())["arrangement"]
    plain = screener.screen_routine(["Aqua, Glycerin", "Aqua, Squalane"])
    assert plain.findings == [] and plain.unresolved == []


def test_routine_errors() -> None:
    with pytest.raises(screener.ScreenError):
        screener.screen_routine([])
    with pytest.raises(screener.ScreenError, match="Product 2"):
        screener.screen_routine(["Aqua", ""])


def test_load_database_contract() -> None:
    db = screener.load_database()
    assert len(db) > 0
    first = db.ingredients[0]
    assert first.inci and isinstance(first.aliases, tuple)
    assert screener.load_database() is db  # cached


SUMMARY_CASES = [
    LIST,
    "Aqua, Glycerin, Squalane",
    "Petrolatum, Aqua, Glycerin, Petrolatun",  # a guess landing on an ingredient already listed
    "Cocos Nucifera Oil, Aqua, Retinol, Glycolic Acid, Benzoyl Peroxide, Tretinoin",
    "Aqua, Isopropyl Myristate, Phenoxyethanol, May contain: CI 77891, Isopropyl Palmitate",
    "Aqua, Zzyzx Quux, Hamamelis Virginiana (Witch Hazel)",
    # repairs (repair.py): a split name, a missing comma, a name cut short
    "Aqua, 1, 2 Hexanediol, Isopropyl Myristate, Ethylhexyl, Salicylate, Retinol",
    "Water Petrolatum, Glycerin, Acrylates/C10-30 Alkyl, May contain: CI 77891, Disodium, EDTA",
    "Water Glycerin Niacinamide",  # one entry, all unknown until the missing commas are found
    # a Drug Facts panel, a pharmacopoeia grade, a reviewed unknown
    "Active ingredients Purpose\nZinc Oxide 20% Skin protectant\nWarnings\nFor external use only\n"
    "Inactive ingredients\nWhite Petrolatum USP, Mineral Oil, Capric Triglyceride, Retinol",
]


@pytest.mark.parametrize("text", SUMMARY_CASES)
@pytest.mark.parametrize(
    ("contexts", "product_type"),
    [((), None), (("eye-area", "pregnancy"), None), (("infant", "post-procedure"), "rinse-off")],
)
def test_batch_summary_agrees_with_screen(
    text: str, contexts: tuple[str, ...], product_type: str | None
) -> None:
    from screener.screen import get_screener

    full = get_screener().screen(text, context=list(contexts), product_type=product_type)
    lean = get_screener().summarise(text, Options(contexts, product_type))
    assert lean["verdict"] == full.verdict.label
    assert lean["counts"] == full.verdict.counts
    assert lean["by_kind"] == full.verdict.by_kind
    assert lean["flagged"] == full.flagged


def test_drug_facts_panel_flags_its_occlusives() -> None:
    """A healing ointment's Drug Facts panel, copied without colons: its active
    (petrolatum) and inactive occlusives are read and flagged, not lost in one
    unknown entry."""
    report = screener.screen(
        "Active ingredient\nPetrolatum 41%\nPurpose\nSkin protectant\n"
        "Inactive ingredients\nMineral Oil, Ceresin, Lanolin Alcohol, Panthenol, Glycerin"
    )
    names = [i.inci for i in report.ingredients]
    assert names[:3] == ["Petrolatum", "Paraffinum Liquidum", "Ceresin"]
    occlusive = [f for f in report.findings if f.kind == "occlusive"]
    assert {"Petrolatum", "Paraffinum Liquidum"} <= {n for f in occlusive for n in f.ingredients}
    assert report.ingredients[0].annotations == ["41%"]
