"""HR's rules as plain functions: loops in promotion paths and reporting lines, protected
characteristics flagged in Chinese and English, staffing, assignment history, numbering."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from bizsuite.modules.hr import rules
from hypothesis import given, settings
from hypothesis import strategies as st


def test_codes_compare_in_upper_case() -> None:
    assert rules.normal_code(" store-mgr ") == "STORE-MGR"


# --- loops ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edges", "loop"),
    [
        ({}, None),
        ({"clerk": ["supervisor"], "supervisor": ["manager"]}, None),
        ({"a": ["a"]}, ["a", "a"]),
        (
            {"clerk": ["supervisor"], "supervisor": ["manager"], "manager": ["clerk"]},
            ["clerk", "supervisor", "manager", "clerk"],
        ),
        ({"x": ["y"], "y": ["z", "x"]}, ["x", "y", "x"]),
        ({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}, None),  # two ways up to one position
    ],
)
def test_a_loop_is_found_with_the_positions_walked(
    edges: dict[str, list[str]], loop: list[str] | None
) -> None:
    assert rules.find_cycle(edges) == loop


def test_promoting_the_manager_back_to_the_clerk_would_make_a_loop() -> None:
    promotions = {"clerk": ["supervisor"], "supervisor": ["manager"]}
    assert rules.cycle_if(promotions, "manager", ["clerk"]) == ["manager", "clerk", "supervisor", "manager"]
    assert rules.cycle_if(promotions, "manager", ["regional"]) is None
    # Replacing a position's own paths drops the old ones: no loop once supervisor leads elsewhere.
    assert rules.cycle_if({"a": ["b"], "b": ["a"]}, "b", ["c"]) is None


def test_promoted_from_is_read_from_the_other_positions_paths() -> None:
    promotions = {"clerk": ["supervisor"], "cashier": ["supervisor"], "supervisor": ["manager"]}
    assert rules.inverse(promotions, "supervisor") == ["clerk", "cashier"]
    assert rules.inverse(promotions, "clerk") == []


def test_a_long_chain_has_no_loop_and_does_not_overflow() -> None:
    chain = {i: [i + 1] for i in range(20000)}
    assert rules.find_cycle(chain) is None
    chain[20000] = [0]
    loop = rules.find_cycle(chain)
    assert loop is not None and loop[0] == loop[-1] and len(loop) == 20002


@st.composite
def graphs(draw: st.DrawFn) -> dict[int, list[int]]:
    size = draw(st.integers(min_value=1, max_value=12))
    nodes = list(range(size))
    return {n: draw(st.lists(st.sampled_from(nodes), max_size=3, unique=True)) for n in nodes}


def _reachable(edges: dict[int, list[int]], start: int, goal: int) -> bool:
    seen, todo = set(), list(edges.get(start, []))
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, []))
    return False


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_a_loop_is_reported_exactly_when_one_exists_and_is_a_real_walk(edges: dict[int, list[int]]) -> None:
    loop = rules.find_cycle(edges)
    has_loop = any(_reachable(edges, node, node) for node in edges)
    assert (loop is not None) == has_loop
    if loop is not None:
        assert loop[0] == loop[-1]
        assert all(b in edges[a] for a, b in itertools.pairwise(loop))


@settings(max_examples=300, deadline=None)
@given(graphs(), st.data())
def test_a_path_is_refused_exactly_when_its_target_leads_back(
    edges: dict[int, list[int]], data: st.DataObject
) -> None:
    acyclic = {n: [t for t in ts if t > n] for n, ts in edges.items()}  # edges only upwards: no loop
    assert rules.find_cycle(acyclic) is None
    source = data.draw(st.sampled_from(sorted(acyclic)))
    target = data.draw(st.sampled_from(sorted(acyclic)))
    loop = rules.cycle_if(acyclic, source, [*acyclic[source], target])
    assert (loop is not None) == (target == source or _reachable(acyclic, target, source))


# --- protected characteristics --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("本科以上学历，三年以上零售管理经验", []),
        (
            "限男性，35岁以下，身高170cm以上",
            [("gender", "男性"), ("age", "35岁"), ("height", "身高"), ("height", "170cm")],
        ),
        (
            "女士优先，未婚，形象气质佳",
            [("gender", "女士"), ("marital_status", "未婚"), ("physique", "形象气质")],
        ),
        ("年龄25-35周岁，体型匀称", [("age", "年龄"), ("age", "周岁"), ("physique", "体型")]),
        (
            "Male candidates under 35, height above 175 cm, married",
            [
                ("gender", "Male"),
                ("age", "under 35"),
                ("height", "height"),
                ("height", "175 cm"),
                ("marital_status", "married"),
            ],
        ),
        (
            "Good-looking, young, physique suited to standing",
            [("physique", "Good-looking"), ("age", "young"), ("physique", "physique")],
        ),
        ("Manages the store's average sales and stock ageing reports", []),  # no whole words
        ("Mentors new staff; leads the womenswear section", []),
    ],
)
def test_free_text_naming_a_protected_characteristic_is_flagged(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert [(t.characteristic, t.term) for t in rules.protected_terms(text, "experience")] == found


def test_flags_name_the_field_and_each_term_once() -> None:
    flags = rules.review_flags({"experience": "男性 男性 male MALE", "training": None, "summary": "已婚"})
    assert [(f.field, f.characteristic, f.term) for f in flags] == [
        ("experience", "gender", "男性"),
        ("experience", "gender", "male"),
        ("summary", "marital_status", "已婚"),
    ]
    assert set(rules.PROTECTED) == {"gender", "age", "height", "physique", "marital_status"}


# --- staffing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headcount", "filled", "vacancies", "over"),
    [(3, 2, 1, 0), (1, 1, 0, 0), (2, 0, 2, 0), (1, 3, 0, 2), (0, 0, 0, 0)],
)
def test_vacancies_are_headcount_less_those_in_post(
    headcount: int, filled: int, vacancies: int, over: int
) -> None:
    s = rules.staffing(headcount, filled)
    assert (s.vacancies, s.over) == (vacancies, over)
    assert s.formula == f"vacancies = max(0, headcount {headcount} − in post {filled}) = {vacancies}"


def test_a_units_vacancies_add_up_position_by_position() -> None:
    # The store manager's post is vacant and the sales floor has one person too many: the store
    # still shows the vacancy (headcount 6, in post 6, vacancies 1, over 1).
    total = rules.total_staffing([rules.staffing(1, 0), rules.staffing(5, 6)])
    assert (total.headcount, total.filled, total.vacancies, total.over, total.positions) == (6, 6, 1, 1, 2)
    assert "over 2 positions = 1" in total.formula


def test_an_assignment_holds_from_its_first_to_its_last_day() -> None:
    assert rules.holds_on(date(2026, 1, 1), None, date(2026, 1, 1))
    assert rules.holds_on(date(2026, 1, 1), date(2026, 3, 31), date(2026, 3, 31))
    assert not rules.holds_on(date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 1))
    assert not rules.holds_on(date(2026, 1, 2), None, date(2026, 1, 1))


# --- assignment history ---------------------------------------------------------------------


def test_a_transfer_ends_the_open_assignment_the_day_before() -> None:
    history = [rules.Span("clerk", date(2024, 3, 1), None)]
    plan = rules.plan_assignment(history, date(2026, 7, 1))
    assert (plan.closes, plan.closes_on, plan.problem) == ("clerk", date(2026, 6, 30), None)


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "problem"),
    [
        (date(2024, 3, 1), None, "overlaps the assignment from 2024-03-01"),  # same day as the open one
        (date(2023, 6, 1), date(2024, 3, 1), "overlaps the assignment from 2024-03-01"),
        (date(2022, 5, 1), None, "overlaps the assignment from 2022-01-01 to 2022-12-31"),
        (date(2023, 6, 1), date(2023, 5, 1), "the end date is before the start date"),
    ],
)
def test_overlapping_assignments_are_refused(starts_on: date, ends_on: date | None, problem: str) -> None:
    history = [
        rules.Span("old", date(2022, 1, 1), date(2022, 12, 31)),
        rules.Span("now", date(2024, 3, 1), None),
    ]
    assert rules.plan_assignment(history, starts_on, ends_on).problem == problem


def test_a_gap_in_the_history_can_be_filled() -> None:
    history = [
        rules.Span("old", date(2022, 1, 1), date(2022, 12, 31)),
        rules.Span("now", date(2024, 3, 1), None),
    ]
    plan = rules.plan_assignment(history, date(2023, 1, 1), date(2024, 2, 29))
    assert plan == rules.AssignmentPlan()


# --- numbering ------------------------------------------------------------------------------


def test_versions_and_duty_items_are_numbered_in_order() -> None:
    assert rules.next_number([]) == 1
    assert rules.next_number([1, 3, 2]) == 4
    assert rules.renumbered(["b", "a", "c"]) == {"b": 1, "a": 2, "c": 3}
    assert rules.LEVELS == ("excellent", "good", "fair", "poor")
