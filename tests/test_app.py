"""The Streamlit page, driven by widget key with AppTest (no browser).

Every test runs against the small fixture database (``tests/fixtures/mini_db``)
so that it does not move with the curated data, except the one smoke test on
the real bundled database.
"""

from __future__ import annotations

import re
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import screener.limits
from screener.database import _cached
from screener.errors import ScreenError
from screener.screen import _default_screener, get_screener

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
MINI_DB = ROOT / "tests" / "fixtures" / "mini_db"
CATALOG = ROOT / "tests" / "fixtures" / "catalog_small.csv"
TIMEOUT = 60

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
# An HTML tag that is not backslash-escaped: what would become a DOM element.
RAW_TAG = re.compile(r"(?<!\\)<\s*(script|img)\b", re.IGNORECASE)

LIST_40 = ", ".join(
    [
        "Aqua",
        "Glycerin",
        "Petrolatum",
        "Isopropyl Myristate",
        "Paraffinum Liquidum",
        "Cocos Nucifera Oil",
        "Squalane",
        "Dimethicone",
        "Stearic Acid",
        "Sodium Hyaluronate",
        "Retinol",
        "Glycolic Acid",
        "Cetearyl Alcohol",
        "Caprylic/Capric Triglyceride",
        "Butyrospermum Parkii Butter",
        "Tocopherol",
        "Panthenol",
        "Niacinamide",
        "Allantoin",
        "Carbomer",
        "Xanthan Gum",
        "Sodium Hydroxide",
        "Disodium EDTA",
        "Ceramide NP",
        "Cholesterol",
        "Lecithin",
        "Butylene Glycol",
        "Propanediol",
        "Caprylyl Glycol",
        "Ethylhexylglycerin",
        "Cetyl Alcohol",
        "Glyceryl Stearate",
        "PEG-100 Stearate",
        "Polysorbate 20",
        "Citric Acid",
        "Sodium Benzoate",
        "Potassium Sorbate",
        "Phenoxyethanol",
        "Parfum",
        "Limonene",
    ]
)


