"""Accounts and their tokens: create, authenticate, issue, resolve, revoke."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import security, text
from .db import utcnow
from .errors import Invalid
from .models import LEARNER, TEACHER, Token, User
from .throttle import LoginThrottle, RegistrationThrottle

USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,39}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_DISPLAY_NAME = 100  # the columns' sizes
MAX_EMAIL = 200
SESSION_DAYS = 14


class AccountError(ValueError):
    """A request about accounts that cannot be granted, with the reason for the user."""


def check_username(username: str) -> str:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise AccountError("a username is 2–40 characters: lowercase letters, digits, . _ -")
    return username


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
    check_text(password, "the password", MAX_PASSWORD)


def check_text(value: str, what: str, max_chars: int) -> str:
    try:
        return text.checked(value, what, max_chars)
    except Invalid as exc:
        raise AccountError(str(exc)) from None


def create_user(db: Session, username: str, password: str, role: str = LEARNER,
                display_name: str = "", email: str = "") -> User:
    if role not in (TEACHER, LEARNER):
        raise AccountError(f"unknown role {role!r}")
    username = check_username(username)
    check_password(password)
    display_name = check_text(display_name.strip(), "the name", MAX_DISPLAY_NAME)
    email = check_text(email.strip(), "the email address", MAX_EMAIL)
    if db.scalar(select(User.id).where(User.username == username)) is not None:
        raise AccountError(f"the username {username!r} is taken")
    user = User(username=username, password_hash=security.hash_password(password), role=role,
                display_name=display_name or username, email=email)
    db.add(user)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()
        raise AccountError(f"the username {username!r} is taken") from None
    return user


def register(db: Session, throttle: RegistrationThrottle, username: str, password: str,
             display_name: str, email: str, address: str | None) -> User:
    """A new learner account; refused outright (TooMany) after too many from one address, or
    on the whole server, within the hour."""
    throttle.attempt(address)
    return create_user(db, username, password, LEARNER, display_name, email)


def authenticate(db: Session, username: str, password: str) -> User | None:
    if not (text.storable(username) and text.storable(password)):
        return None  # no account has such a name or password
    user = db.scalar(select(User).where(User.username == username.strip().lower()))
    if not security.verify_password(user.password_hash if user else None, password):
        return None
    assert user is not None
    if security.needs_rehash(user.password_hash):
        user.password_hash = security.hash_password(password)
    return user


def log_in(db: Session, throttle: LoginThrottle, username: str, password: str,
           address: str | None) -> User | None:
    """:func:`authenticate`, refused outright (TooMany) after too many failures."""
    throttle.check(username, address)
    user = authenticate(db, username, password)
    if user is None:
        throttle.failed(username, address)
    else:
        throttle.succeeded(username, address)
    return user


def set_password(db: Session, user: User, password: str) -> None:
    check_password(password)
    user.password_hash = security.hash_password(password)
    db.execute(delete(Token).where(Token.user_id == user.id))  # every other login ends


def issue_token(db: Session, user: User, kind: str = "api") -> str:
    """A new token for ``user``: "api" never expires (revoke it), "session" lasts two weeks."""
    token = security.new_token()
    expires = utcnow() + timedelta(days=SESSION_DAYS) if kind == "session" else None
    db.add(Token(user_id=user.id, token_hash=security.token_digest(token), kind=kind,
                 expires_at=expires))
    db.flush()
    return token


def user_for_token(db: Session, token: str) -> User | None:
    row = db.execute(select(User, Token.expires_at).join(Token, Token.user_id == User.id)
                     .where(Token.token_hash == security.token_digest(token))).first()
    if row is None:
        return None
    user, expires = row
    if expires is not None and expires < utcnow():
        return None
    return user


def revoke_token(db: Session, token: str) -> None:
    db.execute(delete(Token).where(Token.token_hash == security.token_digest(token)))


def has_teacher(db: Session) -> bool:
    return db.scalar(select(User.id).where(User.role == TEACHER).limit(1)) is not None


def bootstrap_teacher(db: Session, username: str = "teacher") -> str | None:
    """On a fresh server, create the first teacher; returns the generated password (or None)."""
    if has_teacher(db):
        return None
    password = security.new_password()
    create_user(db, username, password, role=TEACHER, display_name="Teacher")
    return password
