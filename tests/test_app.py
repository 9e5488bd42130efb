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
    assert at.text_area(key="paste").value == ""
    assert at.radio(key="product_type").value == "leave-on"
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
    assert boxes == ["**Verdict: not milia-friendly**"]
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
    assert error_texts(leave) == [] and leave.warning[0].value.endswith("use with care**")
    assert rinse.success[0].value.endswith("milia-friendly**")


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
        ("Aqua, " * 30_000, "limit"),
    ],
    ids=["empty", "blank", "prose", "oversized"],
)
def test_bad_input_gives_a_friendly_error(text: str, expected: str) -> None:
    at = screen(app(), text)
    errors = error_texts(at)
    assert len(errors) == 1 and expected in errors[0], errors
    assert "Traceback" not in errors[0]
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
    assert markdown_text(at).count("- **") >= 40
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
    assert [d.label for d in at.get("download_button")] == ["Download routine report (JSON)"]


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
    assert list(frame.columns)[:2] == ["brand", "product"]
    assert {"screen_verdict", "screen_flagged", "screen_error"} <= set(frame.columns)
    assert list(frame.columns)[-1] == "ingredients"
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
    assert set(shown["screen_verdict"]) == {"not milia-friendly"}
    assert len(shown) < 5
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
    assert list(at.dataframe[0].value["screen_verdict"]) == ["use with care", "milia-friendly"]


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
    assert {"screen_verdict", "screen_flagged", "screen_error"} <= set(frame.columns)
    assert len(frame) == 5
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
    assert found.iloc[0]["name"] == "Light Gel Cream"
    assert {"score", "why"} <= set(found.columns)
    assert "Rich Night Balm" not in set(found["name"])


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