def _clear_caches() -> None:
    _default_screener.cache_clear()
    _cached.cache_clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def mini_database(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test on the fixture database, with fresh caches on both sides."""
    monkeypatch.setenv("SCREENER_DB_DIR", str(MINI_DB))
    _clear_caches()
    yield
    _clear_caches()


def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    return at


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def error_texts(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def assert_no_html(at: AppTest) -> None:
    """No element asks for HTML, and no unescaped tag is handed to Markdown."""
    for element in at.markdown:
        assert not element.proto.allow_html
        assert not RAW_TAG.search(element.value), element.value
    for element in [*at.error, *at.warning, *at.info, *at.success]:
        assert not RAW_TAG.search(element.value), element.value


def screen(at: AppTest, text: str, *contexts: str, product_type: str | None = None) -> AppTest:
    at.text_area(key="paste").input(text)
    if contexts:
        at.multiselect(key="context").set_value(list(contexts))
    if product_type:
        at.radio(key="product_type").set_value(product_type)
    at.button(key="screen").click()
    at.run()
    assert not at.exception, at.exception
    return at


# -- one product -------------------------------------------------------------


def test_page_loads_with_all_modes() -> None:
    at = app()
    assert at.title[0].value.startswith("Milia")
    assert [t.label for t in at.tabs] == [
        "Product",
        "Routine",
        "Catalog",
        "Alternatives",
        "Compare",
        "About milia",
    ]
    # every widget is reachable by its key (a missing key raises KeyError)
    at.selectbox(key="example")
    at.button(key="screen")
    at.number_input(key="routine_count")
    at.button(key="screen_routine")
    at.multiselect(key="routine_context")
    for i in range(2):
        at.text_input(key=f"routine_name_{i}")
        at.text_area(key=f"routine_text_{i}")
        at.radio(key=f"routine_when_{i}")
    at.file_uploader(key="upload")
    at.text_input(key="product_name")
    for i in range(2):
        assert at.radio(key=f"routine_type_{i}").value == "auto"
    assert at.text_area(key="paste").value == ""
    # the paste box stops at the library's own limit
    assert at.text_area(key="paste").max_chars == screener.limits.MAX_TEXT_CHARS
    assert at.radio(key="product_type").value == "auto"
    assert list(at.multiselect(key="context").options) == [
        "Eye area",
        "Pregnancy",
        "Infant skin",
        "After a procedure (peel, laser, extraction)",
        "Fungal acne (Malassezia)",
    ]
    assert not error_texts(at)


def test_paste_context_and_screen() -> None:
    at = screen(app(), "Aqua, Petrolatum, Isopropyl Myristate, Petrolatun, Foobarium", "eye-area")
    boxes = error_texts(at)
    assert len(boxes) == 1 and boxes[0].startswith("**Verdict: not milia-friendly**")
    # the box names what decided it (verdict.deciding)
    assert "**Decided by:**" in boxes[0]
    assert "Petrolatum" in boxes[0] and "Isopropyl Myristate" in boxes[0]
    text = markdown_text(at)
    assert "⛔" in text and "avoid" in text
    # each entry: a colour badge AND a word
    assert ":red-badge[⛔ avoid] Petrolatum" in text
    assert ":red-badge[⛔ avoid] Isopropyl Myristate" in text
    assert ":gray-badge[❓ unknown] Foobarium" in text
    assert "did you mean Petrolatum?" in text
    # findings grouped by kind, with reason, advice and sources
    assert "#### Pore-clogging (comedogenic)" in text
    assert "#### Heavy occlusive / milia" in text
    assert "**Why:**" in text and "**What to do:**" in text and "**Sources:**" in text
    assert "you asked about the eye area" in text
    # alternatives, notes, caveats
    assert "### Milia-friendly alternatives" in text
    assert "Instead of **Isopropyl Myristate**" in text
    assert "not in the database" in text
    assert "rabbit-ear" in text
    assert [e.label for e in at.expander][:2] == [
        "What the reader cut or noted",
        "Caveats: what this screen can and cannot tell you",
    ]
    # confidence shown
    assert any("Match confidence" in c.value for c in at.caption)
    # downloads
    labels = [d.label for d in at.get("download_button")]
    assert labels == ["Download report (Markdown)", "Download report (JSON)"]
    assert_no_html(at)


def test_downloads_present_by_key() -> None:
    at = screen(app(), "Aqua, Petrolatum")
    buttons = at.get("download_button")
    ids = " ".join(b.proto.id for b in buttons)
    assert "download_md" in ids and "download_json" in ids


def test_rinse_off_lowers_a_finding() -> None:
    leave = screen(app(), "Aqua, Petrolatum, Glycerin")
    rinse = screen(app(), "Aqua, Petrolatum, Glycerin", product_type="rinse-off")
    assert error_texts(leave) == []
    assert leave.warning[0].value.startswith("**Verdict: use with care**")
    assert rinse.success[0].value.startswith("**Verdict: milia-friendly**")


@pytest.mark.parametrize(
    ("name", "expected_box", "expected_type"),
    [
        ("Gentle Foaming Cleanser", "success", "rinse-off"),
        ("Rich Night Cream", "warning", "leave-on"),
        ("", "warning", None),
    ],
)
def test_product_name_sets_the_type(
    name: str, expected_box: str, expected_type: str | None
) -> None:
    at = app()
    at.text_input(key="product_name").input(name)
    at = screen(at, "Aqua, Petrolatum, Glycerin")
    assert getattr(at, expected_box)[0].value.startswith("**Verdict:")
    captions = " ".join(c.value for c in at.caption)
    if expected_type is None:
        assert "Screened as" not in captions
    else:
        assert f"Screened as **{expected_type}**" in captions


def test_uncertain_is_not_green(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCREENER_DB_DIR", raising=False)  # the real [verdict] policy
    _clear_caches()
    at = screen(app(), "Foobarium, Quuxate, Zorblex Extract, Aqua")
    assert not at.success, [s.value for s in at.success]
    assert at.info and at.info[0].value.startswith("**Verdict: uncertain**")
    assert "too few of the ingredients were recognised" in at.info[0].value


def test_ingredient_lines_have_one_marker() -> None:
    at = screen(app(), "Aqua, Petrolatum, Glycerin")
    block = next(m.value for m in at.markdown if ":green-badge" in m.value)
    lines = block.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["1.", "2.", "3."]
    assert not any(line.startswith("- ") or "**1.**" in line for line in lines)


def test_example_fills_the_paste_box() -> None:
    at = app()
    name = "Rich night cream (heavy occlusives)"
    at.selectbox(key="example").set_value(name)
    at.run()
    assert "Petrolatum" in at.text_area(key="paste").value
    at.button(key="screen").click()
    at.run()
    assert not at.exception
    assert "Petrolatum" in markdown_text(at)
    assert any("Verdict" in e.value for e in at.error)


def test_changed_input_says_press_screen_again() -> None:
    at = screen(app(), "Aqua, Petrolatum")
    at.text_area(key="paste").input("Aqua, Glycerin")
    at.run()
    assert any("press **Screen**" in i.value for i in at.info)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "empty"),
        ("   \n  ", "empty"),
        (
            "I bought this cream last week and it makes my skin feel soft and smooth all day",
            "does not look like an ingredient list",
        ),
        ("A1, " * 2_100, "more than"),
    ],
    ids=["empty", "blank", "prose", "too-many-entries"],
)
def test_bad_input_gives_a_friendly_error(text: str, expected: str) -> None:
    at = screen(app(), text)
    errors = error_texts(at)
    assert len(errors) == 1 and expected in errors[0], errors
    assert "Traceback" not in errors[0]
    # no advice to set an environment variable, for a web visitor
    assert "SCREENER_" not in errors[0] and "environment" not in errors[0]
    assert not at.get("download_button")


def test_xss_in_pasted_list_never_becomes_html() -> None:
    text = f"{XSS_SCRIPT}, Petrolatum, {XSS_IMG}, [x](javascript:alert(1)), $x^2$"
    at = screen(app(), text)
    assert_no_html(at)
    body = markdown_text(at)
    assert "javascript:alert" not in body.replace("\\", "") or "\\[x\\]" in body
    assert "\\$x^2\\$" in body


def test_xss_in_routine_names_and_catalog_cells() -> None:
    at = app()
    at.text_input(key="routine_name_0").input(XSS_IMG)
    at.text_area(key="routine_text_0").input("Aqua, Tretinoin")
    at.text_input(key="routine_name_1").input(XSS_SCRIPT)
    at.text_area(key="routine_text_1").input("Aqua, Benzoyl Peroxide")
    at.button(key="screen_routine").click()
    at.run()
    assert not at.exception
    assert "\\<img src=x onerror=alert\\(1\\)\\>" in markdown_text(at)
    assert_no_html(at)
    for expander in at.expander:
        assert not RAW_TAG.search(expander.label)


def test_rerender_time_of_a_40_ingredient_list(capsys: pytest.CaptureFixture[str]) -> None:
    at = app()
    assert LIST_40.count(",") == 39
    at.text_area(key="paste").input(LIST_40)
    at.button(key="screen").click()
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    assert not at.exception
    times = []
    for _ in range(5):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    assert len(re.findall(r"^\d+\. ", markdown_text(at), re.MULTILINE)) >= 40
    rerender = sorted(times)[len(times) // 2]
    with capsys.disabled():
        print(
            f"\n[app timing] 40 entries: screen+render {first:.3f}s, "
            f"re-render median {rerender:.3f}s"
        )
    assert rerender < 2.0


# -- routine -----------------------------------------------------------------


def test_routine_shows_clash_and_arrangement() -> None:
    at = app()
    assert at.number_input(key="routine_count").value == 2
    at.number_input(key="routine_count").set_value(3)
    at.run()
    at.text_input(key="routine_name_0").input("Night cream")
    at.text_area(key="routine_text_0").input("Aqua, Glycerin, Tretinoin")
    at.radio(key="routine_when_0").set_value("PM")
    at.text_input(key="routine_name_1").input("Spot gel")
    at.text_area(key="routine_text_1").input("Aqua, Benzoyl Peroxide")
    at.text_area(key="routine_text_2").input("Aqua, Glycerin, Squalane")
    at.button(key="screen_routine").click()
    at.run()
    assert not at.exception
    text = markdown_text(at)
    assert "### Clashes between products" in text
    assert "**Tretinoin \\+ Benzoyl Peroxide** — Night cream × Spot gel" in text
    assert "Benzoyl peroxide oxidises tretinoin." in text
    assert "### Suggested arrangement" in text
    assert "**🌙 PM** — **Night cream**" in text
    assert "**☀️ AM** — **Spot gel**: kept apart from Night cream" in text
    assert "**Product 3**" in text
    assert [d.label for d in at.get("download_button")] == [
        "Handout (Markdown)",
        "Handout (HTML, print)",
        "Routine report (JSON)",
    ]
    assert "### Handout for the client" in text


def test_routine_rinse_off_per_product() -> None:
    """A heavy cleanser marked rinse-off no longer makes the routine 'not friendly'."""
    at = app()
    at.text_input(key="routine_name_0").input("Balm")
    at.text_area(key="routine_text_0").input("Aqua, Petrolatum, Glycerin")
    at.text_input(key="routine_name_1").input("Gel")
    at.text_area(key="routine_text_1").input("Aqua, Glycerin, Squalane")
    at.button(key="screen_routine").click()
    at.run()
    leave = markdown_text(at)
    assert "**Balm** — use with care" in leave
    at.radio(key="routine_type_0").set_value("rinse-off")
    at.button(key="screen_routine").click()
    at.run()
    assert not at.exception, at.exception
    assert "**Balm** — milia-friendly" in markdown_text(at)


def test_routine_unresolved_clash_is_reported() -> None:
    at = app()
    at.text_area(key="routine_text_0").input("Aqua, Tretinoin")
    at.radio(key="routine_when_0").set_value("PM")
    at.text_area(key="routine_text_1").input("Aqua, Benzoyl Peroxide")
    at.radio(key="routine_when_1").set_value("PM")
    at.button(key="screen_routine").click()
    at.run()
    assert any("alternate days" in w.value for w in at.warning)


def test_empty_routine_gives_an_error() -> None:
    at = app()
    at.button(key="screen_routine").click()
    at.run()
    assert not at.exception
    assert any("routine is empty" in e for e in error_texts(at))


# -- catalog -----------------------------------------------------------------


def fake_screen_frame(
    df: pd.DataFrame,
    column: str | None = None,
    *,
    context: Any = None,
    screener: Any = None,
    **_: Any,
) -> pd.DataFrame:
    """The batch contract (screen_ columns), built on the public screen()."""
    scr = screener or get_screener()
    out = df.copy()
    verdicts, flagged, errors = [], [], []
    for text in df[column or "ingredients"]:
        try:
            report = scr.screen(text, context=context)
        except ScreenError as exc:
            verdicts.append("")
            flagged.append("")
            errors.append(str(exc))
            continue
        verdicts.append(report.verdict.label)
        flagged.append("; ".join(report.flagged))
        errors.append("")
    out["screen_verdict"] = verdicts
    out["screen_flagged"] = flagged
    out["screen_error"] = errors
    return out


@pytest.fixture
def fake_batch(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType("screener.batch")
    module.screen_frame = fake_screen_frame  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "screener.batch", module)
    return module


def upload_catalog(at: AppTest) -> AppTest:
    at.file_uploader(key="upload").upload("catalog.csv", CATALOG.read_bytes(), "text/csv")
    at.run()
    assert not at.exception, at.exception
    return at


def test_catalog_upload_screen_filter_and_download(fake_batch: types.ModuleType) -> None:
    at = upload_catalog(app())
    assert at.selectbox(key="column").value == "ingredients"  # auto-detected
    at.button(key="screen_catalog").click()
    at.run()
    assert not at.exception, at.exception
    frame = at.dataframe[0].value
    assert len(frame) == 5
    # the answer first, under readable headers; then the file's own columns in order
    assert list(frame.columns)[:4] == ["Verdict", "Flagged ingredients", "brand", "product"]
    assert list(frame.columns)[-2:] == ["ingredients", "Could not screen because"]
    assert not frame.isin(["None"]).any().any()
    assert not frame.drop(columns=[]).isna().any().any()
    text = markdown_text(at)
    assert "### Products per verdict" in text
    assert "### Most frequent flagged ingredients" in text
    assert "- Petrolatum: 1" in text
    assert "- could not screen: 1" in text
    assert len(at.get("vega_lite_chart")) == 2
    ids = " ".join(b.proto.id for b in at.get("download_button"))
    assert "download_csv" in ids and "download_catalog_json" in ids
    # filter by verdict
    at.multiselect(key="verdict_filter").set_value(["not milia-friendly"])
    at.run()
    shown = at.dataframe[0].value
    assert set(shown["Verdict"]) == {"not milia-friendly"}
    assert len(shown) < 5
    assert [d.label for d in at.get("download_button")] == [
        "Download shown rows (CSV)",
        "Download shown rows (JSON)",
        "Download shown rows (Excel)",
    ]
    assert_no_html(at)


def test_catalog_column_can_be_picked(fake_batch: types.ModuleType) -> None:
    at = app()
    data = b"name;composition_text\nA;Aqua, Petrolatum\nB;Aqua, Glycerin\n"
    at.file_uploader(key="upload").upload("odd.csv", data, "text/csv")
    at.run()
    assert at.selectbox(key="column").value is None
    assert any("Choose the ingredient column" in i.value for i in at.info)
    at.selectbox(key="column").set_value("composition_text")
    at.run()
    at.button(key="screen_catalog").click()
    at.run()
    assert not at.exception
    assert list(at.dataframe[0].value["Verdict"]) == ["use with care", "milia-friendly"]


def test_next_upload_gets_its_own_column_guess(fake_batch: types.ModuleType) -> None:
    """After a file without the expected column, the next file's column is detected."""
    at = app()
    at.file_uploader(key="upload").upload("odd.csv", b"name;stuff\nA;Aqua\n", "text/csv")
    at.run()
    assert at.selectbox(key="column").value is None
    at.file_uploader(key="upload").upload("catalog.csv", CATALOG.read_bytes(), "text/csv")
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="column").value == "ingredients"


