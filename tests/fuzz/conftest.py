"""The fuzzed world: a tenant with the demo blueprint's data (the caller, by API key) and a second
tenant with a few rows of its own, so generated ids are real rows of both.

The profile comes from ``BIZSUITE_FUZZ``: ``fast`` (the default, in ``make test``: a fixed seed, a
few examples per operation) or ``long`` (``make fuzz``: many examples, still derandomized unless
``BIZSUITE_FUZZ_SEED`` is set).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx
import pytest
from bizsuite.core.tenants.models import ModuleName
from litestar import Litestar
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.conventions.test_isolation_by_route import _demo_tenant, _ids_by_table


@dataclass(frozen=True)
class FuzzProfile:
    """How hard to fuzz."""

    name: str
    examples: int
    seed: int | None


def fuzz_profile() -> FuzzProfile:
    """The profile ``BIZSUITE_FUZZ`` names."""
    name = os.environ.get("BIZSUITE_FUZZ", "fast")
    seed_text = os.environ.get("BIZSUITE_FUZZ_SEED")
    seed = int(seed_text) if seed_text else None
    if name == "long":
        return FuzzProfile(name, int(os.environ.get("BIZSUITE_FUZZ_EXAMPLES", "200")), seed)
    return FuzzProfile("fast", int(os.environ.get("BIZSUITE_FUZZ_EXAMPLES", "3")), seed)


@dataclass(frozen=True)
class FuzzWorld:
    """The caller (tenant A, demo data) and the ids path parameters may take."""

    caller: TenantHandle
    other: TenantHandle
    #: ``(table, column)`` → ids of tenant A's rows, then tenant B's.
    ids: dict[tuple[str, str], list[uuid.UUID]]


@pytest.fixture(scope="session")
async def fuzz_world(
    app: Litestar,
    app_engine: AsyncEngine,
    owner_url: object,
    make_tenant_module: Callable[..., Awaitable[TenantHandle]],
) -> FuzzWorld:
    """Seed tenant A with the demo blueprint and tenant B with a few kernel rows."""
    from sqlalchemy.ext.asyncio import create_async_engine

    modules = [m.value for m in ModuleName]
    caller = await make_tenant_module(modules=modules)
    other = await make_tenant_module(modules=modules)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        await _demo_tenant(app_engine, client, caller)
        await _demo_tenant(app_engine, client, other)
    owner = create_async_engine(owner_url)  # type: ignore[arg-type]
    try:
        mine = await _ids_by_table(owner, app, caller.id)
        theirs = await _ids_by_table(owner, app, other.id)
        async with owner.connect() as connection:
            # The fuzzer must not revoke the key it calls with.
            own_keys = {
                row[0]
                for row in await connection.execute(
                    text("SELECT id FROM api_keys WHERE tenant_id = :t"), {"t": caller.id}
                )
            }
    finally:
        await owner.dispose()
    ids = {
        table: [i for i in mine.get(table, []) if i not in own_keys] + theirs.get(table, [])[:1]
        for table in {*mine, *theirs}
    }
    return FuzzWorld(caller=caller, other=other, ids=ids)


@pytest.fixture(scope="session")
def make_tenant_module(app_engine: AsyncEngine) -> Callable[..., Awaitable[TenantHandle]]:
    """Tenants for the module's world (the function-scoped ``make_tenant`` cannot serve a module fixture)."""
    from tests.conftest import create_tenant_with_key

    async def factory(**kwargs: object) -> TenantHandle:
        return await create_tenant_with_key(app_engine, **kwargs)  # type: ignore[arg-type]

    return factory
