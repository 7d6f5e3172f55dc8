"""Request and response bodies for tenants."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec

from bizsuite.core.tenants.models import Locale, ModuleName, TenantStatus

__all__ = ["Locale", "ModuleName", "TenantCreate", "TenantOut", "TenantPage", "TenantUpdate"]


Slug = Annotated[str, msgspec.Meta(min_length=2, max_length=63, pattern=r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
TenantName = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
TimeZone = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
Currency = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$")]


class TenantCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new tenant."""

    name: TenantName
    slug: Slug
    locale: Locale = Locale.ZH_CN
    time_zone: TimeZone = "Asia/Shanghai"
    currency: Currency = "CNY"
    modules: list[ModuleName] = msgspec.field(default_factory=list)
    #: A sandbox tenant, for testing integrations: its clock can be advanced. Fixed at creation.
    sandbox: bool = False


class TenantUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Tenant settings to change. Send ``If-Match: <version>``."""

    name: TenantName | msgspec.UnsetType = msgspec.UNSET
    locale: Locale | msgspec.UnsetType = msgspec.UNSET
    time_zone: TimeZone | msgspec.UnsetType = msgspec.UNSET
    currency: Currency | msgspec.UnsetType = msgspec.UNSET
    modules: list[ModuleName] | msgspec.UnsetType = msgspec.UNSET


class TenantOut(msgspec.Struct, kw_only=True):
    """A tenant."""

    id: uuid.UUID
    name: str
    slug: str
    locale: Locale
    time_zone: str
    currency: str
    modules: list[ModuleName]
    status: TenantStatus
    suspended_at: datetime | None
    #: A sandbox tenant (its clock can be advanced: ``/api/v1/sandbox/clock``).
    sandbox: bool
    created_at: datetime
    updated_at: datetime
    version: int


BlueprintName = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=63,
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="A blueprint file in `tenants/`, without `.toml` (e.g. `demo-sandbox`).",
    ),
]


class TenantPage(msgspec.Struct, kw_only=True):
    """A page of tenants."""

    items: list[TenantOut]
    next_cursor: str | None
