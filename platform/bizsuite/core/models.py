"""Every kernel table, imported in one place so the metadata is complete."""

from __future__ import annotations

from bizsuite.core.audit.models import AuditEntry
from bizsuite.core.db import Base
from bizsuite.core.idempotency import IdempotencyRecord
from bizsuite.core.identity.models import ApiKey, Invitation, Membership, User, WebSession
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.tenants.models import Tenant

#: Tables that are not tenant data and so carry no ``tenant_id`` (checked by the schema tests).
GLOBAL_TABLES = frozenset({"tenants", "users", "web_sessions", "alembic_version"})

__all__ = [
    "GLOBAL_TABLES",
    "ApiKey",
    "AuditEntry",
    "Base",
    "IdempotencyRecord",
    "Invitation",
    "Membership",
    "OrgUnit",
    "Tenant",
    "User",
    "WebSession",
]
