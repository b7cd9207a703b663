"""Regenerate docs/report.png, the README's picture of the HTML report.

    .venv/bin/python docs/screenshot.py [--draft examples/harbour-bridge.md] [--out docs/report.png]

Renders the report of the example draft with the built-in rules, opens it in headless
Chromium (Debian's ``chromium``, driven by Playwright as in the browser tests; set
FACTLINT_CHROMIUM for another binary), clicks one finding so that its details show, and
saves the top of the page.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]


def chromium() -> str:
    for candidate in (os.environ.get("FACTLINT_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate:
            return candidate
    sys.exit("no Chromium found: apt-get install -y chromium, or set FACTLINT_CHROMIUM")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--draft", default="examples/harbour-bridge.md")
    parser.add_argument("--out", default=str(ROOT / "docs" / "report.png"))
    parser.add_argument("--click", default="sourcing/vague-reports",
                        help="the rule whose first finding is opened (default: %(default)s)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        # the path as a reader types it, relative to the repository, is what the page shows
        page_html = subprocess.run([sys.executable, "-m", "factlint", "--format", "html", args.draft],
                                   cwd=ROOT, capture_output=True, text=True, check=False)
        if page_html.returncode not in (0, 1):
            sys.exit(page_html.stderr)
        report.write_text(page_html.stdout, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(report.as_uri())
            page.wait_for_selector("body[data-ready='true']")
            target = page.locator(f"mark[data-rule='{args.click}']").first
            if target.count():
                target.click()
            page.screenshot(path=args.out)
            browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
