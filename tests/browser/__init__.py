"""Tests that open the HTML report in headless Chromium (a package, so its conftest does not shadow tests/conftest.py)."""
