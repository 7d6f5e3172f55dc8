"""SLA rules with the worked examples of the product spec (pure functions, no database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bizsuite.modules.crm.calendar import BusinessCalendar, add_counted_minutes, end_of_local_day
from bizsuite.modules.crm.models import SlaAnchor, TicketCategory, TicketPriority, TicketStatus
from bizsuite.modules.crm.tickets import rules
from bizsuite.modules.crm.tickets.rules import MilestoneClock, MilestoneState

T0 = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai


def minutes(n: float) -> datetime:
    return T0 + timedelta(minutes=n)


def state_when_met(due: datetime | None, met: datetime) -> MilestoneState:
    state, _ = rules.milestone_state(
        due_at=due, met_at=met, breached_at=None, anchor_reached=True, finished=False, now=met
    )
    return state


HOTLINE_1234 = [
    MilestoneClock(target_minutes=10, same_day=False, anchor=SlaAnchor.CREATED),
    MilestoneClock(target_minutes=20, same_day=False, anchor=SlaAnchor.CREATED),
    MilestoneClock(target_minutes=30, same_day=False, anchor=SlaAnchor.CREATED),
    MilestoneClock(target_minutes=40, same_day=False, anchor=SlaAnchor.CREATED),
]


def test_1234_milestones_met_at_8_25_29_41_minutes_are_met_breached_met_breached() -> None:
    dues = rules.due_times(HOTLINE_1234, T0)
    assert dues == [minutes(10), minutes(20), minutes(30), minutes(40)]
    outcomes = [state_when_met(due, minutes(m)) for due, m in zip(dues, (8, 25, 29, 41), strict=True)]
    assert outcomes == [
        MilestoneState.MET,
        MilestoneState.BREACHED,
        MilestoneState.MET,
        MilestoneState.BREACHED,
    ]


def test_an_unmet_milestone_shows_the_time_left_then_breaches_when_due_passes() -> None:
    due = minutes(20)
    assert rules.milestone_state(
        due_at=due, met_at=None, breached_at=None, anchor_reached=True, finished=False, now=minutes(5)
    ) == (MilestoneState.DUE, 15 * 60)
    assert rules.milestone_state(
        due_at=due, met_at=None, breached_at=None, anchor_reached=True, finished=False, now=minutes(20)
    ) == (MilestoneState.BREACHED, None)


def test_a_15_minute_wait_moves_a_20_minute_target_by_15_minutes() -> None:
    changes = [(minutes(5), TicketStatus.WAITING), (minutes(20), TicketStatus.IN_PROGRESS)]
    pauses = rules.pauses_from_status_changes(changes)
    assert pauses == [(minutes(5), minutes(20))]
    due = rules.due_time(HOTLINE_1234[1], T0, pauses=pauses)
    assert due == minutes(35)


def test_a_ticket_still_waiting_has_its_clock_stopped() -> None:
    pauses = rules.pauses_from_status_changes([(minutes(5), TicketStatus.WAITING)])
    assert rules.due_time(HOTLINE_1234[1], T0, pauses=pauses) is None
    assert rules.milestone_state(
        due_at=None, met_at=None, breached_at=None, anchor_reached=True, finished=False, now=minutes(60)
    ) == (MilestoneState.PAUSED, None)


def test_a_pause_after_the_due_time_does_not_move_it() -> None:
    pauses = [(minutes(25), minutes(30))]
    assert rules.due_time(HOTLINE_1234[1], T0, pauses=pauses) == minutes(20)


ENGINEER = [
    MilestoneClock(target_minutes=10, same_day=False, anchor=SlaAnchor.CREATED),
    MilestoneClock(target_minutes=15, same_day=False, anchor=SlaAnchor.PREVIOUS),
    MilestoneClock(target_minutes=24 * 60, same_day=False, anchor=SlaAnchor.PREVIOUS),
    MilestoneClock(target_minutes=None, same_day=True, anchor=SlaAnchor.PREVIOUS),
]


def test_engineer_chain_starts_each_clock_when_the_previous_milestone_is_met() -> None:
    zone = "Asia/Shanghai"
    # Nothing met yet: only acceptance has a due time.
    assert rules.due_times(ENGINEER, T0, time_zone=zone) == [minutes(10), None, None, None]
    accepted = [ENGINEER[0].__class__(10, False, SlaAnchor.CREATED, met_at=minutes(7)), *ENGINEER[1:]]
    assert rules.due_times(accepted, T0, time_zone=zone)[1] == minutes(7 + 15)
    started = [
        *accepted[:1],
        MilestoneClock(15, False, SlaAnchor.PREVIOUS, met_at=minutes(20)),
        *ENGINEER[2:],
    ]
    assert rules.due_times(started, T0, time_zone=zone)[2] == minutes(20 + 24 * 60)
    # Completed at 17:30 Shanghai time: the callback (回访) is due at midnight that day.
    completed_at = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)
    done = [
        *started[:2],
        MilestoneClock(24 * 60, False, SlaAnchor.PREVIOUS, met_at=completed_at),
        ENGINEER[3],
    ]
    assert rules.due_times(done, T0, time_zone=zone)[3] == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


def test_a_not_started_milestone_says_so() -> None:
    assert rules.milestone_state(
        due_at=None, met_at=None, breached_at=None, anchor_reached=False, finished=False, now=T0
    ) == (MilestoneState.NOT_STARTED, None)


def test_same_day_ends_at_local_midnight_in_shanghai_not_utc() -> None:
    # 23:30 UTC on Nov 29 is 07:30 on Nov 30 in Shanghai: due at Dec 1 00:00 Shanghai = Nov 30 16:00 UTC.
    created = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)
    assert end_of_local_day(created, "Asia/Shanghai") == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    assert end_of_local_day(created, "UTC") == datetime(2026, 11, 30, 0, 0, tzinfo=UTC)


WEEKDAYS_9_TO_18 = BusinessCalendar(
    hours=dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), ("09:00", "18:00")),
    holidays=[date(2026, 12, 1)],
)


def test_business_hours_skip_the_night() -> None:
    # Monday 17:30 Shanghai + 60 business minutes = Tuesday... but Tuesday Dec 1 is a holiday,
    # so 30 minutes on Monday and 30 on Wednesday at 09:30.
    start = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)  # 17:30 Shanghai, Monday
    due = add_counted_minutes(start, 60, calendar=WEEKDAYS_9_TO_18, time_zone="Asia/Shanghai")
    assert due == datetime(2026, 12, 2, 1, 30, tzinfo=UTC)  # Wednesday 09:30 Shanghai


def test_business_hours_across_one_night() -> None:
    calendar = BusinessCalendar(hours=dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), ("09:00", "18:00")))
    start = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)  # Monday 17:30 Shanghai
    due = add_counted_minutes(start, 60, calendar=calendar, time_zone="Asia/Shanghai")
    assert due == datetime(2026, 12, 1, 1, 30, tzinfo=UTC)  # Tuesday 09:30 Shanghai


def test_a_ticket_opened_at_night_starts_counting_at_opening_time() -> None:
    start = datetime(2026, 11, 29, 14, 0, tzinfo=UTC)  # Sunday 22:00 Shanghai
    due = add_counted_minutes(start, 20, calendar=WEEKDAYS_9_TO_18, time_zone="Asia/Shanghai")
    assert due == datetime(2026, 11, 30, 1, 20, tzinfo=UTC)  # Monday 09:20 Shanghai


def test_business_hours_and_pauses_combine() -> None:
    calendar = BusinessCalendar(hours={"mon": ("09:00", "18:00")})
    start = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # Monday 09:00 Shanghai
    pauses = [(start + timedelta(minutes=10), start + timedelta(minutes=40))]
    due = add_counted_minutes(start, 20, pauses=pauses, calendar=calendar, time_zone="Asia/Shanghai")
    assert due == start + timedelta(minutes=50)


@dataclass
class Policy:
    name: str
    category: TicketCategory | None
    priority: TicketPriority | None
    created_at: datetime
    active: bool = True


def test_the_most_specific_active_policy_wins() -> None:
    default = Policy("1234", None, None, T0)
    elevator = Policy("elevator", TicketCategory.ELEVATOR_FAULT, None, minutes(1))
    urgent = Policy("urgent", None, TicketPriority.URGENT, minutes(2))
    elevator_urgent = Policy(
        "elevator-urgent", TicketCategory.ELEVATOR_FAULT, TicketPriority.URGENT, minutes(3)
    )
    inactive = Policy("old", TicketCategory.ELEVATOR_FAULT, TicketPriority.URGENT, minutes(-5), active=False)
    policies = [default, elevator, urgent, elevator_urgent, inactive]
    pick = rules.match_policy
    assert pick(policies, TicketCategory.ELEVATOR_FAULT, TicketPriority.URGENT) is elevator_urgent
    assert pick(policies, TicketCategory.ELEVATOR_FAULT, TicketPriority.LOW) is elevator
    assert pick(policies, TicketCategory.FAULT, TicketPriority.URGENT) is urgent
    assert pick(policies, TicketCategory.INQUIRY, TicketPriority.NORMAL) is default
    assert pick([elevator], TicketCategory.INQUIRY, TicketPriority.NORMAL) is None
    twin = Policy("elevator-2", TicketCategory.ELEVATOR_FAULT, None, minutes(9))
    assert pick([twin, elevator], TicketCategory.ELEVATOR_FAULT, TicketPriority.LOW) is elevator


def test_status_changes_follow_the_workflow() -> None:
    assert rules.can_change(TicketStatus.OPEN, TicketStatus.WAITING)
    assert rules.can_change(TicketStatus.WAITING, TicketStatus.IN_PROGRESS)
    assert not rules.can_change(TicketStatus.CLOSED, TicketStatus.OPEN)
    assert not rules.can_change(TicketStatus.OPEN, TicketStatus.CLOSED)
    assert rules.ticket_number(123) == "T-000123"


def test_same_day_in_berlin_follows_summer_time() -> None:
    # 29 March 2026: Berlin moves from UTC+1 to UTC+2 at 02:00, the day has 23 hours.
    opened = datetime(2026, 3, 28, 23, 30, tzinfo=UTC)  # 00:30 on the 29th in Berlin (CET)
    assert end_of_local_day(opened, "Europe/Berlin") == datetime(2026, 3, 29, 22, 0, tzinfo=UTC)
    # 25 October 2026: back to UTC+1 at 03:00, the day has 25 hours.
    opened = datetime(2026, 10, 24, 22, 30, tzinfo=UTC)  # 00:30 on the 25th in Berlin (CEST)
    assert end_of_local_day(opened, "Europe/Berlin") == datetime(2026, 10, 25, 23, 0, tzinfo=UTC)
    # Shanghai has no summer time: always 16:00 UTC.
    assert end_of_local_day(opened, "Asia/Shanghai") == datetime(2026, 10, 25, 16, 0, tzinfo=UTC)


def test_minute_targets_count_real_minutes_across_the_summer_time_change() -> None:
    opened = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 01:30 CET, 30 minutes before the clocks jump
    assert add_counted_minutes(opened, 60, time_zone="Europe/Berlin") == opened + timedelta(hours=1)


def test_berlin_business_hours_resume_at_local_nine_after_the_change() -> None:
    weekdays = BusinessCalendar(hours=dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), ("09:00", "18:00")))
    friday_5pm = datetime(2026, 3, 27, 16, 0, tzinfo=UTC)  # 17:00 CET
    # One hour on Friday, the second from 09:00 CEST (07:00 UTC) on Monday.
    assert add_counted_minutes(friday_5pm, 120, calendar=weekdays, time_zone="Europe/Berlin") == datetime(
        2026, 3, 30, 8, 0, tzinfo=UTC
    )


def test_pausing_twice_moves_the_due_time_by_both_pauses() -> None:
    changes = [
        (minutes(0), TicketStatus.OPEN),
        (minutes(2), TicketStatus.WAITING),
        (minutes(5), TicketStatus.IN_PROGRESS),
        (minutes(6), TicketStatus.WAITING),
        (minutes(10), TicketStatus.OPEN),
    ]
    pauses = rules.pauses_from_status_changes(changes)
    assert pauses == [(minutes(2), minutes(5)), (minutes(6), minutes(10))]
    assert add_counted_minutes(T0, 20, pauses=pauses) == minutes(27)


def test_a_resolved_ticket_is_not_measured_even_past_its_due_time() -> None:
    due = minutes(20)
    state, due_in = rules.milestone_state(
        due_at=due, met_at=None, breached_at=None, anchor_reached=True, finished=True, now=minutes(60)
    )
    assert (state, due_in) == (MilestoneState.STOPPED, None)
    # Once marked, a breach shows whatever the status.
    state, _ = rules.milestone_state(
        due_at=due, met_at=None, breached_at=due, anchor_reached=True, finished=True, now=minutes(60)
    )
    assert state is MilestoneState.BREACHED
    # Reaching it late while resolved is a breach.
    assert state_when_met(due, minutes(21)) is MilestoneState.BREACHED


def test_milestones_anchored_on_creation_can_be_reached_in_any_order() -> None:
    later_reached_first = [
        HOTLINE_1234[0],
        MilestoneClock(target_minutes=20, same_day=False, anchor=SlaAnchor.CREATED, met_at=minutes(3)),
    ]
    assert rules.anchor_time(later_reached_first, 0, T0) == T0
    assert rules.due_times(later_reached_first, T0) == [minutes(10), minutes(20)]
