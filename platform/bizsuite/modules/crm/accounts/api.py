"""CRM accounts: API controllers (tag `crm`): zones, accounts, contacts, activities, timeline."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.identity.models import Role
from bizsuite.core.openapi import problems
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.modules.crm.accounts import services
from bizsuite.modules.crm.accounts.schemas import (
    AccountBulk,
    AccountBulkResult,
    AccountCreate,
    AccountFilters,
    AccountOut,
    AccountPage,
    AccountUpdate,
    ActivityCreate,
    ActivityOut,
    ActivityPage,
    ActivityUpdate,
    ContactCreate,
    ContactOut,
    ContactPage,
    ContactUpdate,
    TimelinePage,
    ZoneCreate,
    ZoneOut,
    ZonePage,
    ZoneUpdate,
)
from bizsuite.modules.crm.models import AccountKind, AccountStatus, Tier
from bizsuite.web.lists import list_state

SearchParam = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        max_length=200,
        pattern=r"^[^\x00]*$",
        description="Text found anywhere in the account's name, code or phone, or a contact's name or "
        "phone, in any case (``明辉``, ``c-001``).",
    ),
]
SortParam = Annotated[
    str | None,
    QueryParameter(
        max_length=50,
        description="Sort column (``code``, ``name``, ``trailing_revenue``, ``created_at``); ``-`` first "
        "for descending. Default ``-created_at``; ties go by id.",
    ),
]
BeforeParam = Annotated[
    str | None,
    QueryParameter(
        max_length=200, description="Opaque cursor from a page's `previous_cursor`: the page before it."
    ),
]
CountParam = Annotated[
    bool, QueryParameter(description="Also count the accounts the filters leave (``total``).")
]


def account_filters(
    kind: FromQuery[AccountKind | None] = None,
    status: FromQuery[AccountStatus | None] = None,
    tier: FromQuery[Tier | None] = None,
    owner_user_id: FromQuery[uuid.UUID | None] = None,
    zone_id: FromQuery[uuid.UUID | None] = None,
    org_unit_id: FromQuery[uuid.UUID | None] = None,
    q: SearchParam = None,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
) -> AccountFilters:
    """The account list's filters from their typed query parameters (the API list, the accounts
    page and its export).

    ``limit`` and ``cursor`` belong to the handler; they are declared here too only so that a
    bad one is reported together with bad filters (Litestar checks a dependency's parameters
    before the handler's).
    """
    del limit, cursor
    return AccountFilters(
        kind=kind,
        status=status,
        tier=tier,
        owner_user_id=owner_user_id,
        zone_id=zone_id,
        org_unit_id=org_unit_id,
        q=q,
    )


#: Inject :func:`account_filters` as ``filters``; a handler declares ``filters: Filters``.
ACCOUNT_FILTERS = {"filters": Provide(account_filters, sync_to_thread=False)}
Filters = NamedDependency[AccountFilters]

#: Creating or restoring accounts beyond the plan's ``accounts`` limit (active accounts count).
ACCOUNTS_LIMIT_REACHED = problems(
    {
        402: "The plan's limit of active customer accounts is reached (`plan-limit-reached`: the limit and the usage)"
    }
)


class ZoneController(Controller):
    """Service zones (片区) and their stewards (片区管家)."""

    path = "/api/v1/crm/zones"
    tags = ["crm"]
    guards = [tenant_guard]

    @get(operation_id="list_crm_zones", summary="List zones")
    async def list_crm_zones(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> ZonePage:
        """List the tenant's zones, oldest first."""
        zones, next_cursor = await services.list_zones(ctx, limit=limit, cursor=cursor)
        return ZonePage(items=zones, next_cursor=next_cursor)

    @post(operation_id="create_crm_zone", summary="Create a zone", opt={"min_role": Role.MANAGER})
    async def create_crm_zone(self, ctx: Ctx, data: JSONBody[ZoneCreate]) -> ZoneOut:
        """Create a zone; its owner must be a member of the tenant."""
        return await services.create_zone(ctx, data)

    @get("/{zone_id:uuid}", operation_id="get_crm_zone", summary="Get a zone")
    async def get_crm_zone(self, ctx: Ctx, zone_id: FromPath[uuid.UUID]) -> ZoneOut:
        """Return one zone."""
        return await services.get_zone(ctx, zone_id)

    @patch(
        "/{zone_id:uuid}",
        operation_id="update_crm_zone",
        summary="Update a zone",
        opt={"min_role": Role.MANAGER},
    )
    async def update_crm_zone(
        self, ctx: Ctx, zone_id: FromPath[uuid.UUID], data: JSONBody[ZoneUpdate], if_match: IfMatch = None
    ) -> ZoneOut:
        """Change a zone's code, name, org unit or owner."""
        return await services.update_zone(ctx, zone_id, data, if_match)

    @delete(
        "/{zone_id:uuid}",
        operation_id="delete_crm_zone",
        summary="Delete a zone",
        opt={"min_role": Role.MANAGER},
    )
    async def delete_crm_zone(self, ctx: Ctx, zone_id: FromPath[uuid.UUID], if_match: IfMatch = None) -> None:
        """Delete a zone that no account is in."""
        await services.delete_zone(ctx, zone_id, if_match)


class AccountController(Controller):
    """Accounts: end customers, distributors and partners."""

    path = "/api/v1/crm/accounts"
    tags = ["crm"]
    guards = [tenant_guard]

    @get(operation_id="list_crm_accounts", summary="List accounts", dependencies=ACCOUNT_FILTERS)
    async def list_crm_accounts(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        before: BeforeParam = None,
        sort: SortParam = None,
        count: CountParam = False,
        *,
        filters: Filters,  # after the page parameters: the OpenAPI lists them first
    ) -> AccountPage:
        """List accounts, newest first or in the order ``sort`` names, filtered by kind, status,
        tier, owner, zone, org unit, or ``q`` found anywhere in names, codes, phones and contacts."""
        query = {"sort": sort, "cursor": cursor, "before": before}
        state = list_state(services.ACCOUNT_LIST, {k: v for k, v in query.items() if v}, strict=True)
        page, total = await services.account_list(ctx, filters, state, limit=limit, count=count)
        return AccountPage(
            items=page.items, next_cursor=page.next_cursor, previous_cursor=page.previous_cursor, total=total
        )

    @post(
        "/bulk",
        operation_id="update_crm_accounts",
        summary="Change several accounts",
        status_code=200,
        responses=ACCOUNTS_LIMIT_REACHED,
    )
    async def update_crm_accounts(self, ctx: Ctx, data: JSONBody[AccountBulk]) -> AccountBulkResult:
        """Assign an owner to, archive or restore several accounts at once, all or nothing
        (another tenant's or an unknown id refuses the whole change); each change is audited."""
        return await services.bulk_change_accounts(ctx, data)

    @post(operation_id="create_crm_account", summary="Create an account", responses=ACCOUNTS_LIMIT_REACHED)
    async def create_crm_account(self, ctx: Ctx, data: JSONBody[AccountCreate]) -> AccountOut:
        """Create an account; its code must be new in the tenant."""
        return await services.create_account(ctx, data)

    @get("/{account_id:uuid}", operation_id="get_crm_account", summary="Get an account")
    async def get_crm_account(self, ctx: Ctx, account_id: FromPath[uuid.UUID]) -> AccountOut:
        """Return one account with its tier and trailing revenue."""
        return await services.get_account(ctx, account_id)

    @patch("/{account_id:uuid}", operation_id="update_crm_account", summary="Update an account")
    async def update_crm_account(
        self,
        ctx: Ctx,
        account_id: FromPath[uuid.UUID],
        data: JSONBody[AccountUpdate],
        if_match: IfMatch = None,
    ) -> AccountOut:
        """Change an account's details, owner, zone or org unit."""
        return await services.update_account(ctx, account_id, data, if_match)

    @post(
        "/{account_id:uuid}/archive",
        operation_id="archive_crm_account",
        summary="Archive an account",
        status_code=200,
    )
    async def archive_crm_account(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> AccountOut:
        """Archive an account (kept for history, out of the active lists)."""
        return await services.set_account_status(ctx, account_id, AccountStatus.ARCHIVED, if_match)

    @post(
        "/{account_id:uuid}/restore",
        operation_id="restore_crm_account",
        summary="Restore an account",
        status_code=200,
        responses=ACCOUNTS_LIMIT_REACHED,
    )
    async def restore_crm_account(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> AccountOut:
        """Make an archived account active again."""
        return await services.set_account_status(ctx, account_id, AccountStatus.ACTIVE, if_match)

    @delete(
        "/{account_id:uuid}",
        operation_id="delete_crm_account",
        summary="Delete an account",
        opt={"min_role": Role.MANAGER},
    )
    async def delete_crm_account(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete an account nothing refers to; otherwise archive it."""
        await services.delete_account(ctx, account_id, if_match)

    @get(
        "/{account_id:uuid}/contacts",
        operation_id="list_crm_account_contacts",
        summary="List an account's contacts",
    )
    async def list_crm_account_contacts(
        self,
        ctx: Ctx,
        account_id: FromPath[uuid.UUID],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> ContactPage:
        """List the account's contacts, oldest first."""
        contacts, next_cursor = await services.list_contacts(ctx, account_id, limit=limit, cursor=cursor)
        return ContactPage(items=contacts, next_cursor=next_cursor)

    @post(
        "/{account_id:uuid}/contacts",
        operation_id="create_crm_contact",
        summary="Add a contact to an account",
    )
    async def create_crm_contact(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], data: JSONBody[ContactCreate]
    ) -> ContactOut:
        """Add a contact; a primary one replaces the account's previous primary contact."""
        return await services.create_contact(ctx, account_id, data)

    @get(
        "/{account_id:uuid}/activities",
        operation_id="list_crm_account_activities",
        summary="List an account's activities",
    )
    async def list_crm_account_activities(
        self,
        ctx: Ctx,
        account_id: FromPath[uuid.UUID],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> ActivityPage:
        """List the account's calls, visits and notes, latest first."""
        activities, next_cursor = await services.list_activities(ctx, account_id, limit=limit, cursor=cursor)
        return ActivityPage(items=activities, next_cursor=next_cursor)

    @post(
        "/{account_id:uuid}/activities",
        operation_id="create_crm_activity",
        summary="Record an activity",
    )
    async def create_crm_activity(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], data: JSONBody[ActivityCreate]
    ) -> ActivityOut:
        """Record a call, visit or note; the caller is its author."""
        return await services.create_activity(ctx, account_id, data)

    @get(
        "/{account_id:uuid}/timeline",
        operation_id="get_crm_account_timeline",
        summary="Read an account's timeline",
    )
    async def get_crm_account_timeline(
        self,
        ctx: Ctx,
        account_id: FromPath[uuid.UUID],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> TimelinePage:
        """Activities and opportunities opened, won and lost, newest first."""
        events, next_cursor = await services.account_timeline(ctx, account_id, limit=limit, cursor=cursor)
        return TimelinePage(items=events, next_cursor=next_cursor)


class ContactController(Controller):
    """One contact by id."""

    path = "/api/v1/crm/contacts"
    tags = ["crm"]
    guards = [tenant_guard]

    @get("/{contact_id:uuid}", operation_id="get_crm_contact", summary="Get a contact")
    async def get_crm_contact(self, ctx: Ctx, contact_id: FromPath[uuid.UUID]) -> ContactOut:
        """Return one contact."""
        return await services.get_contact(ctx, contact_id)

    @patch("/{contact_id:uuid}", operation_id="update_crm_contact", summary="Update a contact")
    async def update_crm_contact(
        self,
        ctx: Ctx,
        contact_id: FromPath[uuid.UUID],
        data: JSONBody[ContactUpdate],
        if_match: IfMatch = None,
    ) -> ContactOut:
        """Change a contact's details or make it the primary contact."""
        return await services.update_contact(ctx, contact_id, data, if_match)

    @delete("/{contact_id:uuid}", operation_id="delete_crm_contact", summary="Delete a contact")
    async def delete_crm_contact(
        self, ctx: Ctx, contact_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete a contact; its activities stay on the account without it."""
        await services.delete_contact(ctx, contact_id, if_match)


class ActivityController(Controller):
    """One activity by id (changed by its author or a manager)."""

    path = "/api/v1/crm/activities"
    tags = ["crm"]
    guards = [tenant_guard]

    @get("/{activity_id:uuid}", operation_id="get_crm_activity", summary="Get an activity")
    async def get_crm_activity(self, ctx: Ctx, activity_id: FromPath[uuid.UUID]) -> ActivityOut:
        """Return one activity."""
        return await services.get_activity(ctx, activity_id)

    @patch("/{activity_id:uuid}", operation_id="update_crm_activity", summary="Update an activity")
    async def update_crm_activity(
        self,
        ctx: Ctx,
        activity_id: FromPath[uuid.UUID],
        data: JSONBody[ActivityUpdate],
        if_match: IfMatch = None,
    ) -> ActivityOut:
        """Change an activity (its author or a manager)."""
        return await services.update_activity(ctx, activity_id, data, if_match)

    @delete("/{activity_id:uuid}", operation_id="delete_crm_activity", summary="Delete an activity")
    async def delete_crm_activity(
        self, ctx: Ctx, activity_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete an activity (its author or a manager)."""
        await services.delete_activity(ctx, activity_id, if_match)


CONTROLLERS: list[type[Controller]] = [
    ZoneController,
    AccountController,
    ContactController,
    ActivityController,
]
