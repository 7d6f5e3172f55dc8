"""The chatter partial and its forms over HTTP: a note with an attached file and a schedule with a
missing summary (422, the partial with the error next to the field); another tenant's record, note
or activity is the 404 page."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.core.chatter.helpers import feed
from tests.modules.crm.conftest import make_account


async def _sign_in(client: httpx.AsyncClient, t: TenantHandle) -> str:
    response = await client.post("/api/v1/auth/login", json={"email": t.owner.email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    client.cookies.set("bizsuite_lang", "en")
    csrf: str = response.json()["csrf_token"]
    return csrf


async def test_a_note_with_a_file_and_a_schedule_error_in_the_partial(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await make_account(app_engine, tenant_a, "明辉", owner_user_id=tenant_a.owner.id)
    csrf = await _sign_in(client, tenant_a)
    headers = {"X-CSRF-Token": csrf, "HX-Request": "true"}
    shown = await client.get(f"/chatter/crm_accounts/{account}")
    assert shown.status_code == 200 and 'data-testid="chatter"' in shown.text
    posted = await client.post(
        f"/chatter/crm_accounts/{account}/notes",
        data={"csrf_token": csrf, "body": "报价单见附件"},
        files={"file": ("quote.txt", b"quote", "text/plain")},
        headers=headers,
    )
    assert posted.status_code == 200, posted.text
    assert "Note posted." in posted.text and "quote.txt" in posted.text
    attachments = (await feed(client, tenant_a, f"crm_accounts/{account}"))["items"][0]["message"][
        "attachments"
    ]
    assert [a["name"] for a in attachments] == ["quote.txt"]

    missing = await client.post(
        f"/activities/schedule/crm_accounts/{account}",
        data={
            "csrf_token": csrf,
            "activity_type": "call",
            "due_date": "2026-12-05",
            "assignee_user_id": str(tenant_a.owner.id),
        },
        headers=headers,
    )
    assert missing.status_code == 422
    assert 'data-testid="error-summary"' in missing.text


async def test_another_tenants_chatter_and_activities_are_the_404_page(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    account = await make_account(app_engine, tenant_a)
    note = await client.post(
        f"/api/v1/chatter/crm_accounts/{account}/notes", json={"body": "A"}, headers=tenant_a.headers
    )
    csrf = await _sign_in(client, tenant_b)
    headers = {"X-CSRF-Token": csrf, "Accept": "text/html"}
    assert (await client.get(f"/chatter/crm_accounts/{account}", headers=headers)).status_code == 404
    for path in (
        f"/chatter/crm_accounts/{account}/follow",
        f"/chatter/crm_accounts/{account}/notes",
        f"/chatter/notes/{note.json()['id']}/delete",
        f"/activities/schedule/crm_accounts/{account}",
        f"/activities/{uuid.uuid4()}/done",
    ):
        response = await client.post(
            path, data={"csrf_token": csrf, "body": "x", "summary": "x"}, headers=headers
        )
        assert response.status_code == 404, (path, response.status_code)
    assert (
        await client.get(f"/api/v1/chatter/crm_accounts/{account}/entries", headers=tenant_a.headers)
    ).json()["items"][0]["message"]["body"] == "A"
