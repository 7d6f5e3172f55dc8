"""The per-minute sweeps ask which tenants have something due, in one statement.

The activity reminders, the CRM SLA clock and the venue heartbeat watch ran every minute for every
active tenant, one transaction each, to find nothing in almost all of them: with 1,000 tenants
about 10 s of the worker's CPU a minute, growing with the tenants. Each gets a function that
returns only the tenants with work due. It runs as the caller (the application role, under
row-level security, never bypassing it): for each active tenant it sets the tenant for the rest
of its own transaction, exactly as a request does, and asks one indexed ``EXISTS``. The sweep
then opens a transaction for those tenants only. A tenant's clock (a sandbox's offset) and time
zone count as in the sweeps themselves.

Revision ID: 0037
Revises: 0036
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0037"
down_revision: str | None = "0036"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: name, arguments, which tenants it considers (a condition on `tenants`), and the condition,
#: on the tenant `t`, that says it has work due.
FUNCTIONS = (
    (
        "bizsuite_due_activity_tenants",
        "since timestamptz, record_types text[]",
        "TRUE",
        # A planned activity with a reminder to send by the tenant's today, or a tracked change
        # of a followed record type since ``since`` (the announcement window).
        """EXISTS (SELECT 1 FROM scheduled_activities a
                    WHERE a.tenant_id = t.id AND a.status = 'planned' AND a.reminder_stage < 2
                      AND a.due_date <= ((now() + t.clock_offset) AT TIME ZONE t.time_zone)::date)
           OR EXISTS (SELECT 1 FROM audit_log e
                       WHERE e.tenant_id = t.id AND e.created_at >= since
                         AND e.target_type = ANY(record_types)
                         AND e."before" IS NOT NULL AND e."after" IS NOT NULL)""",
    ),
    (
        "bizsuite_due_sla_tenants",
        "",
        "modules @> ARRAY['crm']::varchar[]",
        # A milestone past due, neither met nor breached, of a ticket not resolved or closed.
        """EXISTS (SELECT 1 FROM crm_ticket_milestones m
                     JOIN crm_tickets k ON k.tenant_id = m.tenant_id AND k.id = m.ticket_id
                    WHERE m.tenant_id = t.id AND m.met_at IS NULL AND m.breached_at IS NULL
                      AND m.due_at <= now() + t.clock_offset
                      AND k.status NOT IN ('resolved', 'closed'))""",
    ),
    (
        "bizsuite_due_heartbeat_tenants",
        "",
        "modules @> ARRAY['venue_audio']::varchar[]",
        # A device not in fault, silent for longer than its heartbeat interval.
        """EXISTS (SELECT 1 FROM venue_audio_devices d
                    WHERE d.tenant_id = t.id AND d.fault_since IS NULL
                      AND now() + t.clock_offset - coalesce(d.last_heartbeat_at, d.created_at)
                          > make_interval(secs => d.heartbeat_interval_s))""",
    ),
)


def upgrade() -> None:
    for name, arguments, considered, due in FUNCTIONS:
        op.execute(
            f"""
            CREATE FUNCTION {name}({arguments}) RETURNS SETOF uuid
            LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
            DECLARE
                t record;
            BEGIN
                FOR t IN SELECT id, time_zone, clock_offset, modules FROM tenants
                          WHERE status = 'active' AND {considered} ORDER BY id LOOP
                    PERFORM set_config('app.tenant_id', t.id::text, true);
                    IF {due} THEN
                        RETURN NEXT t.id;
                    END IF;
                END LOOP;
                PERFORM set_config('app.tenant_id', '', true);
            END
            $$
            """  # noqa: S608 (the names and conditions are this file's constants)
        )


def downgrade() -> None:
    for name, arguments, _considered, _due in FUNCTIONS:
        op.execute(f"DROP FUNCTION {name}({arguments})")
