"""``studylog serve``: the records in a browser, read-only.

Every page is a GET that reads in one read-only transaction; the only form posts are the
login and the logout, which touch no record. With a password set (``studylog serve
passwd``), every page but the login asks for it first; the login is bounded per client and
its cookie is HttpOnly, SameSite=Strict, kept in this process only (a restart logs out).
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from sqlalchemy import Engine, select
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from studylog.config import Config
from studylog.errors import StudylogError
from studylog.records.orgs import resolve_org
from studylog.store.db import transaction
from studylog.store.models import Org
from studylog.text.language import Language
from studylog.text.messages import describe, t
from studylog.web.chart import attendance_chart
from studylog.web.guard import AttemptLimiter, BodyLimit, client_of, same_secret
from studylog.web.pages import STATIC, language_of, render
from studylog.web.passwords import verify_password
from studylog.web.security import SECURITY_HEADERS
from studylog.web.yearview import groups_view, session_view, year_view, years_of

COOKIE = "studylog_login"
#: The host names a request may carry when serve asks for no login.
LOCAL_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
LOGIN_HOURS = 12


class Logins:
    """The logged-in browsers: a random cookie each, forgotten after :data:`LOGIN_HOURS`."""

    def __init__(self, stored_hash: str, *, attempts: int = 10) -> None:
        self.stored_hash = stored_hash
        self.limiter = AttemptLimiter(attempts, 60.0)
        self._cookies: dict[str, float] = {}

    def check(self, cookie: str | None) -> bool:
        if not cookie:
            return False
        now = time.monotonic()
        self._cookies = {key: until for key, until in self._cookies.items() if until > now}
        return any(same_secret(cookie, known) for known in self._cookies)

    def log_in(self, password: str) -> str | None:
        if not verify_password(password, self.stored_hash):
            return None
        cookie = secrets.token_urlsafe(32)
        self._cookies[cookie] = time.monotonic() + LOGIN_HOURS * 3600
        return cookie

    def log_out(self, cookie: str | None) -> None:
        self._cookies.pop(cookie or "", None)


def records_app(
    *,
    engine: Engine,
    config: Config,
    org_name: str | None = None,
    all_orgs: bool = False,
    password_hash: str | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> Any:
    """The read-only app over the database ``engine`` reads."""
    logins = Logins(password_hash) if password_hash else None

    def read(work: Callable[..., Any], **params: Any) -> Any:
        with transaction(engine, write=False) as session:
            return work(session=session, **params)

    def org_of(session: Any, org_id: str | None) -> Org:
        if all_orgs and org_id and org_id.isdigit():
            found = session.scalar(select(Org).where(Org.id == int(org_id)))
            if found is not None:
                return found  # type: ignore[no-any-return]
        return resolve_org(session=session, name=org_name)

    async def home(request: Request) -> Response:
        def newest(session: Any) -> int:  # the latest year with records, up to this one
            org_id = None if all_orgs else org_of(session, None).id
            held = [
                year for year in years_of(session=session, org_id=org_id) if year <= today().year
            ]
            return held[0] if held else today().year

        year = await run_in_threadpool(read, newest)
        target = f"/orgs/{year}" if all_orgs else f"/year/{year}"
        return RedirectResponse(target + _query(request), status_code=303)

    async def year_page(request: Request) -> Response:
        year = request.path_params["year"]
        org_id = request.query_params.get("org")

        def work(session: Any) -> Any:
            org = org_of(session, org_id)
            return year_view(session=session, org=org, year=year, as_of=today(), config=config)

        view = await run_in_threadpool(read, work)
        chart = _chart(view, _language(request))
        return _page("year.html", request, view=view, chart=chart, all_orgs=all_orgs)

    async def session_page(request: Request) -> Response:
        session_id = request.path_params["session_id"]
        org_id = request.query_params.get("org")

        def work(session: Any) -> Any:
            org = org_of(session, org_id)
            return session_view(session=session, org=org, session_id=session_id)

        view = await run_in_threadpool(read, work)
        return _page("session.html", request, view=view, all_orgs=all_orgs)

    async def groups_page(request: Request) -> Response:
        if not all_orgs:
            return _plain("404 Not Found", 404)
        year = request.path_params["year"]
        view = await run_in_threadpool(read, groups_view, year=year)
        return _page("groups.html", request, view=view)

    async def login_page(request: Request) -> Response:
        return _page("login.html", request, wrong=False, logged_in=False)

    async def login(request: Request) -> Response:
        if logins is None:
            return RedirectResponse("/", status_code=303)
        if not logins.limiter.allow(client_of(request.scope)):
            return _plain("429 Too many attempts / 尝试次数过多，请稍后再试", 429)
        body = (await request.body()).decode("utf-8", "replace")
        password = (parse_qs(body, max_num_fields=4).get("password") or [""])[0]
        cookie = await run_in_threadpool(logins.log_in, password)
        if cookie is None:
            return _page("login.html", request, wrong=True, logged_in=False, status=401)
        answer = RedirectResponse("/" + _query(request), status_code=303)
        answer.set_cookie(
            COOKIE, cookie, max_age=LOGIN_HOURS * 3600, httponly=True, samesite="strict"
        )
        return answer

    async def logout(request: Request) -> Response:
        if logins is not None:
            logins.log_out(request.cookies.get(COOKIE))
        answer = RedirectResponse("/login", status_code=303)
        answer.delete_cookie(COOKIE)
        return answer

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/year/{year:int}", year_page, methods=["GET"]),
        Route("/session/{session_id:int}", session_page, methods=["GET"]),
        Route("/orgs/{year:int}", groups_page, methods=["GET"]),
        Route("/login", login_page, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app: Any = Starlette(routes=routes, exception_handlers={StudylogError: _not_found})
    if logins is not None:
        app = _LoginRequired(app, logins)
    else:
        # No login: only this computer may read, and a web page elsewhere must not read
        # through it either (DNS rebinding points a name at 127.0.0.1): a request must name
        # this computer as its host.
        app = TrustedHostMiddleware(app, allowed_hosts=list(LOCAL_NAMES), www_redirect=False)
    return BodyLimit(app)


class _LoginRequired:
    """ASGI middleware: without a login cookie, only the login page and the style sheet."""

    OPEN = ("/login", "/static/")

    def __init__(self, app: Any, logins: Logins) -> None:
        self.app, self.logins = app, logins

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and not scope["path"].startswith(self.OPEN):
            request = Request(scope)
            if not self.logins.check(request.cookies.get(COOKIE)):
                await RedirectResponse("/login", status_code=303)(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def _not_found(request: Request, error: Exception) -> Response:
    assert isinstance(error, StudylogError)
    return _page("message.html", request, message=describe(error), status=404)


def _chart(view: Any, language: Language) -> str:
    from studylog.text.language import speaking

    with speaking(language):
        return attendance_chart(view.bars, title=t("serve_chart_label", year=view.year))


def _language(request: Request) -> Language:
    return language_of(request.query_params.get("lang"))


def _query(request: Request, language: Language | None = None) -> str:
    """What links keep of this page's query: the group (with --all-orgs) and the language."""
    kept = []
    org = request.query_params.get("org") or ""
    if org.isdigit():
        kept.append(f"org={org}")
    if (language or _language(request)) == "en":
        kept.append("lang=en")
    return "?" + "&".join(kept) if kept else ""


def _page(name: str, request: Request, *, status: int = 200, **context: Any) -> Response:
    language = _language(request)
    context.setdefault("logged_in", COOKIE in request.cookies)
    other: Language = "zh" if language == "en" else "en"
    switch = request.url.path + (_query(request, other) or "?lang=zh")
    html = render(name, language, q=_query(request), switch=switch, **context)
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _plain(text: str, status: int) -> Response:
    return PlainTextResponse(text, status_code=status, headers=SECURITY_HEADERS)
