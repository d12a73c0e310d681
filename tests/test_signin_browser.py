"""The sign-in page in a real browser (headless Chromium via Selenium) against the server on
127.0.0.1: eight members sign at once from eight browsers; a wrong token, a second sign-in and
an oversized body are refused."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from studylog.web.desk import SignInDesk
from studylog.web.server import Background
from studylog.web.signin import signin_app
from tests import browser
from tests.conftest import Database
from tests.test_signin import MEMBERS, make_desk, setup_group, stored_roll

_why_not = browser.missing()
if _why_not and os.environ.get("STUDYLOG_BROWSER_TESTS") == "required":
    raise RuntimeError(f"the browser tests must run here: {_why_not}")
pytestmark = pytest.mark.skipif(_why_not is not None, reason=_why_not or "")


@pytest.fixture
def served(ok: Callable[..., str], database: Database) -> Iterator[tuple[SignInDesk, str]]:
    setup_group(ok)
    desk = make_desk(database, attempts=1000)  # every browser here is 127.0.0.1
    server = Background(signin_app(desk), host="127.0.0.1", port=0).start()
    yield desk, f"http://127.0.0.1:{server.port}/s/{desk.token}"
    desk.close()
    server.stop()
    desk.engine.dispose()


def _sign_in(driver: Any, url: str, name: str) -> str:
    """What a member does: open the page, tap the name, next, confirm; the answer's text."""
    from selenium.webdriver.common.by import By

    driver.get(url)
    driver.find_element(By.CSS_SELECTOR, f'input[name="name"][value="{name}"]').click()
    driver.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    driver.find_element(By.ID, "confirm").click()
    return str(driver.find_element(By.CSS_SELECTOR, "#signed, #refused").text)


def test_eight_members_sign_at_once_from_eight_browsers(
    served: tuple[SignInDesk, str], database: Database, tmp_path: Path
) -> None:
    desk, url = served
    signing = MEMBERS[:8]

    def member(name: str) -> str:
        driver = browser.chromium(tmp_path / f"profile-{signing.index(name)}")
        try:
            return _sign_in(driver, url, name)
        finally:
            driver.quit()

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(member, signing))
    assert all(f"签到成功：{name}" in answer for name, answer in zip(signing, answers, strict=True))
    assert stored_roll(database) == sorted((name, "present") for name in signing)
    assert len(desk.signed) == 8


def _shows(driver: Any, locator: tuple[str, str], words: str) -> bool:
    """Whether the page the click leads to shows ``words``: waited for, since the old page's
    element may still be found (and then go stale) while the new one loads."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(
        driver, 15, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
    )
    return bool(wait.until(lambda page: words in page.find_element(*locator).text))


def test_what_the_browser_is_refused(
    served: tuple[SignInDesk, str], database: Database, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    _, url = served
    driver = browser.chromium(tmp_path / "profile")
    try:
        driver.get(url)
        # the page fits a 360-px phone: nothing to scroll sideways
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
        assert "请选择您的姓名" in driver.page_source

        driver.get(url[:-4] + "xxxx")  # a wrong token
        assert "403" in driver.find_element(By.TAG_NAME, "body").text

        assert "签到成功：张三" in _sign_in(driver, url, "张三")
        driver.get(url)  # 张三 is off the list now; typed in again, it is refused
        driver.find_element(By.NAME, "typed").send_keys("张三")
        driver.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
        assert _shows(driver, (By.ID, "refused"), "每人只签到一次")

        driver.get(url)  # a body far over the limit: the field's own maxlength taken off
        field = driver.find_element(By.NAME, "typed")
        driver.execute_script(
            "arguments[0].removeAttribute('maxlength'); arguments[0].value = 'x'.repeat(20000);",
            field,
        )
        driver.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
        assert _shows(driver, (By.TAG_NAME, "body"), "too large")
    finally:
        driver.quit()
    assert stored_roll(database) == [("张三", "present")]
