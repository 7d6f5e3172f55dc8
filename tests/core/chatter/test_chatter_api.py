"""The chatter through the API: notes with mentions and attachments reach people's inboxes with a
link back; followers (the owner by default) hear of notes and tracked changes; tracked changes
read "field: old → new" from the audit log, in the reader's language."""

from __future__ import annotations

import uuid

import httpx
from bizsuite.core.chatter.services import announce_changes
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.chatter.helpers import add_member, feed, inbox_of
from tests.core.jobs.helpers import tenant_tx
from tests.modules.crm.conftest import make_account

Client = httpx.AsyncClient


async def test_a_mention_reaches_the_colleagues_inbox_with_a_link_to_the_record(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    chen = await add_member(app_engine, tenant_a, "陈静")
    owner = await add_member(app_engine, tenant_a, "王磊")
    account = await make_account(app_engine, tenant_a, "上海明辉贸易有限公司", owner_user_id=owner)
    posted = await client.post(
        f"/api/v1/chatter/crm_accounts/{account}/notes",
        json={"body": "客户要求下周上门，@陈静 请安排"},
        headers={**tenant_a.headers, "Idempotency-Key": uuid.uuid4().hex},
    )
    assert posted.status_code == 201, posted.text
    assert [m["name"] for m in posted.json()["mentions"]] == ["陈静"]

    mention = (await inbox_of(client, tenant_a, chen))[0]["alert"]
    assert mention["type"] == "chatter.mention"
    assert mention["href"] == f"/crm/accounts/{account}"
    assert "上海明辉贸易有限公司" in mention["title"]
    # the owner follows the account by default and hears of the note (not as a mention)
    note = (await inbox_of(client, tenant_a, owner))[0]["alert"]
    assert note["type"] == "chatter.note" and note["href"] == f"/crm/accounts/{account}"

    entries = (await feed(client, tenant_a, f"crm_accounts/{account}"))["items"]
    assert entries[0]["kind"] == "note"
    assert entries[0]["message"]["body"] == "客户要求下周上门，@陈静 请安排"


async def test_an_explicit_mention_must_be_a_member_and_a_note_needs_text(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await make_account(app_engine, tenant_a)
    stranger = await client.post(
        f"/api/v1/chatter/crm_accounts/{account}/notes",
        json={"body": "hi", "mention_ids": [str(uuid.uuid4())]},
        headers=tenant_a.headers,
    )
    assert stranger.status_code == 422
    assert stranger.json()["errors"][0]["field"] == "mention_ids"
    empty = await client.post(
        f"/api/v1/chatter/crm_accounts/{account}/notes", json={"body": ""}, headers=tenant_a.headers
    )
    assert empty.status_code == 422
    assert empty.json()["errors"][0]["field"] == "body"
    unknown = await client.post(
        f"/api/v1/chatter/no_such_records/{account}/notes", json={"body": "x"}, headers=tenant_a.headers
    )
    assert unknown.status_code == 404


async def test_tracked_changes_read_field_old_new_and_followers_hear_of_them(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    owner = await add_member(app_engine, tenant_a, "王磊")
    chen = await add_member(app_engine, tenant_a, "陈静")
    account = await make_account(app_engine, tenant_a, "明辉", owner_user_id=owner)
    url = f"/api/v1/crm/accounts/{account}"
    current = (await client.get(url, headers=tenant_a.headers)).json()
    changed = await client.patch(
        url,
        json={"name": "明辉贸易", "owner_user_id": str(chen), "industry": current["industry"]},
        headers={**tenant_a.headers, "If-Match": str(current["version"]), "Accept-Language": "zh-CN"},
    )
    assert changed.status_code == 200, changed.text
    entries = (await feed(client, tenant_a, f"crm_accounts/{account}"))["items"]
    change = next(e for e in entries if e["kind"] == "change")
    shown = {(c["field"], c["old"], c["new"]) for c in change["changes"]}
    assert ("name", "明辉", "明辉贸易") in shown
    assert ("owner_user_id", "王磊", "陈静") in shown  # people by name, never an id

    labels = {c["label"] for c in change["changes"]}
    assert {"名称", "客户负责人"} <= labels  # the declared labels, in the tenant's language

    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        assert await announce_changes(ctx) == 1
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        assert await announce_changes(ctx) == 0  # each change is announced once
    # the new owner follows the account now (by default) and hears of the change
    told = (await inbox_of(client, tenant_a, chen))[0]["alert"]
    assert told["type"] == "chatter.change" and told["href"] == f"/crm/accounts/{account}"
    assert "明辉贸易" in told["body"]


async def test_follow_and_unfollow_including_the_owner_who_follows_by_default(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    owner = await add_member(app_engine, tenant_a, "王磊")
    chen = await add_member(app_engine, tenant_a, "陈静")
    account = await make_account(app_engine, tenant_a, owner_user_id=owner)
    base = f"/api/v1/chatter/crm_accounts/{account}/followers"
    listed = (await client.get(base, headers=tenant_a.headers)).json()
    assert [(f["name"], f["by_default"]) for f in listed["items"]] == [("王磊", True)]
    added = await client.post(base, json={"user_id": str(chen)}, headers=tenant_a.headers)
    assert added.status_code == 201, added.text
    assert {f["name"] for f in added.json()["items"]} == {"王磊", "陈静"}
    removed = await client.delete(f"{base}/{owner}", headers=tenant_a.headers)
    assert removed.status_code == 204, removed.text
    left = (await client.get(base, headers=tenant_a.headers)).json()["items"]
    assert [f["name"] for f in left] == ["陈静"]
    # a note now reaches only the remaining follower
    await client.post(
        f"/api/v1/chatter/crm_accounts/{account}/notes", json={"body": "报价已发"}, headers=tenant_a.headers
    )
    assert (await inbox_of(client, tenant_a, owner)) == []
    assert (await inbox_of(client, tenant_a, chen))[0]["alert"]["type"] == "chatter.note"


async def test_a_note_carries_uploaded_files_but_not_ones_attached_elsewhere(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    account = await make_account(app_engine, tenant_a)
    other = await make_account(app_engine, tenant_a)
    uploaded = await client.post(
        "/api/v1/files?name=quote.txt",
        headers={**tenant_a.headers, "content-type": "text/plain"},
        content=b"quote",
    )
    assert uploaded.status_code == 201, uploaded.text
    file_id = uploaded.json()["id"]
    posted = await client.post(
        f"/api/v1/chatter/crm_accounts/{account}/notes",
        json={"body": "报价单见附件", "file_ids": [file_id]},
        headers=tenant_a.headers,
    )
    assert posted.status_code == 201, posted.text
    assert [f["name"] for f in posted.json()["attachments"]] == ["quote.txt"]
    again = await client.post(
        f"/api/v1/chatter/crm_accounts/{other}/notes",
        json={"body": "同一个文件", "file_ids": [file_id]},
        headers=tenant_a.headers,
    )
    assert again.status_code == 422
    assert again.json()["errors"][0]["field"] == "file_ids"


async def test_only_the_author_edits_a_note_and_a_stale_version_is_refused(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle, make_tenant: object
) -> None:
    account = await make_account(app_engine, tenant_a)
    posted = (
        await client.post(
            f"/api/v1/chatter/crm_accounts/{account}/notes", json={"body": "初稿"}, headers=tenant_a.headers
        )
    ).json()
    url = f"/api/v1/chatter/notes/{posted['id']}"
    edited = await client.patch(url, json={"body": "定稿"}, headers={**tenant_a.headers, "If-Match": "1"})
    assert edited.status_code == 200, edited.text
    assert edited.json()["body"] == "定稿" and edited.json()["version"] == 2
    stale = await client.patch(url, json={"body": "x"}, headers={**tenant_a.headers, "If-Match": "1"})
    assert stale.status_code == 412
    deleted = await client.delete(url, headers={**tenant_a.headers, "If-Match": "2"})
    assert deleted.status_code == 204
    assert (await client.get(url, headers=tenant_a.headers)).status_code == 404
