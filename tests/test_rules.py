"""Rules → findings, on the small fixture database (stable) and on every real rule."""

from __future__ import annotations

import pytest

from screener.database import Database
from screener.screen import Screener


def findings(screener: Screener, text: str, **kw: object) -> list[tuple[str, str, tuple[str, ...]]]:
    report = screener.screen(text, **kw)  # type: ignore[arg-type]
    return [(f.kind, f.severity, tuple(f.ingredients)) for f in report.findings]


def test_comedogenic_severity_by_position(mini: Screener) -> None:
    top = findings(mini, "Isopropyl Myristate, Water, Glycerin")
    assert ("comedogenic", "avoid", ("Isopropyl Myristate",)) in top
    late = findings(
        mini,
        "Water, Glycerin, Squalane, Dimethicone, Aqua, Retinal, "
        "Phenoxyethanol, Isopropyl Myristate",
    )
    assert ("comedogenic", "caution", ("Isopropyl Myristate",)) in late


def test_rinse_off_lowers_severity(mini: Screener) -> None:
    leave_on = findings(mini, "Isopropyl Myristate, Water")
    rinse = findings(mini, "Isopropyl Myristate, Water", product_type="rinse-off")
    assert ("comedogenic", "avoid", ("Isopropyl Myristate",)) in leave_on
    assert ("comedogenic", "caution", ("Isopropyl Myristate",)) in rinse


def test_may_contain_weighs_least(mini: Screener) -> None:
    found = findings(mini, "Water, Glycerin, May contain: Isopropyl Myristate")
    assert found == [("comedogenic", "info", ("Isopropyl Myristate",))]


def test_low_ratings_raise_nothing(mini: Screener) -> None:
    assert findings(mini, "Squalane, Dimethicone, Glycerin, Water") == []


def test_unconfirmed_rating_never_decides_alone(mini: Screener) -> None:
    report = mini.screen("Stearic Acid, Water")
    item = report.ingredients[0]
    assert item.comedogenic == 3  # the highest *credible* value: F89 2-3 beats GHLIST's 5
    assert {s.source for s in item.comedogenic_sources} == {"F89", "COSDNA", "GHLIST"}


def test_occlusive_is_independent_of_comedogenicity(mini: Screener) -> None:
    report = mini.screen("Petrolatum, Water")
    assert report.ingredients[0].comedogenic == 0
    assert [(f.kind, f.severity) for f in report.findings] == [("occlusive", "caution")]
    eye = mini.screen("Petrolatum, Water", context="eye-area")
    assert [(f.kind, f.severity) for f in eye.findings] == [("occlusive", "avoid")]


def test_conflict_most_specific_rule_wins(mini: Screener) -> None:
    assert ("conflict", "caution", ("Tretinoin", "Benzoyl Peroxide")) in findings(
        mini, "Water, Tretinoin, Benzoyl Peroxide"
    )
    adapalene = findings(mini, "Water, Adapalene, Benzoyl Peroxide")
    assert adapalene == [("conflict", "info", ("Adapalene", "Benzoyl Peroxide"))]


def test_context_only_when_asked(mini: Screener) -> None:
    assert not [f for f in findings(mini, "Water, Retinol") if f[0] == "context"]
    assert ("context", "avoid", ("Retinol",)) in findings(
        mini, "Water, Retinol", context="pregnancy"
    )


def test_findings_carry_reason_advice_sources(mini: Screener) -> None:
    report = mini.screen(
        "Isopropyl Myristate, Petrolatum, Tretinoin, Benzoyl Peroxide",
        context=["pregnancy", "eye-area"],
    )
    assert {f.kind for f in report.findings} == {"comedogenic", "occlusive", "conflict", "context"}
    for finding in report.findings:
        assert finding.reason and finding.advice and finding.sources


def test_alternatives_screen_clean(mini: Screener) -> None:
    report = mini.screen("Isopropyl Myristate, Petrolatum, Water")
    alts = {a.replaces: [s.inci for s in a.suggestions] for a in report.alternatives}
    assert alts["Isopropyl Myristate"][0] == "Squalane"
    assert "Glycerin" in alts["Petrolatum"] and "Dimethicone" in alts["Petrolatum"]
    for alt in report.alternatives:
        assert 1 <= len(alt.suggestions) <= 3
        for s in alt.suggestions:
            again = mini.screen(s.inci)
            assert not [
                f
                for f in again.findings
                if f.kind in ("comedogenic", "occlusive") and f.severity != "info"
            ]


