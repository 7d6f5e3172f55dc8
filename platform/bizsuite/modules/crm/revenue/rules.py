"""Key-account tiers, churn decline streaks and revenue-file rows, as plain functions.

These are the reference the set-based SQL of ``services.py`` must agree with (a test compares
both on random data).

- **Tiers (大客户分级):** accounts ranked by trailing-12-month revenue, largest first (ties by
  account id); an account is tier A when the revenue of the accounts ranked before it is below
  ``a_share`` of the total (so tier A is the smallest set reaching that share), B below
  ``b_share``, else C. Accounts without revenue in the window have no tier.
- **Decline streaks (客户流失):** a month *declines* when its revenue is strictly below the
  previous month's; equal months break a streak. Inside an account's data range (its first to its
  last month with a row) a missing month counts as 0; outside it there is nothing to compare.
  An account is *at risk* when the streak ending at the tenant's latest month is at least ``n``.
- **The stored streak:** each account keeps its last month with a row and the decline streak
  ending there (:func:`account_streak`); neither depends on ``n`` nor on the other accounts, so
  a revenue change recomputes only the accounts it touches and a new ``n`` recomputes nothing.
  The watch list is then a plain filter (:func:`on_watch_list`): the streak ends at the
  tenant's latest month and is at least ``n`` long.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from bizsuite.modules.crm.models import Tier
from bizsuite.web.i18n import N_

KeyT = TypeVar("KeyT", bound=Hashable)

#: Months in the trailing window of tiers and of the revenue at stake.
TRAILING_MONTHS = 12
#: ``2026-03``; also what spreadsheets write for a date cell saved as CSV (``2026/3/1``,
#: ``2026-03-01``) and ``2026年3月``. A day, when given, must be a real day; it is ignored.
MONTH_PATTERN = re.compile(r"^(\d{4})(?:([-/])(\d{1,2})(?:\2(\d{1,2}))?|年(\d{1,2})月)$")
#: The largest amount a month may hold (``Numeric(18, 2)``).
MAX_AMOUNT = Decimal("9999999999999999.99")


# --- months -------------------------------------------------------------------------------------


def parse_month(text: str) -> date:
    """``"2026-03"`` -> ``date(2026, 3, 1)``; raises ``ValueError`` for anything else."""
    match = MONTH_PATTERN.match(text.strip())
    if not match:
        raise ValueError("must be a month like 2026-03")
    year, month = int(match.group(1)), int(match.group(3) or match.group(5))
    if not 1 <= month <= 12 or year < 1900:
        raise ValueError("must be a month like 2026-03")
    if match.group(4):
        try:
            date(year, month, int(match.group(4)))
        except ValueError:
            raise ValueError("must be a month like 2026-03") from None
    return date(year, month, 1)


def latest_month_allowed(today: date, future_months: int) -> date:
    """The last month revenue may be recorded for: the current month plus ``future_months``."""
    return add_months(date(today.year, today.month, 1), future_months)


def month_too_late(month: date, latest: date) -> str | None:
    """Why ``month`` is refused (after the ``latest`` allowed month), or ``None``."""
    if month > latest:
        return f"must not be after {month_label(latest)}"
    return None


def month_label(month: date) -> str:
    """``date(2026, 3, 1)`` -> ``"2026-03"``."""
    return f"{month.year:04d}-{month.month:02d}"


def add_months(month: date, count: int) -> date:
    """The first day of the month ``count`` months after ``month`` (negative: before)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    """How many months ``last`` is after ``first`` (0 for the same month)."""
    return (last.year - first.year) * 12 + last.month - first.month


