"""The metadata's base and the tables that are not tenant data.

Each area names the modules holding its tables in its ``ModuleSpec.models``; loading the areas
(``bizsuite.kit.load_modules``) imports them, so ``Base.metadata`` is complete afterwards.
"""

from __future__ import annotations

from bizsuite.core.db import Base

#: procrastinate's job queue is shared by every tenant: its workers fetch jobs across tenants, so
#: these tables carry no tenant_id and no RLS. Each job names its tenant in its arguments and runs
#: under ``bind_tenant``; tenants see their jobs only through the RLS-protected ``background_jobs``.
JOB_QUEUE_TABLES = frozenset(
    {"procrastinate_jobs", "procrastinate_events", "procrastinate_periodic_defers", "procrastinate_workers"}
)
#: Tables that are not tenant data and so carry no ``tenant_id`` (checked by the schema tests).
#: ``sign_in_failures`` counts failed sign-ins per email and per client address, before any tenant
#: is known (users are global too); ``operator_idempotency_keys`` keeps the operator's keyed POSTs,
#: which act on the platform rather than in a tenant.
GLOBAL_TABLES = (
    frozenset(
        {
            "tenants",
            "users",
            "web_sessions",
            "alembic_version",
            "sign_in_failures",
            "operator_idempotency_keys",
            # Platform billing and resellers (core/billing, core/resellers): operator data, and
            # Stripe events that arrive before their tenant is known.
            "billing_plans",
            "billing_addons",
            "billing_stripe_events",
            "resellers",
            "reseller_api_keys",
            "reseller_tenants",
            # The reseller portal's people and their sessions (core/resellers): above any tenant.
            "reseller_users",
            "reseller_web_sessions",
        }
    )
    | JOB_QUEUE_TABLES
)

__all__ = ["GLOBAL_TABLES", "JOB_QUEUE_TABLES", "Base"]
