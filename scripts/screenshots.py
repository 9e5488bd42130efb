"""Retake the README screenshots with Playwright and Debian's chromium.

    PYTHONPATH=. .venv/bin/python scripts/screenshots.py

Starts the page on the bundled database, screens the "Rich night cream"
example on a desktop-width window (docs/screenshot.png), then screens the
fixture catalog (tests/fixtures/catalog.csv) at phone width, 390x844
(docs/screenshot-phone.png: the verdict leads the result table).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--no-first-run"]


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    port = _port()
    env = {k: v for k, v in os.environ.items() if k != "SCREENER_DB_DIR"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 900, "height": 900})
            page.goto(url)
            main_block = page.locator("[data-testid='stMain']")
            box = page.get_by_role("textbox", name="Ingredient list (INCI)")
            expect(box).to_be_visible(timeout=60_000)
            examples = page.locator("[data-testid='stSelectbox']").filter(has_text="Try an example")
            examples.first.click()
            page.get_by_role("option", name="Rich night cream (heavy occlusives)").click()
            page.get_by_role("textbox", name="Product name (optional").fill("Rich Night Cream")
            page.wait_for_timeout(800)
            page.get_by_role("button", name="Screen", exact=True).click()
            expect(main_block.get_by_text("Decided by:").first).to_be_visible(timeout=60_000)
            page.set_viewport_size({"width": 900, "height": 1400})
            page.wait_for_timeout(800)
            top = page.get_by_role("button", name="Screen", exact=True)
            top.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(800)
            page.screenshot(path=str(ROOT / "docs" / "screenshot.png"), full_page=False)

            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(url)
            phone.get_by_role("tab", name="Catalog").click()
            phone.locator("input[type=file]").first.set_input_files(
                str(ROOT / "tests" / "fixtures" / "catalog.csv")
            )
            phone.get_by_role("button", name="Screen the catalog").click()
            grid = phone.locator("[data-testid='stDataFrame']").first
            expect(grid).to_be_visible(timeout=60_000)
            phone.wait_for_timeout(1000)
            heading = phone.get_by_role("heading", name="Results")
            heading.evaluate("e => e.scrollIntoView({block: 'start'})")
            phone.wait_for_timeout(500)
            phone.screenshot(path=str(ROOT / "docs" / "screenshot-phone.png"))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
