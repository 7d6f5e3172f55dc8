"""The contracts pages in the browser's language (zh-CN): register a contract from the form, move
it, record a receipt, and see a payment beyond the receipts refused with its figures."""

from __future__ import annotations

import re

import httpx

from tests.modules.contracts.conftest import BASE, Setup, active, set_rule
from tests.web.test_language_walk import sign_in


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


async def test_register_and_pay_through_the_pages(client: httpx.AsyncClient, setup: Setup) -> None:
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    form = await client.get("/contracts/new")
    assert form.status_code == 200 and "登记合同" in form.text
    token = _csrf(form.text)
    bad = await client.post(
        "/contracts", data={"csrf_token": token, "direction": "income", "title": "x", "amount": "1"}
    )
    assert bad.status_code == 422 and 'data-testid="error-account_id"' in bad.text
    made = await client.post(
        "/contracts",
        data={
            "csrf_token": token,
            "direction": "income",
            "title": "网页登记的收入合同",
            "amount": "1,000,000.00",
            "account_id": setup.account,
            "project_id": setup.project,
        },
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    page = await client.get(made.headers["location"])
    assert "网页登记的收入合同" in page.text and "草稿" in page.text and "提交审批" in page.text
    listed = await client.get("/contracts", params={"direction": "income"})
    assert "网页登记的收入合同" in listed.text

    income = await active(client, setup, "income")
    spend = await active(client, setup, "expenditure")
    receipt = await client.post(
        f"/contracts/{income['id']}/settlements",
        data={"csrf_token": token, "kind": "receipt", "amount": "1000000.00"},
        follow_redirects=False,
    )
    assert receipt.status_code == 303, receipt.text
    paid = await client.post(
        f"/contracts/{spend['id']}/settlements",
        data={"csrf_token": token, "kind": "payment", "amount": "950000.00"},
        follow_redirects=False,
    )
    assert paid.status_code == 303
    refused = await client.post(
        f"/contracts/{spend['id']}/settlements",
        data={"csrf_token": token, "kind": "payment", "amount": "60000.00"},
    )
    assert refused.status_code == 422
    assert "以收定支" in refused.text
    for figure in ("1,000,000.00", "950,000.00", "60,000.00", "10,000.00"):
        assert figure in refused.text
    assert 'data-testid="spend-position"' in refused.text
    position = (await client.get(f"{BASE}/projects/{setup.project}/position", headers=setup.headers)).json()
    assert position["paid"] == "950000.00"
    await set_rule(client, setup, "soft")
    waiting = await client.post(
        f"/contracts/{spend['id']}/settlements",
        data={"csrf_token": token, "kind": "payment", "amount": "60000.00"},
        follow_redirects=False,
    )
    assert waiting.status_code == 303 and "awaiting_approval" in waiting.headers["location"]
    shown = await client.get(f"/contracts/{spend['id']}")
    assert "待特别审批" in shown.text


async def test_counterparty_project_ageing_and_settings_pages(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    for path in (
        "/contracts/counterparties",
        "/contracts/projects",
        "/contracts/ageing",
        "/contracts/settings",
        f"/contracts/counterparties/{setup.supplier}",
        f"/contracts/projects/{setup.project}",
    ):
        response = await client.get(path)
        assert response.status_code == 200, path
    page = await client.get(f"/contracts/counterparties/{setup.supplier}")
    token = _csrf(page.text)
    version = re.search(r'name="version" value="(\d+)"', page.text)
    assert version
    listed = await client.post(
        f"/contracts/counterparties/{setup.supplier}/edit",
        data={
            "csrf_token": token,
            "version": version.group(1),
            "kind": "supplier",
            "code": "S-1",
            "name": "江苏建工材料有限公司",
            "blacklisted": "on",
            "blacklist_reason": "质量事故",
        },
        follow_redirects=False,
    )
    assert listed.status_code == 303, listed.text
    refused = await client.post(
        "/contracts",
        data={
            "csrf_token": token,
            "direction": "expenditure",
            "title": "x",
            "amount": "1",
            "counterparty_id": setup.supplier,
        },
    )
    assert refused.status_code == 422 and "已列入黑名单:质量事故" in refused.text
