"""Swaps that do the same job (issue 12, class 6), on the real database.

A substitute keeps the replaced ingredient's formula role, is not a relative
of it (same family), is not restricted in the EU, and screens clean in the
contexts asked for. The table lists, per replaced ingredient, substitutes that
must be offered and substitutes that must never be, with the reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from screener.alternatives import (
    ROLE_LABELS,
    alternatives_for,
    candidates,
    formula_roles,
    is_relative,
    raises_in_context,
    suggest_for,
)
from screener.database import Database, load_database_from
from screener.errors import DatabaseError
from screener.screen import Screener

CONTEXTS = ("eye-area", "infant", "pregnancy", "post-procedure")


def offered(db: Database, inci: str, contexts: tuple[str, ...] = ()) -> list[str]:
    return [s.inci for s in suggest_for(db.by_inci[inci], db, exclude=set(), contexts=contexts)]


# (replaced, must be offered (one of), must never be offered, why)
CASES: list[tuple[str, set[str], set[str], str]] = [
    (
        "Cetearyl Alcohol",
        {"Sorbitan Stearate", "Cholesterol", "Behenic Acid"},
        {
            "Cyclomethicone",
            "Cyclopentasiloxane",
            "Cyclohexasiloxane",
            "Cetyl Alcohol",
            "Stearyl Alcohol",
        },
        "a thickener/co-emulsifier is not swapped for an EU-restricted volatile silicone or another fatty alcohol",
    ),
    (
        "Cetyl Alcohol",
        {"Sorbitan Stearate", "Cholesterol"},
        {"Cyclomethicone", "Squalane", "Cetearyl Alcohol", "Behenyl Alcohol"},
        "a thickener is not replaced by a thin oil or a fatty-alcohol relative",
    ),
    (
        "Sodium Lauryl Sulfate",
        {"Polysorbate 20"},
        {
            "Ammonium Lauryl Sulfate",
            "Sodium Laureth Sulfate",
            "Sodium Coco-Sulfate",
            "Lauric Acid",
            "Behenic Acid",
            "Stearic Acid",
        },
        "a cleanser is not swapped for the same sulfate head group or for a fatty acid",
    ),
    (
        "Sodium Laureth Sulfate",
        {"Polysorbate 20"},
        {"Ammonium Lauryl Sulfate", "Sodium Lauryl Sulfate", "Behenic Acid"},
        "ether sulfates and sulfates share the head group",
    ),
    (
        "Tocopherol",
        set(),
        {"Tocopheryl Acetate"},
        "the acetate ester does not protect the formula from oxidation",
    ),
    (
        "Petrolatum",
        {"Dimethicone"},
        {
            "Glycerin",
            "Sodium Hyaluronate",
            "Butylene Glycol",
            "Panthenol",
            "Paraffinum Liquidum",
            "Paraffin",
        },
        "a barrier film is not replaced by a humectant alone, nor by another petroleum hydrocarbon",
    ),
    (
        "Paraffinum Liquidum",
        {"Dimethicone", "Squalane"},
        {"Glycerin", "Petrolatum", "Cyclomethicone"},
        "mineral oil keeps an emollient or barrier-film substitute",
    ),
    (
        "Cocos Nucifera Oil",
        {"Squalane"},
        {
            "Carthamus Tinctorius Seed Oil",
            "Helianthus Annuus Seed Oil",
            "Argania Spinosa Kernel Oil",
            "Cyclomethicone",
        },
        "another plant oil is a relative (and a moderate occlusive)",
    ),
    (
        "Theobroma Cacao Seed Butter",
        {"Octyldodecyl Stearate"},
        {"Butyrospermum Parkii Butter", "Carthamus Tinctorius Seed Oil", "Glycerin"},
        "a rich butter keeps a rich emollient, not another plant fat or a humectant",
    ),
    (
        "Isopropyl Myristate",
        {"Squalane", "Propylene Glycol Dicaprylate/Dicaprate"},
        {"Diisopropyl Adipate", "Myristyl Myristate", "Isopropyl Palmitate", "Cyclomethicone"},
        "same isopropyl or myristic-chain ester family, or EU-restricted",
    ),
    (
        "Myristyl Myristate",
        {"Octyldodecyl Stearate"},
        {"Isopropyl Myristate", "Myristyl Lactate"},
        "myristic-chain esters are one family",
    ),
    (
        "Isocetyl Stearate",
        {"Squalane"},
        {"Octyldodecyl Stearate", "Butyl Stearate", "Hexyldecyl Stearate"},
        "stearate esters are one family",
    ),
    (
        "Glyceryl Stearate SE",
        {"PEG-100 Stearate", "Sorbitan Stearate"},
        {"Glyceryl Stearate"},
        "the non-SE grade is the same glyceryl ester",
    ),
    (
        "PEG-8 Stearate",
        {"Sorbitan Stearate"},
        {"PEG-100 Stearate", "PEG-20 Stearate"},
        "PEG-n stearates differ by n but are one family",
    ),
    (
        "Oleth-3",
        {"Polysorbate 20", "PEG-100 Stearate"},
        {"Steareth-100", "Oleth-10", "Steareth-20"},
        "ethoxylated fatty alcohols are one family",
    ),
    (
        "Sorbitan Oleate",
        {"PEG-100 Stearate"},
        {"Sorbitan Stearate", "Polysorbate 80"},
        "polysorbates are ethoxylated sorbitan esters",
    ),
    (
        "Acetylated Lanolin Alcohol",
        {"Squalane", "Octyldodecyl Stearate"},
        {"Lanolin Oil", "Lanolin", "Lanolin Alcohol", "Cholesterol"},
        "lanolin derivatives are relatives; cholesterol is a co-emulsifier, not an emollient",
    ),
    (
        "Lauric Acid",
        {"Sorbitan Stearate", "Cholesterol"},
        {"Zinc Stearate", "Magnesium Stearate", "Behenic Acid", "Stearic Acid"},
        "a metal soap is a powder, not a co-emulsifier; other fatty acids are relatives",
    ),
    (
        "Algae Extract",
        {"Aloe Barbadensis Leaf Juice", "Allantoin"},
        {"Carbomer", "Hydroxypropylcellulose", "Chondrus Crispus"},
        "algae extract is a skin-conditioning extract, not a thickener",
    ),
    (
        "Chondrus Crispus",
        {"Carbomer"},
        {"Algin", "Algae Extract"},
        "a water-phase thickener from another family",
    ),
    (
        "Hexylene Glycol",
        {"Glycerin"},
        {"Propylene Glycol", "Butylene Glycol"},
        "glycols are one family",
    ),
    (
        "CI 73360",
        {"CI 75470", "Iron Oxides"},
        {"CI 15850", "CI 17200"},
        "another synthetic red dye is a relative",
    ),
    (
        "Simmondsia Chinensis Seed Oil",
        {"Squalane"},
        {"Tridecyl Neopentanoate", "Cyclomethicone"},
        "an irritant (3/5) or EU-restricted ester is never offered",
    ),
]


@pytest.mark.parametrize(
    ("replaced", "allowed", "forbidden", "why"), CASES, ids=[c[0] for c in CASES]
)
@pytest.mark.parametrize("contexts", [(), ("eye-area",), ("infant",), ("pregnancy",)])
def test_swap_table(
    db: Database,
    replaced: str,
    allowed: set[str],
    forbidden: set[str],
    why: str,
    contexts: tuple[str, ...],
) -> None:
    got = offered(db, replaced, contexts)
    assert not set(got) & forbidden, (replaced, why, got)
    if allowed:
        assert set(got) & allowed, (replaced, "expected one of", allowed, "got", got)
    else:
        assert got == [], (replaced, why, got)


def test_every_offered_substitute_keeps_a_role_and_is_no_relative(db: Database) -> None:
    roles = formula_roles(db)
    assert roles, "rules/roles.csv must load"
    checked = 0
    for ingredient in db.ingredients:
        replaced = roles.get(ingredient.inci)
        for suggestion in suggest_for(ingredient, db, exclude=set()):
            checked += 1
            entry = roles[suggestion.inci]
            assert replaced is not None, (ingredient.inci, suggestion.inci)
            assert set(entry.roles) & set(replaced.roles), (ingredient.inci, suggestion.inci)
            assert not is_relative(replaced, entry), (ingredient.inci, suggestion.inci)
            assert not entry.eu_restriction, suggestion.inci
            assert suggestion.why.startswith("Keeps the role of "), suggestion.why
            assert any(label in suggestion.why for label in ROLE_LABELS.values()), suggestion.why
            assert suggestion.sources and all(s in db.sources for s in suggestion.sources)
    assert checked > 50


@pytest.mark.parametrize("context", CONTEXTS)
def test_offered_substitutes_screen_clean_in_the_context(
    screener_real: Screener, db: Database, context: str
) -> None:
    for text in (
        "Cocos Nucifera Oil",
        "Petrolatum, Lanolin",
        "Aqua, Sodium Lauryl Sulfate",
        "Aqua, Cetearyl Alcohol, Isopropyl Myristate",
    ):
        report = screener_real.screen(text, context=context)
        assert report.alternatives, text
        for alternative in report.alternatives:
            for suggestion in alternative.suggestions:
                assert not raises_in_context(db.by_inci[suggestion.inci], db, (context,))
                again = screener_real.screen(suggestion.inci, context=context)
                assert all(f.severity == "info" for f in again.findings), (
                    suggestion.inci,
                    again.findings,
                )


def test_curated_rows_are_all_live(db: Database) -> None:
    """Every curated swap names a known role and is offered for some ingredient it matches."""
    roles = formula_roles(db)
    for row in db.substitutes:
        assert row.role in ROLE_LABELS, row
        sub = roles.get(row.substitute)
        assert sub is not None and row.role in sub.roles, row
        selector = db.selector(row.replaces)
        targets = [i for i in db.ingredients if selector.matches(i)]
        assert any(row.substitute in offered(db, target.inci) for target in targets), (
            f"{row.replaces} -> {row.substitute} is never offered"
        )


def test_alternatives_for_keeps_its_old_signature(screener_real: Screener, db: Database) -> None:
    report = screener_real.screen("Cocos Nucifera Oil, Aqua")
    present = {"Cocos Nucifera Oil", "Aqua"}
    assert alternatives_for(report.findings, db, present) == alternatives_for(
        report.findings, db, present, ()
    )
    # an ingredient already in the product is never suggested
    assert all(
        "Squalane" != s.inci
        for a in alternatives_for(report.findings, db, present | {"Squalane"})
        for s in a.suggestions
    )


# -- the exclusions do work: remove one and the excluded material comes back ----------


@pytest.fixture
def db_copy(tmp_path: Path, db: Database) -> Path:
    root = tmp_path / "ingredients"
    shutil.copytree(db.path, root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_eu_restriction_is_what_excludes_cyclomethicone(db_copy: Path) -> None:
    before = load_database_from(db_copy)
    assert "Cyclomethicone" not in offered(before, "Isodecyl Oleate")
    roles = db_copy / "rules" / "roles.csv"
    lines = roles.read_text(encoding="utf-8").splitlines()
    lines = [
        "Cyclomethicone,solvent|emollient_light,volatile_silicone,,COSING,test copy"
        if line.startswith("Cyclomethicone,")
        else line
        for line in lines
    ]
    roles.write_text("\n".join(lines) + "\n", encoding="utf-8")
    after = load_database_from(db_copy)
    assert "Cyclomethicone" in offered(after, "Isodecyl Oleate")


@pytest.mark.parametrize(
    ("context", "target", "replaced", "substitute"),
    [
        ("eye-area", "Dimethicone", "Petrolatum", "Dimethicone"),
        ("infant", "Squalane", "Cocos Nucifera Oil", "Squalane"),
        ("pregnancy", "Polysorbate 20", "Sodium Lauryl Sulfate", "Polysorbate 20"),
    ],
)
def test_a_context_rule_against_the_substitute_removes_it(
    db_copy: Path, context: str, target: str, replaced: str, substitute: str
) -> None:
    with (db_copy / "rules" / "contexts.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"X99,{context},inci:{target},caution,test reason,test advice,COSING,,,,\n")
    db = load_database_from(db_copy)
    assert substitute in offered(db, replaced)
    assert substitute not in offered(db, replaced, (context,))
    other = next(c for c in CONTEXTS if c != context)
    assert substitute in offered(db, replaced, (other,))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Squalane,emollient_heavy,squalane,,COSING,bad role", "unknown role"),
        ("Not An Ingredient,emollient_light,x,,COSING,", "is not in the database"),
        ("Hemisqualane,emollient_light,squalane,,NOPE,", "NOPE"),
        ("Squalane,emollient_light,,,COSING,", "row"),
    ],
)
def test_a_broken_roles_row_is_named(db_copy: Path, row: str, message: str) -> None:
    roles = db_copy / "rules" / "roles.csv"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(text + row + "\n", encoding="utf-8")
    db = load_database_from(db_copy)
    with pytest.raises(DatabaseError) as exc:
        formula_roles(db)
    assert "rules/roles.csv row" in str(exc.value)
    assert message in str(exc.value)


def test_database_without_roles_keeps_the_legacy_swaps(mini: Screener) -> None:
    report = mini.screen("Isopropyl Myristate, Water")
    assert report.alternatives and report.alternatives[0].suggestions[0].inci == "Squalane"


def test_what_the_product_holds_is_skipped_and_the_next_candidate_offered(db: Database) -> None:
    """Candidates are remembered per (ingredient, contexts), never per product:
    excluding the first suggestions brings the next ones, in order, and the
    remembered list is the same whatever was excluded before."""
    many = [i for i in db.ingredients if len(candidates(i, db, ())) >= 5]
    assert len(many) >= 3
    for flagged in many[:10]:
        full = [s.inci for s in suggest_for(flagged, db, exclude=set())]
        order = [inci for inci, _why, _sources in candidates(flagged, db, ())]
        assert len(full) == 3 and order[:3] == full and flagged.inci not in order
        skipped = [s.inci for s in suggest_for(flagged, db, exclude={full[0], full[2]})]
        assert skipped == [c for c in order if c not in (full[0], full[2])][:3]
        assert [s.inci for s in suggest_for(flagged, db, exclude=set())] == full
        eye = [inci for inci, _why, _sources in candidates(flagged, db, ("eye-area",))]
        assert set(eye) <= set(order)  # a context only removes candidates
