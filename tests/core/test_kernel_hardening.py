"""Kernel defects a security review found (issues 10 and 12): each test is the attack or the
race that must fail."""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import datetime as dt
import io
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
from bizsuite.core.activities import services as activities
from bizsuite.core.audit.models import AuditEntry
from bizsuite.core.chatter.models import ChatterMessage, MessageKind
from bizsuite.core.chatter.services import announce_changes
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.files import access
from bizsuite.core.files import services as files
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.storage import storage_from_settings
from bizsuite.core.identity import security
from bizsuite.core.identity.models import ApiKey, Membership, Role, User
from bizsuite.core.imports import services as imports
from bizsuite.core.imports.models import DataImport, ImportStatus
from bizsuite.core.jobs.models import BackgroundJob
from bizsuite.core.jobs.queue import JobRun, JobRuntime
from bizsuite.modules.crm.accounts import services as account_services
from bizsuite.modules.crm.accounts.schemas import AccountFilters
from bizsuite.settings import Settings
from bizsuite.web.exports import EXPORT_LIMIT, EXPORT_TASK, EXPORTS_IN_FLIGHT, queue_export
from bizsuite.web.lists import ListExport, ListState, export_state, list_export, list_export_source
from litestar.datastructures import MultiDict
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.chatter.helpers import inbox_of
from tests.core.jobs.helpers import fast, run_jobs_until, tenant_tx
from tests.modules.crm.conftest import make_account, make_accounts
from tests.modules.crm.revenue.conftest import XLSX
from tests.web.test_exports import _add_audit_entries, _sign_in
from tests.web.test_imports_api import xlsx as import_file

Client = httpx.AsyncClient
FILES = "/api/v1/files"


@dataclass
class Member:
    """A member with module grants and an API key of their own (acting as them)."""

    user_id: uuid.UUID
    api_key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}


async def add_member(
    engine: AsyncEngine,
    tenant: TenantHandle,
    name: str,
    role: Role = Role.MEMBER,
    grants: tuple[str, ...] = (),
) -> Member:
    async with tenant_tx(engine, tenant.id) as ctx:
        user = User(email=f"{name}-{uuid.uuid4().hex[:8]}@example.com", name=name, password_hash=None)
        ctx.session.add(user)
        await ctx.session.flush()
        ctx.session.add(Membership(user_id=user.id, role=role, module_grants=list(grants)))
        secret = security.new_api_key()
        ctx.session.add(
            ApiKey(
                name=f"{name}'s key",
                prefix=secret[:12],
                key_hash=security.sha256_hex(secret),
                role=role,
                module_grants=list(grants),
                created_by=user.id,
            )
        )
    return Member(user.id, secret)


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def store_file(
    engine: AsyncEngine,
    settings: Settings,
    tenant: TenantHandle,
    *,
    document_type: str | None,
    document_id: uuid.UUID | None,
    uploaded_by: uuid.UUID | None = None,
    name: str = "figures.csv",
) -> uuid.UUID:
    """A stored CSV attached to a document (as a job or a module would store it)."""
    async with tenant_tx(engine, tenant.id) as ctx:
        row = await files.upload(
            ctx,
            storage_from_settings(settings),
            _chunks(b"code,revenue\nC-1,1200.00\n"),
            files.Upload(
                name=name,
                content_type="text/csv",
                document_type=document_type,
                document_id=document_id,
                uploaded_by=uploaded_by,
            ),
            files.UploadPolicy(max_bytes=1 << 20, content_types=frozenset({"text/csv"})),
        )
        return row.id


async def listed(client: Client, headers: dict[str, str], **params: str) -> set[str]:
    response = await client.get(FILES, params={"limit": "200", **params}, headers=headers)
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


async def readable(client: Client, headers: dict[str, str], file_id: uuid.UUID) -> bool:
    meta = await client.get(f"{FILES}/{file_id}", headers=headers)
    link = await client.get(f"{FILES}/{file_id}/download-url", headers=headers)
    assert meta.status_code in (200, 404) and link.status_code == meta.status_code, (meta.text, link.text)
    return meta.status_code == 200


# --- 1. files by document type ---------------------------------------------------------------


