"""Service tickets (工单) with SLA policies through the API, and the SLA clock."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import msgspec
from bizsuite.core.alerts.models import Alert, Notification
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.identity.models import Membership, Role, User
from bizsuite.modules.crm.calendar import end_of_local_day
from bizsuite.modules.crm.models import TicketCategory, TicketStatus
from bizsuite.modules.crm.tickets import services
from bizsuite.modules.crm.tickets.rules import MilestoneState
from bizsuite.modules.crm.tickets.schemas import (
    MilestoneCompletion,
    SlaPolicyIn,
    TicketCreate,
    TicketStatusChange,
)
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import tenant_tx
from tests.modules.crm.conftest import make_account
from tests.modules.crm.tickets.conftest import (
    ELEVATOR,
    ENGINEER,
    HOTLINE_1234,
    act,
    create_policy,
    make_zone,
    open_ticket,
    set_crm_settings,
    states,
)

Client = httpx.AsyncClient
T0 = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def policy(body: dict[str, Any]) -> SlaPolicyIn:
    return msgspec.convert(body, SlaPolicyIn)


async def add_member(engine: AsyncEngine, tenant: TenantHandle, name: str) -> uuid.UUID:
    async with tenant_tx(engine, tenant.id) as ctx:
        user = User(email=f"{uuid.uuid4().hex[:8]}@example.com", name=name, password_hash="x")
        ctx.session.add(user)
        await ctx.session.flush()
        ctx.session.add(Membership(user_id=user.id, role=Role.MEMBER, module_grants=["crm"]))
        return user.id


async def alerts_of(engine: AsyncEngine, tenant: TenantHandle) -> list[Alert]:
    async with tenant_tx(engine, tenant.id) as ctx:
        return list((await ctx.session.scalars(select(Alert).order_by(Alert.created_at))).all())


async def test_a_new_ticket_gets_the_most_specific_policy_and_a_number(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    elevator = await create_policy(client, tenant_a, ELEVATOR)
    account = await make_account(app_engine, tenant_a)

    stuck = await open_ticket(client, tenant_a, account, category="elevator_fault", priority="urgent")
    assert stuck["number"] == "T-000001"
    assert stuck["policy_id"] == elevator["id"]
    assert [m["key"] for m in stuck["milestones"]] == ["on_site", "fixed"]
    on_site = stuck["milestones"][0]
    assert on_site["state"] == "due"
    assert 0 < on_site["due_in_seconds"] <= 30 * 60
    assert stuck["breached"] is False

    question = await open_ticket(client, tenant_a, account, category="inquiry", title="咨询")
    assert question["number"] == "T-000002"
    assert [m["key"] for m in question["milestones"]] == ["dispatched", "on_site", "plan", "feedback"]

    read = await client.get(f"/api/v1/crm/tickets/{stuck['id']}", headers=tenant_a.headers)
    assert read.status_code == 200
    assert read.json()["milestones"][0]["due_at"] == on_site["due_at"]


async def test_1234_milestones_reached_at_8_25_29_41_minutes(
    tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        await services.create_policy(ctx, policy(HOTLINE_1234))
        ticket = (
            await services.create_ticket(
                ctx, TicketCreate(account_id=account, title="噪音", category=TicketCategory.FAULT), now=T0
            )
        ).ticket
        for key, minute in (("dispatched", 8), ("on_site", 25), ("plan", 29), ("feedback", 41)):
            await services.complete_milestone(
                ctx, ticket.id, key, MilestoneCompletion(), str(ticket.version), now=at(minute)
            )
        milestones = (await services.ticket_milestones(ctx, [ticket.id]))[ticket.id]
        views = services.milestone_views(ticket, milestones, at(60))
    assert [v.state for v in views] == [
        MilestoneState.MET,
        MilestoneState.BREACHED,
        MilestoneState.MET,
        MilestoneState.BREACHED,
    ]


async def test_waiting_pauses_the_clock_and_resuming_moves_the_due_time(
    tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        await services.create_policy(ctx, policy(HOTLINE_1234))
        ticket = (
            await services.create_ticket(
                ctx, TicketCreate(account_id=account, title="缺配件", category=TicketCategory.FAULT), now=T0
            )
        ).ticket
        await services.complete_milestone(
            ctx, ticket.id, "dispatched", MilestoneCompletion(), str(ticket.version), now=at(4)
        )
        await services.change_status(
            ctx,
            ticket.id,
            TicketStatusChange(status=TicketStatus.WAITING, note="等配件"),
            str(ticket.version),
            now=at(5),
        )
        paused = (await services.ticket_milestones(ctx, [ticket.id]))[ticket.id]
        assert [v.state for v in services.milestone_views(ticket, paused, at(19))][:2] == [
            MilestoneState.MET,
            MilestoneState.PAUSED,
        ]
        # Nothing breaches while waiting, however long it lasts.
        assert await services.mark_breaches(ctx, now=at(19)) == []
        await services.change_status(
            ctx,
            ticket.id,
            TicketStatusChange(status=TicketStatus.IN_PROGRESS),
            str(ticket.version),
            now=at(20),
        )
        resumed = (await services.ticket_milestones(ctx, [ticket.id]))[ticket.id]
        on_site = resumed[1]
        assert on_site.due_at == at(35)  # 20 minutes of target + 15 minutes of waiting
        assert [v.state for v in services.milestone_views(ticket, resumed, at(30))][1] is MilestoneState.DUE
        events, _ = await services.list_ticket_events(ctx, ticket.id, limit=50, cursor=None)
    assert [e.kind.value for e in events] == ["created", "milestone_met", "status_changed", "status_changed"]


async def test_a_breach_alerts_the_assignee_and_zone_owner_exactly_once(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    # The elevator policy, "fixed" within 10 hours (not "the same day", so that the test holds at any hour).
    fixed_in_10_hours = {"key": "fixed", "name": "Fixed", "target_minutes": 600}
    await create_policy(
        client, tenant_a, {**ELEVATOR, "milestones": [ELEVATOR["milestones"][0], fixed_in_10_hours]}
    )
    steward = await add_member(app_engine, tenant_a, "王管家")
    engineer = await add_member(app_engine, tenant_a, "李工")
    zone = await make_zone(app_engine, tenant_a, steward)
    account = await make_account(app_engine, tenant_a, zone_id=zone)
    ticket = await open_ticket(
        client, tenant_a, account, category="elevator_fault", assignee_user_id=str(engineer)
    )
    later = datetime.now(UTC) + timedelta(minutes=31)

    sessionmaker = make_sessionmaker(app_engine)
    assert await services.sweep_all_tenants(sessionmaker, now=later) >= 1
    assert await services.sweep_all_tenants(sessionmaker, now=later + timedelta(minutes=1)) == 0

    alerts = await alerts_of(app_engine, tenant_a)
    assert len(alerts) == 1
    assert alerts[0].type == "crm.ticket.sla_breached"
    assert alerts[0].title.startswith("T-000001")
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        notified = set(
            await ctx.session.scalars(
                select(Notification.user_id).where(Notification.alert_id == alerts[0].id)
            )
        )
    assert notified == {steward, engineer}

    read = (await client.get(f"/api/v1/crm/tickets/{ticket['id']}", headers=tenant_a.headers)).json()
    assert states(read) == {"on_site": "breached", "fixed": "due"}
    assert read["breached"] is True
    breached = await client.get("/api/v1/crm/tickets", params={"breached": "true"}, headers=tenant_a.headers)
    assert [t["id"] for t in breached.json()["items"]] == [ticket["id"]]
    # Reaching the milestone late keeps it breached and raises nothing new.
    late = await act(client, tenant_a, ticket["id"], "milestones/on_site", {})
    assert late.status_code == 200, late.text
    assert states(late.json())["on_site"] == "breached"
    assert len(await alerts_of(app_engine, tenant_a)) == 1


async def test_tickets_are_routed_to_the_zone_steward_when_zone_routing_is_on(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    steward = await add_member(app_engine, tenant_a, "张管家")
    zone = await make_zone(app_engine, tenant_a, steward)
    account = await make_account(app_engine, tenant_a, zone_id=zone)

    unrouted = await open_ticket(client, tenant_a, account)
    assert unrouted["assignee_user_id"] is None
    assert unrouted["zone_id"] == str(zone)

    await set_crm_settings(app_engine, tenant_a, route_by_zone=True)
    routed = await open_ticket(client, tenant_a, account)
    assert routed["assignee_user_id"] == str(steward)
    mine = await client.get(
        "/api/v1/crm/tickets", params={"assignee_user_id": str(steward)}, headers=tenant_a.headers
    )
    assert [t["id"] for t in mine.json()["items"]] == [routed["id"]]


async def test_a_complaint_is_closed_with_the_customers_satisfaction(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    complaint = await open_ticket(client, tenant_a, account, category="complaint", title="服务态度差")
    tid = complaint["id"]

    refused = await act(client, tenant_a, tid, "close", {"close_note": "已道歉"})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "satisfaction"
    out_of_range = await act(client, tenant_a, tid, "close", {"satisfaction": 6})
    assert out_of_range.status_code == 422
    assert "satisfaction" in out_of_range.text

    closed = await act(client, tenant_a, tid, "close", {"satisfaction": 4, "close_note": "已道歉"})
    assert closed.status_code == 200, closed.text
    assert closed.json()["status"] == "closed"
    assert closed.json()["satisfaction"] == 4
    again = await act(client, tenant_a, tid, "close", {"satisfaction": 4})
    assert again.status_code == 409
    other = await open_ticket(client, tenant_a, account, category="request")
    plain = await act(client, tenant_a, other["id"], "close", {})
    assert plain.status_code == 200


async def test_engineer_chain_with_a_reason_recorded_in_time(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await create_policy(client, tenant_a, ENGINEER)
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account, category="repair", title="空调不制冷")
    assert states(ticket) == {
        "accepted": "due",
        "started": "not_started",
        "completed": "not_started",
        "callback": "not_started",
    }
    tid = ticket["id"]
    too_early = await act(client, tenant_a, tid, "milestones/completed", {})
    assert too_early.status_code == 409
    no_reason_here = await act(client, tenant_a, tid, "milestones/accepted", {"reason": "x"})
    assert no_reason_here.status_code == 422
    assert no_reason_here.json()["errors"][0]["field"] == "reason"
    for key in ("accepted", "started"):
        assert (await act(client, tenant_a, tid, f"milestones/{key}", {})).status_code == 200
    explained = await act(client, tenant_a, tid, "milestones/completed", {"reason": "等待厂家配件"})
    body = explained.json()
    assert states(body)["completed"] == "met"
    assert body["milestones"][2]["reason"] == "等待厂家配件"
    assert states(body)["callback"] == "due"
    missing = await act(client, tenant_a, tid, "milestones/nope", {})
    assert missing.status_code == 404


async def test_status_changes_follow_the_workflow(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    await create_policy(client, tenant_a, HOTLINE_1234)
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account)
    tid = ticket["id"]
    waiting = await act(client, tenant_a, tid, "status", {"status": "waiting", "note": "等客户"})
    assert waiting.status_code == 200
    assert set(states(waiting.json()).values()) == {"paused"}
    # Waiting again changes nothing: no second pause, no new version, no history entry.
    again = await act(client, tenant_a, tid, "status", {"status": "waiting"})
    assert again.status_code == 200 and again.json()["version"] == waiting.json()["version"]
    resumed = await act(client, tenant_a, tid, "status", {"status": "in_progress"})
    assert set(states(resumed.json()).values()) == {"due"}
    refused = await act(client, tenant_a, tid, "status", {"status": "closed"})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "status"
    resolved = await act(client, tenant_a, tid, "status", {"status": "resolved"})
    assert resolved.json()["resolved_at"] is not None
    assert set(states(resolved.json()).values()) == {"stopped"}
    history = await client.get(f"/api/v1/crm/tickets/{ticket['id']}/events", headers=tenant_a.headers)
    assert [e["to_status"] for e in history.json()["items"]] == ["open", "waiting", "in_progress", "resolved"]
    listed = await client.get("/api/v1/crm/tickets", params={"status": "resolved"}, headers=tenant_a.headers)
    assert [t["id"] for t in listed.json()["items"]] == [ticket["id"]]


async def test_updates_need_the_version_read(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account)
    url = f"/api/v1/crm/tickets/{ticket['id']}"
    missing = await client.patch(url, json={"priority": "high"}, headers=tenant_a.headers)
    assert missing.status_code == 428
    stale = await client.patch(url, json={"priority": "high"}, headers={**tenant_a.headers, "If-Match": "7"})
    assert stale.status_code == 412
    fresh = await client.patch(
        url, json={"priority": "high", "title": "电梯异响"}, headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert fresh.status_code == 200, fresh.text
    assert (fresh.json()["priority"], fresh.json()["title"], fresh.json()["version"]) == (
        "high",
        "电梯异响",
        2,
    )
    nobody = await client.patch(
        url, json={"assignee_user_id": str(uuid.uuid4())}, headers={**tenant_a.headers, "If-Match": "2"}
    )
    assert nobody.status_code == 422
    assert nobody.json()["errors"][0]["field"] == "assignee_user_id"
    # Actions need the version too: a stale close changes nothing.
    unversioned = await client.post(f"{url}/close", json={}, headers=tenant_a.headers)
    assert unversioned.status_code == 428
    stale_close = await client.post(f"{url}/close", json={}, headers={**tenant_a.headers, "If-Match": "1"})
    assert stale_close.status_code == 412
    assert (await client.get(url, headers=tenant_a.headers)).json()["status"] == "open"


async def test_invalid_input_names_the_field(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    both = {
        "code": "bad",
        "name": "Bad",
        "milestones": [{"key": "x", "name": "X", "target_minutes": 5, "same_day": True}],
    }
    response = await client.post("/api/v1/crm/sla-policies", json=both, headers=tenant_a.headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "milestones[0].target_minutes"
    twice = {**HOTLINE_1234, "milestones": [HOTLINE_1234["milestones"][0]] * 2}
    response = await client.post("/api/v1/crm/sla-policies", json=twice, headers=tenant_a.headers)
    assert response.json()["errors"][0]["field"] == "milestones[1].key"
    await create_policy(client, tenant_a, HOTLINE_1234)
    dup = await client.post("/api/v1/crm/sla-policies", json=HOTLINE_1234, headers=tenant_a.headers)
    assert dup.status_code == 409
    assert dup.json()["errors"][0]["field"] == "code"

    account = await make_account(app_engine, tenant_a)
    bad_category = await client.post(
        "/api/v1/crm/tickets",
        json={"account_id": str(account), "title": "x", "category": "weather"},
        headers=tenant_a.headers,
    )
    assert bad_category.status_code == 422
    assert bad_category.json()["errors"][0]["field"] == "category"
    no_account = await client.post(
        "/api/v1/crm/tickets",
        json={"account_id": str(uuid.uuid4()), "title": "x", "category": "fault"},
        headers=tenant_a.headers,
    )
    assert no_account.status_code == 422
    assert no_account.json()["errors"][0]["field"] == "account_id"


async def test_policies_are_listed_replaced_and_deleted_when_unused(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    created = await create_policy(client, tenant_a, ELEVATOR)
    url = f"/api/v1/crm/sla-policies/{created['id']}"
    changed = {**ELEVATOR, "priority": "urgent", "milestones": ELEVATOR["milestones"][:1]}
    replaced = await client.put(url, json=changed, headers={**tenant_a.headers, "If-Match": "1"})
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["priority"] == "urgent"
    assert [m["key"] for m in replaced.json()["milestones"]] == ["on_site"]
    listed = await client.get("/api/v1/crm/sla-policies", headers=tenant_a.headers)
    assert [p["code"] for p in listed.json()["items"]] == ["elevator-fault"]

    account = await make_account(app_engine, tenant_a)
    await open_ticket(client, tenant_a, account, category="elevator_fault", priority="urgent")
    version = replaced.json()["version"]
    in_use = await client.delete(url, headers={**tenant_a.headers, "If-Match": str(version)})
    assert in_use.status_code == 409
    unused = await create_policy(client, tenant_a, HOTLINE_1234)
    gone = await client.delete(
        f"/api/v1/crm/sla-policies/{unused['id']}", headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert gone.status_code == 204


async def test_tickets_appear_on_the_account_timeline(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    ticket = await open_ticket(client, tenant_a, account, title="水管漏水")
    timeline = await client.get(f"/api/v1/crm/accounts/{account}/timeline", headers=tenant_a.headers)
    assert timeline.status_code == 200, timeline.text
    entries = [e for e in timeline.json()["items"] if e["kind"] == "ticket"]
    assert [(e["source_id"], e["title"]) for e in entries] == [(ticket["id"], "T-000001 水管漏水")]


async def test_a_callback_reached_late_after_resolving_is_breached_and_alerted_once(
    tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        await services.create_policy(ctx, policy(ENGINEER))
        ticket = (
            await services.create_ticket(
                ctx,
                TicketCreate(account_id=account, title="空调不制冷", category=TicketCategory.REPAIR),
                now=T0,
            )
        ).ticket
        for key, minute in (("accepted", 5), ("started", 10), ("completed", 30)):
            await services.complete_milestone(
                ctx, ticket.id, key, MilestoneCompletion(), str(ticket.version), now=at(minute)
            )
        await services.change_status(
            ctx, ticket.id, TicketStatusChange(status=TicketStatus.RESOLVED), str(ticket.version), now=at(31)
        )
        callback_due = end_of_local_day(at(30), ctx.tenant.time_zone)
        next_day = callback_due + timedelta(hours=1)
        # Resolved: not measured, so the sweep finds nothing even after the callback's day ended.
        assert await services.mark_breaches(ctx, now=next_day) == []
        milestones = (await services.ticket_milestones(ctx, [ticket.id]))[ticket.id]
        assert services.milestone_views(ticket, milestones, next_day)[3].state is MilestoneState.STOPPED
        # The callback (回访) made the next day is late all the same.
        await services.complete_milestone(
            ctx, ticket.id, "callback", MilestoneCompletion(), str(ticket.version), now=next_day
        )
        milestones = (await services.ticket_milestones(ctx, [ticket.id]))[ticket.id]
        views = services.milestone_views(ticket, milestones, next_day)
    assert [v.state for v in views] == [MilestoneState.MET] * 3 + [MilestoneState.BREACHED]
    assert views[3].milestone.breached_at == callback_due
    breaches = [a for a in await alerts_of(app_engine, tenant_a) if a.type == "crm.ticket.sla_breached"]
    # Stored in the tenant's language (zh-CN), for emails; each reader sees it in theirs.
    assert [a.title for a in breaches] == ["T-000001 Callback：已超时"]


async def test_reopening_a_resolved_ticket_breaches_what_fell_due_meanwhile_once(
    tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        await services.create_policy(ctx, policy(HOTLINE_1234))
        ticket = (
            await services.create_ticket(
                ctx, TicketCreate(account_id=account, title="停水", category=TicketCategory.FAULT), now=T0
            )
        ).ticket
        await services.complete_milestone(
            ctx, ticket.id, "dispatched", MilestoneCompletion(), str(ticket.version), now=at(4)
        )
        await services.change_status(
            ctx, ticket.id, TicketStatusChange(status=TicketStatus.RESOLVED), str(ticket.version), now=at(5)
        )
        assert await services.mark_breaches(ctx, now=at(60)) == []
        await services.change_status(
            ctx,
            ticket.id,
            TicketStatusChange(status=TicketStatus.IN_PROGRESS),
            str(ticket.version),
            now=at(60),
        )
        assert ticket.resolved_at is None
        milestones = (await services.ticket_milestones(ctx, [ticket.id]))[ticket.id]
        views = services.milestone_views(ticket, milestones, at(60))
        assert await services.mark_breaches(ctx, now=at(61)) == []
    assert [v.state for v in views] == [MilestoneState.MET] + [MilestoneState.BREACHED] * 3
    assert [v.milestone.breached_at for v in views[1:]] == [at(20), at(30), at(40)]
    breaches = [a for a in await alerts_of(app_engine, tenant_a) if a.type == "crm.ticket.sla_breached"]
    assert len(breaches) == 3


async def test_the_list_of_breached_tickets_leaves_out_resolved_ones_not_breached(
    tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        await services.create_policy(ctx, policy(HOTLINE_1234))
        solved = (
            await services.create_ticket(
                ctx, TicketCreate(account_id=account, title="电话解决", category=TicketCategory.FAULT), now=T0
            )
        ).ticket
        await services.change_status(
            ctx, solved.id, TicketStatusChange(status=TicketStatus.RESOLVED), str(solved.version), now=at(5)
        )
        late = (
            await services.create_ticket(
                ctx, TicketCreate(account_id=account, title="无人处理", category=TicketCategory.FAULT), now=T0
            )
        ).ticket
        breached, _ = await services.list_tickets(
            ctx, services.TicketFilters(breached=True), limit=10, cursor=None, now=at(60)
        )
        clean, _ = await services.list_tickets(
            ctx, services.TicketFilters(breached=False), limit=10, cursor=None, now=at(60)
        )
    assert [t.ticket.id for t in breached] == [late.id]
    assert [t.ticket.id for t in clean] == [solved.id]


async def test_text_postgresql_cannot_store_or_blank_titles_are_refused_naming_the_field(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    base = {"account_id": str(account), "category": "fault"}
    for body, field in (
        ({**base, "title": "   "}, "title"),
        ({**base, "title": "电梯\x00困人"}, "title"),
        ({**base, "title": "x", "description": "a\x00b"}, "description"),
        ({**base, "title": "x" * 100_000}, "title"),
        ({**base, "title": "x", "urgent": True}, "urgent"),
    ):
        response = await client.post("/api/v1/crm/tickets", json=body, headers=tenant_a.headers)
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["field"] == field
    ticket = await open_ticket(client, tenant_a, account)
    for if_match in ("abc", "-1", ""):
        response = await client.patch(
            f"/api/v1/crm/tickets/{ticket['id']}",
            json={"title": "y"},
            headers={**tenant_a.headers, "If-Match": if_match},
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "If-Match"
    response = await client.post(
        f"/api/v1/crm/tickets/{ticket['id']}/status",
        json={"status": "paused"},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "status"
    unchanged = (await client.get(f"/api/v1/crm/tickets/{ticket['id']}", headers=tenant_a.headers)).json()
    assert (unchanged["title"], unchanged["status"], unchanged["version"]) == ("电梯困人", "open", 1)
