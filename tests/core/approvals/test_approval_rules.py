"""Approval rules over plain data: flow selection, approver resolution, route planning, next step."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from bizsuite.core.approvals.models import ApproverKind, StepStatus
from bizsuite.core.approvals.rules import (
    DocumentFacts,
    FlowConditions,
    OrgNode,
    RouteError,
    SkipReason,
    StepRule,
    amount_error,
    ancestry,
    flow_matches,
    next_position,
    plan_route,
    resolve_approver,
    select_flow,
)


def uid() -> uuid.UUID:
    return uuid.uuid4()


# A group: HQ -> FIN, OPS, SALES (departments); RETAIL (subsidiary) -> EAST (region) -> SH (store).
HQ, FIN, OPS, SALES, RETAIL, EAST, SH = (uid() for _ in range(7))
TREE = {
    n.id: n
    for n in (
        OrgNode(HQ, None, "group"),
        OrgNode(FIN, HQ, "department"),
        OrgNode(OPS, HQ, "department"),
        OrgNode(SALES, HQ, "department"),
        OrgNode(RETAIL, HQ, "subsidiary"),
        OrgNode(EAST, RETAIL, "region"),
        OrgNode(SH, EAST, "store"),
    )
}
GM, FINANCE, OPS_MGR, REGION_MGR, STORE_MGR, SALES_HEAD, CLERK = (uid() for _ in range(7))
HOLDERS = {
    (HQ, "general_manager"): [GM],
    (FIN, "finance"): [FINANCE],
    (OPS, "operations_manager"): [OPS_MGR],
    (EAST, "regional_manager"): [REGION_MGR],
    (SH, "store_manager"): [STORE_MGR],
    (SALES, "department_manager"): [SALES_HEAD],
}


def step(position: int, kind: ApproverKind, role: str | None = None, **extra: object) -> StepRule:
    return StepRule(
        position=position, label=f"step {position}", approver_kind=kind, approver_role=role, **extra
    )


SEED_FLOWS = {
    "store": [
        step(1, ApproverKind.ROLE_AT_UNIT, "store_manager"),
        step(2, ApproverKind.ROLE_AT_ANCESTOR_KIND, "regional_manager", org_unit_kind="region"),
        step(3, ApproverKind.ROLE_AT_NAMED_UNIT, "operations_manager", org_unit_id=OPS),
    ],
    "department": [
        step(1, ApproverKind.ROLE_AT_UNIT, "department_manager"),
        step(2, ApproverKind.ROLE_AT_NAMED_UNIT, "operations_manager", org_unit_id=OPS),
        step(3, ApproverKind.ROLE_AT_ANCESTOR_KIND, "general_manager", org_unit_kind="group"),
    ],
    "operating": [
        step(1, ApproverKind.ROLE_AT_NAMED_UNIT, "finance", org_unit_id=FIN),
        step(2, ApproverKind.ROLE_AT_ANCESTOR_KIND, "general_manager", org_unit_kind="group"),
    ],
    "special": [
        step(1, ApproverKind.ROLE_AT_UNIT, "department_manager", optional=True),
        step(
            2, ApproverKind.ROLE_AT_ANCESTOR_KIND, "regional_manager", org_unit_kind="region", optional=True
        ),
        step(3, ApproverKind.ROLE_AT_NAMED_UNIT, "finance", org_unit_id=FIN),
        step(4, ApproverKind.ROLE_AT_ANCESTOR_KIND, "general_manager", org_unit_kind="group"),
    ],
}


def route(flow: str, unit: uuid.UUID, author: uuid.UUID = CLERK) -> list[uuid.UUID | None]:
    planned = plan_route(SEED_FLOWS[flow], ancestry(TREE, unit), HOLDERS, author)
    return [p.approver_id for p in planned if not p.skipped]


def test_store_expense_goes_store_then_region_then_operations() -> None:
    assert route("store", SH) == [STORE_MGR, REGION_MGR, OPS_MGR]


def test_department_expense_goes_department_then_operations_then_general_manager() -> None:
    assert route("department", SALES) == [SALES_HEAD, OPS_MGR, GM]


def test_operating_expense_goes_finance_then_general_manager() -> None:
    assert route("operating", SALES) == [FINANCE, GM]
    assert route("operating", SH) == [FINANCE, GM]


def test_special_expense_starts_at_the_department_or_the_region() -> None:
    assert route("special", SALES) == [SALES_HEAD, FINANCE, GM]
    assert route("special", SH) == [REGION_MGR, FINANCE, GM]
    assert route("special", EAST) == [REGION_MGR, FINANCE, GM]


def test_the_author_never_approves_their_own_document() -> None:
    planned = plan_route(SEED_FLOWS["store"], ancestry(TREE, SH), HOLDERS, STORE_MGR)
    assert [(p.approver_id, p.skip_reason) for p in planned] == [
        (STORE_MGR, SkipReason.AUTHOR),
        (REGION_MGR, None),
        (OPS_MGR, None),
    ]


def test_a_required_step_without_approver_refuses_the_route() -> None:
    with pytest.raises(RouteError) as caught:
        plan_route(SEED_FLOWS["store"], ancestry(TREE, SALES), HOLDERS, CLERK)
    assert caught.value.position == 1
    assert "store_manager" in str(caught.value)


def test_a_route_of_only_the_author_is_refused() -> None:
    with pytest.raises(RouteError, match="no approver"):
        plan_route([step(1, ApproverKind.USER, user_id=CLERK)], ancestry(TREE, SH), HOLDERS, CLERK)


def test_role_at_unit_levels_up_and_nearest_role() -> None:
    chain = ancestry(TREE, SH)
    assert [n.id for n in chain] == [SH, EAST, RETAIL, HQ]
    holders = {**HOLDERS, (RETAIL, "general_manager"): [OPS_MGR]}
    assert (
        resolve_approver(
            step(1, ApproverKind.ROLE_AT_UNIT, "regional_manager", levels_up=1), chain, holders
        ).approver_id
        == REGION_MGR
    )
    assert (
        resolve_approver(step(1, ApproverKind.ROLE_AT_UNIT, "x", levels_up=9), chain, holders).approver_id
        is None
    )
    nearest = resolve_approver(step(1, ApproverKind.NEAREST_ROLE, "general_manager"), chain, holders)
    assert (nearest.approver_id, nearest.org_unit_id) == (OPS_MGR, RETAIL)
    assert (
        resolve_approver(step(1, ApproverKind.NEAREST_ROLE, "general_manager"), chain, HOLDERS).approver_id
        == GM
    )
    assert (
        resolve_approver(step(1, ApproverKind.USER, user_id=FINANCE), chain, HOLDERS).approver_id == FINANCE
    )


def test_several_holders_first_assigned_approves() -> None:
    second = uid()
    holders = {(SH, "store_manager"): [STORE_MGR, second]}
    assert (
        resolve_approver(
            step(1, ApproverKind.ROLE_AT_UNIT, "store_manager"), ancestry(TREE, SH), holders
        ).approver_id
        == STORE_MGR
    )


def test_ancestry_survives_a_cycle() -> None:
    a, b = uid(), uid()
    cyclic = {a: OrgNode(a, b, "region"), b: OrgNode(b, a, "store")}
    assert [n.id for n in ancestry(cyclic, b)] == [b, a]


def flow(code: str, priority: int = 100, **conditions: object) -> FlowConditions:
    return FlowConditions(flow_id=uid(), code=code, priority=priority, **conditions)


def facts(amount: str | None = "100.00", **extra: object) -> DocumentFacts:
    values: dict[str, object] = {
        "document_type": "expense",
        "org_unit_kind": "store",
        "category": None,
        "amount": Decimal(amount) if amount is not None else None,
        "currency": "CNY",
    }
    values.update(extra)
    return DocumentFacts(**values)


def test_a_condition_on_amount_picks_the_flow() -> None:
    small = flow("small", 10, max_amount=Decimal("5000.00"))
    large = flow("large", 10, min_amount=Decimal("5000.00"))
    flows = [small, large]
    assert select_flow(flows, facts("4999.99")) is small
    assert select_flow(flows, facts("5000.00")) is large
    assert select_flow(flows, facts("0.00")) is small
    assert select_flow(flows, facts(None)) is None


def test_priority_then_code_decides_between_matching_flows() -> None:
    generic = flow("generic", 100)
    store = flow("store", 30, org_unit_kinds=("store",))
    special = flow("special", 10, categories=("over_budget",))
    assert select_flow([generic, store, special], facts()) is store
    assert select_flow([generic, store, special], facts(category="over_budget")) is special
    assert select_flow([generic, store, special], facts(org_unit_kind="department")) is generic
    a, b = flow("b-flow", 5), flow("a-flow", 5)
    assert select_flow([a, b], facts()) is b


def test_document_type_currency_and_inactive_flows() -> None:
    contracts = flow("contracts", document_types=("contract",))
    assert not flow_matches(contracts, facts())
    assert flow_matches(contracts, facts(document_type="contract"))
    usd = flow("usd", currency="USD")
    assert not flow_matches(usd, facts())
    assert flow_matches(usd, facts(currency="USD"))
    assert not flow_matches(flow("off", is_active=False), facts())


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("12.50", None),
        ("12.500", None),
        ("0", None),
        ("12.345", "more than 2 decimal places"),
        ("-1", "negative"),
        ("NaN", "finite"),
        ("1E+20", "at most"),
    ],
)
def test_money_amounts(value: str, problem: str | None) -> None:
    message = amount_error(Decimal(value))
    assert (message is None) if problem is None else (message is not None and problem in message)


def test_next_position_skips_decided_and_skipped_steps() -> None:
    steps = [
        (1, StepStatus.APPROVED),
        (2, StepStatus.SKIPPED),
        (3, StepStatus.WAITING),
        (4, StepStatus.WAITING),
    ]
    assert next_position(steps, 1) == 3
    assert next_position(steps, 3) == 4
    assert next_position(steps, 4) is None
    assert next_position([(1, StepStatus.SKIPPED), (2, StepStatus.WAITING)], None) == 2
