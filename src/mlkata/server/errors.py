"""What the services refuse, independent of HTTP (the API maps these to status codes)."""

from __future__ import annotations


class ServiceError(Exception):
    status = 400


class Invalid(ServiceError):
    status = 422


class NotFound(ServiceError):
    """Also what a user gets for things that exist but are not theirs to see."""

    status = 404


class Forbidden(ServiceError):
    status = 403


class Conflict(ServiceError):
    status = 409


class TooMany(ServiceError):
    status = 429

    def __init__(self, message: str, retry_after_s: int | None = None) -> None:
        super().__init__(message)
        #: when known, how long until the request may be tried again (the Retry-After header)
        self.retry_after_s = retry_after_s
