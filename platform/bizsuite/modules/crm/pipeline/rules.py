"""Pipeline rules as plain functions: default stages, the stage set's invariants, closing an
opportunity, weighted (expected) value and the forecast's month buckets."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from bizsuite.core.identity.models import Role
from bizsuite.modules.crm.models import StageKind

CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class DefaultStage:
    """A stage every tenant starts with, named in both UI languages."""

    name_zh: str
    name_en: str
    probability: int
    kind: StageKind

    def name(self, locale: str) -> str:
        """The stage's name in the tenant's locale (Chinese unless the tenant is English)."""
        return self.name_en if locale == "en" else self.name_zh


DEFAULT_STAGES: tuple[DefaultStage, ...] = (
    DefaultStage("线索", "Lead", 10, StageKind.OPEN),
    DefaultStage("需求确认", "Qualified", 25, StageKind.OPEN),
    DefaultStage("方案报价", "Proposal", 50, StageKind.OPEN),
    DefaultStage("商务谈判", "Negotiation", 75, StageKind.OPEN),
    DefaultStage("赢单", "Won", 100, StageKind.WON),
    DefaultStage("输单", "Lost", 0, StageKind.LOST),
)


def stage_set_problem(kinds: Iterable[StageKind]) -> str | None:
    """Why a tenant's set of stage kinds is not valid (exactly one won, at least one lost), or None."""
    counted = list(kinds)
    won = sum(1 for kind in counted if kind is StageKind.WON)
    if won != 1:
        return "the pipeline needs exactly one won stage"
    if not any(kind is StageKind.LOST for kind in counted):
        return "the pipeline needs at least one lost stage"
    return None


def reordered(current: Sequence[uuid.UUID], moving: uuid.UUID, position: int) -> list[uuid.UUID]:
    """The stage order after moving (or inserting) ``moving`` at 1-based ``position``.

    A position past the end puts the stage last.
    """
    rest = [stage_id for stage_id in current if stage_id != moving]
    at = max(0, min(position - 1, len(rest)))
    return [*rest[:at], moving, *rest[at:]]


def order_problem(current: Iterable[uuid.UUID], wanted: Sequence[uuid.UUID]) -> str | None:
    """Why ``wanted`` is not a complete ordering of the current stages, or None."""
    if len(set(wanted)) != len(wanted):
        return "lists a stage twice"
    if set(wanted) != set(current):
        return "must list every stage of the pipeline exactly once"
    return None


@dataclass(frozen=True, slots=True)
class Closing:
    """What an opportunity's closing fields become in a stage of some kind."""

    closed_at: dt.datetime | None
    close_reason: str | None


def closing(
    kind: StageKind,
    reason: str | None,
    now: dt.datetime,
    *,
    closed_at: dt.datetime | None = None,
) -> Closing:
    """Closing fields for an opportunity entering a stage of ``kind``.

    Won and lost stages close it (``closed_at`` is kept when it was already closed in a stage
    of the same outcome); a lost stage needs a reason; an open stage reopens it.
    Raises ``ValueError`` when a reason is missing for a lost stage.
    """
    cleaned = (reason or "").strip() or None
    if kind is StageKind.OPEN:
        return Closing(closed_at=None, close_reason=None)
    if kind is StageKind.LOST and cleaned is None:
        raise ValueError("a reason is required to mark an opportunity lost")
    return Closing(closed_at=closed_at or now, close_reason=cleaned)


#: How far ahead an expected close date may be (years); further is a typing mistake.
MAX_YEARS_AHEAD = 10
EARLIEST_CLOSE = dt.date(2000, 1, 1)


def expected_close_problem(day: dt.date, today: dt.date) -> str | None:
    """Why ``day`` is not a plausible expected close date, or None."""
    if day < EARLIEST_CLOSE:
        return "must be in the year 2000 or later"
    if day > today.replace(year=today.year + MAX_YEARS_AHEAD, day=min(today.day, 28)):
        return "must be at most 10 years ahead"
    return None


def weighted_value(amount: Decimal, probability: int) -> Decimal:
    """Expected value: ``amount × probability %``, rounded half-up to cents."""
    return (amount * Decimal(probability) / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)


def month_start(day: dt.date) -> dt.date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def add_months(month: dt.date, count: int) -> dt.date:
    """The first day of the month ``count`` months after ``month``'s (negative goes back)."""
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def forecast_months(today: dt.date, months: int) -> list[dt.date]:
    """The first days of ``months`` calendar months starting with ``today``'s month."""
    first = month_start(today)
    return [add_months(first, offset) for offset in range(months)]


def local_today(now: dt.datetime, time_zone: str) -> dt.date:
    """Today's date in the tenant's time zone."""
    from zoneinfo import ZoneInfo

    return now.astimezone(ZoneInfo(time_zone)).date()


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """One forecast month: open pipeline, its weighted value and what was won."""

    month: dt.date
    open_amount: Decimal = Decimal("0.00")
    weighted_amount: Decimal = Decimal("0.00")
    won_amount: Decimal = Decimal("0.00")


def forecast_table(
    months: Sequence[dt.date],
    open_rows: Iterable[tuple[dt.date, Decimal, Decimal]],
    won_rows: Iterable[tuple[dt.date, Decimal]],
) -> list[MonthFigures]:
    """Put grouped sums in their months (every month present, zero when empty).

    ``open_rows`` are ``(month, open amount, weighted amount)``; ``won_rows`` ``(month, won)``;
    rows outside ``months`` are ignored.
    """
    opened = {month_start(m): (amount, weighted) for m, amount, weighted in open_rows}
    won = {month_start(m): amount for m, amount in won_rows}
    zero = Decimal("0.00")
    return [
        MonthFigures(
            month=month,
            open_amount=(opened.get(month, (zero, zero))[0]).quantize(CENT),
            weighted_amount=(opened.get(month, (zero, zero))[1]).quantize(CENT, rounding=ROUND_HALF_UP),
            won_amount=won.get(month, zero).quantize(CENT),
        )
        for month in months
    ]


#: Who may move an opportunity to another stage or delete it (the 403 problem names the rule).
DEAL_RULE = "Only the opportunity's owner, a manager or an admin can move or delete it."


def may_move_or_delete(role: Role | None, user_id: uuid.UUID | None, owner_user_id: uuid.UUID | None) -> bool:
    """Whether someone may move a deal (change its stage) or delete it: a manager and above
    always; a member only their own deal (one with no owner is left to managers); a viewer never.
    An API key acts with its role and owns no deal."""
    if role is None or not role.at_least(Role.MEMBER):
        return False
    if role.at_least(Role.MANAGER):
        return True
    return user_id is not None and user_id == owner_user_id
