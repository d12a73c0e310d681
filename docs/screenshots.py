"""Make the README's two screenshots with headless Chromium: the sign-in page on a 360-px
phone, and serve's year page. Run it by hand (not part of the tests):

    python docs/screenshots.py            # writes docs/signin-360.png and docs/serve-year.png

It loads the demo year into a scratch database (``studylog demo``), adds a session held
today for the sign-in, and serves both on 127.0.0.1 with the servers studylog itself uses.
Needs Chromium and chromium-driver from the system's packages, and a CJK font
(fonts-noto-cjk) so the Chinese renders.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from sqlalchemy import text

    from studylog.config import load_config
    from studylog.store.db import open_engine
    from studylog.text.language import set_language
    from studylog.web.desk import SignInDesk
    from studylog.web.server import Background
    from studylog.web.signin import signin_app
    from studylog.web.views import records_app
    from tests import browser

    why_not = browser.missing()
    if why_not:
        sys.exit(why_not)
    set_language("zh")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        database = folder / "demo.db"
        env = {**os.environ, "STUDYLOG_HOME": str(folder), "STUDYLOG_LANG": "zh"}
        studylog = [sys.executable, "-m", "studylog", "--db", str(database)]
        subprocess.run([*studylog, "demo", "--out", str(database)], env=env, check=True)
        today = time.strftime("%Y-%m-%d")
        title = "专题学习：学习贯彻党的二十届三中全会精神"
        subprocess.run(
            [*studylog, "session", "add", "--date", today, "--title", title, "--discussion"],
            env=env,
            check=True,
        )
        os.environ["STUDYLOG_HOME"] = str(folder)
        engine = open_engine(f"sqlite:///{database}", create=False)
        with engine.connect() as connection:
            org_id, session_id = connection.execute(
                text("SELECT org_id, id FROM sessions ORDER BY id DESC LIMIT 1")
            ).one()
        desk = SignInDesk(engine=engine, org_id=org_id, session_id=session_id)
        signin = Background(signin_app(desk), host="127.0.0.1", port=0).start()
        serve = Background(
            records_app(engine=engine, config=load_config()), host="127.0.0.1", port=0
        ).start()
        try:
            phone = browser.chromium(folder / "phone", width=360, height=740, scale=2)
            try:
                phone.get(f"http://127.0.0.1:{signin.port}/s/{desk.token}")
                _save(phone, HERE / "signin-360.png")
            finally:
                phone.quit()
            laptop = browser.chromium(folder / "laptop", width=1100, height=1500, phone=False)
            try:
                laptop.get(f"http://127.0.0.1:{serve.port}/year/2023")
                _save(laptop, HERE / "serve-year.png", height=1500)
            finally:
                laptop.quit()
        finally:
            desk.close()
            signin.stop()
            serve.stop()
            engine.dispose()


def _save(driver: object, path: Path, *, height: int | None = None) -> None:
    """The page as a PNG: the whole page, or its top ``height`` CSS pixels."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})  # type: ignore[attr-defined]
    size = metrics["cssContentSize"]
    clip = {
        "x": 0,
        "y": 0,
        "width": size["width"],
        "height": min(size["height"], height) if height else size["height"],
        "scale": 1,
    }
    shot = driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Page.captureScreenshot",
        {"format": "png", "clip": clip, "captureBeyondViewport": True},
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
