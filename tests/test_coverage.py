"""`screener coverage`: recognition by match kind, top unknowns, reviewed forms."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from screener.coverage import format_coverage, measure
from screener.screen import Screener

ROWS = [
    "Aqua, Glycerin, Zzyzx Quux",  # 2 exact, 1 unknown
    "Water, Glycerine, Zzyzx Quux",  # 2 alias, the same unknown again
    "Aqua, Capric Triglyceride, Zzyzxia Quuxensis Leaf Extract",  # reviewed unknown, family
    "Aqua, Glycerinn",  # a guess
    "Aqua, Almond Oil, Vinyl Dimethicone",  # a common name, an inventory-only name
    "No Info",  # refused
]


def test_measure_counts_every_kind(screener_real: Screener) -> None:
    cov = measure(list(ROWS), screener_real)
    assert (cov.rows, cov.rows_screened, cov.rows_refused) == (6, 5, 1)
    assert cov.entries == 14
    assert cov.by_kind == {
        "exact": 5,
        "alias": 2,
        "common": 1,
        "family": 1,
        "inventory": 1,
        "fuzzy": 1,
        "unknown": 3,
    }
    assert cov.recognised_share == 10 / 14
    assert cov.curated_share == 8 / 14
    assert cov.unknown.most_common(1) == [("zzyzx quux", 2)]
    assert cov.reviewed == 1  # Capric Triglyceride, in rules/unrecognised.csv
    text = format_coverage(cov, "rows", top=5)
    assert (
        "Recognised (exact + alias + common-name + family + inventory-only, guesses not "
        "counted): 71.43%"
    ) in text
    for label, count in [
        ("exact", 5),
        ("alias", 2),
        ("common-name", 1),
        ("family", 1),
        ("inventory-only", 1),
        ("fuzzy", 1),
        ("unknown", 3),
    ]:
        assert any(line.split()[:2] == [label, str(count)] for line in text.splitlines()), label
    assert "2  zzyzx quux" in text
    assert "1 were reviewed and left unknown on purpose" in text
    assert "glycerinn → Glycerin" in text


def test_coverage_command(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text("name,INCI list\n" + "".join(f'p{i},"{r}"\n' for i, r in enumerate(ROWS)))
    done = subprocess.run(
        [sys.executable, "-m", "screener", "coverage", str(path), "--top", "3"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "column 'INCI list'" in done.stdout  # detected without --column
    assert "Declared entries: 14" in done.stdout
    assert "inventory-only" in done.stdout and "common-name" in done.stdout
    assert "Top 3 unknown entries:" in done.stdout
