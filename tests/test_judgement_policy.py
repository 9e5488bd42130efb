"""The judgement policies of ingredients/README.md, one table per policy.

Concentration (printed percentages, alphabetical lists), roles, evidence caps,
rinse-off after the caps, occlusion load, evidence grades, and the report and
the batch row agreeing because both come from one pipeline result.
"""

from __future__ import annotations

import pytest

from screener.database import Database
from screener.options import Options
from screener.place import printed_percent
from screener.screen import Screener

OINTMENT = "Petrolatum, Paraffinum Liquidum, Cera Microcristallina, Panthenol, Glycerin, Bisabolol"
HEAD_PLAIN = "Aqua, Petrolatum, Paraffinum Liquidum, Cetearyl Alcohol, Glycerin"
BEPANTHEN_VEHICLE = (
    "Protegin X, petroleum jelly, wool fat, white beeswax, almond oil, cetyl alcohol, "
    "stearyl alcohol, liquid paraffin, purified water"
)
AQUAPHOR_INACTIVE = (
    "Inactive ingredients: Mineral Oil, Ceresin, Lanolin Alcohol, Panthenol, Glycerin, Bisabolol"
)
CREAM_PETROLATUM_7TH = (
    "Aqua, Glycerin, Caprylic/Capric Triglyceride, Cetearyl Alcohol, Butylene Glycol, "
    "Dimethicone, Petrolatum, Phenoxyethanol, Xanthan Gum"
)


def severities(report: object, kind: str, inci: str) -> list[str]:
    return [
        f.severity
        for f in report.findings  # type: ignore[attr-defined]
        if f.kind == kind and inci in f.ingredients
    ]


# --- concentration: a printed percentage wins ------------------------------------


@pytest.mark.parametrize(
    ("annotations", "percent"),
    [
        (("2%",), 2.0),
        (("(0.5 %)",), 0.5),
        (("41%",), 41.0),
        (("0,5%",), 0.5),
        (("organic",), None),
        ((), None),
        (("150%",), None),
    ],
)
def test_printed_percent(annotations: tuple[str, ...], percent: float | None) -> None:
    assert printed_percent(annotations) == percent


def test_printed_percentage_beats_position(screener_real: Screener) -> None:
    # Isopropyl Myristate (5/5) printed first but at 0.5%: a small amount.
    small = screener_real.screen("Isopropyl Myristate 0.5%, Aqua, Glycerin, Dimethicone")
    assert severities(small, "comedogenic", "Isopropyl Myristate") == ["info"]
    reason = next(f.reason for f in small.findings if f.kind == "comedogenic")
    assert "printed at 0.5%" in reason
    # ... and last but at 20%: a high amount.
    high = screener_real.screen("Aqua, Glycerin, Dimethicone, Isopropyl Myristate 20%")
    assert severities(high, "comedogenic", "Isopropyl Myristate") == ["avoid"]


def test_alphabetical_list_makes_position_unknown(screener_real: Screener) -> None:
    text = (
        "Cetearyl Alcohol, Glycerin, Isopropyl Palmitate, Methylparaben, "
        "Paraffinum Liquidum, Petrolatum, Propylparaben, Sodium Lauryl Sulfate, Water"
    )
    report = screener_real.screen(text)
    assert any("alphabetical order" in n for n in report.notes)
    petrolatum = next(
        f for f in report.findings if f.kind == "occlusive" and f.ingredients == ["Petrolatum"]
    )
    assert "says nothing about its amount" in petrolatum.reason
    assert petrolatum.severity == "caution"  # judged mid-list, neither top nor trace
    # No ~1% line is estimated on an alphabetical list.
    assert not any("~1% line" in n for n in report.notes)


