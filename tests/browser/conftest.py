"""Headless Chromium for the report tests: Debian's ``chromium`` driven by Python Playwright
with its ``executable_path`` (Playwright's own browser download does not work offline).

The tests skip, saying why, when Playwright or Chromium is missing; with
FACTLINT_REQUIRE_BROWSER=1 (set by .ci/run once it has installed Chromium) they fail instead,
so a broken install cannot hide behind a skip. Set FACTLINT_CHROMIUM to use another binary.
Screenshots go to FACTLINT_SCREENSHOTS or build/test-screenshots/; the folder is printed at
the end of the run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
SHOT_DIR = Path(
    os.environ.get("FACTLINT_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "build" / "test-screenshots"
)
_saved: list[Path] = []


def find_chromium() -> str | None:
    explicit = os.environ.get("FACTLINT_CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _unavailable(reason: str):
    if os.environ.get("FACTLINT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (FACTLINT_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Python playwright is not installed (pip install -e '.[test]')")
    executable = find_chromium()
    if executable is None:
        _unavailable(
            "no Chromium found (as root on Debian: apt-get install -y chromium; "
            "or set FACTLINT_CHROMIUM=/path/to/chrome)"
        )
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def open_report(browser):
    """Open an HTML file; fail the test on any JavaScript error or console error (a CSP
    violation included). Yields a function path -> page."""
    pages = []
    errors: list[str] = []

    def opener(path: Path, width: int = 1280, height: int = 900):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
        page.on(
            "console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None
        )
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("body[data-ready='true']", timeout=10_000)
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.close()
    assert errors == []


@pytest.fixture
def screenshot(request):
    """screenshot(page, name): save a PNG under SHOT_DIR, named after the test."""

    def take(page, name: str, full_page: bool = False) -> Path:
        SHOT_DIR.mkdir(parents=True, exist_ok=True)
        path = SHOT_DIR / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        _saved.append(path)
        return path

    return take


def pytest_terminal_summary(terminalreporter):
    if _saved:
        terminalreporter.write_line(f"factlint browser tests: {len(_saved)} screenshots in {SHOT_DIR}")
