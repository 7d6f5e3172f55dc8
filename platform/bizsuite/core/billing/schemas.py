"""Billing API shapes."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

import msgspec

from bizsuite.core.billing.models import (
    AddonKind,
    BillingInterval,
    BillingProvider,
    InvoiceStatus,
    SubscriptionStatus,
)
from bizsuite.core.billing.rules import Phase
from bizsuite.core.tenants.models import ModuleName

PlanCode = Annotated[
    str, msgspec.Meta(min_length=1, max_length=50, pattern=r"^[a-z0-9][a-z0-9_-]*$", examples=["pro"])
]
PlanName = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"\S")]
Price = Annotated[
    Decimal, msgspec.Meta(description="Per seat, a decimal string, at most 2 decimals.", examples=["199.00"])
]
Limit = Annotated[int, msgspec.Meta(ge=0, description="Empty (null) is unlimited.")]
Seats = Annotated[int, msgspec.Meta(ge=1, le=100_000)]
Currency = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. `CNY`.")]
TrialDays = Annotated[int, msgspec.Meta(ge=0, le=365)]


class PlanCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new plan (its version 1)."""

    code: PlanCode
    name: PlanName
    modules: list[ModuleName]
    price_month: Price
    price_year: Price
    currency: Currency = "CNY"
    trial_days: TrialDays = 0
    seats: Limit | None = None
    max_accounts: Limit | None = None
    max_storage_mb: Limit | None = None
    max_api_calls_month: Limit | None = None
    max_venues: Limit | None = None
    wholesale_price_month: Price | None = None


class PlanVersionCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new version of a plan: the fields given change, the rest are copied from the latest."""

    name: PlanName | msgspec.UnsetType = msgspec.UNSET
    modules: list[ModuleName] | msgspec.UnsetType = msgspec.UNSET
    price_month: Price | msgspec.UnsetType = msgspec.UNSET
    price_year: Price | msgspec.UnsetType = msgspec.UNSET
    trial_days: TrialDays | msgspec.UnsetType = msgspec.UNSET
    seats: Limit | msgspec.UnsetType | None = msgspec.UNSET
    max_accounts: Limit | msgspec.UnsetType | None = msgspec.UNSET
    max_storage_mb: Limit | msgspec.UnsetType | None = msgspec.UNSET
    max_api_calls_month: Limit | msgspec.UnsetType | None = msgspec.UNSET
    max_venues: Limit | msgspec.UnsetType | None = msgspec.UNSET
    wholesale_price_month: Price | msgspec.UnsetType | None = msgspec.UNSET


class PlanOut(msgspec.Struct, kw_only=True):
    """One version of a plan."""

    id: uuid.UUID
    code: str
    version: int
    name: str
    modules: list[str]
    price_month: Decimal
    price_year: Decimal
    currency: str
    trial_days: int
    seats: int | None
    max_accounts: int | None
    max_storage_mb: int | None
    max_api_calls_month: int | None
    max_venues: int | None
    wholesale_price_month: Decimal | None
    superseded_at: datetime | None
    created_at: datetime


class PlanList(msgspec.Struct, kw_only=True):
    """Plans (the current versions, or every version when asked)."""

    items: list[PlanOut]


class PlanAssignment(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Put a tenant on a plan (its current version), or move it to another."""

    plan: PlanCode
    seats: Seats = 1
    interval: BillingInterval = BillingInterval.MONTH
    #: Start with the plan's trial days (new subscriptions only).
    trial: bool = True
    #: Stripe payment method to attach (Stripe mode; e.g. ``pm_card_visa`` in test mode).
    payment_method: str | None = None


class SubscriptionStatusChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Offline billing: record what happened (the operator collects payments by hand)."""

    status: SubscriptionStatus


class SeatChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Buy or release seats."""

    seats: Seats


class PlanChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Upgrade or downgrade to another plan (its current version)."""

    plan: PlanCode
    interval: BillingInterval | msgspec.UnsetType = msgspec.UNSET


class PaymentRetry(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Retry the open invoices, optionally with another card (a Stripe payment method id)."""

    payment_method: (
        Annotated[str, msgspec.Meta(min_length=3, max_length=255, pattern=r"^pm_[A-Za-z0-9_]+$")] | None
    ) = None


