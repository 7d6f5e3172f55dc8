"""Key-account tiers, decline streaks and revenue-file rows: the product's worked examples."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest
from bizsuite.core.imports import spec as import_kit
from bizsuite.modules.crm.models import Tier
from bizsuite.modules.crm.revenue import imports, rules
from bizsuite.modules.crm.revenue.rules import decline_streak, tiers
from hypothesis import given
from hypothesis import strategies as st

D = Decimal
A_SHARE, B_SHARE = D("0.8"), D("0.95")


# --- decline streaks (客户流失) -------------------------------------------------------------------

WORKED = [100, 90, 80, 70, 75]  # January .. May


def test_worked_example_is_at_risk_in_april_after_three_declines() -> None:
    assert decline_streak(WORKED[:4], 3) == rules.DeclineStreak(months=3, at_risk=True)


def test_worked_example_is_not_at_risk_in_may_because_the_streak_ended() -> None:
    assert decline_streak(WORKED, 3) == rules.DeclineStreak(months=0, at_risk=False)


def test_two_declines_are_not_yet_a_risk_with_three_months() -> None:
    assert decline_streak(WORKED[:3], 3) == rules.DeclineStreak(months=2, at_risk=False)


def test_equal_months_break_a_streak() -> None:
    assert decline_streak([100, 90, 90, 80, 70], 3).months == 2
    assert not decline_streak([100, 90, 90, 80, 70], 3).at_risk
    assert decline_streak([100, 90, 80, 80], 3) == rules.DeclineStreak(months=0, at_risk=False)


def test_with_two_months_march_is_already_at_risk() -> None:
    assert decline_streak(WORKED[:3], 2).at_risk
    assert not decline_streak(WORKED[:2], 2).at_risk


def test_with_four_months_april_is_not_yet_at_risk() -> None:
    assert not decline_streak(WORKED[:4], 4).at_risk
    assert decline_streak([*WORKED[:4], 60], 4) == rules.DeclineStreak(months=4, at_risk=True)


def test_a_single_month_or_none_has_no_streak() -> None:
    assert decline_streak([], 3).months == 0
    assert decline_streak([100], 3).months == 0


def test_missing_months_inside_the_range_count_as_zero() -> None:
    points = {date(2026, 1, 1): D(100), date(2026, 3, 1): D(50)}
    assert rules.filled_series(points) == [
        (date(2026, 1, 1), D(100)),
        (date(2026, 2, 1), D(0)),
        (date(2026, 3, 1), D(50)),
    ]


def test_churn_risks_list_the_accounts_declining_up_to_the_latest_month() -> None:
    months = [date(2026, m, 1) for m in range(1, 6)]
    revenue = {
        "april-risk": dict(zip(months[:4], map(D, [100, 90, 80, 70]), strict=True)),
        "recovered": dict(zip(months, map(D, WORKED), strict=True)),
        "declining": dict(zip(months, map(D, [500, 400, 300, 200, 100]), strict=True)),
    }
    found = rules.churn_risks(revenue, 3)
    # The tenant's latest month is May: "april-risk" has no May row, "recovered" rose in May.
    assert set(found) == {"declining"}
    assert found["declining"] == rules.ChurnRiskFinding(
        streak_start=date(2026, 2, 1), months_declining=4, revenue_at_stake=D(1500)
    )


# --- the streak an account keeps (decline_streak, last_revenue_month) ----------------------------


def test_the_stored_streak_of_the_worked_example_month_by_month() -> None:
    # January .. May = 100, 90, 80, 70, 75: the streak the account keeps after each month arrives.
    kept = [
        rules.account_streak(
            {date(2026, m + 1, 1): D(amount) for m, amount in enumerate(WORKED[: months + 1])}
        )
        for months in range(5)
    ]
    assert [(s.last_month, s.months) for s in kept] == [
        (date(2026, month, 1), streak) for month, streak in zip(range(1, 6), [0, 1, 2, 3, 0], strict=True)
    ]
    april = kept[3]
    assert april.start == date(2026, 2, 1)  # February, March, April
    assert rules.on_watch_list(april, date(2026, 4, 1), 3)
    assert not rules.on_watch_list(april, date(2026, 4, 1), 4)  # the threshold filters, nothing else
    assert not rules.on_watch_list(kept[4], date(2026, 5, 1), 3)  # May rose: the streak ended


def test_an_account_whose_streak_ends_before_the_latest_month_is_not_on_the_list() -> None:
    streak = rules.account_streak({date(2026, m, 1): D(a) for m, a in zip(range(1, 5), WORKED, strict=False)})
    assert streak.months == 3
    assert not rules.on_watch_list(streak, date(2026, 5, 1), 3)  # it sent nothing for May
    assert not rules.on_watch_list(rules.account_streak({}), date(2026, 5, 1), 2)
    assert rules.account_streak({}) == rules.AccountStreak(last_month=None, months=0)


def test_a_gap_counts_as_zero_so_the_month_after_it_never_declines() -> None:
    points = {date(2026, 1, 1): D(100), date(2026, 2, 1): D(90), date(2026, 4, 1): D(80)}
    assert rules.account_streak(points) == rules.AccountStreak(last_month=date(2026, 4, 1), months=0)
    # A gap at the end is no month: the account's last month is its last row.
    assert rules.account_streak({date(2026, 1, 1): D(100), date(2026, 2, 1): D(90)}).months == 1


def _declines_by_definition(series: list[int]) -> int:
    """The streak straight from the definition: the longest run of strict declines ending last."""
    best = 0
    for length in range(1, len(series)):
        tail = series[-(length + 1) :]
        if all(later < earlier for earlier, later in itertools.pairwise(tail)):
            best = length
    return best


@given(st.lists(st.integers(min_value=0, max_value=5), max_size=30))
def test_the_streak_is_the_run_of_strict_declines_ending_at_the_last_month(series: list[int]) -> None:
    assert rules.declines_at_end(series) == _declines_by_definition(series)
    for n in (2, 3, 4):
        assert rules.decline_streak(series, n).at_risk == (_declines_by_definition(series) >= n)


months_with_amounts = st.dictionaries(
    st.integers(min_value=0, max_value=30).map(lambda i: rules.add_months(date(2024, 1, 1), i)),
    st.integers(min_value=0, max_value=4).map(D),
    max_size=20,
)


@given(months_with_amounts, st.integers(min_value=2, max_value=5))
def test_the_stored_streak_and_the_threshold_give_the_watch_list_rule(points: dict[date, D], n: int) -> None:
    streak = rules.account_streak(points)
    filled = [amount for _, amount in rules.filled_series(points)]
    assert streak.months == _declines_by_definition([int(a) for a in filled])
    assert streak.last_month == (max(points) if points else None)
    # Whatever the tenant's latest month and threshold, the stored streak decides alone.
    as_of = max(points) if points else None
    found = rules.churn_risks({"account": points}, n) if points else {}
    assert ("account" in found) == rules.on_watch_list(streak, as_of, n)
    if found:
        assert found["account"].months_declining == streak.months
        assert found["account"].streak_start == streak.start


# --- tiers (大客户) ---------------------------------------------------------------------------------


def test_tier_a_is_the_smallest_set_making_80_percent() -> None:
    revenue = {"a": D(500), "b": D(300), "c": D(100), "d": D(60), "e": D(40)}
    # Cumulative before each: a 0, b 500 (50%), c 800 (80% -> not below 80%), d 900 (90%), e 960.
    assert tiers(revenue, A_SHARE, B_SHARE) == {
        "a": Tier.A,
        "b": Tier.A,
        "c": Tier.B,
        "d": Tier.B,
        "e": Tier.C,
    }


def test_an_account_crossing_the_line_is_still_tier_a() -> None:
    revenue = {"a": D(700), "b": D(200), "c": D(100)}
    # a alone is 70% (< 80%), so b is needed to reach 80%: both A; c starts at 90% (< 95%): B.
    assert tiers(revenue, A_SHARE, B_SHARE) == {"a": Tier.A, "b": Tier.A, "c": Tier.B}


def test_accounts_without_revenue_have_no_tier() -> None:
    assert tiers({"a": D(10), "b": D(0)}, A_SHARE, B_SHARE) == {"a": Tier.A}
    assert tiers({}, A_SHARE, B_SHARE) == {}


def test_ties_rank_by_key() -> None:
    assert tiers({"b": D(50), "a": D(50)}, D("0.5"), B_SHARE) == {"a": Tier.A, "b": Tier.B}


def test_tier_shares_must_grow() -> None:
    assert rules.tier_shares_valid(D("0.8"), D("0.95")) is None
    assert rules.tier_shares_valid(D("0.9"), D("0.8")) == "tier_b_share"
    assert rules.tier_shares_valid(D("0"), D("0.8")) == "tier_a_share"


# --- files ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["2026-3", "2026-03", " 2026-03 ", "2026/3", "2026/3/1", "2026-03-31", "2026/03/15", "2026年3月"]
)
def test_months_parse(text: str) -> None:
    # The month as typed, and as Excel writes a date cell saved as CSV (zh-CN: 2026/3/1).
    assert rules.parse_month(text) == date(2026, 3, 1)


@pytest.mark.parametrize(
    "text",
    ["2026-13", "2026/13/1", "2026-02-30", "2026-03/01", "March", "", "26-03", "2026年13月", "2026-03-01x"],
)
def test_bad_months_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="month"):
        rules.parse_month(text)


def test_amounts_are_decimals_not_below_zero() -> None:
    assert rules.parse_amount("1,234.5") == D("1234.50")
    for bad, reason in (
        ("-1", "negative"),
        ("abc", "number"),
        ("1.234", "decimal places"),
        ("NaN", "number"),
    ):
        with pytest.raises(ValueError, match=reason):
            rules.parse_amount(bad)


def test_headers_are_recognised_in_english_and_chinese() -> None:
    fields = imports.REVENUE.fields
    assert import_kit.auto_map(["客户编码", "月份", "金额"], fields) == {
        "account_code": 0,
        "month": 1,
        "amount": 2,
    }
    assert import_kit.auto_map(["Month", "Account code", "Amount"], fields) == {
        "month": 0,
        "account_code": 1,
        "amount": 2,
    }
    mapping = import_kit.auto_map(["code", "when"], fields)
    assert import_kit.mapping_problems(mapping, fields, 2) == [
        "month: missing column",
        "amount: missing column",
    ]


def test_each_bad_row_names_its_row_column_value_and_reason() -> None:
    # Unknown codes and duplicates need the tenant's accounts: the API tests check those.
    mapping = {"account_code": 0, "month": 1, "amount": 2}
    rows = [
        (2, ["C-001", "2026-01", "100"]),
        (3, ["", "2026-01", "100"]),
        (4, ["C-001", "2026-13", "100"]),
        (5, ["C-001", "2026-02", "-5"]),
    ]
    valid, errors = import_kit.parse_rows(imports.REVENUE, rows, mapping)
    assert [v.row for v in valid] == [2]
    assert [(e.row, e.column, e.message, e.value) for e in errors] == [
        (3, "account_code", "is empty", ""),
        (4, "month", "must be a month like 2026-03", "2026-13"),
        (5, "amount", "must not be negative", "-5"),
    ]
