"""Customs records imported from a file through the kernel import component: zh-CN headers, a
preview with row errors (unknown subsidiary, bad date, direction and amount), all rows or none,
and the cut-off applied to what was imported."""

from __future__ import annotations

import httpx
from bizsuite.modules.fees import imports
from bizsuite.settings import Settings

from tests.modules.crm.revenue.conftest import XLSX
from tests.modules.fees.conftest import BASE, Group
from tests.web.test_imports_api import wait, xlsx

HEADER = ("子公司编码", "申报日期", "进出口", "金额(美元)", "报关单号")


def test_a_row_is_parsed_into_a_customs_record_or_its_problems() -> None:
    parsed = imports.parse_row(
        {
            "org_unit_code": "SUB-1",
            "declared_on": "2026/03/31",
            "direction": "进口",
            "amount": "2,345,678.90",
            "reference": "HG-1",
        }
    )
    assert isinstance(parsed, imports.CustomsRow)
    assert str(parsed.amount) == "2345678.90" and parsed.direction.value == "import"
    problems = imports.parse_row(
        {
            "org_unit_code": "",
            "declared_on": "31.3.2026",
            "direction": "both",
            "amount": "1.234",
            "reference": "",
        }
    )
    assert isinstance(problems, list)
    assert [p.field for p in problems] == ["org_unit_code", "declared_on", "direction", "amount"]


async def _upload(client: httpx.AsyncClient, g: Group, data: bytes) -> httpx.Response:
    return await client.post(
        "/api/v1/imports",
        params={"kind": imports.KIND, "name": "customs.xlsx"},
        content=data,
        headers={**g.headers, "Content-Type": XLSX},
    )


async def test_a_quarters_customs_records_import_all_or_none(
    client: httpx.AsyncClient, settings: Settings, group: Group
) -> None:
    g = group
    units = (await client.get("/api/v1/org-units?limit=200", headers=g.headers)).json()["items"]
    code = next(u["code"] for u in units if u["id"] == g.trade)
    rows = [
        (code, "2026-01-15", "出口", "10,000,000.00", "HG-1"),
        (code, "2026-03-31", "进口", "2345678.90", "HG-2"),
        (code, "2025-12-22", "export", "5.00", "HG-3"),
        ("NOPE", "2026-02-01", "export", "1.00", "HG-4"),
    ]
    refused = (await _upload(client, g, xlsx(rows, HEADER))).json()
    assert refused["status"] == "rejected"
    assert [(e["row"], e["column"], e["value"]) for e in refused["errors"]] == [(5, "org_unit_code", "NOPE")]
    assert (await client.get(f"{BASE}/customs-records", headers=g.headers)).json()["count"] == 0

    preview = (await _upload(client, g, xlsx(rows[:3], HEADER))).json()
    assert preview["status"] == "previewed", preview["errors"]
    assert preview["summary"]["total_amount"] == "12345683.90" and preview["summary"]["subsidiaries"] == 1
    confirmed = await client.post(f"/api/v1/imports/{preview['id']}/confirm", headers=g.headers)
    assert confirmed.status_code == 202
    done = await wait(client, settings, g.tenant, preview["id"])
    assert done["status"] == "completed" and done["summary"]["created"] == 3
    q1 = (
        await client.get(f"{BASE}/customs-records", params={"year": 2026, "quarter": 1}, headers=g.headers)
    ).json()
    assert q1["total"] == "12345683.90" and q1["count"] == 3  # 2025-12-22 is past the cut-off: 2026-Q1
