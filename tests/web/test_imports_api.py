"""The kernel import component through CRM accounts with contacts: headers matched in en and
zh-CN, changeable mapping, row errors naming row, column and value, all or nothing, discard, and
tenant isolation (API and the rules as plain functions)."""

from __future__ import annotations

import io
from typing import Any

import httpx
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.imports import spec as kit
from bizsuite.modules.crm.accounts import imports as account_imports
from bizsuite.modules.crm.models import Account, Contact, Zone
from bizsuite.settings import Settings
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until
from tests.modules.crm.conftest import make_accounts
from tests.modules.crm.revenue.conftest import XLSX, tenant_ctx

HEADER = ("客户编码", "客户名称", "负责人", "片区", "联系人", "职务", "联系电话", "联系人邮箱")


def xlsx(rows: list[tuple[Any, ...]], header: tuple[str, ...] = HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def make_zone(engine: AsyncEngine, tenant: TenantHandle, code: str) -> None:
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        session.add(Zone(code=code, name=f"片区 {code}"))


async def upload(
    client: httpx.AsyncClient, tenant: TenantHandle, data: bytes, name: str = "accounts.xlsx"
) -> httpx.Response:
    return await client.post(
        "/api/v1/imports",
        params={"kind": "crm.accounts", "name": name},
        content=data,
        headers={**tenant.headers, "Content-Type": XLSX},
    )


async def wait(
    client: httpx.AsyncClient, settings: Settings, tenant: TenantHandle, import_id: str
) -> dict[str, Any]:
    state: dict[str, Any] = {}

    async def finished() -> bool:
        state.update((await client.get(f"/api/v1/imports/{import_id}", headers=tenant.headers)).json())
        return bool(state["status"] != "running")

    await run_jobs_until(fast(settings), finished)
    return state


# --- plain functions -------------------------------------------------------------------------------


def test_headers_map_themselves_in_chinese_and_english_loosely() -> None:
    fields = account_imports.ACCOUNTS.fields
    assert kit.auto_map(["客户编码", "客户名称", "联系人", "Contact Email"], fields) == {
        "code": 0,
        "name": 1,
        "contact_name": 2,
        "contact_email": 3,
    }
    # Case, spaces, underscores and hyphens do not matter; a column fills one field only.
    assert kit.auto_map(["ACCOUNT_CODE", "account-code", " Zone "], fields) == {"code": 0, "zone": 2}


def test_a_mapping_without_a_required_field_or_with_a_column_twice_is_named() -> None:
    fields = account_imports.ACCOUNTS.fields
    assert kit.mapping_problems({"name": 0}, fields, 2) == ["code: missing column"]
    assert kit.mapping_problems({"code": 0, "name": 0}, fields, 2) == [
        "name: the column is already used for code"
    ]
    assert kit.mapping_problems({"code": 5}, fields, 2) == ["code: no such column"]


def test_a_row_is_parsed_into_an_account_or_its_problems() -> None:
    cells = {f.name: "" for f in account_imports.ACCOUNTS.fields}
    parsed = account_imports.parse_row({**cells, "code": "C-1", "kind": "经销商", "contact_name": "王伟"})
    assert isinstance(parsed, account_imports.AccountRow) and parsed.kind is not None
    assert parsed.kind.value == "distributor"
    problems = account_imports.parse_row({**cells, "email": "not-an-email", "contact_phone": "139"})
    assert isinstance(problems, list)
    assert {p.field for p in problems} == {"code", "email", "contact_phone"}


# --- the API ---------------------------------------------------------------------------------------


async def test_accounts_with_contacts_import_after_the_errors_are_fixed(
    client: httpx.AsyncClient, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_zone(app_engine, tenant_a, "EAST")
    await make_accounts(app_engine, tenant_a, ["C-001"])
    owner = tenant_a.owner
    rows = [
        (
            "C-001",
            "上海明辉贸易有限公司",
            owner.email,
            "EAST",
            "王伟",
            "采购经理",
            "13900000001",
            "wang@example.cn",
        ),
        ("C-002", "苏州新澜科技", owner.name, "", "李娜", "", "", ""),
        ("C-003", "杭州远航物流", "nobody@example.cn", "NORTH", "", "", "", ""),
        ("C-004", "嘉善五金", "", "", "赵六", "", "", "bad-email"),
        ("C-005", "", "", "", "", "", "", ""),
    ]
    refused = await upload(client, tenant_a, xlsx(rows))
    assert refused.status_code == 201, refused.text
    body = refused.json()
    assert body["status"] == "rejected"
    assert [(e["row"], e["column"], e["value"]) for e in body["errors"]] == [
        (4, "owner", "nobody@example.cn"),
        (4, "zone", "NORTH"),
        (5, "contact_email", "bad-email"),
        (6, "name", ""),
    ]
    assert (
        await client.post(f"/api/v1/imports/{body['id']}/confirm", headers=tenant_a.headers)
    ).status_code == 409
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert await ctx.session.scalar(select(func.count()).select_from(Account)) == 1

    fixed = await upload(client, tenant_a, xlsx(rows[:2]))
    preview = fixed.json()
    assert preview["status"] == "previewed", preview["errors"]
    assert preview["summary"]["accounts"] == 2 and preview["summary"]["contacts"] == 2
    assert {f["name"]: f["column"] for f in preview["fields"]}["contact_phone"] == 6
    confirmed = await client.post(f"/api/v1/imports/{preview['id']}/confirm", headers=tenant_a.headers)
    assert confirmed.status_code == 202 and confirmed.json()["status"] == "running"
    done = await wait(client, settings, tenant_a, preview["id"])
    assert done["status"] == "completed" and done["processed_rows"] == 2
    assert done["summary"]["created"] == 1 and done["summary"]["updated"] == 1
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        accounts = {a.code: a for a in await ctx.session.scalars(select(Account))}
        assert accounts["C-001"].name == "上海明辉贸易有限公司"  # matched by code: updated
        assert accounts["C-002"].owner_user_id == owner.id  # the owner found by name
        assert accounts["C-001"].zone_id is not None
        contacts = {c.name: c for c in await ctx.session.scalars(select(Contact))}
        assert contacts["王伟"].title == "采购经理" and contacts["王伟"].is_primary
        assert contacts["李娜"].account_id == accounts["C-002"].id


async def test_columns_the_file_names_its_own_way_are_mapped_by_the_user(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    data = xlsx([("C-100", "宁波港联", "陈静")], header=("Kundennummer", "Firma", "联系人"))
    body = (await upload(client, tenant_a, data)).json()
    assert body["status"] == "rejected"
    assert [(e["row"], e["column"], e["message"]) for e in body["errors"]] == [(1, "code", "missing column")]
    bad = await client.put(
        f"/api/v1/imports/{body['id']}/mapping",
        json={"mapping": {"code": 0, "name": 0}},
        headers=tenant_a.headers,
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "mapping.name"
    mapped = await client.put(
        f"/api/v1/imports/{body['id']}/mapping",
        json={"mapping": {"code": 0, "name": 1, "contact_name": 2}},
        headers=tenant_a.headers,
    )
    assert mapped.status_code == 200, mapped.text
    assert mapped.json()["status"] == "previewed"
    assert mapped.json()["summary"]["rows"][0]["name"] == "宁波港联"


async def test_discard_removes_the_import_and_its_file_but_not_a_finished_one(
    client: httpx.AsyncClient, settings: Settings, tenant_a: TenantHandle
) -> None:
    body = (await upload(client, tenant_a, xlsx([("C-200", "绍兴纺织", "", "", "", "", "", "")]))).json()
    gone = await client.delete(f"/api/v1/imports/{body['id']}", headers=tenant_a.headers)
    assert gone.status_code == 204
    assert (await client.get(f"/api/v1/imports/{body['id']}", headers=tenant_a.headers)).status_code == 404
    assert (await client.get(f"/api/v1/files/{body['file_id']}", headers=tenant_a.headers)).status_code == 404

    kept = (await upload(client, tenant_a, xlsx([("C-201", "嘉兴电气", "", "", "", "", "", "")]))).json()
    await client.post(f"/api/v1/imports/{kept['id']}/confirm", headers=tenant_a.headers)
    assert (await wait(client, settings, tenant_a, kept["id"]))["status"] == "completed"
    assert (await client.delete(f"/api/v1/imports/{kept['id']}", headers=tenant_a.headers)).status_code == 409


async def test_tenant_b_cannot_see_change_confirm_or_discard_a_nor_touch_its_accounts(
    client: httpx.AsyncClient,
    settings: Settings,
    app_engine: AsyncEngine,
    tenant_a: TenantHandle,
    tenant_b: TenantHandle,
) -> None:
    await make_accounts(app_engine, tenant_a, ["C-001"])
    mine = (await upload(client, tenant_a, xlsx([("C-001", "甲方新名", "", "", "", "", "", "")]))).json()
    path = f"/api/v1/imports/{mine['id']}"
    assert (await client.get(path, headers=tenant_b.headers)).status_code == 404
    assert (await client.post(f"{path}/confirm", headers=tenant_b.headers)).status_code == 404
    assert (await client.delete(path, headers=tenant_b.headers)).status_code == 404
    remap = await client.put(f"{path}/mapping", json={"mapping": {"code": 0}}, headers=tenant_b.headers)
    assert remap.status_code == 404
    assert (await client.get("/api/v1/imports", headers=tenant_b.headers)).json()["items"] == []
    # B's file with A's code creates B's own account; A's stays as it was.
    theirs = (await upload(client, tenant_b, xlsx([("C-001", "乙方客户", "", "", "", "", "", "")]))).json()
    assert theirs["status"] == "previewed", theirs["errors"]
    await client.post(f"/api/v1/imports/{theirs['id']}/confirm", headers=tenant_b.headers)
    assert (await wait(client, settings, tenant_b, theirs["id"]))["summary"]["created"] == 1
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        assert (await ctx.session.scalars(select(Account.name))).all() == ["客户 C-001"]
    assert (await client.get(path, headers=tenant_a.headers)).json()["status"] == "previewed"


async def test_an_unknown_importer_is_refused_naming_the_kind_and_stores_nothing(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    response = await client.post(
        "/api/v1/imports",
        params={"kind": "crm.nothing", "name": "accounts.xlsx"},
        content=xlsx([("C-900", "某客户")]),
        headers={**tenant_a.headers, "Content-Type": XLSX},
    )
    assert response.status_code == 422
    assert [(e["field"], e["source"]) for e in response.json()["errors"]] == [("kind", "query")]
    listed = await client.get("/api/v1/imports", headers=tenant_a.headers)
    assert listed.json()["items"] == []
