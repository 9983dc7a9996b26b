"""Failed logins: refused past the limit per account and per address, for the window only."""

from __future__ import annotations

import pytest

from mlkata.server.errors import TooMany
from mlkata.server.throttle import LoginThrottle

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
    assert not throttle._failures


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
