"""Accounts: the fast list, one account, its lifecycle, and the pickers and search other pages use."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.identity.services import require_member
from bizsuite.core.repository import check_version, fetch
from bizsuite.core.webhooks.services import emit_event
from bizsuite.kit import SearchHit
from bizsuite.modules.crm.accounts.schemas import (
    AccountBulk,
    AccountBulkAction,
    AccountBulkResult,
    AccountCreate,
    AccountFilters,
    AccountOut,
    AccountSummary,
    AccountUpdate,
)
from bizsuite.modules.crm.accounts.services._shared import check_org_unit, referenced_by
from bizsuite.modules.crm.accounts.services.zones import check_zone
from bizsuite.modules.crm.models import (
    ACCOUNT_SEARCH_TEXT,
    CONTACT_SEARCH_TEXT,
    Account,
    AccountKind,
    AccountStatus,
    Tier,
)
from bizsuite.web.i18n import N_
from bizsuite.web.lists import (
    GroupTotal,
    ListColumn,
    ListPage,
    ListSpec,
    ListState,
    SqlWhere,
    contains_pattern,
    count_rows,
    fetch_page,
    group_totals,
    list_state,
)

#: The list's columns, in :class:`AccountSummary` field order (rows become structs positionally).
_SUMMARY_COLUMNS = (
    "id, code, name, kind, status, tier, trailing_revenue, owner_user_id, zone_id,"
    " org_unit_id, industry, phone, created_at, version"
)
_NO_FILTERS = AccountFilters()
#: Search anywhere: the very texts the trigram indexes of migration 0009 hold.
_SEARCH_CONDITION = " ".join(
    (
        "id IN (SELECT id FROM crm_accounts WHERE tenant_id = $1 AND",
        ACCOUNT_SEARCH_TEXT,
        "LIKE {0} UNION SELECT account_id FROM crm_contacts WHERE tenant_id = $1 AND",
        CONTACT_SEARCH_TEXT,
        "LIKE {0})",
    )
)

#: The accounts list, described once for the page, the API and the export.
ACCOUNT_LIST = ListSpec(
    key="crm.accounts",
    path="/crm/accounts",
    columns=(
        ListColumn("code", N_("Code"), sort="code"),
        ListColumn("name", N_("Name"), sort="name"),
        ListColumn("kind", N_("Kind"), group="kind"),
        ListColumn("tier", N_("Tier"), group="tier"),
        ListColumn("status", N_("Status"), group="status", default=False),
        ListColumn("owner", N_("Account owner"), group="owner_user_id"),
        ListColumn("zone", N_("Zone"), group="zone_id"),
        ListColumn("industry", N_("Industry"), group="industry", default=False),
        ListColumn("phone", N_("Phone"), default=False),
        ListColumn(
            "trailing_revenue",
            N_("Trailing 12-month revenue"),
            kind="money",
            sort="trailing_revenue",
            sort_type=Decimal,
        ),
        ListColumn(
            "created_at", N_("Created"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-created_at",
    filters=("kind", "status", "tier", "owner_user_id", "zone_id", "org_unit_id", "q"),
)
#: The money columns group rows add up.
ACCOUNT_SUMS = {"trailing_revenue": "trailing_revenue"}

#: The driver returns enums as their text; a dict lookup is much cheaper than ``Enum(value)``.
_KINDS = {member.value: member for member in AccountKind}
_STATUSES = {member.value: member for member in AccountStatus}
_TIERS: dict[str | None, Tier | None] = {None: None, **{member.value: member for member in Tier}}


def _summary(row: Any) -> AccountSummary:
    row_id, code, name, kind, status, tier, revenue, owner, zone, unit, industry, phone, created, version = (
        row
    )
    return AccountSummary(
        row_id,
        code,
        name,
        _KINDS[kind],
        _STATUSES[status],
        _TIERS[tier],
        revenue,
        owner,
        zone,
        unit,
        industry,
        phone,
        created,
        version,
    )


def account_view(account: Account) -> AccountOut:
    """An account row as the view the API and the pages show."""
    return msgspec.convert(account, AccountOut, from_attributes=True)


def account_conditions(ctx: Context, filters: AccountFilters) -> SqlWhere:
    """The filters as SQL conditions on ``crm_accounts`` (search: the account's code, name or
    phone, or one of its contacts' names or phones, containing ``q`` in any case)."""
    where = SqlWhere(ctx.tenant_id)
    for name, value in (
        ("kind", filters.kind),
        ("status", filters.status),
        ("tier", filters.tier),
        ("owner_user_id", filters.owner_user_id),
        ("zone_id", filters.zone_id),
        ("org_unit_id", filters.org_unit_id),
    ):
        if value is not None:
            where.where(f"{name} = {{}}", value)
    if filters.q and filters.q.strip():
        pattern = contains_pattern(filters.q)
        where.where(_SEARCH_CONDITION, pattern)
    return where


async def account_list(
    ctx: Context, filters: AccountFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[AccountSummary], int | None]:
    """A page of accounts in the state's order (keyset on the sort key and id), with the total
    the filters leave when ``count`` is asked.

    The hot list: plain SQL with bound parameters on the request's own connection (same
    transaction, same row-level security), no ORM entities; rows become
    :class:`AccountSummary` structs directly.
    """
    where = account_conditions(ctx, filters)
    page = await fetch_page(
        ctx,
        ACCOUNT_LIST,
        state,
        select=_SUMMARY_COLUMNS,
        source="crm_accounts",
        where=where,
        row=_summary,
        limit=limit,
    )
    total = await count_rows(ctx, source="crm_accounts", where=where) if count else None
    return page, total


async def account_groups(ctx: Context, filters: AccountFilters, state: ListState) -> list[GroupTotal]:
    """The grouped list's groups: accounts and trailing revenue per group, all pages."""
    where = account_conditions(ctx, filters)
    return await group_totals(ctx, ACCOUNT_LIST, state, source="crm_accounts", where=where, sums=ACCOUNT_SUMS)


async def list_accounts(
    ctx: Context, filters: AccountFilters = _NO_FILTERS, *, limit: int, cursor: str | None
) -> tuple[list[AccountSummary], str | None]:
    """Return a page of accounts, newest first (the default view of :func:`account_list`)."""
    state = list_state(ACCOUNT_LIST, {"cursor": cursor} if cursor else {})
    page, _total = await account_list(ctx, filters, state, limit=limit)
    return page.items, page.next_cursor


async def search_accounts(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's account hits: the account list's search (name, code, phone, contacts),
    newest first."""
    items, _next = await list_accounts(ctx, AccountFilters(q=text), limit=limit, cursor=None)
    return [SearchHit(title=a.name, href=f"/crm/accounts/{a.id}", detail=a.code) for a in items]


async def bulk_change_accounts(ctx: Context, data: AccountBulk) -> AccountBulkResult:
    """Assign, archive or restore several accounts, all or nothing: an id that is not one of the
    tenant's accounts refuses the whole change (422 naming ``ids``); each account changed is
    audited on its own; accounts already as asked are left alone."""
    if data.action is AccountBulkAction.ASSIGN:
        if data.owner_user_id is None:
            raise ValidationProblem.for_field("owner_user_id", "required to assign accounts")
        await require_member(ctx, data.owner_user_id, field="owner_user_id")
    wanted = set(data.ids)
    rows = (
        await ctx.session.scalars(select(Account).where(Account.id.in_(wanted)).order_by(Account.id))
    ).all()
    missing = wanted - {row.id for row in rows}
    if missing:
        raise ValidationProblem.for_field("ids", f"{len(missing)} of the ids are not accounts of this tenant")
    if data.action is AccountBulkAction.RESTORE:
        restoring = sum(1 for row in rows if row.status is not AccountStatus.ACTIVE)
        if restoring:
            await ctx.check_limit(ACCOUNTS_LIMIT, adding=restoring)
    changed = 0
    for account in rows:
        before = snapshot(account)
        if data.action is AccountBulkAction.ASSIGN:
            if account.owner_user_id == data.owner_user_id:
                continue
            account.owner_user_id = data.owner_user_id
            action = "crm.account.updated"
        else:
            status = (
                AccountStatus.ARCHIVED if data.action is AccountBulkAction.ARCHIVE else AccountStatus.ACTIVE
            )
            if account.status is status:
                continue
            account.status = status
            action = "crm.account.archived" if status is AccountStatus.ARCHIVED else "crm.account.restored"
        await _save_account(ctx, account, before, action)
        changed += 1
    return AccountBulkResult(changed=changed, unchanged=len(rows) - changed)


#: The plan limit active accounts count against (the CRM's usage meter, read by billing).
ACCOUNTS_LIMIT = "accounts"


async def count_active_accounts(session: AsyncSession) -> int:
    """The session's tenant's active accounts: what the plan's ``accounts`` limit counts (archived
    accounts are kept for history and do not count; restoring one counts again)."""
    found = await session.scalar(
        select(func.count()).select_from(Account).where(Account.status == AccountStatus.ACTIVE)
    )
    return int(found or 0)


async def _account(ctx: Context, account_id: uuid.UUID) -> Account:
    return await fetch(ctx.session, Account, account_id, what="account")


async def get_account(ctx: Context, account_id: uuid.UUID) -> AccountOut:
    """Return one account or 404."""
    return account_view(await _account(ctx, account_id))


async def require_account(ctx: Context, account_id: uuid.UUID) -> None:
    """404 unless the account is the tenant's (for lists under an account)."""
    await _account(ctx, account_id)


async def _account_code_free(ctx: Context, code: str, *, other_than: uuid.UUID | None = None) -> None:
    statement = select(Account.id).where(Account.code == code)
    if other_than is not None:
        statement = statement.where(Account.id != other_than)
    if await ctx.session.scalar(statement) is not None:
        raise ConflictProblem.for_field("code", "an account with this code already exists")


async def create_account(ctx: Context, data: AccountCreate) -> AccountOut:
    """Create an account (code unique in the tenant; owner a member; zone and org unit the tenant's)."""
    await _account_code_free(ctx, data.code)
    if data.org_unit_id is not None:
        await check_org_unit(ctx, data.org_unit_id)
    if data.owner_user_id is not None:
        await require_member(ctx, data.owner_user_id, field="owner_user_id")
    if data.zone_id is not None:
        await check_zone(ctx, data.zone_id)
    await ctx.check_limit(ACCOUNTS_LIMIT)
    account = Account(**msgspec.structs.asdict(data), trailing_revenue=Decimal("0.00"))
    ctx.session.add(account)
    await ctx.session.flush()
    after = snapshot(account)
    ctx.audit("crm.account.created", account, after=after)
    await emit_event(ctx, "crm.account.created", after)
    return account_view(account)


async def update_account(
    ctx: Context, account_id: uuid.UUID, data: AccountUpdate, if_match: str | None
) -> AccountOut:
    """Change an account's details, owner, zone or org unit (``null`` clears an optional field)."""
    account = await _account(ctx, account_id)
    check_version(account, if_match)
    before = snapshot(account)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    if "code" in changes and changes["code"] != account.code:
        await _account_code_free(ctx, changes["code"], other_than=account.id)
    if changes.get("org_unit_id") is not None and changes["org_unit_id"] != account.org_unit_id:
        await check_org_unit(ctx, changes["org_unit_id"])
    if changes.get("owner_user_id") is not None and changes["owner_user_id"] != account.owner_user_id:
        await require_member(ctx, changes["owner_user_id"], field="owner_user_id")
    if changes.get("zone_id") is not None and changes["zone_id"] != account.zone_id:
        await check_zone(ctx, changes["zone_id"])
    for name, value in changes.items():
        setattr(account, name, value)
    return await _save_account(ctx, account, before, "crm.account.updated")


async def _save_account(ctx: Context, account: Account, before: dict[str, Any], action: str) -> AccountOut:
    account.updated_at = utcnow()  # bumps the version even when nothing else changed
    await ctx.session.flush()
    after = snapshot(account)
    ctx.audit(action, account, before=before, after=after)
    await emit_event(ctx, "crm.account.updated", after)
    return account_view(account)


async def set_account_status(
    ctx: Context, account_id: uuid.UUID, status: AccountStatus, if_match: str | None
) -> AccountOut:
    """Archive or restore an account (archived accounts are kept for history)."""
    account = await _account(ctx, account_id)
    check_version(account, if_match)
    if account.status is status:
        raise ConflictProblem(f"The account is already {status.value}.")
    if status is AccountStatus.ACTIVE:
        await ctx.check_limit(ACCOUNTS_LIMIT)
    before = snapshot(account)
    account.status = status
    action = "crm.account.archived" if status is AccountStatus.ARCHIVED else "crm.account.restored"
    return await _save_account(ctx, account, before, action)


async def delete_account(ctx: Context, account_id: uuid.UUID, if_match: str | None) -> None:
    """Delete an account nothing refers to (contacts, activities, deals, revenue, tickets...)."""
    account = await _account(ctx, account_id)
    check_version(account, if_match)
    holders = await referenced_by(ctx, Account.__tablename__, account.id)
    if holders:
        raise ConflictProblem(
            f"Account {account.code} still has {', '.join(holders)}; archive it instead of deleting it."
        )
    before = snapshot(account)
    await ctx.session.delete(account)
    await ctx.session.flush()
    ctx.audit("crm.account.deleted", account, before=before, target_id=account_id)
