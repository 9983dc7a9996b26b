"""What every page shares: rendering a template, who is logged in, one-time notices, the
anti-forgery token of forms, and refusals shown as pages rather than JSON.

A form posted by a logged-in user carries ``csrf``, an HMAC of their session token: another
site can make the browser post a form, but cannot read the token to put in it (the session
cookie is also ``SameSite=Lax``, which already keeps it off cross-site posts).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import quote, unquote

from fastapi import Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates

from ..api.deps import SESSION_COOKIE, optional_user
from ..errors import Forbidden, ServiceError
from ..models import TEACHER, User

NOTICE_COOKIE = "mlkata_notice"
CSRF_FIELD = "csrf"
ERROR_TITLES = {401: "Log in first", 403: "Not allowed", 404: "Not found",
                409: "Already taken", 413: "Too large", 422: "That did not work",
                429: "Too many at once"}


class LoginRequired(Exception):
    """The page needs a logged-in user: the browser is sent to the login page, and back."""

    def __init__(self, back_to: str) -> None:
        super().__init__(back_to)
        self.back_to = back_to


class PageRoute(APIRoute):
    """A route whose refusals are pages: the login form, or an error page with the reason."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handle(request)
            except LoginRequired as exc:
                return RedirectResponse(f"/login?next={quote(exc.back_to, safe='/')}", 303)
            except ServiceError as exc:
                return error_page(request, exc.status, str(exc))
            except RequestValidationError as exc:  # /courses/abc, or a form without a field
                in_path = any(error["loc"][:1] == ("path",) for error in exc.errors())
                if request.method == "GET" or in_path:
                    return error_page(request, 404, "there is no such page")
                return error_page(request, 422, "the form was incomplete; go back and fill "
                                                "it in again")

        return page_handler


def templates(request: Request) -> Jinja2Templates:
    found: Jinja2Templates = request.app.state.templates
    return found


def render(request: Request, name: str, context: dict[str, Any] | None = None,
           status: int = 200) -> HTMLResponse:
    context = dict(context or {})
    user = context.get("user")
    context.setdefault("csrf", csrf_token(request) if user is not None else "")
    notice = request.cookies.get(NOTICE_COOKIE)
    context.setdefault("notice", unquote(notice) if notice else None)
    response: HTMLResponse = templates(request).TemplateResponse(request, name, context,
                                                                 status_code=status)
    if notice:
        response.delete_cookie(NOTICE_COOKIE, path="/")
    return response


def error_page(request: Request, status: int, reason: str) -> HTMLResponse:
    user = getattr(request.state, "page_user", None)
    title = ERROR_TITLES.get(status, "Something went wrong")
    return render(request, "error.html", {"user": user, "title": title, "reason": reason},
                  status=status)


def sentence(reason: object) -> str:
    """A refusal's reason as a sentence (not str.capitalize: that would write "256 kib")."""
    text = str(reason)
    return f"{text[:1].upper()}{text[1:]}."


def redirect(url: str, notice: str | None = None) -> RedirectResponse:
    """See other: the page a form's POST leads to, with a notice shown once there."""
    response = RedirectResponse(url, status_code=303)
    if notice:
        response.set_cookie(NOTICE_COOKIE, quote(notice), max_age=60, path="/",
                            httponly=True, samesite="lax")
    return response


def local_path(candidate: str | None, default: str = "/") -> str:
    """Only a path on this site is a place to go back to after logging in."""
    if candidate and candidate.startswith("/") and not candidate.startswith("//") \
            and "\\" not in candidate:
        return candidate
    return default


def csrf_token(request: Request) -> str:
    session = request.cookies.get(SESSION_COOKIE, "")
    return hmac.new(session.encode(), b"mlkata web form", hashlib.sha256).hexdigest()


def page_user(request: Request, user: Annotated[User | None, Depends(optional_user)]
              ) -> User:
    """The logged-in user, or off to the login page."""
    if user is None:
        back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(back)
    request.state.page_user = user
    return user


def maybe_page_user(request: Request, user: Annotated[User | None, Depends(optional_user)]
                    ) -> User | None:
    request.state.page_user = user
    return user


async def form_user(request: Request, user: Annotated[User, Depends(page_user)]) -> User:
    """The logged-in user posting a form of this site (its ``csrf`` field matches)."""
    form = await request.form()
    sent = str(form.get(CSRF_FIELD, ""))
    if not request.cookies.get(SESSION_COOKIE) or not sent \
            or not hmac.compare_digest(sent, csrf_token(request)):
        raise Forbidden("this form is out of date or came from another site; reload the page "
                        "and send it again")
    return user


def teacher_only(user: User) -> None:
    if user.role != TEACHER:
        raise Forbidden("this page is for teachers")


PageUser = Annotated[User, Depends(page_user)]
MaybePageUser = Annotated[User | None, Depends(maybe_page_user)]
FormUser = Annotated[User, Depends(form_user)]

