"""One real-browser check of the page: Streamlit server + Debian chromium via Playwright.

Runs ``streamlit run app.py`` on a free local port (fixture database), pastes a
list, presses Screen and checks what the browser shows. Screenshots go to
``test-artifacts/``. Under CI (``CI=true``) a missing browser or Playwright is a
failure; locally the test is skipped.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from screener.limits import MAX_TEXT_CHARS

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
PASTE = (
    "Aqua, Petrolatum, Isopropyl Myristate, Glycerin, Petrolatun, Foobarium, "
    "<img src=x onerror=alert(1)>, <script>alert(1)</script>, http://evil.example/x, "
    "www.evil.example, Phenoxyethanol"
)
LABEL = "Ingredient list (INCI), as printed on the label"
CATALOG = ROOT / "tests" / "fixtures" / "catalog.csv"
PHONE = {"width": 390, "height": 844}


def _unavailable(reason: str) -> None:
    """A missing browser is a failure, never a skip: scripts/test.sh installs it."""
    pytest.fail(
        f"the real-browser test cannot run: {reason}. Run `bash scripts/test.sh`, which "
        "installs Debian's chromium, or `apt-get install chromium`."
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server() -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "SCREENER_DB_DIR": str(ROOT / "tests" / "fixtures" / "mini_db")}
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                output = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                pytest.fail(f"streamlit exited early:\n{output}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("streamlit did not answer within 60 s")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# Streamlit scrolls inside its main block, not the document: measure that block.
_SCROLL_HEIGHT = "document.querySelector(\"[data-testid='stMain']\").scrollHeight"
_SCROLL_WIDTH = (
    "Math.max(document.documentElement.scrollWidth, "
    "document.querySelector(\"[data-testid='stMain']\").scrollWidth)"
)


def _screenshot(page: Any, width: int, path: Path) -> None:
    """The whole page at a given width (the viewport grows to the content height)."""
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_timeout(500)
    height = int(page.evaluate(_SCROLL_HEIGHT))
    page.set_viewport_size({"width": width, "height": min(max(height, 900), 12_000)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path))


@pytest.mark.browser
def test_paste_and_screen_in_a_real_browser(server: str) -> None:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        _unavailable(f"chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _unavailable("playwright (python) is not installed")

    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(server, wait_until="domcontentloaded")
            box = page.get_by_role("textbox", name=LABEL)
            expect(box).to_be_visible(timeout=30_000)
            box.fill(PASTE)
            box.press("Control+Enter")  # commit the text before pressing the button
            page.wait_for_timeout(500)
            page.get_by_role("button", name="Screen", exact=True).click()

            main = page.locator("[data-testid='stMain']")
            expect(main.get_by_text("Verdict: not milia-friendly")).to_be_visible(timeout=30_000)
            listing = main.locator("[data-testid='stMarkdownContainer']").filter(
                has_text="Isopropyl Myristate"
            )
            expect(listing.first).to_be_visible()
            body = main.inner_text()
            for name in ("Petrolatum", "Isopropyl Myristate"):
                assert name in body
            assert "avoid" in body  # the flag is a word, not only a colour
            assert "unknown" in body and "did you mean Petrolatum?" in body

            # nothing the user pasted became an element or ran
            assert page.locator("img[src='x']").count() == 0
            assert page.locator("script:has-text('alert(1)')").count() == 0
            assert dialogs == []
            assert page.locator("a[href*='evil.example']").count() == 0  # no live link

            # the verdict box names what decided it; the paste box has the library's limit
            expect(main.get_by_text("Decided by:").first).to_be_visible()
            box.focus()
            counter = page.get_by_text(f"{len(PASTE)}/{MAX_TEXT_CHARS}")
            expect(counter.first).to_be_visible(timeout=10_000)

            _screenshot(page, 1100, ARTIFACTS / "browser.png")
            _screenshot(page, 390, ARTIFACTS / "browser-390.png")
            width = page.evaluate(_SCROLL_WIDTH)
            assert width <= 390 + 2, f"page scrolls sideways at phone width ({width}px)"
        finally:
            browser.close()


def _launch(pw: Any) -> Any:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        _unavailable(f"chromium not found at {CHROMIUM}")
    return pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _upload_and_screen_catalog(page: Any, server: str, expect: Any) -> Any:
    page.goto(server, wait_until="domcontentloaded")
    page.get_by_role("tab", name="Catalog").click()
    page.locator("input[type=file]").first.set_input_files(str(CATALOG))
    page.get_by_role("button", name="Screen the catalog").click()
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text("Products per verdict")).to_be_visible(timeout=30_000)
    grid = main.locator("[data-testid='stDataFrame']").first
    expect(grid).to_be_visible(timeout=30_000)
    expect(grid.locator("th").first).to_have_text("Verdict", timeout=30_000)
    page.wait_for_timeout(800)
    return grid


@pytest.mark.browser
def test_catalog_on_a_phone_leads_with_the_verdict_and_downloads_follow_the_filter(
    server: str,
) -> None:
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _unavailable("playwright (python) is not installed")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = _launch(pw)
        try:
            page = browser.new_page(viewport=PHONE, accept_downloads=True)
            grid = _upload_and_screen_catalog(page, server, expect)
            # the answer is the first (pinned) column, and the grid fits the phone
            headers = grid.locator("th")
            assert headers.first.inner_text().strip() == "Verdict"
            assert [headers.nth(i).inner_text().strip() for i in range(3)] == [
                "Verdict",
                "Worst",
                "Flagged ingredients",
            ]
            box = grid.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + 120 <= PHONE["width"]
            grid.scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / "catalog-390.png"))
            body = page.locator("[data-testid='stMain']").inner_text()
            assert "None" not in body
            width = page.evaluate(_SCROLL_WIDTH)
            assert width <= PHONE["width"] + 2, f"scrolls sideways ({width}px)"

            # filter to one verdict: the downloads hold the rows shown
            verdicts = page.locator("[data-testid='stMultiSelect']").filter(
                has_text="Show verdicts"
            )
            verdicts.locator("input").click()
            page.get_by_role("option", name="not milia-friendly").click()
            page.keyboard.press("Escape")
            expect(page.get_by_text("1 of 8 products shown")).to_be_visible(timeout=30_000)
            # Wait until the page's rerun has finished (Streamlit's running indicator
            # is gone) and one download button remains, then use that one.
            expect(page.locator("[data-testid='stStatusWidget']")).to_be_hidden(timeout=30_000)
            csv_button = page.get_by_role("button", name="Download shown rows (CSV)")
            expect(csv_button).to_have_count(1, timeout=30_000)
            with page.expect_download() as info:
                csv_button.click()
            rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text("utf-8-sig"))))
            assert len(rows) == 1 and rows[0]["screen_verdict"] == "not milia-friendly"
            with page.expect_download() as info:
                page.get_by_role("button", name="Download shown rows (JSON)").click()
            records = json.loads(Path(info.value.path()).read_text())
            assert len(records) == 1 and isinstance(records[0]["screen_n_avoid"], int)

            # the Alternatives tab uses the same upload
            page.get_by_role("tab", name="Alternatives").click()
            expect(
                page.get_by_text("Using the catalog uploaded in the Catalog tab")
            ).to_be_visible()
        finally:
            browser.close()


@pytest.mark.browser
def test_routine_handout_downloads_escaped_html(server: str) -> None:
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _unavailable("playwright (python) is not installed")
    with sync_playwright() as pw:
        browser = _launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900}, accept_downloads=True)
            page.goto(server, wait_until="domcontentloaded")
            page.get_by_role("tab", name="Routine").click()
            page.get_by_label("Product 1 name").fill("<b>Night</b> cream")
            page.get_by_label("Product 1 ingredient list").fill("Aqua, Glycerin, Tretinoin")
            page.get_by_label("Product 2 name").fill("Spot gel")
            page.get_by_label("Product 2 ingredient list").fill("Aqua, Benzoyl Peroxide")
            page.get_by_label("Product 2 ingredient list").press("Control+Enter")
            page.wait_for_timeout(500)
            page.get_by_role("button", name="Check the routine").click()
            expect(page.get_by_text("Handout for the client")).to_be_visible(timeout=30_000)
            with page.expect_download() as info:
                page.get_by_role("button", name="Handout (HTML, print)").click()
            handout = Path(info.value.path()).read_text()
            assert handout.startswith("<!DOCTYPE html>")
            assert "&lt;b&gt;Night&lt;/b&gt; cream" in handout and "<b>Night" not in handout
            assert "Do not combine" in handout and "Benzoyl Peroxide" in handout
        finally:
            browser.close()
