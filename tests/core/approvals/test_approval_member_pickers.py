"""The approval pages' member fields (the delegate form on my approvals and on a request, the
approvers' filter and form) are the kernel's member picker: a small tenant's pages list every
member a field may name in a plain select (``name · email``), leaving out a request's author and
approver; a large tenant's pages list none of them, only a combobox asking the server (which
leaves those two out as well), and keep their size when the tenant grows. Delegating to the author
or to the approver is refused next to the field, whatever the page offered."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
from bizsuite.core.identity.members import INLINE_MEMBERS
from bizsuite.web.support import LANGUAGE_COOKIE
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.core.members.helpers import add_members, member_name

Client = httpx.AsyncClient
MEMBER = re.compile(r"Member \d{4}")
AUTHOR = member_name(3)


async def sign_in(client: Client, email: str) -> str:
    """Sign in with a web session, the pages in English; return its CSRF token (for the forms)."""
    client.cookies.clear()
    response = await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    client.cookies.set(LANGUAGE_COOKIE, "en")
    return str(response.json()["csrf_token"])


async def pending_request(client: Client, tenant: TenantHandle, author: uuid.UUID) -> dict[str, Any]:
    """A demo expense by ``author`` waiting for the tenant's owner (a one-step flow naming them)."""
    unit = await client.post(
        "/api/v1/org-units",
        json={"name": "Nanjing Rd store", "code": f"S{uuid.uuid4().hex[:6]}", "kind": "store"},
        headers=tenant.headers,
    )
    assert unit.status_code == 201, unit.text
    flow = {
        "code": f"owner-{uuid.uuid4().hex[:6]}",
        "name": "The owner approves",
        "steps": [{"label": "Owner", "approver_kind": "user", "user_id": str(tenant.owner.id)}],
    }
    created_flow = await client.post("/api/v1/approvals/flows", json=flow, headers=tenant.headers)
    assert created_flow.status_code == 201, created_flow.text
    document = {
        "document_type": "expense_demo",
        "title": "Shelf repair",
        "org_unit_id": unit.json()["id"],
        "amount": "99.00",
        "currency": "CNY",
        "author_id": str(author),
    }
    created = await client.post("/api/v1/approvals/requests", json=document, headers=tenant.headers)
    assert created.status_code == 201, created.text
    request: dict[str, Any] = created.json()
    assert request["current_approver_id"] == str(tenant.owner.id)
    return request


async def delegate(client: Client, csrf: str, request: dict[str, Any], to: uuid.UUID) -> httpx.Response:
    """Send the request page's delegate form, choosing ``to``."""
    return await client.post(
        f"/approvals/requests/{request['id']}/delegate",
        data={
            "csrf_token": csrf,
            "version": str(request["version"]),
            "next": f"/approvals/requests/{request['id']}",
            "to_user_id": str(to),
            "comment": "",
        },
    )


def delegate_error(page: str) -> str:
    found = re.search(r'data-testid="error-delegate-to_user_id">([^<]*)<', page)
    assert found, "no error next to the delegate field"
    return found.group(1)


async def test_a_small_tenants_delegate_form_lists_the_others_in_a_select(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(app_engine, tenant_a, 5, modules=())
    request = await pending_request(client, tenant_a, ids[AUTHOR])
    await sign_in(client, tenant_a.owner.email)
    for path in ("/approvals", f"/approvals/requests/{request['id']}"):
        page = (await client.get(path)).text
        assert "data-member-combo" not in page, path
        select = re.search(
            r'<select id="delegate-to_user_id-[^"]+" name="to_user_id"[^>]*>(.*?)</select>', page, re.S
        )
        assert select, path
        offered = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1))
        # Everyone but the author and the approver (the owner), labelled with their email.
        assert [label.split(" · ")[0] for _, label in offered] == [
            "Choose a member",
            *(member_name(n) for n in (1, 2, 4, 5)),
        ], path
        assert all(re.fullmatch(r"Member \d{4} · m\d{4}-\w+@example\.com", label) for _, label in offered[1:])
        assert str(ids[AUTHOR]) not in {value for value, _ in offered}
    assignments = (await client.get("/admin/approver-assignments")).text
    assert "data-member-combo" not in assignments
    assert all(member_name(n) in assignments for n in range(1, 6))
    assert re.search(r'<select id="q-user_id" name="user_id"', assignments)
    assert re.search(r'<select id="f-user_id" name="user_id"', assignments)


