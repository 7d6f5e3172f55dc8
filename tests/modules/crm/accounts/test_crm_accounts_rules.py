"""Pure rules of the accounts area: who may change an activity; the timeline's merge and cursor."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from bizsuite.core.errors import ValidationProblem
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import decode_cursor, encode_cursor
from bizsuite.modules.crm.accounts import rules

AUTHOR = uuid.uuid4()
T0 = datetime(2026, 11, 1, tzinfo=UTC)


def test_only_the_author_edits_a_logged_activity_and_managers_may_delete_it() -> None:
    def may(role: Role, user_id: uuid.UUID | None, label: str = "", *, moderating: bool = False) -> bool:
        return rules.may_edit_activity(
            role=role,
            user_id=user_id,
            label=label,
            author_user_id=AUTHOR,
            author_label="陈静",
            moderating=moderating,
        )

    assert may(Role.MEMBER, AUTHOR)
    assert not may(Role.MEMBER, uuid.uuid4())
    assert not may(Role.MANAGER, uuid.uuid4())
    assert may(Role.MANAGER, uuid.uuid4(), moderating=True)
    assert may(Role.ADMIN, None, "integration", moderating=True)
    assert not may(Role.MEMBER, None, "陈静")  # an API key is never the user who wrote it


def test_a_future_logged_activity_is_refused_with_a_pointer_to_scheduling() -> None:
    assert rules.occurred_at_problem(T0 + timedelta(minutes=4), T0) is None  # a fast device clock
    problem = rules.occurred_at_problem(T0 + timedelta(days=1), T0)
    assert problem is not None and "schedule an activity" in problem
    assert rules.occurred_at_problem(T0 - timedelta(days=30), T0) is None


def test_an_api_key_may_edit_what_it_recorded() -> None:
    def may(label: str, user_id: uuid.UUID | None = None) -> bool:
        return rules.may_edit_activity(
            role=Role.MEMBER, user_id=user_id, label=label, author_user_id=None, author_label="erp-sync"
        )

    assert may("erp-sync")
    assert not may("other-key")
    assert not may("erp-sync", user_id=uuid.uuid4())


def _entries(kind: str, *offsets: int) -> list[tuple[rules.TimelineKey, str]]:
    rows = [((T0 + timedelta(hours=h), uuid.UUID(int=h), kind), f"{kind}{h}") for h in offsets]
    return sorted(rows, reverse=True)


def test_timeline_merge_pages_newest_first_without_loss_or_repeats() -> None:
    sources = [_entries("a", 1, 4, 6), _entries("b", 2, 5), _entries("c", 3)]
    seen: list[str] = []
    after = None
    while True:
        page, after = rules.merge_newest_first(
            [[row for row in source if after is None or row[0][:2] <= after[:2]] for source in sources],
            limit=2,
            after=after,
        )
        seen += page
        if after is None:
            break
    assert seen == ["a6", "b5", "a4", "c3", "b2", "a1"]


def test_entries_sharing_a_time_and_id_are_all_kept() -> None:
    same = (T0, uuid.UUID(int=7))
    sources = [[((*same, "opportunity_won"), "won")], [((*same, "opportunity_created"), "created")]]
    first, after = rules.merge_newest_first(sources, limit=1, after=None)
    assert first == ["won"] and after is not None
    second, end = rules.merge_newest_first(sources, limit=1, after=after)
    assert second == ["created"] and end is None


def test_timeline_cursor_round_trips_and_rejects_garbage() -> None:
    # The timeline's cursor is the shared keyset cursor over (time, id, kind).
    key = (T0, uuid.uuid4(), "activity")
    assert decode_cursor(encode_cursor(*key), datetime, uuid.UUID, str) == key
    with pytest.raises(ValidationProblem):
        decode_cursor("not-a-cursor", datetime, uuid.UUID, str)
