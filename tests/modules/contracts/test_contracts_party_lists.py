"""The counterparties and projects list pages on the kernel list component: sort by a column both
ways, the total shown, search anywhere as you type (``q``), the kind filter, groups, the export of
the current view (CSV and XLSX) and another tenant's rows never listed."""

from __future__ import annotations

import csv
import io
import re

import httpx
import openpyxl
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.contracts.conftest import BASE, Setup, build
from tests.web.test_language_walk import sign_in


def _order(html: str, *names: str) -> list[str]:
    return sorted(names, key=html.index)


def _range(html: str) -> str:
    found = re.search(r'data-testid="list-range"[^>]*>\s*([^<]*)<', html)
    assert found, "no page range"
    return found.group(1).strip()


def _csv(response: httpx.Response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx(response: httpx.Response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    return [["" if c is None else str(c) for c in r] for r in sheet.iter_rows(values_only=True)]


async def test_the_counterparties_list_sorts_counts_searches_groups_and_exports_the_view(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, tenant_b: TenantHandle
) -> None:
    # the setup's supplier S-1 江苏建工材料有限公司 (rating 4), and two more
    for body in (
        {"kind": "subcontractor", "code": "S-2", "name": "南京安装工程有限公司", "rating": 2},
        {"kind": "supplier", "code": "S-3", "name": "无锡钢材贸易有限公司", "rating": 5},
    ):
        await post_ok(client, f"{BASE}/counterparties", body, setup.headers)
    other = await build(client, app_engine, tenant_b)
    await post_ok(
        client,
        f"{BASE}/counterparties",
        {"kind": "supplier", "code": "S-9", "name": "外租户供应商"},
        other.headers,
    )
    names = ("江苏建工材料有限公司", "南京安装工程有限公司", "无锡钢材贸易有限公司")

    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    listed = await client.get("/contracts/counterparties")
    assert listed.status_code == 200
    assert listed.text.count('data-testid="counterparty-row"') == 3 and "外租户供应商" not in listed.text
    assert _range(listed.text) == "第 1–3 条，共 3 条"
    assert 'data-testid="sort-rating"' in listed.text and 'data-testid="column-chooser"' in listed.text

    ascending = await client.get("/contracts/counterparties", params={"sort": "rating"})
    assert _order(ascending.text, *names) == [
        "南京安装工程有限公司",
        "江苏建工材料有限公司",
        "无锡钢材贸易有限公司",
    ]
    descending = await client.get("/contracts/counterparties", params={"sort": "-rating"})
    assert _order(descending.text, *names) == [
        "无锡钢材贸易有限公司",
        "江苏建工材料有限公司",
        "南京安装工程有限公司",
    ]
    by_code = await client.get("/contracts/counterparties", params={"sort": "-code"})
    assert _order(by_code.text, *names) == [
        "无锡钢材贸易有限公司",
        "南京安装工程有限公司",
        "江苏建工材料有限公司",
    ]

    # as you type: anywhere in the code or the name; the kind filter kept
    assert 'hx-trigger="input changed delay:300ms from:#f-q, change"' in listed.text
    typed = await client.get(
        "/contracts/counterparties", params={"q": "钢材"}, headers={"HX-Request": "true"}
    )
    assert "无锡钢材贸易有限公司" in typed.text and "江苏建工材料有限公司" not in typed.text
    assert _range(typed.text) == "第 1–1 条，共 1 条"
    assert "南京安装工程有限公司" in (await client.get("/contracts/counterparties", params={"q": "s-2"})).text
    assert "外租户供应商" not in (await client.get("/contracts/counterparties", params={"q": "外租户"})).text
    subs = await client.get("/contracts/counterparties", params={"kind": "subcontractor"})
    assert subs.text.count('data-testid="counterparty-row"') == 1 and "南京安装工程有限公司" in subs.text

    grouped = await client.get("/contracts/counterparties", params={"group": "kind"})
    assert grouped.text.count('data-testid="group-row"') == 2 and "分包商" in grouped.text

    rows = _csv(
        await client.get(
            "/contracts/counterparties/export",
            params={
                "kind": "supplier",
                "sort": "-rating",
                "col": ["code", "name", "rating"],
                "format": "csv",
            },
        )
    )
    assert rows[0] == ["编码", "名称", "评级"]
    assert [r[:2] for r in rows[1:]] == [["S-3", "无锡钢材贸易有限公司"], ["S-1", "江苏建工材料有限公司"]]
    sheet = _xlsx(
        await client.get(
            "/contracts/counterparties/export", params={"q": "有限公司", "sort": "code", "format": "xlsx"}
        )
    )
    assert [r[0] for r in sheet[1:]] == ["S-1", "S-2", "S-3"]

    client.cookies.clear()
    await sign_in(client, tenant_b)
    theirs = await client.get("/contracts/counterparties")
    # tenant B's own setup made its S-1 (same name as A's); A's others never show
    assert "外租户供应商" in theirs.text and theirs.text.count('data-testid="counterparty-row"') == 2
    assert "南京安装工程有限公司" not in theirs.text and "无锡钢材贸易有限公司" not in theirs.text
    their_export = _csv(await client.get("/contracts/counterparties/export", params={"format": "csv"}))
    assert sorted(r[0] for r in their_export[1:]) == ["S-1", "S-9"]


async def test_the_projects_list_sorts_counts_searches_groups_and_exports_the_view(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, tenant_b: TenantHandle
) -> None:
    # the setup's project P-1 华东仓储中心, and two more
    for code, name in (("P-3", "苏州物流园"), ("P-2", "无锡冷链仓")):
        await post_ok(
            client, f"{BASE}/projects", {"code": code, "name": name, "org_unit_id": setup.unit}, setup.headers
        )
    other = await build(client, app_engine, tenant_b)
    await post_ok(
        client,
        f"{BASE}/projects",
        {"code": "P-9", "name": "外租户项目", "org_unit_id": other.unit},
        other.headers,
    )
    names = ("华东仓储中心", "苏州物流园", "无锡冷链仓")

    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    listed = await client.get("/contracts/projects")
    assert listed.status_code == 200
    assert listed.text.count('data-testid="project-row"') == 3 and "外租户项目" not in listed.text
    assert _range(listed.text) == "第 1–3 条，共 3 条"

    ascending = await client.get("/contracts/projects", params={"sort": "code"})
    assert _order(ascending.text, *names) == ["华东仓储中心", "无锡冷链仓", "苏州物流园"]
    descending = await client.get("/contracts/projects", params={"sort": "-code"})
    assert _order(descending.text, *names) == ["苏州物流园", "无锡冷链仓", "华东仓储中心"]

    assert 'hx-trigger="input changed delay:300ms from:#f-q, change"' in listed.text
    typed = await client.get("/contracts/projects", params={"q": "物流"}, headers={"HX-Request": "true"})
    assert "苏州物流园" in typed.text and "华东仓储中心" not in typed.text
    assert _range(typed.text) == "第 1–1 条，共 1 条"
    assert "无锡冷链仓" in (await client.get("/contracts/projects", params={"q": "p-2"})).text
    assert "外租户项目" not in (await client.get("/contracts/projects", params={"q": "外租户"})).text

    grouped = await client.get("/contracts/projects", params={"group": "org_unit"})
    assert grouped.text.count('data-testid="group-row"') == 1

    rows = _csv(
        await client.get(
            "/contracts/projects/export", params={"sort": "-code", "col": ["code", "name"], "format": "csv"}
        )
    )
    assert rows == [["编码", "名称"], ["P-3", "苏州物流园"], ["P-2", "无锡冷链仓"], ["P-1", "华东仓储中心"]]
    sheet = _xlsx(
        await client.get("/contracts/projects/export", params={"q": "仓", "sort": "code", "format": "xlsx"})
    )
    assert [r[0] for r in sheet[1:]] == ["P-1", "P-2"]

    client.cookies.clear()
    await sign_in(client, tenant_b)
    theirs = await client.get("/contracts/projects")
    # tenant B's own setup made its P-1 (same name as A's); A's others never show
    assert "外租户项目" in theirs.text and theirs.text.count('data-testid="project-row"') == 2
    assert "苏州物流园" not in theirs.text and "无锡冷链仓" not in theirs.text
    their_export = _csv(await client.get("/contracts/projects/export", params={"format": "csv"}))
    assert sorted(r[0] for r in their_export[1:]) == ["P-1", "P-9"]
