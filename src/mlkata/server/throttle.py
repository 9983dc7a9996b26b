"""Failed logins, counted per account and per client address over a sliding window.

Past either limit, attempts are refused before the password is even checked: guessing stops
being worth it, and the deliberately slow argon2 check cannot be used to load the server. The
counts live in the web process (each web server of a scaled-out course counts its own).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from .errors import TooMany

PER_ACCOUNT = 5
PER_ADDRESS = 100  # a classroom behind one NAT mistypes too
WINDOW_S = 15 * 60
#: keys remembered at most; the oldest go first (a spray of made-up usernames cannot fill memory)
MAX_KEYS = 100_000


class LoginThrottle:
    def __init__(self, per_account: int = PER_ACCOUNT, per_address: int = PER_ADDRESS,
                 window_s: float = WINDOW_S, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        self.limits = {"account": per_account, "address": per_address}
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
                    whose = "this account" if key[0] == "account" else "your address"
                    raise TooMany(f"too many failed logins for {whose}; try again in "
                                  f"{minutes} minute{'s' if minutes > 1 else ''}")

    def failed(self, username: str, address: str | None) -> None:
        now = self.clock()
        with self._lock:
            for key in self._keys(username, address):
                self._recent(key, now).append(now)
                self._failures[key] = self._failures.pop(key)  # now the newest
            while len(self._failures) > MAX_KEYS:
                del self._failures[next(iter(self._failures))]

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(("account", _account(username)), None)

    def _keys(self, username: str, address: str | None) -> list[tuple[str, str]]:
        keys = [("account", _account(username))]
        return keys + [("address", address)] if address else keys

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times


def _account(username: str) -> str:
    return username.strip().lower()