async def test_a_large_export_is_only_for_whoever_asked_and_admins(
    client: Client, app: Any, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    requester = await add_member(app_engine, tenant_a, "requester", grants=("crm",))
    viewer = await add_member(app_engine, tenant_a, "viewer", Role.VIEWER, grants=("crm",))
    colleague = await add_member(app_engine, tenant_a, "colleague", grants=("crm",))
    export = await store_file(
        app_engine,
        settings,
        tenant_a,
        document_type=access.EXPORT_DOCUMENT,
        document_id=uuid.uuid4(),
        uploaded_by=requester.user_id,
        name="crm-accounts-20261205.csv",
    )
    plain = await store_file(app_engine, settings, tenant_a, document_type=None, document_id=None)

    for other in (viewer, colleague):
        assert str(export) not in await listed(client, other.headers)
        assert str(export) not in await listed(client, other.headers, document_type=access.EXPORT_DOCUMENT)
        assert not await readable(client, other.headers, export)
        assert str(plain) in await listed(client, other.headers)
    # Exports stay out of the general list, even the requester's and an admin's own view of it.
    assert str(export) not in await listed(client, requester.headers)
    assert str(export) not in await listed(client, tenant_a.headers)
    assert str(export) in await listed(client, requester.headers, document_type=access.EXPORT_DOCUMENT)
    assert str(export) in await listed(client, tenant_a.headers, document_type=access.EXPORT_DOCUMENT)
    assert await readable(client, requester.headers, export)
    assert await readable(client, tenant_a.headers, export)


async def test_a_modules_files_need_its_grant(
    client: Client, app: Any, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    crm_only = await add_member(app_engine, tenant_a, "crm-only", grants=("crm",))
    contracts = await add_member(app_engine, tenant_a, "contracts", Role.VIEWER, grants=("contracts",))
    contract_file = await store_file(
        app_engine, settings, tenant_a, document_type="contracts_contract", document_id=uuid.uuid4()
    )
    account_file = await store_file(
        app_engine, settings, tenant_a, document_type="crm_accounts", document_id=uuid.uuid4()
    )

    assert str(contract_file) not in await listed(client, crm_only.headers)
    assert not await readable(client, crm_only.headers, contract_file)
    assert str(account_file) in await listed(client, crm_only.headers)
    assert await readable(client, crm_only.headers, account_file)

    assert str(contract_file) in await listed(client, contracts.headers)
    assert await readable(client, contracts.headers, contract_file)
    assert not await readable(client, contracts.headers, account_file)


async def test_chatter_attachments_and_import_files_need_the_records_module(
    client: Client, app: Any, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    crm = await add_member(app_engine, tenant_a, "crm", grants=("crm",))
    contracts_only = await add_member(app_engine, tenant_a, "contracts-only", grants=("contracts",))
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        note = ChatterMessage(
            target_type="crm_accounts",
            target_id=uuid.uuid4(),
            kind=MessageKind.NOTE,
            body="the signed quote",
            author_label="crm",
            mentioned_user_ids=[],
        )
        ctx.session.add(note)
    attachment = await store_file(
        app_engine, settings, tenant_a, document_type=access.CHATTER_DOCUMENT, document_id=note.id
    )
    import_id = uuid.uuid4()
    import_file = await store_file(
        app_engine, settings, tenant_a, document_type=access.IMPORT_DOCUMENT, document_id=import_id
    )
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        ctx.session.add(
            DataImport(
                id=import_id,
                kind="crm.accounts",
                file_id=import_file,
                filename="accounts.csv",
                status=ImportStatus.PREVIEWED,
                created_by="crm",
            )
        )

    for file_id in (attachment, import_file):
        assert str(file_id) not in await listed(client, contracts_only.headers)
        assert not await readable(client, contracts_only.headers, file_id)
        assert str(file_id) in await listed(client, crm.headers)
        assert await readable(client, crm.headers, file_id)


# --- 2. chatter and activities reach only people who may open the record ---------------------


async def _revoke(engine: AsyncEngine, tenant: TenantHandle, user_id: uuid.UUID) -> None:
    async with tenant_tx(engine, tenant.id) as ctx:
        membership = await ctx.session.scalar(select(Membership).where(Membership.user_id == user_id))
        assert membership is not None
        membership.module_grants = ["contracts"]


async def test_nobody_without_the_records_module_is_mentioned_followed_or_assigned(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    outsider = await add_member(app_engine, tenant_a, "赵外人", grants=("contracts",))
    account = await make_account(app_engine, tenant_a, "明辉")
    notes = f"/api/v1/chatter/crm_accounts/{account}/notes"

    explicit = await client.post(
        notes, json={"body": "看一下", "mention_ids": [str(outsider.user_id)]}, headers=tenant_a.headers
    )
    assert explicit.status_code == 422, explicit.text
    assert explicit.json()["errors"][0]["field"] == "mention_ids"
    named = await client.post(notes, json={"body": "@赵外人 看一下"}, headers=tenant_a.headers)
    assert named.status_code == 422, named.text
    assert named.json()["errors"][0]["field"] == "body"
    followed = await client.post(
        f"/api/v1/chatter/crm_accounts/{account}/followers",
        json={"user_id": str(outsider.user_id)},
        headers=tenant_a.headers,
    )
    assert followed.status_code == 422, followed.text
    assert followed.json()["errors"][0]["field"] == "user_id"
    assigned = await client.post(
        "/api/v1/activities",
        json={
            "target_type": "crm_accounts",
            "target_id": str(account),
            "activity_type": "call",
            "summary": "回访",
            "due_date": "2027-03-10",
            "assignee_user_id": str(outsider.user_id),
        },
        headers=tenant_a.headers,
    )
    assert assigned.status_code == 422, assigned.text
    assert assigned.json()["errors"][0]["field"] == "assignee_user_id"
    assert await inbox_of(client, tenant_a, outsider.user_id) == []


async def test_a_member_whose_grant_was_withdrawn_hears_nothing_more_of_the_record(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    owner = await add_member(app_engine, tenant_a, "王磊", grants=("crm",))
    account = await make_account(app_engine, tenant_a, "明辉", owner_user_id=owner.user_id)
    scheduled = await client.post(
        "/api/v1/activities",
        json={
            "target_type": "crm_accounts",
            "target_id": str(account),
            "activity_type": "call",
            "summary": "续约电话",
            "due_date": "2027-03-10",
            "assignee_user_id": str(owner.user_id),
        },
        headers=tenant_a.headers,
    )
    assert scheduled.status_code == 201, scheduled.text
    await _revoke(app_engine, tenant_a, owner.user_id)

    # a note (the owner follows by default), a tracked change and a due reminder
    note = await client.post(
        f"/api/v1/chatter/crm_accounts/{account}/notes", json={"body": "报价已发"}, headers=tenant_a.headers
    )
    assert note.status_code == 201, note.text
    url = f"/api/v1/crm/accounts/{account}"
    current = (await client.get(url, headers=tenant_a.headers)).json()
    changed = await client.patch(
        url, json={"name": "明辉贸易"}, headers={**tenant_a.headers, "If-Match": str(current["version"])}
    )
    assert changed.status_code == 200, changed.text
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        await announce_changes(ctx)
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        await activities.send_reminders(ctx, dt.datetime(2027, 3, 10, 9, 0, tzinfo=dt.UTC))
    assert await inbox_of(client, tenant_a, owner.user_id) == []
    followers = await client.get(
        f"/api/v1/chatter/crm_accounts/{account}/followers", headers=tenant_a.headers
    )
    assert str(owner.user_id) not in {f["user_id"] for f in followers.json()["items"]}


# --- 5. an import runs once, even when two workers take its job -------------------------------


async def test_two_workers_running_one_import_import_it_once(
    client: Client, app: Any, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    rows = [(f"HX-{n:03d}", f"明辉贸易{n}", "", "", f"联系人{n}", "", "", "") for n in range(1, 41)]
    uploaded = await client.post(
        "/api/v1/imports",
        params={"kind": "crm.accounts", "name": "accounts.xlsx"},
        content=import_file(rows),
        headers={**tenant_a.headers, "Content-Type": XLSX},
    )
    assert uploaded.status_code == 201, uploaded.text
    import_id = uuid.UUID(uploaded.json()["id"])
    confirmed = await client.post(f"/api/v1/imports/{import_id}/confirm", headers=tenant_a.headers)
    assert confirmed.status_code == 202, confirmed.text

    runtime = JobRuntime(settings=settings, sessionmaker=make_sessionmaker(app_engine))
    run = JobRun(runtime, imports.IMPORT_TASK, tenant_a.id, None, attempt=1, retry_delay=None)
    storage = storage_from_settings(settings)
    outcomes = await asyncio.gather(
        imports.run_import(run, import_id, storage),
        imports.run_import(run, import_id, storage),
        return_exceptions=True,
    )

    assert outcomes == [None, None]
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        row = await ctx.session.scalar(select(DataImport).where(DataImport.id == import_id))
        assert row is not None and row.status is ImportStatus.COMPLETED, row and row.errors
        assert row.summary["created"] == 40
        imported = await ctx.session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.target_id == import_id, AuditEntry.action.like("%.imported"))
        )
        assert imported == 1


# --- 3. list exports: the whole view, never cut; the selection in SQL --------------------------


@list_export_source(
    "crm-accounts-test",
    # The job imports this name to find the source; the test declared it in this process.
    module="bizsuite.web.lists",
    spec=account_services.ACCOUNT_LIST,
    filters=AccountFilters,
    sheet=lambda: "Accounts",
)
async def account_rows(
    ctx: Any, filters: AccountFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    cursor: str | None = None
    while True:
        listed, _total = await account_services.account_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [{"code": a.code, "name": a.name, "created_at": a.created_at} for a in listed.items]
        cursor = listed.next_cursor
        if cursor is None:
            return


async def test_a_selection_is_exported_from_the_lists_sql(
    app: Any, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    made = await make_accounts(app_engine, tenant_a, [f"S-{n}" for n in range(1, 6)])
    query = MultiDict(
        [("sort", "-code"), ("col", "code"), ("ids", str(made["S-2"])), ("ids", str(made["S-4"]))]
    )
    view = list_export(account_services.ACCOUNT_LIST, query, AccountFilters())
    assert view.ids == sorted([made["S-2"], made["S-4"]])
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        state = export_state(account_services.ACCOUNT_LIST, view)
        page, _total = await account_services.account_list(ctx, AccountFilters(), state, limit=1)
        # the first page of one row already skips the rows not selected: the SQL narrowed it
        assert [a.code for a in page.items] == ["S-4"]
        rows = [row async for batch in account_rows.batches(ctx, view) for row in batch]
    assert rows == [["S-4"], ["S-2"]]
    assert [c.key for c in account_rows.columns(view)] == ["code"]


async def test_a_list_export_beyond_the_inline_limit_is_written_whole_by_a_job(
    app: Any, settings: Settings, app_engine: AsyncEngine, owner_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    total = EXPORT_LIMIT + 25
    await make_accounts(app_engine, tenant_a, [f"B-{n:05d}" for n in range(total)])
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        view = ListExport(sort="code", columns=["code", "name"])
        job = await queue_export(ctx, account_rows, view, "csv")

    async def finished() -> bool:
        async with owner_engine.connect() as connection:
            status = await connection.scalar(
                text("SELECT status FROM background_jobs WHERE id = :j"), {"j": job.id}
            )
        return status in ("succeeded", "failed")

    await run_jobs_until(fast(settings, worker_stalled_ms=60_000), finished)
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        done = await ctx.session.scalar(select(BackgroundJob).where(BackgroundJob.id == job.id))
        assert done is not None and done.status.value == "succeeded", done and done.error
        stored = await ctx.session.scalar(
            select(StoredFile).where(StoredFile.id == uuid.UUID(done.args["file_id"]))
        )
        assert stored is not None and stored.document_type == access.EXPORT_DOCUMENT
    content = await storage_from_settings(settings).read(stored.storage_key)
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(lines[0]) == 2  # the view's two columns (labelled in the tenant's language)
    assert len(lines) == total + 1  # every account, none cut at the limit
    assert lines[1][0] == "B-00000" and lines[-1][0] == f"B-{total - 1:05d}"


async def test_a_page_export_beyond_the_limit_offers_a_background_job_never_a_cut_file(
    client: Client, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await make_accounts(app_engine, tenant_a, [f"C-{n:05d}" for n in range(EXPORT_LIMIT + 1)])
    await _sign_in(client, tenant_a)
    response = await client.get("/crm/accounts/export", params={"format": "csv"})
    # Not the first EXPORT_LIMIT rows as a file: the page offering to write the whole view.
    assert response.status_code == 200, response.status_code
    assert response.headers["content-type"].startswith("text/html")
    assert "content-disposition" not in response.headers
    assert 'data-testid="export-confirm"' in response.text and 'method="post"' in response.text


# --- 4. queuing a large export takes a POST with the CSRF token, a few at a time -------------


async def test_a_large_export_is_queued_only_by_a_post_with_the_csrf_token(
    client: Client, owner_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await _add_audit_entries(owner_engine, tenant_a.id, EXPORT_LIMIT + 1)
    csrf = await _sign_in(client, tenant_a)

    async def queued() -> int:
        async with owner_engine.connect() as connection:
            count = await connection.scalar(
                text("SELECT count(*) FROM background_jobs WHERE tenant_id = :t AND task_name = :n"),
                {"t": tenant_a.id, "n": EXPORT_TASK},
            )
        return int(count or 0)

    # A link or an image on another site (a GET with the victim's cookie) queues nothing.
    offered = await client.get("/admin/audit/export", params={"format": "csv"})
    assert offered.status_code == 200 and 'method="post"' in offered.text
    assert await queued() == 0
    # A cross-site form cannot know the token.
    forged = await client.post("/admin/audit/export", params={"format": "csv"}, data={"csrf_token": "x"})
    assert forged.status_code == 403
    assert await queued() == 0
    # The page's own form queues it; a member has at most EXPORTS_IN_FLIGHT under way.
    for _ in range(EXPORTS_IN_FLIGHT):
        sent = await client.post(
            "/admin/audit/export", params={"format": "csv"}, data={"csrf_token": csrf}, follow_redirects=False
        )
        assert sent.status_code == 303 and sent.headers["location"].startswith("/exports/")
    refused = await client.post(
        "/admin/audit/export", params={"format": "csv"}, data={"csrf_token": csrf}, follow_redirects=False
    )
    assert refused.status_code == 429
    assert await queued() == EXPORTS_IN_FLIGHT
