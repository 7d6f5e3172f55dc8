"""The template, dashboard and customer-risk pages: register from a template through the form (a
broken indicator re-renders the form naming it), the contract page shows its template, document
and claims, the dashboard explains its figures, and the CRM account page gets the risk panel."""

from __future__ import annotations

import httpx

from tests.modules.contracts.conftest import Setup, active
from tests.modules.contracts.test_contracts_pages import _csrf
from tests.modules.contracts.test_contracts_templates import make_template, upload
from tests.web.test_language_walk import sign_in


async def test_register_from_a_template_through_its_page(client: httpx.AsyncClient, setup: Setup) -> None:
    template = await make_template(client, setup)
    quote = await upload(client, setup)
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    listed = await client.get("/contracts/templates")
    assert listed.status_code == 200 and "机电安装分包合同" in listed.text and "条款库" in listed.text
    form = await client.get(f"/contracts/templates/{template['id']}")
    assert form.status_code == 200 and 'data-testid="register-from-template"' in form.text
    assert "控制指标" in form.text
    token = _csrf(form.text)
    data = {
        "csrf_token": token,
        "title": "二期机电安装分包",
        "amount": "600000.00",
        "counterparty_id": setup.supplier,
        "project_id": setup.project,
        "placeholders.site": "苏州工业园区",
        "clause_codes": ["WARRANTY"],
        "attachment.0": quote,
    }
    refused = await client.post(f"/contracts/templates/{template['id']}/register", data=data)
    assert refused.status_code == 422
    assert 'data-testid="error-amount"' in refused.text and "最高金额" in refused.text
    assert 'data-testid="error-clause_codes"' in refused.text and "必备条款" in refused.text
    made = await client.post(
        f"/contracts/templates/{template['id']}/register",
        data={**data, "amount": "480000.00", "clause_codes": ["PAY", "WARRANTY"]},
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    page = await client.get(made.headers["location"])
    assert 'data-testid="contract-template"' in page.text and 'data-testid="contract-document"' in page.text
    assert "索赔与延期" in page.text


async def test_dashboard_and_risk_panel(client: httpx.AsyncClient, setup: Setup) -> None:
    await active(client, setup, "income", "1000.00")
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    board = await client.get("/contracts/dashboard?by=status")
    assert board.status_code == 200 and "未结 = 签约金额 − 已收付" in board.text
    assert 'data-testid="ledger-income"' in board.text
    exported = await client.get("/contracts/dashboard/ledger-export?by=status&direction=income&format=csv")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("按状态,") and len(lines[0].split(",")) == 5
    assert lines[1].startswith("履行中(已签订),1,1000") and lines[-1].startswith("合计,1,1000")
    panel = await client.get(f"/contracts/customer-risk/{setup.account}/panel")
    assert panel.status_code == 200 and 'data-testid="risk-score"' in panel.text
    account = await client.get(f"/crm/accounts/{setup.account}")
    assert f"/contracts/customer-risk/{setup.account}/panel" in account.text


async def test_a_manager_creates_a_template_on_the_page(client: httpx.AsyncClient, setup: Setup) -> None:
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    page = await client.get("/contracts/templates")
    token = _csrf(page.text)
    clause = await client.post(
        "/contracts/templates/clauses",
        data={"csrf_token": token, "code": "pay", "title": "付款方式", "body": "按 {{terms}} 付款。"},
        follow_redirects=False,
    )
    assert clause.status_code == 303, clause.text
    clause_id = (await client.get("/api/v1/contracts/clauses", headers=setup.headers)).json()["items"][0][
        "id"
    ]
    data = {
        "csrf_token": token,
        "code": "T-PAGE",
        "name": "网页创建的模板",
        "direction": "",
        "body": "合同 {{number}}，地点 {{site}}。",
        "placeholder_lines": "site | 地点",
        "clause_ids": [clause_id],
        "required_clause_ids": [clause_id],
        "max_amount": "100,000.00",
        "allowed_currencies": "cny, usd",
        "required_attachments": "报价单，营业执照",
    }
    undeclared = await client.post("/contracts/templates/new", data=data)
    assert undeclared.status_code == 422 and "{{terms}}" in undeclared.text
    made = await client.post(
        "/contracts/templates/new",
        data={**data, "placeholder_lines": "site | 地点\nterms | 付款条件 | optional"},
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    (template,) = [
        t
        for t in (await client.get("/api/v1/contracts/templates", headers=setup.headers)).json()["items"]
        if t["code"] == "T-PAGE"
    ]
    assert template["direction"] is None and template["max_amount"] == "100000.00"
    assert template["allowed_currencies"] == ["CNY", "USD"]
    assert template["required_attachments"] == ["报价单", "营业执照"]
    assert [(c["code"], c["required"]) for c in template["clauses"]] == [("PAY", True)]
    assert [(p["name"], p["required"]) for p in template["placeholders"]] == [
        ("site", True),
        ("terms", False),
    ]


async def test_the_ageing_exports_its_overdue_milestones(client: httpx.AsyncClient, setup: Setup) -> None:
    contract = await active(client, setup, "income", "1000.00")
    await client.post(
        f"/api/v1/contracts/contracts/{contract['id']}/milestones",
        json={"title": "首付款", "due_on": "2020-01-31", "amount": "300.00"},
        headers=setup.clerk.headers,
    )
    await sign_in(client, setup.tenant)
    exported = await client.get("/contracts/ageing/export?side=receivable&format=csv")
    assert exported.status_code == 200
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and contract["number"] in lines[1] and lines[1].endswith(",300.00,0.00,300.00")
