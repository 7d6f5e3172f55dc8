"""The job-analysis questionnaire's aggregation on a known data set: two raters (the store
manager in post and the regional manager) rate six items, one per dimension, on need, importance
and contribution; the means, points, ability profile, rater disagreement and suggested grade."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bizsuite.modules.hr import rules
from hypothesis import given, settings
from hypothesis import strategies as st

ITEMS = {
    "I1": "information_input",
    "I2": "mental_processes",
    "I3": "interpersonal",
    "I4": "work_context",
    "I5": "other_aspects",
    "I6": "criticality",
    "I7": "criticality",  # nobody rated it: left out
}
#: (need, importance, contribution) per item.
INCUMBENT = {
    "I1": (4, 4, 3),
    "I2": (5, 5, 4),
    "I3": (5, 4, 4),
    "I4": (3, 3, 2),
    "I5": (2, 2, 2),
    "I6": (4, 5, 5),
}
MANAGER = {
    "I1": (4, 3, 3),
    "I2": (4, 5, 5),
    "I3": (2, 2, 2),
    "I4": (3, 3, 3),
    "I5": (2, 3, 2),
    "I6": (5, 5, 5),
}
BANDS = [
    (Decimal(0), "S1"),
    (Decimal(40), "S2"),
    (Decimal(60), "S3"),
    (Decimal(80), "M1"),
    (Decimal(100), "M2"),
]


def _ratings() -> list[rules.Rating]:
    return [
        rules.Rating(rater, role, item, *values)
        for rater, role, table in (("赵磊", "incumbent", INCUMBENT), ("孙丽", "manager", MANAGER))
        for item, values in table.items()
    ]


def test_the_known_data_set_aggregates_to_its_means_points_and_profile() -> None:
    result = rules.analyse(ITEMS, _ratings())
    assert result.raters == 2
    assert [
        (i.item, str(i.need), str(i.importance), str(i.contribution), str(i.points)) for i in result.items
    ] == [
        ("I1", "4.00", "3.50", "3.00", "10.50"),
        ("I2", "4.50", "5.00", "4.50", "22.50"),
        ("I3", "3.50", "3.00", "3.00", "9.00"),
        ("I4", "3.00", "3.00", "2.50", "7.50"),
        ("I5", "2.00", "2.50", "2.00", "5.00"),
        ("I6", "4.50", "5.00", "5.00", "25.00"),
    ]
    assert result.points == Decimal("79.50")
    assert result.formula == "points = Σ mean importance × mean contribution over 6 rated items = 79.50"
    assert [(d.dimension, str(d.need)) for d in result.profile] == [
        ("information_input", "4.00"),
        ("mental_processes", "4.50"),
        ("interpersonal", "3.50"),
        ("work_context", "3.00"),
        ("other_aspects", "2.00"),
        ("criticality", "4.50"),
    ]


def test_raters_who_disagree_are_shown() -> None:
    result = rules.analyse(ITEMS, _ratings())
    interpersonal = result.items[2]
    assert interpersonal.by_role["incumbent"] == {"need": 5, "importance": 4, "contribution": 4}
    assert interpersonal.by_role["manager"] == {"need": 2, "importance": 2, "contribution": 2}
    assert (interpersonal.gap, interpersonal.disagreement) == (Decimal("3.00"), True)
    assert [i.item for i in result.items if i.disagreement] == ["I3"]
    only_incumbents = rules.analyse(
        {"I1": "information_input"}, [r for r in _ratings() if r.role == "incumbent"]
    )
    assert only_incumbents.items[0].gap is None and not only_incumbents.items[0].disagreement


@pytest.mark.parametrize(
    ("points", "grade"),
    [("79.50", "S3"), ("80", "M1"), ("79.99", "S3"), ("0", "S1"), ("150", "M2"), ("-1", None)],
)
def test_points_suggest_the_grade_of_the_tenants_table(points: str, grade: str | None) -> None:
    assert rules.suggest_grade(Decimal(points), BANDS) == grade


def test_means_are_rounded_half_up_to_the_cent() -> None:
    ratings = [rules.Rating(n, "incumbent", "I1", need, 5, 3) for n, need in enumerate((4, 4, 5))]
    (item,) = rules.analyse({"I1": "information_input"}, ratings).items
    assert item.need == Decimal("4.33")
    two = [rules.Rating(n, "incumbent", "I1", need, imp, 5) for n, (need, imp) in enumerate(((1, 4), (2, 5)))]
    (item,) = rules.analyse({"I1": "information_input"}, two).items
    assert (item.need, item.importance, item.points) == (Decimal("1.50"), Decimal("4.50"), Decimal("22.50"))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(rules.RATER_ROLES), st.integers(1, 5), st.integers(1, 5), st.integers(1, 5)
        ),
        min_size=1,
        max_size=8,
    )
)
def test_points_stay_within_the_scales(rows: list[tuple[str, int, int, int]]) -> None:
    ratings = [rules.Rating(n, role, "I1", *values) for n, (role, *values) in enumerate(rows)]
    (item,) = rules.analyse({"I1": "criticality"}, ratings).items
    assert Decimal(1) <= item.need <= Decimal(5)
    assert Decimal(1) <= item.points <= Decimal(25)
    assert (item.gap is None) == (len({r.role for r in ratings}) < 2)
