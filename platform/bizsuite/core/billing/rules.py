"""Billing rules as plain functions: the lifecycle over time, access, proration, Stripe's states.

The lifecycle: ``trial`` → ``active``; when a payment fails (or an offline trial ends unpaid) the
subscription is ``past_due`` from that instant: full access with a warning for
:data:`PAST_DUE_DAYS`, then read-only ``grace`` for :data:`GRACE_DAYS` (reads work, writes to the
business modules are refused), then ``suspended`` (the modules are refused, the billing page
stays open to pay). A payment brings it back to ``active`` at once.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

#: Days of full access after a payment failed, before read-only grace starts.
PAST_DUE_DAYS = 7
#: Days of read-only grace before the subscription is suspended.
GRACE_DAYS = 14

CENT = Decimal("0.01")
#: Stripe plan ids of add-ons start with this (the plan's own are ``bizsuite-<code>-v<n>-<interval>``).
ADDON_PLAN_PREFIX = "bizsuite-addon-"
#: Currencies Stripe counts in whole units (no minor unit).
ZERO_DECIMAL_CURRENCIES = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF"})


class Phase(enum.StrEnum):
    """Where a subscription stands now (the stored status, with grace and suspension by time)."""

    TRIAL = "trial"
    ACTIVE = "active"
    PAST_DUE = "past_due"
    GRACE = "grace"
    SUSPENDED = "suspended"
    CANCELED = "canceled"


class Access(enum.StrEnum):
    """What the tenant's users may do in the business modules."""

    FULL = "full"
    READ_ONLY = "read_only"
    NONE = "none"


def money(value: Decimal | int | str) -> Decimal:
    """Round to cents, half up."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def lapse_start(
    status: str, trial_end: dt.datetime | None, past_due_since: dt.datetime | None
) -> dt.datetime | None:
    """When the unpaid clock started: the failed payment, or the end of an unpaid trial."""
    if status == "past_due":
        return past_due_since
    if status == "trial":
        return trial_end
    return None


def phase_at(status: str, lapse: dt.datetime | None, now: dt.datetime) -> Phase:
    """The phase at ``now`` of a subscription with stored ``status`` whose unpaid clock began at ``lapse``."""
    if status in (Phase.CANCELED, Phase.SUSPENDED):
        return Phase(status)
    if lapse is None or now < lapse:
        return Phase(status)
    unpaid = now - lapse
    if unpaid >= dt.timedelta(days=PAST_DUE_DAYS + GRACE_DAYS):
        return Phase.SUSPENDED
    if unpaid >= dt.timedelta(days=PAST_DUE_DAYS):
        return Phase.GRACE
    return Phase.PAST_DUE


def access_of(phase: Phase) -> Access:
    """What each phase allows."""
    if phase is Phase.GRACE:
        return Access.READ_ONLY
    if phase in (Phase.SUSPENDED, Phase.CANCELED):
        return Access.NONE
    return Access.FULL


def read_only_from(lapse: dt.datetime | None) -> dt.datetime | None:
    """When read-only grace starts (or started)."""
    return None if lapse is None else lapse + dt.timedelta(days=PAST_DUE_DAYS)


def suspended_from(lapse: dt.datetime | None) -> dt.datetime | None:
    """When the subscription is (or was) suspended for non-payment."""
    return None if lapse is None else lapse + dt.timedelta(days=PAST_DUE_DAYS + GRACE_DAYS)


@dataclass(frozen=True, slots=True)
class Figure:
    """A computed amount with the formula and inputs that produced it."""

    amount: Decimal
    formula: str
    inputs: dict[str, str]


@dataclass(frozen=True, slots=True)
class AddonLine:
    """An add-on a subscription carries: what one unit adds, how many, and the unit prices."""

    code: str
    kind: str
    amount: int
    module: str | None
    quantity: int
    price_month: Decimal
    price_year: Decimal

    def unit_price(self, interval: str) -> Decimal:
        """The price of one unit for the interval."""
        return self.price_year if interval == "year" else self.price_month


def price_for(
    price_month: Decimal, price_year: Decimal, interval: str, seats: int, addons: Sequence[AddonLine] = ()
) -> Figure:
    """A period's price: the plan's per-seat price for the interval times the seats, plus each
    add-on's unit price times its quantity (``3 × 199.00 + 2 × 50.00 = 697.00``)."""
    unit = price_year if interval == "year" else price_month
    amount = money(unit * seats)
    terms = [f"{seats} × {money(unit)}"]
    inputs = {"seats": str(seats), "unit_price": str(money(unit)), "interval": interval}
    for line in addons:
        amount += money(line.unit_price(interval) * line.quantity)
        terms.append(f"{line.quantity} × {money(line.unit_price(interval))}")
        inputs[f"addon:{line.code}"] = f"{line.quantity} × {money(line.unit_price(interval))}"
    return Figure(amount, f"{' + '.join(terms)} = {amount}", inputs)


def entitled(
    modules: Sequence[str], seats: int, limits: dict[str, int | None], addons: Sequence[AddonLine]
) -> tuple[list[str], int, dict[str, int | None]]:
    """What a subscription allows with its add-ons: the plan's modules plus module add-ons, the
    seats bought plus seat packs, each limit plus its add-ons (an unlimited limit stays unlimited)."""
    opened = set(modules)
    total_seats = seats
    raised = dict(limits)
    for line in addons:
        if line.kind == "module" and line.module:
            opened.add(line.module)
        elif line.kind == "seats":
            total_seats += line.amount * line.quantity
        elif line.kind in raised and raised[line.kind] is not None:
            raised[line.kind] = int(raised[line.kind] or 0) + line.amount * line.quantity
    return sorted(opened), total_seats, raised


