"""Employees imported from a file through the kernel import component: zh-CN headers, row
errors (unknown org unit and position, bad date, a new employee without a name), all rows or
none, and the named positions assigned from the start date."""

from __future__ import annotations

import httpx
from bizsuite.modules.hr import imports
from bizsuite.settings import Settings

from tests.modules.crm.revenue.conftest import XLSX
from tests.modules.hr.conftest import BASE, Setup, position
from tests.web.test_imports_api import wait, xlsx

HEADER = ("工号", "姓名", "部门编码", "入职日期", "职务编号", "任职日期")


def test_a_row_is_parsed_into_an_employee_or_its_problems() -> None:
    cells = {
        "number": "hx-1",
        "name": "赵磊",
        "org_unit": "",
        "email": "",
        "phone": "",
        "hired_on": "2020/06/01",
    }
    parsed = imports.parse_row({**cells, "position": "store-mgr", "starts_on": ""})
    assert isinstance(parsed, imports.EmployeeRow)
    assert (parsed.number, parsed.position, str(parsed.hired_on)) == ("HX-1", "STORE-MGR", "2020-06-01")
    problems = imports.parse_row(
        {**cells, "number": " ", "hired_on": "1.6.2020", "position": "", "starts_on": ""}
    )
    assert [p.field for p in problems] == ["number", "hired_on"]  # type: ignore[union-attr]


async def _upload(client: httpx.AsyncClient, s: Setup, data: bytes) -> httpx.Response:
    return await client.post(
        "/api/v1/imports",
        params={"kind": imports.KIND, "name": "employees.xlsx"},
        content=data,
        headers={**s.headers, "Content-Type": XLSX},
    )


async def test_employees_import_all_or_none_with_their_positions(
    client: httpx.AsyncClient, settings: Settings, setup: Setup
) -> None:
    s = setup
    manager = await position(client, s, "STORE-MGR")
    units = (await client.get("/api/v1/org-units?limit=200", headers=s.headers)).json()["items"]
    store = next(u["code"] for u in units if u["id"] == s.store)
    rows = [
        ("HX-0101", "赵磊", store, "2020-06-01", "STORE-MGR", "2023-01-01"),
        ("HX-0102", "钱多", store, "2024-03-01", "", ""),
        ("HX-0103", "", "NOPE", "2024-13-01", "NOPE", ""),
    ]
    refused = (await _upload(client, s, xlsx(rows, HEADER))).json()
    assert refused["status"] == "rejected"
    assert [(e["row"], e["column"]) for e in refused["errors"]] == [(4, "hired_on")]
    refused = (
        await _upload(client, s, xlsx([*rows[:2], ("HX-0103", "", "NOPE", "", "NOPE", "")], HEADER))
    ).json()
    assert [(e["row"], e["column"]) for e in refused["errors"]] == [
        (4, "name"), (4, "org_unit"), (4, "position"), (4, "starts_on"),
    ]  # fmt: skip
    assert (await client.get(f"{BASE}/employees", headers=s.headers)).json()["items"] == []

    preview = (await _upload(client, s, xlsx(rows[:2], HEADER))).json()
    assert preview["status"] == "previewed", preview["errors"]
    assert (preview["summary"]["employees"], preview["summary"]["assignments"]) == (2, 1)
    confirmed = await client.post(f"/api/v1/imports/{preview['id']}/confirm", headers=s.headers)
    assert confirmed.status_code == 202
    done = await wait(client, settings, s.tenant, preview["id"])
    assert (
        done["status"] == "completed" and done["summary"]["created"] == 2 and done["summary"]["assigned"] == 1
    )
    view = (await client.get(f"{BASE}/positions/{manager['id']}", headers=s.headers)).json()
    assert [h["employee_name"] for h in view["holders"]] == ["赵磊"]
