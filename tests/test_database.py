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


# -- hardening (issue 14 pt 6): every refusal names the file and the physical line ----


def _append(root: Path, file: str, text: str) -> None:
    with open(root / file, "a", encoding="utf-8") as handle:
        handle.write(text)


def _problems(root: Path) -> str:
    with pytest.raises(DatabaseError) as info:
        load_database_from(root)
    return "\n".join(info.value.problems)


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_unterminated_quote_is_refused_with_its_line(tmp_path: Path) -> None:
    """It used to swallow the following rows into one note and load 'OK'."""
    root = _broken_copy(tmp_path)
    path = root / "ingredients" / "mini.csv"
    start = _lines(path) + 1
    _append(root, "ingredients/mini.csv", 'Foo Oil,,emollient,COSING,"an open quote\n')
    _append(
        root, "ingredients/mini.csv", "Bar Oil,,emollient,COSING,\nBaz Oil,,emollient,COSING,\n"
    )
    message = _problems(root)
    assert f"ingredients/mini.csv line {start}: a cell runs over lines" in message
    assert "unterminated quote" in message


def test_multi_line_cell_is_refused_with_its_physical_line(tmp_path: Path) -> None:
    root = _broken_copy(tmp_path)
    start = _lines(root / "ratings.csv") + 1
    _append(root, "ratings.csv", 'Petrolatum,comedogenic,0,COSDNA,compiled,"two\nlines"\n')
    message = _problems(root)
    assert f"ratings.csv line {start}: a cell runs over lines {start}-{start + 1}" in message
    assert "column note" in message


def test_line_numbers_are_physical_lines(tmp_path: Path) -> None:
    """A comment and a blank line count, as an editor counts them."""
    root = _broken_copy(tmp_path)
    start = _lines(root / "ratings.csv") + 1
    _append(root, "ratings.csv", "# a comment\n\nPetrolatum,comedogenic,9,COSDNA,compiled,\n")
    assert f"ratings.csv line {start + 2}: value" in _problems(root)


def test_oversized_cell_is_a_clear_message(tmp_path: Path) -> None:
    root = _broken_copy(tmp_path)
    start = _lines(root / "ratings.csv") + 1
    _append(
        root, "ratings.csv", 'Petrolatum,comedogenic,0,COSDNA,compiled,"' + "x" * 140_000 + '"\n'
    )
    message = _problems(root)
    assert f"ratings.csv line {start}: a cell of 140,000 characters" in message


@pytest.mark.parametrize(
    "file",
    [
        "occlusives.csv",
        "ratings.csv",
        "actives.csv",
        "rules/conflicts.csv",
        "rules/substitutes.csv",
    ],
)
def test_header_only_required_table_is_refused(tmp_path: Path, file: str) -> None:
    """A header-only occlusives.csv used to pass and Petrolatum stopped being flagged."""
    root = _broken_copy(tmp_path)
    header = (root / file).read_text(encoding="utf-8").splitlines()[0]
    (root / file).write_text(header + "\n", encoding="utf-8")
    assert f"{file}: no data rows; the table must not be empty" in _problems(root)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "top_zone_end = 5",
            'top_zone_end = "five"',
            "[position] top_zone_end: Input should be a valid integer",
        ),
        (
            "top_zone_end = 5",
            "top_zone_end = 0",
            "[position] top_zone_end: Input should be greater than or equal to 1",
        ),
        ("steps_down = 1", "steps_down = 9", "[rinse_off] steps_down"),
        ('5 = "avoid", 4 = "avoid"', '5 = "loud", 4 = "avoid"', "[comedogenic] top.5"),
        ('5 = "avoid", 4 = "avoid"', '7 = "avoid", 4 = "avoid"', "ratings must be 0-5"),
        (
            'heavy = "caution", moderate = "info" }\nmiddle',
            'heavy = "caution", tar = "info" }\nmiddle',
            "[occlusive] top.tar",
        ),
        ("fuzzy_cutoff = 90", "fuzzy_cutoff = 900", "[match] fuzzy_cutoff"),
        (
            "fuzzy_cutoff = 90",
            "fuzzy_cutof = 90",
            "[match] fuzzy_cutof: Extra inputs are not permitted",
        ),
        ('kinds = ["comedogenic"', 'kinds = ["comedogenicity"', "[verdict] kinds.0"),
        (
            'one_percent_markers = ["preservative"',
            'one_percent_markers = ["preserving"',
            "unknown function",
        ),
        ("\n[rinse_off]\n", "\n[rinse_offf]\n", "section [rinse_off] is missing"),
    ],
)
def test_bad_severity_file_names_the_key(tmp_path: Path, old: str, new: str, expected: str) -> None:
    root = _broken_copy(tmp_path)
    path = root / "rules" / "severity.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    message = _problems(root)
    assert expected in message
    assert "rules/severity.toml" in message


def test_unknown_severity_section_is_accepted_and_kept(tmp_path: Path) -> None:
    """New sections are validated by whoever adds them; their sources still resolve."""
    root = _broken_copy(tmp_path)
    _append(
        root, "rules/severity.toml", '\n[evidence]\nweights = { a = 1 }\nsources = ["COSING"]\n'
    )
    db = load_database_from(root)
    assert db.severity["evidence"]["weights"] == {"a": 1}
    _append(root, "rules/severity.toml", '\n[roles]\nsources = ["NOPE"]\n')
    assert "[roles]: source id 'NOPE'" in _problems(root)


def test_severity_stays_a_plain_dict(db: Database) -> None:
    assert isinstance(db.severity, dict) and isinstance(db.severity["position"], dict)
    assert db.severity["position"]["top_zone_end"] >= 1


def test_duplicate_rule_id_is_refused(tmp_path: Path) -> None:
    root = _broken_copy(tmp_path)
    first = next(
        line
        for line in (root / "rules" / "conflicts.csv").read_text().splitlines()[1:]
        if line and not line.startswith("#")
    )
    _append(root, "rules/conflicts.csv", first + "\n")
    assert "is defined twice (first at rules/conflicts.csv line" in _problems(root)


def test_check_db_exits_2_with_the_message(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = _broken_copy(tmp_path)
    (root / "occlusives.csv").write_text("inci,occlusive,sources,note\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "screener", "check-db"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SCREENER_DB_DIR": str(root)},
    )
    assert done.returncode == 2
    assert "occlusives.csv: no data rows" in done.stderr
    assert "Traceback" not in done.stderr
