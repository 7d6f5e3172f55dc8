"""Request and response bodies for zones, accounts, contacts, activities and the account timeline."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from bizsuite.modules.crm.models import AccountKind, AccountStatus, ActivityKind, Tier

#: Text PostgreSQL can store (no NUL character), and for names not blank either: such input is
#: refused naming its field rather than failing in the database.
NO_NUL = r"^[^\x00]*$"
NOT_BLANK = r"^[^\x00]*[^\x00\s][^\x00]*$"
Code = Annotated[
    str,
    msgspec.Meta(
        min_length=1, max_length=50, pattern=r"^[^\s\x00]([^\x00\n]*[^\s\x00])?$", examples=["C-001"]
    ),
]
Name = Annotated[
    str, msgspec.Meta(min_length=1, max_length=200, pattern=NOT_BLANK, examples=["上海明辉贸易有限公司"])
]
Industry = Annotated[str, msgspec.Meta(max_length=100, pattern=NO_NUL)]
Phone = Annotated[str, msgspec.Meta(max_length=50, pattern=NO_NUL, examples=["021-6888 1234"])]
Email = Annotated[str, msgspec.Meta(max_length=320, pattern=r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$")]
Address = Annotated[str, msgspec.Meta(max_length=500, pattern=NO_NUL)]
Notes = Annotated[str, msgspec.Meta(max_length=10_000, pattern=NO_NUL)]
Title = Annotated[str, msgspec.Meta(max_length=100, pattern=NO_NUL, examples=["采购经理"])]
Subject = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NOT_BLANK, examples=["季度回访"])]
Body = Annotated[str, msgspec.Meta(max_length=20_000, pattern=NO_NUL)]


# --- zones --------------------------------------------------------------------------------------


class ZoneCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new service zone (片区); ``owner_user_id`` is its steward (片区管家), a tenant member."""

    code: Code
    name: Name
    org_unit_id: uuid.UUID | None = None
    owner_user_id: uuid.UUID | None = None


class ZoneUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value, ``null`` clears. Send ``If-Match``."""

    code: Code | msgspec.UnsetType = msgspec.UNSET
    name: Name | msgspec.UnsetType = msgspec.UNSET
    org_unit_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    owner_user_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET


class ZoneOut(msgspec.Struct, kw_only=True):
    """A service zone."""

    id: uuid.UUID
    code: str
    name: str
    org_unit_id: uuid.UUID | None
    owner_user_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    version: int


class ZonePage(msgspec.Struct, kw_only=True):
    """A page of zones, oldest first."""

    items: list[ZoneOut]
    next_cursor: str | None


# --- accounts -----------------------------------------------------------------------------------


class AccountCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new account; ``code`` is unique in the tenant, the owner must be a tenant member."""

    code: Code
    name: Name
    kind: AccountKind = AccountKind.END_CUSTOMER
    org_unit_id: uuid.UUID | None = None
    owner_user_id: uuid.UUID | None = None
    zone_id: uuid.UUID | None = None
    industry: Industry | None = None
    phone: Phone | None = None
    email: Email | None = None
    address: Address | None = None
    notes: Notes | None = None


class AccountUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value, ``null`` clears. Send ``If-Match``."""

    code: Code | msgspec.UnsetType = msgspec.UNSET
    name: Name | msgspec.UnsetType = msgspec.UNSET
    kind: AccountKind | msgspec.UnsetType = msgspec.UNSET
    org_unit_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    owner_user_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    zone_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    industry: Industry | msgspec.UnsetType | None = msgspec.UNSET
    phone: Phone | msgspec.UnsetType | None = msgspec.UNSET
    email: Email | msgspec.UnsetType | None = msgspec.UNSET
    address: Address | msgspec.UnsetType | None = msgspec.UNSET
    notes: Notes | msgspec.UnsetType | None = msgspec.UNSET


class AccountOut(msgspec.Struct, kw_only=True):
    """An account with its key-account tier and trailing-12-month revenue (kept by revenue)."""

    id: uuid.UUID
    code: str
    name: str
    kind: AccountKind
    status: AccountStatus
    org_unit_id: uuid.UUID | None
    owner_user_id: uuid.UUID | None
    zone_id: uuid.UUID | None
    industry: str | None
    phone: str | None
    email: str | None
    address: str | None
    notes: str | None
    tier: Tier | None
    trailing_revenue: Decimal
    created_at: datetime
    updated_at: datetime
    version: int


class AccountSummary(msgspec.Struct):
    """An account as lists show it (built positionally, straight from the list query's columns)."""

    id: uuid.UUID
    code: str
    name: str
    kind: AccountKind
    status: AccountStatus
    tier: Tier | None
    trailing_revenue: Decimal
    owner_user_id: uuid.UUID | None
    zone_id: uuid.UUID | None
    org_unit_id: uuid.UUID | None
    industry: str | None
    phone: str | None
    created_at: datetime
    version: int


class AccountFilters(msgspec.Struct, kw_only=True, frozen=True):
    """The account list's filters (each on an indexed column; ``q`` found anywhere in the name,
    code or phone, or a contact's name or phone, case-insensitively)."""

    kind: AccountKind | None = None
    status: AccountStatus | None = None
    tier: Tier | None = None
    owner_user_id: uuid.UUID | None = None
    zone_id: uuid.UUID | None = None
    org_unit_id: uuid.UUID | None = None
    q: str | None = None


class AccountPage(msgspec.Struct, kw_only=True):
    """A page of accounts in the asked order (newest first by default)."""

    items: list[AccountSummary]
    next_cursor: str | None
    #: Pass as ``before`` for the page before this one (``null`` on the first page).
    previous_cursor: str | None = None
    #: How many accounts the filters leave, when asked for with ``count=true``.
    total: int | None = None


class AccountBulkAction(enum.StrEnum):
    """What a bulk change does to every selected account."""

    ASSIGN = "assign"
    ARCHIVE = "archive"
    RESTORE = "restore"


class AccountBulk(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One change to several accounts, all or nothing (``assign`` needs ``owner_user_id``)."""

    ids: Annotated[list[uuid.UUID], msgspec.Meta(min_length=1, max_length=500)]
    action: AccountBulkAction
    owner_user_id: uuid.UUID | None = None


class AccountBulkResult(msgspec.Struct, kw_only=True):
    """What a bulk change did: accounts changed, and those already as asked (left alone)."""

    changed: int
    unchanged: int


# --- contacts -----------------------------------------------------------------------------------


class ContactCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A person at the account; making one primary demotes the previous primary contact."""

    name: Name
    title: Title | None = None
    phone: Phone | None = None
    email: Email | None = None
    is_primary: bool = False
    notes: Notes | None = None


class ContactUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value, ``null`` clears. Send ``If-Match``."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    title: Title | msgspec.UnsetType | None = msgspec.UNSET
    phone: Phone | msgspec.UnsetType | None = msgspec.UNSET
    email: Email | msgspec.UnsetType | None = msgspec.UNSET
    is_primary: bool | msgspec.UnsetType = msgspec.UNSET
    notes: Notes | msgspec.UnsetType | None = msgspec.UNSET


class ContactOut(msgspec.Struct, kw_only=True):
    """A contact."""

    id: uuid.UUID
    account_id: uuid.UUID
    name: str
    title: str | None
    phone: str | None
    email: str | None
    is_primary: bool
    notes: str | None
    created_at: datetime
    updated_at: datetime
    version: int


class ContactPage(msgspec.Struct, kw_only=True):
    """A page of an account's contacts, oldest first."""

    items: list[ContactOut]
    next_cursor: str | None


# --- activities ---------------------------------------------------------------------------------


class ActivityCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A call, visit or note; ``occurred_at`` defaults to now, ``contact_id`` must be the account's."""

    kind: ActivityKind
    subject: Subject
    body: Body | None = None
    occurred_at: datetime | None = None
    contact_id: uuid.UUID | None = None


class ActivityUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value, ``null`` clears. Send ``If-Match``."""

    kind: ActivityKind | msgspec.UnsetType = msgspec.UNSET
    subject: Subject | msgspec.UnsetType = msgspec.UNSET
    body: Body | msgspec.UnsetType | None = msgspec.UNSET
    occurred_at: datetime | msgspec.UnsetType = msgspec.UNSET
    contact_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET


class ActivityOut(msgspec.Struct, kw_only=True):
    """An activity with its author (a user, or an API key's label)."""

    id: uuid.UUID
    account_id: uuid.UUID
    contact_id: uuid.UUID | None
    kind: ActivityKind
    subject: str
    body: str | None
    occurred_at: datetime
    author_user_id: uuid.UUID | None
    author_label: str
    created_at: datetime
    updated_at: datetime
    version: int


class ActivityPage(msgspec.Struct, kw_only=True):
    """A page of an account's activities, latest first."""

    items: list[ActivityOut]
    next_cursor: str | None


# --- timeline -----------------------------------------------------------------------------------


class TimelineEvent(msgspec.Struct, kw_only=True):
    """One entry of an account's timeline.

    ``kind`` is ``activity``, ``opportunity_created``, ``opportunity_won`` or ``opportunity_lost``
    (more sources, such as tickets, add their own kinds); ``source_id`` is the row it comes from.
    """

    kind: str
    source_id: uuid.UUID
    occurred_at: datetime
    title: str
    detail: str | None = None
    actor: str | None = None
    activity_kind: ActivityKind | None = None
    amount: Decimal | None = None
    currency: str | None = None


class TimelinePage(msgspec.Struct, kw_only=True):
    """A page of the timeline, newest first."""

    items: list[TimelineEvent]
    next_cursor: str | None
