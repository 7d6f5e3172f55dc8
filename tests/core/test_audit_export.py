"""The audit log export: in the API (CSV and XLSX) and on the web page, each entry with the values
before and after the change."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import httpx
import openpyxl

from tests.conftest import PASSWORD, TenantHandle

EXPORT = "/api/v1/audit-log/export"


async def _renamed_unit(client: httpx.AsyncClient, tenant: TenantHandle) -> dict[str, Any]:
    made = await client.post(
        "/api/v1/org-units", json={"name": "Old name", "code": "EXP", "kind": "group"}, headers=tenant.headers
    )
    assert made.status_code == 201, made.text
    renamed = await client.patch(
        f"/api/v1/org-units/{made.json()['id']}",
        json={"name": "新名称"},
        headers={**tenant.headers, "If-Match": str(made.json()["version"])},
    )
    assert renamed.status_code == 200, renamed.text
    return dict(renamed.json())


def _rows(response: httpx.Response) -> list[dict[str, str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


async def test_the_api_exports_the_log_as_csv_with_before_and_after(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    unit = await _renamed_unit(client, tenant_a)
    response = await client.get(EXPORT, params={"action": "org_unit.updated"}, headers=tenant_a.headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())  # Excel reads the Chinese name
    assert 'filename="audit-log.csv"' in response.headers["content-disposition"]
    [row] = _rows(response)
    assert row["action"] == "org_unit.updated"
    assert row["target_id"] == unit["id"]
    assert row["actor"] == "test"  # the API key, by name
    assert json.loads(row["before"])["name"] == "Old name"
    assert json.loads(row["after"])["name"] == "新名称"


async def test_the_api_exports_xlsx_and_keeps_the_filters(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    await _renamed_unit(client, tenant_a)
    response = await client.get(
        EXPORT, params={"format": "xlsx", "target_type": "org_units"}, headers=tenant_a.headers
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert header[-2:] == ["before", "after"]
    actions = [r[header.index("action")] for r in rows]
    assert actions == ["org_unit.updated", "org_unit.created"]  # newest first
    created = rows[1]
    assert created[header.index("before")] in (None, "")
    assert json.loads(created[header.index("after")])["name"] == "Old name"
    refused = await client.get(EXPORT, params={"format": "pdf"}, headers=tenant_a.headers)
    assert refused.status_code in (400, 422)
    assert refused.headers["content-type"].startswith("application/problem+json")


async def test_only_admins_export_the_log(client: httpx.AsyncClient, make_tenant: Any) -> None:
    from bizsuite.core.identity.models import Role

    member = await make_tenant(role=Role.MEMBER)
    response = await client.get(EXPORT, headers=member.headers)
    assert response.status_code == 403


async def test_the_web_export_has_before_and_after(client: httpx.AsyncClient, tenant_a: TenantHandle) -> None:
    await _renamed_unit(client, tenant_a)
    signed = await client.post(
        "/api/v1/auth/login", json={"email": tenant_a.owner.email, "password": PASSWORD}
    )
    assert signed.status_code == 200, signed.text
    client.cookies.set("bizsuite_lang", "en")
    response = await client.get("/admin/audit/export", params={"format": "csv", "action": "org_unit.updated"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    [row] = _rows(response)
    assert json.loads(row["Before"])["name"] == "Old name"
    assert json.loads(row["After"])["name"] == "新名称"
