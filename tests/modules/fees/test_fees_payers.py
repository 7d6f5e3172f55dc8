"""Payers: every subsidiary is a wholly-owned payer by default; one marked not a payer (with the
reason) or not wholly owned (unless included) gets no reconciliation, statement or reminder."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from bizsuite.modules.fees.services import alerts
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.revenue.conftest import tenant_ctx
from tests.modules.fees.conftest import BASE, Group, build, customs, reconcile
from tests.modules.fees.test_fees_pages import _sign_in


async def _set(
    client: httpx.AsyncClient, g: Group, unit: str, body: dict[str, Any], version: int
) -> httpx.Response:
    return await client.put(
        f"{BASE}/payers/{unit}", json=body, headers={**g.finance.headers, "If-Match": str(version)}
    )


async def test_every_subsidiary_is_a_wholly_owned_payer_by_default(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    listed = (await client.get(f"{BASE}/payers", headers=g.headers)).json()["items"]
    assert {p["org_unit_id"] for p in listed} == {g.trade, g.retail}  # subsidiaries only, not HQ
    assert all(
        p["status"] == "billed" and p["wholly_owned"] and p["payer"] and p["version"] == 0 for p in listed
    )
    hq = await client.get(f"{BASE}/payers/{g.hq}", headers=g.headers)
    assert hq.status_code == 404


async def test_an_excluded_subsidiary_gets_no_reconciliation_statement_or_reminder(
    client: httpx.AsyncClient, app_engine: AsyncEngine, group: Group
) -> None:
    g = group
    no_reason = await _set(client, g, g.retail, {"payer": False}, 0)
    assert no_reason.status_code == 422
    assert [e["field"] for e in no_reason.json()["errors"]] == ["excluded_reason"]
    done = await _set(client, g, g.retail, {"payer": False, "excluded_reason": "Dormant since 2025"}, 0)
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "excluded" and done.json()["version"] == 1
    stale = await _set(client, g, g.retail, {"payer": True}, 0)
    assert stale.status_code == 412
    opened = await client.post(
        f"{BASE}/reconciliations",
        json={"org_unit_id": g.retail, "year": 2026, "quarter": 1},
        headers=g.headers,
    )
    assert opened.status_code == 422
    (error,) = opened.json()["errors"]
    assert error["field"] == "org_unit_id" and "Dormant since 2025" in error["message"]
    generated = await client.post(
        f"{BASE}/statements",
        json={"org_unit_id": g.retail, "year": 2026, "quarter": 1},
        headers=g.finance.headers,
    )
    assert generated.status_code == 422 and generated.json()["errors"][0]["field"] == "org_unit_id"
    async with tenant_ctx(app_engine, g.tenant) as ctx:
        # Neither subsidiary reconciled 2026-Q1: only the trading one (a payer) is reminded.
        assert await alerts.sweep(ctx, date(2026, 4, 12)) == 1


async def test_one_not_wholly_owned_is_billed_only_when_included(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    partly = await _set(client, g, g.trade, {"wholly_owned": False}, 0)
    assert partly.json()["status"] == "not_wholly_owned"
    refused = await client.post(
        f"{BASE}/reconciliations",
        json={"org_unit_id": g.trade, "year": 2026, "quarter": 1},
        headers=g.headers,
    )
    assert refused.status_code == 422 and "not wholly owned" in refused.json()["errors"][0]["message"]
    included = await _set(client, g, g.trade, {"wholly_owned": False, "included": True}, 1)
    assert included.json()["status"] == "billed" and not included.json()["wholly_owned"]
    await customs(client, g, g.trade, "2026-02-01", "12345678.90")
    await reconcile(client, g, g.trade, 2026, 1, g.trade_staff)
    made = await client.post(
        f"{BASE}/statements",
        json={"org_unit_id": g.trade, "year": 2026, "quarter": 1},
        headers=g.finance.headers,
    )
    assert made.status_code == 201, made.text


async def test_subsidiary_staff_see_their_own_payer_and_cannot_change_it(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    own = (await client.get(f"{BASE}/payers", headers=g.trade_staff.headers)).json()["items"]
    assert [p["org_unit_id"] for p in own] == [g.trade]
    other = await client.get(f"{BASE}/payers/{g.retail}", headers=g.trade_staff.headers)
    assert other.status_code == 404
    changed = await client.put(
        f"{BASE}/payers/{g.trade}",
        json={"payer": False, "excluded_reason": "We would rather not pay"},
        headers={**g.trade_staff.headers, "If-Match": "0"},
    )
    assert changed.status_code == 403


async def test_the_payers_page_excludes_a_subsidiary_and_names_the_missing_reason(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: object
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["crm", "contracts", "fees"])  # type: ignore[operator]
    g = await build(client, app_engine, tenant)
    await _sign_in(client, tenant, "zh-CN")
    shown = await client.get("/fees/payers")
    assert shown.status_code == 200 and shown.text.count('data-testid="payer"') == 2
    token = shown.text.split('name="csrf_token" value="')[1].split('"')[0]
    refused = await client.post(
        f"/fees/payers/{g.retail}", data={"csrf_token": token, "version": "0", "wholly_owned": "on"}
    )
    assert refused.status_code == 422 and 'data-testid="error-excluded_reason"' in refused.text
    saved = await client.post(
        f"/fees/payers/{g.retail}",
        data={"csrf_token": token, "version": "0", "wholly_owned": "on", "excluded_reason": "已停业"},
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    (retail,) = [
        p
        for p in (await client.get(f"{BASE}/payers", headers=g.headers)).json()["items"]
        if p["org_unit_id"] == g.retail
    ]
    assert retail["status"] == "excluded" and retail["excluded_reason"] == "已停业"
    statements = await client.get("/fees/statements")
    generate_form = statements.text.split('name="org_unit_id"')[1].split("</select>")[0]
    assert g.trade in generate_form and g.retail not in generate_form  # only the billed in the form
