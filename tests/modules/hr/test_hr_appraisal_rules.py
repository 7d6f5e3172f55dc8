"""Appraisal rules as plain functions: the cycle's lifecycle, the weighted roll-up of an
employee's duty levels (Σ weight × points / Σ weight, half-up to 0.01) with its formula, a
position's mean, the distribution over the four levels and the outliers of a calibration."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bizsuite.modules.hr import rules

POINTS = rules.DEFAULT_LEVEL_POINTS
D = Decimal


def test_a_cycle_opens_then_closes_and_stays_closed() -> None:
    assert rules.allowed_cycle_moves("draft") == ("open",)
    assert rules.allowed_cycle_moves("open") == ("closed",)
    assert rules.allowed_cycle_moves("closed") == ()


def test_the_default_points_are_100_85_70_50() -> None:
    assert POINTS == {"excellent": 100, "good": 85, "fair": 70, "poor": 50}


@pytest.mark.parametrize(
    ("duties", "score", "level", "scored"),
    [
        # The demo store manager's five weighted duties (30/15/20/20/15), all scored.
        (
            [
                ("sales", D(30), "excellent"),
                ("staff", D(15), "good"),
                ("stock", D(20), "good"),
                ("service", D(20), "fair"),
                ("cash", D(15), "excellent"),
            ],
            D("88.75"),  # (3000 + 1275 + 1700 + 1400 + 1500) / 100
            "good",
            5,
        ),
        # Weights that do not add up to 100 still share the score: (60×85 + 40×50) / 100.
        ([("a", D(60), "good"), ("b", D(40), "poor")], D("71.00"), "fair", 2),
        # Only the scored duties count: (30×100) / 30.
        ([("a", D(30), "excellent"), ("b", D(70), None)], D("100.00"), "excellent", 1),
        # No duty has a weight: each counts 1 — (100 + 70 + 50) / 3 = 73.333… → 73.33.
        ([("a", None, "excellent"), ("b", None, "fair"), ("c", None, "poor")], D("73.33"), "fair", 3),
        # Half-up to 0.01: (1 × 100 + 7 × 85) / 8 = 86.875 → 86.88.
        ([("a", D(1), "excellent"), ("b", D(7), "good")], D("86.88"), "good", 2),
        ([("a", D(1), "excellent"), ("b", D(2), "good")], D("90.00"), "good", 2),  # 270 / 3
        (
            [("a", D(1), "excellent"), ("b", D(5), "poor"), ("c", D(3), "good")],
            D("67.22"),
            "fair",
            3,
        ),  # 605 / 9
        # Some weighted, one not: the unweighted duty counts 0 and is shown.
        ([("a", D(50), "poor"), ("b", None, "excellent")], D("50.00"), "poor", 2),
        # Nothing scored yet.
        ([("a", D(50), None)], None, None, 0),
        ([], None, None, 0),
    ],
)
def test_the_roll_up_weighs_each_scored_duty_s_points(
    duties: list[tuple[str, Decimal | None, str | None]],
    score: Decimal | None,
    level: str | None,
    scored: int,
) -> None:
    result = rules.rollup(duties, POINTS)
    assert result.score == score
    assert result.level == level
    assert result.scored == scored and result.total == len(duties)


def test_the_roll_up_explains_itself() -> None:
    result = rules.rollup([("a", D(60), "good"), ("b", D(40), "poor"), ("c", D(10), None)], POINTS)
    assert result.formula == (
        "score = Σ weight × points / Σ weight = (60 × 85 + 40 × 50) / 100.00"
        " = 7100.00 / 100.00 = 71.00 (2 of 3 duties scored)"
    )
    assert not result.complete
    assert [(d.duty, d.points, d.counted) for d in result.duties] == [
        ("a", 85, 60), ("b", 50, 40), ("c", None, 10),
    ]  # fmt: skip
    assert rules.rollup([("a", D(1), None)], POINTS).formula == "no duty scored yet (0 of 1)"


def test_a_tenant_s_own_points_change_the_score() -> None:
    points = {"excellent": D(5), "good": D(4), "fair": D(3), "poor": D(1)}
    result = rules.rollup([("a", D(50), "excellent"), ("b", D(50), "fair")], points)
    assert result.score == D("4.00") and result.level == "good"


@pytest.mark.parametrize(
    ("score", "level"),
    [(D(100), "excellent"), (D(93), "excellent"), (D("92.5"), "excellent"), (D(92), "good"),
     (D(78), "good"), (D("77.5"), "good"), (D(77), "fair"), (D(60), "fair"), (D(59), "poor"), (D(0), "poor")],
)  # fmt: skip
def test_a_score_reads_as_the_nearest_level_ties_going_up(score: Decimal, level: str) -> None:
    assert rules.nearest_level(score, POINTS) == level


def test_a_position_s_roll_up_is_the_mean_of_its_scored_employees() -> None:
    assert rules.mean_score([D("86.75"), D("71.00"), None]) == D("78.88")  # 157.75 / 2 = 78.875 ↑
    assert rules.mean_score([None]) is None
    assert rules.mean_score([]) is None


def test_the_distribution_counts_each_level() -> None:
    assert rules.distribution(["good", "good", "poor", None]) == {
        "excellent": 0, "good": 2, "fair": 0, "poor": 1,
    }  # fmt: skip


def test_outliers_are_self_manager_gaps_and_scores_far_from_the_mean() -> None:
    rows = [
        ("modest", D(70), D(90)),  # 20 apart: self_gap
        ("close", D(88), D(85)),
        ("low", D(50), D(50)),  # mean of managers (90 + 85 + 50 + 92) / 4 = 79.25: 29.25 below
        ("unscored", D(95), None),
        ("exact", D(107), D(92)),  # exactly 15 apart: not an outlier
    ]
    found = rules.outliers(rows)
    assert [(o.key, o.reasons) for o in found] == [("modest", ("self_gap",)), ("low", ("spread",))]