def parse_amount(text: str) -> Decimal:
    """A revenue amount: a decimal with at most 2 places, not negative; raises ``ValueError``.

    Thousands separators and a leading yuan sign are accepted (``1,234.50``, ``¥1234``, ``￥1234``,
    ``RMB 1234``); ``-0`` is zero.
    """
    cleaned = text.strip().replace(",", "").replace("，", "")
    for sign in ("¥", "￥", "RMB", "CNY"):
        if cleaned.upper().startswith(sign):
            cleaned = cleaned[len(sign) :].strip()
            break
    if "e" in cleaned.lower():
        raise ValueError("must be written in plain digits, not scientific notation")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError("must be a number like 12345.67") from None
    if value.is_finite() and value.adjusted() >= 16:
        # Checked before rounding: 28 digits and more overflow the decimal context.
        raise ValueError("must have at most 16 digits before the decimal point")
    if not value.is_finite():
        raise ValueError("must be a number like 12345.67")
    if value < 0:
        raise ValueError("must not be negative")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError("must have at most 2 decimal places")
    if value > MAX_AMOUNT:
        raise ValueError("is too large")
    # ``-0`` is zero (never stored or shown as "-0.00").
    return abs(value.quantize(Decimal("0.01")))


# --- tiers --------------------------------------------------------------------------------------


def tiers(revenues: Mapping[KeyT, Decimal], a_share: Decimal, b_share: Decimal) -> dict[KeyT, Tier]:
    """Tier of every account with revenue (> 0); accounts with none are left out (no tier).

    Ranking is by revenue, largest first, ties by key (the account id in the database).
    """
    ranked = sorted(((v, k) for k, v in revenues.items() if v > 0), key=lambda p: (-p[0], p[1]))
    total = sum((v for v, _ in ranked), Decimal(0))
    result: dict[KeyT, Tier] = {}
    before = Decimal(0)
    for value, key in ranked:
        if before < a_share * total:
            result[key] = Tier.A
        elif before < b_share * total:
            result[key] = Tier.B
        else:
            result[key] = Tier.C
        before += value
    return result


def share(part: Decimal, total: Decimal) -> Decimal:
    """``part`` as a fraction of ``total`` (4 places; 0 when there is no total)."""
    return (part / total).quantize(Decimal("0.0001")) if total else Decimal(0)


def tier_shares_valid(a_share: Decimal, b_share: Decimal) -> str | None:
    """Why the shares are not usable (``None`` when they are): 0 < A < B <= 1."""
    if not Decimal(0) < a_share < Decimal(1):
        return "tier_a_share"
    if not a_share < b_share <= Decimal(1):
        return "tier_b_share"
    return None


# --- churn --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeclineStreak:
    """The run of consecutive declining months ending at a series' last month."""

    #: Consecutive declines ending at the last month (0: the last month did not decline).
    months: int
    #: Whether ``months`` reaches the tenant's threshold ``n``.
    at_risk: bool


def declines_at_end(series: Sequence[Decimal | int]) -> int:
    """How many consecutive months at the end of ``series`` (oldest first) declined, each strictly
    below the month before it (0 when the last month did not decline).

    >>> declines_at_end([100, 90, 80, 70])
    3
    >>> declines_at_end([100, 90, 90, 80])
    1
    """
    months = 0
    for previous, current in itertools.pairwise(series):
        months = months + 1 if current < previous else 0
    return months


def decline_streak(series: Sequence[Decimal | int], n: int) -> DeclineStreak:
    """The decline streak at the end of ``series`` (consecutive months, oldest first).

    >>> decline_streak([100, 90, 80, 70], 3)
    DeclineStreak(months=3, at_risk=True)
    >>> decline_streak([100, 90, 80, 70, 75], 3)
    DeclineStreak(months=0, at_risk=False)
    """
    months = declines_at_end(series)
    return DeclineStreak(months=months, at_risk=months >= n)


def filled_series(points: Mapping[date, Decimal]) -> list[tuple[date, Decimal]]:
    """An account's months from its first to its last row, missing months as 0."""
    if not points:
        return []
    first, last = min(points), max(points)
    return [
        (month, points.get(month, Decimal(0)))
        for month in (add_months(first, i) for i in range(months_between(first, last) + 1))
    ]


