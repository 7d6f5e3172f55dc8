"""Contracts domain rules without a database: numbering patterns, the lifecycle, milestone amounts,
以收定支 (the spec's worked example, the boundary) and ageing buckets on fixed dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import ContractStatus, SpendRule

D = Decimal


def test_numbers_fill_year_and_sequence() -> None:
    assert rules.format_number("HT-{year}-{seq:04d}", 2026, 1) == "HT-2026-0001"
    assert rules.format_number("{year}{seq:05d}", 2027, 42) == "202700042"
    assert rules.pattern_error("HT-{year}-{seq:04d}") is None
    assert "seq" in (rules.pattern_error("HT-{year}") or "")
    assert "{month}" in (rules.pattern_error("HT-{month}-{seq}") or "")
    assert rules.pattern_error("HT-{seq:x}") is None  # hexadecimal is a valid integer format
    assert rules.pattern_error("HT-{seq:s}") is not None
    assert rules.pattern_error("HT-{seq") is not None


@pytest.mark.parametrize(
    "pattern",
    [
        "{seq:>2000000000}",  # a width that would build a 2 GB string
        "{seq:2000000000d}",
        "{seq:013d}",  # wider than 12
        "{seq:*^10}",  # fill and alignment
        "{seq:{year}}",  # a nested field
        "{seq!r}",  # a conversion
        "{year:>999999999}-{seq}",  # {year} takes no format
        "{seq:,d}",
        "{seq:.3}",
    ],
)
def test_patterns_with_unsafe_formats_are_refused_before_formatting(pattern: str) -> None:
    assert rules.pattern_error(pattern) is not None
    with pytest.raises(ValueError, match=r"\{"):
        rules.format_number(pattern, 2026, 1)


def test_pattern_formats_within_the_grammar_are_allowed() -> None:
    for pattern in ("HT-{year}-{seq}", "HT-{year}-{seq:04d}", "{seq:012d}", "{seq:6}", "{seq:X}", "{seq:d}"):
        assert rules.pattern_error(pattern) is None, pattern
    assert rules.format_number("{seq:012d}", 2026, 7) == "000000000007"
    assert "at most 12" in (rules.pattern_error("{seq:13d}") or "")


def test_lifecycle_moves() -> None:
    assert rules.allowed_next(ContractStatus.DRAFT) == (ContractStatus.IN_APPROVAL,)
    assert not rules.may_move(ContractStatus.DRAFT, ContractStatus.ACTIVE)
    assert not rules.may_move(ContractStatus.IN_APPROVAL, ContractStatus.APPROVED)  # the engine decides
    assert rules.may_move(ContractStatus.APPROVED, ContractStatus.ACTIVE)
    assert set(rules.allowed_next(ContractStatus.ACTIVE)) == {
        ContractStatus.COMPLETED,
        ContractStatus.TERMINATED,
        ContractStatus.EXPIRED,
    }
    for end in (ContractStatus.COMPLETED, ContractStatus.TERMINATED, ContractStatus.EXPIRED):
        assert rules.allowed_next(end) == ()


def test_milestone_amounts() -> None:
    assert rules.milestone_amount(D("1000000.00"), None, D("30")) == D("300000.00")
    assert rules.milestone_amount(D("333.33"), None, D("33.3333")) == D("111.11")
    assert rules.milestone_amount(D("1"), D("12.345"), None) == D("12.35")
    with pytest.raises(ValueError, match="amount or a percentage"):
        rules.milestone_amount(D("1"), None, None)
    assert rules.base_amount(D("100.00"), D("7.1234")) == D("712.34")


def test_the_worked_example_hard_soft_off() -> None:
    received, paid, requested = D("1000000.00"), D("950000.00"), D("60000.00")
    hard = rules.check_spend(SpendRule.HARD, received, paid, requested)
    assert (hard.outcome, hard.available, hard.shortfall) == ("refuse", D("50000.00"), D("10000.00"))
    soft = rules.check_spend(SpendRule.SOFT, received, paid, requested)
    assert (soft.outcome, soft.shortfall) == ("approve", D("10000.00"))
    assert rules.check_spend(SpendRule.OFF, received, paid, requested).outcome == "pay"
    assert hard.as_dict()["shortfall"] == "10000.00"


def test_the_boundary_is_inclusive() -> None:
    exact = rules.check_spend(SpendRule.HARD, D("1000000.00"), D("950000.00"), D("50000.00"))
    assert (exact.outcome, exact.shortfall) == ("pay", D("0.00"))
    over = rules.check_spend(SpendRule.HARD, D("1000000.00"), D("950000.00"), D("50000.01"))
    assert (over.outcome, over.shortfall) == ("refuse", D("0.01"))


def test_ageing_buckets_on_fixed_dates() -> None:
    as_of = date(2026, 6, 30)
    assert [rules.bucket_for(d) for d in (0, 30, 31, 60, 61, 90, 91, 400)] == [
        "0-30", "0-30", "31-60", "31-60", "61-90", "61-90", "90+", "90+",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="not due yet"):
        rules.bucket_for(-1)
    rows = [
        rules.Outstanding("due-today", date(2026, 6, 30), D("100"), D("0")),
        rules.Outstanding("day-30", date(2026, 5, 31), D("200"), D("50")),
        rules.Outstanding("day-31", date(2026, 5, 30), D("300"), D("0")),
        rules.Outstanding("day-90", date(2026, 4, 1), D("400"), D("0")),
        rules.Outstanding("day-91", date(2026, 3, 31), D("500"), D("100")),
        rules.Outstanding("settled", date(2026, 1, 1), D("600"), D("600")),
        rules.Outstanding("future", date(2026, 7, 1), D("700"), D("0")),
    ]
    result = rules.ageing(as_of, rows)
    assert result.totals == {"0-30": D("250"), "31-60": D("300"), "61-90": D("400"), "90+": D("400")}
    assert result.not_due == D("700") and result.total == D("1350")
    assert [(r.key, days) for r, days in result.items["0-30"]] == [("due-today", 0), ("day-30", 30)]
    assert [(r.key, days) for r, days in result.items["90+"]] == [("day-91", 91)]
