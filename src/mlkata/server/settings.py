"""How one server (web process or grading worker) is configured.

The embedded default keeps everything in one data directory: the database and the task queue
are SQLite files there. Scaling out changes URLs only: ``--db postgresql://…`` and
``--queue redis://…``, with ``mlkata worker`` started on other machines.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

DEFAULT_PORT = 8000


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mlkata" / "server"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=default_data_dir)
    db_url: str = ""  # empty: SQLite in data_dir
    queue_url: str = ""  # empty: huey's SQLite storage in data_dir
    queue_name: str = "mlkata-grading"
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    workers: int = 2
    #: extra exercise folders (``--catalog``); MLKATA_CATALOG is read by every process itself
    catalogs: tuple[str, ...] = ()
    #: grade even where the sandbox cannot hide the catalog and the data folder
    allow_unhidden: bool = False
    #: a claim on a submission lasts this long unless its worker renews it
    lease_s: float = 20.0
    #: how often the reaper looks for expired leases and lost queue entries
    reap_every_s: float = 5.0
    #: a queued submission is re-enqueued after this long when the queue looks empty…
    requeue_idle_s: float = 10.0
    #: …and after this long in any case
    requeue_after_s: float = 600.0
    #: claims after which a submission is given up with an error verdict (a poison input)
    max_claims: int = 5
    #: ungraded submissions one learner may have at a time
    max_pending_per_learner: int = 10
    max_code_bytes: int = 256 * 1024
    #: a request body larger than this is refused (413) as it arrives: a file of
    #: max_code_bytes fits, even as JSON with its non-ASCII characters escaped (\uXXXX)
    max_body_bytes: int = 1024 * 1024
    #: how long the long-poll of a submission may wait for its verdict
    max_wait_s: float = 30.0
    #: trust X-Forwarded-For and X-Forwarded-Proto from the addresses in FORWARDED_ALLOW_IPS
    #: (default 127.0.0.1): only behind a reverse proxy that sets them
    proxy_headers: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir).expanduser().resolve())
        if not self.db_url:
            object.__setattr__(self, "db_url", f"sqlite:///{self.data_dir / 'mlkata.sqlite3'}")
        if not self.queue_url:
            object.__setattr__(self, "queue_url",
                               f"sqlite:///{self.data_dir / 'queue.sqlite3'}")
        object.__setattr__(self, "catalogs",
                           tuple(str(Path(p).expanduser().resolve()) for p in self.catalogs))

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}"

    @property
    def embedded(self) -> bool:
        """True when the database or the queue lives in the data directory."""
        return self.db_url.startswith("sqlite") or self.queue_url.startswith("sqlite")

    def ensure_data_dir(self) -> None:
        # 0700: learner code never sees this folder (the sandbox covers it), other users neither
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)

    def to_json(self) -> str:
        plain = asdict(self)
        plain["data_dir"] = str(self.data_dir)
        plain["catalogs"] = list(self.catalogs)
        return json.dumps(plain)

    @classmethod
    def from_json(cls, text: str) -> Settings:
        plain = json.loads(text)
        plain["data_dir"] = Path(plain["data_dir"])
        plain["catalogs"] = tuple(plain.get("catalogs", ()))
        return cls(**plain)
