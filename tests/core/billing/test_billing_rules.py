"""The billing rules as plain functions: lifecycle by time, access, proration, Stripe's states."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from bizsuite.core.billing.rules import (
    Access,
    AddonLine,
    Phase,
    access_of,
    add_period,
    entitled,
    from_minor,
    lapse_start,
    phase_at,
    plan_change_proration,
    price_for,
    proration,
    stripe_state,
    to_minor,
)

T0 = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)


def test_past_due_gives_seven_days_of_full_access_then_fourteen_read_only_then_suspension() -> None:
    assert phase_at("past_due", T0, T0 + dt.timedelta(days=6, hours=23)) is Phase.PAST_DUE
    assert phase_at("past_due", T0, T0 + dt.timedelta(days=7)) is Phase.GRACE
    assert phase_at("past_due", T0, T0 + dt.timedelta(days=20, hours=23)) is Phase.GRACE
    assert phase_at("past_due", T0, T0 + dt.timedelta(days=21)) is Phase.SUSPENDED
    assert [access_of(p) for p in (Phase.PAST_DUE, Phase.GRACE, Phase.SUSPENDED)] == [
        Access.FULL,
        Access.READ_ONLY,
        Access.NONE,
    ]


def test_an_unpaid_trial_lapses_at_its_end_and_a_paid_one_never_does() -> None:
    trial_end = T0 + dt.timedelta(days=14)
    lapse = lapse_start("trial", trial_end, None)
    assert phase_at("trial", lapse, T0) is Phase.TRIAL
    assert phase_at("trial", lapse, trial_end + dt.timedelta(days=1)) is Phase.PAST_DUE
    assert phase_at("trial", lapse, trial_end + dt.timedelta(days=8)) is Phase.GRACE
    assert lapse_start("active", trial_end, None) is None
    assert phase_at("active", None, T0 + dt.timedelta(days=400)) is Phase.ACTIVE


def test_canceled_and_suspended_close_the_modules_whatever_the_clock() -> None:
    assert access_of(phase_at("canceled", None, T0)) is Access.NONE
    assert access_of(phase_at("suspended", None, T0)) is Access.NONE


def test_adding_seats_mid_period_costs_the_days_left_half_up() -> None:
    figure = proration(
        unit_price=Decimal("199.00"),
        old_seats=3,
        new_seats=5,
        period_start=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        period_end=dt.datetime(2026, 4, 1, tzinfo=dt.UTC),
        now=dt.datetime(2026, 3, 17, 15, 0, tzinfo=dt.UTC),
    )
    # 2 × 199 × 15/31 = 192.5806… → 192.58
    assert figure.amount == Decimal("192.58")
    assert figure.formula == "(5 − 3) × 199.00 × 15/31 = 192.58"
    assert figure.inputs["days_left"] == "15"


def test_releasing_seats_is_a_credit() -> None:
    figure = proration(
        unit_price=Decimal("100.00"),
        old_seats=4,
        new_seats=1,
        period_start=dt.datetime(2026, 2, 1, tzinfo=dt.UTC),
        period_end=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        now=dt.datetime(2026, 2, 15, tzinfo=dt.UTC),
    )
    assert figure.amount == Decimal("-150.00")  # −3 × 100 × 14/28


def test_a_plan_change_prorates_the_price_difference_for_every_seat() -> None:
    figure = plan_change_proration(
        old_price=Decimal("100"),
        new_price=Decimal("160"),
        seats=2,
        period_start=dt.datetime(2026, 4, 1, tzinfo=dt.UTC),
        period_end=dt.datetime(2026, 5, 1, tzinfo=dt.UTC),
        now=dt.datetime(2026, 4, 21, tzinfo=dt.UTC),
    )
    assert figure.amount == Decimal("40.00")  # 60 × 2 × 10/30
    assert figure.formula == "(160.00 − 100.00) × 2 × 10/30 = 40.00"


def test_a_period_price_is_the_unit_price_times_the_seats() -> None:
    assert price_for(Decimal("199"), Decimal("1990"), "month", 3).amount == Decimal("597.00")
    assert price_for(Decimal("199"), Decimal("1990"), "year", 3).formula == "3 × 1990.00 = 5970.00"


def test_amounts_cross_the_stripe_boundary_in_minor_units() -> None:
    assert to_minor(Decimal("199.005"), "CNY") == 19901
    assert from_minor(19900, "cny") == Decimal("199.00")
    assert to_minor(Decimal("1200"), "JPY") == 1200


def test_periods_end_on_the_same_day_next_month_clamped_to_its_length() -> None:
    assert add_period(dt.datetime(2026, 1, 31, tzinfo=dt.UTC), "month") == dt.datetime(
        2026, 2, 28, tzinfo=dt.UTC
    )
    assert add_period(dt.datetime(2028, 2, 29, tzinfo=dt.UTC), "year") == dt.datetime(
        2029, 2, 28, tzinfo=dt.UTC
    )


def _sub(status: str, **extra: object) -> dict[str, object]:
    return {
        "status": status,
        "quantity": 2,
        "current_period_start": 1_770_000_000,
        "current_period_end": 1_772_600_000,
        **extra,
    }


def test_stripe_states_map_to_ours_from_the_objects_current_status() -> None:
    now = dt.datetime.fromtimestamp(1_770_000_100, dt.UTC)
    assert stripe_state(_sub("active"), [], now).status == "active"
    assert stripe_state(_sub("trialing"), [], now).status == "trial"
    assert stripe_state(_sub("incomplete", trial_end=1_771_000_000), [], now).status == "trial"
    assert stripe_state(_sub("past_due"), [], now).status == "past_due"
    assert stripe_state(_sub("unpaid"), [], now).status == "past_due"
    assert stripe_state(_sub("canceled"), [], now).status == "canceled"
    assert stripe_state(_sub("active"), [], now).seats == 2


def test_an_active_subscription_with_a_failed_open_invoice_is_past_due_since_that_invoice() -> None:
    now = dt.datetime.fromtimestamp(1_770_500_000, dt.UTC)
    failed = {"status": "open", "attempted": True, "status_transitions": {"finalized_at": 1_770_400_000}}
    state = stripe_state(_sub("active"), [failed, {"status": "paid", "attempted": True}], now)
    assert state.status == "past_due"
    assert state.unpaid_since == dt.datetime.fromtimestamp(1_770_400_000, dt.UTC)
    draft = {"status": "open", "attempted": False}
    assert stripe_state(_sub("active"), [draft], now).status == "active"


def _addon(kind: str, amount: int, quantity: int, module: str | None = None) -> AddonLine:
    return AddonLine(
        code=f"{kind}-{amount}",
        kind=kind,
        amount=amount,
        module=module,
        quantity=quantity,
        price_month=Decimal("25.00"),
        price_year=Decimal("250.00"),
    )


LIMITS: dict[str, int | None] = {"storage_mb": 1024, "api_calls_month": None, "accounts": 100, "venues": 2}


@pytest.mark.parametrize(
    ("addons", "modules", "seats", "limits"),
    [
        ([], ["crm"], 3, LIMITS),
        ([_addon("seats", 5, 2)], ["crm"], 13, LIMITS),
        ([_addon("storage_mb", 10240, 1)], ["crm"], 3, {**LIMITS, "storage_mb": 11264}),
        # An unlimited limit stays unlimited whatever is added to it.
        ([_addon("api_calls_month", 1000, 3)], ["crm"], 3, LIMITS),
        ([_addon("module", 1, 1, "hr"), _addon("venues", 1, 3)], ["crm", "hr"], 3, {**LIMITS, "venues": 5}),
    ],
)
def test_addons_raise_the_plans_entitlements(
    addons: list[AddonLine], modules: list[str], seats: int, limits: dict[str, int | None]
) -> None:
    assert entitled(["crm"], 3, LIMITS, addons) == (modules, seats, limits)


def test_the_price_adds_each_addon_at_its_interval_price() -> None:
    plain = price_for(Decimal("199"), Decimal("1990"), "month", 3)
    assert (plain.amount, plain.formula) == (Decimal("597.00"), "3 × 199.00 = 597.00")
    lines = [_addon("seats", 5, 2), _addon("module", 1, 1, "hr")]
    monthly = price_for(Decimal("199"), Decimal("1990"), "month", 3, lines)
    assert (monthly.amount, monthly.formula) == (
        Decimal("672.00"),
        "3 × 199.00 + 2 × 25.00 + 1 × 25.00 = 672.00",
    )
    yearly = price_for(Decimal("199"), Decimal("1990"), "year", 1, lines)
    assert yearly.formula == "1 × 1990.00 + 2 × 250.00 + 1 × 250.00 = 2740.00"
