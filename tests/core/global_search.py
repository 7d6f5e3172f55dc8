"""Helpers of the modules' global search tests: search with a key or as a signed-in person, open
each hit's page as the tenant's owner, and search as a member granted some modules only."""

from __future__ import annotations

from typing import Any

import httpx
from bizsuite.core.identity.models import Role
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user
from tests.conftest import PASSWORD, TenantHandle

Groups = dict[str, dict[str, Any]]


async def search(
    client: httpx.AsyncClient, q: str, headers: dict[str, str] | None = None, **params: Any
) -> Groups:
    """``GET /api/v1/search`` (with ``headers``, or as whoever is signed in): the groups by key."""
    response = await client.get("/api/v1/search", params={"q": q, **params}, headers=headers or {})
    assert response.status_code == 200, response.text
    return {g["key"]: g for g in response.json()["groups"]}


def hrefs(found: Groups, key: str) -> list[str]:
    """The links of one group's hits (none when the group is not there)."""
    return [h["href"] for h in found.get(key, {}).get("hits", [])]


async def sign_in(client: httpx.AsyncClient, email: str) -> None:
    client.cookies.clear()
    response = await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text


async def open_as_owner(client: httpx.AsyncClient, tenant: TenantHandle, links: list[str]) -> list[str]:
    """Each page, signed in as the tenant's owner: every one answers 200; their HTML in order."""
    await sign_in(client, tenant.owner.email)
    try:
        pages = []
        for link in links:
            response = await client.get(link)
            assert response.status_code == 200, (link, response.status_code)
            pages.append(response.text)
        return pages
    finally:
        client.cookies.clear()


async def search_as_member(
    client: httpx.AsyncClient, engine: AsyncEngine, tenant: TenantHandle, q: str, modules: list[str]
) -> Groups:
    """Search as a new member of the tenant granted only ``modules``, signed in."""
    member = await add_user(engine, tenant, Role.MEMBER, modules=modules)
    await sign_in(client, member.email)
    try:
        return await search(client, q, limit=50)
    finally:
        client.cookies.clear()
