"""What every request handler shares: settings, database, queue, exercises."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from .library import ExerciseLibrary
from .queue import GradingQueue
from .settings import Settings
from .throttle import JoinThrottle, LoginThrottle, RegistrationThrottle


@dataclass
class ServerState:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    queue: GradingQueue
    library: ExerciseLibrary
    logins: LoginThrottle = field(default_factory=LoginThrottle)
    joins: JoinThrottle = field(default_factory=JoinThrottle)
    registrations: RegistrationThrottle = field(default_factory=RegistrationThrottle)
