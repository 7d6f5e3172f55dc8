"""Venue audio rules without a database: priority arbitration (worked sequences and property tests
over random sequences), N+1 emergency zone selection for every case of the spec, daily windows in
the venue's time zone and heartbeat faults."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from bizsuite.modules.venue_audio.rules import (
    FULL_VOLUME,
    DailyWindow,
    EmergencyPolicy,
    Priority,
    Program,
    ZonePlace,
    announcement_start,
    arbitrate,
    emergency_zones,
    heartbeat_overdue,
    next_change,
    occurrence,
)
from hypothesis import given, settings
from hypothesis import strategies as st

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
ZONES = {"f1": 40, "f2": 50, "f3": 60}


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def music(pid: str, zones: set[str], start: float = 0, end: float | None = 600) -> Program:
    return Program(
        pid, Priority.MUSIC, frozenset(zones), at(start), at(end) if end is not None else None, source=pid
    )


def paging(pid: str, zones: set[str], start: float, end: float | None) -> Program:
    return Program(pid, Priority.PAGING, frozenset(zones), at(start), at(end) if end is not None else None)


def announcement(pid: str, zones: set[str], start: float, length: float, hold: float = 60) -> Program:
    return Program(
        pid,
        Priority.ANNOUNCEMENT,
        frozenset(zones),
        at(start),
        at(start + hold),
        duration=timedelta(minutes=length),
    )


def emergency(pid: str, zones: set[str], start: float, end: float | None = None) -> Program:
    return Program(pid, Priority.EMERGENCY, frozenset(zones), at(start), at(end) if end is not None else None)


# --- Arbitration: worked sequences --------------------------------------------------------


def test_silence_when_nothing_plays() -> None:
    board = arbitrate(ZONES, [], at(1))
    assert all(play.silent and play.volume == ZONES[zone] for zone, play in board.items())


def test_music_plays_at_the_zone_volume_from_its_start() -> None:
    board = arbitrate(ZONES, [music("bgm", {"f1", "f2"})], at(10))
    assert board["f1"].program_id == "bgm" and board["f1"].volume == 40
    assert board["f1"].position == timedelta(minutes=10)
    assert board["f3"].silent


def test_paging_preempts_music_and_music_resumes_where_it_was() -> None:
    programs = [music("bgm", {"f1", "f2"}), paging("page", {"f1"}, 10, 13)]
    during = arbitrate(ZONES, programs, at(11))
    assert during["f1"].program_id == "page" and during["f1"].waiting == ("bgm",)
    assert during["f2"].program_id == "bgm"  # only the paged zone stops
    after = arbitrate(ZONES, programs, at(15))
    assert after["f1"].program_id == "bgm"
    assert after["f1"].position == timedelta(minutes=12)  # 15 minutes less the 3 of the page
    assert after["f2"].position == timedelta(minutes=15)


def test_a_preempted_announcement_starts_again_from_the_beginning() -> None:
    programs = [announcement("ann", {"f1"}, 10, 2), paging("page", {"f1"}, 11, 12)]
    assert arbitrate(ZONES, programs, at(10.5))["f1"].position == timedelta(minutes=0.5)
    resumed = arbitrate(ZONES, programs, at(12.5))["f1"]
    assert resumed.program_id == "ann" and resumed.position == timedelta(minutes=0.5)
    assert arbitrate(ZONES, programs, at(13.9))["f1"].program_id == "ann"
    assert arbitrate(ZONES, programs, at(14))["f1"].silent  # played whole from 12 to 14


def test_an_announcement_preempts_music_which_resumes_after_it() -> None:
    programs = [music("bgm", {"f1"}), announcement("ann", {"f1"}, 30, 1)]
    assert arbitrate(ZONES, programs, at(30.5))["f1"].program_id == "ann"
    back = arbitrate(ZONES, programs, at(32))["f1"]
    assert back.program_id == "bgm" and back.position == timedelta(minutes=31)


def test_an_announcement_never_played_whole_within_its_hold_is_dropped() -> None:
    programs = [announcement("ann", {"f1"}, 10, 2, hold=5), paging("page", {"f1"}, 10, 20)]
    assert arbitrate(ZONES, programs, at(21))["f1"].silent


def test_equal_priority_is_first_come_and_the_second_waits() -> None:
    programs = [paging("first", {"f1"}, 10, 15), paging("second", {"f1", "f2"}, 11, 20)]
    board = arbitrate(ZONES, programs, at(12))
    assert board["f1"].program_id == "first" and board["f1"].waiting == ("second",)
    assert board["f2"].program_id == "second"
    assert arbitrate(ZONES, programs, at(16))["f1"].program_id == "second"


def test_emergency_cuts_everything_at_full_volume_and_the_rest_resumes_on_clear() -> None:
    programs = [
        music("bgm", set(ZONES)),
        paging("page", {"f2"}, 10, None),
        emergency("fire", {"f1", "f2"}, 12, 20),
    ]
    during = arbitrate(ZONES, programs, at(13))
    assert {z: p.program_id for z, p in during.items()} == {"f1": "fire", "f2": "fire", "f3": "bgm"}
    assert during["f1"].volume == FULL_VOLUME and during["f1"].priority == Priority.EMERGENCY
    assert during["f2"].waiting == ("page", "bgm")
    cleared = arbitrate(ZONES, programs, at(21))
    assert cleared["f2"].program_id == "page"  # the live page still runs, above the music
    assert cleared["f1"].program_id == "bgm" and cleared["f1"].position == timedelta(minutes=13)


def test_a_program_starting_later_changes_nothing_now() -> None:
    programs = [music("bgm", {"f1"}), emergency("fire", {"f1"}, 30)]
    assert arbitrate(ZONES, programs, at(29))["f1"].program_id == "bgm"


def test_the_programs_own_volume_wins_over_the_zone_volume_except_in_an_emergency() -> None:
    loud = Program("bgm", Priority.MUSIC, frozenset({"f1"}), at(0), None, volume=70)
    assert arbitrate(ZONES, [loud], at(1))["f1"].volume == 70


# --- Arbitration: property tests over random sequences ---------------------------------------

ZONE_IDS = ("z1", "z2", "z3", "z4")


@st.composite
def random_programs(draw: st.DrawFn) -> list[Program]:
    count = draw(st.integers(min_value=0, max_value=8))
    programs = []
    for index in range(count):
        priority = draw(st.sampled_from(list(Priority)))
        zones = frozenset(draw(st.sets(st.sampled_from(ZONE_IDS), min_size=1)))
        start = draw(st.integers(min_value=0, max_value=100))
        length = draw(st.integers(min_value=1, max_value=60))
        open_ended = draw(st.booleans()) and priority in (Priority.PAGING, Priority.EMERGENCY)
        duration = None
        if priority == Priority.ANNOUNCEMENT:
            duration = timedelta(minutes=draw(st.integers(min_value=1, max_value=10)))
        programs.append(
            Program(
                f"p{index}",
                priority,
                zones,
                at(start),
                None if open_ended else at(start + length),
                duration=duration,
            )
        )
    return programs


def _in_window(program: Program, moment: datetime) -> bool:
    return program.start <= moment and (program.end is None or moment < program.end)


@settings(max_examples=300, deadline=None)
@given(random_programs(), st.integers(min_value=0, max_value=180))
def test_one_program_per_zone_and_never_a_lower_one_over_a_live_higher_one(
    programs: list[Program], minute: int
) -> None:
    moment = at(minute)
    board = arbitrate(dict.fromkeys(ZONE_IDS, 50), programs, moment)
    assert set(board) == set(ZONE_IDS)
    by_id = {p.id: p for p in programs}
    for zone, play in board.items():
        here = [p for p in programs if zone in p.zones and _in_window(p, moment)]
        # Live programs other than announcements (which may have finished) bound the winner.
        sure = [p for p in here if p.priority != Priority.ANNOUNCEMENT]
        if play.silent:
            assert not sure
            continue
        winner = by_id[play.program_id or ""]
        assert zone in winner.zones and _in_window(winner, moment)
        assert all(p.priority <= winner.priority for p in sure)
        assert play.program_id not in play.waiting
        if any(p.priority == Priority.EMERGENCY for p in here):
            assert winner.priority == Priority.EMERGENCY and play.volume == FULL_VOLUME
            first = min((p for p in here if p.priority == Priority.EMERGENCY), key=lambda p: (p.start, p.id))
            assert winner.id == first.id
        same = [p for p in sure if p.priority == winner.priority]
        if same and winner.priority != Priority.ANNOUNCEMENT:
            assert winner.id == min(same, key=lambda p: (p.start, p.id)).id


def test_the_next_change_is_when_a_page_ends_or_an_announcement_finishes() -> None:
    programs = [music("bgm", {"f1", "f2"}, 0, 600), paging("page", {"f1"}, 10, 13.5)]
    plays = arbitrate(ZONES, programs, at(11))
    assert next_change(programs, plays, at(11)) == at(13.5)  # the page's end, not a minute boundary
    spoken = [music("bgm", {"f1"}, 0, 600), announcement("ann", {"f1"}, 30, 0.75)]
    plays = arbitrate(ZONES, spoken, at(30.25))
    assert next_change(spoken, plays, at(30.25)) == at(30.75)  # it finishes before its hold ends
    assert next_change([music("bgm", {"f1"}, 0, None)], {}, at(5)) is None  # nothing is due


@settings(max_examples=200, deadline=None)
@given(random_programs(), st.integers(min_value=0, max_value=170))
def test_nothing_changes_by_itself_before_the_next_change(programs: list[Program], minute: int) -> None:
    zones = dict.fromkeys(ZONE_IDS, 50)
    now = at(minute)
    plays = arbitrate(zones, programs, now)
    due = next_change(programs, plays, now)
    horizon = due if due is not None else at(240)
    for moment in (now + (horizon - now) / 2, horizon - timedelta(microseconds=1)):
        later = arbitrate(zones, programs, moment)
        assert {z: p.program_id for z, p in later.items()} == {z: p.program_id for z, p in plays.items()}


@settings(max_examples=200, deadline=None)
@given(random_programs(), st.integers(min_value=0, max_value=170), st.integers(min_value=1, max_value=10))
def test_music_only_advances_while_it_plays_and_never_jumps(
    programs: list[Program], minute: int, step: int
) -> None:
    zones = dict.fromkeys(ZONE_IDS, 50)
    before = arbitrate(zones, programs, at(minute))
    after = arbitrate(zones, programs, at(minute + step))
    musics = {p.id for p in programs if p.priority == Priority.MUSIC}
    for zone in ZONE_IDS:
        a, b = before[zone], after[zone]
        if a.program_id in musics and a.program_id == b.program_id:
            advanced = b.position - a.position
            assert timedelta(0) <= advanced <= timedelta(minutes=step)


@settings(max_examples=200, deadline=None)
@given(random_programs(), st.integers(min_value=0, max_value=180))
def test_nothing_lower_plays_while_an_emergency_is_live_anywhere_it_covers(
    programs: list[Program], minute: int
) -> None:
    moment = at(minute)
    board = arbitrate(dict.fromkeys(ZONE_IDS, 50), programs, moment)
    for program in programs:
        if program.priority == Priority.EMERGENCY and _in_window(program, moment):
            for zone in program.zones:
                assert board[zone].priority == Priority.EMERGENCY


# --- Emergency zone selection (N+1) ----------------------------------------------------------

#: A 12-floor building with two basements (one zone per level) and a scenic area.
BUILDING = [
    ZonePlace("B2", 2, basement=True),
    ZonePlace("B1", 1, basement=True),
    *[ZonePlace(f"F{n}", n) for n in range(1, 13)],
    ZonePlace("AREA", None),
]


def phased(**alarm: object) -> list[str]:
    return emergency_zones(BUILDING, policy=EmergencyPolicy.PHASED, **alarm)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("alarm", "expected"),
    [
        ({"floor": 5}, ["F4", "F5", "F6"]),
        ({"floor": 2}, ["F1", "F2", "F3"]),
        ({"floor": 12}, ["F11", "F12"]),  # the top floor: there is no N+1
        ({"floor": 1}, ["B2", "B1", "F1", "F2"]),  # the ground floor: with floor 2 and all basements
        ({"floor": 1, "basement": True}, ["B2", "B1", "F1"]),  # a basement: all basements and ground
        ({"floor": 2, "basement": True}, ["B2", "B1", "F1"]),  # the lowest basement
        ({"zone_id": "F8"}, ["F7", "F8", "F9"]),
        ({"zone_id": "B2"}, ["B2", "B1", "F1"]),
        ({"zone_id": "AREA"}, ["AREA"]),  # an area without floors covers itself
        ({"zone_id": "nowhere"}, []),
    ],
)
def test_phased_alarms_follow_the_n_plus_1_rule(alarm: dict[str, object], expected: list[str]) -> None:
    assert phased(**alarm) == expected


def test_all_call_and_the_all_zones_policy_cover_every_zone() -> None:
    every = [z.id for z in BUILDING]
    assert phased(floor=5, all_call=True) == every
    assert emergency_zones(BUILDING, policy=EmergencyPolicy.ALL_ZONES, floor=5) == every


def test_several_zones_on_one_floor_are_all_covered() -> None:
    zones = [ZonePlace("5E", 5), ZonePlace("5W", 5), ZonePlace("4", 4), ZonePlace("7", 7)]
    assert emergency_zones(zones, policy=EmergencyPolicy.PHASED, floor=5) == ["5E", "5W", "4"]


# --- Daily windows in the venue's time zone ----------------------------------------------------

WEEKDAYS = frozenset(range(5))


def test_a_daily_window_is_read_in_the_venue_time_zone() -> None:
    window = DailyWindow(time(9), time(18), WEEKDAYS)
    # Monday 2026-05-04 01:30 UTC is 09:30 in Shanghai.
    found = occurrence(window, "Asia/Shanghai", datetime(2026, 5, 4, 1, 30, tzinfo=UTC))
    assert found == (datetime(2026, 5, 4, 1, 0, tzinfo=UTC), datetime(2026, 5, 4, 10, 0, tzinfo=UTC))
    assert occurrence(window, "Asia/Shanghai", datetime(2026, 5, 4, 10, 0, tzinfo=UTC)) is None
    # Saturday is not a weekday of the window.
    assert occurrence(window, "Asia/Shanghai", datetime(2026, 5, 9, 2, 0, tzinfo=UTC)) is None


def test_a_window_past_midnight_belongs_to_the_day_it_starts() -> None:
    window = DailyWindow(time(22), time(2), frozenset({4}))  # Friday night
    saturday_1am = datetime(2026, 5, 9, 1, 0, tzinfo=UTC)
    assert occurrence(window, "UTC", saturday_1am) == (
        datetime(2026, 5, 8, 22, 0, tzinfo=UTC),
        datetime(2026, 5, 9, 2, 0, tzinfo=UTC),
    )
    assert occurrence(window, "UTC", datetime(2026, 5, 10, 1, 0, tzinfo=UTC)) is None


def test_summer_time_keeps_the_local_hour() -> None:
    window = DailyWindow(time(9), time(10), frozenset(range(7)))
    winter = occurrence(window, "Europe/Berlin", datetime(2026, 3, 28, 8, 30, tzinfo=UTC))
    summer = occurrence(window, "Europe/Berlin", datetime(2026, 3, 30, 7, 30, tzinfo=UTC))
    assert winter is not None and winter[0].hour == 8
    assert summer is not None and summer[0].hour == 7


def test_a_schedule_skips_the_venue_holidays_by_its_local_date() -> None:
    window = DailyWindow(time(9), time(18), frozenset(range(7)))
    national_day = frozenset({date(2026, 10, 1)})
    # 2026-10-01 02:00 UTC is 10:00 in Shanghai on the holiday; 2026-09-30 23:00 UTC is 07:00 there.
    assert occurrence(window, "Asia/Shanghai", datetime(2026, 10, 1, 2, tzinfo=UTC), national_day) is None
    assert occurrence(window, "Asia/Shanghai", datetime(2026, 10, 2, 2, tzinfo=UTC), national_day) is not None
    overnight = DailyWindow(time(22), time(2), frozenset(range(7)))
    # The night that starts on 30 September runs into the holiday: it belongs to the day it starts.
    assert occurrence(overnight, "UTC", datetime(2026, 10, 1, 1, tzinfo=UTC), national_day) is not None
    hold = timedelta(minutes=30)
    noon = datetime(2026, 10, 1, 4, 10, tzinfo=UTC)  # 12:10 in Shanghai
    assert announcement_start(time(12), frozenset(range(7)), "Asia/Shanghai", noon, hold) is not None
    assert (
        announcement_start(time(12), frozenset(range(7)), "Asia/Shanghai", noon, hold, national_day) is None
    )


def test_a_timed_announcement_stays_due_for_its_hold() -> None:
    hold = timedelta(minutes=30)
    due = announcement_start(time(12), WEEKDAYS, "UTC", datetime(2026, 5, 4, 12, 10, tzinfo=UTC), hold)
    assert due == datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
    assert (
        announcement_start(time(12), WEEKDAYS, "UTC", datetime(2026, 5, 4, 12, 31, tzinfo=UTC), hold) is None
    )


def test_a_device_is_faulty_once_silent_past_its_interval() -> None:
    interval = timedelta(seconds=60)
    registered = at(0)
    assert not heartbeat_overdue(at(0.5), interval, at(1.5), since=registered)
    assert heartbeat_overdue(at(0.5), interval, at(1.6), since=registered)
    assert heartbeat_overdue(None, interval, at(2), since=registered)
    assert not heartbeat_overdue(None, interval, at(0.9), since=registered)