def proration(
    *,
    unit_price: Decimal,
    old_seats: int,
    new_seats: int,
    period_start: dt.datetime,
    period_end: dt.datetime,
    now: dt.datetime,
) -> Figure:
    """What a seat change costs (or credits) for the rest of the period, by whole days left.

    ``(new − old) × unit price × days left / days in the period``, half up to the cent; a
    negative amount is a credit.
    """
    period_days = max(1, (period_end.date() - period_start.date()).days)
    days_left = min(period_days, max(0, (period_end.date() - now.date()).days))
    delta = new_seats - old_seats
    amount = money(Decimal(delta) * unit_price * Decimal(days_left) / Decimal(period_days))
    return Figure(
        amount,
        f"({new_seats} − {old_seats}) × {money(unit_price)} × {days_left}/{period_days} = {amount}",
        {
            "old_seats": str(old_seats),
            "new_seats": str(new_seats),
            "unit_price": str(money(unit_price)),
            "days_left": str(days_left),
            "period_days": str(period_days),
        },
    )


def plan_change_proration(
    *,
    old_price: Decimal,
    new_price: Decimal,
    seats: int,
    period_start: dt.datetime,
    period_end: dt.datetime,
    now: dt.datetime,
) -> Figure:
    """What moving to another plan costs for the rest of the period (``(new − old) × seats × days``)."""
    period_days = max(1, (period_end.date() - period_start.date()).days)
    days_left = min(period_days, max(0, (period_end.date() - now.date()).days))
    amount = money((new_price - old_price) * seats * Decimal(days_left) / Decimal(period_days))
    return Figure(
        amount,
        f"({money(new_price)} − {money(old_price)}) × {seats} × {days_left}/{period_days} = {amount}",
        {
            "old_unit_price": str(money(old_price)),
            "new_unit_price": str(money(new_price)),
            "seats": str(seats),
            "days_left": str(days_left),
            "period_days": str(period_days),
        },
    )


def to_minor(amount: Decimal, currency: str) -> int:
    """An amount in Stripe's minor units (cents; whole units for zero-decimal currencies)."""
    if currency.upper() in ZERO_DECIMAL_CURRENCIES:
        return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return int((money(amount) * 100).to_integral_value(rounding=ROUND_HALF_UP))


def from_minor(amount: int, currency: str) -> Decimal:
    """Stripe's minor units back to a Decimal amount."""
    if currency.upper() in ZERO_DECIMAL_CURRENCIES:
        return money(amount)
    return money(Decimal(amount) / 100)


def add_period(start: dt.datetime, interval: str) -> dt.datetime:
    """The end of a billing period starting at ``start`` (same day next month or year, clamped)."""
    months = 12 if interval == "year" else 1
    month = start.month - 1 + months
    year = start.year + month // 12
    month = month % 12 + 1
    days_in_month = [
        31,
        29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    return start.replace(year=year, month=month, day=min(start.day, days_in_month))


def _ts(value: Any) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(int(value), dt.UTC) if value else None


@dataclass(frozen=True, slots=True)
class StripeState:
    """Our view of a Stripe subscription, derived from its current objects (never from event order)."""

    status: str
    seats: int
    trial_end: dt.datetime | None
    period_start: dt.datetime | None
    period_end: dt.datetime | None
    cancel_at_period_end: bool
    #: When the oldest unpaid, attempted invoice was first tried (the unpaid clock), if any.
    unpaid_since: dt.datetime | None


def stripe_state(
    subscription: dict[str, Any], invoices: list[dict[str, Any]], now: dt.datetime
) -> StripeState:
    """Map a Stripe subscription and its invoices to our status.

    Stripe's ``trialing`` (and ``incomplete`` with a future ``trial_end``, as localstripe
    reports trials) is a trial; ``active`` is active unless an attempted invoice is still open
    (its payment failed: Stripe itself moves to ``past_due``, localstripe does not);
    ``past_due``/``unpaid``/``incomplete`` are past due; ``canceled``/``incomplete_expired`` canceled.
    """
    raw = str(subscription.get("status") or "")
    trial_end = _ts(subscription.get("trial_end"))
    failed = [
        inv
        for inv in invoices
        if inv.get("status") == "open" and (inv.get("attempted") or inv.get("attempt_count"))
    ]
    unpaid_since = min(
        (
            _ts(inv.get("status_transitions", {}).get("finalized_at") or inv.get("created")) or now
            for inv in failed
        ),
        default=None,
    )
    if raw in ("canceled", "incomplete_expired"):
        status = "canceled"
    elif raw == "trialing" or (raw == "incomplete" and trial_end is not None and trial_end > now):
        status = "trial"
    elif raw in ("past_due", "unpaid", "incomplete") or failed:
        status = "past_due"
    else:
        status = "active"
    quantity = subscription.get("quantity")
    if quantity is None:
        # With add-ons the subscription has several items: the seats are the plan's item.
        items = (subscription.get("items") or {}).get("data") or [{}]
        plan_items = [
            item
            for item in items
            if not str((item.get("plan") or {}).get("id") or "").startswith(ADDON_PLAN_PREFIX)
        ] or items
        quantity = plan_items[0].get("quantity") or 1
    return StripeState(
        status=status,
        seats=int(quantity),
        trial_end=trial_end,
        period_start=_ts(subscription.get("current_period_start")),
        period_end=_ts(subscription.get("current_period_end")),
        cancel_at_period_end=bool(subscription.get("cancel_at_period_end")),
        unpaid_since=unpaid_since if status == "past_due" else None,
    )
