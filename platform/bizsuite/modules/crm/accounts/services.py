"""Accounts workflows: zones, accounts (with the fast list), contacts, activities, the timeline."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import Table as SqlTable
from sqlalchemy import and_, exists, select, tuple_, update

from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import Base, utcnow
from bizsuite.core.errors import (
    ConflictProblem,
    ForbiddenProblem,
    ValidationProblem,
)
from bizsuite.core.identity.models import Membership, User
from bizsuite.core.identity.services import require_member
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.pagination import decode_cursor, encode_cursor
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.core.webhooks.services import emit_event
from bizsuite.modules.crm.accounts import rules
from bizsuite.modules.crm.accounts.schemas import (
    AccountCreate,
    AccountSummary,
    AccountUpdate,
    ActivityCreate,
    ActivityUpdate,
    ContactCreate,
    ContactUpdate,
    TimelineEvent,
    ZoneCreate,
    ZoneUpdate,
)
from bizsuite.modules.crm.models import (
    Account,
    AccountKind,
    AccountStatus,
    Activity,
    Contact,
    Opportunity,
    PipelineStage,
    StageKind,
    Tier,
    Zone,
)
from bizsuite.modules.crm.tickets.services import ticket_timeline_events

# ---------------------------------------------------------------------------------------------
# Shared checks


async def _check_org_unit(ctx: Context, org_unit_id: uuid.UUID) -> None:
    await fetch_reference(ctx.session, OrgUnit, org_unit_id, field="org_unit_id")


def _referencing(target: str) -> list[tuple[SqlTable, Any]]:
    """Every table with a composite foreign key to ``target`` and the referencing column.

    Read from the metadata, so tables added later (tickets, contracts) count without a change here.
    """
    found: list[tuple[SqlTable, Any]] = []
    for table in Base.metadata.sorted_tables:
        for constraint in table.foreign_key_constraints:
            if constraint.referred_table.name != target:
                continue
            columns = [c for c in constraint.columns if c.name != "tenant_id"]
            if len(columns) == 1:
                found.append((table, columns[0]))
    return found


async def _referenced_by(ctx: Context, target: str, row_id: uuid.UUID) -> list[str]:
    """Names of the tables holding rows that reference ``row_id`` (one EXISTS per table)."""
    holders: list[str] = []
    for table, column in _referencing(target):
        statement = select(exists().where(table.c.tenant_id == ctx.tenant_id, column == row_id))
        if await ctx.session.scalar(statement):
            holders.append(table.name.removeprefix("crm_").replace("_", " "))
    return holders


# ---------------------------------------------------------------------------------------------
# Zones


async def list_zones(ctx: Context, *, limit: int, cursor: str | None) -> tuple[list[Zone], str | None]:
    """Return a page of the tenant's zones, oldest first."""
    return await list_page(ctx.session, select(Zone), Zone, limit=limit, cursor=cursor)


async def get_zone(ctx: Context, zone_id: uuid.UUID) -> Zone:
    """Return one zone or 404."""
    return await fetch(ctx.session, Zone, zone_id, what="zone")


async def _zone_code_free(ctx: Context, code: str, *, other_than: uuid.UUID | None = None) -> None:
    statement = select(Zone.id).where(Zone.code == code)
    if other_than is not None:
        statement = statement.where(Zone.id != other_than)
    if await ctx.session.scalar(statement) is not None:
        raise ConflictProblem.for_field("code", "a zone with this code already exists")


async def create_zone(ctx: Context, data: ZoneCreate) -> Zone:
    """Create a zone; its owner (片区管家) must be a tenant member."""
    await _zone_code_free(ctx, data.code)
    if data.org_unit_id is not None:
        await _check_org_unit(ctx, data.org_unit_id)
    if data.owner_user_id is not None:
        await require_member(ctx, data.owner_user_id, field="owner_user_id")
    zone = Zone(
        code=data.code, name=data.name, org_unit_id=data.org_unit_id, owner_user_id=data.owner_user_id
    )
    ctx.session.add(zone)
    await ctx.session.flush()
    ctx.audit("crm_zone.created", zone, after=snapshot(zone))
    return zone


