"""The real database loads and holds together; a broken one names its file and row."""

from __future__ import annotations

import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

from screener.alternatives import screens_clean
from screener.database import Database, RatingValue, load_database_from, parse_rating, pick_rating
from screener.errors import DatabaseError
from screener.normalise import fold_name
from screener.screen import Screener

from .conftest import MINI_DB

# Every ingredient REFERENCE.md §1 rates or §2-§5 names (canonical INCI names).
REFERENCE_INGREDIENTS = """
Cocos Nucifera Oil; Theobroma Cacao Seed Butter; Triticum Vulgare Germ Oil; Glycine Soja Oil;
Zea Mays Oil; Olea Europaea Fruit Oil; Persea Gratissima Oil; Sesamum Indicum Seed Oil;
Prunus Armeniaca Kernel Oil; Prunus Amygdalus Dulcis Oil; Simmondsia Chinensis Seed Oil;
Ricinus Communis Seed Oil; Helianthus Annuus Seed Oil; Carthamus Tinctorius Seed Oil;
Argania Spinosa Kernel Oil; Butyrospermum Parkii Butter; Squalane; Squalene; Petrolatum;
Paraffinum Liquidum; Cera Alba; Paraffin; Ceresin; Ozokerite; Cera Microcristallina;
Isopropyl Myristate; Isopropyl Palmitate; Isopropyl Isostearate; Myristyl Myristate;
Ethylhexyl Palmitate; Isocetyl Stearate; Decyl Oleate; Butyl Stearate; Octyldodecyl Stearate;
Diisopropyl Adipate; Caprylic/Capric Triglyceride; Lauric Acid; Myristic Acid; Palmitic Acid;
Stearic Acid; Cetyl Alcohol; Cetearyl Alcohol; Stearyl Alcohol; Oleyl Alcohol; Lanolin;
Lanolin Oil; Lanolin Alcohol; Acetylated Lanolin; Acetylated Lanolin Alcohol;
Sodium Lauryl Sulfate; Sodium Laureth Sulfate; Laureth-4; Oleth-3; Steareth-10; Steareth-20;
Glyceryl Stearate; Glyceryl Stearate SE; Sorbitan Oleate; Polysorbate 20; Polysorbate 80;
PEG-100 Stearate; Tocopherol; Tocopheryl Acetate; Retinyl Palmitate; Retinol; Retinal;
Ascorbic Acid; Ascorbyl Palmitate; Zinc Oxide; Titanium Dioxide; Talc; Kaolin; Dimethicone;
Glycerin; Propylene Glycol; Butylene Glycol; Sodium Hyaluronate; Panthenol; Carbomer;
Alcohol Denat.; Isopropyl Alcohol; Tretinoin; Adapalene; Benzoyl Peroxide; Salicylic Acid;
Glycolic Acid; Lactic Acid; Mandelic Acid; Gluconolactone; Lactobionic Acid; Hydroquinone;
Niacinamide; Azelaic Acid; Copper Tripeptide-1; Resorcinol; Arbutin; Kojic Acid; Aqua; Parfum;
Linalool; Limonene; Ethylhexyl Methoxycinnamate; Benzophenone-3; Ethylhexyl Salicylate;
CI 75470; CI 77891; CI 77491; CI 15850; CI 12085; Sodium Chloride; Zinc Stearate
"""


def test_real_database_loads(db: Database) -> None:
    assert len(db) >= 2500
    assert all(ing.inci and isinstance(ing.aliases, tuple) for ing in db.ingredients)


@pytest.mark.parametrize("name", [n.strip() for n in REFERENCE_INGREDIENTS.split(";") if n.strip()])
def test_reference_ingredient_present(db: Database, name: str) -> None:
    assert db.get(name) is not None, name


def test_no_alias_points_at_two_ingredients(db: Database) -> None:
    owners: dict[str, str] = {}
    for ing in db.ingredients:
        for name in (ing.inci, *ing.aliases):
            key = fold_name(name)
            assert owners.setdefault(key, ing.inci) == ing.inci, (name, ing.inci, owners[key])


def test_every_rating_has_a_resolved_source_and_range(db: Database) -> None:
    for ing in db.ingredients:
        for rating in (ing.comedogenic, ing.irritancy):
            if rating is None:
                continue
            assert 0 <= rating.used <= 5
            for value in rating.values:
                assert value.source in db.sources
                low, high = parse_rating(value.value)
                assert 0 <= low <= high <= 5


def test_every_rule_names_existing_things(db: Database) -> None:
    for rule in db.conflicts:
        for side in (rule.a, rule.b):
            sel = db.selector(side)
            if sel.kind == "inci":
                assert all(v in db.by_inci for v in sel.values)
        assert all(s in db.sources for s in rule.sources)
    for ctx in db.contexts:
        assert ctx.context in ("eye-area", "pregnancy", "infant", "post-procedure")
        assert all(s in db.sources for s in ctx.sources)


def test_every_substitute_screens_clean(db: Database) -> None:
    for row in db.substitutes:
        assert screens_clean(db.by_inci[row.substitute]), row.substitute


def test_lookalikes_stay_apart(db: Database) -> None:
    assert db.lookalikes
    for row in db.lookalikes:
        a, b = db.get(row.a), db.get(row.b)
        assert a is not None and b is not None
        assert a.inci != b.inci, (row.a, row.b)


