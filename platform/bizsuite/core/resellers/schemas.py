"""Reseller API shapes."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from bizsuite.core.billing.models import InvoiceStatus
from bizsuite.core.billing.schemas import FigureOut, PlanCode, Seats, UsageOut
from bizsuite.core.identity.schemas import Email
from bizsuite.core.resellers.models import ResellerStatus
from bizsuite.core.tenants.models import TenantStatus
from bizsuite.core.tenants.schemas import BlueprintName, Slug, TenantName


class ResellerCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new reseller account."""

    slug: Slug
    name: TenantName
    #: How many tenants it may have (null: unlimited).
    max_tenants: Annotated[int, msgspec.Meta(ge=0)] | None = None


class ResellerOut(msgspec.Struct, kw_only=True):
    """A reseller account."""

    id: uuid.UUID
    slug: str
    name: str
    max_tenants: int | None
    status: ResellerStatus
    tenants: int
    created_at: datetime
    version: int


class ResellerList(msgspec.Struct, kw_only=True):
    """Every reseller."""

    items: list[ResellerOut]


class ResellerKeyCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new reseller API key."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=r"\S")]


class ResellerKeyOut(msgspec.Struct, kw_only=True):
    """A reseller key; ``secret`` is shown only in the answer that created it."""

    id: uuid.UUID
    name: str
    prefix: str
    created_at: datetime
    secret: str | None = None


class ProvisionRequest(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Provision a tenant from a blueprint, on a plan, with its first owner invited by email."""

    blueprint: BlueprintName
    slug: Slug
    name: TenantName
    plan: PlanCode
    owner_email: Email
    seats: Seats = 1
    trial: bool = True


class ResellerTenantOut(msgspec.Struct, kw_only=True):
    """One of the reseller's tenants: its account, never its business data."""

    id: uuid.UUID
    slug: str
    name: str
    status: TenantStatus
    modules: list[str]
    plan: str | None
    plan_version: int | None
    #: The subscription's phase now (``trial``, ``active``, ``past_due``, ``grace``, ``suspended``, ``canceled``).
    phase: str | None
    seats: int | None
    seats_used: int
    open_invoices: int
    created_at: datetime
    #: Seats, API calls this month and stored megabytes against the plan's limits (with add-ons).
    usage: list[UsageOut] = msgspec.field(default_factory=list)
    #: What the reseller earns a month on this tenant: (retail − wholesale) × seats.
    margin_month: FigureOut | None = None


class ResellerTenantList(msgspec.Struct, kw_only=True):
    """The reseller's tenants, newest first."""

    items: list[ResellerTenantOut]


class ProvisionResult(msgspec.Struct, kw_only=True):
    """The provisioned tenant and where its owner's invitation went."""

    tenant: ResellerTenantOut
    invitation_sent_to: str
    created: list[str]


class ResellerPlanOut(msgspec.Struct, kw_only=True):
    """A plan as a reseller sees it: retail and wholesale price and the margin."""

    code: str
    version: int
    name: str
    modules: list[str]
    currency: str
    trial_days: int
    seats: int | None
    price_month: Decimal
    wholesale_price_month: Decimal | None
    margin_month: FigureOut | None


class ResellerPlanList(msgspec.Struct, kw_only=True):
    """The plans a reseller can sell."""

    items: list[ResellerPlanOut]


class ResellerPlanChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Move one of the reseller's tenants to another plan."""

    plan: PlanCode
    seats: Seats | None = None


class ResellerInvoiceOut(msgspec.Struct, kw_only=True):
    """An invoice of one of the reseller's tenants (amount and status only)."""

    id: uuid.UUID
    number: str
    status: InvoiceStatus
    amount: Decimal
    currency: str
    created_at: datetime


class ResellerInvoiceList(msgspec.Struct, kw_only=True):
    """A tenant's invoices, newest first."""

    items: list[ResellerInvoiceOut]


PortalLocale = Annotated[str, msgspec.Meta(pattern=r"^(zh-CN|en)$", description="`zh-CN` or `en`.")]
Password = Annotated[str, msgspec.Meta(min_length=10, max_length=200)]


class ResellerUserCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A person who signs in to the reseller portal. Without ``password``, a one-time link to
    choose one is emailed to them and returned in the answer (shown once)."""

    email: Email
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"\S")]
    password: Password | None = None
    locale: PortalLocale | None = None


class ResellerUserOut(msgspec.Struct, kw_only=True):
    """A reseller portal user; ``set_password_link`` only in the answer that created it."""

    id: uuid.UUID
    reseller_id: uuid.UUID
    email: str
    name: str
    locale: str | None
    active: bool
    #: Whether a password is set (else the set-password link is still to be used).
    has_password: bool
    created_at: datetime
    #: The one-time link to choose a password (created without one), valid 7 days; shown once.
    set_password_link: str | None = None


class ResellerUserList(msgspec.Struct, kw_only=True):
    """A reseller's portal users."""

    items: list[ResellerUserOut]


class PortalSignIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The portal's sign-in form."""

    email: Annotated[str, msgspec.Meta(min_length=1, max_length=254)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


class PortalSetPassword(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The portal's set-password form (from the one-time link)."""

    token: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    password: Password
