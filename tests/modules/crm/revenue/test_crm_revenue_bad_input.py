"""Revenue input that used to reach a 500 or poison a tenant's figures: huge or scientific
amounts, NUL bytes, months in the future; refused uploads leave no stored object."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from bizsuite.core.files.rules import tenant_prefix
from bizsuite.settings import Settings
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import make_accounts, upload
from tests.modules.crm.revenue.conftest import csv_file

IMPORTS = "/api/v1/crm/revenue-imports"


def _stored_objects(settings: Settings, tenant: TenantHandle) -> int:
    """The tenant's objects in the local storage folder."""
    root = Path(settings.data_dir) / "files" / tenant_prefix(tenant.id)
    return sum(1 for path in root.rglob("*") if path.is_file()) if root.exists() else 0


async def _post(client: httpx.AsyncClient, tenant: TenantHandle, content: bytes) -> httpx.Response:
    return await client.post(
        IMPORTS,
        params={"name": "revenue.csv"},
        content=content,
        headers={**tenant.headers, "Content-Type": "text/csv"},
    )


async def test_huge_and_scientific_amounts_are_row_errors_naming_row_and_column(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001"])
    preview = await upload(
        client,
        tenant_a,
        csv_file(
            [
                ("C-001", "2026-07", "1" * 27),
                ("C-001", "2026-08", "1e28"),
                ("C-001", "2026-09", "12345678901234567"),
            ]
        ),
    )
    assert preview["status"] == "rejected"
    errors: list[dict[str, Any]] = preview["errors"]
    assert [(e["row"], e["column"]) for e in errors] == [(2, "amount"), (3, "amount"), (4, "amount")]
    assert "scientific notation" in errors[1]["message"]
    assert "16 digits" in errors[0]["message"]


async def test_a_nul_byte_is_a_422_naming_row_and_column_and_stores_nothing(
    client: httpx.AsyncClient, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001"])
    before = _stored_objects(settings, tenant_a)
    listed = len((await client.get(IMPORTS, headers=tenant_a.headers)).json()["items"])
    for content in (
        csv_file([("C-001", "2026-07", "10"), ("C-001", "2026-08", "1\x002")]),
        csv_file([("C-\x00001", "2026-07", "10")]),
    ):
        response = await _post(client, tenant_a, content)
        assert response.status_code == 422, response.text
        [error] = response.json()["errors"]
        assert error["field"] == "file" and "NUL" in error["message"] and error["message"].startswith("row ")
    assert (
        "row 3, amount"
        in (
            await _post(client, tenant_a, csv_file([("C-001", "2026-07", "1"), ("C-001", "2026-08", "\x00")]))
        ).json()["detail"]
    )
    assert _stored_objects(settings, tenant_a) == before
    assert len((await client.get(IMPORTS, headers=tenant_a.headers)).json()["items"]) == listed


async def test_months_after_the_current_one_are_refused_in_the_api_and_the_import(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["C-001"])
    for month in ("9999-12", "2999-01"):
        response = await client.put(
            f"/api/v1/crm/accounts/{ids['C-001']}/revenue/{month}",
            json={"amount": "10"},
            headers=tenant_a.headers,
        )
        assert response.status_code == 422, response.text
        [error] = response.json()["errors"]
        assert error["field"] == "month" and error["message"].startswith("must not be after ")
    preview = await upload(
        client, tenant_a, csv_file([("C-001", "2026-07", "10"), ("C-001", "9999-12", "10")])
    )
    assert preview["status"] == "rejected"
    assert [(e["row"], e["column"]) for e in preview["errors"]] == [(3, "month")]
    kpis = await client.get(f"/api/v1/crm/accounts/{ids['C-001']}/revenue", headers=tenant_a.headers)
    assert kpis.status_code == 200 and "9999" not in kpis.text
