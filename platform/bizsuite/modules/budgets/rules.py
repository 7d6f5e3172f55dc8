"""Budgets domain rules: plain functions over plain values, unit-tested without a database.

Periods (month ``2027-01``, quarter ``2027-Q1``, year ``2027``), compiling a line (fixed,
incremental on last year's actual, ratio of forecast sales), budget control (hard, soft, warn,
off; per period, cumulative or both), what an expense uses of its line (pending, committed,
actual — an advance settled by a reimbursement is never counted twice), adjustments, analysis
(variance and % used), overrun explanations and the monthly submission calendar.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bizsuite.modules.budgets.models import (
    CheckScope,
    ControlMode,
    ExpenseKind,
    ExpenseStatus,
    Granularity,
    LineMethod,
)

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)
#: The largest amount a money column holds (NUMERIC(18, 2)).
MAX_AMOUNT = Decimal("9999999999999999.99")


def money(value: Decimal) -> Decimal:
    """Rounded half-up to the cent."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def shown(value: Decimal) -> str:
    """An amount as formulas show it: ``10,000,000.00``."""
    return f"{money(value):,.2f}"


def pct(value: Decimal) -> str:
    """A percentage as formulas show it, without trailing zeros: ``6.5%``, ``0.3%``."""
    text = format(value.normalize(), "f")
    return f"{text}%"


def amount_error(value: Decimal, *, positive: bool = False) -> str | None:
    """Why ``value`` is not a usable amount, or None."""
    if not value.is_finite():
        return "must be a number"
    if value != value.quantize(CENT):
        return "at most 2 decimals"
    if value < 0 or (positive and value == 0):
        return "must be greater than 0" if positive else "must not be negative"
    if value > MAX_AMOUNT:
        return f"must be at most {MAX_AMOUNT}"
    return None


def percent_error(value: Decimal, *, at_most: Decimal = Decimal(1000)) -> str | None:
    """Why ``value`` is not a usable percentage (0 to ``at_most``, 4 decimals), or None."""
    if not value.is_finite():
        return "must be a number"
    if value != value.quantize(Decimal("0.0001")):
        return "at most 4 decimals"
    if value < -100 or value > at_most:
        return f"must be between -100 and {at_most}"
    return None


# --- periods --------------------------------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def granularity_of(period: str) -> Granularity | None:
    """Whether ``period`` is a month, a quarter or a year (None: not a period)."""
    if _MONTH.match(period):
        return Granularity.MONTH
    if _QUARTER.match(period):
        return Granularity.QUARTER
    if _YEAR.match(period):
        return Granularity.YEAR
    return None


def year_of(period: str) -> int:
    """The year a period belongs to."""
    return int(period[:4])


def periods(granularity: Granularity, year: int) -> list[str]:
    """Every period of ``year`` at ``granularity``, in order."""
    if granularity is Granularity.MONTH:
        return [f"{year}-{m:02d}" for m in range(1, 13)]
    if granularity is Granularity.QUARTER:
        return [f"{year}-Q{q}" for q in range(1, 5)]
    return [str(year)]


def period_error(granularity: Granularity, year: int, period: str) -> str | None:
    """Why ``period`` is not a period of a plan of ``year`` by ``granularity``, or None."""
    if period not in periods(granularity, year):
        example = periods(granularity, year)[0]
        return f"must be a {granularity.value} of {year}, like {example}"
    return None


def months_of(period: str) -> list[str]:
    """The months a period covers (``2027-Q2`` → 2027-04, 2027-05, 2027-06)."""
    kind = granularity_of(period)
    year = year_of(period)
    if kind is Granularity.MONTH:
        return [period]
    if kind is Granularity.QUARTER:
        q = int(period[-1])
        return [f"{year}-{m:02d}" for m in range(3 * q - 2, 3 * q + 1)]
    if kind is Granularity.YEAR:
        return periods(Granularity.MONTH, year)
    raise ValueError(f"not a period: {period!r}")