def _xlsx(frame: pd.DataFrame) -> bytes:
    import io

    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["xlsx", "parquet", "semicolon"])
def test_catalog_accepts_excel_parquet_and_semicolon(kind: str) -> None:
    import io

    frame = pd.read_csv(CATALOG, dtype=str, keep_default_na=False)
    if kind == "xlsx":
        name, data = "catalog.xlsx", _xlsx(frame)
    elif kind == "parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer)
        name, data = "catalog.parquet", buffer.getvalue()
    else:
        name, data = "catalog.csv", frame.to_csv(sep=";", index=False).encode()
    at = app()
    at.file_uploader(key="upload").upload(name, data, "application/octet-stream")
    at.run()
    assert not at.exception, at.exception
    assert not error_texts(at), error_texts(at)
    assert at.selectbox(key="column").value == "ingredients"
    at.button(key="screen_catalog").click()
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == 5


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 64, "save it as .xlsx or CSV"),
        ("label.pdf", b"%PDF-1.7 ingredients", "not a table this page reads"),
        ("blob.csv", b"\x00\x01\x02\x03", "binary file"),
    ],
)
def test_catalog_refuses_other_files_clearly(name: str, data: bytes, message: str) -> None:
    at = app()
    at.file_uploader(key="upload").upload(name, data, "application/octet-stream")
    at.run()
    assert not at.exception, at.exception
    errors = error_texts(at)
    assert errors and message in errors[0], errors
    assert "Excel (.xlsx)" in errors[0] or "xlsx" in errors[0]


