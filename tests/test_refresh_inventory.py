"""scripts/refresh_inventory.py rebuilds the shipped inventory from a CosIng export."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "refresh_inventory.py"

OFFICIAL = """\
"sep=,"
"File creation date: 30/12/2020"

"Inventory of Cosmetic Ingredients"
COSING Ref No,INCI name,INN name,Ph. Eur. Name,CAS No,EC No,Chem/IUPAC Name / Description,Restriction,Function,Update Date
1,GLYCERIN,,,56-81-5,200-289-5,Glycerol,,"DENATURANT, HUMECTANT",01/01/2010
2,Cimicifuga acerina  extract,,,-,-,An extract,,SKIN CONDITIONING,01/01/2010
3,CIMICIFUGA ACERINA EXTRACT,,,,,An extract,,ANTIOXIDANT,01/01/2010
4,ACRYLATES/ BUTYL ACRYLATE COPOLYMER,,,,,A copolymer,,FILM FORMING,01/01/2010
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def test_official_export_is_cleaned_merged_and_written(tmp_path: Path) -> None:
    export = tmp_path / "cosing.csv"
    export.write_text(OFFICIAL, encoding="utf-8")
    out = tmp_path / "inventory.csv"
    done = _run(str(export), "--out", str(out))
    assert done.returncode == 0, done.stderr
    with open(out, encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["inci_name", "cas_number", "einecs_number", "function"]
    assert rows[1:] == [
        ["ACRYLATES/BUTYL ACRYLATE COPOLYMER", "", "", "Film Forming"],
        ["CIMICIFUGA ACERINA EXTRACT", "", "", "Skin Conditioning, Antioxidant"],
        ["GLYCERIN", "56-81-5", "200-289-5", "Denaturant, Humectant"],
    ]


def test_shipped_layout_round_trips(tmp_path: Path) -> None:
    shipped = ROOT / "ingredients" / "inventory" / "cosing_inventory.csv"
    done = _run(str(shipped), "--check-only")
    assert done.returncode == 0, done.stderr
    assert "28697 inventory names (checked)" in done.stdout


def test_unmapped_function_word_is_refused(tmp_path: Path) -> None:
    export = tmp_path / "cosing.csv"
    export.write_text(
        "inci_name,cas_number,einecs_number,function\nFOO,,,Skin Whitening Magic\n",
        encoding="utf-8",
    )
    done = _run(str(export), "--out", str(tmp_path / "x.csv"))
    assert done.returncode == 2
    assert "not mapped in screener/vocabulary.py COSING_FUNCTIONS" in done.stderr
    assert not (tmp_path / "x.csv").exists()


def test_unreadable_export_exits_2(tmp_path: Path) -> None:
    export = tmp_path / "cosing.csv"
    export.write_text("a,b\n1,2\n", encoding="utf-8")
    done = _run(str(export), "--check-only")
    assert done.returncode == 2 and "header" in done.stderr
    assert "Traceback" not in done.stderr
