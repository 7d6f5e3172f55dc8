"""Billing rows: plans (operator data, global), each tenant's subscription and invoices, and the
Stripe events already applied (global: they arrive before their tenant is known)."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, utcnow
from bizsuite.core.ids import new_id


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(cls, name=name, values_callable=lambda e: [m.value for m in e])


class BillingInterval(enum.StrEnum):
    """How often a subscription is billed."""

    MONTH = "month"
    YEAR = "year"


class SubscriptionStatus(enum.StrEnum):
    """A subscription's stored status (``grace`` is derived from ``past_due_since`` and the clock)."""

    TRIAL = "trial"
    ACTIVE = "active"
    PAST_DUE = "past_due"
    SUSPENDED = "suspended"
    CANCELED = "canceled"


class BillingProvider(enum.StrEnum):
    """Who collects the money: the operator by hand (offline) or Stripe."""

    OFFLINE = "offline"
    STRIPE = "stripe"


class InvoiceStatus(enum.StrEnum):
    """An invoice's state (Stripe's names)."""

    DRAFT = "draft"
    OPEN = "open"
    PAID = "paid"
    VOID = "void"
    UNCOLLECTIBLE = "uncollectible"


class Plan(Base):
    """One version of a plan: what it includes and costs. A tenant keeps its version until moved."""

    __tablename__ = "billing_plans"
    __table_args__ = (
        UniqueConstraint("code", "version", name="uq_billing_plans_code_version"),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint("price_month >= 0 AND price_year >= 0", name="prices_not_negative"),
        CheckConstraint("trial_days >= 0", name="trial_days_not_negative"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(50))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    modules: Mapped[list[str]] = mapped_column(ARRAY(String(32)))
    #: Limits; ``None`` is unlimited.
    seats: Mapped[int | None] = mapped_column(Integer)
    max_accounts: Mapped[int | None] = mapped_column(Integer)
    max_storage_mb: Mapped[int | None] = mapped_column(Integer)
    max_api_calls_month: Mapped[int | None] = mapped_column(Integer)
    max_venues: Mapped[int | None] = mapped_column(Integer)
    price_month: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    price_year: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    #: What a reseller pays the operator per month (its margin is the difference).
    wholesale_price_month: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")
    trial_days: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    #: Set when a newer version replaces this one (tenants on it stay until moved).
    superseded_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))


class Subscription(TenantScoped, Timestamped, Versioned, Base):
    """A tenant's subscription: its plan version, status, period and seats (one per tenant)."""

    __tablename__ = "billing_subscriptions"
    __table_args__ = (
        UniqueConstraint("tenant_id", name="uq_billing_subscriptions_tenant"),
        Index("ix_billing_subscriptions_stripe", "stripe_subscription_id"),
        CheckConstraint("seats >= 1", name="seats_positive"),
    )

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("billing_plans.id"))
    status: Mapped[SubscriptionStatus] = mapped_column(
        _enum(SubscriptionStatus, "billing_subscription_status")
    )
    interval: Mapped[BillingInterval] = mapped_column(
        _enum(BillingInterval, "billing_interval"),
        default=BillingInterval.MONTH,
        server_default=BillingInterval.MONTH.value,
    )
    provider: Mapped[BillingProvider] = mapped_column(
        _enum(BillingProvider, "billing_provider"),
        default=BillingProvider.OFFLINE,
        server_default=BillingProvider.OFFLINE.value,
    )
    seats: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    trial_end: Mapped[datetime | None]
    current_period_start: Mapped[datetime | None]
    current_period_end: Mapped[datetime | None]
    #: When payment first failed (the grace and suspension clocks start here).
    past_due_since: Mapped[datetime | None]
    cancel_at_period_end: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    canceled_at: Mapped[datetime | None]
    stripe_customer_id: Mapped[str | None] = mapped_column(String(255))
    stripe_subscription_id: Mapped[str | None] = mapped_column(String(255))
    #: Last time the state was read from Stripe (webhook or reconciliation).
    synced_at: Mapped[datetime | None]


class Invoice(TenantScoped, Timestamped, Base):
    """An invoice of the platform to the tenant (issued offline or mirrored from Stripe)."""

    __tablename__ = "billing_invoices"
    __table_args__ = (
        UniqueConstraint("tenant_id", "number", name="uq_billing_invoices_number"),
        UniqueConstraint("tenant_id", "stripe_invoice_id", name="uq_billing_invoices_stripe"),
        Index("ix_billing_invoices_tenant_created", "tenant_id", "created_at", "id"),
    )

    number: Mapped[str] = mapped_column(String(64))
    status: Mapped[InvoiceStatus] = mapped_column(_enum(InvoiceStatus, "billing_invoice_status"))
    amount: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3))
    period_start: Mapped[datetime | None]
    period_end: Mapped[datetime | None]
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: ``[{"description", "amount", "formula"}]``: how each line was computed.
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list, server_default=text("'[]'"))
    stripe_invoice_id: Mapped[str | None] = mapped_column(String(255))
    paid_at: Mapped[datetime | None]


class StripeEvent(Base):
    """A Stripe event already applied: its id makes a replay a no-op."""

    __tablename__ = "billing_stripe_events"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(100))
    tenant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tenants.id"))
    received_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))


class AddonKind(enum.StrEnum):
    """What an add-on raises: a limit of the plan (by ``amount`` per unit bought) or a module."""

    SEATS = "seats"
    STORAGE_MB = "storage_mb"
    API_CALLS_MONTH = "api_calls_month"
    ACCOUNTS = "accounts"
    VENUES = "venues"
    MODULE = "module"


class Addon(Base):
    """An add-on the operator sells on top of any plan (a seat pack, extra storage, a module)."""

    __tablename__ = "billing_addons"
    __table_args__ = (
        UniqueConstraint("code", name="uq_billing_addons_code"),
        CheckConstraint("amount >= 1", name="amount_positive"),
        CheckConstraint("price_month >= 0 AND price_year >= 0", name="prices_not_negative"),
        CheckConstraint("(kind = 'module') = (module IS NOT NULL)", name="module_for_module_kind"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[AddonKind] = mapped_column(_enum(AddonKind, "billing_addon_kind"))
    #: How much of the limit one unit adds (5 seats, 10240 MB...); 1 for a module.
    amount: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    #: The module a ``module`` add-on opens.
    module: Mapped[str | None] = mapped_column(String(32))
    #: Per unit.
    price_month: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    price_year: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))


class SubscriptionAddon(TenantScoped, Timestamped, Base):
    """An add-on a tenant's subscription carries, with a quantity (one row per add-on)."""

    __tablename__ = "billing_subscription_addons"
    __table_args__ = (
        UniqueConstraint("tenant_id", "addon_id", name="uq_billing_subscription_addons_addon"),
        CheckConstraint("quantity >= 1", name="quantity_positive"),
    )

    addon_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("billing_addons.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    #: The Stripe subscription item (Stripe mode).
    stripe_item_id: Mapped[str | None] = mapped_column(String(255))


class Usage(TenantScoped, Base):
    """A tenant's metered usage in one calendar month (UTC, on the tenant clock), written by the
    meter's periodic flush (``metering.py``), never by a request."""

    __tablename__ = "billing_usage"
    __table_args__ = (UniqueConstraint("tenant_id", "month", name="uq_billing_usage_month"),)

    #: The first day of the month.
    month: Mapped[date] = mapped_column(Date)
    api_calls: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    #: The stored files' sizes at the last flush of the month.
    storage_bytes: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))
