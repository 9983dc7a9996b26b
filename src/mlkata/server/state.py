"""What every request handler shares: settings, database, queue, exercises."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from .library import ExerciseLibrary
from .queue import GradingQueue
from .settings import Settings
from .throttle import LoginThrottle


@dataclass
class ServerState:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    queue: GradingQueue
    library: ExerciseLibrary
    logins: LoginThrottle = field(default_factory=LoginThrottle)
