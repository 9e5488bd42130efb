"""The wheel ships the database and finds it at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from screener.database import load_database_from

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_contains_and_loads_the_database(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            str(ROOT),
            "-w",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    wheel = next(tmp_path.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "screener/ingredients/ratings.csv" in names
        assert "screener/ingredients/rules/severity.toml" in names
        assert "screener/ingredients/families/patterns.csv" in names
        assert any(n.startswith("screener/ingredients/ingredients/") for n in names)
        archive.extractall(tmp_path / "site")
    db = load_database_from(tmp_path / "site" / "screener" / "ingredients")
    assert len(db) > 2500
