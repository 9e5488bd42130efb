"""The routine from the command line and a file, its arrangement, and the printable handout."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from screener.cli import main
from screener.errors import ScreenError
from screener.handout import routine_handout, routine_handout_html
from screener.routine_file import parse_product_arg, read_routine_file
from screener.screen import Screener

RETINOID = "Aqua, Glycerin, Tretinoin"
BPO = "Aqua, Benzoyl Peroxide"
PLAIN = "Aqua, Glycerin, Squalane"
AHA = "Aqua, Glycolic Acid, Glycerin"
XSS = "<script>alert(1)</script>"


def _read(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    return lambda path: texts[Path(path).name]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("serum.txt", {"name": "serum", "when": None, "product_type": "leave-on"}),
        ("Night:PM:serum.txt", {"name": "Night", "when": "PM", "product_type": "leave-on"}),
        (
            "Wash:AM+PM:rinse-off:serum.txt",
            {"name": "Wash", "when": "AM+PM", "product_type": "rinse-off"},
        ),
        ("Gentle Cleanser:AM:serum.txt", {"name": "Gentle Cleanser", "product_type": "rinse-off"}),
        ("AM:serum.txt", {"name": "serum", "when": "AM"}),
        ("Balm:both:leave-on:serum.txt", {"when": "AM+PM", "product_type": "leave-on"}),
    ],
)
def test_product_arg(spec: str, expected: dict[str, object]) -> None:
    product = parse_product_arg(spec, _read({"serum.txt": PLAIN}))
    assert product["text"] == PLAIN
    for key, value in expected.items():
        assert product[key] == value, key
    assert product["product_type_reason"]


@pytest.mark.parametrize("spec", ["Night:noon:serum.txt", "Night:PM:", "A:B:C:serum.txt"])
def test_bad_product_arg(spec: str) -> None:
    with pytest.raises(ScreenError):
        parse_product_arg(spec, _read({"serum.txt": PLAIN}))


def test_routine_files(tmp_path: Path) -> None:
    (tmp_path / "serum.txt").write_text(RETINOID)
    toml = tmp_path / "routine.toml"
    toml.write_text(
        '[[product]]\nname = "Foaming Cleanser"\nwhen = "AM+PM"\ningredients = "Aqua, Glycerin"\n'
        '[[product]]\nname = "Serum"\nwhen = "PM"\nfile = "serum.txt"\n'
    )
    read = lambda p: Path(p).read_text()  # noqa: E731
    products = read_routine_file(toml, read)
    assert [p["name"] for p in products] == ["Foaming Cleanser", "Serum"]
    assert products[0]["product_type"] == "rinse-off" and products[1]["text"] == RETINOID
    table = tmp_path / "routine.csv"
    table.write_text('name,when,product_type,ingredients\nWash,AM,rinse-off,"Aqua, Glycerin"\n')
    assert read_routine_file(table, read)[0]["product_type"] == "rinse-off"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,when,ingredients\nX,noon,Aqua\n")
    with pytest.raises(ScreenError, match="'when' must be AM, PM or AM\\+PM"):
        read_routine_file(bad, read)
    with pytest.raises(ScreenError, match="a routine file is .toml or .csv"):
        read_routine_file(tmp_path / "serum.txt", read)


# -- the arrangement never contradicts itself ---------------------------------

PRODUCTS = {"retinoid": RETINOID, "bpo": BPO, "plain": PLAIN, "aha": AHA}
WHENS = (None, "AM", "PM", "AM+PM")


def _routines() -> list[tuple[tuple[str, str | None], ...]]:
    names = list(PRODUCTS)
    out = []
    for size in (2, 3):
        for combo in itertools.combinations(names, size):
            for whens in itertools.product(WHENS, repeat=size):
                out.append(tuple(zip(combo, whens, strict=True)))
    return out


@pytest.mark.parametrize("routine", _routines(), ids=lambda r: "+".join(f"{n}@{w}" for n, w in r))
def test_arrangement_never_contradicts_itself(
    mini: Screener, routine: tuple[tuple[str, str | None], ...]
) -> None:
    report = mini.screen_routine(
        [{"name": name, "text": PRODUCTS[name], "when": when} for name, when in routine]
    )
    slots = {p.product: p.slot for p in report.arrangement}
    for place in report.arrangement:
        for match in re.finditer(r"kept apart from ([^;]+)", place.why):
            for other in match.group(1).split(", "):
                mine, theirs = slots[place.product], slots[other.strip()]
                assert mine != theirs and "AM+PM" not in (mine, theirs), (place, slots)
        if "alternate days with" in place.why:
            assert report.unresolved
    # a product the user placed stays where it was placed
    for name, when in routine:
        if when in ("AM", "PM"):
            assert slots[name] == when


# -- the handout ------------------------------------------------------------


def _routine(mini: Screener, first_name: str = "Night cream"):  # type: ignore[no-untyped-def]
    return mini.screen_routine(
        [
            {"name": first_name, "text": RETINOID, "when": "PM"},
            {"name": "Spot gel", "text": BPO},
            {
                "name": "Foaming Cleanser",
                "text": PLAIN,
                "when": "AM+PM",
                "product_type": "rinse-off",
            },
        ]
    )


def test_handout_markdown_by_time_of_day(mini: Screener) -> None:
    text = routine_handout(_routine(mini))
    morning = text.split("## ☀️ Morning")[1].split("## 🌙 Evening")[0]
    evening = text.split("## 🌙 Evening")[1].split("## Do not combine")[0]
    assert "**Spot gel**" in morning and "**Night cream**" not in morning
    assert "**Night cream**" in evening and "**Spot gel**" not in evening
    assert "Foaming Cleanser \\(rinse off\\)" in morning and "Foaming Cleanser" in evening
    combine = text.split("## Do not combine")[1]
    assert "Night cream and Spot gel" in combine and "Tretinoin \\+ Benzoyl Peroxide" in combine
    assert "Benzoyl peroxide oxidises tretinoin." in combine
    assert "not medical advice" in text


def test_handout_html_is_self_contained_and_escaped(mini: Screener) -> None:
    page = routine_handout_html(_routine(mini, first_name=XSS))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http" not in page  # nothing fetched: self-contained
    assert "@media print" in page
    assert "<h2>Morning</h2>" in page and "<h2>Do not combine</h2>" in page
    markdown = routine_handout(_routine(mini, first_name=XSS))
    assert "<script>" not in markdown


def test_handout_of_a_routine_without_clashes(mini: Screener) -> None:
    report = mini.screen_routine([{"name": "Gel", "text": PLAIN, "when": "AM"}])
    text = routine_handout(report)
    assert "Nothing in this routine clashes." in text
    assert "Nothing in this part of the day." in text.split("## 🌙 Evening")[1]


def test_routine_cli_when_type_and_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mini_env: None
) -> None:
    (tmp_path / "night.txt").write_text(RETINOID)
    (tmp_path / "spot.txt").write_text(BPO)
    night = f"Night cream:PM:{tmp_path / 'night.txt'}"
    spot = f"Spot gel:{tmp_path / 'spot.txt'}"
    assert main(["routine", night, spot]) == 1
    out = capsys.readouterr().out
    assert re.search(r"PM\s+Night cream", out) and re.search(r"AM\s+Spot gel", out)
    assert main(["routine", night, spot, "--format", "markdown"]) == 1
    assert capsys.readouterr().out.startswith("# Your skincare routine")
    assert main(["routine", night, spot, "--format", "html"]) == 1
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    routine = tmp_path / "routine.toml"
    routine.write_text(
        f'[[product]]\nname = "Night"\nwhen = "PM"\nfile = "{tmp_path / "night.txt"}"\n'
    )
    assert main(["routine", "--from", str(routine), "--json"]) in (0, 1)
    assert '"slot": "PM"' in capsys.readouterr().out
    assert main(["routine", f"Night:noon:{tmp_path / 'night.txt'}"]) == 2
    err = capsys.readouterr().err
    assert "neither AM, PM" in err and "Traceback" not in err
    assert main(["routine"]) == 2
    assert "Name the products" in capsys.readouterr().err
