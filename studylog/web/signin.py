"""The sign-in page a member opens on a phone: pick or type the name, confirm, signed.

Every address but the style sheet carries the sign-in's token: a wrong or old one is 403 and
nothing is written. Each form post counts as an attempt of its client (429 past the limit),
and a body over the limit is 413 before the page sees it. Errors a member can fix (a name
not on the roll, a second sign-in) come back as the page, with the reason, in Chinese unless
the reader chose English.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from studylog.errors import StudylogError
from studylog.text.messages import describe
from studylog.web.desk import SignInDesk
from studylog.web.guard import BodyLimit, client_of
from studylog.web.pages import STATIC, language_of, render
from studylog.web.security import SECURITY_HEADERS

#: What each refusal a member may meet answers with.
STATUS_OF = {
    "unknown_member": 404,
    "signin_observer": 422,
    "not_expected": 422,
    "signin_twice": 409,
    "signin_closed": 403,
    "name_empty": 422,
}


def signin_app(desk: SignInDesk) -> Any:
    """The ASGI app of one sign-in."""
    desk.about()  # read now, so no page waits on it in the event loop

    async def choose(request: Request) -> Response:
        refused = _refused(request, desk, post=False)
        if refused is not None:
            return refused
        language = language_of(request.query_params.get("lang"))
        signers = await run_in_threadpool(desk.signers)
        return _page("signin_choose.html", request, desk, language, signers=signers)

    async def confirm(request: Request) -> Response:
        refused = _refused(request, desk, post=True)
        if refused is not None:
            return refused
        form = await _form(request)
        language = language_of(form.get("lang"))
        name = form.get("typed", "").strip() or form.get("name", "").strip()
        try:
            signer = await run_in_threadpool(desk.check, name)
        except StudylogError as error:
            return await _refusal(request, desk, language, error)
        return _page("signin_confirm.html", request, desk, language, signer=signer)

    async def sign(request: Request) -> Response:
        refused = _refused(request, desk, post=True)
        if refused is not None:
            return refused
        form = await _form(request)
        language = language_of(form.get("lang"))
        try:
            event = await run_in_threadpool(
                desk.sign, form.get("name", ""), client_of(request.scope)
            )
        except StudylogError as error:
            return await _refusal(request, desk, language, error)
        return _page("signin_done.html", request, desk, language, event=event)

    routes = [
        Route("/s/{token}", choose, methods=["GET"]),
        Route("/s/{token}/confirm", confirm, methods=["POST"]),
        Route("/s/{token}/sign", sign, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    return BodyLimit(Starlette(routes=routes))


def _refused(request: Request, desk: SignInDesk, *, post: bool) -> Response | None:
    """403 for a wrong or old token, 429 past the client's attempts; None to go on."""
    good = desk.accepts(request.path_params["token"])
    if (post or not good) and not desk.limiter.allow(client_of(request.scope)):
        return _plain("429 Too many attempts / 尝试次数过多，请稍后再试", 429)
    if not good:
        return _plain("403 Forbidden / 签到地址无效或签到已结束", 403)
    return None


async def _refusal(
    request: Request, desk: SignInDesk, language: Any, error: StudylogError
) -> Response:
    if error.key == "signin_closed":
        return _plain("403 Forbidden / 签到地址无效或签到已结束", 403)
    suggestions = list(error.params.get("suggestions") or [])
    signers = [] if error.key != "unknown_member" else await run_in_threadpool(desk.signers)
    if suggestions:  # the close names first, then the rest still to sign
        known = {signer.name for signer in signers}
        signers = [s for s in signers if s.name in suggestions] or signers
        suggestions = [name for name in suggestions if name in known]
    with_reason = {"error": error, "signers": signers, "suggested": bool(suggestions)}
    status = STATUS_OF.get(error.key, 422)
    return _page("signin_refused.html", request, desk, language, status=status, **with_reason)


def _page(
    name: str,
    request: Request,
    desk: SignInDesk,
    language: Any,
    *,
    status: int = 200,
    **context: Any,
) -> Response:
    token = request.path_params["token"]
    day, title = desk.about()
    html = render(
        name, language, base=f"/s/{token}", describe=describe, day=day, heading=title, **context
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _plain(text: str, status: int) -> Response:
    return PlainTextResponse(text, status_code=status, headers=SECURITY_HEADERS)


async def _form(request: Request) -> dict[str, str]:
    """The posted form (url-encoded; nothing else is posted here), first value of each field."""
    body = (await request.body()).decode("utf-8", "replace")
    try:
        fields = parse_qs(body, max_num_fields=8)
    except ValueError:  # more fields than any form of ours has
        return {}
    return {key: values[0] for key, values in fields.items()}
