"""A contract's history in its chatter: its tracked changes (from the audit log) with labels and
values in the reader's language, notes on it, the chatter on its page, and no other tenant's."""

from __future__ import annotations

import httpx

from tests.conftest import TenantHandle
from tests.core.chatter.helpers import feed
from tests.modules.contracts.conftest import BASE, Setup, approve_request, move, register
from tests.web.test_language_walk import sign_in

ZH = {"Accept-Language": "zh-CN"}


async def test_edits_and_the_lifecycle_show_in_the_contracts_chatter(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    contract = await register(client, setup, "expenditure", "100000.00")
    changed = await client.patch(
        f"{BASE}/contracts/{contract['id']}",
        json={"amount": "120000.00", "ends_on": "2027-06-30"},
        headers={**setup.clerk.headers, "If-Match": str(contract["version"])},
    )
    assert changed.status_code == 200, changed.text
    submitted = await move(client, setup.clerk, changed.json(), "in_approval")
    assert submitted.status_code == 200, submitted.text
    await approve_request(client, setup, contract["id"])

    client.headers.update(ZH)
    entries = (await feed(client, setup.tenant, f"contracts_contracts/{contract['id']}"))["items"]
    shown = {(c["label"], c["old"], c["new"]) for e in entries if e["kind"] == "change" for c in e["changes"]}
    assert ("金额", "100000.00", "120000.00") in shown
    assert ("结束日期", "—", "2027-06-30") in shown
    statuses = [(c["old"], c["new"]) for e in entries for c in e.get("changes", []) if c["field"] == "status"]
    # newest first: the approver's decision, then the clerk's submission (labels, never raw codes)
    assert statuses == [("审批中", "已同意"), ("草稿", "审批中")]
    assert entries[-1]["kind"] == "created"
    # An API caller asking for English reads English, whatever the last request on this task read.
    client.headers["Accept-Language"] = "en"
    entries = (await feed(client, setup.tenant, f"contracts_contracts/{contract['id']}"))["items"]
    shown = {(c["label"], c["old"], c["new"]) for e in entries if e["kind"] == "change" for c in e["changes"]}
    assert ("Amount", "100000.00", "120000.00") in shown
    client.headers.update(ZH)

    noted = await client.post(
        f"/api/v1/chatter/contracts_contracts/{contract['id']}/notes",
        json={"body": "供应商要求延期交货"},
        headers=setup.clerk.headers,
    )
    assert noted.status_code == 201, noted.text
    first = (await feed(client, setup.tenant, f"contracts_contracts/{contract['id']}"))["items"][0]
    assert first["kind"] == "note" and first["message"]["body"] == "供应商要求延期交货"


async def test_the_contract_counterparty_and_project_pages_carry_the_chatter(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    contract = await register(client, setup, "expenditure", "100000.00")
    await sign_in(client, setup.tenant)
    client.headers.update(ZH)
    for page, target in (
        (f"/contracts/{contract['id']}", f"contracts_contracts/{contract['id']}"),
        (f"/contracts/counterparties/{setup.supplier}", f"contracts_counterparties/{setup.supplier}"),
        (f"/contracts/projects/{setup.project}", f"contracts_projects/{setup.project}"),
    ):
        shown = await client.get(page)
        assert shown.status_code == 200, page
        assert f'hx-get="/chatter/{target}"' in shown.text, page
        partial = await client.get(f"/chatter/{target}", headers={"HX-Request": "true"})
        assert partial.status_code == 200, target
        assert "备注" in partial.text


async def test_another_tenants_contract_chatter_is_not_found(
    client: httpx.AsyncClient, setup: Setup, tenant_b: TenantHandle
) -> None:
    contract = await register(client, setup, "income", "5000.00")
    base = f"/api/v1/chatter/contracts_contracts/{contract['id']}"
    assert (await client.get(f"{base}/entries", headers=tenant_b.headers)).status_code == 404
    written = await client.post(f"{base}/notes", json={"body": "x"}, headers=tenant_b.headers)
    assert written.status_code == 404
    assert (await client.post(f"{base}/followers", json={}, headers=tenant_b.headers)).status_code == 404
    planned = await client.post(
        "/api/v1/activities",
        json={
            "target_type": "contracts_contracts",
            "target_id": contract["id"],
            "activity_type": "call",
            "summary": "x",
            "due_date": "2026-12-31",
        },
        headers=tenant_b.headers,
    )
    assert planned.status_code in (404, 422), planned.text
    mine = await client.get(f"{base}/entries", headers=setup.headers)
    assert mine.status_code == 200
