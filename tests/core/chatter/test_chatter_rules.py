"""Pure rules of the chatter: tracked changes, followers, who hears of a note, mentions by name,
and the feed's merge of notes and audit entries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from bizsuite.core.chatter import rules

T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)
OWNER, CHEN, LI, WANG = (uuid.UUID(int=n) for n in (1, 2, 3, 4))


def test_only_tracked_fields_that_changed_are_shown_in_the_declared_order() -> None:
    before = {"name": "明辉", "status": "active", "notes": "a", "owner_user_id": str(OWNER)}
    after = {"name": "明辉贸易", "status": "archived", "notes": "b", "owner_user_id": str(OWNER)}
    changes = rules.tracked_changes(before, after, ["status", "name", "owner_user_id"])
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("status", "active", "archived"),
        ("name", "明辉", "明辉贸易"),
    ]
    assert rules.tracked_changes(None, after, ["name"]) == []  # a creation is no change


def test_the_owner_follows_by_default_until_they_unfollow() -> None:
    assert rules.effective_followers([OWNER], {}) == [OWNER]
    assert rules.effective_followers([OWNER], {OWNER: False, CHEN: True}) == [CHEN]
    assert rules.effective_followers([OWNER, OWNER], {CHEN: True, LI: False}) == [OWNER, CHEN]


def test_a_mentioned_follower_hears_once_and_the_author_not_at_all() -> None:
    mentions, followers = rules.note_audiences(
        author=CHEN, mentioned=[LI, CHEN, LI], followers=[OWNER, LI, CHEN]
    )
    assert mentions == [LI]
    assert followers == [OWNER]


def test_mentions_are_read_by_name_longest_first_and_case_blind() -> None:
    members = {CHEN: "陈静", LI: "Li", WANG: "Li Wei"}
    assert rules.mentioned_in("@li wei 请回电，抄送 @陈静", members) == [WANG, CHEN]
    assert rules.mentioned_in("@Li 看一下", members) == [LI]
    assert rules.mentioned_in("email li@example.com", members) == []


def _source(offsets: list[int], shown: set[int], limit: int) -> rules.Source[str]:
    keys = [(T0 - timedelta(minutes=m), uuid.UUID(int=m)) for m in offsets]
    fetched = keys[: limit + 1]
    entries = [(k, f"e{m}") for k, m in zip(fetched, offsets, strict=False) if m in shown]
    return rules.Source(fetched, entries, full=len(offsets) > limit)


def _below(offsets: list[int], after: rules.FeedKey | None) -> list[int]:
    return [m for m in offsets if after is None or (T0 - timedelta(minutes=m), uuid.UUID(int=m)) < after]


def test_the_feed_pages_through_both_sources_without_loss_even_when_rows_show_nothing() -> None:
    notes = [1, 5, 9]
    audit = [2, 3, 4, 6, 7, 8]
    shown_audit = {2, 8}  # the others changed no tracked field
    seen: list[str] = []
    after: rules.FeedKey | None = None
    for _ in range(10):
        page, after = rules.merge_page(
            [_source(_below(notes, after), set(notes), 2), _source(_below(audit, after), shown_audit, 2)],
            limit=2,
        )
        seen += page
        if after is None:
            break
    assert seen == ["e1", "e2", "e5", "e8", "e9"]
