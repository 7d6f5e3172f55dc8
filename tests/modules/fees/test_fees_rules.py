"""The fee functions with the spec's worked numbers (product.md, *Fee billing*), table-driven, and
properties: a statement's total is the sum of its lines; each line is rounded once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.rules import ComponentKind, Cutoff, SourceRecord
from hypothesis import example, given
from hypothesis import strategies as st

D = Decimal


@pytest.mark.parametrize(
    ("total", "rate", "fee"),
    [
        (D("12345678.90"), D("0.70"), D("86419.75")),  # the spec's Q1 example
        (D("0.00"), D("0.70"), D("0.00")),
        (D("100.00"), D("0.70"), D("0.70")),
        (D("0.71"), D("0.70"), D("0.00")),  # 0.00497 rounds down
        (D("1.50"), D("0.70"), D("0.01")),  # 0.0105 rounds half-up
        (D("1000000.00"), D("0.25"), D("2500.00")),
    ],
)
def test_the_volume_fee_is_the_total_per_100_usd_times_the_rate(total: D, rate: D, fee: D) -> None:
    line = rules.volume_fee(total, rate, period="2026-Q1")
    assert line.amount == fee
    assert line.currency == "CNY"
    assert line.inputs["customs_total"] == str(total) and line.inputs["rate"] == str(rate)


def test_the_spec_example_shows_its_formula() -> None:
    line = rules.volume_fee(D("12345678.90"), D("0.70"))
    assert line.formula == "12,345,678.90 USD ÷ 100 × 0.70 CNY = 86,419.75 CNY"
    assert line.exact == D("86419.75230")


@pytest.mark.parametrize(
    ("rate", "allowed"),
    [
        (D("0.10"), True),  # the lower bound is inside
        (D("0.25"), True),  # so is the upper one
        (D("0.175"), True),
        (D("0.09"), False),
        (D("0.0999"), False),
        (D("0.251"), False),
        (D("0.70"), False),
    ],
)
def test_the_band_bounds_are_inclusive_and_a_rate_outside_is_refused_naming_the_band(
    rate: D, allowed: bool
) -> None:
    if allowed:
        line = rules.band_settlement_fee(D("40000000.00"), rate, D("0.10"), D("0.25"), year=2026)
        assert line.amount == rules.money(D("40000000.00") / 100 * rate)
        assert line.inputs["band"] == "0.10–0.25"
    else:
        with pytest.raises(rules.BandProblem) as refused:
            rules.band_settlement_fee(D("40000000.00"), rate, D("0.10"), D("0.25"), year=2026)
        assert "0.10–0.25" in str(refused.value)


def test_the_year_end_settlement_bills_the_annual_total_at_the_band_rate() -> None:
    line = rules.band_settlement_fee(D("45678901.23"), D("0.20"), D("0.10"), D("0.25"), year=2026)
    assert line.amount == D("91357.80")  # 45,678,901.23 / 100 × 0.20 = 91,357.80246
    assert line.inputs["from"] == "2025-12-21" and line.inputs["to"] == "2026-12-20"


@pytest.mark.parametrize(
    ("reported", "audited", "billed", "true_up"),
    [
        (D("5000000.00"), D("5250000.00"), D("1000000.00"), D("50000.00")),  # debit
        (D("5000000.00"), D("4800000.00"), D("1000000.00"), D("-40000.00")),  # credit
        (D("5000000.00"), D("5000000.00"), D("1000000.00"), D("0.00")),
        (D("1234567.89"), D("1234567.91"), D("246913.58"), D("0.00")),  # 246,913.582 − billed
        (D("100.00"), D("-50.00"), D("20.00"), D("-20.00")),  # an audited loss bills nothing
    ],
)
def test_the_profit_fee_is_20_percent_of_the_reported_profit_trued_up_on_the_audited(
    reported: D, audited: D, billed: D, true_up: D
) -> None:
    fee = rules.profit_fee(reported, D("20"), year=2025)
    assert fee.amount == billed
    assert fee.inputs["basis"] == "reported" and fee.inputs["year"] == "2025"
    line = rules.profit_true_up(audited, fee.amount, D("20"), year=2025, reported=reported)
    assert line.amount == true_up
    assert line.kind is rules.LineKind.TRUE_UP
    assert line.inputs["audited_profit"] == str(audited) and line.inputs["billed"] == str(billed)
    # the two lines together bill exactly 20% of the audited profit, rounded once
    assert fee.amount + line.amount == rules.money(max(audited, D(0)) * D("0.20"))


@pytest.mark.parametrize(
    ("income", "fee"),
    [
        (D("800000.00"), D("40000.00")),
        (D("123.45"), D("6.17")),
        (D("0.10"), D("0.01")),
        (D("0.00"), D("0.00")),
    ],
)
def test_the_other_income_fee_is_5_percent(income: D, fee: D) -> None:
    line = rules.share_fee(
        income, D("5"), component=ComponentKind.INCOME_SHARE, label="Other income", base_name="other_income"
    )
    assert line.amount == fee


@pytest.mark.parametrize(
    ("day", "period"),
    [
        (date(2026, 12, 20), (2026, 4)),  # the cut-off day itself counts toward this year
        (date(2026, 12, 21), (2027, 1)),  # the day after counts toward the next year
        (date(2026, 12, 31), (2027, 1)),
        (date(2027, 1, 1), (2027, 1)),
        (date(2026, 3, 31), (2026, 1)),
        (date(2026, 4, 1), (2026, 2)),
        (date(2026, 10, 1), (2026, 4)),
    ],
)
def test_the_20_december_cut_off_on_both_sides(day: date, period: tuple[int, int]) -> None:
    assert rules.fee_period(day) == period
    first, last = rules.period_window(*period)
    assert first <= day <= last


def test_the_fee_year_runs_from_21_december_to_20_december() -> None:
    assert rules.year_window(2026) == (date(2025, 12, 21), date(2026, 12, 20))
    assert rules.period_window(2026, 1) == (date(2025, 12, 21), date(2026, 3, 31))
    assert rules.period_window(2026, 4) == (date(2026, 10, 1), date(2026, 12, 20))
    assert rules.fee_period(date(2026, 11, 30), Cutoff(11, 30)) == (2026, 4)
    assert rules.fee_period(date(2026, 12, 1), Cutoff(11, 30)) == (2027, 1)


def test_the_reconciliation_deadline_is_15_days_after_the_quarter() -> None:
    assert rules.reconcile_deadline(2026, 1) == date(2026, 4, 15)
    assert rules.reconcile_deadline(2026, 4) == date(2027, 1, 15)


SEED = [
    rules.Component(ComponentKind.VOLUME_RATE, "Volume fee", rate=D("0.70")),
    rules.Component(
        ComponentKind.BAND_SETTLEMENT, "Year-end settlement", band_low=D("0.10"), band_high=D("0.25")
    ),
    rules.Component(ComponentKind.PROFIT_SHARE, "Profit fee", rate=D("20")),
    rules.Component(ComponentKind.INCOME_SHARE, "Other income fee", rate=D("5")),
]


def _records(*amounts: str) -> tuple[SourceRecord, ...]:
    return tuple(SourceRecord("customs_export", str(i), "2026-02-01", D(a)) for i, a in enumerate(amounts))


def test_the_seed_schedule_bills_q1_volume_and_last_years_profit() -> None:
    figures = rules.PeriodFigures(
        year=2026,
        quarter=1,
        quarter_customs=_records("10000000.00", "2345678.90"),
        reported_profit=SourceRecord("reported_profit", "p", "2025", D("5000000.00")),
    )
    lines = rules.period_lines(SEED, figures)
    assert [(line.component, line.amount) for line in lines] == [
        (ComponentKind.VOLUME_RATE, D("86419.75")),
        (ComponentKind.PROFIT_SHARE, D("1000000.00")),
    ]
    assert rules.statement_total(lines) == D("1086419.75")


def test_q4_needs_a_band_rate_and_adds_the_other_income() -> None:
    figures = rules.PeriodFigures(
        year=2026,
        quarter=4,
        quarter_customs=_records("1.00"),
        annual_customs=_records("40000000.00"),
        other_income=(SourceRecord("income_rent", "i", "2026", D("800000.00")),),
    )
    with pytest.raises(rules.MissingRate, match=r"0\.10–0\.25"):
        rules.period_lines(SEED, figures)
    with pytest.raises(rules.BandProblem, match=r"0\.10–0\.25"):
        rules.period_lines(SEED, figures, settlement_rate=D("0.30"))
    lines = rules.period_lines(SEED, figures, settlement_rate=D("0.25"))
    assert [line.amount for line in lines] == [D("100000.00"), D("40000.00")]


@pytest.mark.parametrize(
    ("component", "field"),
    [
        (rules.Component(ComponentKind.VOLUME_RATE, "x"), "rate"),
        (
            rules.Component(ComponentKind.BAND_SETTLEMENT, "x", band_low=D("0.3"), band_high=D("0.1")),
            "band_high",
        ),
        (rules.Component(ComponentKind.BAND_SETTLEMENT, "x"), "band_low"),
        (rules.Component(ComponentKind.PROFIT_SHARE, "x", rate=D("120")), "rate"),
        (rules.Component(ComponentKind.VOLUME_RATE, "x", rate=D("0.7"), quarters=(5,)), "quarters"),
    ],
)
def test_an_unusable_component_is_refused_naming_its_field(component: rules.Component, field: str) -> None:
    assert (rules.component_error(component) or ("", ""))[0] == field


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        ([], None),  # nobody in particular: the group view
        (["fin"], None),  # HQ finance
        (["trade-sales"], {"trade"}),  # a department inside a subsidiary
        (["trade", "retail-store"], {"trade", "retail"}),
        (["trade", "fin"], None),  # also placed at HQ
    ],
)
def test_subsidiary_staff_see_only_their_own_subsidiaries(
    units: list[str], expected: set[str] | None
) -> None:
    parents: dict[str, str | None] = {
        "hq": None,
        "fin": "hq",
        "trade": "hq",
        "trade-sales": "trade",
        "retail": "hq",
        "retail-store": "retail",
    }
    kinds = {"hq": "group", "fin": "department", "trade": "subsidiary", "trade-sales": "department"}
    kinds |= {"retail": "subsidiary", "retail-store": "store"}
    seen = rules.visible_subsidiaries(full_view=False, assigned_units=units, parents=parents, kinds=kinds)
    assert seen == (None if expected is None else frozenset(expected))
    assert (
        rules.visible_subsidiaries(full_view=True, assigned_units=units, parents=parents, kinds=kinds) is None
    )


@pytest.mark.parametrize(
    ("side", "seen", "refused"),
    [
        ("hq", None, None),  # HQ finance (the group view) confirms HQ's side
        ("hq", frozenset({"trade"}), "HQ's side is confirmed by HQ finance, not by a subsidiary's staff"),
        ("subsidiary", frozenset({"trade"}), None),  # the trading subsidiary's own staff
        ("subsidiary", frozenset({"trade", "retail"}), None),
        ("subsidiary", None, "Trading's side is confirmed by its own staff, not by HQ"),  # HQ may not
        ("subsidiary", frozenset({"retail"}), "Trading's side is confirmed by its own staff, not by HQ"),
    ],
)
def test_each_side_of_a_reconciliation_is_confirmed_by_its_own_people(
    side: str, seen: frozenset[str] | None, refused: str | None
) -> None:
    assert rules.side_refusal(side, seen=seen, subsidiary="trade", name="Trading") == refused


def test_ageing_buckets() -> None:
    due = date(2026, 5, 15)
    assert [
        rules.ageing_bucket(due, date(2026, m, d)) for m, d in ((5, 1), (5, 15), (5, 16), (6, 20), (9, 1))
    ] == [
        "current",
        "current",
        "1-30",
        "31-60",
        "90+",
    ]


amounts = st.decimals(
    min_value=D("0"), max_value=D("99999999999.99"), places=2, allow_nan=False, allow_infinity=False
)
rates = st.decimals(min_value=D("0"), max_value=D("10"), places=6, allow_nan=False, allow_infinity=False)
percents = st.decimals(min_value=D("0"), max_value=D("100"), places=4, allow_nan=False, allow_infinity=False)


@given(totals=st.lists(amounts, min_size=0, max_size=8), rate=rates, percent=percents, profit=amounts)
def test_a_statement_total_is_the_sum_of_its_lines_each_rounded_once(
    totals: list[D], rate: D, percent: D, profit: D
) -> None:
    lines = [rules.volume_fee(t, rate) for t in totals]
    lines.append(rules.profit_fee(profit, percent, year=2025))
    for line in lines:
        assert line.exact is not None
        assert line.amount == rules.money(line.exact)  # one rounding, of the exact figure
        assert line.amount == line.amount.quantize(rules.CENT)
    assert rules.statement_total(lines) == sum((line.amount for line in lines), D("0.00"))
    # rounding once per line is not rounding the sum: the total never drifts more than half a cent per line
    assert abs(rules.statement_total(lines) - sum((line.exact or D(0) for line in lines), D(0))) <= D(
        "0.005"
    ) * len(lines)


@given(reported=amounts, audited=amounts, percent=percents)
# found by hypothesis: 5% of 6,671.70 is 333.585 (bills 333.59) against 333.59 billed, so the exact
# difference is −0.005; rounding that to −0.01 would leave the two lines at 333.58
@example(reported=D("6671.80"), audited=D("6671.70"), percent=D("5"))
def test_a_true_up_makes_the_billed_profit_fee_exactly_the_audited_one(
    reported: D, audited: D, percent: D
) -> None:
    fee = rules.profit_fee(reported, percent, year=2025)
    true_up = rules.profit_true_up(audited, fee.amount, percent, year=2025, reported=reported)
    assert fee.amount + true_up.amount == rules.money(audited * percent / 100)