def test_catalog_product_type_per_row() -> None:
    at = app()
    data = (ROOT / "tests" / "fixtures" / "catalog.csv").read_bytes()
    at.file_uploader(key="upload").upload("catalog.csv", data, "text/csv")
    at.run()
    assert at.radio(key="catalog_type_mode").value.startswith("Read it off")
    at.button(key="screen_catalog").click()
    at.run()
    assert not at.exception, at.exception
    frame = at.dataframe[0].value
    types_by_name = dict(zip(frame["name"], frame["Screened as"], strict=True))
    assert types_by_name["Gentle Wash"] == "rinse-off"
    assert types_by_name["Rich Night Balm"] == "leave-on"
    assert "Why that type" in frame.columns
    # one type for the whole file
    at.radio(key="catalog_type_mode").set_value("rinse-off")
    at.button(key="screen_catalog").click()
    at.run()
    assert set(at.dataframe[0].value["Screened as"]) == {"rinse-off"}


def test_catalog_upload_over_the_limit(
    fake_batch: types.ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screener.limits, "MAX_UPLOAD_MB", 0)
    at = upload_catalog(app())
    assert any("the limit is 0 MB" in e for e in error_texts(at))


def test_catalog_tab_without_batch_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "screener.batch", None)  # import fails
    at = app()
    assert any("Catalog screening is not available" in w.value for w in at.warning)


