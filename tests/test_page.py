"""Unit tests of the page helpers in ui/page.py, beside app.py (no Streamlit needed)."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from screener.errors import ScreenError
from screener.screen import Screener
from ui import page


def test_safe_md_makes_markup_inert() -> None:
    out = page.safe_md("<script>alert(1)</script> [x](javascript:y) $a$ **b**\nnext")
    assert "<" not in out.replace("\\<", "")
    # Link syntax and scheme both inert (the colon also carries a word joiner).
    assert f"\\[x\\]\\(`javascript:{page.WORD_JOINER}y`\\)" in out
    assert "\\$a\\$" in out and "\\*\\*b\\*\\*" in out
    assert "\n" not in out


def test_ingredient_markdown_has_word_and_colour(mini: Screener) -> None:
    report = mini.screen("Aqua, Isopropyl Myristate, Petrolatun, Foobarium, <b>x</b>")
    lines = page.ingredient_list_markdown(report).splitlines()
    # one marker per line: its number (no bullet as well)
    assert lines[0] == "1. :green-badge[✓ no flag] Aqua"
    assert lines[1] == "2. :red-badge[⛔ avoid] Isopropyl Myristate"
    assert "did you mean Petrolatum?" in lines[2] and "caution" in lines[2]
    assert lines[3] == "4. :gray-badge[❓ unknown] Foobarium"


def test_verdict_box_and_counts() -> None:
    assert page.verdict_box("avoid") == ("error", "⛔")
    assert page.verdict_box("caution") == ("warning", "⚠️")
    assert page.verdict_box(None) == ("success", "✅")
    assert page.verdict_box(None, "uncertain") == ("info", "❔")  # never green
    assert page.verdict_box("avoid", "uncertain") == ("error", "⛔")
    assert page.counts_line({"avoid": 2, "caution": 1}) == "⛔ 2 avoid · ⚠️ 1 caution · ℹ️ 0 info"


def test_findings_sections_and_finding_markdown(mini: Screener) -> None:
    report = mini.screen("Aqua, Petrolatum, Isopropyl Myristate, Retinol", context="pregnancy")
    titles = [title for title, _ in page.findings_sections(report.findings)]
    assert titles == ["Pore-clogging (comedogenic)", "Heavy occlusive / milia", "Your context"]
    text = page.finding_markdown(report.findings[0], mini.db.cite)
    assert "**Why:**" in text and "**What to do:**" in text and "**Sources:**" in text
    assert page.alternatives_markdown(report)


def test_downloads_render(mini: Screener) -> None:
    report = mini.screen("Aqua, Petrolatum")
    assert page.report_markdown(report).startswith("# Ingredient screen")
    assert json.loads(page.report_json(report))["verdict"]["label"] == "use with care"


def test_routine_products_skips_blank_rows_and_names_them() -> None:
    rows = [("", "Aqua, Tretinoin", "PM"), ("X", "  ", "AM"), ("  ", "Aqua", "AM+PM")]
    assert page.routine_products(rows) == [
        {"name": "Product 1", "text": "Aqua, Tretinoin", "when": "PM"},
        {"name": "Product 3", "text": "Aqua", "when": "AM+PM"},
    ]
    with pytest.raises(ScreenError, match="empty"):
        page.routine_products([("a", "", "AM")])


def test_upload_size_and_reading() -> None:
    page.check_upload_size(10, limit_mb=1)
    with pytest.raises(ScreenError, match="limit is 1 MB"):
        page.check_upload_size(2 * 1024 * 1024, limit_mb=1)
    frame = page.read_upload("name;Ingrédients\nCrème;Aqua, Glycerin\n".encode("cp1252"))
    assert list(frame.columns) == ["name", "Ingrédients"]
    assert frame.iloc[0, 0] == "Crème"
    assert page.guess_column(frame.columns) == "Ingrédients"
    assert page.guess_column(["a", "b"]) is None
    for bad, message in ((b"", "empty"), (b"\x00\x01\x02", "binary"), (b"a,b\n", "no rows")):
        with pytest.raises(ScreenError, match=message):
            page.read_upload(bad)


def test_split_flagged_formats() -> None:
    assert page.split_flagged("A; B") == ["A", "B"]
    assert page.split_flagged("A|B") == ["A", "B"]
    assert page.split_flagged('["1,2-Hexanediol", "B"]') == ["1,2-Hexanediol", "B"]
    assert page.split_flagged(["A"]) == ["A"]
    assert page.split_flagged(float("nan")) == [] and page.split_flagged("") == []


def _results() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": ["a", "b", "c", "d"],
            "ingredients": ["x", "y", "z", ""],
            "screen_verdict": ["not milia-friendly", "milia-friendly", "not milia-friendly", ""],
            "screen_flagged": ["Petrolatum; Lanolin", "", "Petrolatum", ""],
            "screen_error": ["", "", "", "The ingredient list is empty."],
        }
    )


def test_catalog_counts_filter_and_view() -> None:
    frame = _results()
    counts = page.verdict_counts(frame)
    assert dict(zip(counts.verdict, counts.products, strict=True)) == {
        "not milia-friendly": 2,
        "milia-friendly": 1,
        "could not screen": 1,
    }
    flagged = page.flagged_counts(frame)
    assert list(flagged.ingredient) == ["Petrolatum", "Lanolin"]
    assert list(flagged.products) == [2, 1]
    assert page.counts_markdown(flagged, "ingredient", "products") == (
        "- Petrolatum: 2\n- Lanolin: 1"
    )
    assert len(page.filter_by_verdict(frame, ["could not screen"])) == 1
    assert len(page.filter_by_verdict(frame, [])) == 4
    view = page.results_view(frame, "ingredients")
    assert list(view.columns) == [
        "Verdict",
        "Flagged ingredients",
        "name",
        "ingredients",
        "Could not screen because",
    ]
    assert list(view["Verdict"]) == [
        "not milia-friendly",
        "milia-friendly",
        "not milia-friendly",
        "could not screen",
    ]


def test_results_view_leads_with_the_answer_and_shows_no_none() -> None:
    frame = pd.DataFrame(
        {
            "Brand": ["A", "B"],
            "Ingredients": ["x", None],
            "screen_verdict": ["use with care", None],
            "screen_worst_severity": ["caution", None],
            "screen_n_avoid": pd.array([0, None], dtype="Int64"),
            "screen_flagged": ["Lanolin", None],
            "screen_recognised_share": pd.array([0.875, None], dtype="Float64"),
            "screen_error": [None, "empty: no ingredient list in this row"],
            "screen_product_type": ["leave-on", "rinse-off"],
            "screen_product_type_reason": [None, "name 'Wash' says 'wash'"],
        }
    )
    view = page.results_view(frame, "Ingredients")
    assert list(view.columns)[:6] == [
        "Verdict",
        "Worst",
        "Flagged ingredients",
        "Recognised",
        "Screened as",
        "Brand",
    ]
    assert list(view["Recognised"]) == ["88%", ""]
    for name in view.columns:
        if view[name].dtype == object:
            assert None not in list(view[name]) and "None" not in list(view[name]), name


def test_downloads_keep_numbers_and_open_in_excel() -> None:
    frame = pd.DataFrame(
        {
            "price": ["12", "7.5", ""],
            "code": ["A1", "2", "3"],
            "screen_n_avoid": pd.array([1, 0, None], dtype="Int64"),
            "name": ["=cmd", "b", "c"],
        }
    )
    rows = json.loads(page.json_bytes(frame))
    assert rows[0]["price"] == 12 and rows[1]["price"] == 7.5 and rows[2]["price"] is None
    assert rows[0]["code"] == "A1" and rows[0]["screen_n_avoid"] == 1
    back = pd.read_excel(io.BytesIO(page.xlsx_bytes(frame)))
    assert list(back.columns) == list(frame.columns)
    assert back.loc[0, "name"] == "'=cmd"  # a formula-like cell is neutralised
    assert back.loc[0, "price"] == 12


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("t.csv", b"name;ingredients\nA;Aqua, Glycerin\n"),
        ("t.tsv", b"name\tingredients\nA\tAqua, Glycerin\n"),
        ("t.txt", b'name,ingredients\nA,"Aqua, Glycerin"\n'),
    ],
)
def test_read_upload_text_tables(name: str, data: bytes) -> None:
    frame = page.read_upload(data, name)
    assert list(frame.columns) == ["name", "ingredients"]
    assert frame.iloc[0, 1] == "Aqua, Glycerin"


def test_read_upload_excel_and_parquet() -> None:
    original = pd.DataFrame({"name": ["A", "B"], "price": [3, 4], "ingredients": ["Aqua", ""]})
    buffer = io.BytesIO()
    original.to_excel(buffer, index=False)
    excel = page.read_upload(buffer.getvalue(), "cat.xlsx")
    buffer = io.BytesIO()
    original.to_parquet(buffer)
    parquet = page.read_upload(buffer.getvalue(), "cat.parquet")
    for frame in (excel, parquet):
        assert list(frame.columns) == ["name", "price", "ingredients"]
        assert list(frame["price"]) == ["3", "4"] and list(frame["ingredients"]) == ["Aqua", ""]
    with pytest.raises(ScreenError, match=r"not a table this page reads \(accepted: CSV"):
        page.read_upload(b"%PDF-1.4", "x.pdf")
    with pytest.raises(ScreenError, match="could not read it as an Excel"):
        page.read_upload(b"PK\x03\x04 broken", "x.xlsx")


@pytest.mark.parametrize(
    "message",
    [
        "The text is 200,000 characters long; the limit is 100,000. Paste only the ingredient "
        "list (one product at a time), or raise the limit with SCREENER_MAX_TEXT_CHARS for a "
        "trusted batch job.",
        "The list has more than 2,000 entries; one product declares far fewer. Paste one "
        "product at a time (or raise SCREENER_MAX_ENTRIES).",
    ],
)
def test_friendly_error_has_no_environment_advice(message: str) -> None:
    out = page.friendly_error(ScreenError(message))
    assert "SCREENER_" not in out and "environment" not in out
    assert out.startswith(message.split(";")[0])
    assert "ingredient list of one product" in out
    assert page.friendly_error(ScreenError("The ingredient list is empty.")) == (
        "The ingredient list is empty."
    )


def test_deciding_and_type_lines(mini: Screener) -> None:
    report = mini.screen("Aqua, Petrolatum", name="Gentle Foaming Cleanser")
    assert page.product_type_line(report).startswith("Screened as **rinse-off** — name")
    heavy = mini.screen("Aqua, Petrolatum, Isopropyl Myristate")
    line = page.deciding_line(heavy)
    assert line.startswith("**Decided by:**") and "Petrolatum" in line
    assert page.deciding_line(mini.screen("Aqua, Glycerin")).startswith("Nothing")


def test_screen_in_chunks_reports_progress() -> None:
    frame = pd.DataFrame({"ingredients": [f"row {i}" for i in range(5)]})
    seen: list[float] = []

    def fake(df: pd.DataFrame, column: str, *, context: object = None) -> pd.DataFrame:
        return df.assign(screen_verdict="ok")

    out = page.screen_in_chunks(
        frame, "ingredients", fake, chunk_rows=2, progress=lambda share, _t: seen.append(share)
    )
    assert len(out) == 5 and seen == [0.4, 0.8, 1.0]


def test_csv_is_safe_against_formula_injection() -> None:
    frame = pd.DataFrame(
        {"=cmd": ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "plain", "'=quoted"]}
    )
    data = page.safe_csv_bytes(frame).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    assert rows[0] == ["'=cmd"]
    cells = [r[0] for r in rows[1:]]
    assert all(not c.startswith(page.FORMULA_PREFIXES) for c in cells)
    assert cells[4] == "plain" and cells[5] == "'=quoted"


def test_json_bytes_round_trip() -> None:
    assert json.loads(page.json_bytes(_results()))[3]["screen_error"].startswith("The ingredient")


SHORTCODES = re.compile(r":[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_]+)?:|:[A-Za-z]+(?:-[a-z]+)?\[")


@pytest.mark.parametrize(
    "text",
    [
        ":material/home: Aqua",
        "Aqua :smile: Glycerin",
        ":+1: and :-1:",
        ":red[danger] :blue-background[x] :green-badge[ok]",
        "Parfum:rainbow:",
        "a:material/warning:b `:material/code:`",
        ":sunglasses",  # an incomplete short-code vanished in Streamlit
    ],
)
def test_safe_md_defuses_streamlit_shortcodes(text: str) -> None:
    out = page.safe_md(text)
    assert not SHORTCODES.search(out), out
    visible = out.replace(page.WORD_JOINER, "").replace("\\", "")
    assert visible.replace("`", "") == text.replace("`", "")  # nothing else changes


def test_safe_md_keeps_plain_colons_and_urls() -> None:
    assert page.safe_md("Ingredients: Aqua") == "Ingredients: Aqua"
    assert "`http://x.example`" in page.safe_md("see http://x.example now")


def test_upload_keeps_misaligned_rows_and_reads_utf16(mini: Screener) -> None:
    data = "name,Ingredients\np1,Aqua,Petrolatum\np2,Glycerin\n".encode("utf-16")
    frame = page.read_upload(data, "bad.csv")
    assert frame["name"].tolist() == ["p1", "p2"]
    assert frame["Ingredients"].tolist() == ["Aqua", "Glycerin"]

    def screen(df: pd.DataFrame, column: str, *, context: object = None) -> pd.DataFrame:
        from screener.batch import screen_frame

        return screen_frame(df, column, screener=mini)

    out = page.screen_in_chunks(frame, "Ingredients", screen, chunk_rows=1)
    assert "the row has 3 fields, the header has 2" in out["screen_error"].iloc[0]
    assert pd.isna(out["screen_error"].iloc[1]) and out["screen_verdict"].iloc[1]


def test_served_page_hides_error_details() -> None:
    config = tomllib.loads(
        (Path(__file__).parents[1] / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    )
    assert config["client"]["showErrorDetails"] is False


def test_deciding_names_each_ingredient_once() -> None:
    lines = [
        "avoid: Petrolatum, Paraffinum Liquidum (occlusive)",
        "avoid: Isopropyl Myristate (comedogenic)",
        "caution: Petrolatum (occlusive)",
        "caution: Cocos Nucifera Oil (comedogenic)",
    ]
    assert page._worst_once(lines) == [lines[0], lines[1], lines[3]]
