"""The budgets rules with the spec's worked numbers: the ratio method (forecast sales
10,000,000 → rent 650,000.00) and the seed's full ratio set, incremental and fixed lines,
control at the boundary for every mode, per period vs cumulative, an advance settled by a
reimbursement without double counting, variance, explanations and the submission calendar."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from bizsuite.modules.budgets import rules
from bizsuite.modules.budgets.models import (
    CheckScope,
    ControlMode,
    ExpenseKind,
    ExpenseStatus,
    Granularity,
    LineMethod,
)
from hypothesis import given
from hypothesis import strategies as st

D = Decimal
SALES = D("10000000")


@pytest.mark.parametrize(
    ("category", "ratio", "budget"),
    [
        ("operating 经营费用", "3", "300000.00"),
        ("rent 房租费用", "6.5", "650000.00"),
        ("payroll and benefits 薪资福利", "13", "1300000.00"),
        ("advertising 广告费用", "2", "200000.00"),
        ("controllable 可控费用", "3.5", "350000.00"),
        ("store office 办公费用", "0.30", "30000.00"),
        ("utilities 水电费", "0.70", "70000.00"),
        ("store materials 门店物料", "1.2", "120000.00"),
        ("ads 广告费", "0.4", "40000.00"),
        ("events 活动奖", "0.1", "10000.00"),
        ("support 帮扶费", "0.3", "30000.00"),
        ("hospitality 业务招待费", "0.2", "20000.00"),
        ("asset upkeep 资产维护", "0.4", "40000.00"),
    ],
)
def test_the_ratio_method_gives_the_seed_budgets_of_ten_million_forecast_sales(
    category: str, ratio: str, budget: str
) -> None:
    compiled = rules.compile_line(LineMethod.RATIO, base=SALES, percent=D(ratio))
    assert compiled.amount == D(budget), category
    assert compiled.formula == f"forecast sales 10,000,000.00 × {D(ratio).normalize():f}% = {D(budget):,.2f}"


def test_rent_is_six_and_a_half_percent_of_forecast_sales() -> None:
    compiled = rules.compile_line(LineMethod.RATIO, base=SALES, percent=D("6.5"))
    assert (compiled.amount, compiled.base, compiled.percent) == (D("650000.00"), SALES, D("6.5"))
    assert compiled.formula == "forecast sales 10,000,000.00 × 6.5% = 650,000.00"


def test_the_advertising_split_adds_up_to_its_two_percent() -> None:
    parts = [
        rules.compile_line(LineMethod.RATIO, base=SALES, percent=D(p)).amount
        for p in ("1.2", "0.4", "0.1", "0.3")
    ]
    assert sum(parts) == rules.compile_line(LineMethod.RATIO, base=SALES, percent=D("2")).amount


@pytest.mark.parametrize(
    ("method", "kwargs", "amount", "formula"),
    [
        (LineMethod.FIXED, {"amount": D("1234.565")}, "1234.57", "fixed amount = 1,234.57"),
        (
            LineMethod.INCREMENTAL,
            {"base": D("600000"), "percent": D("5")},
            "630000.00",
            "last year's actual 600,000.00 × (1 + 5%) = 630,000.00",
        ),
        (
            LineMethod.INCREMENTAL,
            {"base": D("600000"), "percent": D("-2.5")},
            "585000.00",
            "last year's actual 600,000.00 × (1 - 2.5%) = 585,000.00",
        ),
        (
            LineMethod.RATIO,
            {"base": D("833333.33"), "percent": D("6.5")},
            "54166.67",
            "forecast sales 833,333.33 × 6.5% = 54,166.67",
        ),
        (
            LineMethod.RATIO,
            {"base": D("1.00"), "percent": D("0.5")},
            "0.01",
            "forecast sales 1.00 × 0.5% = 0.01",
        ),
    ],
)
def test_lines_are_computed_half_up_to_the_cent_and_show_how(
    method: LineMethod, kwargs: dict[str, Decimal], amount: str, formula: str
) -> None:
    compiled = rules.compile_line(method, **kwargs)
    assert compiled.amount == D(amount)
    assert compiled.formula == formula


@given(
    base=st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
    percent=st.decimals(min_value=0, max_value=100, places=4, allow_nan=False, allow_infinity=False),
)
def test_ratio_lines_are_cents_and_never_exceed_the_sales_they_come_from(
    base: Decimal, percent: Decimal
) -> None:
    amount = rules.compile_line(LineMethod.RATIO, base=base, percent=percent).amount
    assert amount == amount.quantize(D("0.01"))
    assert 0 <= amount <= base
    assert abs(amount - base * percent / 100) <= D("0.005")


def test_a_parent_compiles_only_what_its_split_leaves() -> None:
    seed = {
        "ADVERTISING": (None, D("2")),
        "AD-MATERIALS": ("ADVERTISING", D("1.2")),
        "AD-ADS": ("ADVERTISING", D("0.4")),
        "AD-EVENTS": ("ADVERTISING", D("0.1")),
        "AD-SUPPORT": ("ADVERTISING", D("0.3")),
        "CONTROLLABLE": (None, D("3.5")),
        "STORE-OFFICE": ("CONTROLLABLE", D("0.30")),
        "UTILITIES": ("CONTROLLABLE", D("0.70")),
        "RENT": (None, D("6.5")),
        "OTHER": (None, None),
    }
    own = rules.own_ratios(seed)
    assert "ADVERTISING" not in own and "OTHER" not in own
    assert own["CONTROLLABLE"] == D("2.5") and own["RENT"] == D("6.5")
    assert sum(own.values()) == D("12.0")


# --- periods and forecasts ------------------------------------------------------------------


def test_periods_of_a_year_by_granularity() -> None:
    assert rules.periods(Granularity.QUARTER, 2027) == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]
    assert rules.periods(Granularity.MONTH, 2027)[-1] == "2027-12"
    assert rules.periods(Granularity.YEAR, 2027) == ["2027"]
    assert rules.period_error(Granularity.MONTH, 2027, "2027-Q1") == "must be a month of 2027, like 2027-01"
    assert rules.period_error(Granularity.QUARTER, 2027, "2026-Q1") is not None
    assert rules.months_of("2027-Q2") == ["2027-04", "2027-05", "2027-06"]
    assert rules.periods_through("2027-03") == ["2027-01", "2027-02", "2027-03"]
    assert rules.period_bounds("2027-Q1") == (date(2027, 1, 1), date(2027, 3, 31))
    assert rules.quarter_of("2027-05") == "2027-Q2"


def test_last_years_actual_comes_from_the_same_period_a_year_earlier_and_says_so() -> None:
    assert [rules.last_year(p) for p in ("2027-03", "2027-Q1", "2027")] == ["2026-03", "2026-Q1", "2026"]
    # Last year's lines count when they lie in that period: months in a quarter, not the reverse.
    assert rules.within("2026-11", "2026-Q4") and rules.within("2026-Q4", "2026")
    assert not rules.within("2026-Q4", "2026-11") and not rules.within("2026-09", "2026-Q4")
    assert rules.actual_source("2026-11", 1) == "paid in 2026-11: 1 expense"
    compiled = rules.compile_line(
        LineMethod.INCREMENTAL,
        base=D("600000"),
        percent=D("5"),
        base_source=rules.actual_source("2026-11", 3),
    )
    assert (compiled.amount, compiled.base) == (D("630000.00"), D("600000.00"))
    assert compiled.formula == (
        "last year's actual 600,000.00 (paid in 2026-11: 3 expenses) × (1 + 5%) = 630,000.00"
    )


def test_a_quarter_or_year_forecast_is_the_sum_of_its_months_when_each_is_entered() -> None:
    monthly = {f"2027-{m:02d}": D("1000000") for m in range(1, 13)}
    assert rules.forecast_for("2027-Q1", monthly) == D("3000000")
    assert rules.forecast_for("2027", monthly) == D("12000000")
    assert rules.forecast_for("2027-Q1", {"2027-01": D(1), "2027-02": D(1)}) is None
    assert rules.forecast_for("2027-Q1", {"2027-Q1": D(5)}) == D(5)


# --- control --------------------------------------------------------------------------------

BUDGET = rules.Figures(
    D("1000.00"), pending=D("100.00"), committed=D("200.00"), actual=D("300.00")
)  # 400 left


@pytest.mark.parametrize(
    ("mode", "requested", "outcome", "shortfall"),
    [
        (ControlMode.HARD, "400.00", "within", "0.00"),
        (ControlMode.HARD, "400.01", "refuse", "0.01"),
        (ControlMode.SOFT, "400.00", "within", "0.00"),
        (ControlMode.SOFT, "400.01", "special_approval", "0.01"),
        (ControlMode.WARN, "400.00", "within", "0.00"),
        (ControlMode.WARN, "400.01", "warn", "0.01"),
        (ControlMode.OFF, "400.00", "off", "0.00"),
        (ControlMode.OFF, "400.01", "off", "0.00"),
    ],
)
def test_control_at_the_boundary_allows_equal_and_acts_on_one_cent_over(
    mode: ControlMode, requested: str, outcome: str, shortfall: str
) -> None:
    check = rules.check_control(mode, CheckScope.PERIOD, D(requested), BUDGET)
    assert (check.outcome, check.shortfall) == (outcome, D(shortfall))
    assert (check.budget, check.committed, check.actual, check.available) == (
        D("1000.00"),
        D("300.00"),
        D("300.00"),
        D("400.00"),
    )


def test_per_period_and_cumulative_checks_differ_where_earlier_months_left_budget() -> None:
    march = rules.Figures(D("100.00"), actual=D("50.00"))  # 50 left this month
    year_so_far = rules.Figures(D("300.00"), actual=D("120.00"))  # 180 left since January
    period = rules.check_control(ControlMode.HARD, CheckScope.PERIOD, D("150.00"), march, year_so_far)
    cumulative = rules.check_control(ControlMode.HARD, CheckScope.CUMULATIVE, D("150.00"), march, year_so_far)
    both = rules.check_control(ControlMode.HARD, CheckScope.BOTH, D("150.00"), march, year_so_far)
    assert (period.outcome, period.basis, period.shortfall) == ("refuse", "period", D("100.00"))
    assert (cumulative.outcome, cumulative.basis, cumulative.available) == (
        "within",
        "cumulative",
        D("180.00"),
    )
    assert (both.outcome, both.basis) == ("refuse", "period")
    overspent_before = rules.Figures(D("300.00"), actual=D("290.00"))
    both_again = rules.check_control(ControlMode.HARD, CheckScope.BOTH, D("40.00"), march, overspent_before)
    assert (both_again.outcome, both_again.basis, both_again.shortfall) == (
        "refuse",
        "cumulative",
        D("30.00"),
    )


@given(
    budget=st.decimals(min_value=0, max_value=10**9, places=2),
    used=st.decimals(min_value=0, max_value=10**9, places=2),
    requested=st.decimals(min_value=D("0.01"), max_value=10**9, places=2),
)
def test_hard_control_passes_exactly_what_fits(budget: Decimal, used: Decimal, requested: Decimal) -> None:
    check = rules.check_control(
        ControlMode.HARD, CheckScope.PERIOD, requested, rules.Figures(budget, actual=used)
    )
    assert (check.outcome == "within") == (used + requested <= budget)
    assert check.shortfall == max(used + requested - budget, D(0))


# --- expenses -------------------------------------------------------------------------------


def test_an_advance_settled_by_a_reimbursement_is_never_counted_twice() -> None:
    def total(*parts: tuple[Decimal, Decimal, Decimal]) -> tuple[Decimal, ...]:
        return tuple(sum(p[i] for p in parts) for i in range(3))

    advance = D("5000.00")
    assert rules.usage(ExpenseKind.ADVANCE, ExpenseStatus.IN_APPROVAL, advance, D(0)) == (advance, 0, 0)
    paid_out = rules.usage(ExpenseKind.ADVANCE, ExpenseStatus.PAID, advance, D(0))
    assert paid_out == (0, advance, 0)
    # The reimbursement of 4,800.00 is covered by the advance: while it waits nothing is added.
    covered = rules.covered_by_advance(advance, D("4800.00"))
    waiting = rules.usage(ExpenseKind.REIMBURSEMENT, ExpenseStatus.IN_APPROVAL, D("4800.00"), covered)
    assert total(paid_out, waiting) == (0, advance, 0)
    # Paid: the reimbursement is actual, the advance settled: 4,800.00 actual, nothing committed.
    settled = rules.usage(ExpenseKind.ADVANCE, ExpenseStatus.SETTLED, advance, D(0))
    paid = rules.usage(ExpenseKind.REIMBURSEMENT, ExpenseStatus.PAID, D("4800.00"), covered)
    assert total(settled, paid) == (0, 0, D("4800.00"))
    # A reimbursement beyond its advance adds only the difference until paid.
    beyond = rules.covered_by_advance(advance, D("5300.00"))
    assert rules.usage(ExpenseKind.REIMBURSEMENT, ExpenseStatus.APPROVED, D("5300.00"), beyond) == (
        0,
        D("300.00"),
        0,
    )


@pytest.mark.parametrize(
    ("kind", "status", "expected"),
    [
        (ExpenseKind.REQUEST, ExpenseStatus.IN_APPROVAL, ("100.00", "0", "0")),
        (ExpenseKind.REQUEST, ExpenseStatus.APPROVED, ("0", "100.00", "0")),
        (ExpenseKind.REQUEST, ExpenseStatus.PAID, ("0", "0", "100.00")),
        (ExpenseKind.REQUEST, ExpenseStatus.RETURNED, ("0", "0", "0")),
        (ExpenseKind.ADVANCE, ExpenseStatus.APPROVED, ("0", "100.00", "0")),
        (ExpenseKind.ADVANCE, ExpenseStatus.PAID, ("0", "100.00", "0")),
        (ExpenseKind.ADVANCE, ExpenseStatus.SETTLED, ("0", "0", "0")),
    ],
)
def test_commitment_when_approved_actual_when_paid(
    kind: ExpenseKind, status: ExpenseStatus, expected: tuple[str, str, str]
) -> None:
    assert rules.usage(kind, status, D("100.00"), D(0)) == tuple(D(x) for x in expected)


def test_only_the_available_budget_can_be_transferred() -> None:
    line = rules.Figures(D("1000.00"), committed=D("300.00"), actual=D("200.00"))
    assert rules.transfer_error(line, D("500.00")) is None
    assert rules.transfer_error(line, D("500.01")) == (
        "only 500.00 of the line's budget 1,000.00 is available (committed 300.00, actual 200.00)"
    )


# --- analysis, explanations, submission -----------------------------------------------------


def test_variance_and_share_used() -> None:
    result = rules.variance(rules.Figures(D("650000.00"), committed=D("100000.00"), actual=D("420000.00")))
    assert (result.used, result.variance, result.used_pct, result.over) == (
        D("520000.00"),
        D("130000.00"),
        D("80.00"),
        False,
    )
    over = rules.variance(rules.Figures(D("3.00"), actual=D("4.00")))
    assert (over.variance, over.used_pct, over.over) == (D("-1.00"), D("133.33"), True)
    assert rules.variance(rules.Figures(D(0))).used_pct is None


def test_an_overrun_needs_its_explanation_once_the_period_has_ended() -> None:
    assert not rules.explanation_due("2027-03", date(2027, 3, 31), over=True, explained=False)
    assert rules.explanation_due("2027-03", date(2027, 4, 1), over=True, explained=False)
    assert not rules.explanation_due("2027-03", date(2027, 4, 1), over=True, explained=True)
    assert not rules.explanation_due("2027-03", date(2027, 4, 1), over=False, explained=False)


@pytest.mark.parametrize(
    ("today", "phase"),
    [
        (date(2027, 3, 21), None),
        (date(2027, 3, 22), "remind"),
        (date(2027, 3, 25), "remind"),
        (date(2027, 3, 26), "late"),
    ],
)
def test_next_months_budget_is_due_by_the_25th_with_a_reminder_three_days_before(
    today: date, phase: str | None
) -> None:
    assert rules.submission_phase(today, 25, 3) == phase
    assert rules.next_month(date(2027, 12, 10)) == "2028-01"
