"""Helpdesk parity (issue 12): reassignment and priority change through the API, the priority
re-matching the SLA policy with the history keeping who changed what (old → new), refused status
moves naming the allowed ones, the SLA clock's inputs, and the rules behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from bizsuite.core.identity.models import Role
from bizsuite.modules.crm.models import TicketStatus
from bizsuite.modules.crm.tickets import rules
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user
from tests.conftest import TenantHandle
from tests.modules.crm.conftest import make_account
from tests.modules.crm.tickets.conftest import HOTLINE_1234, act, create_policy, open_ticket

URGENT: dict[str, Any] = {
    "code": "urgent",
    "name": "Urgent hotline",
    "priority": "urgent",
    "milestones": [
        {"key": "dispatched", "name": "Dispatched at once", "target_minutes": 5},
        {"key": "on_site", "name": "On site fast", "target_minutes": 15},
        {"key": "fixed", "name": "Fixed", "same_day": True},
    ],
}
T0 = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


# --- rules ------------------------------------------------------------------------------------


@dataclass
class Fact:
    key: str
    met_at: datetime | None = None
    breached_at: datetime | None = None


def test_rechain_keeps_facts_retargets_running_adds_and_drops() -> None:
    current = [
        Fact("dispatched", met_at=T0),
        Fact("on_site"),
        Fact("plan", breached_at=T0),
        Fact("feedback"),
    ]
    plan = rules.rechain(current, ["dispatched", "on_site", "fixed"])
    assert plan.kept == ("dispatched", "plan")
    assert plan.retargeted == ("on_site",)
    assert plan.added == ("fixed",)
    assert plan.dropped == ("feedback",)
    # The new chain first; facts it has no place for stay after it.
    assert plan.order == ("dispatched", "on_site", "fixed", "plan")


def test_rechain_to_no_policy_keeps_only_what_happened() -> None:
    plan = rules.rechain([Fact("a", met_at=T0), Fact("b")], [])
    assert (plan.kept, plan.dropped, plan.order) == (("a",), ("b",), ("a",))


def test_each_allowed_move_has_its_own_action_and_waiting_resumes_once() -> None:
    for status in TicketStatus:
        actions = [action for _target, action in rules.status_actions(status)]
        assert len(actions) == len(set(actions)), status
    waiting = dict(rules.status_actions(TicketStatus.WAITING))
    assert waiting[TicketStatus.IN_PROGRESS] is rules.StatusAction.RESUME
    assert waiting[TicketStatus.OPEN] is rules.StatusAction.REQUEUE
    assert list(waiting.values()).count(rules.StatusAction.RESUME) == 1
    assert rules.status_action(TicketStatus.RESOLVED, TicketStatus.IN_PROGRESS) is rules.StatusAction.REOPEN
    assert rules.status_action(TicketStatus.CLOSED, TicketStatus.OPEN) is None


def test_a_refused_move_names_the_allowed_ones() -> None:
    problem = rules.transition_problem(TicketStatus.RESOLVED, TicketStatus.WAITING)
    assert problem == "A resolved ticket cannot become waiting; allowed: in_progress."
    assert rules.transition_problem(TicketStatus.OPEN, TicketStatus.WAITING) is None
    assert "allowed: none" in (rules.transition_problem(TicketStatus.CLOSED, TicketStatus.OPEN) or "")


def test_paused_seconds_counts_only_the_overlap() -> None:
    pauses = [(T0 + timedelta(minutes=5), T0 + timedelta(minutes=15)), (T0 + timedelta(minutes=30), None)]
    assert rules.paused_seconds(pauses, T0, T0 + timedelta(minutes=10)) == 5 * 60
    assert rules.paused_seconds(pauses, T0, T0 + timedelta(minutes=40)) == 20 * 60
    assert rules.paused_seconds(pauses, None, T0 + timedelta(minutes=40)) == 0


# --- API --------------------------------------------------------------------------------------


async def _patch(
    client: httpx.AsyncClient, tenant: TenantHandle, ticket: dict[str, Any], body: dict[str, Any]
) -> httpx.Response:
    current = (await client.get(f"/api/v1/crm/tickets/{ticket['id']}", headers=tenant.headers)).json()
    return await client.patch(
        f"/api/v1/crm/tickets/{ticket['id']}",
        json=body,
        headers={**tenant.headers, "If-Match": str(current["version"])},
    )


async def _history(client: httpx.AsyncClient, tenant: TenantHandle, ticket_id: str) -> list[dict[str, Any]]:
    response = await client.get(f"/api/v1/crm/tickets/{ticket_id}/events", headers=tenant.headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_reassigning_a_ticket_keeps_who_changed_it_from_whom_to_whom(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    first = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    second = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    ticket = await open_ticket(client, tenant_a, account, assignee_user_id=str(first.id))

    response = await _patch(client, tenant_a, ticket, {"assignee_user_id": str(second.id)})
    assert response.status_code == 200, response.text
    assert response.json()["assignee_user_id"] == str(second.id)
    assert response.json()["assignee_name"] == second.name

    response = await _patch(client, tenant_a, ticket, {"assignee_user_id": None})
    assert response.status_code == 200, response.text
    changes = [e for e in await _history(client, tenant_a, ticket["id"]) if e["kind"] == "reassigned"]
    assert [(e["from_value"], e["to_value"]) for e in changes] == [
        (first.name, second.name),
        (second.name, None),
    ]
    assert all(e["actor_label"] for e in changes)

    # The same assignee again changes nothing and records nothing.
    await _patch(client, tenant_a, ticket, {"assignee_user_id": None})
    assert len([e for e in await _history(client, tenant_a, ticket["id"]) if e["kind"] == "reassigned"]) == 2


async def test_reassigning_to_someone_outside_the_tenant_names_the_field(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account)
    response = await _patch(client, tenant_a, ticket, {"assignee_user_id": str(tenant_b.owner.id)})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == "assignee_user_id"


async def test_a_priority_change_rematches_the_policy_and_keeps_what_was_reached(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    await create_policy(client, tenant_a, URGENT)
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account, priority="normal")
    assert ticket["policy_name"] == "1234 hotline"
    reached = await act(client, tenant_a, ticket["id"], "milestones/dispatched", {})
    assert reached.status_code == 200, reached.text
    met_at = {m["key"]: m for m in reached.json()["milestones"]}["dispatched"]["met_at"]

    response = await _patch(client, tenant_a, ticket, {"priority": "urgent"})
    assert response.status_code == 200, response.text
    changed = response.json()
    assert changed["priority"] == "urgent"
    assert changed["policy_name"] == "Urgent hotline"
    chain = {m["key"]: m for m in changed["milestones"]}
    assert [m["key"] for m in changed["milestones"]] == ["dispatched", "on_site", "fixed"]
    # Reached before the change: as it happened (the old policy's name and target).
    assert chain["dispatched"]["met_at"] == met_at
    assert chain["dispatched"]["state"] == "met"
    assert chain["dispatched"]["target_minutes"] == 10
    # Still running: the new policy's target, due from the ticket's opening.
    assert chain["on_site"]["target_minutes"] == 15
    assert chain["on_site"]["name"] == "On site fast"
    opened = datetime.fromisoformat(changed["created_at"])
    assert datetime.fromisoformat(chain["on_site"]["due_at"]) == opened + timedelta(minutes=15)
    assert datetime.fromisoformat(chain["on_site"]["anchor_at"]) == opened
    assert chain["fixed"]["same_day"] is True

    history = await _history(client, tenant_a, ticket["id"])
    kinds = [(e["kind"], e["from_value"], e["to_value"]) for e in history]
    assert ("priority_changed", "normal", "urgent") in kinds
    assert ("policy_changed", "1234 hotline", "Urgent hotline") in kinds
    reached_entry = next(e for e in history if e["kind"] == "milestone_met")
    assert reached_entry["milestone_name"] == "Recorded and dispatched"

    # Back to normal: the hotline policy again; the reached milestone stays reached.
    response = await _patch(client, tenant_a, ticket, {"priority": "normal"})
    assert response.status_code == 200, response.text
    back = response.json()
    assert back["policy_name"] == "1234 hotline"
    assert [m["key"] for m in back["milestones"]] == ["dispatched", "on_site", "plan", "feedback"]
    assert {m["key"]: m["state"] for m in back["milestones"]}["dispatched"] == "met"


async def test_a_priority_change_under_the_same_policy_only_records_the_priority(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account, priority="normal")
    response = await _patch(client, tenant_a, ticket, {"priority": "high"})
    assert response.status_code == 200, response.text
    assert [m["due_at"] for m in response.json()["milestones"]] == [m["due_at"] for m in ticket["milestones"]]
    kinds = [e["kind"] for e in await _history(client, tenant_a, ticket["id"])]
    assert "priority_changed" in kinds
    assert "policy_changed" not in kinds


async def test_a_refused_status_move_names_the_allowed_ones(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account)
    assert (await act(client, tenant_a, ticket["id"], "status", {"status": "resolved"})).status_code == 200
    refused = await act(client, tenant_a, ticket["id"], "status", {"status": "waiting"})
    assert refused.status_code == 409, refused.text
    assert "allowed: in_progress" in refused.json()["detail"]


async def test_waiting_time_is_shown_as_the_clock_input(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account)
    assert (await act(client, tenant_a, ticket["id"], "status", {"status": "waiting"})).status_code == 200
    waiting = (await client.get(f"/api/v1/crm/tickets/{ticket['id']}", headers=tenant_a.headers)).json()
    for milestone in waiting["milestones"]:
        assert milestone["anchor_at"] is not None
        assert milestone["paused_seconds"] >= 0
        assert milestone["state"] == "paused"


async def test_another_tenants_ticket_cannot_be_reassigned_or_reprioritised(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account, priority="normal")
    for body in ({"priority": "urgent"}, {"assignee_user_id": str(tenant_b.owner.id)}):
        response = await client.patch(
            f"/api/v1/crm/tickets/{ticket['id']}", json=body, headers={**tenant_b.headers, "If-Match": "1"}
        )
        assert response.status_code == 404, response.text
        events = await client.get(f"/api/v1/crm/tickets/{ticket['id']}/events", headers=tenant_b.headers)
        assert events.status_code == 404
    unchanged = (await client.get(f"/api/v1/crm/tickets/{ticket['id']}", headers=tenant_a.headers)).json()
    assert unchanged["priority"] == "normal"
    assert unchanged["version"] == ticket["version"]
    assert [e["kind"] for e in await _history(client, tenant_a, ticket["id"])] == ["created"]
