"""The tenant registry (a global table: the one every tenant table references)."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, Enum, Interval, String, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, Timestamped, Versioned
from bizsuite.core.ids import new_id


class ModuleName(enum.StrEnum):
    """A business module a tenant can enable."""

    CRM = "crm"
    CONTRACTS = "contracts"
    FEES = "fees"
    BUDGETS = "budgets"
    HR = "hr"
    VENUE_AUDIO = "venue_audio"


class Locale(enum.StrEnum):
    """A supported UI language."""

    ZH_CN = "zh-CN"
    EN = "en"


class TenantStatus(enum.StrEnum):
    """Lifecycle of a tenant."""

    ACTIVE = "active"
    SUSPENDED = "suspended"


class Tenant(Base, Timestamped, Versioned):
    """A client organisation."""

    __tablename__ = "tenants"
    __table_args__ = (
        # Only a sandbox has a test clock, and it never runs behind real time.
        CheckConstraint("sandbox OR clock_offset = interval '0'", name="clock_only_in_sandbox"),
        CheckConstraint("clock_offset >= interval '0'", name="clock_not_behind"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    locale: Mapped[str] = mapped_column(String(10), default="zh-CN", server_default="zh-CN")
    time_zone: Mapped[str] = mapped_column(
        String(64), default="Asia/Shanghai", server_default="Asia/Shanghai"
    )
    currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")
    modules: Mapped[list[str]] = mapped_column(
        ARRAY(String(32)), default=list, server_default=text("'{}'::varchar[]")
    )
    status: Mapped[TenantStatus] = mapped_column(
        Enum(TenantStatus, name="tenant_status", values_callable=lambda e: [m.value for m in e]),
        default=TenantStatus.ACTIVE,
        server_default=TenantStatus.ACTIVE.value,
    )
    suspended_at: Mapped[datetime | None]
    #: A sandbox tenant is for testing integrations: its clock can be advanced (``core/sandbox``).
    #: Chosen when the tenant is created; it never changes.
    sandbox: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    #: How far the sandbox's clock is ahead of real time (``core/clock.py``); zero in production.
    clock_offset: Mapped[timedelta] = mapped_column(
        Interval, default=timedelta(0), server_default=text("interval '0'")
    )
    #: What the tenant's plan allows, written by ``core/billing`` whenever the subscription changes
    #: (plan, modules, limits, status, when read-only grace and suspension start). The kernel checks
    #: it on every request from this row, already loaded; ``None`` (no subscription) is unrestricted.
    entitlements: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
