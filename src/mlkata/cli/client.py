"""The learner's side of a course server: stored logins and a small JSON client (stdlib only,
so `mlkata submit` works without the server extra)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


def config_dir() -> Path:
    if os.environ.get("MLKATA_CONFIG_DIR"):
        return Path(os.environ["MLKATA_CONFIG_DIR"])
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "mlkata"


def normalise(url: str) -> str:
    url = url.strip().rstrip("/")
    return url if "://" in url else f"http://{url}"


@dataclass
class Login:
    url: str
    token: str
    username: str
    role: str
    course: int | None = None


@dataclass
class Logins:
    """``servers.json`` in the config folder (mode 0600): a login per server, and the current."""

    current: str | None = None
    servers: dict[str, Login] = field(default_factory=dict)

    @staticmethod
    def path() -> Path:
        return config_dir() / "servers.json"

    @classmethod
    def load(cls) -> Logins:
        try:
            plain = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        servers = {url: Login(**login) for url, login in plain.get("servers", {}).items()}
        return cls(plain.get("current"), servers)

    def save(self) -> None:
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        text = json.dumps({"current": self.current,
                           "servers": {u: asdict(s) for u, s in self.servers.items()}},
                          indent=2)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")

    def active(self) -> Login | None:
        return self.servers.get(self.current) if self.current else None


class ServerError(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


class CourseServer:
    def __init__(self, url: str, token: str | None = None) -> None:
        self.url = normalise(url)
        self.token = token

    def request(self, method: str, path: str, body: Any = None, timeout: float = 60.0) -> Any:
        import urllib.error
        import urllib.request
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise ServerError(exc.code, _detail(exc.read())) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ServerError(0, f"cannot reach {self.url}: {reason}") from None
        return json.loads(raw) if raw else None


def _detail(raw: bytes) -> str:
    try:
        detail = json.loads(raw).get("detail")
    except (ValueError, AttributeError):
        return raw.decode("utf-8", "replace")[:300]
    if isinstance(detail, list):  # a validation error: the first problem is enough
        first = detail[0] if detail else {}
        where = ".".join(str(p) for p in first.get("loc", [])[1:])
        return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg"))
    return str(detail)