def period_bounds(period: str) -> tuple[date, date]:
    """The first and last day of a period."""
    months = months_of(period)
    first_year, first_month = (int(x) for x in months[0].split("-"))
    last_year, last_month = (int(x) for x in months[-1].split("-"))
    last_day = calendar.monthrange(last_year, last_month)[1]
    return date(first_year, first_month, 1), date(last_year, last_month, last_day)


def period_of(day: date, granularity: Granularity) -> str:
    """The period of ``granularity`` that holds ``day``."""
    if granularity is Granularity.MONTH:
        return f"{day.year}-{day.month:02d}"
    if granularity is Granularity.QUARTER:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def last_year(period: str) -> str:
    """The same period a year earlier (``2027-03`` → ``2026-03``, ``2027-Q1`` → ``2026-Q1``)."""
    return f"{year_of(period) - 1}{period[4:]}"


def within(period: str, outer: str) -> bool:
    """Whether every month of ``period`` lies in ``outer`` (``2026-11`` within ``2026-Q4``; a
    quarter is not within one of its months)."""
    return set(months_of(period)) <= set(months_of(outer))


def periods_through(period: str) -> list[str]:
    """The periods of the same year and granularity up to and including ``period`` (the
    cumulative check's periods)."""
    kind = granularity_of(period)
    if kind is None:
        raise ValueError(f"not a period: {period!r}")
    every = periods(kind, year_of(period))
    return every[: every.index(period) + 1]


def forecast_for(period: str, forecasts: Mapping[str, Decimal]) -> Decimal | None:
    """The forecast sales of ``period``: entered for it, or the sum of its months when every
    month has one (a quarter's or year's plan from monthly forecasts); None when missing."""
    if period in forecasts:
        return forecasts[period]
    months = months_of(period)
    if len(months) > 1 and all(m in forecasts for m in months):
        return sum((forecasts[m] for m in months), ZERO)
    return None


# --- compiling ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Compiled:
    """A line's amount with how it was computed."""

    amount: Decimal
    base: Decimal | None
    percent: Decimal | None
    formula: str


def compile_line(
    method: LineMethod,
    *,
    amount: Decimal | None = None,
    base: Decimal | None = None,
    percent: Decimal | None = None,
    base_source: str | None = None,
) -> Compiled:
    """A line's amount by ``method``, half-up to the cent:

    - fixed: ``amount`` as given;
    - incremental: last year's actual ``base`` × (1 + ``percent`` %);
    - ratio: forecast sales ``base`` × ``percent`` % (rent 6.5 % of 10,000,000 → 650,000.00).

    ``base_source`` says where a base the user did not type came from (``actual_source``); the
    formula shows it after the base."""
    if method is LineMethod.FIXED:
        if amount is None:
            raise ValueError("a fixed line needs an amount")
        value = money(amount)
        return Compiled(value, None, None, f"fixed amount = {shown(value)}")
    if base is None or percent is None:
        raise ValueError(f"a {method.value} line needs a base and a percentage")
    source = f" ({base_source})" if base_source else ""
    if method is LineMethod.INCREMENTAL:
        value = money(base * (HUNDRED + percent) / HUNDRED)
        sign = "+" if percent >= 0 else "-"
        formula = (
            f"last year's actual {shown(base)}{source} × (1 {sign} {pct(abs(percent))}) = {shown(value)}"
        )
        return Compiled(value, money(base), percent, formula)
    value = money(base * percent / HUNDRED)
    return Compiled(
        value, money(base), percent, f"forecast sales {shown(base)} × {pct(percent)} = {shown(value)}"
    )


def actual_source(period: str, paid: int) -> str:
    """Where a base computed from last year's paid expenses comes from, as the formula shows it:
    ``paid in 2026-11: 3 expenses``."""
    return f"paid in {period}: {paid} expense{'' if paid == 1 else 's'}"


