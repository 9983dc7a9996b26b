"""Moments on the pages: shown in UTC in the HTML (the browser rewrites them into local time,
``static/mlkata.js``), said relative to now where that helps, and read from the
``datetime-local`` inputs of the teacher's forms in the time zone the browser reports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from markupsafe import Markup, escape

from ..db import utcnow


def time_zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo((name or "UTC").strip() or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def parse_local(value: str | None, zone: ZoneInfo) -> datetime | None:
    """A ``datetime-local`` value (``2026-12-01T23:59``) in ``zone``; None when empty.
    ValueError when it is not one, or past what a date can be in UTC."""
    if not value or not value.strip():
        return None
    moment = datetime.fromisoformat(value.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{value} is out of range") from None


def local_input(moment: datetime | None, zone: ZoneInfo) -> str:
    """The value a ``datetime-local`` input shows for ``moment``."""
    return "" if moment is None else moment.astimezone(zone).strftime("%Y-%m-%dT%H:%M")


def moment(value: datetime | None, style: str = "long") -> Markup:
    """``<time>`` in UTC; the page's script shows it in the reader's time zone."""
    if value is None:
        return Markup("—")
    value = value.astimezone(UTC)
    text = value.strftime("%d %b %Y, %H:%M UTC" if style == "long" else "%d %b, %H:%M UTC")
    return Markup('<time datetime="{}" data-style="{}">{}</time>').format(
        value.isoformat(), style, text.lstrip("0"))


def relative(value: datetime | None, now: datetime | None = None) -> str:
    """``in 3 days``, ``2 hours ago``: how far ``value`` is from now, roughly."""
    if value is None:
        return ""
    delta = value - (now or utcnow())
    future = delta >= timedelta(0)
    seconds = abs(delta.total_seconds())
    for unit, size in (("year", 365 * 86400), ("month", 30 * 86400), ("week", 7 * 86400),
                       ("day", 86400), ("hour", 3600), ("minute", 60)):
        if unit in ("year", "month", "week") and seconds < 2 * size:
            continue
        if seconds >= size:
            count = int(seconds // size)
            amount = f"{count} {unit}{'s' if count > 1 else ''}"
            return f"in {amount}" if future else f"{amount} ago"
    return "in less than a minute" if future else "just now"


def deadline_note(deadline: datetime | None, now: datetime | None = None) -> Markup:
    """The deadline with how far away it is: ``1 Dec 2026, 22:59 UTC (in 3 days)``."""
    if deadline is None:
        return Markup('<span class="muted">no deadline</span>')
    now = now or utcnow()
    if deadline < now:
        return Markup('<span class="deadline closed">{} <span class="muted">(closed {})</span>'
                      '</span>').format(moment(deadline), escape(relative(deadline, now)))
    return Markup('<span class="deadline">{} <span class="muted">({})</span></span>').format(
        moment(deadline), escape(relative(deadline, now)))
