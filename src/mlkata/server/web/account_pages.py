"""Sign up (learners), log in and out, change a password: the web session cookie of
:mod:`..api.auth`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from .. import accounts
from ..accounts import AccountError
from ..api.deps import SESSION_COOKIE, State, Token, client_address
from ..errors import TooMany
from ..models import User
from .rendering import (
    FormUser,
    MaybePageUser,
    PageRoute,
    PageUser,
    local_path,
    redirect,
    render,
    sentence,
)

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def _logged_in(request: Request, token: str, back_to: str, notice: str) -> Response:
    response = redirect(back_to, notice)
    response.set_cookie(SESSION_COOKIE, token, max_age=accounts.SESSION_DAYS * 86400,
                        httponly=True, samesite="lax", secure=request.url.scheme == "https")
    return response


@router.get("/login")
def login_form(request: Request, user: MaybePageUser, next: str = "/") -> Response:
    if user is not None:
        return redirect(local_path(next))
    return render(request, "login.html", {"next": local_path(next)})


@router.post("/login")
def log_in(request: Request, state: State, username: Annotated[str, Form()],
           password: Annotated[str, Form()], next: Annotated[str, Form()] = "/") -> Response:
    try:
        with state.sessions.begin() as db:
            user = accounts.log_in(db, state.logins, username, password, client_address(request))
            token = accounts.issue_token(db, user, "session") if user is not None else None
    except TooMany as exc:
        return render(request, "login.html", {"next": local_path(next), "username": username,
                                              "error": sentence(exc)},
                      status=429)
    if user is None or token is None:
        return render(request, "login.html", {"next": local_path(next), "username": username,
                                              "error": "Wrong username or password."},
                      status=401)
    return _logged_in(request, token, local_path(next), f"Welcome back, {user.display_name}.")


@router.get("/signup")
def signup_form(request: Request, user: MaybePageUser, next: str = "/") -> Response:
    if user is not None:
        return redirect(local_path(next))
    return render(request, "signup.html", {"next": local_path(next), "form": {}})


@router.post("/signup")
def sign_up(request: Request, state: State, username: Annotated[str, Form()],
            password: Annotated[str, Form()], display_name: Annotated[str, Form()] = "",
            email: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/"
            ) -> Response:
    form = {"username": username, "display_name": display_name, "email": email}
    try:
        with state.sessions.begin() as db:
            user: User = accounts.register(db, state.registrations, username, password,
                                           display_name, email, client_address(request))
            token = accounts.issue_token(db, user, "session")
    except (AccountError, TooMany) as exc:
        return render(request, "signup.html", {"next": local_path(next), "form": form,
                                               "error": sentence(exc)},
                      status=429 if isinstance(exc, TooMany) else 422)
    return _logged_in(request, token, local_path(next),
                      f"Welcome, {user.display_name}: your account is ready.")


@router.post("/logout")
def log_out(state: State, presented: Token, _: FormUser) -> Response:
    if presented:
        with state.sessions.begin() as db:
            accounts.revoke_token(db, presented)
    response = redirect("/", "You are logged out.")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/account")
def account(request: Request, user: PageUser) -> Response:
    return render(request, "account.html", {"user": user})


@router.post("/account/password")
def change_password(request: Request, state: State, user: FormUser,
                    old_password: Annotated[str, Form()],
                    new_password: Annotated[str, Form()]) -> Response:
    def refused(error: str, status: int) -> Response:
        return render(request, "account.html", {"user": user, "error": error}, status=status)

    try:
        with state.sessions.begin() as db:
            if accounts.log_in(db, state.logins, user.username, old_password,
                               client_address(request)) is None:
                return refused("Your current password is not that.", 401)
            mine = db.merge(user)
            accounts.set_password(db, mine, new_password)
            token = accounts.issue_token(db, mine, "session")
    except TooMany as exc:
        return refused(sentence(exc), 429)
    except AccountError as exc:
        return refused(sentence(exc), 422)
    return _logged_in(request, token, "/account",
                      "Your password is changed. Every other session and every CLI login has "
                      "ended: log in there again (mlkata login).")


def _address(request: Request) -> str | None:
    return request.client.host if request.client else None