def test_catalog_with_the_real_batch_module() -> None:
    import screener.batch

    assert hasattr(screener.batch, "screen_frame")
    at = upload_catalog(app())
    at.button(key="screen_catalog").click()
    at.run()
    assert not at.exception, at.exception
    frame = at.dataframe[0].value
    assert list(frame.columns)[:5] == [
        "Verdict",
        "Worst",
        "Flagged ingredients",
        "Recognised",
        "Screened as",
    ]
    assert len(frame) == 5
    assert not frame.isin(["None", "nan"]).any().any()
    assert "- Petrolatum: 1" in markdown_text(at)
    ids = " ".join(b.proto.id for b in at.get("download_button"))
    assert "download_csv" in ids and "download_catalog_json" in ids
    assert_no_html(at)


def test_upload_size_limit_in_config() -> None:
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    match = re.search(r"^maxUploadSize\s*=\s*(\d+)", config, re.MULTILINE)
    assert match and int(match.group(1)) == screener.limits.MAX_UPLOAD_MB


# -- about, failures, safety of the source -------------------------------------


def test_about_milia_panel() -> None:
    text = markdown_text(app())
    for needle in (
        "What milia are",
        "What helps",
        "milia-friendly product",
        "see a professional",
        "milia en plaque",
        "newborns",
        "Never try to extract milia at home",
        "[CCF] Cleveland Clinic",
        "[MAYO] Mayo Clinic",
        "Perfect Medical",
        "Creative Nesting",
    ):
        assert needle in text, needle


