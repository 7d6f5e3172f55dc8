"""Attachments on change orders (变更/洽商): files uploaded through the kernel files API with the
document type ``contracts_change`` and the change order's id, or on the change order's page, are
listed with the change order (API and pages) and downloaded from there; another tenant neither
sees them nor attaches to the change order."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.contracts.conftest import BASE, Setup, active, build
from tests.modules.contracts.test_contracts_pages import _csrf
from tests.web.test_language_walk import sign_in

PDF = "%PDF-1.4\n% 洽商记录\n".encode()


async def change_order(client: httpx.AsyncClient, s: Setup) -> tuple[dict[str, Any], dict[str, Any]]:
    """An active contract and a change order proposed on it (awaiting approval)."""
    contract = await active(client, s, "expenditure", "1000000.00")
    proposed = await client.post(
        f"{BASE}/contracts/{contract['id']}/change-orders",
        json={"proposer": "项目经理 王磊", "reason": "业主要求增加消防喷淋", "cost_impact": "150000.00"},
        headers=s.clerk.headers,
    )
    assert proposed.status_code == 201, proposed.text
    assert proposed.json()["attachments"] == []
    return contract, proposed.json()


async def attach(
    client: httpx.AsyncClient, headers: dict[str, str], change_id: str, name: str = "洽商记录.pdf"
) -> httpx.Response:
    return await client.post(
        "/api/v1/files",
        params={"name": name, "document_type": "contracts_change", "document_id": change_id},
        content=PDF,
        headers={**headers, "Content-Type": "application/pdf"},
    )


async def listed(client: httpx.AsyncClient, s: Setup, contract_id: str) -> list[dict[str, Any]]:
    got = await client.get(f"{BASE}/contracts/{contract_id}/change-orders", headers=s.headers)
    assert got.status_code == 200, got.text
    items: list[dict[str, Any]] = got.json()["items"]
    return items


async def test_files_attached_through_the_files_api_are_listed_with_the_change_order(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    contract, change = await change_order(client, setup)
    first = await attach(client, setup.clerk.headers, change["id"])
    second = await attach(client, setup.clerk.headers, change["id"], name="变更预算.pdf")
    assert first.status_code == 201 and second.status_code == 201, (first.text, second.text)
    # A file of the contract itself is not the change order's.
    other = await client.post(
        "/api/v1/files",
        params={
            "name": "合同扫描件.pdf",
            "document_type": "contracts_contract",
            "document_id": contract["id"],
        },
        content=PDF,
        headers={**setup.clerk.headers, "Content-Type": "application/pdf"},
    )
    assert other.status_code == 201
    (shown,) = await listed(client, setup, contract["id"])
    assert [(f["name"], f["document_type"], f["document_id"]) for f in shown["attachments"]] == [
        ("洽商记录.pdf", "contracts_change", change["id"]),
        ("变更预算.pdf", "contracts_change", change["id"]),
    ]
    assert shown["attachments"][0]["size"] == len(PDF)
    files = await client.get(
        "/api/v1/files",
        params={"document_type": "contracts_change", "document_id": change["id"]},
        headers=setup.headers,
    )
    assert {f["name"] for f in files.json()["items"]} == {"洽商记录.pdf", "变更预算.pdf"}
    link = await client.get(f"/api/v1/files/{first.json()['id']}/download-url", headers=setup.headers)
    assert link.status_code == 200 and link.json()["url"]


async def test_the_change_order_page_uploads_lists_and_downloads_its_files(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    contract, change = await change_order(client, setup)
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    contract_page = await client.get(f"/contracts/{contract['id']}")
    page_url = f"/contracts/{contract['id']}/change-orders/{change['id']}"
    assert f'href="{page_url}"' in contract_page.text
    shown = await client.get(page_url)
    assert shown.status_code == 200 and 'data-testid="change-order-upload"' in shown.text
    assert "业主要求增加消防喷淋" in shown.text and 'data-testid="empty-state"' in shown.text
    token = _csrf(shown.text)
    uploaded = await client.post(
        f"{page_url}/attachments",
        data={"csrf_token": token},
        files={"file": ("现场签证单.pdf", PDF, "application/pdf")},
        headers={"X-CSRF-Token": token},  # as the page's forms send it (hx-headers)
        follow_redirects=False,
    )
    assert uploaded.status_code == 303, uploaded.text
    after = await client.get(uploaded.headers["location"])
    assert 'data-testid="change-order-file"' in after.text and "现场签证单.pdf" in after.text
    (shown_file,) = (await listed(client, setup, contract["id"]))[0]["attachments"]
    assert shown_file["name"] == "现场签证单.pdf" and shown_file["uploaded_by"] == str(setup.tenant.owner.id)
    assert f'href="/files/{shown_file["id"]}/download"' in after.text
    download = await client.get(f"/files/{shown_file['id']}/download", follow_redirects=True)
    assert download.status_code == 200 and download.content == PDF
    # The contract page lists it under the change order too.
    contract_page = await client.get(f"/contracts/{contract['id']}")
    assert "现场签证单.pdf" in contract_page.text
    # A file of a type not accepted is refused next to the field; nothing is attached.
    refused = await client.post(
        f"{page_url}/attachments",
        data={"csrf_token": token},
        files={"file": ("tool.exe", b"MZ\x90\x00", "application/x-msdownload")},
        headers={"X-CSRF-Token": token},
    )
    assert refused.status_code == 415 and 'data-testid="error-file"' in refused.text
    assert len((await listed(client, setup, contract["id"]))[0]["attachments"]) == 1


async def test_another_tenant_neither_sees_nor_attaches_to_the_change_order(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, tenant_b: TenantHandle
) -> None:
    contract, change = await change_order(client, setup)
    mine = await attach(client, setup.clerk.headers, change["id"])
    other = await build(client, app_engine, tenant_b)
    theirs = await client.get(f"{BASE}/contracts/{contract['id']}/change-orders", headers=other.headers)
    assert theirs.status_code == 404
    assert (await client.get(f"/api/v1/files/{mine.json()['id']}", headers=other.headers)).status_code == 404
    snooped = await client.get(
        "/api/v1/files",
        params={"document_type": "contracts_change", "document_id": change["id"]},
        headers=other.headers,
    )
    assert snooped.status_code == 200 and snooped.json()["items"] == []
    # A file tenant B sends naming A's change order stays B's: A's change order does not list it.
    planted = await attach(client, other.headers, change["id"], name="伪造签证.pdf")
    assert planted.status_code == 201
    names = [f["name"] for f in (await listed(client, setup, contract["id"]))[0]["attachments"]]
    assert names == ["洽商记录.pdf"]
    # B's web session gets the 404 page for A's change order and cannot upload to it.
    await sign_in(client, tenant_b)
    page_url = f"/contracts/{contract['id']}/change-orders/{change['id']}"
    assert (await client.get(page_url)).status_code == 404
    token = _csrf((await client.get("/contracts")).text)
    upload = await client.post(
        f"{page_url}/attachments",
        data={"csrf_token": token},
        files={"file": ("x.pdf", PDF, "application/pdf")},
        headers={"X-CSRF-Token": token},
    )
    assert upload.status_code == 404
    names = [f["name"] for f in (await listed(client, setup, contract["id"]))[0]["attachments"]]
    assert names == ["洽商记录.pdf"]
