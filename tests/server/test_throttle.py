"""Failed logins, wrong invite codes and new accounts: refused past the limit per address (and
per account, and on the whole server), for the window only."""

from __future__ import annotations

import pytest

from mlkata.server.errors import TooMany
from mlkata.server.throttle import JoinThrottle, LoginThrottle, RegistrationThrottle

from .conftest import Server


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_one_address_guessing_one_account_is_refused_until_the_window_passes():
    clock = Clock()
    throttle = LoginThrottle(per_guesser=3, per_account=10, per_address=100, window_s=600,
                             clock=clock)
    for _ in range(3):
        throttle.check("Ann", "10.0.0.1")
        throttle.failed("Ann", "10.0.0.1")
    with pytest.raises(TooMany, match="for this account; try again in 10 minutes"):
        throttle.check("ann", "10.0.0.1")  # names are case-blind
    throttle.check("ann", "10.0.0.2")  # the owner elsewhere is not locked out
    throttle.check("bob", "10.0.0.1")  # nor another account
    clock.now += 599
    with pytest.raises(TooMany, match="in 1 minute$"):
        throttle.check("ann", "10.0.0.1")
    clock.now += 1
    throttle.check("ann", "10.0.0.1")


def test_guesses_spread_over_addresses_are_refused_account_wide():
    throttle = LoginThrottle(per_guesser=3, per_account=4, per_address=100, clock=Clock())
    for i in range(4):
        throttle.failed("ann", f"10.0.0.{i}")
    with pytest.raises(TooMany, match="for this account"):
        throttle.check("ann", "10.0.0.99")


def test_an_address_is_refused_after_failures_on_any_accounts():
    throttle = LoginThrottle(per_account=100, per_address=4, window_s=60, clock=Clock())
    for name in ("a1", "a2", "a3", "a4"):
        throttle.failed(name, "10.0.0.9")
    with pytest.raises(TooMany, match="from your address"):
        throttle.check("a5", "10.0.0.9")
    throttle.check("a5", "10.0.0.8")


def test_a_success_clears_that_address_on_that_account_only():
    throttle = LoginThrottle(per_guesser=2, per_account=3, per_address=3, window_s=60,
                             clock=Clock())
    throttle.failed("ann", "10.0.0.1")
    throttle.failed("ann", "10.0.0.1")
    throttle.succeeded("ann", "10.0.0.1")
    throttle.check("ann", "10.0.0.1")
    throttle.failed("ann", "10.0.0.1")
    with pytest.raises(TooMany, match="for this account"):  # three failures in all
        throttle.check("ann", "10.0.0.2")


def test_checking_made_up_names_remembers_nothing():
    throttle = LoginThrottle(clock=Clock())
    for i in range(1000):
        throttle.check(f"nobody{i}", None)
    assert len(throttle.counts) == 0


def test_the_api_refuses_guessing_even_the_right_password(server: Server):
    server.state.logins = LoginThrottle(per_guesser=3, clock=Clock())
    server.learner("ann")
    for _ in range(3):
        reply = server.client.post("/api/auth/token", json={"username": "ann",
                                                            "password": "a-guess-123"})
        assert reply.status_code == 401
    right = {"username": "ann", "password": "ann-password"}
    refused = server.client.post("/api/auth/token", json=right)
    assert refused.status_code == 429 and "try again in" in refused.json()["detail"]
    assert server.client.post("/api/auth/session", json=right).status_code == 429
    server.state.logins.clock.now += 15 * 60  # type: ignore[attr-defined]
    assert server.client.post("/api/auth/token", json=right).status_code == 200


def test_wrong_invite_codes_are_refused_per_address_then_server_wide():
    clock = Clock()
    throttle = JoinThrottle(per_address=3, overall=5, window_s=600, clock=clock)
    for _ in range(3):
        throttle.check("10.0.0.1")
        throttle.failed("10.0.0.1")
    with pytest.raises(TooMany, match="wrong invite codes from your address; try again in 10 "):
        throttle.check("10.0.0.1")
    throttle.check("10.0.0.2")
    throttle.failed("10.0.0.2")
    throttle.failed("10.0.0.3")
    with pytest.raises(TooMany, match="wrong invite codes on this server; try again in"):
        throttle.check("10.0.0.4")  # guesses spread over addresses add up
    clock.now += 600
    throttle.check("10.0.0.1")


def test_new_accounts_are_counted_per_address_and_server_wide():
    clock = Clock()
    throttle = RegistrationThrottle(per_address=2, overall=3, window_s=3600, clock=clock)
    throttle.attempt("10.0.0.1")
    throttle.attempt("10.0.0.1")
    with pytest.raises(TooMany, match="from your address; try again in 60 minutes"):
        throttle.attempt("10.0.0.1")
    throttle.attempt("10.0.0.2")
    with pytest.raises(TooMany, match="on this server"):
        throttle.attempt("10.0.0.3")
    clock.now += 3600
    throttle.attempt("10.0.0.3")


def test_the_api_refuses_guessing_invite_codes_even_the_right_one(server: Server):
    clock = Clock()
    server.state.joins = JoinThrottle(per_address=3, clock=clock)
    course = server.course()
    ann = server.learner("ann")
    for code in ("AAAAAAAA", "BBBBBBBB", "CCCCCCCC"):
        reply = server.client.post("/api/courses/join", json={"invite_code": code}, headers=ann)
        assert reply.status_code == 404
    right = {"invite_code": course["invite_code"]}
    refused = server.client.post("/api/courses/join", json=right, headers=ann)
    assert refused.status_code == 429
    assert refused.json()["detail"] == ("too many wrong invite codes from your address; "
                                        "try again in 15 minutes")
    assert refused.headers["retry-after"] == "900"
    clock.now += 15 * 60
    assert server.client.post("/api/courses/join", json=right, headers=ann).status_code == 200


def test_the_api_refuses_registering_account_after_account(server: Server):
    clock = Clock()
    server.state.registrations = RegistrationThrottle(per_address=3, clock=clock)
    for name in ("ann", "bob", "cleo"):
        server.learner(name)
    reply = server.client.post("/api/auth/register", json={"username": "dan",
                                                           "password": "dan-password"})
    assert reply.status_code == 429 and "try again in 60 minutes" in reply.json()["detail"]
    clock.now += 3600
    server.learner("dan")
