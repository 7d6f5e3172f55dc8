"""Job rules as plain functions: retry backoff and schedule firing times in a tenant's time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from croniter import croniter

#: Guard against cron expressions that never match (``0 0 30 2 *``).
_MAX_CRON_STEPS = 2_000


@dataclass(frozen=True, slots=True)
class BackoffPolicy:
    """Exponential backoff: wait ``base * factor ** (n - 1)`` after the n-th failed attempt, capped."""

    max_attempts: int
    base_seconds: float
    factor: float = 2.0
    cap_seconds: float = 3600.0


def retry_delay(policy: BackoffPolicy, attempts_made: int) -> float | None:
    """Seconds to wait before the next attempt, or ``None`` when the job has used all its attempts."""
    if attempts_made < 1:
        raise ValueError("attempts_made counts attempts already made, starting at 1")
    if attempts_made >= policy.max_attempts:
        return None
    return float(min(policy.base_seconds * policy.factor ** (attempts_made - 1), policy.cap_seconds))


def backoff_schedule(policy: BackoffPolicy) -> list[float]:
    """Every wait between attempts, in order (``max_attempts - 1`` values)."""
    delays: list[float] = []
    attempt = 1
    while (delay := retry_delay(policy, attempt)) is not None:
        delays.append(delay)
        attempt += 1
    return delays


def is_valid_cron(expression: str) -> bool:
    """Whether ``expression`` is a five-field cron expression (minute hour day month weekday)."""
    return len(expression.split()) == 5 and bool(croniter.is_valid(expression))


def is_valid_time_zone(name: str) -> bool:
    """Whether ``name`` is an IANA time zone such as ``Asia/Shanghai``."""
    if name not in available_timezones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def next_fire_time(expression: str, time_zone: str, after: datetime) -> datetime:
    """Return the first instant (UTC) strictly after ``after`` whose wall-clock time in
    ``time_zone`` matches the cron ``expression``.

    Cron fields are read as local wall-clock time, so ``0 9 * * *`` fires at 09:00 in the
    tenant's zone all year round, across daylight-saving changes. A local time skipped by a
    spring-forward change fires as if the clock had not jumped (``02:30`` becomes ``03:30``);
    a local time that occurs twice in autumn fires once, at its first occurrence.
    """
    if after.tzinfo is None:
        raise ValueError("after must be timezone-aware")
    zone = ZoneInfo(time_zone)
    local_after = after.astimezone(zone).replace(tzinfo=None)
    candidates = croniter(expression, local_after)
    for _ in range(_MAX_CRON_STEPS):
        wall_clock: datetime = candidates.get_next(datetime)
        fire = wall_clock.replace(tzinfo=zone).astimezone(UTC)
        if fire > after:
            return fire
    raise ValueError(f"cron expression {expression!r} does not fire")


def catch_up_fire_time(expression: str, time_zone: str, fired_at: datetime, now: datetime) -> datetime:
    """The next firing after one that ran at ``fired_at``; occurrences missed while no worker ran are
    skipped (a schedule fires once when it is late, not once per missed occurrence)."""
    return next_fire_time(expression, time_zone, max(fired_at, now))
