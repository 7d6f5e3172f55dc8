"""The contract templates list page on the kernel list component: sort by a column both ways, the
total shown, search anywhere as you type (``q``), the direction filter (a direction also lists the
templates for either direction), groups by direction, the export of the current view (CSV and
XLSX) and another tenant's templates never listed; the clause library and forms stay on the page."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.contracts.conftest import BASE, Setup, build
from tests.modules.contracts.test_contracts_party_lists import _csv, _order, _range, _xlsx
from tests.modules.contracts.test_contracts_templates import make_template
from tests.web.test_language_walk import sign_in


async def test_the_templates_list_sorts_counts_searches_groups_and_exports_the_view(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, tenant_b: TenantHandle
) -> None:
    # T-SUB 机电安装分包合同 (expenditure, at most 500,000.00), and two more
    await make_template(client, setup)
    for body in (
        {"code": "T-INC", "name": "设备销售合同", "direction": "income", "max_amount": "2000000.00"},
        {"code": "T-ANY", "name": "通用框架协议"},
    ):
        await post_ok(client, f"{BASE}/templates", {**body, "body": "合同编号 {{number}}。"}, setup.headers)
    other = await build(client, app_engine, tenant_b)
    await post_ok(
        client, f"{BASE}/templates", {"code": "T-9", "name": "外租户模板", "body": "外。"}, other.headers
    )
    names = ("机电安装分包合同", "设备销售合同", "通用框架协议")

    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    listed = await client.get("/contracts/templates")
    assert listed.status_code == 200
    assert listed.text.count('data-testid="template-row"') == 3 and "外租户模板" not in listed.text
    assert _range(listed.text) == "第 1–3 条，共 3 条"
    assert 'data-testid="sort-max_amount"' in listed.text and 'data-testid="column-chooser"' in listed.text
    # the page's other parts stay: the clause library and the manager's forms
    assert 'data-testid="clauses-table"' in listed.text and "WARRANTY" in listed.text
    assert 'data-testid="create-template"' in listed.text and 'data-testid="add-clause"' in listed.text
    assert 'id="filter-direction"' in listed.text and 'id="f-t-direction"' in listed.text

    ascending = await client.get("/contracts/templates", params={"sort": "max_amount"})
    assert _order(ascending.text, *names) == ["通用框架协议", "机电安装分包合同", "设备销售合同"]
    descending = await client.get("/contracts/templates", params={"sort": "-max_amount"})
    assert _order(descending.text, *names) == ["设备销售合同", "机电安装分包合同", "通用框架协议"]
    by_code = await client.get("/contracts/templates", params={"sort": "-code"})
    assert _order(by_code.text, *names) == ["机电安装分包合同", "设备销售合同", "通用框架协议"]

    # as you type: anywhere in the code or the name; the direction filter kept
    assert 'hx-trigger="input changed delay:300ms from:#f-q, change"' in listed.text
    typed = await client.get("/contracts/templates", params={"q": "销售"}, headers={"HX-Request": "true"})
    assert "设备销售合同" in typed.text and "机电安装分包合同" not in typed.text
    assert _range(typed.text) == "第 1–1 条，共 1 条"
    assert "通用框架协议" in (await client.get("/contracts/templates", params={"q": "t-any"})).text
    assert "外租户模板" not in (await client.get("/contracts/templates", params={"q": "外租户"})).text
    income = await client.get("/contracts/templates", params={"direction": "income"})
    assert income.text.count('data-testid="template-row"') == 2
    assert "设备销售合同" in income.text and "通用框架协议" in income.text
    assert "机电安装分包合同" not in income.text

    grouped = await client.get("/contracts/templates", params={"group": "direction"})
    assert grouped.text.count('data-testid="group-row"') == 3
    assert "均可" in grouped.text and "支出合同" in grouped.text

    rows = _csv(
        await client.get(
            "/contracts/templates/export",
            params={
                "direction": "expenditure",
                "sort": "-max_amount",
                "col": ["code", "name", "max_amount"],
                "format": "csv",
            },
        )
    )
    assert rows[0] == ["编码", "名称", "最高金额"]
    assert [r[:2] for r in rows[1:]] == [["T-SUB", "机电安装分包合同"], ["T-ANY", "通用框架协议"]]
    sheet = _xlsx(
        await client.get(
            "/contracts/templates/export", params={"q": "合同", "sort": "code", "format": "xlsx"}
        )
    )
    assert [r[0] for r in sheet[1:]] == ["T-INC", "T-SUB"]

    client.cookies.clear()
    await sign_in(client, tenant_b)
    theirs = await client.get("/contracts/templates")
    assert "外租户模板" in theirs.text and theirs.text.count('data-testid="template-row"') == 1
    assert "设备销售合同" not in theirs.text and "通用框架协议" not in theirs.text
    their_export = _csv(await client.get("/contracts/templates/export", params={"format": "csv"}))
    assert [r[0] for r in their_export[1:]] == ["T-9"]