class FigureOut(msgspec.Struct, kw_only=True):
    """A computed amount with its formula and inputs."""

    amount: Decimal
    formula: str
    inputs: dict[str, str]


class UsageOut(msgspec.Struct, kw_only=True):
    """One limit of the plan (with its add-ons) and what is used of it (``limit`` null: unlimited;
    ``used`` null: not measured). ``api_calls_month`` counts this calendar month's API calls,
    ``storage_mb`` the stored files in whole megabytes."""

    name: str
    limit: int | None
    used: int | None


class AddonCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new add-on (operator): what one unit adds and what it costs."""

    code: PlanCode
    name: PlanName
    kind: AddonKind
    #: How much one unit adds to the limit (5 seats, 10240 MB); must be 1 for a module.
    amount: Annotated[int, msgspec.Meta(ge=1, le=100_000_000)] = 1
    #: The module a ``module`` add-on opens.
    module: ModuleName | None = None
    price_month: Price
    price_year: Price
    currency: Currency = "CNY"


class AddonOut(msgspec.Struct, kw_only=True):
    """An add-on of the catalogue."""

    id: uuid.UUID
    code: str
    name: str
    kind: AddonKind
    amount: int
    module: str | None
    price_month: Decimal
    price_year: Decimal
    currency: str
    created_at: datetime


class AddonList(msgspec.Struct, kw_only=True):
    """The add-on catalogue."""

    items: list[AddonOut]


class SubscriptionAddonOut(msgspec.Struct, kw_only=True):
    """An add-on a subscription carries (``quantity`` 0: available, not bought)."""

    addon: AddonOut
    quantity: int
    #: Its part of the period's price (``2 × 50.00 = 100.00``).
    price: FigureOut


class SubscriptionAddonList(msgspec.Struct, kw_only=True):
    """Every add-on of the catalogue with the quantity the subscription carries."""

    items: list[SubscriptionAddonOut]


class AddonQuantity(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """How many units of an add-on the subscription carries (0 removes it)."""

    quantity: Annotated[int, msgspec.Meta(ge=0, le=10_000)]


class SubscriptionOut(msgspec.Struct, kw_only=True):
    """A tenant's subscription as it stands now."""

    tenant_id: uuid.UUID
    plan: PlanOut
    status: SubscriptionStatus
    #: The status now, with read-only grace and suspension applied by time.
    phase: Phase
    #: What the business modules allow now: ``full``, ``read_only`` or ``none``.
    access: str
    provider: BillingProvider
    interval: BillingInterval
    seats: int
    trial_end: datetime | None
    current_period_start: datetime | None
    current_period_end: datetime | None
    past_due_since: datetime | None
    read_only_from: datetime | None
    suspended_from: datetime | None
    cancel_at_period_end: bool
    canceled_at: datetime | None
    price: FigureOut
    usage: list[UsageOut]
    version: int
    #: The add-ons it carries (they raise the limits above and are in ``price``).
    addons: list[SubscriptionAddonOut] = msgspec.field(default_factory=list)
    #: The amount a seat or plan change billed or credited now, with its formula (after changes).
    proration: FigureOut | None = None


class InvoiceOut(msgspec.Struct, kw_only=True):
    """An invoice of the platform to the tenant."""

    id: uuid.UUID
    number: str
    status: InvoiceStatus
    amount: Decimal
    currency: str
    period_start: datetime | None
    period_end: datetime | None
    description: str
    lines: list[dict[str, Any]]
    paid_at: datetime | None
    created_at: datetime


class InvoicePage(msgspec.Struct, kw_only=True):
    """A page of invoices, newest first."""

    items: list[InvoiceOut]
    next_cursor: str | None


class WebhookReceipt(msgspec.Struct, kw_only=True):
    """What the webhook endpoint did with an event."""

    event_id: str
    applied: bool
    detail: str


class ReconcileResult(msgspec.Struct, kw_only=True):
    """What a reconciliation pass repaired."""

    checked: int
    changed: int
