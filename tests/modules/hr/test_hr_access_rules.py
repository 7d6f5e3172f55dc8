"""Plain rules of this round: whose personal data a caller sees (HR, themselves, their line
managers up the reporting lines) and when a rater is reminded before a questionnaire's due day."""

from __future__ import annotations

from datetime import date

from bizsuite.modules.hr import rules

#: GM ← region ← store manager ← clerk; the Hangzhou manager under the region too.
LINES = {"GM": None, "REGION": "GM", "SH-MGR": "REGION", "SH-CLERK": "SH-MGR", "HZ-MGR": "REGION"}


def _access(
    caller: list[str], employee: list[str], *, is_hr: bool = False, is_self: bool = False
) -> str | None:
    return rules.personal_access(
        is_hr=is_hr, is_self=is_self, employee_positions=employee, caller_positions=caller, reports_to=LINES
    )


def test_line_managers_are_every_position_above_nearest_first() -> None:
    assert rules.managers_of("SH-CLERK", LINES) == ["SH-MGR", "REGION", "GM"]
    assert rules.managers_of("GM", LINES) == []
    assert rules.managers_of("X", {"X": "Y", "Y": "X"}) == ["Y"]  # a loop ends the walk


def test_personal_data_is_seen_by_hr_the_employee_and_their_line_managers_only() -> None:
    assert _access([], ["SH-CLERK"], is_hr=True) == "hr"
    assert _access([], ["SH-CLERK"], is_self=True) == "self"
    assert _access(["SH-MGR"], ["SH-CLERK"]) == "line_manager"
    assert _access(["GM"], ["SH-CLERK"]) == "line_manager"
    assert _access(["HZ-MGR"], ["SH-CLERK"]) is None  # another store's manager
    assert _access(["SH-CLERK"], ["SH-MGR"]) is None  # a report does not see their manager's
    assert _access(["SH-MGR"], []) is None  # someone in no position has no line manager
    assert _access([], ["SH-CLERK"]) is None


def test_a_rater_is_reminded_once_within_the_days_before_the_due_day() -> None:
    due = date(2026, 12, 10)
    remind = rules.reminder_due
    assert not remind(due, 2, date(2026, 12, 7), answered=False, reminded=False)  # 3 days before
    assert remind(due, 2, date(2026, 12, 8), answered=False, reminded=False)
    assert remind(due, 2, date(2026, 12, 10), answered=False, reminded=False)  # the due day itself
    assert not remind(due, 2, date(2026, 12, 11), answered=False, reminded=False)  # too late
    assert not remind(due, 2, date(2026, 12, 9), answered=True, reminded=False)
    assert not remind(due, 2, date(2026, 12, 9), answered=False, reminded=True)
    assert not remind(None, 2, date(2026, 12, 9), answered=False, reminded=False)
    assert remind(due, 0, date(2026, 12, 10), answered=False, reminded=False)
