"""Accounts: register (learners), bearer tokens for the CLI, session cookies for the web."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response

from .. import accounts
from ..accounts import AccountError
from .deps import SESSION_COOKIE, CurrentUser, State, Token, client_address
from .schemas import Credentials, PasswordChange, Registration, TokenOut, UserOut, refusals

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/register", status_code=201, responses=refusals(400, 413, 422, 429))
def register(body: Registration, state: State, request: Request) -> TokenOut:
    """Create a learner account (teachers are created on the server: mlkata server …).
    After 200 sign-ups from one address, or 1000 on the server, in an hour: 429."""
    with state.sessions.begin() as db:
        try:
            user = accounts.register(db, state.registrations, body.username, body.password,
                                     body.display_name, body.email, client_address(request))
        except AccountError as exc:
            raise HTTPException(422, str(exc)) from None
        token = accounts.issue_token(db, user, "api")
    return TokenOut(token=token, user=UserOut.of(user))


def _authenticated(state: State, request: Request, body: Credentials, kind: str) -> TokenOut:
    with state.sessions.begin() as db:
        user = accounts.log_in(db, state.logins, body.username, body.password,
                               client_address(request))
        if user is None:
            raise HTTPException(401, "wrong username or password")
        token = accounts.issue_token(db, user, kind)
    return TokenOut(token=token, user=UserOut.of(user))


@router.post("/token", responses=refusals(400, 401, 413, 422, 429))
def token(body: Credentials, state: State, request: Request) -> TokenOut:
    """A bearer token for the CLI and scripts: send it as ``Authorization: Bearer …``.
    After 5 failed logins to an account from one address (50 from anywhere), or 100 from one
    address, in 15 minutes: 429."""
    return _authenticated(state, request, body, "api")


@router.delete("/token", status_code=204, responses=refusals(401))
def revoke(state: State, presented: Token, _: CurrentUser) -> None:
    """Revoke the token (or session) this request was made with."""
    assert presented is not None
    with state.sessions.begin() as db:
        accounts.revoke_token(db, presented)


@router.post("/session", responses=refusals(400, 401, 413, 422, 429))
def log_in(body: Credentials, state: State, request: Request, response: Response) -> UserOut:
    """Log in for the web: sets an HttpOnly, SameSite=Lax session cookie."""
    issued = _authenticated(state, request, body, "session")
    response.set_cookie(SESSION_COOKIE, issued.token, max_age=accounts.SESSION_DAYS * 86400,
                        httponly=True, samesite="lax", secure=request.url.scheme == "https")
    return issued.user


@router.delete("/session", status_code=204,
               # logging out needs no login: the token, if any, is revoked
               openapi_extra={"security": [{"HTTPBearer": []}, {"APIKeyCookie": []}, {}]})
def log_out(state: State, presented: Token, response: Response) -> None:
    if presented:
        with state.sessions.begin() as db:
            accounts.revoke_token(db, presented)
    response.delete_cookie(SESSION_COOKIE)


@router.get("/me", responses=refusals(401))
def me(user: CurrentUser) -> UserOut:
    return UserOut.of(user)


@router.post("/password", status_code=204,
             responses=refusals(400, 401, 413, 422, 429))
def change_password(body: PasswordChange, state: State, user: CurrentUser,
                    request: Request) -> None:
    """Change your password; every token and session of yours ends."""
    with state.sessions.begin() as db:
        if accounts.log_in(db, state.logins, user.username, body.old_password,
                           client_address(request)) is None:
            raise HTTPException(401, "the old password is wrong")
        mine = db.merge(user)
        try:
            accounts.set_password(db, mine, body.new_password)
        except AccountError as exc:
            raise HTTPException(422, str(exc)) from None