def test_verdict_and_confidence(mini: Screener) -> None:
    clean = mini.screen("Water, Glycerin, Squalane")
    assert clean.verdict.label == "milia-friendly" and clean.verdict.confidence_label == "high"
    bad = mini.screen("Isopropyl Myristate, Water")
    assert bad.verdict.label == "not milia-friendly"
    care = mini.screen("Water, Petrolatum")
    assert care.verdict.label == "use with care"
    unsure = mini.screen("Water, Qwertyx Blorp, Zzyzx Quux")
    assert unsure.verdict.confidence_label == "low"


# --- every rule of the real database fires on a list built from it -----------------


def _example(db: Database, selector_text: str) -> str:
    sel = db.selector(selector_text)
    for ing in db.ingredients:
        if sel.matches(ing):
            return ing.inci
    raise AssertionError(f"no ingredient matches {selector_text}")


def test_every_real_conflict_rule_fires(db: Database, screener_real: Screener) -> None:
    for rule in db.conflicts:
        a = _example(db, rule.a)
        b = next(
            (i.inci for i in db.ingredients if db.selector(rule.b).matches(i) and i.inci != a), None
        )
        assert b is not None, rule.id
        if rule.scope in ("product", "both"):
            report = screener_real.screen(f"Aqua, {a}, {b}")
            rules_fired = {f.rule for f in report.findings if f.kind == "conflict"}
        else:
            routine = screener_real.screen_routine([f"Aqua, {a}", f"Aqua, {b}"])
            rules_fired = {f.rule for f in routine.findings}
        # A more specific rule may cover the pair instead; then that rule's id fires.
        assert rules_fired, (rule.id, a, b)


def test_every_real_context_rule_fires(db: Database, screener_real: Screener) -> None:
    for rule in db.contexts:
        name = _example(db, rule.target)
        # At the level the rule names (a printed percentage when it asks for one).
        amount = f" {rule.min_percent:g}%" if rule.min_percent is not None else ""
        report = screener_real.screen(f"Aqua, {name}{amount}", context=rule.context)
        assert rule.id in {f.rule for f in report.findings}, (rule.id, name)
        plain = screener_real.screen(f"Aqua, {name}{amount}")
        assert rule.id not in {f.rule for f in plain.findings}
        if rule.min_percent is not None:
            below = screener_real.screen(
                f"Aqua, {name} {rule.min_percent / 2:g}%", context=rule.context
            )
            assert rule.id not in {f.rule for f in below.findings}, rule.id


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Petrolatum, Aqua", "occlusive"),
        ("Paraffinum Liquidum, Aqua", "occlusive"),
        ("Isopropyl Myristate, Aqua", "comedogenic"),
        ("Cocos Nucifera Oil, Aqua", "comedogenic"),
    ],
)
def test_real_flags(screener_real: Screener, text: str, kind: str) -> None:
    report = screener_real.screen(text)
    assert any(f.kind == kind and f.severity != "info" for f in report.findings)


def test_ingredient_listed_twice_is_judged_once(mini: Screener) -> None:
    report = mini.screen("Petrolatum, Water, Glycerin, Petrolatun")
    occlusive = [f for f in report.findings if f.kind == "occlusive"]
    assert len(occlusive) == 1 and "position 1" in occlusive[0].reason


def test_post_procedure_fragrance_rule_reads_the_primary_function(screener_real: Screener) -> None:
    """CosIng lists 'perfuming' as a side function of glycols, esters and waxes:
    those are not fragrance. The aftercare rule flags fragrance materials only."""
    report = screener_real.screen(
        "Aqua, Caprylic/Capric Triglyceride, Butylene Glycol, Propylene Glycol, Cera Alba, "
        "Parfum, Linalool",
        context="post-procedure",
    )
    flagged = {n for f in report.findings if f.kind == "context" for n in f.ingredients}
    assert flagged == {"Parfum", "Linalool"}


# --- topical corticosteroids and unnamed fragrance in the contexts --------------------

