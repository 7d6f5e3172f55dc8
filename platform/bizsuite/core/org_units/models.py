"""Org-unit rows."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Enum, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk


class OrgUnitKind(enum.StrEnum):
    """What an org unit is."""

    GROUP = "group"
    SUBSIDIARY = "subsidiary"
    DEPARTMENT = "department"
    STORE = "store"
    REGION = "region"
    PROJECT = "project"
    VENUE = "venue"


class OrgUnit(TenantScoped, Timestamped, Versioned, Base):
    """A node of a tenant's organisation tree."""

    __tablename__ = "org_units"
    __table_args__ = (
        tenant_fk("parent_id", "org_units.id"),
        Index("ix_org_units_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_org_units_tenant_parent", "tenant_id", "parent_id"),
        Index("uq_org_units_tenant_code", "tenant_id", "code", unique=True),
    )

    parent_id: Mapped[uuid.UUID | None]
    kind: Mapped[OrgUnitKind] = mapped_column(
        Enum(OrgUnitKind, name="org_unit_kind", values_callable=lambda e: [m.value for m in e])
    )
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(64))
    archived_at: Mapped[datetime | None]
