"""Pipeline rules: weighted value, month buckets, the stage set's invariants and closing."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from bizsuite.modules.crm.models import StageKind
from bizsuite.modules.crm.pipeline import rules

NOW = dt.datetime(2026, 11, 29, 3, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("amount", "probability", "expected"),
    [
        ("100000.00", 10, "10000.00"),
        ("33333.33", 50, "16666.67"),  # 16666.665 rounds half-up
        ("0.05", 10, "0.01"),  # 0.005 rounds up, not to even
        ("0.04", 10, "0.00"),
        ("250000.50", 75, "187500.38"),  # 187500.375
        ("999.99", 100, "999.99"),
        ("999.99", 0, "0.00"),
    ],
)
def test_weighted_value_rounds_half_up_to_cents(amount: str, probability: int, expected: str) -> None:
    assert rules.weighted_value(Decimal(amount), probability) == Decimal(expected)
    assert str(rules.weighted_value(Decimal(amount), probability)) == expected


def test_forecast_months_start_with_this_month_and_cross_the_year() -> None:
    months = rules.forecast_months(dt.date(2026, 11, 29), 4)
    assert months == [dt.date(2026, 11, 1), dt.date(2026, 12, 1), dt.date(2027, 1, 1), dt.date(2027, 2, 1)]
    assert rules.add_months(dt.date(2027, 1, 1), -2) == dt.date(2026, 11, 1)
    assert rules.add_months(dt.date(2026, 12, 1), 13) == dt.date(2028, 1, 1)


def test_today_is_taken_in_the_tenant_time_zone() -> None:
    # 30 Nov 17:00 UTC is already 1 December in Shanghai: December is the first forecast month.
    late = dt.datetime(2026, 11, 30, 17, 0, tzinfo=dt.UTC)
    assert rules.local_today(late, "Asia/Shanghai") == dt.date(2026, 12, 1)
    assert rules.local_today(late, "Europe/London") == dt.date(2026, 11, 30)
    assert rules.forecast_months(rules.local_today(late, "Asia/Shanghai"), 1) == [dt.date(2026, 12, 1)]


def test_forecast_table_fills_every_month_and_ignores_others() -> None:
    months = rules.forecast_months(dt.date(2026, 11, 5), 3)
    table = rules.forecast_table(
        months,
        [
            (dt.date(2026, 12, 1), Decimal("300"), Decimal("160.005")),
            (dt.date(2027, 6, 1), Decimal(1), Decimal(1)),
        ],
        [(dt.date(2026, 11, 1), Decimal("80000"))],
    )
    assert [(m.month, m.open_amount, m.weighted_amount, m.won_amount) for m in table] == [
        (dt.date(2026, 11, 1), Decimal("0.00"), Decimal("0.00"), Decimal("80000.00")),
        (dt.date(2026, 12, 1), Decimal("300.00"), Decimal("160.01"), Decimal("0.00")),
        (dt.date(2027, 1, 1), Decimal("0.00"), Decimal("0.00"), Decimal("0.00")),
    ]


def test_default_stages_are_named_in_the_tenant_language() -> None:
    assert [s.name("zh-CN") for s in rules.DEFAULT_STAGES] == [
        "线索",
        "需求确认",
        "方案报价",
        "商务谈判",
        "赢单",
        "输单",
    ]
    assert [s.name("en") for s in rules.DEFAULT_STAGES] == [
        "Lead",
        "Qualified",
        "Proposal",
        "Negotiation",
        "Won",
        "Lost",
    ]
    assert [s.probability for s in rules.DEFAULT_STAGES] == [10, 25, 50, 75, 100, 0]
    assert rules.stage_set_problem(s.kind for s in rules.DEFAULT_STAGES) is None


def test_the_pipeline_keeps_exactly_one_won_and_a_lost_stage() -> None:
    open_, won, lost = StageKind.OPEN, StageKind.WON, StageKind.LOST
    assert rules.stage_set_problem([open_, won, lost, lost]) is None
    assert rules.stage_set_problem([open_, lost]) == "the pipeline needs exactly one won stage"
    assert rules.stage_set_problem([open_, won, won, lost]) == "the pipeline needs exactly one won stage"
    assert rules.stage_set_problem([open_, won]) == "the pipeline needs at least one lost stage"


def test_reordering_moves_or_inserts_a_stage() -> None:
    a, b, c, d = (uuid.uuid4() for _ in range(4))
    assert rules.reordered([a, b, c], c, 1) == [c, a, b]
    assert rules.reordered([a, b, c], a, 3) == [b, c, a]
    assert rules.reordered([a, b, c], d, 2) == [a, d, b, c]
    assert rules.reordered([a, b, c], d, 99) == [a, b, c, d]
    assert rules.order_problem([a, b], [b, a]) is None
    assert rules.order_problem([a, b], [a]) == "must list every stage of the pipeline exactly once"
    assert rules.order_problem([a, b], [a, a, b]) == "lists a stage twice"


def test_closing_rules() -> None:
    won = rules.closing(StageKind.WON, None, NOW)
    assert won.closed_at == NOW and won.close_reason is None
    earlier = NOW - dt.timedelta(days=3)
    assert rules.closing(StageKind.WON, "续约", NOW, closed_at=earlier) == rules.Closing(earlier, "续约")
    with pytest.raises(ValueError, match="reason"):
        rules.closing(StageKind.LOST, "   ", NOW)
    assert rules.closing(StageKind.LOST, " 预算取消 ", NOW) == rules.Closing(NOW, "预算取消")
    assert rules.closing(StageKind.OPEN, "whatever", NOW, closed_at=earlier) == rules.Closing(None, None)