def own_ratios(categories: Mapping[Any, tuple[Any, Decimal | None]]) -> dict[Any, Decimal]:
    """The ratio each category compiles on its own, from ``{id: (parent id, ratio)}``: its ratio
    less what its sub-categories take (advertising 2 % split 1.2 + 0.4 + 0.1 + 0.3 leaves the
    parent nothing; controllable 3.5 % with office 0.3 + utilities 0.7 keeps 2.5 % itself), so a
    plan's total is the top-level ratios' sum, never a parent and its split twice."""
    taken: dict[Any, Decimal] = {}
    for parent, ratio in categories.values():
        if parent is not None and ratio is not None:
            taken[parent] = taken.get(parent, ZERO) + ratio
    out = {}
    for key, (_parent, ratio) in categories.items():
        if ratio is not None and ratio - taken.get(key, ZERO) > 0:
            out[key] = ratio - taken.get(key, ZERO)
    return out


# --- control --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """A line's (or the year so far's) budget and what is used of it."""

    budget: Decimal
    pending: Decimal = ZERO
    committed: Decimal = ZERO
    actual: Decimal = ZERO

    @property
    def used(self) -> Decimal:
        return self.pending + self.committed + self.actual

    @property
    def available(self) -> Decimal:
        return self.budget - self.used

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.budget + other.budget,
            self.pending + other.pending,
            self.committed + other.committed,
            self.actual + other.actual,
        )


CONTROL_FORMULA = (
    "available = budget - committed (incl. awaiting approval) - actual; "
    "within budget when requested <= available"
)


@dataclass(frozen=True)
class ControlCheck:
    """The budget check of one spend: its outcome and the figures it was decided on.

    ``outcome``: ``within`` (at most what is available: the boundary is allowed), or beyond it
    ``refuse`` (hard), ``special_approval`` (soft), ``warn`` (warn); ``off`` checks nothing."""

    mode: ControlMode
    scope: CheckScope
    basis: str
    outcome: str
    budget: Decimal
    committed: Decimal
    actual: Decimal
    requested: Decimal
    available: Decimal
    shortfall: Decimal

    @property
    def over(self) -> bool:
        return self.shortfall > 0

    def as_dict(self) -> dict[str, Any]:
        """The check as stored with the expense (amounts as strings)."""
        return {
            "mode": self.mode.value,
            "scope": self.scope.value,
            "basis": self.basis,
            "outcome": self.outcome,
            "budget": str(self.budget),
            "committed": str(self.committed),
            "actual": str(self.actual),
            "requested": str(self.requested),
            "available": str(self.available),
            "shortfall": str(self.shortfall),
            "formula": CONTROL_FORMULA,
        }


def _one(basis: str, figures: Figures, requested: Decimal) -> tuple[str, Figures, Decimal]:
    return basis, figures, max(requested - figures.available, ZERO)


def check_control(
    mode: ControlMode,
    scope: CheckScope,
    requested: Decimal,
    period: Figures,
    cumulative: Figures | None = None,
) -> ControlCheck:
    """Check ``requested`` against the period's budget, the year so far's (``cumulative``: the
    periods up to this one), or both (the larger shortfall decides). Equal to what is available
    passes; 0.01 beyond is refused (hard), routed to the special approval (soft) or warned."""
    checks = []
    if scope in (CheckScope.PERIOD, CheckScope.BOTH):
        checks.append(_one("period", period, requested))
    if scope in (CheckScope.CUMULATIVE, CheckScope.BOTH):
        checks.append(_one("cumulative", cumulative if cumulative is not None else period, requested))
    basis, figures, shortfall = max(checks, key=lambda c: c[2])
    if mode is ControlMode.OFF:
        outcome = "off"
    elif shortfall == 0:
        outcome = "within"
    else:
        outcome = {
            ControlMode.HARD: "refuse",
            ControlMode.SOFT: "special_approval",
            ControlMode.WARN: "warn",
        }[mode]
    return ControlCheck(
        mode=mode,
        scope=scope,
        basis=basis,
        outcome=outcome,
        budget=figures.budget,
        committed=figures.pending + figures.committed,
        actual=figures.actual,
        requested=requested,
        available=figures.available,
        shortfall=shortfall if mode is not ControlMode.OFF else ZERO,
    )