def test_alphabetical_tail_of_a_cosmetic_list_is_the_one_percent_line(
    screener_real: Screener,
) -> None:
    # Ingredients at or under 1% may be listed in any order; brands often sort them.
    text = (
        "Water, PEG-100 Stearate, Glyceryl Stearate, Butyrospermum Parkii Butter, "
        "Cyclopentasiloxane, Bisabolol, C13-14 Isoparaffin, Caprylyl Glycol, Cetearyl Alcohol, "
        "Laureth-7, Panthenol, Phenoxyethanol, Simmondsia Chinensis Seed Oil, Tocopheryl Acetate"
    )
    report = screener_real.screen(text, context="eye-area")
    assert any("From position 6" in n for n in report.notes)
    assert not any("says nothing about amounts" in n for n in report.notes)
    jojoba = [f for f in report.findings if "Simmondsia Chinensis Seed Oil" in f.ingredients]
    assert all(f.severity == "info" for f in jojoba)


def test_ordinary_list_is_not_called_alphabetical(screener_real: Screener) -> None:
    report = screener_real.screen(CREAM_PETROLATUM_7TH)
    assert not any("alphabetical order" in n for n in report.notes)


# --- roles: a name is not a role -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "context", "rule"),
    [
        # Lactic acid last, after the preservative: a pH adjuster, not an exfoliant.
        (
            "Aqua, Glycerin, Squalane, Cetearyl Alcohol, Phenoxyethanol, Xanthan Gum, Lactic Acid",
            "post-procedure",
            "X15",
        ),
        # Niacinamide is not an exfoliant or an irritating active for an infant.
        ("Water, Glycerin, Niacinamide, Cetearyl Alcohol, Phenoxyethanol", "infant", "X06"),
        # Salicylic acid at preservative level (EU Annex V: 0.5%) in a baby wash.
        (
            "Aqua, Coco-Glucoside, Glycerin, Sodium Benzoate, Salicylic Acid 0.2%",
            "infant",
            "X07",
        ),
    ],
)
def test_minor_roles_do_not_raise_active_rules(
    screener_real: Screener, text: str, context: str, rule: str
) -> None:
    report = screener_real.screen(text, context=context)
    assert rule not in {f.rule for f in report.findings}


@pytest.mark.parametrize(
    ("text", "context", "rule"),
    [
        ("Aqua, Lactic Acid, Glycerin, Sodium Hydroxide", "post-procedure", "X15"),
        ("Aqua, Salicylic Acid 2%, Glycerin", "infant", "X07"),
        ("Aqua, Retinol, Glycerin, Squalane", "infant", "X06"),
    ],
)
def test_active_roles_still_raise_them(
    screener_real: Screener, text: str, context: str, rule: str
) -> None:
    report = screener_real.screen(text, context=context)
    assert rule in {f.rule for f in report.findings}


def test_trace_antioxidant_does_not_clash_across_a_routine(screener_real: Screener) -> None:
    routine = screener_real.screen_routine(
        [
            {
                "name": "BPO wash",
                "text": "Water, Benzoyl Peroxide 5%, Glycerin, Sodium Cocoyl Isethionate",
            },
            {
                "name": "Cream",
                "text": "Aqua, Glycerin, Squalane, Cetearyl Alcohol, Phenoxyethanol, Ascorbic Acid",
            },
        ]
    )
    assert not [f for f in routine.findings if f.severity == "avoid"]
    serum = screener_real.screen_routine(
        [
            {"name": "BPO wash", "text": "Water, Benzoyl Peroxide 5%, Glycerin"},
            {"name": "Vitamin C serum", "text": "Aqua, Ascorbic Acid, Glycerin, Ferulic Acid"},
        ]
    )
    assert any(f.severity == "avoid" for f in serum.findings)


# --- evidence: weak ratings never decide ----------------------------------------


def test_rating_on_unconfirmed_lists_only_is_info(screener_real: Screener) -> None:
    report = screener_real.screen("Aqua, Sodium Chloride, Glycerin")
    assert set(severities(report, "comedogenic", "Sodium Chloride")) <= {"info"}
    finding = next(f for f in report.findings if "Sodium Chloride" in f.ingredients)
    assert finding.evidence == "unverified list"
    assert report.verdict.label == "milia-friendly"


def test_low_rating_is_info_at_most(screener_real: Screener) -> None:
    report = screener_real.screen("Aqua, Cetyl Alcohol, Glycerin, Dimethicone")
    assert set(severities(report, "comedogenic", "Cetyl Alcohol")) <= {"info"}
    assert report.verdict.label == "milia-friendly"


