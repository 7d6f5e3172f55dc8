"""The contracts list on the kernel list component: search anywhere, sort with keyset paging both
ways and the total (API), groups by status, direction, project and counterparty with amount
subtotals over the whole list (page), saved views and the export of the view."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import httpx
import pytest
from bizsuite.settings import Settings
from bizsuite.web import exports

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.core.jobs.helpers import fast, run_jobs_until
from tests.modules.contracts.conftest import BASE, Setup, register
from tests.web.test_exports import _sign_in
from tests.web.test_language_walk import sign_in

CONTRACTS = f"{BASE}/contracts"


def titles(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [c["title"] for c in response.json()["items"]]


async def _five(client: httpx.AsyncClient, s: Setup) -> list[dict[str, Any]]:
    """Two income contracts with the customer, three expenditure ones with the supplier."""
    made = []
    for title, direction, amount in (
        ("甲 仓库租赁", "income", "300.00"),
        ("乙 设备采购", "expenditure", "100.00"),
        ("丙 安装分包", "expenditure", "500.00"),
        ("丁 运维服务", "income", "200.00"),
        ("戊 材料补充", "expenditure", "400.00"),
    ):
        made.append(await register(client, s, direction, amount, title=title))
    return made


async def test_sort_pages_forward_and_back_with_the_total_and_search_anywhere(
    client: httpx.AsyncClient, setup: Setup, tenant_b: TenantHandle
) -> None:
    await _five(client, setup)
    h = setup.headers
    first = await client.get(CONTRACTS, params={"sort": "-amount", "limit": 2, "count": "true"}, headers=h)
    assert titles(first) == ["丙 安装分包", "戊 材料补充"]
    assert first.json()["total"] == 5 and first.json()["previous_cursor"] is None
    second = await client.get(
        CONTRACTS, params={"sort": "-amount", "limit": 2, "cursor": first.json()["next_cursor"]}, headers=h
    )
    assert titles(second) == ["甲 仓库租赁", "丁 运维服务"]
    third = await client.get(
        CONTRACTS, params={"sort": "-amount", "limit": 2, "cursor": second.json()["next_cursor"]}, headers=h
    )
    assert titles(third) == ["乙 设备采购"] and third.json()["next_cursor"] is None
    back = await client.get(
        CONTRACTS,
        params={"sort": "-amount", "limit": 2, "before": third.json()["previous_cursor"]},
        headers=h,
    )
    assert titles(back) == ["甲 仓库租赁", "丁 运维服务"]

    # anywhere in the title, the number or the counterparty's name; another tenant's never
    assert titles(await client.get(CONTRACTS, params={"q": "采购"}, headers=h)) == ["乙 设备采购"]
    by_party = await client.get(CONTRACTS, params={"q": "建工材料", "sort": "title"}, headers=h)
    assert titles(by_party) == ["丙 安装分包", "乙 设备采购", "戊 材料补充"]
    assert titles(await client.get(CONTRACTS, params={"q": "100%"}, headers=h)) == []
    assert (await client.get(CONTRACTS, headers=tenant_b.headers)).json()["items"] == []

    refused = await client.get(CONTRACTS, params={"sort": "password"}, headers=h)
    assert refused.status_code in (400, 422) and refused.json()["errors"][0]["field"] == "sort"


async def test_the_page_groups_with_subtotals_counts_and_exports_the_view(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    await _five(client, setup)
    other = await post_ok(
        client,
        f"{BASE}/projects",
        {"code": "P-2", "name": "苏州物流园", "org_unit_id": setup.unit},
        setup.headers,
    )
    await register(client, setup, "expenditure", "1000.00", title="己 另一项目", project_id=other["id"])
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"

    listed = await client.get("/contracts", params={"sort": "amount"})
    assert listed.status_code == 200
    shown_range = re.search(r'data-testid="list-range"[^>]*>\s*([^<]*)<', listed.text)
    assert shown_range and "1–6" in shown_range.group(1) and "6" in shown_range.group(1).split("1–6")[1]
    assert (
        listed.text.index("乙 设备采购") < listed.text.index("丁 运维服务") < listed.text.index("己 另一项目")
    )

    by_direction = await client.get("/contracts", params={"group": "direction"})
    text = by_direction.text
    assert text.count('data-testid="group-row"') == 2
    assert "收入合同" in text and "支出合同" in text
    # the expenditure group: 100 + 500 + 400 + 1,000 over the whole list, not only the page
    assert "2,000.00" in text and "500.00" in text

    by_project = await client.get("/contracts", params={"group": "project"})
    assert "P-1 华东仓储中心" in by_project.text and "P-2 苏州物流园" in by_project.text
    by_party = await client.get("/contracts", params={"group": "party"})
    assert "江苏建工材料有限公司" in by_party.text and "上海明辉贸易有限公司" in by_party.text
    by_status = await client.get("/contracts", params={"group": "status"})
    assert by_status.text.count('data-testid="group-row"') == 1 and "草稿" in by_status.text

    exported = await client.get(
        "/contracts/export",
        params={"direction": "expenditure", "sort": "-amount", "col": ["title", "amount"], "format": "csv"},
    )
    assert exported.status_code == 200, exported.text
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0] == ["标题", "金额"]
    assert [r[0] for r in rows[1:]] == ["己 另一项目", "丙 安装分包", "戊 材料补充", "乙 设备采购"]
    assert rows[1][1].replace(",", "") in ("1000.00", "1000")


async def test_a_saved_view_of_the_contracts_list_is_offered_on_the_page(
    client: httpx.AsyncClient, setup: Setup
) -> None:
    await _five(client, setup)
    saved = await client.post(
        "/api/v1/saved-views",
        json={
            "list_key": "contracts.contracts",
            "name": "支出按金额",
            "query": "direction=expenditure&sort=-amount",
            "shared": True,
        },
        headers=setup.approver.headers,  # a manager's own key: views belong to people
    )
    assert saved.status_code == 201, saved.text
    await sign_in(client, setup.tenant)
    shown = await client.get("/contracts")
    assert "支出按金额" in shown.text
    applied = await client.get("/contracts?direction=expenditure&sort=-amount&view=" + saved.json()["id"])
    assert "甲 仓库租赁" not in applied.text
    assert (
        applied.text.index("丙 安装分包")
        < applied.text.index("戊 材料补充")
        < applied.text.index("乙 设备采购")
    )


async def test_an_export_beyond_the_inline_limit_is_offered_as_a_job_that_writes_it_whole(
    client: httpx.AsyncClient, setup: Setup, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _five(client, setup)
    monkeypatch.setattr(exports, "EXPORT_LIMIT", 2)  # three expenditure contracts: beyond it
    csrf = await _sign_in(client, setup.tenant)
    params: dict[str, Any] = {
        "direction": "expenditure",
        "sort": "-amount",
        "col": ["title", "amount"],
        "format": "csv",
    }
    offered = await client.get("/contracts/export", params=params)
    # Never a file cut at the limit (nor the old 413): a page offering to write it in the background.
    assert offered.status_code == 200, offered.text
    assert offered.headers["content-type"].startswith("text/html")
    assert 'data-testid="export-confirm"' in offered.text and 'method="post"' in offered.text
    # A cross-site form cannot know the CSRF token; the page's own form queues the job.
    forged = await client.post("/contracts/export", params=params, data={"csrf_token": "x"})
    assert forged.status_code == 403
    queued = await client.post(
        "/contracts/export", params=params, data={"csrf_token": csrf}, follow_redirects=False
    )
    assert queued.status_code == 303, queued.text
    follow = queued.headers["location"]
    assert follow.startswith("/exports/")

    async def finished() -> bool:
        return "export-download" in (await client.get(follow)).text

    await run_jobs_until(fast(settings, worker_stalled_ms=60_000), finished)
    link = (await client.get(follow)).text.split('href="/files/', 1)[1].split('"', 1)[0]
    download = await client.get(f"/files/{link}", follow_redirects=True)
    assert download.status_code == 200
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0] == ["Title", "Amount"]
    assert [r[0] for r in rows[1:]] == ["丙 安装分包", "戊 材料补充", "乙 设备采购"]
    assert rows[1][1] == "500.00"
