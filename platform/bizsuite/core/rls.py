"""DDL for row-level security, used by migrations (identifiers only, never values)."""

from __future__ import annotations

RUNTIME_ROLE = "bizsuite_runtime"
TENANT_SETTING = "NULLIF(current_setting('app.tenant_id', true), '')::uuid"


def tenant_table_ddl(table: str) -> list[str]:
    """Enable and force RLS on a tenant table, with the tenant isolation policy."""
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY tenant_isolation ON {table} "
        f"USING (tenant_id = {TENANT_SETTING}) WITH CHECK (tenant_id = {TENANT_SETTING})",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {RUNTIME_ROLE}",
    ]


def lookup_policy_ddl(table: str, name: str, condition: str) -> str:
    """An extra read-only policy (e.g. find an API key by its hash before the tenant is known)."""
    return f"CREATE POLICY {name} ON {table} FOR SELECT USING ({condition})"


def runtime_role_ddl() -> str:
    """Create the NOLOGIN group role the runtime login role is a member of."""
    return (
        "DO $$ BEGIN "
        f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{RUNTIME_ROLE}') THEN "
        f"CREATE ROLE {RUNTIME_ROLE} NOLOGIN; END IF; END $$"
    )