# printed list, context, rule, severity, ingredient named by the finding
CONTEXT_RULE_CASES: list[tuple[str, str, str, str, str]] = [
    # corticosteroids, split by the UK/WHO potency classes (actives.csv)
    (
        "Aqua, Clobetasol Propionate 0.05%, Petrolatum",
        "eye",
        "X22",
        "avoid",
        "Clobetasol Propionate",
    ),
    ("Aqua, Mometasone Furoate 0.1%, Glycerin", "eye-area", "X22", "avoid", "Mometasone Furoate"),
    (
        "Aqua, Hydrocortisone Butyrate 0.1%, Glycerin",
        "eye-area",
        "X22",
        "avoid",
        "Hydrocortisone Butyrate",
    ),
    ("Aqua, Hydrocortisone 1%, Glycerin", "eye-area", "X23", "caution", "Hydrocortisone"),
    (
        "Aqua, Clobetasone Butyrate 0.05%, Glycerin",
        "eye-area",
        "X23",
        "caution",
        "Clobetasone Butyrate",
    ),
    (
        "Aqua, Betamethasone Dipropionate 0.05%, Glycerin",
        "infant",
        "X24",
        "avoid",
        "Betamethasone Dipropionate",
    ),
    (
        "Aqua, Clobetasol Propionate 0.05%, Glycerin",
        "infant",
        "X24",
        "avoid",
        "Clobetasol Propionate",
    ),
    ("Aqua, Hydrocortisone 1%, Petrolatum", "infant", "X25", "caution", "Hydrocortisone"),
    (
        "Hydrocortisone Acetate 1%, Aqua, Glycerin",
        "infant",
        "X25",
        "caution",
        "Hydrocortisone Acetate",
    ),
    ("Aqua, Desonide 0.05%, Glycerin", "infant", "X25", "caution", "Desonide"),
    (
        "Aqua, Clobetasol Propionate 0.05%, Glycerin",
        "pregnancy",
        "X26",
        "caution",
        "Clobetasol Propionate",
    ),
    # unnamed fragrance, however the label spells it
    ("Aqua, Glycerin, Parfum", "eye-area", "X27", "caution", "Parfum"),
    ("Aqua, Glycerin, Fragrance", "eye", "X27", "caution", "Parfum"),
    ("Aqua, Glycerin, Fragrance (Parfum)", "eye-area", "X27", "caution", "Parfum"),
    ("Aqua, Glycerin, Parfum", "infant", "X28", "caution", "Parfum"),
    ("Aqua, Glycerin, Fragrance (Parfum)", "infant", "X28", "caution", "Parfum"),
    ("Aqua, Glycerin, Parfum (Fragrance)", "infant", "X28", "caution", "Parfum"),
    ("Aqua, Glycerin, Perfume", "infant", "X28", "caution", "Parfum"),
    ("Aqua, Glycerin, Peruvian Balsam", "infant", "X28", "caution", "Myroxylon Pereirae Resin"),
]


@pytest.mark.parametrize(("text", "context", "rule", "severity", "inci"), CONTEXT_RULE_CASES)
def test_context_rule_fires_on_the_class(
    screener_real: Screener, text: str, context: str, rule: str, severity: str, inci: str
) -> None:
    report = screener_real.screen(text, context=context)
    found = [f for f in report.findings if f.rule == rule]
    assert len(found) == 1, (text, context, [(f.rule, f.ingredients) for f in report.findings])
    assert found[0].severity == severity and inci in found[0].ingredients
    assert found[0].evidence is not None and found[0].sources
    assert rule not in {f.rule for f in screener_real.screen(text).findings}


def test_every_corticosteroid_has_one_potency_class(db: Database) -> None:
    steroids = [i for i in db.ingredients if "corticosteroid" in i.classes]
    assert len(steroids) >= 13
    for ing in steroids:
        split = ing.classes & {"corticosteroid_potent", "corticosteroid_mild"}
        assert len(split) == 1, (ing.inci, sorted(ing.classes))


@pytest.mark.parametrize(
    ("context", "potent", "mild"), [("eye-area", "X22", "X23"), ("infant", "X24", "X25")]
)
def test_a_corticosteroid_gets_one_finding_per_context(
    db: Database, screener_real: Screener, context: str, potent: str, mild: str
) -> None:
    """The potency split is a partition: a steroid is judged once, never avoid + caution."""
    for ing in (i for i in db.ingredients if "corticosteroid" in i.classes):
        rules = {
            f.rule for f in screener_real.screen(f"Aqua, {ing.inci}", context=context).findings
        }
        expected = potent if "corticosteroid_potent" in ing.classes else mild
        assert rules & {potent, mild} == {expected}, (ing.inci, rules)


def test_mild_corticosteroid_raises_nothing_in_pregnancy(screener_real: Screener) -> None:
    report = screener_real.screen("Aqua, Hydrocortisone 1%, Glycerin", context="pregnancy")
    assert not [f for f in report.findings if f.kind == "context"]


