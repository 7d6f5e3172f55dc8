"""A request's unit of work (``core/unit_of_work.py``): plain reads on the driver and the ORM
session made on first use are one transaction, in the request's tenant, whatever comes first."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.tenants.models import Tenant
from bizsuite.core.unit_of_work import UnitOfWork
from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import DBAPIError, ProgrammingError
from sqlalchemy.orm import make_transient_to_detached

from tests.conftest import PASSWORD, TenantHandle

TXID = "SELECT txid_current()"
UNITS = "SELECT code FROM org_units ORDER BY code"


def _work(app: Litestar) -> UnitOfWork:
    return UnitOfWork(app.state.sessionmaker)


def _unit(code: str) -> OrgUnit:
    return OrgUnit(code=code, name=f"Unit {code}", kind=OrgUnitKind.DEPARTMENT)


async def _codes(app: Litestar, tenant_id: uuid.UUID) -> list[str]:
    work = _work(app)
    await work.bind_tenant(tenant_id)
    try:
        return [row[0] for row in await work.fetch(UNITS, [])]
    finally:
        await work.close()


async def test_a_plain_read_and_the_session_made_after_it_are_one_transaction(
    app: Litestar, tenant_a: TenantHandle
) -> None:
    work = _work(app)
    await work.bind_tenant(tenant_a.id)
    [(read_in,)] = await work.fetch(TXID, [])
    work.session.add(_unit("UOW-1"))
    await work.session.flush()
    assert await work.session.scalar(text(TXID)) == read_in
    await work.commit()
    assert "UOW-1" in await _codes(app, tenant_a.id)


async def test_uncommitted_work_leaves_nothing_behind(app: Litestar, tenant_a: TenantHandle) -> None:
    returned: list[Any] = []

    def checked_in(dbapi_connection: Any, _record: Any) -> None:
        returned.append(dbapi_connection)

    # The request's own connection goes back to the pool (the app's background work, such as the
    # usage flusher, may hold another one at this moment: counting the pool's would be a race).
    event.listen(app.state.engine.sync_engine, "checkin", checked_in)
    try:
        work = _work(app)
        await work.bind_tenant(tenant_a.id)
        await work.fetch(UNITS, [])
        work.session.add(_unit("UOW-2"))
        await work.session.flush()
        connection = (await work.session.connection()).sync_connection
        held = connection.connection.dbapi_connection if connection is not None else None
        await work.end()  # a failed request
    finally:
        event.remove(app.state.engine.sync_engine, "checkin", checked_in)
    assert held is not None and any(connection is held for connection in returned)
    assert "UOW-2" not in await _codes(app, tenant_a.id)


async def test_a_session_made_first_serves_plain_reads_in_its_transaction(
    app: Litestar, tenant_a: TenantHandle
) -> None:
    work = _work(app)
    await work.bind_tenant(tenant_a.id)
    work.session.add(_unit("UOW-3"))
    await work.session.flush()
    assert "UOW-3" in [row[0] for row in await work.fetch(UNITS, [])]  # not committed yet: same transaction
    [(read_in,)] = await work.fetch(TXID, [])
    assert await work.session.scalar(text(TXID)) == read_in
    await work.end()
    assert "UOW-3" not in await _codes(app, tenant_a.id)


async def test_plain_reads_see_only_the_bound_tenants_rows(
    app: Litestar, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    for tenant, code in ((tenant_a, "UOW-A"), (tenant_b, "UOW-B")):
        work = _work(app)
        await work.bind_tenant(tenant.id)
        work.session.add(_unit(code))
        await work.commit()
        await work.end()
    seen_by_a, seen_by_b = await _codes(app, tenant_a.id), await _codes(app, tenant_b.id)
    assert "UOW-A" in seen_by_a and "UOW-B" not in seen_by_a
    assert "UOW-B" in seen_by_b and "UOW-A" not in seen_by_b
    # Row-level security alone (no tenant condition in the SQL): nothing without a tenant setting.
    work = _work(app)
    await work.bind_tenant(tenant_a.id)
    [(count,)] = await work.fetch("SELECT count(*) FROM org_units WHERE code = 'UOW-B'", [])
    await work.close()
    assert count == 0


async def test_a_row_attached_before_the_session_joins_it_as_loaded(
    app: Litestar, tenant_a: TenantHandle
) -> None:
    work = _work(app)
    await work.bind_tenant(tenant_a.id)
    async with app.state.sessionmaker() as other:
        tenant = await other.get(Tenant, tenant_a.id)
        assert tenant is not None
        other.expunge(tenant)
    copy = Tenant(**{column.key: getattr(tenant, column.key) for column in Tenant.__mapper__.column_attrs})
    make_transient_to_detached(copy)
    attached = work.attach(copy)
    await work.fetch(UNITS, [])  # a plain read first: the session joins its transaction
    assert attached in work.session and await work.session.get(Tenant, tenant_a.id) is attached
    attached.name = "Renamed in the unit of work"
    await work.commit()
    async with app.state.sessionmaker() as other:
        assert await other.scalar(select(Tenant.name).where(Tenant.id == tenant_a.id)) == attached.name


async def test_a_failed_plain_read_is_sqlalchemys_error_and_the_work_goes_on(
    app: Litestar, tenant_a: TenantHandle
) -> None:
    work = _work(app)
    await work.bind_tenant(tenant_a.id)
    with pytest.raises(ProgrammingError):
        await work.fetch("SELECT no_such_column FROM org_units", [])
    assert [row[0] for row in await work.fetch("SELECT 1", [])] == [1]  # after its rollback, in the tenant
    [(count,)] = await work.fetch("SELECT count(*) FROM org_units", [])
    assert count == await _count_units(app, tenant_a.id)
    await work.end()
    assert app.state.engine.pool.checkedout() == 0


async def _count_units(app: Litestar, tenant_id: uuid.UUID) -> int:
    work = _work(app)
    await work.bind_tenant(tenant_id)
    try:
        return int(await work.session.scalar(select(func.count()).select_from(OrgUnit)) or 0)
    finally:
        await work.end()


async def test_a_plain_read_cancelled_midway_discards_its_connection(
    app: Litestar, tenant_a: TenantHandle
) -> None:
    work = _work(app)
    await work.bind_tenant(tenant_a.id)
    read = asyncio.create_task(work.fetch("SELECT pg_sleep(5)", []))
    await asyncio.sleep(0.3)
    read.cancel()
    with pytest.raises((asyncio.CancelledError, DBAPIError)):
        await read
    await work.end()
    assert app.state.engine.pool.checkedout() == 0
    assert await _codes(app, tenant_a.id) is not None  # the pool still serves


async def test_requests_with_a_remembered_key_stay_in_the_callers_tenant(
    client: httpx.AsyncClient, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    made = await client.post(
        "/api/v1/org-units",
        json={"name": "Plain", "code": "UOW-API", "kind": "department"},
        headers=tenant_a.headers,
    )
    assert made.status_code == 201, made.text
    for _ in range(2):  # then with the keys answered from memory: the session is made by the service
        listed = await client.get("/api/v1/org-units", headers=tenant_a.headers)
        assert "UOW-API" in [unit["code"] for unit in listed.json()["items"]]
        other = await client.get("/api/v1/org-units", headers=tenant_b.headers)
        assert "UOW-API" not in [unit["code"] for unit in other.json()["items"]]


async def test_a_page_renders_after_its_connection_went_back_to_the_pool(
    app: Litestar, client: httpx.AsyncClient, tenant_a: TenantHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering takes longer than the queries on most pages: the request commits when its
    handler returned, so the page renders with no pooled connection held (a busy server would
    otherwise run out of connections that sit idle in a transaction)."""
    signed_in = await client.post(
        "/api/v1/auth/login", json={"email": tenant_a.owner.email, "password": PASSWORD}
    )
    assert signed_in.status_code == 200, signed_in.text
    filters = app.template_engine.engine.filters  # type: ignore[union-attr]
    format_datetime = filters["datetime"]
    held_while_rendering: list[int] = []

    def watching(*args: object, **kwargs: object) -> str:
        held_while_rendering.append(app.state.engine.pool.checkedout())
        return str(format_datetime(*args, **kwargs))

    monkeypatch.setitem(filters, "datetime", watching)
    keys = await client.get("/admin/api-keys")  # each key's dates go through the filter
    assert keys.status_code == 200, keys.text
    assert held_while_rendering and set(held_while_rendering) == {0}


def test_no_route_replaces_the_commit_before_rendering(app: Litestar) -> None:
    """Litestar runs only the closest layer's ``after_request``: a router or a handler with its
    own would silently hold its connection through rendering again."""
    replaced = [
        handler.handler_name
        for route in app.routes
        for handler in getattr(route, "route_handlers", ())
        if isinstance(handler, HTTPRouteHandler)
        and [layer for layer in handler.ownership_layers if layer.after_request] != [app]
    ]
    assert replaced == []
