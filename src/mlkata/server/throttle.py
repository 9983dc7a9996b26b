"""Failed logins over a sliding window, counted three ways: one account from one address, one
account from anywhere, one address on any account.

Past a limit, attempts are refused before the password is even checked: guessing stops being
worth it, and the deliberately slow argon2 check cannot be used to load the server. The tight
limit is per account *and* address, so that someone mistyping (or a prankster) elsewhere does
not lock the account's owner out; the account-wide limit is looser and stops guesses spread
over many addresses. The counts live in the web process (each web server of a scaled-out course
counts its own).
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
#: keys remembered at most; the oldest go first (a spray of made-up usernames cannot fill memory)
MAX_KEYS = 100_000


class LoginThrottle:
    def __init__(self, per_guesser: int = PER_GUESSER, per_account: int = PER_ACCOUNT,
                 per_address: int = PER_ADDRESS, window_s: float = WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = {"guesser": per_guesser, "account": per_account, "address": per_address}
        self.window_s, self.clock = window_s, clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, username: str, address: str | None) -> None:
        """Raise :class:`TooMany` (with the wait) when this login may not be tried now."""
        now = self.clock()
        with self._lock:
            for key in self._keys(username, address):
                times = self._recent(key, now) if key in self._failures else deque()
                if len(times) >= self.limits[key[0]]:
                    minutes = max(1, math.ceil((times[0] + self.window_s - now) / 60))
                    whose = "from your address" if key[0] == "address" else "for this account"
                    raise TooMany(f"too many failed logins {whose}; try again in "
                                  f"{minutes} minute{'s' if minutes > 1 else ''}")

    def failed(self, username: str, address: str | None) -> None:
        now = self.clock()
        with self._lock:
            for key in self._keys(username, address):
                self._recent(key, now).append(now)
                self._failures[key] = self._failures.pop(key)  # now the newest
            while len(self._failures) > MAX_KEYS:
                del self._failures[next(iter(self._failures))]

    def succeeded(self, username: str, address: str | None) -> None:
        with self._lock:
            self._failures.pop(("guesser", f"{_account(username)} {address}"), None)

    def _keys(self, username: str, address: str | None) -> list[tuple[str, str]]:
        account = _account(username)
        keys = [("guesser", f"{account} {address}"), ("account", account)]
        return keys + [("address", address)] if address else keys

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times


def _account(username: str) -> str:
    return username.strip().lower()
