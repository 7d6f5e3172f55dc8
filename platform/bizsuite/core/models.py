"""Every kernel table, imported in one place so the metadata is complete."""

from __future__ import annotations

from bizsuite.core.alerts.models import Alert, Notification, NotificationPreference, OutboxMessage
from bizsuite.core.approvals.models import (
    ApprovalDecision,
    ApprovalFlow,
    ApprovalFlowStep,
    ApprovalRequest,
    ApprovalStep,
    ApproverAssignment,
)
from bizsuite.core.audit.models import AuditEntry
from bizsuite.core.db import Base
from bizsuite.core.files.models import StoredFile
from bizsuite.core.idempotency import IdempotencyRecord
from bizsuite.core.identity.models import ApiKey, Invitation, Membership, User, WebSession
from bizsuite.core.jobs.models import BackgroundJob, JobSchedule
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.tenants.models import Tenant
from bizsuite.core.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent

#: Tables that are not tenant data and so carry no ``tenant_id`` (checked by the schema tests).
GLOBAL_TABLES = frozenset({"tenants", "users", "web_sessions", "alembic_version"})
#: procrastinate's job queue is shared by every tenant: its workers fetch jobs across tenants, so
#: these tables carry no tenant_id and no RLS. Each job names its tenant in its arguments and runs
#: under ``bind_tenant``; tenants see their jobs only through the RLS-protected ``background_jobs``.
JOB_QUEUE_TABLES = frozenset(
    {"procrastinate_jobs", "procrastinate_events", "procrastinate_periodic_defers", "procrastinate_workers"}
)
GLOBAL_TABLES = GLOBAL_TABLES | JOB_QUEUE_TABLES

__all__ = [
    "GLOBAL_TABLES",
    "JOB_QUEUE_TABLES",
    "Alert",
    "ApiKey",
    "ApprovalDecision",
    "ApprovalFlow",
    "ApprovalFlowStep",
    "ApprovalRequest",
    "ApprovalStep",
    "ApproverAssignment",
    "AuditEntry",
    "BackgroundJob",
    "Base",
    "IdempotencyRecord",
    "Invitation",
    "JobSchedule",
    "Membership",
    "Notification",
    "NotificationPreference",
    "OrgUnit",
    "OutboxMessage",
    "StoredFile",
    "Tenant",
    "User",
    "WebSession",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
