"""Attempts over a sliding window, refused past a limit: failed logins, wrong invite codes, new
accounts.

Failed logins are counted three ways: one account from one address, one account from anywhere,
one address on any account. Past a limit, attempts are refused before the password is even
checked: guessing stops being worth it, and the deliberately slow argon2 check cannot be used to
load the server. The tight limit is per account *and* address, so that someone mistyping (or a
prankster) elsewhere does not lock the account's owner out; the account-wide limit is looser and
stops guesses spread over many addresses.

Wrong invite codes and new accounts are counted per address and on the whole server: the
server-wide count stops guessing (or account making) spread over many addresses, at the price
of refusing everyone for a while when someone floods it. Every count lives in the web process
(each web server of a scaled-out course counts its own).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from .errors import TooMany

PER_GUESSER = 5  # one account from one address
PER_ACCOUNT = 50  # one account from anywhere
PER_ADDRESS = 100  # one address on any account: a classroom behind one NAT mistypes too
WINDOW_S = 15 * 60
#: wrong invite codes: codes have 31⁸ values, so this makes finding a course hopeless
JOIN_PER_ADDRESS = 50
JOIN_OVERALL = 500
JOIN_WINDOW_S = 15 * 60
#: new accounts: a whole class behind one NAT signs up in its first lesson
REGISTER_PER_ADDRESS = 200
REGISTER_OVERALL = 1000
REGISTER_WINDOW_S = 60 * 60
#: keys remembered at most; the oldest go first (a spray of made-up usernames cannot fill memory)
MAX_KEYS = 100_000

Key = tuple[str, str]  # (what is counted, e.g. "address"; whose count, e.g. "10.0.0.1")


class SlidingCounts:
    """Attempts per key within ``window_s``; a key of kind K is refused after ``limits[K]``,
    with the reason ``refusal(K)`` and the wait."""

    def __init__(self, limits: dict[str, int], window_s: float, clock: Callable[[], float],
                 refusal: Callable[[str], str]) -> None:
        self.limits, self.window_s, self.clock, self.refusal = limits, window_s, clock, refusal
        self._events: dict[Key, deque[float]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """Keys remembered."""
        return len(self._events)

    def check(self, keys: list[Key]) -> None:
        """Raise :class:`TooMany` (with the wait) when one of the keys is over its limit."""
        with self._lock:
            self._check(keys, self.clock())

    def record(self, keys: list[Key]) -> None:
        with self._lock:
            self._record(keys, self.clock())

    def attempt(self, keys: list[Key]) -> None:
        """Check, then count this attempt: at once, so that a burst cannot slip past."""
        with self._lock:
            now = self.clock()
            self._check(keys, now)
            self._record(keys, now)

    def forget(self, key: Key) -> None:
        with self._lock:
            self._events.pop(key, None)

    def _check(self, keys: list[Key], now: float) -> None:
        for key in keys:
            times = self._recent(key, now) if key in self._events else deque()
            if len(times) >= self.limits[key[0]]:
                wait_s = times[0] + self.window_s - now
                minutes = max(1, math.ceil(wait_s / 60))
                raise TooMany(f"{self.refusal(key[0])}; try again in {minutes} "
                              f"minute{'s' if minutes > 1 else ''}",
                              retry_after_s=max(1, math.ceil(wait_s)))

    def _record(self, keys: list[Key], now: float) -> None:
        for key in keys:
            self._recent(key, now).append(now)
            self._events[key] = self._events.pop(key)  # now the newest
        while len(self._events) > MAX_KEYS:
            del self._events[next(iter(self._events))]

    def _recent(self, key: Key, now: float) -> deque[float]:
        times = self._events.setdefault(key, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times


class LoginThrottle:
    def __init__(self, per_guesser: int = PER_GUESSER, per_account: int = PER_ACCOUNT,
                 per_address: int = PER_ADDRESS, window_s: float = WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.counts = SlidingCounts({"guesser": per_guesser, "account": per_account,
                                     "address": per_address}, window_s, clock, self._refusal)

    def check(self, username: str, address: str | None) -> None:
        """Raise :class:`TooMany` (with the wait) when this login may not be tried now."""
        self.counts.check(self._keys(username, address))

    def failed(self, username: str, address: str | None) -> None:
        self.counts.record(self._keys(username, address))

    def succeeded(self, username: str, address: str | None) -> None:
        self.counts.forget(("guesser", f"{_account(username)} {address}"))

    def _keys(self, username: str, address: str | None) -> list[Key]:
        account = _account(username)
        keys = [("guesser", f"{account} {address}"), ("account", account)]
        return keys + [("address", address)] if address else keys

    @staticmethod
    def _refusal(kind: str) -> str:
        whose = "from your address" if kind == "address" else "for this account"
        return f"too many failed logins {whose}"


class JoinThrottle:
    """Wrong invite codes, per address and on the whole server."""

    def __init__(self, per_address: int = JOIN_PER_ADDRESS, overall: int = JOIN_OVERALL,
                 window_s: float = JOIN_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.counts = SlidingCounts({"address": per_address, "server": overall}, window_s,
                                    clock, self._refusal)

    def check(self, address: str | None) -> None:
        self.counts.check(_per_address_and_server(address))

    def failed(self, address: str | None) -> None:
        self.counts.record(_per_address_and_server(address))

    @staticmethod
    def _refusal(kind: str) -> str:
        where = "from your address" if kind == "address" else "on this server"
        return f"too many wrong invite codes {where}"


class RegistrationThrottle:
    """Every sign-up tried (taken usernames too: probing for them counts), per address and on
    the whole server."""

    def __init__(self, per_address: int = REGISTER_PER_ADDRESS,
                 overall: int = REGISTER_OVERALL, window_s: float = REGISTER_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.counts = SlidingCounts({"address": per_address, "server": overall}, window_s,
                                    clock, self._refusal)

    def attempt(self, address: str | None) -> None:
        """Count this sign-up, or raise :class:`TooMany` (with the wait) when over a limit."""
        self.counts.attempt(_per_address_and_server(address))

    @staticmethod
    def _refusal(kind: str) -> str:
        if kind == "address":
            return "too many accounts registered from your address"
        return "too many new accounts on this server just now"


def _per_address_and_server(address: str | None) -> list[Key]:
    return [("address", address), ("server", "")] if address else [("server", "")]


def _account(username: str) -> str:
    return username.strip().lower()