# --- expenses -------------------------------------------------------------------------------


def covered_by_advance(advance_open: Decimal, reimbursement: Decimal) -> Decimal:
    """The part of a reimbursement its advance already holds as committed: min of the two."""
    return min(advance_open, reimbursement)


def usage(
    kind: ExpenseKind, status: ExpenseStatus, amount: Decimal, covered: Decimal
) -> tuple[Decimal, Decimal, Decimal]:
    """What an expense uses of its line now: (awaiting approval, committed, actual).

    Requests and reimbursements are committed when approved and actual when paid; an advance
    stays committed when paid out, until the reimbursement settling it is paid (then the
    reimbursement is actual in full and the advance uses nothing). While a reimbursement of an
    advance waits or is approved, only the part beyond the advance (``amount - covered``) is
    added, so nothing is counted twice."""
    extra = amount - covered
    if status is ExpenseStatus.IN_APPROVAL:
        return extra, ZERO, ZERO
    if status is ExpenseStatus.APPROVED:
        return ZERO, amount if kind is ExpenseKind.ADVANCE else extra, ZERO
    if status is ExpenseStatus.PAID:
        if kind is ExpenseKind.ADVANCE:
            return ZERO, amount, ZERO
        return ZERO, ZERO, amount
    return ZERO, ZERO, ZERO


#: An expense's next statuses by hand (approval and return are decided by the approval engine).
PAYABLE = frozenset({ExpenseStatus.APPROVED})


# --- adjustments ----------------------------------------------------------------------------


def transfer_error(source: Figures, amount: Decimal) -> str | None:
    """Why ``amount`` cannot leave a line, or None: only what is still available may move."""
    if amount > source.available:
        return (
            f"only {shown(max(source.available, ZERO))} of the line's budget {shown(source.budget)} is "
            f"available (committed {shown(source.pending + source.committed)}, actual {shown(source.actual)})"
        )
    return None


# --- analysis -------------------------------------------------------------------------------

ANALYSIS_FORMULA = "used = committed + actual; variance = budget - used; % used = used / budget × 100"


@dataclass(frozen=True)
class Variance:
    """Budget against use."""

    used: Decimal
    variance: Decimal
    used_pct: Decimal | None
    over: bool


def variance(figures: Figures) -> Variance:
    """Budget vs committed (incl. awaiting approval) and actual: what is left (negative: over)
    and the share used (half-up to 0.01 %; None for a zero budget)."""
    used = figures.used
    share = money(used * HUNDRED / figures.budget) if figures.budget else None
    return Variance(used=used, variance=figures.budget - used, used_pct=share, over=used > figures.budget)


def explanation_due(period: str, today: date, over: bool, explained: bool) -> bool:
    """An over-budget line needs a written explanation once its period has ended (in the
    following month; the alert stays until one is given)."""
    return over and not explained and today > period_bounds(period)[1]


def quarter_of(period: str) -> str:
    """The quarter a month or quarter belongs to (a year's plan: the year)."""
    kind = granularity_of(period)
    if kind is Granularity.MONTH:
        return f"{period[:4]}-Q{(int(period[5:7]) - 1) // 3 + 1}"
    return period


# --- monthly submission ---------------------------------------------------------------------


def next_month(today: date) -> str:
    """The month after ``today``'s, as a period."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return f"{year}-{month:02d}"


def submission_phase(today: date, submission_day: int, reminder_days: int) -> str | None:
    """Where ``today`` stands for next month's budget due by ``submission_day``: ``remind``
    (within ``reminder_days`` before it, the day itself included), ``late`` (after it), or None."""
    if today.day > submission_day:
        return "late"
    if today.day >= submission_day - reminder_days:
        return "remind"
    return None
