"""Editing templates and clauses on their pages: the text, placeholders, clauses and control
indicators of a template and a clause's code, title and text are saved (and audited); every
wrong field is named next to it on the form; someone else's save in between re-renders the form
with theirs beside mine, and saving again keeps mine."""

from __future__ import annotations

from typing import Any

import httpx

from tests.modules.contracts.conftest import BASE, Setup
from tests.modules.contracts.test_contracts_pages import _csrf
from tests.modules.contracts.test_contracts_templates import make_template
from tests.web.test_language_walk import sign_in


def edit_form(template: dict[str, Any], token: str, **changes: Any) -> dict[str, Any]:
    """The edit form of ``template`` as the page fills it, with ``changes`` typed in."""
    clauses = {c["code"]: c for c in template["clauses"]}
    form: dict[str, Any] = {
        "csrf_token": token,
        "version": str(template["version"]),
        "code": template["code"],
        "name": template["name"],
        "direction": template["direction"] or "",
        "body": template["body"],
        "placeholder_lines": "\n".join(
            f"{p['name']} | {p['label']}" + ("" if p["required"] else " | optional")
            for p in template["placeholders"]
        ),
        "clause_ids": [c["clause_id"] for c in clauses.values()],
        "required_clause_ids": [c["clause_id"] for c in clauses.values() if c["required"]],
        "max_amount": template["max_amount"] or "",
        "allowed_currencies": ", ".join(template["allowed_currencies"]),
        "required_attachments": ", ".join(template["required_attachments"]),
    }
    return {**form, **changes}


async def fetch(client: httpx.AsyncClient, s: Setup, path: str) -> dict[str, Any]:
    got = await client.get(f"{BASE}/{path}", headers=s.headers)
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body


