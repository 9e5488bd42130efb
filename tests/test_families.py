"""Each naming family recognises its convention, writes the INCI form, borrows no rating."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from screener.database import load_database_from
from screener.errors import DatabaseError
from screener.families import load_families
from screener.screen import Screener

from .conftest import MINI_DB


@pytest.mark.parametrize(
    ("printed", "family", "inci"),
    [
        ("CI 12345", "colourant_ci", "CI 12345"),
        ("Zzyzeth-17", None, None),  # not a known ethoxylate stem: stays unknown
        ("Ceteareth-97", "ethoxylated_alcohol", "Ceteareth-97"),
        ("Polysorbate 99", "polysorbate", "Polysorbate 99"),
        ("peg-77 zzyzx glycerides", "peg_ppg", "PEG-77 Zzyzx Glycerides"),
        ("Polyquaternium-999", "polyquaternium", "Polyquaternium-999"),
        ("Polyglyceryl-9 Zzyzxate", "polyglyceryl_ester", "Polyglyceryl-9 Zzyzxate"),
        ("Palmitoyl Zzyzx Peptide-99", "peptide", "Palmitoyl Zzyzx Peptide-99"),
        ("Hydrolyzed Zzyzx Protein", "hydrolyzed_protein", "Hydrolyzed Zzyzx Protein"),
        ("Zzyzxobacillus Ferment Lysate", "ferment", "Zzyzxobacillus Ferment Lysate"),
        ("Zzyzx/Quux Crosspolymer", "crosspolymer", "Zzyzx/Quux Crosspolymer"),
        ("Zzyzxia Quuxensis Root Extract", "botanical_part", "Zzyzxia Quuxensis Root Extract"),
        ("Zzyzxia Quuxensis Oil", "botanical_simple", "Zzyzxia Quuxensis Oil"),
        (
            "Zzyzxia Quuxensis Leaf/Root/Stem Extract",  # several parts, INCI's slash
            "botanical_part",
            "Zzyzxia Quuxensis Leaf/Root/Stem Extract",
        ),
        ("Sodium Zzyzxate", "salt", "Sodium Zzyzxate"),
        ("Hamamelis Virginiana", "botanical_binomial", "Hamamelis Virginiana"),
        ("citrus aurantium dulcis", "botanical_binomial", "Citrus Aurantium Dulcis"),
        ("Citrullus Lanatus (Watermelon) Fruit", "botanical_binomial", "Citrullus Lanatus Fruit"),
    ],
)
def test_family(
    screener_real: Screener, printed: str, family: str | None, inci: str | None
) -> None:
    item = screener_real.screen(f"Aqua, {printed}").ingredients[1]
    if family is None:
        assert item.match in ("unknown", "fuzzy")
        return
    assert (item.match, item.family, item.inci) == ("family", family, inci)
    assert item.comedogenic is None and item.occlusive is None and not item.active_classes
    assert 0 < item.confidence <= 0.8


def test_curated_names_win_over_families(screener_real: Screener) -> None:
    item = screener_real.screen("Aqua, PEG-100 Stearate, Polysorbate 20").ingredients
    assert [(i.inci, i.match) for i in item[1:]] == [
        ("PEG-100 Stearate", "exact"),
        ("Polysorbate 20", "exact"),
    ]


def test_broken_family_file_names_file_and_row(tmp_path: Path) -> None:
    root = tmp_path / "db"
    shutil.copytree(MINI_DB, root)
    with open(root / "families" / "patterns.csv", "a", encoding="utf-8") as handle:
        handle.write("bad,(unclosed,title,,0.5,COSING,x\n")
    with pytest.raises(DatabaseError, match=r"families/patterns.csv line \d+: pattern"):
        load_families(load_database_from(root))
