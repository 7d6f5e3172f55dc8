"""The same foundation through the generated ``asyncio`` calls and ``apaginate``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from bizsuite_client import AuthenticatedClient
from bizsuite_client.api.api_keys import create_api_key, list_api_keys
from bizsuite_client.api.audit import list_audit_entries
from bizsuite_client.api.members import list_members
from bizsuite_client.api.org_units import create_org_unit, get_org_unit, list_org_units, update_org_unit
from bizsuite_client.api.tenants import get_current_tenant, list_tenants
from bizsuite_client.models import ApiKeyCreate, OrgUnitCreate, OrgUnitOut, OrgUnitUpdate
from bizsuite_client.types import Response
from bizsuite_sdk import (
    AuthenticationError,
    NotFoundError,
    StaleVersionError,
    ValidationError,
    apaginate,
    create_client,
    unwrap,
)

from tests.conftest import OPERATOR_TOKEN, TenantHandle


@pytest.fixture
async def aclient_a(live_server: str, tenant_a: TenantHandle) -> AsyncIterator[AuthenticatedClient]:
    async with create_client(tenant_a.api_key, live_server) as client:
        yield client


@pytest.fixture
async def aclient_b(live_server: str, tenant_b: TenantHandle) -> AsyncIterator[AuthenticatedClient]:
    async with create_client(tenant_b.api_key, live_server) as client:
        yield client


async def new_unit(client: AuthenticatedClient, code: str) -> OrgUnitOut:
    body = OrgUnitCreate(name=f"Unit {code}", code=code, kind="department")
    return unwrap(await create_org_unit.asyncio_detailed(client=client, body=body))


async def test_create_get_and_list_across_several_pages(aclient_a: AuthenticatedClient) -> None:
    codes = [f"A{i:02d}" for i in range(5)]
    created = [await new_unit(aclient_a, code) for code in codes]
    fetched = unwrap(await get_org_unit.asyncio_detailed(created[2].id, client=aclient_a))
    assert fetched.code == "A02"

    cursors: list[str | None] = []

    async def counted(**kwargs: Any) -> Response[Any]:
        cursors.append(kwargs["cursor"])
        return await list_org_units.asyncio_detailed(**kwargs)

    assert [u.code async for u in apaginate(counted, client=aclient_a, limit=2)] == codes
    assert len(cursors) == 3 and cursors[0] is None
    assert [u.id async for u in apaginate(list_org_units, client=aclient_a, limit=200)] == [
        u.id for u in created
    ]


async def test_stale_update_is_a_typed_412(aclient_a: AuthenticatedClient) -> None:
    unit = await new_unit(aclient_a, "ASYNC")
    body = OrgUnitUpdate(name="First")
    unwrap(
        await update_org_unit.asyncio_detailed(
            unit.id, client=aclient_a, body=body, if_match=str(unit.version)
        )
    )
    with pytest.raises(StaleVersionError):
        unwrap(
            await update_org_unit.asyncio_detailed(
                unit.id, client=aclient_a, body=OrgUnitUpdate(name="Second"), if_match=str(unit.version)
            )
        )


async def test_invalid_input_is_a_typed_422_naming_the_field(aclient_a: AuthenticatedClient) -> None:
    body = OrgUnitCreate(name="", code="EMPTY-NAME", kind="store")
    with pytest.raises(ValidationError) as invalid:
        unwrap(await create_org_unit.asyncio_detailed(client=aclient_a, body=body))
    assert [e.field for e in invalid.value.errors] == ["name"]


async def test_unauthorised_and_other_tenants_ids(
    live_server: str, aclient_a: AuthenticatedClient, aclient_b: AuthenticatedClient
) -> None:
    async with create_client("bsk_unknown_key_000000000000", live_server) as stranger:
        with pytest.raises(AuthenticationError):
            unwrap(await get_current_tenant.asyncio_detailed(client=stranger))
    theirs = await new_unit(aclient_b, "B-ONLY")
    with pytest.raises(NotFoundError):
        unwrap(await get_org_unit.asyncio_detailed(theirs.id, client=aclient_a))


async def test_members_api_keys_audit_and_operator_lists(
    live_server: str, aclient_a: AuthenticatedClient, tenant_a: TenantHandle
) -> None:
    assert [m.email async for m in apaginate(list_members, client=aclient_a)] == [tenant_a.owner.email]
    created = unwrap(await create_api_key.asyncio_detailed(client=aclient_a, body=ApiKeyCreate(name="async")))
    assert created.api_key.id in [k.id async for k in apaginate(list_api_keys, client=aclient_a)]
    actions = [e.action async for e in apaginate(list_audit_entries, client=aclient_a)]
    assert "api_key.created" in actions
    async with create_client(OPERATOR_TOKEN, live_server) as operator:
        slugs = [t.slug async for t in apaginate(list_tenants, client=operator, limit=1)]
    assert tenant_a.tenant.slug in slugs
