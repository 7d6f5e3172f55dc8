"""Accounts through the API: zones, accounts, contacts, activities and the timeline."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity.models import Role
from bizsuite.modules.crm.models import Opportunity, PipelineStage, StageKind
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user
from tests.conftest import TenantHandle, create_tenant_with_key
from tests.modules.crm.accounts.conftest import ACCOUNTS, ZONES, create_account, create_zone

PROBLEM = "https://bizsuite.dev/problems/"


def field_names(response: httpx.Response) -> list[str]:
    return [e["field"] for e in response.json().get("errors") or []]


async def test_create_read_and_list_an_account(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    zone = await create_zone(client, tenant_a, "Z-EAST", owner_user_id=str(tenant_a.owner.id))
    account = await create_account(
        client,
        tenant_a,
        "C-001",
        name="上海明辉贸易有限公司",
        kind="distributor",
        owner_user_id=str(tenant_a.owner.id),
        zone_id=zone["id"],
        industry="贸易",
        email="buyer@minghui.example",
    )
    assert account["status"] == "active" and account["version"] == 1
    assert account["tier"] is None and account["trailing_revenue"] == "0.00"
    got = await client.get(f"{ACCOUNTS}/{account['id']}", headers=tenant_a.headers)
    assert got.status_code == 200 and got.json()["zone_id"] == zone["id"]
    listed = (await client.get(ACCOUNTS, headers=tenant_a.headers)).json()
    assert [a["code"] for a in listed["items"]] == ["C-001"]
    assert listed["items"][0]["kind"] == "distributor"


async def test_account_code_is_unique_per_tenant_and_the_conflict_names_code(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    await create_account(client, tenant_a, "C-001")
    again = await client.post(ACCOUNTS, json={"code": "C-001", "name": "重复"}, headers=tenant_a.headers)
    assert again.status_code == 409 and field_names(again) == ["code"]
    # Another tenant may use the same code.
    await create_account(client, tenant_b, "C-001")


async def test_validation_errors_name_the_field(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    bad_kind = await client.post(
        ACCOUNTS, json={"code": "C-9", "name": "x", "kind": "vip"}, headers=tenant_a.headers
    )
    assert bad_kind.status_code == 422 and field_names(bad_kind) == ["kind"]
    no_name = await client.post(ACCOUNTS, json={"code": "C-9"}, headers=tenant_a.headers)
    assert no_name.status_code == 422 and field_names(no_name) == ["name"]
    bad_email = await client.post(
        ACCOUNTS, json={"code": "C-9", "name": "x", "email": "not-an-email"}, headers=tenant_a.headers
    )
    assert bad_email.status_code == 422 and field_names(bad_email) == ["email"]
    stranger = await client.post(
        ACCOUNTS,
        json={"code": "C-9", "name": "x", "owner_user_id": str(uuid.uuid4())},
        headers=tenant_a.headers,
    )
    assert stranger.status_code == 422 and field_names(stranger) == ["owner_user_id"]
    no_zone = await client.post(
        ACCOUNTS, json={"code": "C-9", "name": "x", "zone_id": str(uuid.uuid4())}, headers=tenant_a.headers
    )
    assert no_zone.status_code == 422 and field_names(no_zone) == ["zone_id"]
    no_unit = await client.post(
        ACCOUNTS,
        json={"code": "C-9", "name": "x", "org_unit_id": str(uuid.uuid4())},
        headers=tenant_a.headers,
    )
    assert no_unit.status_code == 422 and field_names(no_unit) == ["org_unit_id"]
    bad_filter = await client.get(ACCOUNTS, params={"tier": "Z"}, headers=tenant_a.headers)
    assert bad_filter.status_code == 400 or field_names(bad_filter) == ["tier"]
    bad_cursor = await client.get(ACCOUNTS, params={"cursor": "nonsense"}, headers=tenant_a.headers)
    assert bad_cursor.status_code == 422 and field_names(bad_cursor) == ["cursor"]


async def test_owner_must_be_a_member_of_the_tenant(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    foreign_owner = await client.post(
        ACCOUNTS,
        json={"code": "C-1", "name": "x", "owner_user_id": str(tenant_b.owner.id)},
        headers=tenant_a.headers,
    )
    assert foreign_owner.status_code == 422 and field_names(foreign_owner) == ["owner_user_id"]
    zone = await client.post(
        ZONES,
        json={"code": "Z", "name": "x", "owner_user_id": str(tenant_b.owner.id)},
        headers=tenant_a.headers,
    )
    assert zone.status_code == 422 and field_names(zone) == ["owner_user_id"]


async def test_updates_need_the_current_version(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    account = await create_account(client, tenant_a, "C-001")
    url = f"{ACCOUNTS}/{account['id']}"
    missing = await client.patch(url, json={"name": "新名"}, headers=tenant_a.headers)
    assert missing.status_code == 428
    updated = await client.patch(
        url, json={"name": "新名", "phone": "021-1234"}, headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["name"] == "新名" and updated.json()["version"] == 2
    stale = await client.patch(url, json={"name": "旧"}, headers={**tenant_a.headers, "If-Match": "1"})
    assert stale.status_code == 412
    cleared = await client.patch(url, json={"phone": None}, headers={**tenant_a.headers, "If-Match": "2"})
    assert cleared.json()["phone"] is None and cleared.json()["name"] == "新名"


async def test_create_with_an_idempotency_key_creates_once(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    headers = {**tenant_a.headers, "Idempotency-Key": f"acc-{uuid.uuid4()}"}
    body = {"code": "C-777", "name": "重试客户"}
    first = await client.post(ACCOUNTS, json=body, headers=headers)
    second = await client.post(ACCOUNTS, json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    listed = (await client.get(ACCOUNTS, params={"q": "C-777"}, headers=tenant_a.headers)).json()
    assert len(listed["items"]) == 1


async def test_archive_restore_and_status_filter(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    account = await create_account(client, tenant_a, "C-001")
    await create_account(client, tenant_a, "C-002")
    url = f"{ACCOUNTS}/{account['id']}"
    archived = await client.post(f"{url}/archive", headers={**tenant_a.headers, "If-Match": "1"})
    assert archived.status_code == 200 and archived.json()["status"] == "archived"
    active = (await client.get(ACCOUNTS, params={"status": "active"}, headers=tenant_a.headers)).json()
    assert [a["code"] for a in active["items"]] == ["C-002"]
    twice = await client.post(f"{url}/archive", headers={**tenant_a.headers, "If-Match": "2"})
    assert twice.status_code == 409
    restored = await client.post(f"{url}/restore", headers={**tenant_a.headers, "If-Match": "2"})
    assert restored.json()["status"] == "active"


async def test_list_filters_search_and_cursor_pages(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    zone = await create_zone(client, tenant_a, "Z-1")
    codes = [f"C-{i:03d}" for i in range(1, 8)]
    for i, code in enumerate(codes):
        await create_account(
            client,
            tenant_a,
            code,
            name=("杭州" if i % 2 else "上海") + f"客户{i}",
            kind="partner" if i == 3 else "end_customer",
            zone_id=zone["id"] if i < 2 else None,
            owner_user_id=str(tenant_a.owner.id) if i == 6 else None,
        )
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(ACCOUNTS, params=params, headers=tenant_a.headers)).json()
        seen += [a["code"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(codes))  # newest first, every account once

    async def codes_for(**params: Any) -> list[str]:
        page = (await client.get(ACCOUNTS, params=params, headers=tenant_a.headers)).json()
        return sorted(a["code"] for a in page["items"])

    assert await codes_for(kind="partner") == ["C-004"]
    assert await codes_for(zone_id=zone["id"]) == ["C-001", "C-002"]
    assert await codes_for(owner_user_id=str(tenant_a.owner.id)) == ["C-007"]
    assert await codes_for(q="杭州") == ["C-002", "C-004", "C-006"]
    assert await codes_for(q="C-00") == codes
    assert await codes_for(q="C-%") == []  # wildcards are searched literally


async def test_zones_crud_and_a_used_zone_cannot_be_deleted(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    zone = await create_zone(
        client, tenant_a, "Z-EAST", name="华东片区", owner_user_id=str(tenant_a.owner.id)
    )
    assert zone["owner_user_id"] == str(tenant_a.owner.id)
    dup = await client.post(ZONES, json={"code": "Z-EAST", "name": "x"}, headers=tenant_a.headers)
    assert dup.status_code == 409 and field_names(dup) == ["code"]
    url = f"{ZONES}/{zone['id']}"
    renamed = await client.patch(
        url, json={"name": "华东一区", "owner_user_id": None}, headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert renamed.status_code == 200 and renamed.json()["owner_user_id"] is None
    listed = (await client.get(ZONES, headers=tenant_a.headers)).json()
    assert [z["name"] for z in listed["items"]] == ["华东一区"]
    account = await create_account(client, tenant_a, "C-1", zone_id=zone["id"])
    blocked = await client.delete(url, headers={**tenant_a.headers, "If-Match": "2"})
    assert blocked.status_code == 409 and "accounts" in blocked.json()["detail"]
    moved = await client.patch(
        f"{ACCOUNTS}/{account['id']}", json={"zone_id": None}, headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert moved.status_code == 200
    assert (await client.delete(url, headers={**tenant_a.headers, "If-Match": "2"})).status_code == 204
    assert (await client.get(url, headers=tenant_a.headers)).status_code == 404


async def test_members_read_but_only_managers_change_zones(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    member = await _key_for(app_engine, tenant_a, Role.MEMBER, "member-key")
    denied = await client.post(ZONES, json={"code": "Z", "name": "x"}, headers=member)
    assert denied.status_code == 403
    assert (await client.get(ZONES, headers=member)).status_code == 200
    # Members work accounts.
    created = await client.post(ACCOUNTS, json={"code": "C-1", "name": "x"}, headers=member)
    assert created.status_code == 201


async def test_delete_is_refused_while_something_refers_to_the_account(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    account = await create_account(client, tenant_a, "C-001")
    url = f"{ACCOUNTS}/{account['id']}"
    contact = (await client.post(f"{url}/contacts", json={"name": "王经理"}, headers=tenant_a.headers)).json()
    blocked = await client.delete(url, headers={**tenant_a.headers, "If-Match": "1"})
    assert blocked.status_code == 409
    assert "contacts" in blocked.json()["detail"] and "archive" in blocked.json()["detail"]
    await client.delete(
        f"/api/v1/crm/contacts/{contact['id']}", headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert (await client.delete(url, headers={**tenant_a.headers, "If-Match": "1"})).status_code == 204
    assert (await client.get(url, headers=tenant_a.headers)).status_code == 404


async def test_one_primary_contact_per_account(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    account = await create_account(client, tenant_a, "C-001")
    contacts_url = f"{ACCOUNTS}/{account['id']}/contacts"
    first = (
        await client.post(contacts_url, json={"name": "王经理", "is_primary": True}, headers=tenant_a.headers)
    ).json()
    second = (
        await client.post(
            contacts_url,
            json={"name": "李工", "title": "工程师", "is_primary": True},
            headers=tenant_a.headers,
        )
    ).json()
    listed = (await client.get(contacts_url, headers=tenant_a.headers)).json()["items"]
    assert {c["name"]: c["is_primary"] for c in listed} == {"王经理": False, "李工": True}
    back = await client.patch(
        f"/api/v1/crm/contacts/{first['id']}",
        json={"is_primary": True},
        headers={**tenant_a.headers, "If-Match": "2"},
    )
    assert back.status_code == 200, back.text
    again = (await client.get(f"/api/v1/crm/contacts/{second['id']}", headers=tenant_a.headers)).json()
    assert again["is_primary"] is False
    bad = await client.post(contacts_url, json={"name": ""}, headers=tenant_a.headers)
    assert bad.status_code == 422 and field_names(bad) == ["name"]


async def test_deleting_a_contact_keeps_its_activities(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    account = await create_account(client, tenant_a, "C-001")
    base = f"{ACCOUNTS}/{account['id']}"
    contact = (
        await client.post(f"{base}/contacts", json={"name": "王经理"}, headers=tenant_a.headers)
    ).json()
    activity = (
        await client.post(
            f"{base}/activities",
            json={"kind": "call", "subject": "电话回访", "contact_id": contact["id"]},
            headers=tenant_a.headers,
        )
    ).json()
    assert activity["contact_id"] == contact["id"]
    gone = await client.delete(
        f"/api/v1/crm/contacts/{contact['id']}", headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert gone.status_code == 204
    kept = (await client.get(f"/api/v1/crm/activities/{activity['id']}", headers=tenant_a.headers)).json()
    assert kept["contact_id"] is None and kept["subject"] == "电话回访"


async def test_activities_record_their_author_and_only_the_author_edits(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await create_account(client, tenant_a, "C-001")
    base = f"{ACCOUNTS}/{account['id']}/activities"
    other = await create_account(client, tenant_a, "C-002")
    foreign_contact = (
        await client.post(
            f"{ACCOUNTS}/{other['id']}/contacts", json={"name": "赵总"}, headers=tenant_a.headers
        )
    ).json()
    wrong = await client.post(
        base,
        json={"kind": "visit", "subject": "拜访", "contact_id": foreign_contact["id"]},
        headers=tenant_a.headers,
    )
    assert wrong.status_code == 422 and field_names(wrong) == ["contact_id"]
    when = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    created = await client.post(
        base,
        json={
            "kind": "visit",
            "subject": "上门拜访",
            "body": "谈年度框架协议",
            "occurred_at": when.isoformat(),
        },
        headers=tenant_a.headers,
    )
    assert created.status_code == 201, created.text
    activity = created.json()
    assert activity["author_label"] == "test" and activity["author_user_id"] is None
    assert datetime.fromisoformat(activity["occurred_at"]) == when

    # A member with another key is neither the author nor a manager.
    member_key = await _key_for(app_engine, tenant_a, Role.MEMBER, "member-key")
    denied = await client.patch(
        f"/api/v1/crm/activities/{activity['id']}",
        json={"subject": "改"},
        headers={**member_key, "If-Match": "1"},
    )
    assert denied.status_code == 403
    # A logged activity is its author's account of what happened: a manager may delete it, not edit it.
    manager_key = await _key_for(app_engine, tenant_a, Role.MANAGER, "manager-key")
    not_theirs = await client.patch(
        f"/api/v1/crm/activities/{activity['id']}",
        json={"subject": "改"},
        headers={**manager_key, "If-Match": "1"},
    )
    assert not_theirs.status_code == 403
    changed = await client.patch(
        f"/api/v1/crm/activities/{activity['id']}",
        json={"subject": "上门拜访（已签）"},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert changed.status_code == 200 and changed.json()["subject"] == "上门拜访（已签）"
    future = await client.patch(
        f"/api/v1/crm/activities/{activity['id']}",
        json={"occurred_at": (datetime.now(UTC) + timedelta(days=2)).isoformat()},
        headers={**tenant_a.headers, "If-Match": "2"},
    )
    assert future.status_code == 422
    assert "schedule an activity" in future.json()["errors"][0]["message"]
    later = await client.post(base, json={"kind": "note", "subject": "备注"}, headers=tenant_a.headers)
    listed = (await client.get(base, headers=tenant_a.headers)).json()["items"]
    assert [a["subject"] for a in listed] == ["备注", "上门拜访（已签）"]  # latest first
    deleted = await client.delete(
        f"/api/v1/crm/activities/{later.json()['id']}", headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert deleted.status_code == 204


async def _key_for(engine: AsyncEngine, t: TenantHandle, role: Role, name: str) -> dict[str, str]:
    from bizsuite.core.identity import security
    from bizsuite.core.identity.models import ApiKey

    secret = security.new_api_key()
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, t.id)
        session.add(
            ApiKey(
                name=name,
                prefix=secret[:12],
                key_hash=security.sha256_hex(secret),
                role=role,
                module_grants=["crm"],
            )
        )
    return {"Authorization": f"Bearer {secret}"}


async def add_opportunity(
    engine: AsyncEngine,
    t: TenantHandle,
    account_id: str,
    name: str,
    *,
    created_at: datetime,
    closed: StageKind | None = None,
    closed_at: datetime | None = None,
) -> uuid.UUID:
    """An opportunity written straight to the table (the pipeline area owns its API)."""
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, t.id)
        stage = PipelineStage(
            name=f"{(closed or StageKind.OPEN).value}-{uuid.uuid4().hex[:6]}",
            position=1,
            probability=100 if closed is StageKind.WON else 0 if closed else 30,
            kind=closed or StageKind.OPEN,
        )
        session.add(stage)
        await session.flush()
        opportunity = Opportunity(
            account_id=uuid.UUID(account_id),
            name=name,
            amount="120000.00",
            currency="CNY",
            stage_id=stage.id,
            created_at=created_at,
            closed_at=closed_at,
            close_reason="价格过高" if closed is StageKind.LOST else None,
        )
        session.add(opportunity)
        await session.flush()
        return opportunity.id


async def test_timeline_merges_activities_and_deals_newest_first(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await create_account(client, tenant_a, "C-001")
    base = f"{ACCOUNTS}/{account['id']}"
    day = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    for i, subject in enumerate(["首次电话", "上门拜访", "季度回访"]):
        await client.post(
            f"{base}/activities",
            json={
                "kind": "call",
                "subject": subject,
                "occurred_at": (day + timedelta(days=3 * i)).isoformat(),
            },
            headers=tenant_a.headers,
        )
    await add_opportunity(
        app_engine,
        tenant_a,
        account["id"],
        "年度框架协议",
        created_at=day + timedelta(days=1),
        closed=StageKind.WON,
        closed_at=day + timedelta(days=5),
    )
    await add_opportunity(
        app_engine,
        tenant_a,
        account["id"],
        "仓储扩容",
        created_at=day + timedelta(days=2),
        closed=StageKind.LOST,
        closed_at=day + timedelta(days=8),
    )
    seen: list[tuple[str, str]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = await client.get(f"{base}/timeline", params=params, headers=tenant_a.headers)
        assert page.status_code == 200, page.text
        seen += [(e["kind"], e["title"]) for e in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == [
        ("opportunity_lost", "仓储扩容"),
        ("activity", "季度回访"),
        ("opportunity_won", "年度框架协议"),
        ("activity", "上门拜访"),
        ("opportunity_created", "仓储扩容"),
        ("opportunity_created", "年度框架协议"),
        ("activity", "首次电话"),
    ]
    bad = await client.get(f"{base}/timeline", params={"cursor": "x"}, headers=tenant_a.headers)
    assert bad.status_code == 422 and field_names(bad) == ["cursor"]


async def test_writes_are_audited_and_send_webhook_events(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    endpoint = await client.post(
        "/api/v1/webhooks/endpoints",
        json={"url": "https://example.com/hooks/crm", "event_types": ["crm.account.*"]},
        headers=tenant_a.headers,
    )
    assert endpoint.status_code == 201, endpoint.text
    account = await create_account(client, tenant_a, "C-001")
    await client.patch(
        f"{ACCOUNTS}/{account['id']}",
        json={"industry": "制造"},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    deliveries = (await client.get("/api/v1/webhooks/deliveries", headers=tenant_a.headers)).json()["items"]
    assert sorted(d["event_type"] for d in deliveries) == ["crm.account.created", "crm.account.updated"]
    updated = next(d for d in deliveries if d["event_type"] == "crm.account.updated")
    assert updated["payload"]["industry"] == "制造" and updated["payload"]["code"] == "C-001"
    audit = (
        await client.get("/api/v1/audit-log", params={"target_id": account["id"]}, headers=tenant_a.headers)
    ).json()
    assert {e["action"] for e in audit["items"]} >= {"crm.account.created", "crm.account.updated"}


async def test_crm_routes_need_the_crm_module(client: httpx.AsyncClient, app_engine: AsyncEngine) -> None:
    without = await create_tenant_with_key(app_engine, modules=["contracts"])
    assert (await client.get(ACCOUNTS, headers=without.headers)).status_code == 403


async def test_zone_owner_must_be_a_member(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    steward = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    zone = await create_zone(client, tenant_a, "Z-1", owner_user_id=str(steward.id))
    assert zone["owner_user_id"] == str(steward.id)