async def test_a_manager_edits_a_template_on_its_page(client: httpx.AsyncClient, setup: Setup) -> None:
    template = await make_template(client, setup)
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    shown = await client.get(f"/contracts/templates/{template['id']}")
    assert shown.status_code == 200 and 'data-testid="edit-template"' in shown.text
    # The placeholders as the form shows them, the optional one marked in the user's language.
    assert "site | 施工地点\npayment_terms | 付款条件 | 可选" in shown.text
    warranty = next(c for c in template["clauses"] if c["code"] == "WARRANTY")
    pay = next(c for c in template["clauses"] if c["code"] == "PAY")
    saved = await client.post(
        f"/contracts/templates/{template['id']}/edit",
        data=edit_form(
            template,
            _csrf(shown.text),
            name="机电安装分包合同（2026 版）",
            body="合同编号 {{number}}。乙方 {{party}} 在 {{site}} 施工，工期 {{duration}}。",
            placeholder_lines="site | 施工地点\nduration | 工期\npayment_terms | 付款条件 | 可选",
            clause_ids=[warranty["clause_id"], pay["clause_id"]],
            required_clause_ids=[warranty["clause_id"]],
            max_amount="800,000.00",
            allowed_currencies="cny, usd",
            required_attachments="报价单, 施工组织设计",
        ),
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"].startswith(f"/contracts/templates/{template['id']}")
    after = await fetch(client, setup, f"templates/{template['id']}")
    assert after["version"] > template["version"]
    assert after["name"] == "机电安装分包合同（2026 版）" and "{{duration}}" in after["body"]
    assert [(p["name"], p["required"]) for p in after["placeholders"]] == [
        ("site", True),
        ("duration", True),
        ("payment_terms", False),
    ]
    assert [(c["code"], c["required"]) for c in after["clauses"]] == [("WARRANTY", True), ("PAY", False)]
    assert after["max_amount"] == "800000.00" and after["allowed_currencies"] == ["CNY", "USD"]
    assert after["required_attachments"] == ["报价单", "施工组织设计"]
    audit = await client.get("/api/v1/audit-log", headers=setup.headers, params={"target_id": template["id"]})
    assert audit.status_code == 200
    assert "contracts.template.updated" in [e["action"] for e in audit.json()["items"]]
    page = await client.get(saved.headers["location"])
    assert "模板已保存" in page.text and "800,000.00" in page.text


async def test_a_wrong_template_field_is_named_on_the_form(client: httpx.AsyncClient, setup: Setup) -> None:
    template = await make_template(client, setup)
    await sign_in(client, setup.tenant)
    shown = await client.get(f"/contracts/templates/{template['id']}")
    token = _csrf(shown.text)
    url = f"/contracts/templates/{template['id']}/edit"
    # The form's own checks: each wrong field at once, what was typed kept.
    wrong = await client.post(
        url, data=edit_form(template, token, name="", max_amount="很多", allowed_currencies="RMB1")
    )
    assert wrong.status_code == 422
    for name in ("name", "max_amount", "allowed_currencies"):
        assert f'data-testid="error-{name}"' in wrong.text, name
    assert 'value="很多"' in wrong.text and 'data-testid="error-summary"' in wrong.text
    # The service's: a placeholder used in the text but not declared, and a malformed one.
    undeclared = await client.post(url, data=edit_form(template, token, body="{{site}} 与 {{nowhere}}"))
    assert undeclared.status_code == 422
    assert 'data-testid="error-placeholders"' in undeclared.text and "{{nowhere}}" in undeclared.text
    malformed = await client.post(url, data=edit_form(template, token, placeholder_lines="Bad-Name | 错误"))
    assert malformed.status_code == 422 and 'data-testid="error-placeholders"' in malformed.text
    other = await client.post(
        f"{BASE}/templates",
        json={"code": "T-OTHER", "name": "其他", "body": "{{number}}"},
        headers=setup.headers,
    )
    assert other.status_code == 201, other.text
    taken = await client.post(url, data=edit_form(template, token, code="t-other"))
    assert taken.status_code == 422 and 'data-testid="error-code"' in taken.text
    unchanged = await fetch(client, setup, f"templates/{template['id']}")
    assert unchanged["name"] == template["name"] and "{{nowhere}}" not in unchanged["body"]


async def test_an_edit_conflict_shows_theirs_and_saving_again_keeps_mine(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    template = await make_template(client, setup)
    await sign_in(client, setup.tenant)
    shown = await client.get(f"/contracts/templates/{template['id']}")
    token = _csrf(shown.text)
    # Someone else saves first, through the API.
    theirs = await client.patch(
        f"{BASE}/templates/{template['id']}",
        json={"name": "他们的名称", "max_amount": "450000.00"},
        headers={**setup.headers, "If-Match": str(template["version"])},
    )
    assert theirs.status_code == 200, theirs.text
    mine = edit_form(template, token, name="我的名称")
    conflict = await client.post(f"/contracts/templates/{template['id']}/edit", data=mine)
    assert conflict.status_code == 409
    assert 'data-testid="form-conflict"' in conflict.text
    assert 'data-testid="saved-name"' in conflict.text and "他们的名称" in conflict.text
    assert 'data-testid="saved-max_amount"' in conflict.text
    assert 'value="我的名称"' in conflict.text  # what I typed is kept
    assert f'name="version" value="{theirs.json()["version"]}"' in conflict.text
    still = await fetch(client, setup, f"templates/{template['id']}")
    assert still["name"] == "他们的名称"
    again = await client.post(
        f"/contracts/templates/{template['id']}/edit",
        data={**mine, "version": str(theirs.json()["version"])},
        follow_redirects=False,
    )
    assert again.status_code == 303, again.text
    kept = await fetch(client, setup, f"templates/{template['id']}")
    assert kept["name"] == "我的名称" and kept["max_amount"] == "500000.00"  # the form's values, all of them


async def test_a_manager_edits_a_clause_on_its_page(client: httpx.AsyncClient, setup: Setup) -> None:
    template = await make_template(client, setup)
    pay = next(c for c in template["clauses"] if c["code"] == "PAY")
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    library = await client.get("/contracts/templates")
    assert f'href="/contracts/templates/clauses/{pay["clause_id"]}"' in library.text
    shown = await client.get(f"/contracts/templates/clauses/{pay['clause_id']}")
    assert shown.status_code == 200 and 'data-testid="edit-clause"' in shown.text
    assert f'href="/contracts/templates/{template["id"]}"' in shown.text  # the templates using it
    clause = await fetch(client, setup, f"clauses/{pay['clause_id']}")
    form = {
        "csrf_token": _csrf(shown.text),
        "version": str(clause["version"]),
        "code": "PAY",
        "title": "付款方式",
        "body": "甲方按 {{payment_terms}} 付款。",
    }
    url = f"/contracts/templates/clauses/{pay['clause_id']}/edit"
    refused = await client.post(url, data={**form, "title": ""})
    assert refused.status_code == 422 and 'data-testid="error-title"' in refused.text
    refused = await client.post(url, data={**form, "code": "warranty"})  # the other clause's code
    assert refused.status_code == 422 and 'data-testid="error-code"' in refused.text
    assert 'data-testid="error-summary"' in refused.text
    # Someone else saves first: theirs is shown beside mine.
    theirs = await client.patch(
        f"{BASE}/clauses/{pay['clause_id']}",
        json={"title": "付款条件与方式"},
        headers={**setup.headers, "If-Match": str(clause["version"])},
    )
    assert theirs.status_code == 200
    good = {**form, "body": "甲方按 {{payment_terms}} 分期支付 {{amount}} {{currency}}。"}
    conflict = await client.post(url, data=good)
    assert conflict.status_code == 409 and 'data-testid="saved-title"' in conflict.text
    assert "付款条件与方式" in conflict.text
    saved = await client.post(
        url, data={**good, "version": str(theirs.json()["version"])}, follow_redirects=False
    )
    assert saved.status_code == 303, saved.text
    after = await fetch(client, setup, f"clauses/{pay['clause_id']}")
    assert after["body"] == good["body"] and after["title"] == "付款方式"
    audit = await client.get(
        "/api/v1/audit-log", headers=setup.headers, params={"target_id": pay["clause_id"]}
    )
    assert "contracts.clause.updated" in [e["action"] for e in audit.json()["items"]]
    page = await client.get(saved.headers["location"])
    assert "条款已保存" in page.text and "分期支付" in page.text
