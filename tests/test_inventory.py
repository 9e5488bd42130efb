"""The EU inventory as the base layer, common names, and market labels."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from screener.database import Database, inci_case, load_database_from
from screener.database.inventory import FILENAME, HEADER
from screener.errors import DatabaseError
from screener.match import Matcher
from screener.normalise import fold_name
from screener.screen import Screener
from screener.vocabulary import COSING_FUNCTIONS, FUNCTIONS, cosing_functions

from .conftest import MINI_DB

HERE = Path(__file__).parent
LABELS = HERE / "fixtures" / "market_labels.csv"


@pytest.fixture(scope="module")
def matcher(screener_real: Screener) -> Matcher:
    return screener_real.matcher


def test_inventory_is_shipped_and_large(db: Database) -> None:
    assert len(db.inventory) > 28_000
    with open(db.path / "inventory" / FILENAME, encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == HEADER


def test_every_inventory_name_matches_itself(db: Database, matcher: Matcher) -> None:
    """Round trip: each inventory name is recognised as itself, or as the curated
    ingredient (or common name) that owns exactly that name."""
    wrong = []
    for key, row in db.inventory.rows.items():
        found = matcher.match_name(row[0], allow_fuzzy=False)
        ing = found.ingredient
        if found.kind == "inventory":
            ok = ing is not None and ing.inventory_name == row[0]
        elif found.kind in ("exact", "alias"):
            ok = ing is not None and key in {fold_name(n) for n in (ing.inci, *ing.aliases)}
        elif found.kind == "common":
            ok = key in db.common
        else:
            ok = key in db.unrecognised  # reviewed and left unknown on purpose
        if not ok:
            wrong.append((row[0], found.kind, found.inci))
    assert not wrong, wrong[:20]


@pytest.mark.parametrize(
    ("printed", "inci", "cas"),
    [
        ("Tremella Fuciformis Polysaccharide", "Tremella Fuciformis Polysaccharide", None),
        ("Quaternium-73", "Quaternium-73", "15763-48-1"),
        ("Vinyl Dimethicone", "Vinyl Dimethicone", "53529-60-5"),
        ("C20-22 Alkyl Phosphate", "C20-22 Alkyl Phosphate", None),
        ("ROYAL JELLY EXTRACT", "Royal Jelly Extract", None),
    ],
)
def test_inventory_only_ingredient_has_no_rating(
    matcher: Matcher, printed: str, inci: str, cas: str | None
) -> None:
    found = matcher.match_name(printed, allow_fuzzy=False)
    assert found.kind == "inventory", found
    ing = found.ingredient
    assert ing is not None and ing.inci == inci
    assert not ing.curated
    assert ing.comedogenic is None and ing.irritancy is None  # unknown, never 0
    assert ing.occlusive is None and not ing.classes
    if cas:
        assert ing.cas == cas


@pytest.mark.parametrize(
    ("printed", "inci"),
    [
        ("PETROLATUM", "Petrolatum"),
        ("GLYCERIN", "Glycerin"),
        ("ISOPROPYL MYRISTATE", "Isopropyl Myristate"),
        ("AQUA", "Aqua"),
        ("WATER", "Aqua"),
    ],
)
def test_curated_rows_win_over_inventory(matcher: Matcher, printed: str, inci: str) -> None:
    found = matcher.match_name(printed, allow_fuzzy=False)
    assert found.kind in ("exact", "alias")
    assert found.ingredient is not None and found.ingredient.curated
    assert found.ingredient.inci == inci


def test_curated_petrolatum_keeps_its_class(matcher: Matcher) -> None:
    ing = matcher.match_name("Petrolatum").ingredient
    assert ing is not None and ing.occlusive == "heavy" and ing.comedogenic is not None


@pytest.mark.parametrize(
    ("upper", "display"),
    [
        ("PEG-40 HYDROGENATED CASTOR OIL", "PEG-40 Hydrogenated Castor Oil"),
        ("C12-15 ALKYL BENZOATE", "C12-15 Alkyl Benzoate"),
        ("CI 77891", "CI 77891"),
        ("BIS-PEG-18 METHYL ETHER DIMETHYL SILANE", "Bis-PEG-18 Methyl Ether Dimethyl Silane"),
        ("SODIUM C14-16 OLEFIN SULFONATE", "Sodium C14-16 Olefin Sulfonate"),
        (
            "MELALEUCA ALTERNIFOLIA (TEA TREE) LEAF OIL",
            "Melaleuca Alternifolia (Tea Tree) Leaf Oil",
        ),
        ("TEA-LAURYL SULFATE", "TEA-Lauryl Sulfate"),
        ("CERAMIDE NP", "Ceramide NP"),
        ("CERAMIDE 6 II", "Ceramide 6 II"),
        ("1,2-HEXANEDIOL", "1,2-Hexanediol"),
        ("PYRIDOXINE HCL", "Pyridoxine HCl"),
        ("GLYCERYL STEARATE SE", "Glyceryl Stearate SE"),
        ("3-O-ETHYL ASCORBIC ACID", "3-O-Ethyl Ascorbic Acid"),
        ("COCAMIDE MEA", "Cocamide MEA"),
        ("DISODIUM EDTA", "Disodium EDTA"),
        ("SH-OLIGOPEPTIDE-1", "sh-Oligopeptide-1"),
        (
            "ACRYLATES/C10-30 ALKYL ACRYLATE CROSSPOLYMER",
            "Acrylates/C10-30 Alkyl Acrylate Crosspolymer",
        ),
        ("PPG-26-BUTETH-26", "PPG-26-Buteth-26"),
        ("D&C RED NO. 7", "D&C Red No. 7"),
    ],
)
def test_display_form(upper: str, display: str) -> None:
    assert inci_case(upper) == display


def test_every_shipped_function_word_is_mapped(db: Database) -> None:
    for _name, _cas, _ec, words in db.inventory.rows.values():
        assert set(cosing_functions(words)) <= FUNCTIONS


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Skin Conditioning - Emollient", ("emollient",)),
        ("Surfactant - Cleansing, Foaming", ("cleansing", "surfactant", "foaming")),
        ("Not Reported", ("not_reported",)),
        ("Hair Dyeing", ()),  # dropped on purpose: no rule reads it
        ("Light Stabilizer, Uv Absorber", ("light_stabilising", "uv_absorber")),
        ("Fragrance", ("perfuming",)),
        ("Anti-Seborrheic", ("antiseborrhoeic",)),
        ("Skin Conditioning - Occlusive", ("occlusive",)),
        ("", ()),
    ],
)
def test_cosing_function_map(words: str, expected: tuple[str, ...]) -> None:
    assert cosing_functions(words) == expected


def test_an_unmapped_function_word_is_an_error() -> None:
    with pytest.raises(KeyError):
        cosing_functions("Skin Whitening Magic")
    assert all(set(v) <= FUNCTIONS for v in COSING_FUNCTIONS.values())


def _labels() -> list[dict[str, str]]:
    with open(LABELS, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("row", _labels(), ids=lambda r: r["printed"])
def test_market_labels_are_recognised_without_fuzzy(
    screener_real: Screener, row: dict[str, str]
) -> None:
    item = screener_real.screen(f"Aqua, {row['printed']}").ingredients[1]
    if row["printed"] == "Kumkumadi Tailam":  # a formulation name, not an ingredient
        assert item.match == "unknown"
        return
    assert item.match in ("exact", "alias", "common", "family", "inventory"), row
    if row["inci"]:
        assert item.inci == row["inci"], row


def test_market_label_fixture_is_large_enough() -> None:
    assert len(_labels()) >= 60


@pytest.mark.parametrize(
    ("printed", "genus"),
    [("Orchid Extract", None), ("Aloe Vera", "Aloe Barbadensis"), ("Rose Water", "Rosa")],
)
def test_ambiguous_common_name_has_low_confidence_and_a_reason(
    db: Database, matcher: Matcher, printed: str, genus: str | None
) -> None:
    found = matcher.match_name(printed, allow_fuzzy=False)
    if genus is None:  # "Orchid Extract" is a CosIng name in its own right
        assert found.kind == "inventory"
        return
    assert found.kind == "common" and found.family == genus
    assert found.confidence == db.severity["match"]["common_ambiguous"]
    assert found.confidence < db.severity["match"]["common"]
    assert genus in found.reason
    assert found.ingredient is not None and not found.ingredient.curated
    assert found.ingredient.comedogenic is None


def test_certain_common_name_reaches_the_curated_row(matcher: Matcher) -> None:
    found = matcher.match_name("Almond Oil", allow_fuzzy=False)
    assert found.kind == "common" and found.inci == "Prunus Amygdalus Dulcis Oil"
    assert found.ingredient is not None and found.ingredient.curated


def test_no_common_name_or_alias_points_at_two_ingredients(db: Database) -> None:
    owners: dict[str, str] = {}
    for ing in db.ingredients:
        for name in (ing.inci, *ing.aliases):
            owners.setdefault(fold_name(name), ing.inci)
    for key, common in db.common.items():
        target = common.ingredient.inci if common.ingredient else None
        assert key not in owners or owners[key] == target, (common.row.name, owners.get(key))


def test_fuzzy_is_never_guessed_against_inventory_only_names(matcher: Matcher) -> None:
    # One letter off an inventory-only name: not a guess, since only curated names are guessed.
    found = matcher.match_name("Tremella Fuciformis Polysacharide")
    assert found.kind in ("unknown", "fuzzy")
    assert found.kind == "unknown" or (found.ingredient is not None and found.ingredient.curated)


# -- loader refusals for the new tables --------------------------------------------


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "db"
    shutil.copytree(MINI_DB, root)
    return root


def _with_inventory(root: Path, rows: str) -> None:
    (root / "inventory").mkdir()
    (root / "inventory" / FILENAME).write_text(",".join(HEADER) + "\n" + rows, encoding="utf-8")


def test_small_inventory_loads_under_the_curated_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCREENER_CACHE_DIR", str(tmp_path / "cache"))
    root = _copy(tmp_path)
    _with_inventory(root, "PETROLATUM,8009-03-8,,Skin Protecting\nVINYL DIMETHICONE,,,Emollient\n")
    db = load_database_from(root)
    assert len(db.inventory) == 2
    assert list((tmp_path / "cache").iterdir())  # the index was written
    again = load_database_from(root)  # and read back
    assert again.inventory.rows == db.inventory.rows
    matcher = Matcher(db)
    assert matcher.match_name("Petrolatum").kind == "exact"
    vinyl = matcher.match_name("Vinyl Dimethicone")
    assert vinyl.kind == "inventory" and vinyl.ingredient is not None
    assert vinyl.ingredient.functions == ("emollient",)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("VINYL DIMETHICONE,,,Emollient\nVINYL  DIMETHICONE,,,Emollient\n", "folds like"),
        ("VINYL DIMETHICONE,,Emollient\n", "line 2: expected 4 cells"),
        (",,,Emollient\n", "line 2: inci_name is empty"),
        ('"VINYL DIMETHICONE,,,Emollient\nFOO,,,Emollient\n', "inventory/cosing_inventory.csv"),
        ("", "no data rows"),
    ],
)
def test_broken_inventory_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: str, expected: str
) -> None:
    monkeypatch.setenv("SCREENER_CACHE_DIR", str(tmp_path / "cache"))
    root = _copy(tmp_path)
    _with_inventory(root, rows)
    with pytest.raises(DatabaseError, match=expected):
        load_database_from(root)


def _with_common(root: Path, rows: str) -> None:
    (root / "common_names.csv").write_text(
        "name,inci,certainty,sources,note\n" + rows, encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "Vaseline Jelly,Petrolatum,certain,COSING,\nVaseline Jelly,Glycerin,certain,COSING,\n",
            "listed twice",
        ),
        ("Squalane,Petrolatum,certain,COSING,\n", "already a name of 'Squalane'"),
        ("Moon Dust,Unobtainium,certain,COSING,\n", "neither curated nor in the inventory"),
        ("Rose,Rosa,ambiguous,COSING,\n", "must say in `note`"),
        ("Rose,Rosa,maybe,COSING,a long enough note\n", "certainty"),
        ("Rose,Rosa,ambiguous,NOPE,a long enough note\n", "NOPE"),
    ],
)
def test_broken_common_names_are_refused(tmp_path: Path, rows: str, expected: str) -> None:
    root = _copy(tmp_path)
    _with_common(root, rows)
    with pytest.raises(DatabaseError, match=expected) as info:
        load_database_from(root)
    assert "common_names.csv line" in str(info.value)


def test_common_name_that_repeats_its_own_alias_is_harmless(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    db = load_database_from(MINI_DB)
    petrolatum = db.by_inci["Petrolatum"]
    alias = petrolatum.aliases[0] if petrolatum.aliases else "Petrolatum"
    _with_common(root, f"{alias},Petrolatum,certain,COSING,\n")
    assert load_database_from(root).common


@pytest.mark.parametrize(
    ("printed", "not_inci"),
    [
        ("Styrene/Acrylates", "Styrene"),  # Styrene/Acrylates Copolymer cut short
        ("Acrylamide/Sodium", "Acrylamide"),
        ("Bis-PEG/PPG-16/16 Dimethicon", "PPG-16"),
        ("Dimethicon/PEG-10/15 Crosspolymer", "PEG-10"),
        ("Gellidiela Acerosa (Algae) Extract", "Algae"),
    ],
)
def test_inventory_names_are_not_read_from_a_part_of_an_entry(
    screener_real: Screener, printed: str, not_inci: str
) -> None:
    """Slash and parenthesised parts name fragments (Styrene, PPG-16, Algae): an
    inventory match on a part would name something the label did not."""
    item = screener_real.screen(f"Aqua, {printed}").ingredients[1]
    assert item.inci != not_inci, (printed, item.match, item.inci)


@pytest.mark.parametrize(
    ("printed", "inci"),
    [
        ("Glycine Soja (Soybean) Extract", "Glycine Soja Extract"),
        ("Rice Ferment Filtrate (Sake)", "Rice Ferment Filtrate"),
        ("Organic Turmeric Extract", "Curcuma Longa Root Extract"),
    ],
)
def test_whole_forms_still_reach_the_inventory(
    screener_real: Screener, printed: str, inci: str
) -> None:
    item = screener_real.screen(f"Aqua, {printed}").ingredients[1]
    assert item.inci == inci, (item.match, item.inci)
