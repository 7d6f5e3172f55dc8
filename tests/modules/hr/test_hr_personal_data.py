"""Personal data by role: HR (owners and admins) writes and sees it; the employee sees their own;
their line managers (the positions above theirs in the reporting lines, held today) see their
reports'; every other caller — a manager of another store, a member, a viewer — gets the work
fields only (``personal`` null), in the record, the list, the page and the export; linking a
sign-in is HR's; another tenant sees nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.identity import security
from bizsuite.core.identity.models import Role, User
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.core.approvals.conftest import Person, post_ok
from tests.modules.hr.conftest import BASE, Setup, create_person, position
from tests.modules.hr.test_hr_pages import _csrf, _version
from tests.web.test_language_walk import sign_in

PERSONAL = {
    "birth_date": "1996-04-12",
    "id_number": "310101199604121234",
    "personal_phone": "139 0000 1234",
    "home_address": "上海市黄浦区南京东路 100 弄 5 号",
    "emergency_contact": "钱父 (父亲)",
    "emergency_phone": "138 0000 5678",
}


@dataclass
class Store:
    """A region over two stores: people in post, each with a sign-in linked to their record."""

    region: Person
    sh_manager: Person
    hz_manager: Person
    clerk: Person
    outsider: Person
    viewer: Person
    clerk_employee: dict[str, Any]
    hz_employee: dict[str, Any]


async def _staff(
    client: httpx.AsyncClient, s: Setup, number: str, name: str, person: Person | None, code: str
) -> dict[str, Any]:
    body: dict[str, Any] = {"number": number, "name": name, "personal": PERSONAL}
    if person is not None:
        body["user_id"] = person.id
    made = await post_ok(client, f"{BASE}/employees", body, s.headers)
    await post_ok(
        client,
        f"{BASE}/employees/{made['id']}/assignments",
        {"position_id": code, "starts_on": "2024-01-01"},
        s.headers,
    )
    return made


@pytest.fixture
async def store(client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup) -> Store:
    s = setup
    region_pos = await position(client, s, "REGION-MGR", unit=s.hq)
    sh_pos = await position(client, s, "SH-MGR", reports_to_id=region_pos["id"])
    hz_pos = await position(client, s, "HZ-MGR", reports_to_id=region_pos["id"])
    clerk_pos = await position(client, s, "SH-CLERK", headcount=3, reports_to_id=sh_pos["id"])
    region = await create_person(app_engine, s.tenant, "region", Role.MANAGER)
    sh_manager = await create_person(app_engine, s.tenant, "sh-manager", Role.MEMBER)
    hz_manager = await create_person(app_engine, s.tenant, "hz-manager", Role.MANAGER)
    clerk = await create_person(app_engine, s.tenant, "clerk", Role.MEMBER)
    outsider = await create_person(app_engine, s.tenant, "outsider", Role.MANAGER)
    viewer = await create_person(app_engine, s.tenant, "viewer", Role.VIEWER)
    await _staff(client, s, "E-1", "孙丽", region, region_pos["id"])
    await _staff(client, s, "E-2", "赵磊", sh_manager, sh_pos["id"])
    hz = await _staff(client, s, "E-3", "郑浩", hz_manager, hz_pos["id"])
    clerk_employee = await _staff(client, s, "E-4", "钱多", clerk, clerk_pos["id"])
    return Store(region, sh_manager, hz_manager, clerk, outsider, viewer, clerk_employee, hz)


async def _seen(client: httpx.AsyncClient, who: dict[str, str], employee_id: str) -> dict[str, Any]:
    got = await client.get(f"{BASE}/employees/{employee_id}", headers=who)
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body


async def test_hr_the_employee_and_their_line_managers_see_the_personal_data_nobody_else(
    client: httpx.AsyncClient, setup: Setup, store: Store
) -> None:
    clerk_id = store.clerk_employee["id"]
    assert store.clerk_employee["personal"] == PERSONAL  # HR wrote it and reads it back
    for who, access in (
        (setup.headers, "hr"),
        (store.clerk.headers, "self"),
        (store.sh_manager.headers, "line_manager"),  # the direct manager
        (store.region.headers, "line_manager"),  # and the manager above them
    ):
        seen = await _seen(client, who, clerk_id)
        assert seen["personal"] == PERSONAL and seen["personal_access"] == access
    for who in (store.hz_manager.headers, store.outsider.headers, store.viewer.headers):
        seen = await _seen(client, who, clerk_id)
        assert seen["personal"] is None and seen["personal_access"] is None
        assert seen["name"] == "钱多" and seen["current_position"]["code"] == "SH-CLERK"  # work fields stay
        assert PERSONAL["id_number"] not in str(seen)
    # The clerk is no one's manager: a colleague's record shows them the work fields only.
    assert (await _seen(client, store.clerk.headers, store.hz_employee["id"]))["personal"] is None


async def test_the_list_shows_each_row_s_personal_data_by_the_same_rule(
    client: httpx.AsyncClient, setup: Setup, store: Store
) -> None:
    listed = (await client.get(f"{BASE}/employees", headers=store.sh_manager.headers)).json()["items"]
    shown = {e["number"]: e["personal_access"] for e in listed}
    assert shown == {"E-4": "line_manager", "E-2": "self", "E-3": None, "E-1": None}
    listed = (await client.get(f"{BASE}/employees", headers=store.outsider.headers)).json()["items"]
    assert len(listed) == 4 and all(e["personal"] is None for e in listed)


async def test_only_hr_writes_personal_data_and_links_a_sign_in(
    client: httpx.AsyncClient, setup: Setup, store: Store
) -> None:
    clerk = await _seen(client, setup.headers, store.clerk_employee["id"])
    for who in (store.sh_manager.headers, store.clerk.headers, store.outsider.headers):
        for body, field in (
            ({"personal": {"home_address": "别处"}}, "personal"),
            ({"user_id": store.outsider.id}, "user_id"),
        ):
            refused = await client.patch(
                f"{BASE}/employees/{clerk['id']}",
                json=body,
                headers={**who, "If-Match": str(clerk["version"])},
            )
            assert refused.status_code == 403, refused.text
            assert refused.json()["errors"][0]["field"] == field
    created = await client.post(
        f"{BASE}/employees",
        json={"number": "E-9", "name": "x", "personal": {"id_number": "1"}},
        headers=store.outsider.headers,
    )
    assert created.status_code == 403 and created.json()["errors"][0]["field"] == "personal"
    # A member may still change the work fields.
    worked = await client.patch(
        f"{BASE}/employees/{clerk['id']}",
        json={"phone": "021-6000 0001"},
        headers={**store.sh_manager.headers, "If-Match": str(clerk["version"])},
    )
    assert worked.status_code == 200 and worked.json()["phone"] == "021-6000 0001"
    # HR changes one field and clears another; the rest stays.
    changed = await client.patch(
        f"{BASE}/employees/{clerk['id']}",
        json={"personal": {"home_address": "上海市静安区 1 号", "emergency_phone": None}},
        headers={**setup.headers, "If-Match": str(worked.json()["version"])},
    )
    assert changed.status_code == 200, changed.text
    personal = changed.json()["personal"]
    assert personal["home_address"] == "上海市静安区 1 号" and personal["emergency_phone"] is None
    assert personal["id_number"] == PERSONAL["id_number"]


async def test_a_sign_in_is_a_member_s_and_one_employee_s(
    client: httpx.AsyncClient, setup: Setup, store: Store, tenant_b: TenantHandle
) -> None:
    taken = await client.post(
        f"{BASE}/employees",
        json={"number": "E-8", "name": "x", "user_id": store.clerk.id},
        headers=setup.headers,
    )
    assert taken.status_code == 409 and taken.json()["errors"][0]["field"] == "user_id"
    stranger = await client.post(
        f"{BASE}/employees",
        json={"number": "E-8", "name": "x", "user_id": str(tenant_b.owner.id)},
        headers=setup.headers,
    )
    assert stranger.status_code == 422 and stranger.json()["errors"][0]["field"] == "user_id"


async def test_another_tenant_never_reaches_the_records_nor_links_their_people(
    client: httpx.AsyncClient, setup: Setup, store: Store, tenant_b: TenantHandle
) -> None:
    clerk_id = store.clerk_employee["id"]
    assert (await client.get(f"{BASE}/employees/{clerk_id}", headers=tenant_b.headers)).status_code == 404
    listed = (await client.get(f"{BASE}/employees", headers=tenant_b.headers)).json()["items"]
    assert listed == []
    own = await client.post(
        f"{BASE}/employees",
        json={"number": "B-1", "name": "x", "user_id": store.clerk.id},
        headers=tenant_b.headers,
    )
    assert own.status_code == 422 and own.json()["errors"][0]["field"] == "user_id"


async def _sign_in_as(
    client: httpx.AsyncClient, engine: AsyncEngine, tenant: TenantHandle, who: Person
) -> None:
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        await session.execute(
            update(User)
            .where(User.id == who.user_id)
            .values(password_hash=await security.hash_password(PASSWORD))
        )
    client.cookies.clear()
    await client.get("/login")
    signed = await client.post(
        "/login",
        data={
            "email": who.email,
            "password": PASSWORD,
            "form_token": client.cookies.get("bizsuite_form", ""),
        },
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text


async def test_the_employee_page_shows_personal_data_only_to_those_who_may_see_it(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, store: Store
) -> None:
    clerk_id = store.clerk_employee["id"]
    client.headers["Accept-Language"] = "zh-CN"
    await _sign_in_as(client, app_engine, setup.tenant, store.sh_manager)
    page = await client.get(f"/hr/employees/{clerk_id}")
    assert page.status_code == 200 and PERSONAL["id_number"] in page.text
    assert "您作为该员工的直线主管查看" in page.text and 'data-testid="edit-personal"' not in page.text
    await _sign_in_as(client, app_engine, setup.tenant, store.hz_manager)
    page = await client.get(f"/hr/employees/{clerk_id}")
    assert page.status_code == 200 and "钱多" in page.text
    assert (
        PERSONAL["id_number"] not in page.text
        and "个人资料仅对人力资源、员工本人及其直线主管可见" in page.text
    )
    export = await client.get("/hr/employees/export", params={"format": "csv"})
    assert export.status_code == 200 and "钱多" in export.text
    assert PERSONAL["id_number"] not in export.text and PERSONAL["home_address"] not in export.text
    refused = await client.post(
        f"/hr/employees/{clerk_id}/personal", data={"csrf_token": _csrf(page.text), "id_number": "x"}
    )
    assert refused.status_code == 403  # a manager, but not HR
    assert (await _seen(client, setup.headers, clerk_id))["personal"]["id_number"] == PERSONAL["id_number"]


async def test_hr_edits_the_personal_data_on_the_page(
    client: httpx.AsyncClient, app_engine: AsyncEngine, setup: Setup, store: Store
) -> None:
    clerk_id = store.clerk_employee["id"]
    await sign_in(client, setup.tenant)
    client.headers["Accept-Language"] = "zh-CN"
    page = await client.get(f"/hr/employees/{clerk_id}")
    assert 'data-testid="edit-personal"' in page.text and PERSONAL["home_address"] in page.text
    saved = await client.post(
        f"/hr/employees/{clerk_id}/personal",
        data={
            "csrf_token": _csrf(page.text),
            "version": _version(page.text),
            **{**PERSONAL, "birth_date": "bad", "home_address": "杭州市西湖区 8 号"},
            "user_id": store.clerk.id,
        },
    )
    assert saved.status_code == 422  # the bad date, shown next to its field
    saved = await client.post(
        f"/hr/employees/{clerk_id}/personal",
        data={
            "csrf_token": _csrf(page.text),
            "version": _version(page.text),
            **{**PERSONAL, "home_address": "杭州市西湖区 8 号"},
            "user_id": store.clerk.id,
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text
    seen = await _seen(client, setup.headers, clerk_id)
    assert seen["personal"]["home_address"] == "杭州市西湖区 8 号" and seen["user_id"] == store.clerk.id
    assert uuid.UUID(seen["user_id"])
