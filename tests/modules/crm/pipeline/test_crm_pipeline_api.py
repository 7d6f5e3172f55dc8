"""Pipeline API: default stages, stage rules, opportunities, stage moves, forecast, events, audit."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from bizsuite.modules.crm.pipeline.rules import add_months
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import create_opportunity, make_account, stage_named, stages
from tests.modules.crm.pipeline.conftest import move

Client = httpx.AsyncClient
STAGES = "/api/v1/crm/pipeline-stages"
OPPORTUNITIES = "/api/v1/crm/opportunities"


def fields(response: httpx.Response) -> list[str]:
    return [e["field"] for e in response.json().get("errors", [])]


# --- stages -----------------------------------------------------------------------------------


async def test_a_new_tenant_gets_the_default_stages_in_its_language(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    items = await stages(client, tenant_a)
    assert [(s["name"], s["probability"], s["kind"]) for s in items] == [
        ("线索", 10, "open"),
        ("需求确认", 25, "open"),
        ("方案报价", 50, "open"),
        ("商务谈判", 75, "open"),
        ("赢单", 100, "won"),
        ("输单", 0, "lost"),
    ]
    assert [s["position"] for s in items] == [1, 2, 3, 4, 5, 6]
    # Asking again does not add them twice.
    assert len(await stages(client, tenant_a)) == 6

    current = (await client.get("/api/v1/tenant", headers=tenant_b.headers)).json()
    changed = await client.patch(
        "/api/v1/tenant",
        json={"locale": "en"},
        headers={**tenant_b.headers, "If-Match": str(current["version"])},
    )
    assert changed.status_code == 200, changed.text
    names = [s["name"] for s in await stages(client, tenant_b)]
    assert names == ["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"]


async def test_stage_validation_names_the_field(client: Client, tenant_a: TenantHandle) -> None:
    await stages(client, tenant_a)
    too_likely = await client.post(
        STAGES, json={"name": "签约", "probability": 120}, headers=tenant_a.headers
    )
    assert too_likely.status_code == 422 and fields(too_likely) == ["probability"]
    second_won = await client.post(
        STAGES, json={"name": "签约", "probability": 100, "kind": "won"}, headers=tenant_a.headers
    )
    assert second_won.status_code == 422 and fields(second_won) == ["kind"]
    assert "exactly one won" in second_won.json()["errors"][0]["message"]
    same_name = await client.post(STAGES, json={"name": "线索", "probability": 5}, headers=tenant_a.headers)
    assert same_name.status_code == 409 and fields(same_name) == ["name"]  # a duplicate: 409

    items = await stages(client, tenant_a)
    lost = stage_named(items, "输单")
    reopen_lost = await client.patch(
        f"{STAGES}/{lost['id']}",
        json={"kind": "open"},
        headers={**tenant_a.headers, "If-Match": str(lost["version"])},
    )
    assert reopen_lost.status_code == 422 and fields(reopen_lost) == ["kind"]
    won = stage_named(items, "赢单")
    delete_won = await client.delete(
        f"{STAGES}/{won['id']}", headers={**tenant_a.headers, "If-Match": str(won["version"])}
    )
    assert delete_won.status_code == 409
    assert len(await stages(client, tenant_a)) == 6


async def test_stages_are_added_in_place_reordered_and_deleted(
    client: Client, tenant_a: TenantHandle
) -> None:
    await stages(client, tenant_a)
    added = await client.post(
        STAGES, json={"name": "样品测试", "probability": 40, "position": 3}, headers=tenant_a.headers
    )
    assert added.status_code == 201, added.text
    assert added.json()["position"] == 3
    items = await stages(client, tenant_a)
    assert [s["name"] for s in items][:4] == ["线索", "需求确认", "样品测试", "方案报价"]
    assert [s["position"] for s in items] == list(range(1, 8))

    reversed_ids = [s["id"] for s in reversed(items)]
    reordered = await client.post(
        f"{STAGES}/reorder", json={"stage_ids": reversed_ids}, headers=tenant_a.headers
    )
    assert reordered.status_code == 200, reordered.text
    assert [s["id"] for s in reordered.json()["items"]] == reversed_ids
    incomplete = await client.post(
        f"{STAGES}/reorder", json={"stage_ids": reversed_ids[:-1]}, headers=tenant_a.headers
    )
    assert incomplete.status_code == 422 and fields(incomplete) == ["stage_ids"]

    sample = stage_named(await stages(client, tenant_a), "样品测试")
    stale = await client.delete(f"{STAGES}/{sample['id']}", headers={**tenant_a.headers, "If-Match": "99"})
    assert stale.status_code == 412
    missing = await client.delete(f"{STAGES}/{sample['id']}", headers=tenant_a.headers)
    assert missing.status_code == 428
    deleted = await client.delete(
        f"{STAGES}/{sample['id']}", headers={**tenant_a.headers, "If-Match": str(sample["version"])}
    )
    assert deleted.status_code == 204
    assert [s["position"] for s in await stages(client, tenant_a)] == list(range(1, 7))


async def test_members_read_stages_but_only_admins_change_them(
    client: Client, tenant_a: TenantHandle
) -> None:
    async def key(module_grants: list[str]) -> dict[str, str]:
        created = await client.post(
            "/api/v1/api-keys",
            json={"name": "sales", "role": "member", "module_grants": module_grants},
            headers=tenant_a.headers,
        )
        assert created.status_code == 201, created.text
        return {"Authorization": f"Bearer {created.json()['secret']}"}

    member = await key(["crm"])
    assert (await client.get(STAGES, headers=member)).status_code == 200
    refused = await client.post(STAGES, json={"name": "X", "probability": 5}, headers=member)
    assert refused.status_code == 403
    without_crm = await key([])
    assert (await client.get(STAGES, headers=without_crm)).status_code == 403


async def test_a_stage_with_opportunities_cannot_be_deleted(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    opportunity = await create_opportunity(client, tenant_a, account)
    stage = stage_named(await stages(client, tenant_a), "线索")
    assert opportunity["stage_id"] == stage["id"]
    refused = await client.delete(
        f"{STAGES}/{stage['id']}", headers={**tenant_a.headers, "If-Match": str(stage["version"])}
    )
    assert refused.status_code == 409


# --- opportunities ----------------------------------------------------------------------------


async def test_create_an_opportunity_with_defaults_and_expected_value(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a, name="苏州新区物业")
    proposal = stage_named(await stages(client, tenant_a), "方案报价")
    created = await create_opportunity(
        client,
        tenant_a,
        account,
        name="电梯维保三年",
        amount="33333.33",
        stage_id=proposal["id"],
        expected_close="2027-01-15",
    )
    assert created["currency"] == "CNY"
    assert created["amount"] == "33333.33"
    assert created["stage_name"] == "方案报价" and created["probability"] == 50
    assert created["expected_value"] == "16666.67"  # half-up to the cent
    assert created["status"] == "open" and created["closed_at"] is None
    assert created["account_name"] == "苏州新区物业"
    assert created["owner_user_id"] is None  # an API key is nobody's
    assert created["version"] == 1
    again = await client.get(f"{OPPORTUNITIES}/{created['id']}", headers=tenant_a.headers)
    assert again.json() == created


async def test_opportunity_validation_names_the_field(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    other_account = await make_account(app_engine, tenant_b)
    base = {"account_id": str(account), "name": "项目", "amount": "10.00"}
    cases = [
        ({**base, "account_id": str(other_account)}, "account_id"),
        ({**base, "amount": "-1"}, "amount"),
        ({**base, "amount": "1.234"}, "amount"),
        ({**base, "currency": "rmb"}, "currency"),
        ({**base, "name": ""}, "name"),
        ({**base, "owner_user_id": str(tenant_b.owner.id)}, "owner_user_id"),
        ({**base, "colour": "red"}, "colour"),
    ]
    for body, field in cases:
        response = await client.post(OPPORTUNITIES, json=body, headers=tenant_a.headers)
        assert response.status_code == 422, (field, response.text)
        assert fields(response) == [field], response.text
    owned = await create_opportunity(client, tenant_a, account, owner_user_id=str(tenant_a.owner.id))
    assert owned["owner_name"] == "Owner"


async def test_update_needs_the_current_version(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    created = await create_opportunity(client, tenant_a, account)
    url = f"{OPPORTUNITIES}/{created['id']}"
    without = await client.patch(url, json={"amount": "5.00"}, headers=tenant_a.headers)
    assert without.status_code == 428
    stale = await client.patch(url, json={"amount": "5.00"}, headers={**tenant_a.headers, "If-Match": "7"})
    assert stale.status_code == 412
    stage_change = await client.patch(
        url, json={"stage_id": created["stage_id"]}, headers={**tenant_a.headers, "If-Match": "1"}
    )
    assert stage_change.status_code == 422 and fields(stage_change) == ["stage_id"]
    updated = await client.patch(
        url,
        json={"amount": "250000.50", "expected_close": "2027-03-31", "name": "二期扩容（含软件）"},
        headers={**tenant_a.headers, "If-Match": "1"},
    )
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert body["amount"] == "250000.50" and body["expected_value"] == "25000.05"
    assert body["expected_close"] == "2027-03-31" and body["version"] == 2
    cleared = await client.patch(
        url, json={"expected_close": None}, headers={**tenant_a.headers, "If-Match": "2"}
    )
    assert cleared.json()["expected_close"] is None


async def test_won_sets_closed_at_lost_needs_a_reason_and_open_reopens(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    items = await stages(client, tenant_a)
    won, lost, negotiation = (stage_named(items, n) for n in ("赢单", "输单", "商务谈判"))
    opportunity = await create_opportunity(client, tenant_a, account)

    no_version = await client.post(
        f"{OPPORTUNITIES}/{opportunity['id']}/stage", json={"stage_id": won["id"]}, headers=tenant_a.headers
    )
    assert no_version.status_code == 428

    moved = await move(client, tenant_a, opportunity, negotiation["id"])
    assert moved.status_code == 200, moved.text
    assert moved.json()["stage_name"] == "商务谈判" and moved.json()["expected_value"] == "75000.00"
    stale = await move(client, tenant_a, opportunity, won["id"])  # still the old version
    assert stale.status_code == 412

    opportunity = moved.json()
    without_reason = await move(client, tenant_a, opportunity, lost["id"])
    assert without_reason.status_code == 422 and fields(without_reason) == ["reason"]
    blank_reason = await move(client, tenant_a, opportunity, lost["id"], reason="  ")
    assert blank_reason.status_code == 422 and fields(blank_reason) == ["reason"]

    won_now = await move(client, tenant_a, opportunity, won["id"])
    assert won_now.status_code == 200
    opportunity = won_now.json()
    assert opportunity["status"] == "won" and opportunity["closed_at"] is not None
    closed_at = dt.datetime.fromisoformat(opportunity["closed_at"])
    assert abs((dt.datetime.now(dt.UTC) - closed_at).total_seconds()) < 300

    lost_now = await move(client, tenant_a, opportunity, lost["id"], reason="客户预算取消")
    opportunity = lost_now.json()
    assert opportunity["status"] == "lost" and opportunity["close_reason"] == "客户预算取消"
    assert opportunity["closed_at"] is not None and opportunity["expected_value"] == "0.00"

    reopened = await move(client, tenant_a, opportunity, negotiation["id"])
    opportunity = reopened.json()
    assert opportunity["status"] == "open"
    assert opportunity["closed_at"] is None and opportunity["close_reason"] is None

    lost_on_create = await client.post(
        OPPORTUNITIES,
        json={"account_id": str(account), "name": "旧项目", "amount": "1.00", "stage_id": lost["id"]},
        headers=tenant_a.headers,
    )
    assert lost_on_create.status_code == 422 and fields(lost_on_create) == ["reason"]


async def test_list_filters_and_pages(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    first, second = await make_account(app_engine, tenant_a), await make_account(app_engine, tenant_a)
    items = await stages(client, tenant_a)
    won = stage_named(items, "赢单")
    made = [await create_opportunity(client, tenant_a, first, name=f"商机 {i}") for i in range(3)]
    other = await create_opportunity(
        client, tenant_a, second, name="另一客户", owner_user_id=str(tenant_a.owner.id)
    )
    await move(client, tenant_a, made[0], won["id"])

    async def names(**params: Any) -> list[str]:
        response = await client.get(OPPORTUNITIES, params=params, headers=tenant_a.headers)
        assert response.status_code == 200, response.text
        return [o["name"] for o in response.json()["items"]]

    assert await names() == ["另一客户", "商机 2", "商机 1", "商机 0"]  # newest first
    assert await names(account_id=str(first)) == ["商机 2", "商机 1", "商机 0"]
    assert await names(owner_user_id=str(tenant_a.owner.id)) == ["另一客户"]
    assert await names(status="won") == ["商机 0"]
    assert await names(status="open") == ["另一客户", "商机 2", "商机 1"]
    assert await names(stage_id=won["id"]) == ["商机 0"]
    assert other["stage_name"] == "线索"

    page = (await client.get(OPPORTUNITIES, params={"limit": 3}, headers=tenant_a.headers)).json()
    assert len(page["items"]) == 3 and page["next_cursor"]
    rest = (
        await client.get(
            OPPORTUNITIES, params={"limit": 3, "cursor": page["next_cursor"]}, headers=tenant_a.headers
        )
    ).json()
    assert [o["name"] for o in rest["items"]] == ["商机 0"] and rest["next_cursor"] is None
    bad = await client.get(OPPORTUNITIES, params={"status": "maybe"}, headers=tenant_a.headers)
    assert bad.status_code == 422 and fields(bad) == ["status"]


async def test_delete_an_opportunity(client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine) -> None:
    created = await create_opportunity(client, tenant_a, await make_account(app_engine, tenant_a))
    url = f"{OPPORTUNITIES}/{created['id']}"
    assert (await client.delete(url, headers={**tenant_a.headers, "If-Match": "1"})).status_code == 204
    assert (await client.get(url, headers=tenant_a.headers)).status_code == 404


# --- forecast ---------------------------------------------------------------------------------


async def test_forecast_on_a_known_data_set(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    items = await stages(client, tenant_a)
    lead, qualified, proposal, negotiation, won, lost = (
        stage_named(items, n) for n in ("线索", "需求确认", "方案报价", "商务谈判", "赢单", "输单")
    )
    this_month = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().replace(day=1)

    def in_months(count: int, day: int = 15) -> str:
        return add_months(this_month, count).replace(day=day).isoformat()

    async def opportunity(amount: str, stage: dict[str, Any], **body: Any) -> dict[str, Any]:
        return await create_opportunity(
            client, tenant_a, account, amount=amount, stage_id=stage["id"], **body
        )

    await opportunity("100000.00", lead, expected_close=in_months(0))
    await opportunity("33333.33", proposal, expected_close=in_months(1))
    await opportunity("200000.00", negotiation, expected_close=in_months(-2))  # overdue: this month
    await opportunity("50000.00", qualified, expected_close=in_months(7))  # beyond six months
    await opportunity("5000.00", lead)  # no expected close date
    await opportunity("999.00", lead, expected_close=in_months(0), currency="USD")  # other currency
    await move(client, tenant_a, await opportunity("80000.00", lead, expected_close=in_months(3)), won["id"])
    await move(
        client,
        tenant_a,
        await opportunity("1000.00", lead, expected_close=in_months(0)),
        lost["id"],
        reason="价格",
    )

    response = await client.get(
        "/api/v1/crm/pipeline/forecast", params={"months": 6}, headers=tenant_a.headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["currency"] == "CNY"
    months = {m["month"]: (m["open_amount"], m["weighted_amount"], m["won_amount"]) for m in body["months"]}
    assert list(months) == [add_months(this_month, i).isoformat() for i in range(6)]
    assert months[in_months(0, 1)] == ("300000.00", "160000.00", "80000.00")
    assert months[in_months(1, 1)] == ("33333.33", "16666.67", "0.00")
    assert all(months[in_months(i, 1)] == ("0.00", "0.00", "0.00") for i in range(2, 6))

    by_stage = {s["name"]: (s["count"], s["amount"], s["weighted_amount"]) for s in body["stages"]}
    assert by_stage == {
        "线索": (2, "105000.00", "10500.00"),
        "需求确认": (1, "50000.00", "12500.00"),
        "方案报价": (1, "33333.33", "16666.67"),
        "商务谈判": (1, "200000.00", "150000.00"),
        "赢单": (1, "80000.00", "80000.00"),
        "输单": (1, "1000.00", "0.00"),
    }
    too_far = await client.get(
        "/api/v1/crm/pipeline/forecast", params={"months": 40}, headers=tenant_a.headers
    )
    assert too_far.status_code == 422 and fields(too_far) == ["months"]


# --- events and audit -------------------------------------------------------------------------


async def test_stage_moves_emit_events_and_write_the_audit_log(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    endpoint = await client.post(
        "/api/v1/webhooks/endpoints",
        json={"url": "https://hooks.example.com/crm", "event_types": ["crm.opportunity.*"]},
        headers=tenant_a.headers,
    )
    assert endpoint.status_code == 201, endpoint.text
    items = await stages(client, tenant_a)
    opportunity = await create_opportunity(client, tenant_a, await make_account(app_engine, tenant_a))
    won = (await move(client, tenant_a, opportunity, stage_named(items, "赢单")["id"])).json()
    await move(client, tenant_a, won, stage_named(items, "输单")["id"], reason="合同未签")

    deliveries = (await client.get("/api/v1/webhooks/deliveries", headers=tenant_a.headers)).json()["items"]
    assert sorted(d["event_type"] for d in deliveries) == sorted(
        [
            "crm.opportunity.created",
            "crm.opportunity.stage_changed",
            "crm.opportunity.won",
            "crm.opportunity.stage_changed",
            "crm.opportunity.lost",
        ]
    )
    lost_event = next(d for d in deliveries if d["event_type"] == "crm.opportunity.lost")
    assert lost_event["payload"]["close_reason"] == "合同未签"
    assert lost_event["payload"]["opportunity_id"] == opportunity["id"]

    audit = await client.get(
        "/api/v1/audit-log", params={"target_id": opportunity["id"]}, headers=tenant_a.headers
    )
    actions = [e["action"] for e in audit.json()["items"]]
    assert actions.count("crm.opportunity.stage_changed") == 2 and "crm.opportunity.created" in actions


async def test_a_stage_holding_opportunities_keeps_its_kind(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    items = await stages(client, tenant_a)
    lead = stage_named(items, "线索")
    opportunity = await create_opportunity(client, tenant_a, await make_account(app_engine, tenant_a))
    assert opportunity["stage_id"] == lead["id"]
    to_lost = await client.patch(
        f"{STAGES}/{lead['id']}",
        json={"kind": "lost"},
        headers={**tenant_a.headers, "If-Match": str(lead["version"])},
    )
    # Otherwise the deal would read "lost" with neither a reason nor a close date.
    assert to_lost.status_code == 409, to_lost.text
    stored = (await client.get(f"{OPPORTUNITIES}/{opportunity['id']}", headers=tenant_a.headers)).json()
    assert stored["status"] == "open" and stored["close_reason"] is None
    # An empty stage can change its kind.
    qualified = stage_named(items, "需求确认")
    emptied = await client.patch(
        f"{STAGES}/{qualified['id']}",
        json={"kind": "lost"},
        headers={**tenant_a.headers, "If-Match": str(qualified["version"])},
    )
    assert emptied.status_code == 200 and emptied.json()["kind"] == "lost"
