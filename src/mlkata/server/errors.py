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
