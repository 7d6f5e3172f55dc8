"""Job rules: backoff schedules and cron firing times in a tenant's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bizsuite.core.jobs.queue import backoff_policies
from bizsuite.core.jobs.rules import (
    BackoffPolicy,
    backoff_schedule,
    catch_up_fire_time,
    is_valid_cron,
    is_valid_time_zone,
    next_fire_time,
    retry_delay,
)
from bizsuite.settings import Settings


def test_backoff_grows_exponentially_up_to_the_cap_and_stops_after_the_last_attempt() -> None:
    policy = BackoffPolicy(max_attempts=6, base_seconds=10, factor=2, cap_seconds=60)
    assert backoff_schedule(policy) == [10, 20, 40, 60, 60]
    assert retry_delay(policy, 1) == 10
    assert retry_delay(policy, 5) == 60
    assert retry_delay(policy, 6) is None
    with pytest.raises(ValueError, match="starting at 1"):
        retry_delay(policy, 0)


def test_default_webhook_retries_last_about_a_day() -> None:
    policy = backoff_policies(Settings())["webhook"]
    delays = backoff_schedule(policy)
    assert len(delays) == 10  # 11 attempts
    assert delays[:3] == [30, 90, 270]
    assert max(delays) == 5 * 3600
    assert 20 * 3600 <= sum(delays) <= 28 * 3600


def test_backoff_intervals_come_from_settings() -> None:
    policy = backoff_policies(Settings(webhook_retry_base_ms=20, webhook_retry_max_attempts=3))["webhook"]
    assert backoff_schedule(policy) == pytest.approx([0.02, 0.06])


def test_cron_validation_takes_five_fields_only() -> None:
    assert is_valid_cron("0 9 25 * *")
    assert is_valid_cron("*/15 8-18 * * 1-5")
    assert not is_valid_cron("0 9 * *")
    assert not is_valid_cron("0 0 9 * * *")  # no seconds field
    assert not is_valid_cron("61 * * * *")
    assert is_valid_time_zone("Asia/Shanghai")
    assert not is_valid_time_zone("Mars/Olympus")


def test_daily_nine_oclock_in_shanghai_is_one_oclock_utc() -> None:
    after = datetime(2026, 5, 10, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai: today's 09:00 has passed
    fire = next_fire_time("0 9 * * *", "Asia/Shanghai", after)
    assert fire == datetime(2026, 5, 11, 1, 0, tzinfo=UTC)
    assert fire.astimezone(ZoneInfo("Asia/Shanghai")).hour == 9


def test_budget_reminder_on_the_25th_at_local_nine() -> None:
    after = datetime(2026, 1, 25, 0, 30, tzinfo=UTC)  # 08:30 on the 25th in Shanghai
    assert next_fire_time("0 9 25 * *", "Asia/Shanghai", after) == datetime(2026, 1, 25, 1, 0, tzinfo=UTC)


def test_local_time_holds_across_daylight_saving_changes() -> None:
    zone = "America/New_York"
    winter = next_fire_time("0 9 * * *", zone, datetime(2026, 3, 7, 15, 0, tzinfo=UTC))
    summer = next_fire_time("0 9 * * *", zone, winter)
    summer = next_fire_time("0 9 * * *", zone, summer)
    assert winter == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)  # 09:00 EDT (the change was at 02:00)
    assert summer == datetime(2026, 3, 10, 13, 0, tzinfo=UTC)
    before_change = next_fire_time("0 9 * * *", zone, datetime(2026, 3, 6, 15, 0, tzinfo=UTC))
    assert before_change == datetime(2026, 3, 7, 14, 0, tzinfo=UTC)  # 09:00 EST


def test_a_skipped_local_time_fires_once_an_hour_later_and_a_repeated_one_fires_once() -> None:
    zone = "Europe/Berlin"
    spring = next_fire_time("30 2 * * *", zone, datetime(2026, 3, 28, 12, 0, tzinfo=UTC))
    assert spring == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST: 02:30 did not exist
    autumn = next_fire_time("30 2 * * *", zone, datetime(2026, 10, 24, 12, 0, tzinfo=UTC))
    assert autumn == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 02:30 (CEST)
    after_autumn = next_fire_time("30 2 * * *", zone, autumn)
    assert after_autumn == datetime(2026, 10, 26, 1, 30, tzinfo=UTC)  # not the second 02:30


def test_a_late_schedule_fires_once_then_resumes_its_rhythm() -> None:
    fired = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)
    now = fired + timedelta(days=3, hours=5)  # no worker ran for three days
    assert catch_up_fire_time("0 9 * * *", "Asia/Shanghai", fired, now) == datetime(
        2026, 5, 5, 1, 0, tzinfo=UTC
    )
    assert catch_up_fire_time("0 9 * * *", "Asia/Shanghai", fired, fired) == datetime(
        2026, 5, 2, 1, 0, tzinfo=UTC
    )


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        next_fire_time("0 9 * * *", "Asia/Shanghai", datetime(2026, 1, 1))