@pytest.mark.parametrize(
    ("text", "inci", "leave_on", "rinse_off"),
    [
        ("Isopropyl Myristate, Aqua, Glycerin", "Isopropyl Myristate", "avoid", "caution"),
        ("Aqua, Petrolatum, Glycerin", "Petrolatum", "caution", "info"),
    ],
)
def test_rinse_off_lowers_after_the_caps(
    screener_real: Screener, text: str, inci: str, leave_on: str, rinse_off: str
) -> None:
    kind = "occlusive" if inci == "Petrolatum" else "comedogenic"
    assert max(severities(screener_real.screen(text), kind, inci)) == leave_on
    washed = screener_real.screen(text, product_type="rinse-off")
    assert max(severities(washed, kind, inci)) == rinse_off


def test_every_finding_carries_an_evidence_grade(screener_real: Screener) -> None:
    report = screener_real.screen(
        "Aqua, Petrolatum, Isopropyl Myristate, Tretinoin, Benzoyl Peroxide, Parfum",
        context=["eye-area", "pregnancy", "post-procedure"],
    )
    grades = {"primary study", "review or guideline", "ingredient database", "unverified list"}
    assert report.findings
    for finding in report.findings:
        assert finding.evidence in grades, finding.rule


def test_reasons_never_show_scrape_provenance(screener_real: Screener) -> None:
    report = screener_real.screen(
        "Aqua, Sodium Chloride, Algae Extract, Isopropyl Myristate, Cocos Nucifera Oil",
        context=["eye-area"],
    )
    for finding in report.findings:
        text = (finding.reason + finding.advice).lower()
        assert "github" not in text and "unattributed" not in text and "commit" not in text


# --- occlusion load --------------------------------------------------------------


def test_ointment_is_not_milia_friendly(screener_real: Screener) -> None:
    report = screener_real.screen(OINTMENT)
    assert report.verdict.label == "not milia-friendly"
    load = next(f for f in report.findings if f.rule.startswith("occlusion-load"))
    assert load.severity == "avoid" and "Petrolatum" in load.ingredients


def test_printed_petrolatum_share_makes_an_ointment(screener_real: Screener) -> None:
    report = screener_real.screen(
        "Drug Facts Active ingredient Purpose White Petrolatum 41% Skin protectant "
        "Inactive ingredients Glycerin, Panthenol, Bisabolol"
    )
    assert report.verdict.label == "not milia-friendly"


def test_cream_with_petrolatum_seventh_is_use_with_care(screener_real: Screener) -> None:
    report = screener_real.screen(CREAM_PETROLATUM_7TH)
    assert report.verdict.label == "use with care"
    assert not any(f.rule.startswith("occlusion-load") for f in report.findings)


def test_heavy_occlusive_in_trace_only_is_info(screener_real: Screener) -> None:
    text = (
        "Aqua, Glycerin, Dimethicone, Cetearyl Alcohol, Butylene Glycol, Niacinamide, "
        "Phenoxyethanol, Xanthan Gum, Petrolatum"
    )
    assert set(severities(screener_real.screen(text), "occlusive", "Petrolatum")) == {"info"}


def _load(report: object) -> str | None:
    rules = [f.rule for f in report.findings if f.rule.startswith("occlusion-load")]  # type: ignore[attr-defined]
    return rules[0] if rules else None