def test_rating_policy_highest_credible_value() -> None:
    values = [
        RatingValue(value="0", source="MK83", quality="primary"),
        RatingValue(value="5", source="COSDNA", quality="compiled"),
        RatingValue(value="2", source="X", quality="unconfirmed"),
    ]
    assert pick_rating(values).used == 5
    only_low = [RatingValue(value="0-2", source="X", quality="unconfirmed")]
    picked = pick_rating(only_low)
    assert picked.used == 2 and picked.unconfirmed
    credible_beats_unconfirmed = [
        RatingValue(value="1", source="A", quality="compiled"),
        RatingValue(value="4", source="B", quality="unconfirmed"),
    ]
    assert pick_rating(credible_beats_unconfirmed).used == 1


def test_disagreeing_sources_are_all_kept(db: Database) -> None:
    disagreeing = [
        ing
        for ing in db.ingredients
        if ing.comedogenic and len({v.value for v in ing.comedogenic.values}) > 1
    ]
    assert disagreeing, "REFERENCE.md records disagreements (olive oil, SLS…): they must be kept"


def test_load_is_fast_and_small(tmp_path: Path) -> None:
    """A cold load of the whole folder stays well under a second (README figure: bench)."""
    from screener.database import database_dir

    start = time.perf_counter()
    load_database_from(database_dir())
    assert (
        time.perf_counter() - start < 3.0
    )  # generous bound for CI noise; README has the real figure


def _broken_copy(tmp_path: Path) -> Path:
    target = tmp_path / "db"
    shutil.copytree(MINI_DB, target)
    return target


@pytest.mark.parametrize(
    ("file", "append", "expected"),
    [
        ("ratings.csv", "Petrolatum,comedogenic,7,COSDNA,compiled,\n", "ratings.csv line 15"),
        ("ratings.csv", "Petrolatum,comedogenic,1,NOSUCH,compiled,\n", "source id 'NOSUCH'"),
        (
            "ratings.csv",
            "Nonexistium,comedogenic,1,COSDNA,compiled,\n",
            "'Nonexistium' is not an ingredient",
        ),
        (
            "ingredients/mini.csv",
            "Squalane Two,Squalane,emollient,COSING,\n",
            "collides with 'Squalane'",
        ),
        ("ingredients/mini.csv", "Foo,,not_a_function,COSING,\n", "unknown function"),
        ("ingredients/mini.csv", "Foo,,emollient\n", "expected 5 cells"),
        (
            "rules/conflicts.csv",
            "C99,class:nonsense,inci:Retinol,avoid,both,x y z,do it,MTB\n",
            "unknown class",
        ),
        (
            "rules/conflicts.csv",
            "C98,inci:Unobtainium,inci:Retinol,avoid,both,x y z,do it,MTB\n",
            "'Unobtainium'",
        ),
        (
            "rules/contexts.csv",
            "X99,moon,class:retinoid,avoid,reason,advice,MTB\n",
            "context must be one of",
        ),
        (
            "rules/contexts.csv",
            "X98,eye-area,primary:nonsense,caution,reason,advice,MTB\n",
            "unknown function",
        ),
        (
            "rules/substitutes.csv",
            "inci:Petrolatum,Cocos Nucifera Oil,emollient,why not,COSDNA\n",
            "does not screen clean",
        ),
        (
            "rules/lookalikes.csv",
            "Petrolatum,Vaseline,same thing,COSING\n",
            "not a canonical INCI name",
        ),
        ("occlusives.csv", "Glycerin,very,COSING,\n", "occlusive"),
        (
            "rules/unrecognised.csv",
            'Glycerine,vague,"Written here to prove the loader refuses it.",COSING\n',
            "is a name of 'Glycerin'",
        ),
        ("rules/unrecognised.csv", 'Foo,guess,"a reason long enough",COSING\n', "kind"),
        ("rules/unrecognised.csv", 'Foo,vague,"a reason long enough",NOPE\n', "NOPE"),
    ],
)
def test_broken_file_names_file_and_row(
    tmp_path: Path, file: str, append: str, expected: str
) -> None:
    root = _broken_copy(tmp_path)
    with open(root / file, "a", encoding="utf-8") as handle:
        handle.write(append)
    with pytest.raises(DatabaseError) as info:
        load_database_from(root)
    message = str(info.value) + "\n".join(info.value.problems)
    assert expected in message
    assert file.split("/")[-1] in message


def test_missing_file_and_folder_are_clear(tmp_path: Path) -> None:
    root = _broken_copy(tmp_path)
    (root / "ratings.csv").unlink()
    with pytest.raises(DatabaseError, match="ratings.csv: file is missing"):
        load_database_from(root)
    with pytest.raises(DatabaseError, match="does not exist"):
        load_database_from(tmp_path / "nowhere")


def test_undecodable_file_is_clear(tmp_path: Path) -> None:
    root = _broken_copy(tmp_path)
    (root / "occlusives.csv").write_bytes(b"inci,occlusive,sources,note\n\xff\xfe\xfa,heavy,X,\n")
    with pytest.raises(DatabaseError, match="occlusives.csv: cannot be read as UTF-8"):
        load_database_from(root)


def test_function_vocabulary_is_used(db: Database) -> None:
    counts = Counter(f for ing in db.ingredients for f in ing.functions)
    assert counts["emollient"] > 50 and counts["humectant"] > 10


def test_unrecognised_forms_stay_unknown_with_their_reason(screener_real: Screener) -> None:
    """Every reviewed form in rules/unrecognised.csv is unknown (never guessed at)
    and the report says why."""
    db = screener_real.db
    assert db.unrecognised
    for row in db.unrecognised.values():
        report = screener_real.screen(f"Aqua, {row.printed}")
        item = report.ingredients[1]
        assert (item.inci, item.match) == (None, "unknown"), row.printed
        assert any(row.why in note for note in report.notes), row.printed