def test_database_failure_shows_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCREENER_DB_DIR", str(tmp_path))
    _clear_caches()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    assert any("database could not be loaded" in e for e in error_texts(at))
    assert "What milia are" in markdown_text(at)  # the about panel still works
    assert not at.text_area  # no screening widgets without a database


def test_no_unsafe_html_in_the_page_source() -> None:
    source = (ROOT / "app.py").read_text()
    assert "unsafe_allow_html" not in source
    assert "st.html" not in source and "components.html" not in source


def test_smoke_real_bundled_database(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real data: either it screens, or the page says clearly that it cannot."""
    monkeypatch.delenv("SCREENER_DB_DIR", raising=False)
    _clear_caches()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    if any("database could not be loaded" in e for e in error_texts(at)):
        pytest.xfail("the bundled ingredient database does not load right now")
    at = screen(at, "Aqua, Petrolatum, Isopropyl Myristate, Glycerin")
    assert "Petrolatum" in markdown_text(at)
    assert at.get("download_button")


# -- alternatives from a catalog, and comparing two products -----------------

ALT_CATALOG = ROOT / "tests" / "fixtures" / "catalog.csv"


def test_alternatives_from_a_catalog_product() -> None:
    at = app()
    at.file_uploader(key="alt_upload").upload("cat.csv", ALT_CATALOG.read_bytes(), "text/csv")
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="alt_column").value == "ingredients"
    options = list(at.selectbox(key="alt_product").options)
    assert options[0].endswith("Acme — Rich Night Balm")
    at.selectbox(key="alt_product").set_value(options[0])
    at.button(key="find_alternatives").click()
    at.run()
    assert not at.exception, at.exception
    found = at.dataframe[0].value
    assert list(found.columns)[:5] == ["Product", "Brand", "Price", "What is better", "Why"]
    assert found.iloc[0]["Product"] == "Light Gel Cream"
    assert "Rich Night Balm" not in set(found["Product"])
    assert set(found["category"]) == {"Moisturizer"}  # the same shelf
    assert all("no heavy occlusive" in b for b in found["What is better"])
    assert any("same shelf (Moisturizer)" in m.value for m in at.markdown)


def test_alternatives_reuse_the_catalog_upload_and_pick_a_shelf() -> None:
    at = app()
    data = (ROOT / "tests" / "fixtures" / "catalog.csv").read_bytes()
    at.file_uploader(key="upload").upload("catalog.csv", data, "text/csv")
    at.run()
    assert any("Using the catalog uploaded in the Catalog tab" in c.value for c in at.caption)
    options = list(at.selectbox(key="alt_product").options)
    at.selectbox(key="alt_product").set_value(options[0])
    assert "Cleanser" in list(at.selectbox(key="alt_category").options)
    at.selectbox(key="alt_category").set_value("Treatment")
    at.button(key="find_alternatives").click()
    at.run()
    assert not at.exception, at.exception
    found = at.dataframe[0].value
    assert set(found["category"]) == {"Treatment"}


def test_alternatives_from_a_pasted_list_and_nothing_chosen() -> None:
    at = app()
    at.file_uploader(key="alt_upload").upload("cat.csv", ALT_CATALOG.read_bytes(), "text/csv")
    at.run()
    at.button(key="find_alternatives").click()
    at.run()
    assert any("Pick a product" in e for e in error_texts(at))
    at.text_area(key="alt_paste").input(f"Aqua, Petrolatum, {XSS_SCRIPT}")
    at.button(key="find_alternatives").click()
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) >= 1
    assert_no_html(at)


def test_compare_two_products() -> None:
    at = app()
    at.text_area(key="compare_a").input("Aqua, Petrolatum, Glycerin")
    at.text_area(key="compare_b").input(f"Aqua, Glycerin, Squalane, {XSS_IMG}")
    at.button(key="compare").click()
    at.run()
    assert not at.exception, at.exception
    text = markdown_text(at)
    assert "More milia-friendly: Product B" in text
    assert "Only in A** (1): Petrolatum" in text
    assert_no_html(at)
    at.text_area(key="compare_a").input("")
    at.button(key="compare").click()
    at.run()
    assert any("empty" in e for e in error_texts(at))


def test_error_messages_with_user_text_are_inert() -> None:
    at = app()
    at.text_input(key="routine_name_0").input("[click](http://evil.example)")
    at.text_area(key="routine_text_0").input("Visit the Dior boutique")
    at.text_input(key="routine_name_1").input("Second")
    at.text_area(key="routine_text_1").input("Aqua")
    at.button(key="screen_routine").click()
    at.run()
    assert not at.exception, at.exception
    errors = error_texts(at)
    assert errors and "evil.example" in errors[0]
    for text in errors:
        assert "](http" not in text and "`http://evil.example`" in text


# -- a personal avoid list ---------------------------------------------------


def test_avoid_list_decides_on_the_page() -> None:
    at = app()
    at.toggle(key="avoid_on").set_value(True)
    at.run()
    # The fixture database: Fragrance is an alias of Parfum, Vaseline of Petrolatum.
    at.text_area(key="avoid_text").input("Fragrance\nVaseline\nBlorbium Flarnate")
    at = screen(at, "Aqua, Glycerin, Parfum, Petrolatum")
    text = markdown_text(at)
    assert "avoid list" in text.lower()
    assert "line 1" in text and "line 2" in text
    assert any("not milia-friendly" in e for e in error_texts(at))
    # the unknown line is reported, not ignored
    assert "Blorbium Flarnate" in text
    downloads = [b for b in at.get("download_button") if b.key == "avoid_download"]
    assert downloads and "avoid list" in downloads[0].label
