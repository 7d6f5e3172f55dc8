"""Row-level security for the application role, below the ORM: wrong or missing tenant sees nothing."""

from __future__ import annotations

import uuid

import pytest
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import ALL_TENANTS, TenantContextMissingError, bind_tenant
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle

TENANT_TABLES = ("org_units", "memberships", "api_keys", "audit_log", "invitations", "idempotency_keys")


async def _unit_for(engine: AsyncEngine, tenant: TenantHandle) -> uuid.UUID:
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        unit = OrgUnit(name="Secret unit", code=f"S-{uuid.uuid4().hex[:6]}", kind=OrgUnitKind.GROUP)
        session.add(unit)
        await session.flush()
        return unit.id


async def test_without_a_tenant_setting_the_app_role_sees_no_rows(
    app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    await _unit_for(app_engine, tenant_a)
    async with app_engine.connect() as conn:
        for table in TENANT_TABLES:
            count = await conn.scalar(text(f"SELECT count(*) FROM {table}"))
            assert count == 0, table


async def test_with_another_tenant_setting_rows_are_invisible_and_untouchable(
    app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    unit_id = await _unit_for(app_engine, tenant_a)
    async with app_engine.begin() as conn:
        await conn.execute(text("SELECT set_config('app.tenant_id', :t, true)"), {"t": str(tenant_b.id)})
        assert await conn.scalar(text("SELECT count(*) FROM org_units WHERE id = :i"), {"i": unit_id}) == 0
        updated = await conn.execute(
            text("UPDATE org_units SET name = 'stolen' WHERE id = :i"), {"i": unit_id}
        )
        deleted = await conn.execute(text("DELETE FROM org_units WHERE id = :i"), {"i": unit_id})
        assert updated.rowcount == 0
        assert deleted.rowcount == 0
    async with app_engine.begin() as conn:
        await conn.execute(text("SELECT set_config('app.tenant_id', :t, true)"), {"t": str(tenant_a.id)})
        assert (
            await conn.scalar(text("SELECT name FROM org_units WHERE id = :i"), {"i": unit_id})
            == "Secret unit"
        )


async def test_inserting_a_row_for_another_tenant_is_refused(
    app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    with pytest.raises(DBAPIError, match="row-level security"):
        async with app_engine.begin() as conn:
            await conn.execute(text("SELECT set_config('app.tenant_id', :t, true)"), {"t": str(tenant_b.id)})
            await conn.execute(
                text(
                    "INSERT INTO org_units (tenant_id, id, kind, name, code) VALUES (:t, :i, 'group', 'x', 'X')"
                ),
                {"t": tenant_a.id, "i": uuid.uuid4()},
            )


async def test_a_row_cannot_reference_another_tenants_row(
    app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    parent_in_a = await _unit_for(app_engine, tenant_a)
    with pytest.raises(DBAPIError, match="foreign key"):
        async with app_engine.begin() as conn:
            await conn.execute(text("SELECT set_config('app.tenant_id', :t, true)"), {"t": str(tenant_b.id)})
            await conn.execute(
                text(
                    "INSERT INTO org_units (tenant_id, id, kind, name, code, parent_id) "
                    "VALUES (:t, :i, 'store', 'x', 'X', :p)"
                ),
                {"t": tenant_b.id, "i": uuid.uuid4(), "p": parent_in_a},
            )


async def test_orm_refuses_tenant_statements_without_a_tenant(app_engine: AsyncEngine) -> None:
    async with make_sessionmaker(app_engine)() as session:
        with pytest.raises(TenantContextMissingError):
            await session.execute(select(OrgUnit))
        with pytest.raises(TenantContextMissingError):
            session.add(OrgUnit(name="x", code="X", kind=OrgUnitKind.GROUP))
            await session.flush()


async def test_orm_scopes_queries_even_when_rls_would_allow(
    app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    unit_id = await _unit_for(app_engine, tenant_a)
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await bind_tenant(session, tenant_b.id)
        assert await session.scalar(select(OrgUnit).where(OrgUnit.id == unit_id)) is None
        # The explicit opt-out lifts only the ORM scope; PostgreSQL still filters by tenant.
        lifted = await session.scalar(
            select(OrgUnit).where(OrgUnit.id == unit_id).execution_options(**{ALL_TENANTS: True})
        )
        assert lifted is None
