"""Pure rules of the accounts area: who may change an activity, and how the timeline pages
(its cursor is ``core.pagination``'s ``encode_cursor(time, id, kind)``)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TypeVar

from bizsuite.core.identity.models import Role

EventT = TypeVar("EventT")

#: A timeline position: newest first by time, then source row id, then event kind.
TimelineKey = tuple[datetime, uuid.UUID, str]


#: How far from now an activity's time may be (years); further is a typing mistake.
MAX_YEARS_AWAY = 10


#: How far ahead of the tenant clock a logged activity may be (a device clock running fast).
FUTURE_TOLERANCE = timedelta(minutes=5)
#: A logged activity is history: one still to happen is scheduled (the record's chatter) instead.
IN_THE_FUTURE = (
    "is in the future: a logged activity has happened; schedule an activity for what is still to do"
)


def occurred_at_problem(when: datetime, now: datetime) -> str | None:
    """Why ``when`` is not a plausible time for a logged activity (it has happened, within 10
    years of now), or None."""
    if when.tzinfo is None:
        return "must include a time zone offset"
    if when > now + FUTURE_TOLERANCE:
        return IN_THE_FUTURE
    if abs((when - now).days) > MAX_YEARS_AWAY * 366:
        return "must be within 10 years of today"
    return None


def may_edit_activity(
    *,
    role: Role | None,
    user_id: uuid.UUID | None,
    label: str,
    author_user_id: uuid.UUID | None,
    author_label: str,
    moderating: bool = False,
) -> bool:
    """Only its author (a user, or the API key that recorded it) may edit a logged activity;
    when ``moderating`` (deleting it), a manager and above may too."""
    if moderating and role is not None and role.at_least(Role.MANAGER):
        return True
    if author_user_id is not None:
        return user_id is not None and user_id == author_user_id
    return user_id is None and bool(label) and label == author_label


def merge_newest_first(
    keyed_sources: Iterable[Iterable[tuple[TimelineKey, EventT]]], *, limit: int, after: TimelineKey | None
) -> tuple[list[EventT], TimelineKey | None]:
    """Merge per-source rows (each already cut near ``after``) into one page, newest first.

    Sources fetch a few rows more than ``limit`` from ``(time, id) <= after``; rows at or before
    the cursor position are dropped here, so entries sharing a time and id are never lost or
    repeated. Returns the page and the key of its last entry when more may follow.
    """
    merged = [
        (key, event) for source in keyed_sources for key, event in source if after is None or key < after
    ]
    merged.sort(key=lambda pair: pair[0], reverse=True)
    page = merged[:limit]
    next_key = page[-1][0] if len(merged) > limit and page else None
    return [event for _, event in page], next_key