# A one-ingredient product is all that ingredient; in an n-entry list the first
# entry is at least 1/n of the product (descending order), of what printed
# amounts leave; a printed amount wins. Moderate occlusives alone are oils or
# balms, heavy ones ointments; light and non-occlusive ones stay clean.
@pytest.mark.parametrize(
    ("text", "load", "verdict"),
    [
        ("Sclerocarya Birrea Seed Oil", "occlusion-load:balm", "use with care"),
        ("Rosa Canina Fruit Oil", "occlusion-load:balm", "use with care"),
        ("Butyrospermum Parkii Butter", "occlusion-load:balm", "use with care"),
        ("Cera Alba", "occlusion-load:balm", "use with care"),
        ("Hydrogenated Polyisobutene", "occlusion-load:balm", "use with care"),
        ("Petrolatum", "occlusion-load:ointment", "not milia-friendly"),
        ("Lanolin", "occlusion-load:ointment", "not milia-friendly"),
        ("Paraffinum Liquidum", "occlusion-load:ointment", "not milia-friendly"),
        ("Squalane", None, "milia-friendly"),
        ("Dimethicone", None, "milia-friendly"),
        ("Glycerin", None, "milia-friendly"),
        # 1% printed leaves the oil 99% of the product
        ("Tocopherol 1%, Sclerocarya Birrea Seed Oil", "occlusion-load:balm", "use with care"),
        # a printed amount wins over the bound
        ("Sclerocarya Birrea Seed Oil 40%", None, "milia-friendly"),
        # two entries: the first is at least half (a half oil weighs under balm_load)
        ("Sclerocarya Birrea Seed Oil, Squalane", None, "milia-friendly"),
        ("Squalane, Sclerocarya Birrea Seed Oil", None, "milia-friendly"),
        ("Sclerocarya Birrea Seed Oil, Aqua", None, "milia-friendly"),
        (
            "Sclerocarya Birrea Seed Oil, Simmondsia Chinensis Seed Oil",
            "occlusion-load:balm",
            "use with care",
        ),
        ("Petrolatum, Squalane", "occlusion-load:ointment", "not milia-friendly"),
    ],
)
def test_first_entry_is_at_least_its_share_of_the_list(
    screener_real: Screener, text: str, load: str | None, verdict: str
) -> None:
    report = screener_real.screen(text)
    assert (_load(report), report.verdict.label) == (load, verdict)


@pytest.mark.parametrize(
    ("text", "inci", "share"),
    [
        ("Sclerocarya Birrea Seed Oil", "Sclerocarya Birrea Seed Oil", 1.0),
        ("Sclerocarya Birrea Seed Oil, Squalane", "Sclerocarya Birrea Seed Oil", 0.5),
        ("Squalane, Sclerocarya Birrea Seed Oil", "Sclerocarya Birrea Seed Oil", 0.2),
        # 1/3 is below the first position share: the position share stands
        ("Sclerocarya Birrea Seed Oil, Squalane, Glycerin", "Sclerocarya Birrea Seed Oil", 0.35),
        ("Sclerocarya Birrea Seed Oil 40%", "Sclerocarya Birrea Seed Oil", 0.4),
        ("Tocopherol 1%, Sclerocarya Birrea Seed Oil", "Sclerocarya Birrea Seed Oil", 0.99),
        # positions count among the entries without a printed amount
        (f"Hydrocortisone 1%, {HEAD_PLAIN}", "Petrolatum", 0.2),
        (f"Hydrocortisone 1%, {HEAD_PLAIN}", "Paraffinum Liquidum", 0.12),
        (
            "Hydrocortisone 1%, Aqua, Glycerin, Butylene Glycol, Cetearyl Alcohol, Petrolatum, "
            "Xanthan Gum",
            "Petrolatum",
            0.06,
        ),
        # the k-th entry without a printed amount is at most 1/k of what is left
        ("Zinc Oxide 70%, Petrolatum, Paraffinum Liquidum", "Petrolatum", 0.3),
        ("Zinc Oxide 70%, Petrolatum, Paraffinum Liquidum", "Paraffinum Liquidum", 0.15),
        # a Drug Facts inactive section restarts the rank (printed active or not)
        (f"Active ingredient: Petrolatum 41%. {AQUAPHOR_INACTIVE}", "Paraffinum Liquidum", 0.35),
        (f"Active ingredient: Petrolatum. {AQUAPHOR_INACTIVE}", "Paraffinum Liquidum", 0.35),
        (f"Active ingredient: Petrolatum. {AQUAPHOR_INACTIVE}", "Petrolatum", 0.35),
        ("Active ingredient: White Petrolatum USP. Purpose: Skin protectant", "Petrolatum", 1.0),
        # may-contain entries are not part of the declared list
        ("Sclerocarya Birrea Seed Oil, May contain: CI 77891", "Sclerocarya Birrea Seed Oil", 1.0),
    ],
)
def test_estimated_share(
    screener_real: Screener, db: Database, text: str, inci: str, share: float
) -> None:
    from screener.judge.occlusive import _load_numbers, estimated_share

    placement = screener_real.run(text).placement
    item = next(p for p in placement.placed if p.ingredient.inci == inci)
    shares, middle, trace, _weights = _load_numbers(db.severity["occlusion_load"])
    assert estimated_share(item, placement, shares, middle, trace) == pytest.approx(share)


