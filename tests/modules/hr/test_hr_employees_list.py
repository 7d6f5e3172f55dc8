"""The employees list page on the kernel list component: sort by a column both ways, the total
shown, search anywhere as you type (``q``), groups by org unit, the export of the current view
(CSV and XLSX) and another tenant's employees never listed."""

from __future__ import annotations

import csv
import io
import re

import httpx
import openpyxl
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.approvals.conftest import post_ok
from tests.modules.hr.conftest import BASE, Setup, build, position
from tests.web.test_language_walk import sign_in

PEOPLE = (("E-003", "王芳", "2021-03-01"), ("E-001", "李强", "2019-07-15"), ("E-002", "张伟", "2020-01-10"))


async def _people(client: httpx.AsyncClient, s: Setup) -> None:
    for number, name, hired_on in PEOPLE:
        unit = s.hq if number == "E-001" else s.store
        await post_ok(
            client,
            f"{BASE}/employees",
            {"number": number, "name": name, "org_unit_id": unit, "hired_on": hired_on},
            s.headers,
        )


def _order(html: str, *names: str) -> list[str]:
    return sorted(names, key=html.index)


def _range(html: str) -> str:
    found = re.search(r'data-testid="list-range"[^>]*>\s*([^<]*)<', html)
    assert found, "no page range"
    return found.group(1).strip()


async def test_the_employees_list_sorts_counts_searches_groups_and_exports_the_view(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, tenant_b: TenantHandle
) -> None:
    await _people(client, setup)
    manager = await position(client, setup, "STORE-MGR", title="店长")
    first = (await client.get(f"{BASE}/employees", params={"q": "E-003"}, headers=setup.headers)).json()
    assigned = await client.post(
        f"{BASE}/employees/{first['items'][0]['id']}/assignments",
        json={"position_id": manager["id"], "starts_on": "2021-03-01"},
        headers=setup.headers,
    )
    assert assigned.status_code == 201, assigned.text
    other = await build(client, app_engine, tenant_b)
    await post_ok(client, f"{BASE}/employees", {"number": "E-009", "name": "外租户员工"}, other.headers)

    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    listed = await client.get("/hr/employees")
    assert listed.status_code == 200
    assert listed.text.count('data-testid="employee-row"') == 3 and "外租户员工" not in listed.text
    assert _range(listed.text) == "第 1–3 条，共 3 条"
    assert 'data-testid="sort-number"' in listed.text and 'data-testid="column-chooser"' in listed.text
    assert "STORE-MGR 店长" in listed.text  # the position held today

    ascending = await client.get("/hr/employees", params={"sort": "number"})
    assert _order(ascending.text, "李强", "张伟", "王芳") == ["李强", "张伟", "王芳"]
    descending = await client.get("/hr/employees", params={"sort": "-number"})
    assert _order(descending.text, "李强", "张伟", "王芳") == ["王芳", "张伟", "李强"]
    by_hiring = await client.get("/hr/employees", params={"sort": "-hired_on"})
    assert _order(by_hiring.text, "李强", "张伟", "王芳") == ["王芳", "张伟", "李强"]

    # as you type: the filter form answers into the results; anywhere in the number or the name
    assert 'hx-trigger="input changed delay:300ms from:#f-q, change"' in listed.text
    typed = await client.get("/hr/employees", params={"q": "002"}, headers={"HX-Request": "true"})
    assert typed.status_code == 200 and "张伟" in typed.text and "王芳" not in typed.text
    assert _range(typed.text) == "第 1–1 条，共 1 条"
    assert "张伟" not in (await client.get("/hr/employees", params={"q": "外租户"})).text
    by_unit = await client.get("/hr/employees", params={"org_unit_id": setup.hq})
    assert "李强" in by_unit.text and "王芳" not in by_unit.text

    grouped = await client.get("/hr/employees", params={"group": "org_unit"})
    assert grouped.text.count('data-testid="group-row"') == 2

    exported = await client.get(
        "/hr/employees/export",
        params={"q": "E-00", "sort": "-number", "col": ["number", "name"], "format": "csv"},
    )
    assert exported.status_code == 200, exported.text
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0] == ["工号", "名称"]
    assert rows[1:] == [["E-003", "王芳"], ["E-002", "张伟"], ["E-001", "李强"]]
    xlsx = await client.get(
        "/hr/employees/export", params={"sort": "name", "col": ["name", "position"], "format": "xlsx"}
    )
    assert xlsx.status_code == 200, xlsx.text
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert len(values) == 4 and "外租户员工" not in str(values)
    assert ["王芳", "STORE-MGR 店长"] in [[str(c) if c is not None else "" for c in r] for r in values]

    # tenant B sees only its own employee, on the page and in its exports
    client.cookies.clear()
    await sign_in(client, tenant_b)
    theirs = await client.get("/hr/employees")
    assert "外租户员工" in theirs.text and "王芳" not in theirs.text and "李强" not in theirs.text
    their_export = await client.get("/hr/employees/export", params={"format": "csv"})
    assert "外租户员工" in their_export.text and "王芳" not in their_export.text
