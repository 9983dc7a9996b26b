"""Request dependencies: the shared state, and who is asking (bearer token or session cookie).

Handlers open short database sessions of their own: a long-poll must not hold a connection.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from .. import accounts
from ..models import TEACHER, User
from ..state import ServerState
from .schemas import EXERCISE_ID

SESSION_COOKIE = "mlkata_session"
#: ids are PostgreSQL integers from 1: any other number names nothing (and SQLite cannot even
#: look up one past 2**63)
MAX_ID = 2**31 - 1

bearer = HTTPBearer(auto_error=False, description="a token from POST /api/auth/token")
session_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False,
                              description="the web session, from POST /api/auth/session")


def server_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.server
    return state


State = Annotated[ServerState, Depends(server_state)]


def presented_token(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        cookie: Annotated[str | None, Depends(session_cookie)]) -> str | None:
    if credentials is not None:
        return credentials.credentials
    return cookie


def optional_user(state: State, token: Annotated[str | None, Depends(presented_token)]
                  ) -> User | None:
    if not token:
        return None
    with state.sessions() as db:
        return accounts.user_for_token(db, token)


def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    if user is None:
        raise HTTPException(401, "log in first (a bearer token or a session cookie)",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


def teacher_user(user: Annotated[User, Depends(current_user)]) -> User:
    if user.role != TEACHER:
        raise HTTPException(403, "only teachers may do this")
    return user


MaybeUser = Annotated[User | None, Depends(optional_user)]
CurrentUser = Annotated[User, Depends(current_user)]
Teacher = Annotated[User, Depends(teacher_user)]
Token = Annotated[str | None, Depends(presented_token)]


def client_address(request: Request) -> str | None:
    """Where the request came from: the peer, or what a trusted proxy said (--proxy-headers)."""
    return request.client.host if request.client else None


CourseId = Annotated[int, Path(ge=1, le=MAX_ID)]
SubmissionId = Annotated[int, Path(ge=1, le=MAX_ID)]
ExerciseId = Annotated[str, Path(max_length=EXERCISE_ID)]
