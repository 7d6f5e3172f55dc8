"""The catalogue itself proves every tenant table is isolated and Citus-shaped."""

from __future__ import annotations

from bizsuite.core.models import GLOBAL_TABLES
from bizsuite.core.rls import RUNTIME_ROLE
from bizsuite.settings import Settings
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


async def _rows(engine: AsyncEngine, sql: str, **params: object) -> list[tuple]:  # type: ignore[type-arg]
    async with engine.connect() as conn:
        return [tuple(r) for r in (await conn.execute(text(sql), params)).all()]


async def _tenant_tables(engine: AsyncEngine) -> list[str]:
    rows = await _rows(engine, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    return [r[0] for r in rows if r[0] not in GLOBAL_TABLES]


async def test_there_are_tenant_tables_to_check(owner_engine: AsyncEngine) -> None:
    tables = await _tenant_tables(owner_engine)
    assert {"org_units", "memberships", "api_keys", "audit_log", "invitations"} <= set(tables)


async def test_every_tenant_table_has_tenant_id_and_forced_rls_with_a_policy(
    owner_engine: AsyncEngine,
) -> None:
    for table in await _tenant_tables(owner_engine):
        column = await _rows(
            owner_engine,
            "SELECT is_nullable, data_type FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name = :t AND column_name = 'tenant_id'",
            t=table,
        )
        assert column == [("NO", "uuid")], f"{table} lacks a non-null uuid tenant_id"
        (flags,) = await _rows(
            owner_engine,
            "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = CAST(:t AS regclass)",
            t=table,
        )
        assert flags == (True, True), f"{table}: RLS enabled/forced = {flags}"
        policies = await _rows(
            owner_engine,
            "SELECT qual, with_check FROM pg_policies WHERE tablename = :t AND policyname = 'tenant_isolation'",
            t=table,
        )
        assert policies, f"{table} has no tenant_isolation policy"
        qual, check = policies[0]
        assert "app.tenant_id" in qual and "app.tenant_id" in check


async def test_every_tenant_primary_key_and_unique_index_leads_with_tenant_id(
    owner_engine: AsyncEngine,
) -> None:
    for table in await _tenant_tables(owner_engine):
        indexes = await _rows(
            owner_engine,
            "SELECT i.indisprimary, (SELECT a.attname FROM pg_attribute a "
            " WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[0]) , ic.relname "
            "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
            "WHERE i.indrelid = CAST(:t AS regclass) AND (i.indisunique OR i.indisprimary)",
            t=table,
        )
        assert any(primary for primary, _, _ in indexes), f"{table} has no primary key"
        for primary, first_column, name in indexes:
            assert first_column == "tenant_id", (
                f"{table}: {'primary key' if primary else name} does not lead with tenant_id"
            )


async def test_foreign_keys_between_tenant_tables_are_composite(owner_engine: AsyncEngine) -> None:
    tenant_tables = set(await _tenant_tables(owner_engine))
    fks = await _rows(
        owner_engine,
        "SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text, "
        " ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) "
        "       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) "
        "FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace",
    )
    checked = 0
    for name, source, target, columns in fks:
        if source in tenant_tables and target in tenant_tables:
            checked += 1
            assert columns[0] == "tenant_id" and len(columns) >= 2, f"{name}: {columns} is not composite"
    assert checked >= 1


async def test_runtime_role_is_not_privileged_and_owns_nothing(
    owner_engine: AsyncEngine, settings: Settings
) -> None:
    role = settings.app_db_role
    (flags,) = await _rows(
        owner_engine, "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = :r", r=role
    )
    assert flags == (False, False)
    owned = await _rows(
        owner_engine,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner IN (:r, :g)",
        r=role,
        g=RUNTIME_ROLE,
    )
    assert owned == []


async def test_audit_log_is_append_only_for_the_runtime_role(
    owner_engine: AsyncEngine, settings: Settings
) -> None:
    rows = await _rows(
        owner_engine,
        "SELECT has_table_privilege(:r, 'audit_log', 'INSERT'), has_table_privilege(:r, 'audit_log', 'SELECT'), "
        "has_table_privilege(:r, 'audit_log', 'UPDATE'), has_table_privilege(:r, 'audit_log', 'DELETE')",
        r=settings.app_db_role,
    )
    assert rows == [(True, True, False, False)]