async def update_zone(ctx: Context, zone_id: uuid.UUID, data: ZoneUpdate, if_match: str | None) -> Zone:
    """Change a zone's code, name, org unit or owner."""
    zone = await get_zone(ctx, zone_id)
    check_version(zone, if_match)
    before = snapshot(zone)
    if not isinstance(data.code, msgspec.UnsetType) and data.code != zone.code:
        await _zone_code_free(ctx, data.code, other_than=zone.id)
        zone.code = data.code
    if not isinstance(data.name, msgspec.UnsetType):
        zone.name = data.name
    if not isinstance(data.org_unit_id, msgspec.UnsetType):
        if data.org_unit_id is not None:
            await _check_org_unit(ctx, data.org_unit_id)
        zone.org_unit_id = data.org_unit_id
    if not isinstance(data.owner_user_id, msgspec.UnsetType):
        if data.owner_user_id is not None:
            await require_member(ctx, data.owner_user_id, field="owner_user_id")
        zone.owner_user_id = data.owner_user_id
    zone.updated_at = utcnow()
    await ctx.session.flush()
    ctx.audit("crm_zone.updated", zone, before=before, after=snapshot(zone))
    return zone


async def delete_zone(ctx: Context, zone_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a zone no account (or ticket) is in."""
    zone = await get_zone(ctx, zone_id)
    check_version(zone, if_match)
    holders = await _referenced_by(ctx, Zone.__tablename__, zone.id)
    if holders:
        raise ConflictProblem(
            f"Zone {zone.code} is still used by {', '.join(holders)}; move them to another zone first."
        )
    before = snapshot(zone)
    await ctx.session.delete(zone)
    await ctx.session.flush()
    ctx.audit("crm_zone.deleted", zone, before=before, target_id=zone_id)


# ---------------------------------------------------------------------------------------------
# Accounts


def _account_payload(account: Account) -> dict[str, Any]:
    return snapshot(account)


#: The list's SQL, run as written on the request's connection (see :func:`list_accounts`); its
#: columns are in :class:`AccountSummary` field order (rows become structs positionally).
_SUMMARY_SQL = (
    "SELECT id, code, name, kind, status, tier, trailing_revenue, owner_user_id, zone_id,"
    " org_unit_id, industry, phone, created_at, version FROM crm_accounts WHERE tenant_id = $1"
)
_LIKE_ESCAPE = str.maketrans({"/": "//", "%": "/%", "_": "/_"})


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


async def list_accounts(
    ctx: Context,
    *,
    limit: int,
    cursor: str | None,
    kind: AccountKind | None = None,
    status: AccountStatus | None = None,
    tier: Tier | None = None,
    owner_user_id: uuid.UUID | None = None,
    zone_id: uuid.UUID | None = None,
    org_unit_id: uuid.UUID | None = None,
    q: str | None = None,
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
        ("kind", kind),
        ("status", status),
        ("tier", tier),
        ("owner_user_id", owner_user_id),
        ("zone_id", zone_id),
        ("org_unit_id", org_unit_id),
    ):
        if value is not None:
            where(f"{name} = {{}}", value)
    if q:
        where("(name LIKE {0} ESCAPE '/' OR code LIKE {0} ESCAPE '/')", q.translate(_LIKE_ESCAPE) + "%")
    if cursor:
        where("(created_at, id) < ({}, {})", *decode_cursor(cursor))
    sql.append(f" ORDER BY created_at DESC, id DESC LIMIT ${len(params) + 1}")
    params.append(limit + 1)
    connection = await ctx.session.connection()
    rows = (await connection.exec_driver_sql("".join(sql), tuple(params))).all()
    items = [_summary(row) for row in rows[:limit]]
    if len(rows) <= limit or not items:
        return items, None
    return items, encode_cursor(items[-1].created_at, items[-1].id)


async def get_account(ctx: Context, account_id: uuid.UUID) -> Account:
    """Return one account or 404."""
    return await fetch(ctx.session, Account, account_id, what="account")


async def _account_code_free(ctx: Context, code: str, *, other_than: uuid.UUID | None = None) -> None:
    statement = select(Account.id).where(Account.code == code)
    if other_than is not None:
        statement = statement.where(Account.id != other_than)
    if await ctx.session.scalar(statement) is not None:
        raise ConflictProblem.for_field("code", "an account with this code already exists")


async def _check_zone(ctx: Context, zone_id: uuid.UUID) -> None:
    await fetch_reference(ctx.session, Zone, zone_id, field="zone_id")


async def create_account(ctx: Context, data: AccountCreate) -> Account:
    """Create an account (code unique in the tenant; owner a member; zone and org unit the tenant's)."""
    await _account_code_free(ctx, data.code)
    if data.org_unit_id is not None:
        await _check_org_unit(ctx, data.org_unit_id)
    if data.owner_user_id is not None:
        await require_member(ctx, data.owner_user_id, field="owner_user_id")
    if data.zone_id is not None:
        await _check_zone(ctx, data.zone_id)
    account = Account(**msgspec.structs.asdict(data), trailing_revenue=Decimal("0.00"))
    ctx.session.add(account)
    await ctx.session.flush()
    after = _account_payload(account)
    ctx.audit("crm_account.created", account, after=after)
    await emit_event(ctx, "crm.account.created", after)
    return account


async def update_account(
    ctx: Context, account_id: uuid.UUID, data: AccountUpdate, if_match: str | None
) -> Account:
    """Change an account's details, owner, zone or org unit."""
    account = await get_account(ctx, account_id)
    check_version(account, if_match)
    before = _account_payload(account)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    if "code" in changes and changes["code"] != account.code:
        await _account_code_free(ctx, changes["code"], other_than=account.id)
    if changes.get("org_unit_id") is not None and changes["org_unit_id"] != account.org_unit_id:
        await _check_org_unit(ctx, changes["org_unit_id"])
    if changes.get("owner_user_id") is not None and changes["owner_user_id"] != account.owner_user_id:
        await require_member(ctx, changes["owner_user_id"], field="owner_user_id")
    if changes.get("zone_id") is not None and changes["zone_id"] != account.zone_id:
        await _check_zone(ctx, changes["zone_id"])
    for name, value in changes.items():
        setattr(account, name, value)
    return await _save_account(ctx, account, before, "crm_account.updated")


async def _save_account(ctx: Context, account: Account, before: dict[str, Any], action: str) -> Account:
    account.updated_at = utcnow()  # bumps the version even when nothing else changed
    await ctx.session.flush()
    after = _account_payload(account)
    ctx.audit(action, account, before=before, after=after)
    await emit_event(ctx, "crm.account.updated", after)
    return account


async def set_account_status(
    ctx: Context, account_id: uuid.UUID, status: AccountStatus, if_match: str | None
) -> Account:
    """Archive or restore an account (archived accounts are kept for history)."""
    account = await get_account(ctx, account_id)
    check_version(account, if_match)
    if account.status is status:
        raise ConflictProblem(f"The account is already {status.value}.")
    before = _account_payload(account)
    account.status = status
    action = "crm_account.archived" if status is AccountStatus.ARCHIVED else "crm_account.restored"
    return await _save_account(ctx, account, before, action)


async def delete_account(ctx: Context, account_id: uuid.UUID, if_match: str | None) -> None:
    """Delete an account nothing refers to (contacts, activities, deals, revenue, tickets...)."""
    account = await get_account(ctx, account_id)
    check_version(account, if_match)
    holders = await _referenced_by(ctx, Account.__tablename__, account.id)
    if holders:
        raise ConflictProblem(
            f"Account {account.code} still has {', '.join(holders)}; archive it instead of deleting it."
        )
    before = _account_payload(account)
    await ctx.session.delete(account)
    await ctx.session.flush()
    ctx.audit("crm_account.deleted", account, before=before, target_id=account_id)


async def member_choices(ctx: Context) -> list[tuple[uuid.UUID, str]]:
    """The tenant's members as ``(user id, name)`` for owner pickers, by name."""
    rows = await ctx.session.execute(
        select(User.id, User.name)
        .join(Membership, Membership.user_id == User.id)
        .order_by(User.name)
        .limit(500)
    )
    return [(row.id, row.name) for row in rows]


async def zone_names(ctx: Context, zone_ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """Names of the given zones (one query)."""
    wanted = {z for z in zone_ids if z is not None}
    if not wanted:
        return {}
    rows = await ctx.session.execute(select(Zone.id, Zone.name).where(Zone.id.in_(wanted)))
    return {row.id: row.name for row in rows}


# ---------------------------------------------------------------------------------------------
# Contacts


async def list_contacts(
    ctx: Context, account_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[Contact], str | None]:
    """Return a page of an account's contacts, oldest first."""
    await get_account(ctx, account_id)
    statement = select(Contact).where(Contact.account_id == account_id)
    return await list_page(ctx.session, statement, Contact, limit=limit, cursor=cursor)


async def get_contact(ctx: Context, contact_id: uuid.UUID) -> Contact:
    """Return one contact or 404."""
    return await fetch(ctx.session, Contact, contact_id, what="contact")


async def _demote_primary(ctx: Context, account_id: uuid.UUID, *, keep: uuid.UUID | None) -> None:
    """One primary contact per account: the others lose the flag (their version moves on)."""
    others = await ctx.session.scalars(
        select(Contact).where(Contact.account_id == account_id, Contact.is_primary.is_(True))
    )
    for contact in others:
        if contact.id != keep:
            contact.is_primary = False
    await ctx.session.flush()


async def create_contact(ctx: Context, account_id: uuid.UUID, data: ContactCreate) -> Contact:
    """Add a contact to an account."""
    await get_account(ctx, account_id)
    if data.is_primary:
        await _demote_primary(ctx, account_id, keep=None)
    contact = Contact(account_id=account_id, **msgspec.structs.asdict(data))
    ctx.session.add(contact)
    await ctx.session.flush()
    ctx.audit("crm_contact.created", contact, after=snapshot(contact))
    return contact


async def update_contact(
    ctx: Context, contact_id: uuid.UUID, data: ContactUpdate, if_match: str | None
) -> Contact:
    """Change a contact; making it primary demotes the account's previous primary contact."""
    contact = await get_contact(ctx, contact_id)
    check_version(contact, if_match)
    before = snapshot(contact)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    if changes.get("is_primary") is True and not contact.is_primary:
        await _demote_primary(ctx, contact.account_id, keep=contact.id)
    for name, value in changes.items():
        setattr(contact, name, value)
    contact.updated_at = utcnow()
    await ctx.session.flush()
    ctx.audit("crm_contact.updated", contact, before=before, after=snapshot(contact))
    return contact


async def delete_contact(ctx: Context, contact_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a contact; its activities stay on the account, no longer naming it."""
    contact = await get_contact(ctx, contact_id)
    check_version(contact, if_match)
    before = snapshot(contact)
    # There is no ON DELETE SET NULL on the composite key: detach the activities first.
    await ctx.session.execute(
        update(Activity)
        .where(Activity.contact_id == contact.id)
        .values(contact_id=None, version=Activity.version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    await ctx.session.delete(contact)
    await ctx.session.flush()
    ctx.audit("crm_contact.deleted", contact, before=before, target_id=contact_id)


async def contact_names(ctx: Context, contact_ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """Names of the given contacts (one query)."""
    wanted = {c for c in contact_ids if c is not None}
    if not wanted:
        return {}
    rows = await ctx.session.execute(select(Contact.id, Contact.name).where(Contact.id.in_(wanted)))
    return {row.id: row.name for row in rows}


# ---------------------------------------------------------------------------------------------
# Activities


async def list_activities(
    ctx: Context, account_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[Activity], str | None]:
    """Return a page of an account's activities, latest first (keyset on ``occurred_at``)."""
    await get_account(ctx, account_id)
    statement = select(Activity).where(Activity.account_id == account_id)
    if cursor:
        statement = statement.where(
            tuple_(Activity.occurred_at, Activity.id) < tuple_(*decode_cursor(cursor))
        )
    statement = statement.order_by(Activity.occurred_at.desc(), Activity.id.desc()).limit(limit + 1)
    rows = list((await ctx.session.scalars(statement)).all())
    items = rows[:limit]
    if len(rows) <= limit or not items:
        return items, None
    return items, encode_cursor(items[-1].occurred_at, items[-1].id)


async def get_activity(ctx: Context, activity_id: uuid.UUID) -> Activity:
    """Return one activity or 404."""
    return await fetch(ctx.session, Activity, activity_id, what="activity")


async def _check_contact_of(ctx: Context, account_id: uuid.UUID, contact_id: uuid.UUID) -> None:
    contact = await fetch_reference(ctx.session, Contact, contact_id, field="contact_id")
    if contact.account_id != account_id:
        raise ValidationProblem.for_field("contact_id", "the contact belongs to another account")


def _author(ctx: Context) -> tuple[uuid.UUID | None, str]:
    principal = ctx.principal
    name = principal.user.name if principal.user is not None else principal.label
    return principal.user_id, (name or principal.kind.value)[:200]


def _checked_time(when: datetime) -> datetime:
    problem = rules.occurred_at_problem(when, utcnow())
    if problem:
        raise ValidationProblem.for_field("occurred_at", problem)
    return when


async def create_activity(ctx: Context, account_id: uuid.UUID, data: ActivityCreate) -> Activity:
    """Record a call, visit or note with the signed-in user (or API key) as its author."""
    await get_account(ctx, account_id)
    if data.contact_id is not None:
        await _check_contact_of(ctx, account_id, data.contact_id)
    author_user_id, author_label = _author(ctx)
    activity = Activity(
        account_id=account_id,
        contact_id=data.contact_id,
        kind=data.kind,
        subject=data.subject,
        body=data.body,
        occurred_at=_checked_time(data.occurred_at) if data.occurred_at is not None else utcnow(),
        author_user_id=author_user_id,
        author_label=author_label,
    )
    ctx.session.add(activity)
    await ctx.session.flush()
    ctx.audit("crm_activity.created", activity, after=snapshot(activity))
    return activity


def _may_edit(ctx: Context, activity: Activity) -> None:
    if not rules.may_edit_activity(
        role=ctx.principal.role,
        user_id=ctx.principal.user_id,
        label=ctx.principal.label,
        author_user_id=activity.author_user_id,
        author_label=activity.author_label,
    ):
        raise ForbiddenProblem("Only the author or a manager can change this activity.")


async def update_activity(
    ctx: Context, activity_id: uuid.UUID, data: ActivityUpdate, if_match: str | None
) -> Activity:
    """Change an activity (its author or a manager and above)."""
    activity = await get_activity(ctx, activity_id)
    _may_edit(ctx, activity)
    check_version(activity, if_match)
    before = snapshot(activity)
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    if changes.get("contact_id") is not None:
        await _check_contact_of(ctx, activity.account_id, changes["contact_id"])
    if "occurred_at" in changes:
        _checked_time(changes["occurred_at"])
    for name, value in changes.items():
        setattr(activity, name, value)
    activity.updated_at = utcnow()
    await ctx.session.flush()
    ctx.audit("crm_activity.updated", activity, before=before, after=snapshot(activity))
    return activity


async def delete_activity(ctx: Context, activity_id: uuid.UUID, if_match: str | None) -> None:
    """Delete an activity (its author or a manager and above)."""
    activity = await get_activity(ctx, activity_id)
    _may_edit(ctx, activity)
    check_version(activity, if_match)
    before = snapshot(activity)
    await ctx.session.delete(activity)
    await ctx.session.flush()
    ctx.audit("crm_activity.deleted", activity, before=before, target_id=activity_id)


# ---------------------------------------------------------------------------------------------
# Timeline: a newest-first merge of per-source queries

TimelineRows = list[tuple[rules.TimelineKey, TimelineEvent]]
#: ``(ctx, account_id, before, fetch)``: at most ``fetch`` entries with ``(time, id) <= before``.
TimelineSource = Callable[[Context, uuid.UUID, rules.TimelineKey | None, int], Awaitable[TimelineRows]]


def _up_to(time_column: Any, id_column: Any, before: rules.TimelineKey | None) -> Any:
    if before is None:
        return and_(True)
    return tuple_(time_column, id_column) <= tuple_(before[0], before[1])


async def _activity_events(
    ctx: Context, account_id: uuid.UUID, before: rules.TimelineKey | None, fetch_count: int
) -> TimelineRows:
    rows = await ctx.session.execute(
        select(
            Activity.id,
            Activity.occurred_at,
            Activity.kind,
            Activity.subject,
            Activity.body,
            Activity.author_label,
        )
        .where(Activity.account_id == account_id, _up_to(Activity.occurred_at, Activity.id, before))
        .order_by(Activity.occurred_at.desc(), Activity.id.desc())
        .limit(fetch_count)
    )
    return [
        (
            (row.occurred_at, row.id, "activity"),
            TimelineEvent(
                kind="activity",
                source_id=row.id,
                occurred_at=row.occurred_at,
                title=row.subject,
                detail=row.body,
                actor=row.author_label,
                activity_kind=row.kind,
            ),
        )
        for row in rows
    ]


async def _opportunity_created_events(
    ctx: Context, account_id: uuid.UUID, before: rules.TimelineKey | None, fetch_count: int
) -> TimelineRows:
    rows = await ctx.session.execute(
        select(
            Opportunity.id, Opportunity.created_at, Opportunity.name, Opportunity.amount, Opportunity.currency
        )
        .where(
            Opportunity.account_id == account_id,
            _up_to(Opportunity.created_at, Opportunity.id, before),
        )
        .order_by(Opportunity.created_at.desc(), Opportunity.id.desc())
        .limit(fetch_count)
    )
    return [
        (
            (row.created_at, row.id, "opportunity_created"),
            TimelineEvent(
                kind="opportunity_created",
                source_id=row.id,
                occurred_at=row.created_at,
                title=row.name,
                amount=row.amount,
                currency=row.currency,
            ),
        )
        for row in rows
    ]


async def _opportunity_closed_events(
    ctx: Context, account_id: uuid.UUID, before: rules.TimelineKey | None, fetch_count: int
) -> TimelineRows:
    rows = await ctx.session.execute(
        select(
            Opportunity.id,
            Opportunity.closed_at,
            Opportunity.name,
            Opportunity.amount,
            Opportunity.currency,
            Opportunity.close_reason,
            PipelineStage.kind,
        )
        .join(
            PipelineStage,
            and_(PipelineStage.tenant_id == Opportunity.tenant_id, PipelineStage.id == Opportunity.stage_id),
        )
        .where(
            Opportunity.account_id == account_id,
            Opportunity.closed_at.is_not(None),
            PipelineStage.kind.in_([StageKind.WON, StageKind.LOST]),
            _up_to(Opportunity.closed_at, Opportunity.id, before),
        )
        .order_by(Opportunity.closed_at.desc(), Opportunity.id.desc())
        .limit(fetch_count)
    )
    events: TimelineRows = []
    for row in rows:
        kind = "opportunity_won" if row.kind is StageKind.WON else "opportunity_lost"
        events.append(
            (
                (row.closed_at, row.id, kind),
                TimelineEvent(
                    kind=kind,
                    source_id=row.id,
                    occurred_at=row.closed_at,
                    title=row.name,
                    detail=row.close_reason,
                    amount=row.amount,
                    currency=row.currency,
                ),
            )
        )
    return events


#: The timeline's sources. Another area adds its entries with one line here (the tickets area:
#: ``tickets.services.ticket_timeline_events``), a function of the same shape as these.
TIMELINE_SOURCES: tuple[TimelineSource, ...] = (
    _activity_events,
    _opportunity_created_events,
    _opportunity_closed_events,
    ticket_timeline_events,
)


async def account_timeline(
    ctx: Context, account_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[TimelineEvent], str | None]:
    """Return a page of the account's timeline (activities, deals opened, won and lost), newest first."""
    await get_account(ctx, account_id)
    after: rules.TimelineKey | None = None
    if cursor:
        try:
            after = rules.decode_timeline_cursor(cursor)
        except rules.InvalidCursorError as exc:
            raise ValidationProblem.for_field("cursor", "invalid cursor", source="query") from exc
    # A few extra rows per source: entries at the cursor's exact (time, id) are dropped by the merge.
    fetch_count = limit + 3
    sources = [await source(ctx, account_id, after, fetch_count) for source in TIMELINE_SOURCES]
    events, next_key = rules.merge_newest_first(sources, limit=limit, after=after)
    return events, rules.encode_timeline_cursor(next_key) if next_key else None