def test_position_shares_respect_the_descending_order(db: Database) -> None:
    # The k-th of n entries in descending order is at most 1/k of the product, so
    # without printed amounts the upper bound never changes a position share.
    shares = db.severity["occlusion_load"]["position_shares"]
    assert all(share <= 1 / k for k, share in enumerate(shares, start=1))
    assert list(shares) == sorted(shares, reverse=True)


# A printed amount at the head of a list has its own share: the position shares
# go to the entries without one, so the vehicle after it weighs as it would alone.
@pytest.mark.parametrize(
    ("printed", "plain", "load"),
    [
        (f"Hydrocortisone 1%, {HEAD_PLAIN}", HEAD_PLAIN, "occlusion-load:ointment"),
        (f"Dexpanthenol 5%, {BEPANTHEN_VEHICLE}", BEPANTHEN_VEHICLE, "occlusion-load:ointment"),
        (
            "Zinc Oxide 9%, Octinoxate 7.5%, Aqua, Petrolatum, Paraffinum Liquidum, Glycerin",
            "Aqua, Petrolatum, Paraffinum Liquidum, Glycerin",
            "occlusion-load:ointment",
        ),
        # a control: a petrolatum cream stays a cream with or without the head
        (f"Salicylic Acid 2%, {CREAM_PETROLATUM_7TH}", CREAM_PETROLATUM_7TH, None),
    ],
)
def test_printed_head_takes_no_position_share(
    screener_real: Screener, printed: str, plain: str, load: str | None
) -> None:
    with_head, alone = screener_real.screen(printed), screener_real.screen(plain)
    assert _load(with_head) == _load(alone) == load
    assert with_head.verdict.label == alone.verdict.label


def test_share_rank_skips_printed_and_restarts_in_drug_facts(screener_real: Screener) -> None:
    placement = screener_real.run(f"Hydrocortisone 1%, {HEAD_PLAIN}").placement
    ranks = {p.ingredient.inci: (p.position, p.rank, p.share_rank) for p in placement.placed}
    assert ranks["Petrolatum"] == (3, 3, 2)
    assert (placement.unprinted, placement.lead) == (5, 2)
    assert placement.unprinted_share == pytest.approx(0.99)
    panel = screener_real.run(f"Active ingredient: Petrolatum. {AQUAPHOR_INACTIVE}").placement
    ranks = {p.ingredient.inci: (p.rank, p.share_rank) for p in panel.placed}
    assert ranks["Petrolatum"] == (1, 1) and ranks["Paraffinum Liquidum"] == (1, 1)
    assert panel.lead is None  # two lists: which one holds the most is unknown


# --- verdict -------------------------------------------------------------------


def test_too_little_recognised_is_uncertain(screener_real: Screener) -> None:
    report = screener_real.screen("Aqua, Zzyzx Quuxolate, Blorbium Flarn, Snarfate Glim")
    assert report.verdict.label == "uncertain"


def test_verdict_names_what_decided_it(screener_real: Screener) -> None:
    report = screener_real.screen(OINTMENT)
    assert report.verdict.deciding and "Petrolatum" in report.verdict.deciding[0]


@pytest.mark.parametrize(
    "options",
    [Options(), Options(("eye-area", "infant"), None), Options(("pregnancy",), "rinse-off")],
)
@pytest.mark.parametrize("text", [OINTMENT, CREAM_PETROLATUM_7TH, "Aqua, Sodium Chloride"])
def test_report_and_batch_row_are_views_of_one_result(
    screener_real: Screener, db: Database, options: Options, text: str
) -> None:
    from screener.views import batch_row, product_report

    result = screener_real.run(text, options)
    report = product_report(result, db)
    row = batch_row(result)
    assert row["verdict"] == report.verdict.label
    assert row["counts"] == report.verdict.counts
    assert row["flagged"] == report.flagged
