"""The three newer finding kinds wired through every view: allergen, fungal-acne,
avoid-list (their tables and pure matching are tested in tests/test_kinds.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import screener
from screener.report import render

FRAGRANCED = "Aqua, Glycerin, Squalane, Phenoxyethanol, Parfum, Linalool, Hexyl Cinnamal"
LIPIDS = "Aqua, Glycerin, Cetearyl Alcohol, Glyceryl Stearate, Polysorbate 80, Phenoxyethanol"


def kinds(report: screener.ProductReport, kind: str) -> list[tuple[str, list[str]]]:
    return [(f.severity, f.ingredients) for f in report.findings if f.kind == kind]


@pytest.mark.parametrize(
    ("context", "severity"),
    [(None, "info"), ("pregnancy", "info"), ("eye-area", "caution"), ("infant", "caution"),
     ("post-procedure", "caution")],
)  # fmt: skip
def test_allergens_are_info_except_in_the_contexts_that_raise_them(
    context: str | None, severity: str
) -> None:
    found = kinds(screener.screen(FRAGRANCED, context=context), "allergen")
    assert found == [(severity, ["Linalool", "Hexyl Cinnamal"])]


def test_label_variant_and_essential_oil_are_allergens() -> None:
    report = screener.screen("Aqua, Hexylcinnamaldehyde, Lavandula Angustifolia Oil")
    names = {n for _s, names in kinds(report, "allergen") for n in names}
    assert {"Hexyl Cinnamal", "Lavandula Angustifolia Oil"} <= names
    carried = next(f for f in report.findings if f.rule == "allergen:contains")
    assert "Linalool" in carried.reason


def test_fungal_acne_decides_only_in_its_context() -> None:
    plain = screener.screen(LIPIDS)
    assert [s for s, _n in kinds(plain, "fungal-acne")] == ["info"]
    asked = screener.screen(LIPIDS, context="fungal-acne")
    ((severity, names),) = kinds(asked, "fungal-acne")
    assert severity in ("caution", "avoid") and "Polysorbate 80" in names
    finding = next(f for f in asked.findings if f.kind == "fungal-acne")
    assert "in vitro" in finding.reason and finding.evidence
    assert asked.verdict.label != "milia-friendly"


def test_no_fungal_finding_without_growth_lipids() -> None:
    report = screener.screen("Aqua, Glycerin, Squalane, Dimethicone, Phenoxyethanol",
                             context="fungal-acne")  # fmt: skip
    assert kinds(report, "fungal-acne") == []


@pytest.mark.parametrize(
    ("avoid", "text", "expected"),
    [
        (["Fragrance"], "Aqua, Glycerin, Parfum", "Parfum"),  # by alias
        (["class:fragrance_allergen"], "Aqua, Limonene", "Limonene"),  # by class
        (["family:PEG"], "Aqua, PEG-40 Hydrogenated Castor Oil", "PEG-40 Hydrogenated Castor Oil"),
        (["Linalool"], "Aqua, Lavandula Angustifolia Oil", "Lavandula Angustifolia Oil"),
    ],
)
def test_avoid_list_decides_and_names_its_line(avoid: list[str], text: str, expected: str) -> None:
    report = screener.screen(text, avoid=avoid)
    hits = [f for f in report.findings if f.kind == "avoid-list"]
    assert hits and hits[0].severity == "avoid" and expected in hits[0].ingredients
    assert "line 1" in hits[0].reason
    assert report.verdict.label == "not milia-friendly"


def test_unknown_avoid_line_is_reported_not_ignored() -> None:
    report = screener.screen("Aqua, Glycerin", avoid=["Glycerin", "Blorbium Flarnate"])
    assert any("Blorbium Flarnate" in note for note in report.notes)


def test_avoid_file_in_toml(tmp_path: Path) -> None:
    path = tmp_path / "avoid.toml"
    path.write_text('[[avoid]]\nname = "Linalool"\nreason = "patch test ++"\n', encoding="utf-8")
    report = screener.screen("Aqua, Linalool", avoid=path)
    hit = next(f for f in report.findings if f.kind == "avoid-list")
    assert "patch test ++" in hit.reason


def test_bad_avoid_argument_is_a_screen_error() -> None:
    with pytest.raises(screener.ScreenError):
        screener.screen("Aqua", avoid=5)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_every_report_format_shows_the_new_kinds(fmt: str) -> None:
    report = screener.screen(FRAGRANCED + ", Stearic Acid", avoid=["Hexyl Cinnamal"],
                             context="fungal-acne")  # fmt: skip
    out = render(report, fmt)
    if fmt == "json":
        kinds_seen = {f["kind"] for f in json.loads(out)["findings"]}
        assert {"allergen", "fungal-acne", "avoid-list"} <= kinds_seen
    else:
        for title in ("Fragrance allergens", "Fungal acne", "Your avoid list"):
            assert title in out


def test_batch_columns_count_the_new_kinds() -> None:
    frame = pd.DataFrame({"Ingredients": [FRAGRANCED, LIPIDS, "Aqua, Glycerin"]})
    out = screener.screen_frame(frame, avoid=["Linalool"])
    assert out["screen_n_allergen"].tolist() == [1, 0, 0]
    assert out["screen_n_avoid_list"].tolist() == [1, 0, 0]
    assert out["screen_n_fungal_acne"].tolist() == [0, 1, 0]
    assert out["screen_allergens"].tolist()[0] == "Linalool; Hexyl Cinnamal"


def test_cli_check_takes_an_avoid_file(tmp_path: Path) -> None:
    path = tmp_path / "avoid.txt"
    path.write_text("Linalool\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "screener", "check", FRAGRANCED, "--avoid", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 1 and "Your avoid list" in run.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "screener", "check", "Aqua", "--avoid", str(tmp_path / "no")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
