"""Sandbox tenants and their test clocks: a 1234 hotline ticket breaches as the clock is advanced,
schedules fire once per occurrence that fell in the interval, production tenants keep real time,
and one tenant's clock never moves another's."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from bizsuite.core.blueprints import BlueprintError, apply_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.tenants.models import Tenant
from bizsuite.settings import Settings
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import OPERATOR_TOKEN, TenantHandle, create_tenant_with_key
from tests.core.jobs.helpers import fast, run_jobs_until
from tests.modules.crm.conftest import make_account
from tests.modules.crm.tickets.conftest import HOTLINE_1234, create_policy, open_ticket, states

CLOCK = "/api/v1/sandbox/clock"
ADVANCE = "/api/v1/sandbox/clock/advance"


async def make_sandbox(engine: AsyncEngine) -> TenantHandle:
    """A tenant with an admin key, flagged sandbox (as the operator's API or a blueprint does)."""
    handle = await create_tenant_with_key(engine)
    async with engine.begin() as conn:
        await conn.execute(text("UPDATE tenants SET sandbox = true WHERE id = :t"), {"t": handle.id})
    return handle


async def advance(client: httpx.AsyncClient, tenant: TenantHandle, **body: Any) -> httpx.Response:
    return await client.post(ADVANCE, json=body, headers=tenant.headers)


async def clock_now(client: httpx.AsyncClient, tenant: TenantHandle) -> datetime:
    response = await client.get(CLOCK, headers=tenant.headers)
    assert response.status_code == 200, response.text
    return datetime.fromisoformat(response.json()["now"])


async def get_ticket(client: httpx.AsyncClient, tenant: TenantHandle, ticket_id: str) -> dict[str, Any]:
    response = await client.get(f"/api/v1/crm/tickets/{ticket_id}", headers=tenant.headers)
    assert response.status_code == 200, response.text
    ticket: dict[str, Any] = response.json()
    return ticket


async def test_the_operator_creates_a_sandbox_tenant(client: httpx.AsyncClient) -> None:
    operator = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
    slug = f"sbx-{uuid.uuid4().hex[:8]}"
    created = await client.post(
        "/api/v1/tenants",
        json={"name": "Integration sandbox", "slug": slug, "sandbox": True},
        headers=operator,
    )
    assert created.status_code == 201, created.text
    assert created.json()["sandbox"] is True
    production = await client.post(
        "/api/v1/tenants",
        json={"name": "Production", "slug": f"prd-{uuid.uuid4().hex[:8]}"},
        headers=operator,
    )
    assert production.json()["sandbox"] is False
    # Sandbox is chosen at creation: an update cannot flip it.
    flipped = await client.patch(
        f"/api/v1/tenants/{production.json()['id']}",
        json={"sandbox": True},
        headers={**operator, "If-Match": "1"},
    )
    assert flipped.status_code == 422
    assert flipped.json()["errors"][0]["field"] == "sandbox"


async def _apply(engine: AsyncEngine, slug: str, sandbox: bool) -> Tenant:
    blueprint = parse_blueprint(
        f'[tenant]\nslug = "{slug}"\nname = "Sandbox"\nsandbox = {str(sandbox).lower()}\n'
    )
    async with make_sessionmaker(engine)() as session, session.begin():
        await apply_blueprint(session, blueprint, source="sandbox.toml")
        tenant = await session.scalar(select(Tenant).where(Tenant.slug == slug))
        assert tenant is not None
        return tenant


async def test_a_blueprint_makes_a_sandbox_tenant_and_cannot_turn_it_into_production(
    app_engine: AsyncEngine,
) -> None:
    slug = f"sbx-{uuid.uuid4().hex[:8]}"
    assert (await _apply(app_engine, slug, True)).sandbox is True
    assert (await _apply(app_engine, slug, True)).sandbox is True  # applying again changes nothing
    with pytest.raises(BlueprintError, match=r"tenant\.sandbox"):
        await _apply(app_engine, slug, False)


async def test_a_1234_ticket_breaches_its_on_site_milestone_when_the_clock_moves_21_minutes(
    client: httpx.AsyncClient, app_engine: AsyncEngine
) -> None:
    sandbox = await make_sandbox(app_engine)
    await create_policy(client, sandbox, HOTLINE_1234)
    ticket = await open_ticket(
        client, sandbox, await make_account(app_engine, sandbox), title="3 号楼电梯困人"
    )
    assert set(states(ticket).values()) == {"due"}
    opened = datetime.fromisoformat(ticket["created_at"])
    assert abs(opened - await clock_now(client, sandbox)) < timedelta(minutes=1)

    moved = await advance(client, sandbox, minutes=21)

    assert moved.status_code == 200, moved.text
    body = moved.json()
    now = datetime.fromisoformat(body["clock"]["now"])
    assert datetime.fromisoformat(body["previous_now"]) + timedelta(minutes=21) == now
    assert body["clock"]["sandbox"] is True and body["clock"]["offset_seconds"] >= 21 * 60 - 1
    # What fell due ran at the minute it fell due, in order: dispatch at 10, on site at 20.
    breaches = [run for run in body["ran"] if run["sweep"] == "crm.tickets.sla_clock"]
    assert [run["count"] for run in breaches] == [1, 1]
    due_at = {m["key"]: datetime.fromisoformat(m["due_at"]) for m in ticket["milestones"]}
    assert [datetime.fromisoformat(run["at"]) for run in breaches] == [
        due_at["dispatched"],
        due_at["on_site"],
    ]

    after = await get_ticket(client, sandbox, ticket["id"])
    assert states(after) == {
        "dispatched": "breached",
        "on_site": "breached",
        "plan": "due",
        "feedback": "due",
    }
    assert after["breached"] is True
    on_site = next(m for m in after["milestones"] if m["key"] == "on_site")
    assert datetime.fromisoformat(on_site["breached_at"]) == due_at["on_site"]
    plan = next(m for m in after["milestones"] if m["key"] == "plan")
    assert 8 * 60 <= plan["due_in_seconds"] <= 9 * 60  # 30 - 21 minutes left, on the tenant's clock

    # The breach alert went to the tenant's managers (no assignee, no zone), once.
    alerts = await client.get(
        "/api/v1/alerts", params={"type": "crm.ticket.sla_breached"}, headers=sandbox.headers
    )
    assert sorted(a["data"]["milestone"] for a in alerts.json()["items"]) == ["dispatched", "on_site"]
    inbox = await client.get(
        "/api/v1/inbox", params={"user_id": str(sandbox.owner.id)}, headers=sandbox.headers
    )
    # In the tenant's language (zh-CN): "<number> <milestone>：已超时".
    assert any(item["alert"]["title"].endswith("：已超时") for item in inbox.json()["items"])
    history = await client.get(f"/api/v1/crm/tickets/{ticket['id']}/events", headers=sandbox.headers)
    breached_events = [e for e in history.json()["items"] if e["kind"] == "sla_breached"]
    assert sorted(e["milestone_key"] for e in breached_events) == ["dispatched", "on_site"]

    # Advancing again raises nothing new for what is already breached; the rest follows in turn.
    later = (await advance(client, sandbox, minutes=30)).json()
    assert [run["count"] for run in later["ran"] if run["sweep"] == "crm.tickets.sla_clock"] == [1, 1]
    assert set(states(await get_ticket(client, sandbox, ticket["id"])).values()) == {"breached"}
    again = await client.get(
        "/api/v1/alerts", params={"type": "crm.ticket.sla_breached"}, headers=sandbox.headers
    )
    assert len(again.json()["items"]) == 4

    audit = await client.get(
        "/api/v1/audit-log", params={"action": "sandbox_clock.advanced"}, headers=sandbox.headers
    )
    assert len(audit.json()["items"]) == 2


async def test_a_ticket_opened_after_an_advance_counts_from_the_sandbox_clock(
    client: httpx.AsyncClient, app_engine: AsyncEngine
) -> None:
    sandbox = await make_sandbox(app_engine)
    await create_policy(client, sandbox, HOTLINE_1234)
    assert (await advance(client, sandbox, days=2)).status_code == 200
    ticket = await open_ticket(client, sandbox, await make_account(app_engine, sandbox))
    assert set(states(ticket).values()) == {"due"}  # not breached by two days of real time
    dispatched = next(m for m in ticket["milestones"] if m["key"] == "dispatched")
    assert datetime.fromisoformat(dispatched["due_at"]) - await clock_now(client, sandbox) <= timedelta(
        minutes=10
    )
    assert 9 * 60 <= dispatched["due_in_seconds"] <= 10 * 60


async def test_the_clock_never_goes_back_and_names_the_field(
    client: httpx.AsyncClient, app_engine: AsyncEngine
) -> None:
    sandbox = await make_sandbox(app_engine)
    now = await clock_now(client, sandbox)
    earlier = await advance(client, sandbox, to=(now - timedelta(hours=1)).isoformat())
    assert earlier.status_code == 422
    assert earlier.json()["errors"][0]["field"] == "to"
    nothing = await advance(client, sandbox)
    assert nothing.status_code == 422
    assert nothing.json()["errors"][0]["field"] == "minutes"
    negative = await advance(client, sandbox, minutes=-5)
    assert negative.status_code == 422
    target = now + timedelta(days=1, hours=3)
    moved = await advance(client, sandbox, to=target.isoformat())
    assert moved.status_code == 200, moved.text
    assert datetime.fromisoformat(moved.json()["clock"]["now"]) == target
    assert await clock_now(client, sandbox) >= target


async def test_a_production_tenant_cannot_advance_its_clock(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    refused = await advance(client, tenant_a, minutes=21)
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("sandbox-only")
    assert "sandbox" in refused.json()["detail"]
    shown = (await client.get(CLOCK, headers=tenant_a.headers)).json()
    assert shown["sandbox"] is False and shown["offset_seconds"] == 0
    assert abs(datetime.fromisoformat(shown["now"]) - datetime.now(ZoneInfo("UTC"))) < timedelta(minutes=1)


async def test_advancing_one_sandbox_leaves_another_tenants_clock_and_tickets_alone(
    client: httpx.AsyncClient, app_engine: AsyncEngine
) -> None:
    first, second = await make_sandbox(app_engine), await make_sandbox(app_engine)
    await create_policy(client, second, HOTLINE_1234)
    ticket = await open_ticket(client, second, await make_account(app_engine, second))

    assert (await advance(client, first, days=1)).status_code == 200

    assert (await client.get(CLOCK, headers=second.headers)).json()["offset_seconds"] == 0
    assert (await client.get(CLOCK, headers=first.headers)).json()["offset_seconds"] >= 86_400 - 1
    assert set(states(await get_ticket(client, second, ticket["id"])).values()) == {"due"}


async def test_schedules_fire_once_for_each_occurrence_in_the_interval_in_order(
    client: httpx.AsyncClient, app_engine: AsyncEngine, settings: Settings
) -> None:
    sandbox = await make_sandbox(app_engine)
    created = await client.post(
        "/api/v1/job-schedules",
        json={
            "name": "Daily check",
            "task_name": "alerts.remind",
            "cron": "0 9 * * *",
            "args": {"title": "Check the overnight tickets"},
        },
        headers=sandbox.headers,
    )
    assert created.status_code == 201, created.text
    first = datetime.fromisoformat(created.json()["next_fire_at"])

    moved = (await advance(client, sandbox, days=3)).json()

    fired = [run for run in moved["ran"] if run["sweep"] == "jobs.schedules"]
    assert [datetime.fromisoformat(run["at"]) for run in fired] == [
        first + timedelta(days=d) for d in range(3)
    ]
    schedule = (
        await client.get(f"/api/v1/job-schedules/{created.json()['id']}", headers=sandbox.headers)
    ).json()
    assert datetime.fromisoformat(schedule["next_fire_at"]) == first + timedelta(days=3)
    assert datetime.fromisoformat(schedule["last_fired_at"]) == first + timedelta(days=2)

    # Each firing queued its reminder; the worker runs them as it runs every job.
    async def reminded() -> bool:
        inbox = await client.get(
            "/api/v1/inbox", params={"user_id": str(sandbox.owner.id)}, headers=sandbox.headers
        )
        return len(inbox.json()["items"]) == 3

    await run_jobs_until(fast(settings), reminded)
    inbox = await client.get(
        "/api/v1/inbox", params={"user_id": str(sandbox.owner.id)}, headers=sandbox.headers
    )
    fired_at = sorted(datetime.fromisoformat(i["alert"]["data"]["fired_at"]) for i in inbox.json()["items"])
    assert [at.astimezone(ZoneInfo("Asia/Shanghai")).hour for at in fired_at] == [9, 9, 9]
    assert fired_at == [first + timedelta(days=d) for d in range(3)]
