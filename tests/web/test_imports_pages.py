"""The import pages over HTTP: the upload form, mapping changed by the form, discard, and another
tenant's import is a 404 on every page."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.pipeline.conftest import signed_in
from tests.web.test_imports_api import upload, xlsx


async def test_the_mapping_form_rechecks_the_file_and_discard_goes_back(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    body = (
        await upload(client, tenant_a, xlsx([("C-300", "温州鞋业")], header=("编号X", "客户名称")))
    ).json()
    assert body["status"] == "rejected"
    csrf = await signed_in(client, tenant_a)
    form = await client.get("/imports", params={"kind": "crm.accounts"})
    assert form.status_code == 200 and 'data-testid="import-upload"' in form.text
    detail = await client.get(f"/imports/{body['id']}")
    assert 'data-testid="map-code"' in detail.text and 'data-testid="discard-import"' in detail.text
    mapped = await client.post(
        f"/imports/{body['id']}/mapping",
        data={"map-code": "0", "map-name": "1", "map-kind": ""},
        headers={"X-CSRF-Token": csrf},
    )
    assert mapped.status_code == 303 and "notice=import.mapped" in mapped.headers["location"]
    again = (await client.get(f"/api/v1/imports/{body['id']}", headers=tenant_a.headers)).json()
    assert again["status"] == "previewed" and again["summary"]["rows"][0]["code"] == "C-300"
    discarded = await client.post(f"/imports/{body['id']}/discard", headers={"X-CSRF-Token": csrf})
    assert discarded.status_code == 303
    assert discarded.headers["location"].startswith("/imports?kind=crm.accounts")
    assert (await client.get(f"/imports/{body['id']}")).status_code == 404


async def test_another_tenants_import_is_not_found_on_any_page(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    theirs = (
        await upload(client, tenant_b, xlsx([("C-400", "丽水茶业")], header=("客户编码", "客户名称")))
    ).json()
    csrf = await signed_in(client, tenant_a)
    assert (await client.get(f"/imports/{theirs['id']}")).status_code == 404
    assert (await client.get(f"/imports/{theirs['id']}/progress")).status_code == 404
    for action in ("confirm", "discard", "mapping"):
        response = await client.post(f"/imports/{theirs['id']}/{action}", headers={"X-CSRF-Token": csrf})
        assert response.status_code == 404, action
    assert (await client.get("/imports", params={"kind": "no.such"})).status_code == 404
    listed = await client.get("/imports")
    assert listed.status_code == 200 and theirs["id"] not in listed.text
    assert (await client.get(f"/api/v1/imports/{theirs['id']}", headers=tenant_b.headers)).json()[
        "status"
    ] == "previewed"
