"""Templates (合同模板) and the clause library: placeholders, control indicators (maximum amount,
required clauses, required attachments, allowed currencies), registering from a template (refused
naming the indicator it breaks) and the generated PDF stored in file storage."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
from bizsuite.modules.contracts import documents, rules

from tests.core.approvals.conftest import post_ok
from tests.modules.contracts.conftest import BASE, Setup, active, approve_request

D = Decimal


def _indicators(**overrides: Any) -> rules.Indicators:
    base: dict[str, Any] = {
        "direction": "expenditure",
        "max_amount": D("500000.00"),
        "allowed_currencies": ("CNY", "USD"),
        "required_clauses": ("PAY",),
        "required_attachments": ("报价单",),
        "placeholders": (rules.PlaceholderSpec("site", "施工地点"),),
        "clauses": ("PAY", "WARRANTY"),
    }
    return rules.Indicators(**{**base, **overrides})


def _registration(**overrides: Any) -> rules.Registration:
    base: dict[str, Any] = {
        "direction": "expenditure",
        "amount_base": D("500000.00"),
        "currency": "CNY",
        "values": {"site": "苏州工业园区"},
        "clause_codes": ("PAY",),
        "attachment_kinds": ("报价单",),
    }
    return rules.Registration(**{**base, **overrides})


def test_a_registration_within_every_indicator_passes_at_the_maximum() -> None:
    assert rules.indicator_breaches(_indicators(), _registration()) == []  # exactly the maximum


def test_each_broken_indicator_is_named_with_its_field() -> None:
    breaches = rules.indicator_breaches(
        _indicators(),
        _registration(
            direction="income",
            amount_base=D("500000.01"),
            currency="EUR",
            values={"site": " ", "colour": "red"},
            clause_codes=("WARRANTY", "OTHER"),
            attachment_kinds=(),
        ),
    )
    named = {(b.indicator, b.field) for b in breaches}
    assert named == {
        ("direction", "direction"),
        ("max_amount", "amount"),
        ("allowed_currencies", "currency"),
        ("clauses", "clause_codes"),
        ("required_clauses", "clause_codes"),
        ("required_attachments", "attachments"),
        ("placeholders", "placeholders.site"),
        ("placeholders", "placeholders.colour"),
    }
    over = next(b for b in breaches if b.indicator == "max_amount")
    assert over.message == "maximum amount 500,000.00: the contract's 500,000.01 exceeds it by 0.01"


def test_placeholders_fill_and_must_be_declared() -> None:
    assert rules.fill("甲方 {{ party }} 在 {{site}} 施工，{{unknown}}", {"party": "A", "site": "苏州"}) == (
        "甲方 A 在 苏州 施工，{{unknown}}"
    )
    spec = [rules.PlaceholderSpec("site", "地点")]
    assert rules.template_definition_errors("{{site}} {{party}}", spec, ["{{ warranty_years }}"]) == {
        "placeholders": "used but not declared: {{warranty_years}}"
    }
    assert "placeholders[0].name" in rules.template_definition_errors(
        "", [rules.PlaceholderSpec("amount", "x")], []
    )


def test_the_document_is_a_pdf_with_the_built_in_chinese_font() -> None:
    pdf = documents.render_pdf(
        documents.ContractText(
            "机电安装分包合同", "HT-2026-0001", "甲方：<公司> & 乙方", [("付款", "按进度付款")]
        )
    )
    assert pdf.startswith(b"%PDF") and documents.CJK_FONT.encode() in pdf
    same = documents.render_pdf(
        documents.ContractText(
            "机电安装分包合同", "HT-2026-0001", "甲方：<公司> & 乙方", [("付款", "按进度付款")]
        )
    )
    assert same == pdf  # deterministic


async def make_template(client: httpx.AsyncClient, s: Setup, **extra: Any) -> dict[str, Any]:
    """A template for expenditure contracts with two clauses (PAY required), a placeholder and
    every control indicator."""
    pay = await post_ok(
        client,
        f"{BASE}/clauses",
        {"code": "PAY", "title": "付款方式", "body": "按 {{payment_terms}} 支付 {{amount}} {{currency}}。"},
        s.headers,
    )
    warranty = await post_ok(
        client, f"{BASE}/clauses", {"code": "WARRANTY", "title": "质保", "body": "质保期两年。"}, s.headers
    )
    body = {
        "code": "T-SUB",
        "name": "机电安装分包合同",
        "direction": "expenditure",
        "body": "合同编号 {{number}}。甲方委托乙方 {{party}} 在 {{site}} 施工。",
        "placeholders": [
            {"name": "site", "label": "施工地点"},
            {"name": "payment_terms", "label": "付款条件", "required": False},
        ],
        "clauses": [{"clause_id": pay["id"], "required": True}, {"clause_id": warranty["id"]}],
        "max_amount": "500000.00",
        "allowed_currencies": ["CNY"],
        "required_attachments": ["报价单"],
        **extra,
    }
    return await post_ok(client, f"{BASE}/templates", body, s.headers)


async def upload(client: httpx.AsyncClient, s: Setup, name: str = "quote.pdf") -> str:
    stored = await client.post(
        f"/api/v1/files?name={name}",
        content=b"%PDF-1.4\n% quote\n",
        headers={**s.clerk.headers, "Content-Type": "application/pdf"},
    )
    assert stored.status_code == 201, stored.text
    file_id: str = stored.json()["id"]
    return file_id


def _from_template(s: Setup, template: dict[str, Any], quote: str | None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "direction": "expenditure",
        "title": "二期机电安装分包",
        "amount": "480000.00",
        "counterparty_id": s.supplier,
        "project_id": s.project,
        "template_id": template["id"],
        "placeholders": [{"name": "site", "value": "苏州工业园区"}],
        "attachments": [{"kind": "报价单", "file_id": quote}] if quote else [],
    }
    return {**body, **extra}


async def test_registering_from_a_template_generates_its_document(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    template = await make_template(client, setup)
    assert [c["code"] for c in template["clauses"]] == ["PAY", "WARRANTY"]
    quote = await upload(client, setup)
    contract = await post_ok(
        client, f"{BASE}/contracts", _from_template(setup, template, quote), setup.clerk.headers
    )
    assert contract["template_id"] == template["id"] and contract["document_file_id"]
    document = (
        await client.get(f"/api/v1/files/{contract['document_file_id']}", headers=setup.headers)
    ).json()
    assert document["content_type"] == "application/pdf" and document["name"] == f"{contract['number']}.pdf"
    attached = (
        await client.get(
            f"/api/v1/files?document_type=contracts_contract&document_id={contract['id']}",
            headers=setup.headers,
        )
    ).json()["items"]
    assert {f["id"] for f in attached} == {quote, contract["document_file_id"]}


async def test_registering_refuses_naming_each_broken_indicator(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    template = await make_template(client, setup)
    quote = await upload(client, setup)
    over = await client.post(
        f"{BASE}/contracts",
        json=_from_template(setup, template, quote, amount="500000.01"),
        headers=setup.clerk.headers,
    )
    assert over.status_code == 422 and over.json()["type"].endswith("template-indicator")
    (error,) = over.json()["errors"]
    assert error["field"] == "amount"
    assert (
        error["message"]
        == "max_amount: maximum amount 500,000.00: the contract's 500,000.01 exceeds it by 0.01"
    )
    broken = await client.post(
        f"{BASE}/contracts",
        json=_from_template(
            setup,
            template,
            None,
            currency="USD",
            exchange_rate="7.1",
            amount="10000.00",
            clause_codes=["WARRANTY"],
            placeholders=[],
        ),
        headers=setup.clerk.headers,
    )
    assert broken.status_code == 422
    fields = {e["field"]: e["message"] for e in broken.json()["errors"]}
    assert set(fields) == {"currency", "clause_codes", "attachments", "placeholders.site"}
    assert fields["clause_codes"].startswith("required_clauses: ") and "PAY" in fields["clause_codes"]
    assert fields["attachments"].startswith("required_attachments: ")
    # Nothing was registered, and no number was used up.
    listed = (await client.get(f"{BASE}/contracts", headers=setup.headers)).json()["items"]
    assert listed == []


async def test_a_template_may_only_use_declared_placeholders(client: httpx.AsyncClient, setup: Setup) -> None:
    bad = await client.post(
        f"{BASE}/templates",
        json={"code": "T-X", "name": "x", "body": "{{site}} {{number}}", "placeholders": []},
        headers=setup.headers,
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "placeholders"
    ok = await post_ok(
        client,
        f"{BASE}/templates",
        {"code": "T-X", "name": "x", "body": "{{site}}", "placeholders": [{"name": "site", "label": "地点"}]},
        setup.headers,
    )
    again = await client.post(
        f"{BASE}/templates", json={"code": "t-x", "name": "y", "body": "z"}, headers=setup.headers
    )
    assert again.status_code == 409 and again.json()["errors"][0]["field"] == "code"
    changed = await client.patch(
        f"{BASE}/templates/{ok['id']}",
        json={"max_amount": "100.00", "allowed_currencies": ["CNY"]},
        headers={**setup.headers, "If-Match": str(ok["version"])},
    )
    assert changed.status_code == 200 and changed.json()["max_amount"] == "100.00"


async def test_a_change_order_over_the_templates_maximum_raises_an_alert(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    template = await make_template(client, setup)
    quote = await upload(client, setup)
    contract = await post_ok(
        client, f"{BASE}/contracts", _from_template(setup, template, quote), setup.clerk.headers
    )
    moved = await client.post(
        f"{BASE}/contracts/{contract['id']}/status",
        json={"status": "in_approval"},
        headers={**setup.clerk.headers, "If-Match": str(contract["version"])},
    )
    assert moved.status_code == 200, moved.text
    await approve_request(client, setup, contract["id"])
    change = await post_ok(
        client,
        f"{BASE}/contracts/{contract['id']}/change-orders",
        {"proposer": "项目经理", "reason": "增加工程量", "cost_impact": "30000.00"},
        setup.clerk.headers,
    )
    await approve_request(client, setup, change["id"])
    alerts = (await client.get("/api/v1/alerts", headers=setup.headers)).json()["items"]
    over = [a for a in alerts if a["type"] == "contracts.over_template_maximum"]
    assert len(over) == 1 and over[0]["target_id"] == contract["id"]
    assert over[0]["data"] == {"template_id": template["id"], "amount": "510000.00", "maximum": "500000.00"}


async def test_an_active_contract_is_unaffected_by_templates(client: httpx.AsyncClient, setup: Setup) -> None:
    contract = await active(client, setup, "income", "100.00")
    assert contract["template_id"] is None and contract["document_file_id"] is None
