"""The modules' warm-up paths (``core/warm_up.py``): each runs in a unit of work that is rolled
back, before the server takes requests and again every few minutes; one that fails is logged and
does not stop the others or the server."""

from __future__ import annotations

import asyncio
import logging

import pytest
from bizsuite.core.org_units.models import OrgUnit, OrgUnitKind
from bizsuite.core.unit_of_work import UnitOfWork
from bizsuite.core.warm_up import kept_warm, warm_up
from bizsuite.kit import Registry
from litestar import Litestar

from tests.conftest import TenantHandle


async def _units_coded(app: Litestar, tenant: TenantHandle, code: str) -> list[object]:
    work = UnitOfWork(app.state.sessionmaker)
    await work.bind_tenant(tenant.id)
    try:
        return list(await work.fetch("SELECT code FROM org_units WHERE code = $1", [code]))
    finally:
        await work.end()


async def test_a_failing_warm_up_is_logged_the_next_still_runs_and_nothing_is_kept(
    app: Litestar, tenant_a: TenantHandle, caplog: pytest.LogCaptureFixture
) -> None:
    ran: list[str] = []

    async def fails(work: UnitOfWork) -> None:
        ran.append("fails")
        raise RuntimeError("no building for the drill")

    async def writes(work: UnitOfWork) -> None:
        await work.bind_tenant(tenant_a.id)
        work.session.add(OrgUnit(code="WARM-UP", name="Warm-up", kind=OrgUnitKind.DEPARTMENT))
        await work.session.flush()
        ran.append("writes")

    areas = Registry()
    areas.warm_ups.update({"first": fails, "second": writes})
    with caplog.at_level(logging.ERROR, logger="bizsuite.core.warm_up"):
        await warm_up(areas, app.state.sessionmaker)
    assert ran == ["fails", "writes"]
    assert "warm-up of first failed" in caplog.text and "no building for the drill" in caplog.text
    assert await _units_coded(app, tenant_a, "WARM-UP") == []


async def test_the_paths_run_before_the_server_starts_then_again_until_it_stops(app: Litestar) -> None:
    runs: list[float] = []
    third = asyncio.Event()

    async def path(work: UnitOfWork) -> None:
        runs.append(asyncio.get_running_loop().time())
        if len(runs) == 3:
            third.set()

    areas = Registry()
    areas.warm_ups["drill"] = path
    async with kept_warm(areas, app.state.sessionmaker, every=0.05):
        assert len(runs) == 1  # before the server takes a request
        await asyncio.wait_for(third.wait(), 30)
    stopped = len(runs)
    await asyncio.sleep(0.2)
    assert len(runs) == stopped  # nothing runs once the server stopped


async def test_a_warm_up_that_commits_is_refused_and_keeps_nothing(
    app: Litestar, tenant_a: TenantHandle, caplog: pytest.LogCaptureFixture
) -> None:
    async def commits(work: UnitOfWork) -> None:
        await work.bind_tenant(tenant_a.id)
        work.session.add(OrgUnit(code="WARM-KEPT", name="Kept?", kind=OrgUnitKind.DEPARTMENT))
        await work.commit()  # a service on the path that commits by itself

    areas = Registry()
    areas.warm_ups["commits"] = commits
    with caplog.at_level(logging.ERROR, logger="bizsuite.core.warm_up"):
        await warm_up(areas, app.state.sessionmaker)
    assert "warm-up of commits failed" in caplog.text and "WarmUpCommitted" in caplog.text
    assert await _units_coded(app, tenant_a, "WARM-KEPT") == []
