"""Pure rules of scheduled activities: red/orange/green on the tenant's day, reminders once each."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bizsuite.core.activities import rules

SHANGHAI = "Asia/Shanghai"


def test_the_state_is_read_on_the_tenants_calendar_day() -> None:
    # 23:30 UTC on 3 December is already 4 December in Shanghai.
    today = rules.local_today(datetime(2026, 12, 3, 23, 30, tzinfo=UTC), SHANGHAI)
    assert today == date(2026, 12, 4)
    assert rules.due_state(date(2026, 12, 3), today) is rules.DueState.OVERDUE
    assert rules.due_state(date(2026, 12, 4), today) is rules.DueState.TODAY
    assert rules.due_state(date(2026, 12, 5), today) is rules.DueState.PLANNED


def test_reminders_come_on_the_due_day_then_once_overdue_and_never_twice() -> None:
    due = date(2026, 12, 4)
    assert rules.reminder_due(due, date(2026, 12, 3), rules.NO_REMINDER) == rules.NO_REMINDER
    assert rules.reminder_due(due, due, rules.NO_REMINDER) == rules.DUE_TODAY_REMINDER
    assert rules.reminder_due(due, due, rules.DUE_TODAY_REMINDER) == rules.DUE_TODAY_REMINDER
    assert rules.reminder_due(due, date(2026, 12, 5), rules.DUE_TODAY_REMINDER) == rules.OVERDUE_REMINDER
    # first seen late: only the overdue reminder
    assert rules.reminder_due(due, date(2026, 12, 9), rules.NO_REMINDER) == rules.OVERDUE_REMINDER


def test_a_due_day_starts_at_local_midnight() -> None:
    assert rules.start_of_day(date(2026, 12, 4), SHANGHAI) == datetime(2026, 12, 3, 16, tzinfo=UTC)