async def test_a_large_tenants_approval_pages_list_no_member(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(app_engine, tenant_a, modules=())
    request = await pending_request(client, tenant_a, ids[AUTHOR])
    await sign_in(client, tenant_a.owner.email)
    left_out = {f"exclude={ids[AUTHOR]}", f"exclude={tenant_a.owner.id}"}
    for path in ("/approvals", f"/approvals/requests/{request['id']}"):
        response = await client.get(path)
        assert response.status_code == 200, path
        # Only the author is named (who submitted it); the delegate field is a combobox that
        # asks the server, which leaves out the author and the approver.
        assert set(MEMBER.findall(response.text)) == {AUTHOR}, path
        assert response.text.count('data-testid="delegate-to"') == 1, path
        form = response.text.split('data-testid="delegate-form"')[1].split("</form>")[0]
        assert "<option" not in form and "data-member-combo" in form, path
        url = re.search(r'data-url="/members/options\?([^"]*)"', response.text)
        assert url and set(url.group(1).replace("&amp;", "&").split("&")) == left_out, path

    assignments = await client.get("/admin/approver-assignments")
    assert assignments.status_code == 200
    assert not MEMBER.search(assignments.text)
    assert assignments.text.count("data-member-combo") == 2  # the filter and the form to add one


async def test_the_approvers_page_names_only_the_chosen_member_and_does_not_grow(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(app_engine, tenant_a, modules=())
    unit = await client.post(
        "/api/v1/org-units",
        json={"name": "Finance", "code": "FIN", "kind": "department"},
        headers=tenant_a.headers,
    )
    chosen = ids[member_name(42)]
    body = {"user_id": str(chosen), "org_unit_id": unit.json()["id"], "approver_role": "finance"}
    assigned = await client.post("/api/v1/approvals/assignments", json=body, headers=tenant_a.headers)
    assert assigned.status_code == 201, assigned.text
    await sign_in(client, tenant_a.owner.email)

    filtered = (await client.get(f"/admin/approver-assignments?user_id={chosen}")).text
    assert set(MEMBER.findall(filtered)) == {member_name(42)}  # its row and the filter's box
    assert f'name="user_id" value="{chosen}" data-member-value' in filtered
    assert f'value="{member_name(42)}" data-member-input' in filtered

    before = len((await client.get("/admin/approver-assignments")).content)
    await add_members(
        app_engine, tenant_a, INLINE_MEMBERS, names=[f"Later {n}" for n in range(INLINE_MEMBERS)]
    )
    after = len((await client.get("/admin/approver-assignments")).content)
    assert abs(after - before) < 100, (before, after)


async def test_delegating_to_the_author_or_the_approver_is_refused_next_to_the_field(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await add_members(app_engine, tenant_a, modules=())
    request = await pending_request(client, tenant_a, ids[AUTHOR])
    csrf = await sign_in(client, tenant_a.owner.email)

    to_author = await delegate(client, csrf, request, ids[AUTHOR])
    assert to_author.status_code == 422
    assert delegate_error(to_author.text) == "the author cannot approve their own document"
    # The box still shows whom the user chose, so they see what to change.
    assert f'name="to_user_id" value="{ids[AUTHOR]}" data-member-value' in to_author.text
    assert f'value="{AUTHOR}" data-member-input' in to_author.text

    to_approver = await delegate(client, csrf, request, tenant_a.owner.id)
    assert to_approver.status_code == 422  # a field to correct, as any on a page form
    assert delegate_error(to_approver.text) == "this member is already the approver"

    handed = await delegate(client, csrf, request, ids[member_name(99)])
    assert handed.status_code in {302, 303}, handed.text
    now = await client.get(f"/api/v1/approvals/requests/{request['id']}", headers=tenant_a.headers)
    assert now.json()["current_approver_id"] == str(ids[member_name(99)])
