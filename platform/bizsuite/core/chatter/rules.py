"""Pure rules of the chatter: which tracked fields an audited change touched, who follows a record,
who hears of a note, and how the feed's sources merge into one page, newest first."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

EntryT = TypeVar("EntryT")

#: A feed position: newest first by time, then row id.
FeedKey = tuple[datetime, uuid.UUID]


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One tracked field's change: ``field: old → new`` (values as stored)."""

    field: str
    old: Any
    new: Any


def tracked_changes(
    before: Mapping[str, Any] | None, after: Mapping[str, Any] | None, tracked: Iterable[str]
) -> list[FieldChange]:
    """The tracked fields whose value differs between an audit entry's ``before`` and ``after``,
    in the order the record type lists them (none when either side is missing)."""
    if before is None or after is None:
        return []
    return [
        FieldChange(name, before.get(name), after.get(name))
        for name in tracked
        if name in after and before.get(name) != after.get(name)
    ]


def effective_followers(defaults: Iterable[uuid.UUID], choices: Mapping[uuid.UUID, bool]) -> list[uuid.UUID]:
    """Who follows a record: its default followers (owner, creator) unless they unfollowed, and
    everyone who chose to follow it; in a stable order (defaults first)."""
    found: list[uuid.UUID] = []
    for user_id in defaults:
        if choices.get(user_id, True) and user_id not in found:
            found.append(user_id)
    for user_id, following in choices.items():
        if following and user_id not in found:
            found.append(user_id)
    return found


def note_audiences(
    *, author: uuid.UUID | None, mentioned: Sequence[uuid.UUID], followers: Sequence[uuid.UUID]
) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    """Who hears of a new note: ``(mentioned, other followers)``; the author hears of neither,
    and a mentioned follower gets only the mention."""
    mentions = [u for u in dict.fromkeys(mentioned) if u != author]
    rest = [u for u in dict.fromkeys(followers) if u != author and u not in mentions]
    return mentions, rest


@dataclass(frozen=True, slots=True)
class Source(Generic[EntryT]):
    """One source's rows for a feed page: ``fetched`` the keys it read (``limit + 1`` at most, from
    the cursor down), ``entries`` the keyed entries it keeps of them (some rows show nothing)."""

    fetched: Sequence[FeedKey]
    entries: Sequence[tuple[FeedKey, EntryT]]
    #: Whether the source read as many rows as asked (more may follow).
    full: bool


def merge_page(sources: Iterable[Source[EntryT]], *, limit: int) -> tuple[list[EntryT], FeedKey | None]:
    """Merge sources into one page, newest first, and the key to continue after (or None).

    A full source has not been read below its oldest fetched row, so the page stops there: its
    unread rows are never skipped, however many of the fetched rows showed nothing.
    """
    sources = list(sources)
    floors = [min(s.fetched) for s in sources if s.full and s.fetched]
    floor = max(floors) if floors else None
    merged = sorted(
        (pair for s in sources for pair in s.entries if floor is None or pair[0] >= floor),
        key=lambda pair: pair[0],
        reverse=True,
    )
    page = merged[:limit]
    if len(merged) > limit:
        return [entry for _, entry in page], page[-1][0]
    return [entry for _, entry in page], floor


def mentioned_in(body: str, members: Mapping[uuid.UUID, str]) -> list[uuid.UUID]:
    """The members a note names as ``@Name`` (longest names first, so ``@Li Wei`` is not also
    ``@Li``), in the order they appear; case-insensitive."""
    text = body.casefold()
    found: list[tuple[int, uuid.UUID]] = []
    taken: list[tuple[int, int]] = []
    for user_id, name in sorted(members.items(), key=lambda item: -len(item[1])):
        needle = "@" + name.casefold()
        if not name:
            continue
        start = text.find(needle)
        while start != -1:
            end = start + len(needle)
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                found.append((start, user_id))
                break
            start = text.find(needle, end)
    return list(dict.fromkeys(user_id for _, user_id in sorted(found, key=lambda pair: pair[0])))