@pytest.mark.parametrize("context", ["eye-area", "infant"])
def test_fragrance_rules_read_the_primary_function(screener_real: Screener, context: str) -> None:
    """Glycols, esters and waxes that CosIng lists as 'perfuming' on the side are not fragrance."""
    report = screener_real.screen(
        "Aqua, Caprylic/Capric Triglyceride, Butylene Glycol, Propylene Glycol, Cera Alba, "
        "Parfum, Linalool",
        context=context,
    )
    rule = "X27" if context == "eye-area" else "X28"
    flagged = {n for f in report.findings if f.rule == rule for n in f.ingredients}
    assert flagged == {"Parfum", "Linalool"}
    # the EU allergen finding is a separate kind and still names only the listed allergen
    allergen = {n for f in report.findings if f.kind == "allergen" for n in f.ingredients}
    assert allergen == {"Linalool"}


def test_fragrance_free_list_raises_no_fragrance_rule(screener_real: Screener) -> None:
    for context in ("eye-area", "infant"):
        report = screener_real.screen("Aqua, Glycerin, Squalane, Phenoxyethanol", context=context)
        assert not {"X27", "X28"} & {f.rule for f in report.findings}


def test_an_inventory_only_ingredient_has_no_primary_function_among_several(
    screener_real: Screener,
) -> None:
    # CosIng lists cod liver oil as "Fragrance, Skin Conditioning, Skin Protecting",
    # alphabetically: perfuming is not its main job, so no fragrance rule fires.
    report = screener_real.screen("Zinc Oxide 40%, Cod Liver Oil, Petrolatum", context="infant")
    assert not any(
        "Cod Liver Oil" in f.ingredients and f.kind == "context" for f in report.findings
    )
    (oil,) = [
        e for e in screener_real.run("Cod Liver Oil, Aqua").entries if e.inci == "Cod Liver Oil"
    ]
    assert oil.ingredient is not None and oil.ingredient.primary_function == ""


@pytest.mark.parametrize(
    ("text", "context", "rule", "leave_on", "rinse_off"),
    [
        ("Water, Salicylic Acid 2%, Glycerin", "pregnancy", "X02", "caution", "info"),
        ("Aqua, Petrolatum, Glycerin", "eye-area", "X13", "avoid", "caution"),
        # retinoids in pregnancy hold whatever the contact time
        ("Water, Retinol, Glycerin", "pregnancy", "X01", "avoid", "avoid"),
    ],
)
def test_a_rinse_off_product_lowers_only_the_rules_marked_so(
    screener_real: Screener, text: str, context: str, rule: str, leave_on: str, rinse_off: str
) -> None:
    def severity(product_type: str) -> str:
        report = screener_real.screen(text, context=context, product_type=product_type)
        (found,) = [f for f in report.findings if f.rule == rule]
        return found.severity

    assert (severity("leave-on"), severity("rinse-off")) == (leave_on, rinse_off)


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # benzyl alcohol as a preservative: no perfume in the product, so no raise
        ("Aqua, Glycerin, Benzyl Alcohol, Phenoxyethanol", "info"),
        # a perfuming allergen, or a perfume beside it, raises it for an infant
        ("Aqua, Glycerin, Linalool", "caution"),
        ("Aqua, Glycerin, Benzyl Alcohol, Parfum", "caution"),
    ],
)
def test_an_allergen_raises_a_context_only_in_a_perfumed_product(
    screener_real: Screener, text: str, severity: str
) -> None:
    report = screener_real.screen(text, context="infant")
    (allergen,) = [f for f in report.findings if f.kind == "allergen"]
    assert allergen.severity == severity


def test_betaine_salicylate_is_judged_as_salicylic_acid_in_pregnancy(
    screener_real: Screener,
) -> None:
    report = screener_real.screen("Water, Betaine Salicylate 4%, Glycerin", context="pregnancy")
    assert [f.rule for f in report.findings if f.kind == "context"] == ["X02"]


def test_a_reason_counts_a_drug_facts_position_among_the_inactive_ingredients(
    screener_real: Screener,
) -> None:
    report = screener_real.screen(
        "Drug Facts Active ingredients Purpose Camphor 1.7% External analgesic Menthol 0.7% "
        "External analgesic Inactive ingredients petrolatum, lanolin, glycerin"
    )
    (finding,) = [f for f in report.findings if f.rule.startswith("occlusive:heavy")][:1]
    assert "at position 3, 1st of the inactive ingredients, among the first five inactive" in (
        finding.reason
    )
