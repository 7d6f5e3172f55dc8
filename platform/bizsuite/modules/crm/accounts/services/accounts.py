"""Accounts: the fast list, one account, its lifecycle, and the pickers and search other pages use."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ConflictProblem
from bizsuite.core.identity.models import Membership, User
from bizsuite.core.identity.services import require_member
from bizsuite.core.pagination import decode_cursor, page_of
from bizsuite.core.repository import check_version, fetch
from bizsuite.core.webhooks.services import emit_event
from bizsuite.kit import SearchHit
from bizsuite.modules.crm.accounts.schemas import (
    AccountCreate,
    AccountFilters,
    AccountOut,
    AccountSummary,
    AccountUpdate,
)
from bizsuite.modules.crm.accounts.services._shared import check_org_unit, referenced_by
from bizsuite.modules.crm.accounts.services.zones import check_zone
from bizsuite.modules.crm.models import Account, AccountKind, AccountStatus, Tier

#: The list's SQL, run as written on the request's connection (see :func:`list_accounts`); its
#: columns are in :class:`AccountSummary` field order (rows become structs positionally).
_SUMMARY_SQL = (
    "SELECT id, code, name, kind, status, tier, trailing_revenue, owner_user_id, zone_id,"
    " org_unit_id, industry, phone, created_at, version FROM crm_accounts WHERE tenant_id = $1"
)
_LIKE_ESCAPE = str.maketrans({"/": "//", "%": "/%", "_": "/_"})
_NO_FILTERS = AccountFilters()

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


async def list_accounts(
    ctx: Context, filters: AccountFilters = _NO_FILTERS, *, limit: int, cursor: str | None
) -> tuple[list[AccountSummary], str | None]:
    """Return a page of accounts, newest first.

    The hot list: one ``SELECT`` of the summary columns, keyset on the
    ``(tenant_id, created_at, id)`` index (deep pages cost what the first does), no ORM entities,
    no count; rows become :class:`AccountSummary` structs directly. It runs as plain SQL with
    bound parameters on the request's own connection (same transaction, same row-level
    security): building, caching and processing a Core statement cost more than the query.
    """
    sql = [_SUMMARY_SQL]
    # The explicit tenant condition (besides row-level security) lets the planner use the index.
    params: list[Any] = [ctx.tenant_id]

    def where(condition: str, *values: Any) -> None:
        sql.append(" AND " + condition.format(*(f"${len(params) + i + 1}" for i in range(len(values)))))
        params.extend(values)

    for name, value in (
        ("kind", filters.kind),
        ("status", filters.status),
        ("tier", filters.tier),
        ("owner_user_id", filters.owner_user_id),
        ("zone_id", filters.zone_id),
        ("org_unit_id", filters.org_unit_id),
    ):
        if value is not None:
            where(f"{name} = {{}}", value)
    if filters.q:
        where(
            "(name LIKE {0} ESCAPE '/' OR code LIKE {0} ESCAPE '/')", filters.q.translate(_LIKE_ESCAPE) + "%"
        )
    if cursor:
        where("(created_at, id) < ({}, {})", *decode_cursor(cursor))
    sql.append(f" ORDER BY created_at DESC, id DESC LIMIT ${len(params) + 1}")
    params.append(limit + 1)
    connection = await ctx.session.connection()
    rows = (await connection.exec_driver_sql("".join(sql), tuple(params))).all()
    return page_of([_summary(row) for row in rows], limit)


async def search_accounts(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's account hits: name or code beginning with ``text``, newest first."""
    prefix = text.replace("\x00", "").strip()[:200]
    if not prefix:
        return []
    items, _next = await list_accounts(ctx, AccountFilters(q=prefix), limit=limit, cursor=None)
    return [SearchHit(title=a.name, href=f"/crm/accounts/{a.id}", detail=a.code) for a in items]


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


async def member_choices(ctx: Context) -> list[tuple[uuid.UUID, str]]:
    """The tenant's members as ``(user id, name)`` for owner pickers, by name."""
    rows = await ctx.session.execute(
        select(User.id, User.name)
        .join(Membership, Membership.user_id == User.id)
        .order_by(User.name)
        .limit(500)
    )
    return [(row.id, row.name) for row in rows]
