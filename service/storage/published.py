"""Publication dates as stored and as compared.

``published_at`` keeps the offset it was given, since a reader may want the outlet's own day; a
date window compares ``published_key``, the same moment in UTC, because date-times with different
offsets do not sort as text the way they do in time ("2024-03-05T23:30:00-05:00" is later than
"2024-03-06T01:00:00+01:00"). A date or a date-time without an offset is taken as UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

_EXTENDED_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|$)")


def comparable_iso(value: str) -> str:
    """An ISO 8601 date or date-time in the extended layout, which is how ``published_at`` is
    stored: the basic ("20240305"), week ("2024-W10-2") and space-separated forms Python also reads
    become 2024-03-05 or 2024-03-05T10:00:00, and "20240305" no longer sorts after every day of
    2024. Extended forms are kept as given."""
    if _EXTENDED_DAY.match(value):
        return value
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return value


def published_key(value: str | None) -> str | None:
    """The text that sorts as ``value``'s moment does: a date as itself, a date-time in UTC without
    its offset ("2024-03-05T23:30:00-05:00" -> "2024-03-06T04:30:00")."""
    if value is None:
        return None
    value = comparable_iso(value)
    if is_bare_date(value):
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:  # within a day of year 1 or 9999: the offset is dropped, not converted
            pass
    return moment.replace(tzinfo=None).isoformat()


def is_bare_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def window_clauses(column: str, published_from: str | None, published_to: str | None) -> tuple[list[str], list[str]]:
    """SQL conditions on ``column`` (a ``published_key``) for a window."""
    clauses: list[str] = []
    params: list[str] = []
    if first := published_key(published_from):
        clauses.append(f"{column} >= ?")
        params.append(first)
    if upper := _upper_bound(published_to):
        clauses.append(f"{column} {upper[0]} ?")
        params.append(upper[1])
    return clauses, params


def empty_window(published_from: str | None, published_to: str | None) -> bool:
    """Whether no moment lies in the window, compared as ``window_clauses`` compares: a window
    from 2024-03-06T03:00+02:00 to 2024-03-06T00:30Z ends before it starts, though both bounds
    name the same day."""
    first, upper = published_key(published_from), _upper_bound(published_to)
    if not first or not upper:
        return False
    operator, last = upper
    return first >= last if operator == "<" else first > last


def _upper_bound(published_to: str | None) -> tuple[str, str] | None:
    """The comparison and key a window's end sets. A bare date covers its day: "2024-03-05T09:30:00"
    sorts after "2024-03-05" as text, so it is compared with the next day."""
    last = published_key(published_to)
    if not last:
        return None
    if is_bare_date(last):
        return "<", (date.fromisoformat(last) + timedelta(days=1)).isoformat()
    return "<=", last
