"""Helpers of the ticket tests (no tests here): zones made directly in the tenant, the three seed
policies, and API shortcuts. Accounts come from the shared ``tests/modules/crm/conftest.py``."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.modules.crm.models import CrmSettings, Zone
from bizsuite.modules.crm.settings import crm_settings
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import tenant_tx

HOTLINE_1234: dict[str, Any] = {
    "code": "hotline-1234",
    "name": "1234 hotline",
    "milestones": [
        {"key": "dispatched", "name": "Recorded and dispatched", "target_minutes": 10},
        {"key": "on_site", "name": "Staff on site", "target_minutes": 20},
        {"key": "plan", "name": "Solution or plan", "target_minutes": 30},
        {"key": "feedback", "name": "Closed-loop feedback", "target_minutes": 40},
    ],
}
ENGINEER: dict[str, Any] = {
    "code": "engineer",
    "name": "Engineer repair",
    "category": "repair",
    "milestones": [
        {"key": "accepted", "name": "Engineer accepts", "target_minutes": 10},
        {"key": "started", "name": "Work starts", "target_minutes": 15, "anchor": "previous"},
        {
            "key": "completed",
            "name": "Completed (or reason)",
            "target_minutes": 1440,
            "anchor": "previous",
            "reason_allowed": True,
        },
        {"key": "callback", "name": "Callback", "same_day": True, "anchor": "previous"},
    ],
}
ELEVATOR: dict[str, Any] = {
    "code": "elevator-fault",
    "name": "Elevator fault",
    "category": "elevator_fault",
    "milestones": [
        {"key": "on_site", "name": "On site", "target_minutes": 30},
        {"key": "fixed", "name": "Fixed", "same_day": True},
    ],
}


async def make_zone(engine: AsyncEngine, tenant: TenantHandle, owner_user_id: uuid.UUID) -> uuid.UUID:
    """A zone (片区) whose steward (片区管家) is ``owner_user_id``."""
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        zone = Zone(code=f"Z-{uuid.uuid4().hex[:6]}", name="浦东片区", owner_user_id=owner_user_id)
        session.add(zone)
        await session.flush()
        return zone.id


async def set_crm_settings(engine: AsyncEngine, tenant: TenantHandle, **values: Any) -> None:
    """Change the tenant's CRM settings (zone routing, business calendar)."""
    async with tenant_tx(engine, tenant.id) as ctx:
        await crm_settings(ctx)
        await ctx.session.execute(update(CrmSettings).values(**values))


async def create_policy(
    client: httpx.AsyncClient, tenant: TenantHandle, body: dict[str, Any]
) -> dict[str, Any]:
    """Create an SLA policy and return it."""
    response = await client.post("/api/v1/crm/sla-policies", json=body, headers=tenant.headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def open_ticket(
    client: httpx.AsyncClient, tenant: TenantHandle, account_id: uuid.UUID, **body: Any
) -> dict[str, Any]:
    """Open a ticket and return it."""
    payload = {"account_id": str(account_id), "title": "电梯困人", "category": "fault", **body}
    response = await client.post("/api/v1/crm/tickets", json=payload, headers=tenant.headers)
    assert response.status_code == 201, response.text
    ticket: dict[str, Any] = response.json()
    return ticket


def states(ticket: dict[str, Any]) -> dict[str, str]:
    """Milestone key -> state."""
    return {m["key"]: m["state"] for m in ticket["milestones"]}


async def act(
    client: httpx.AsyncClient, tenant: TenantHandle, ticket_id: str, action: str, body: dict[str, Any]
) -> httpx.Response:
    """POST a ticket action (``status``, ``milestones/<key>``, ``close``) with the version just read."""
    current = await client.get(f"/api/v1/crm/tickets/{ticket_id}", headers=tenant.headers)
    version = current.json()["version"] if current.status_code == 200 else 1
    return await client.post(
        f"/api/v1/crm/tickets/{ticket_id}/{action}",
        json=body,
        headers={**tenant.headers, "If-Match": str(version)},
    )