@dataclass(frozen=True, slots=True)
class AccountStreak:
    """What an account row keeps of its revenue for the watch list (``decline_streak`` and
    ``last_revenue_month``): independent of the tenant's threshold and of other accounts."""

    #: The account's last month with a row (``None``: no revenue at all).
    last_month: date | None
    #: Consecutive declines ending at ``last_month`` (gaps inside the range count as 0).
    months: int

    @property
    def start(self) -> date | None:
        """The first declining month of the streak (``None`` without a streak)."""
        if self.last_month is None or self.months == 0:
            return None
        return add_months(self.last_month, -(self.months - 1))


def account_streak(points: Mapping[date, Decimal]) -> AccountStreak:
    """An account's stored streak from its months (month -> amount, gaps allowed).

    >>> account_streak({date(2026, 1, 1): Decimal(100), date(2026, 2, 1): Decimal(90)})
    AccountStreak(last_month=datetime.date(2026, 2, 1), months=1)
    """
    series = filled_series(points)
    if not series:
        return AccountStreak(last_month=None, months=0)
    return AccountStreak(last_month=series[-1][0], months=declines_at_end([a for _, a in series]))


def on_watch_list(streak: AccountStreak, as_of: date | None, n: int) -> bool:
    """Whether an account with this stored streak is at risk: its streak ends at the tenant's
    latest month (``as_of``) and is at least ``n`` months long."""
    return as_of is not None and streak.last_month == as_of and streak.months >= n


@dataclass(frozen=True, slots=True)
class ChurnRiskFinding:
    """An account at risk as of the tenant's latest month."""

    streak_start: date
    months_declining: int
    revenue_at_stake: Decimal


def churn_risks(revenue: Mapping[KeyT, Mapping[date, Decimal]], n: int) -> dict[KeyT, ChurnRiskFinding]:
    """Accounts at risk as of the tenant's latest month (the latest month with any row).

    An account is considered only if it has a row in that month (its data range ends there).
    The revenue at stake is its revenue in the 12 months ending then.
    """
    months = [m for points in revenue.values() for m in points]
    if not months:
        return {}
    as_of = max(months)
    window_start = add_months(as_of, -(TRAILING_MONTHS - 1))
    found: dict[KeyT, ChurnRiskFinding] = {}
    for key, points in revenue.items():
        streak = account_streak(points)
        if on_watch_list(streak, as_of, n) and streak.start is not None:
            found[key] = ChurnRiskFinding(
                streak_start=streak.start,
                months_declining=streak.months,
                revenue_at_stake=sum((a for m, a in points.items() if m >= window_start), Decimal(0)),
            )
    return found


def trailing_revenue(revenue: Mapping[KeyT, Mapping[date, Decimal]]) -> dict[KeyT, Decimal]:
    """Each account's revenue in the 12 months ending at the tenant's latest month."""
    months = [m for points in revenue.values() for m in points]
    if not months:
        return {}
    as_of = max(months)
    window_start = add_months(as_of, -(TRAILING_MONTHS - 1))
    return {
        key: sum((a for m, a in points.items() if window_start <= m <= as_of), Decimal(0))
        for key, points in revenue.items()
    }


# --- revenue files ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RevenueRow:
    """A valid row of a revenue file (``imports.py`` declares the importer): which account code,
    month and amount."""

    row: int
    account_code: str
    month: date
    amount: Decimal


# --- alerts -------------------------------------------------------------------------------------


#: The churn alert's title and body, shown in each reader's language (filled by :func:`churn_alert_params`).
CHURN_ALERT_TITLE = N_("Churn risk: %(account)s's revenue declined %(months)s months in a row")
CHURN_ALERT_BODY = N_(
    "Account %(code)s; declining since %(since)s; revenue at stake (12 months) %(at_stake)s"
)


def churn_alert_params(
    account_name: str, code: str, months: int, at_stake: Decimal, streak_start: date
) -> dict[str, str | int]:
    """What the churn alert's title and body say: the account, the streak and the revenue at stake."""
    return {
        "account": account_name,
        "months": months,
        "code": code,
        "since": month_label(streak_start),
        "at_stake": f"{at_stake:,.2f}",
    }
