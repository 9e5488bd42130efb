"""One real-browser check of the page: Streamlit server + Debian chromium via Playwright.

Runs ``streamlit run app.py`` on a free local port (fixture database), pastes a
list, presses Screen and checks what the browser shows. Screenshots go to
``test-artifacts/``. Under CI (``CI=true``) a missing browser or Playwright is a
failure; locally the test is skipped.
"""

from __future__ import annotations

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
            box = page.get_by_label(LABEL)
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

            _screenshot(page, 1100, ARTIFACTS / "browser.png")
            _screenshot(page, 390, ARTIFACTS / "browser-390.png")
            width = page.evaluate(_SCROLL_WIDTH)
            assert width <= 390 + 2, f"page scrolls sideways at phone width ({width}px)"
        finally:
            browser.close()
