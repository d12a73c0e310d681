"""Headless Chromium through Selenium and the system's chromium-driver, for the browser tests
and the screenshots under docs/. Nothing is downloaded: without the system's browser and
driver the tests skip, saying so (``STUDYLOG_BROWSER_TESTS=required``, as CI sets it, turns
the skip into a failure)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver",)
# Selenium Manager must not look for (or fetch) a browser or driver of its own.
os.environ.setdefault("SE_OFFLINE", "true")


def missing() -> str | None:
    """Why no browser test can run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[browser]')"
    if _found(BROWSERS) is None or _found(DRIVERS) is None:
        return "no Chromium and chromium-driver here (apt-get install chromium chromium-driver)"
    return None


def _found(names: tuple[str, ...]) -> str | None:
    for name in names:
        path = shutil.which(name) or (
            f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None
        )
        if path:
            return path
    return None


def chromium(
    profile: Path, *, width: int = 360, height: int = 780, scale: float = 1, phone: bool = True
) -> Any:
    """A headless Chromium with a fresh profile in ``profile``, its page ``width`` CSS pixels
    wide (a phone's, emulated: a desktop window cannot be that narrow)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _found(BROWSERS) or ""
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--lang=zh-CN",
        f"--user-data-dir={profile}",
        f"--window-size={max(width, 500)},{height}",
        f"--force-device-scale-factor={scale}",
    ):
        options.add_argument(argument)
    if phone:
        metrics = {"width": width, "height": height, "pixelRatio": scale}
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics})
    service = Service(executable_path=_found(DRIVERS) or "")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    driver.implicitly_wait(10)  # a form post navigates: wait for the next page
    return driver
