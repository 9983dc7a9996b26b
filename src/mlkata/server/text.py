"""Text the server stores or looks up. PostgreSQL refuses NUL characters, and a lone surrogate
(JSON can spell one: ``"\\ud800"``) has no UTF-8 form, so neither may reach the database:
what is stored is refused with the reason, what is looked up is simply not found."""

from __future__ import annotations

from .errors import Invalid


def storable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def checked(text: str, what: str, max_chars: int) -> str:
    """``text``, or :class:`Invalid` saying why it cannot be stored as ``what``."""
    if "\x00" in text:
        raise Invalid(f"{what} contains a NUL character")
    if not storable(text):
        raise Invalid(f"{what} is not valid Unicode (it has a lone surrogate)")
    if len(text) > max_chars:
        raise Invalid(f"{what} has at most {max_chars} characters")
    return text
