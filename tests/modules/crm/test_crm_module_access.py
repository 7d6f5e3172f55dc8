"""Every CRM route needs the module: a tenant without CRM gets 403 from each API route and page,
whatever the method, and sees no CRM entry in the navigation."""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable

import httpx
from litestar import Litestar

from tests.conftest import PASSWORD, TenantHandle

_PARAM = re.compile(r"\{(\w+):(\w+)\}")


def _concrete(path: str) -> str:
    def value(match: re.Match[str]) -> str:
        return str(uuid.uuid4()) if match.group(2) == "uuid" else "2026-10"

    return _PARAM.sub(value, path)


def _crm_routes(app: Litestar, prefix: str) -> list[tuple[str, str]]:
    found = []
    for route in app.routes:
        if not route.path.startswith(prefix):
            continue
        for method in sorted(getattr(route, "methods", ())):
            if method not in ("HEAD", "OPTIONS"):
                found.append((method, _concrete(route.path)))
    return found


async def test_a_tenant_without_crm_gets_403_from_every_crm_api_route(
    app: Litestar, client: httpx.AsyncClient, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    tenant = await make_tenant(modules=["contracts"])
    routes = _crm_routes(app, "/api/v1/crm")
    assert len(routes) > 40
    answers = {
        (method, path): (await client.request(method, path, headers=tenant.headers, json={})).status_code
        for method, path in routes
    }
    assert {key: status for key, status in answers.items() if status != 403} == {}


async def test_a_member_of_a_tenant_without_crm_gets_403_from_every_crm_page(
    app: Litestar, client: httpx.AsyncClient, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    tenant = await make_tenant(modules=["contracts"])
    login = await client.get("/login")
    token = client.cookies.get("bizsuite_form", "")
    signed = await client.post(
        "/login",
        data={"email": tenant.owner.email, "password": PASSWORD, "form_token": token},
        follow_redirects=False,
    )
    assert login.status_code == 200 and signed.status_code == 303
    pages = [(m, p) for m, p in _crm_routes(app, "/crm") if m == "GET"]
    assert len(pages) > 10
    answers = {path: (await client.get(path)).status_code for _, path in pages}
    assert {path: status for path, status in answers.items() if status != 403} == {}
    home = await client.get("/")
    assert 'href="/crm' not in home.text
