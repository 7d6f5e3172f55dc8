"""Isolation derived from the route table: every route with an id in its path, called by another
tenant with tenant A's real ids, answers 404 (API) or the 404 page, and changes nothing.

Tenant A gets the demo blueprint (every module ships demo data), a few kernel records made
through the API, and what each module's ``tests/modules/<module>/seed.py`` makes; ids are found by the naming convention ``<noun>_id`` → the table
``<nouns>`` / ``<module>_<nouns>``. So a new module is covered the day it exists: its GET routes
must resolve for their owner (200) and answer 404 to everyone else.
"""

from __future__ import annotations

import importlib
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from bizsuite.core.blueprints import apply_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import Base
from bizsuite.core.models import GLOBAL_TABLES
from bizsuite.core.tenants.models import ModuleName
from bizsuite.kit import registry
from bizsuite.settings import REPO_ROOT
from litestar import Litestar
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle

_PARAM = re.compile(r"\{(\w+):(\w+)\}")
#: Path parameters whose table does not follow ``<noun>_id`` → ``<nouns>``: (table, id column).
_TABLE_OF = {
    "entry_id": ("audit_log", "id"),
    "member_id": ("memberships", "id"),
    "activity_id": ("crm_activities", "id"),
}
#: Route parameters a module narrows: (parameter, module) → (table, column). Fee billing's
#: ``org_unit_id`` is a subsidiary (HQ's own unit is not one), taken from its payers.
_MODULE_TABLE_OF = {("org_unit_id", "fees"): ("fees_payers", "org_unit_id")}
#: Operator-only routes (no tenant credential reaches them).
_OPERATOR_PARAMS = {"tenant_id"}
ALL_MODULES = [m.value for m in ModuleName]


def _table_for(param: str, module: str | None = None) -> tuple[str, str] | None:
    """The table an id parameter names; the route's own module's ``<module>_<nouns>`` first (two
    modules may both have ``items``)."""
    if (param, module) in _MODULE_TABLE_OF:
        return _MODULE_TABLE_OF[(param, module)]
    if param in _TABLE_OF:
        return _TABLE_OF[param]
    noun = param.removesuffix("_id")
    plurals = {noun + "s", noun + "es", noun[:-1] + "ies" if noun.endswith("y") else noun + "s"}
    tables = [t for t in Base.metadata.tables if t not in GLOBAL_TABLES]
    for plural in plurals:
        if module and f"{module}_{plural}" in tables:
            return f"{module}_{plural}", "id"
    for table in tables:
        if table in plurals or any(table.endswith("_" + plural) for plural in plurals):
            return table, "id"
    return None


async def _ids_by_table(
    engine: AsyncEngine, app: Litestar, tenant_id: uuid.UUID
) -> dict[tuple[str, str], list[uuid.UUID]]:
    """A few of tenant A's ids from the table of every uuid path parameter of the app."""
    params = {
        (name, handler.opt.get("module"))
        for route in app.routes
        for handler in getattr(route, "route_handlers", [])
        for name, kind in _PARAM.findall(route.path)
        if kind == "uuid"
    }
    found: dict[tuple[str, str], list[uuid.UUID]] = {}
    async with engine.connect() as connection:
        for table, column in {t for p, module in params if (t := _table_for(p, module))}:
            rows = await connection.execute(
                text(f'SELECT "{column}" FROM "{table}" WHERE tenant_id = :t ORDER BY 1 LIMIT 3'),
                {"t": tenant_id},
            )
            found[(table, column)] = [row[0] for row in rows]
    return found


async def _checksum(engine: AsyncEngine, tenant_id: uuid.UUID) -> dict[str, str]:
    """Every tenant table's rows of tenant A, hashed: nothing another tenant does may change them."""
    sums: dict[str, str] = {}
    async with engine.connect() as connection:
        for table in sorted(t for t in Base.metadata.tables if t not in GLOBAL_TABLES):
            if table in ("audit_log", "idempotency_keys", "billing_usage"):  # not written by the probes
                continue
            row = await connection.execute(
                text(
                    f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                    f'FROM "{table}" t WHERE tenant_id = :t'
                ),
                {"t": tenant_id},
            )
            sums[table] = str(row.scalar())
    return sums


async def _demo_tenant(engine: AsyncEngine, client: httpx.AsyncClient, tenant: TenantHandle) -> None:
    """Give tenant A the demo blueprint's data (under its own slug) and a few kernel records."""
    source = (REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8")
    blueprint = parse_blueprint(source.replace('slug = "huaxin-group"', f'slug = "{tenant.tenant.slug}"', 1))
    async with make_sessionmaker(engine)() as session, session.begin():
        await apply_blueprint(session, blueprint, source="demo.toml")
    headers = tenant.headers
    made = [
        await client.post(
            "/api/v1/webhooks/endpoints",
            headers=headers,
            json={"url": "https://hooks.example.com/in", "event_types": ["*"]},
        ),
        await client.post(
            "/api/v1/invitations", headers=headers, json={"email": f"x-{uuid.uuid4().hex[:6]}@example.com"}
        ),
        await client.post(
            "/api/v1/files?name=note.txt", headers={**headers, "content-type": "text/plain"}, content=b"hello"
        ),
    ]
    assert all(r.status_code < 300 for r in made), [r.text for r in made]
    for spec in registry().modules:
        seeds = REPO_ROOT / "tests" / "modules" / spec.name / "seed.py"
        if seeds.exists():
            await importlib.import_module(f"tests.modules.{spec.name}.seed").seed(client, headers)


def _concrete(
    path: str, ids: dict[tuple[str, str], list[uuid.UUID]], module: str | None = None
) -> str | None:
    """The path with tenant A's ids, or None when one of its ids has no row to use."""
    out = path
    for name, kind in _PARAM.findall(path):
        if kind == "uuid":
            table = _table_for(name, module)
            if table is None or not ids.get(table):
                return None
            value = str(ids[table][0])
        elif kind == "str":
            value = "archive" if name == "action" else "2026-10"
        else:
            return None
        out = out.replace("{" + f"{name}:{kind}" + "}", value)
    return out


def _routes_with_ids(app: Litestar, prefix: str) -> list[tuple[str, str, str | None]]:
    """(method, path template, module) of every route under ``prefix`` with a uuid in its path."""
    found = []
    for route in app.routes:
        params = _PARAM.findall(route.path)
        if not route.path.startswith(prefix) or not any(kind == "uuid" for _, kind in params):
            continue
        if any(name in _OPERATOR_PARAMS for name, _ in params):
            continue
        for handler in getattr(route, "route_handlers", []):
            if handler.opt.get("credential") == "device":
                continue  # players' routes refuse every tenant credential (403), the owner's too
            for method in sorted(handler.http_methods):
                if method not in ("HEAD", "OPTIONS"):
                    found.append((method, route.path, handler.opt.get("module")))
    return found


async def test_another_tenant_gets_404_from_every_api_route_with_an_id(
    app: Litestar,
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    owner_engine: AsyncEngine,
    make_tenant: Callable[..., Awaitable[TenantHandle]],
) -> None:
    tenant_a = await make_tenant(modules=ALL_MODULES)
    tenant_b = await make_tenant(modules=ALL_MODULES)
    await _demo_tenant(app_engine, client, tenant_a)
    ids = await _ids_by_table(owner_engine, app, tenant_a.id)
    before = await _checksum(owner_engine, tenant_a.id)

    routes = _routes_with_ids(app, "/api/v1/")
    unresolved, leaks, owner_misses = [], [], []
    for method, template, module in routes:
        path = _concrete(template, ids, module)
        if path is None:
            unresolved.append((method, template, module))
            continue
        headers = {"If-Match": "1", "Idempotency-Key": uuid.uuid4().hex}
        if method == "GET":
            mine = await client.get(path, headers=tenant_a.headers)
            if mine.status_code != 200:
                owner_misses.append((template, mine.status_code))
        body: Any = {} if method in ("POST", "PUT", "PATCH") else None
        theirs = await client.request(method, path, headers={**tenant_b.headers, **headers}, json=body)
        # Writes whose body fails validation never reach the record; everything else must be 404.
        allowed = {404} if method in ("GET", "DELETE", "PATCH") else {404, 415, 422}
        if theirs.status_code not in allowed:
            leaks.append((method, template, theirs.status_code))
        elif theirs.status_code == 422:
            named = {e["field"] for e in theirs.json().get("errors") or []}
            if named & {name for name, _ in _PARAM.findall(template)}:
                leaks.append((method, template, 422))

    assert leaks == []
    assert owner_misses == []
    # Every business module's id routes are exercised with real rows (its demo data provides them).
    assert sorted({r[1] for r in unresolved if r[2] is not None}) == []
    assert len(routes) - len(unresolved) > 60
    assert await _checksum(owner_engine, tenant_a.id) == before


async def test_another_tenant_gets_the_404_page_from_every_page_with_an_id(
    app: Litestar,
    client: httpx.AsyncClient,
    app_engine: AsyncEngine,
    owner_engine: AsyncEngine,
    make_tenant: Callable[..., Awaitable[TenantHandle]],
) -> None:
    tenant_a = await make_tenant(modules=ALL_MODULES)
    tenant_b = await make_tenant(modules=ALL_MODULES)
    await _demo_tenant(app_engine, client, tenant_a)
    ids = await _ids_by_table(owner_engine, app, tenant_a.id)
    await client.get("/login")
    signed = await client.post(
        "/login",
        data={
            "email": tenant_b.owner.email,
            "password": PASSWORD,
            "form_token": client.cookies.get("bizsuite_form", ""),
        },
        follow_redirects=False,
    )
    assert signed.status_code == 303

    pages = [
        (m, p)
        for m, p, _ in _routes_with_ids(app, "/")
        if m == "GET" and not p.startswith(("/api/", "/static"))
    ]
    answers = {}
    for _method, template in pages:
        # A page's module is its first path segment (``/venue-audio/...`` → ``venue_audio``).
        path = _concrete(template, ids, template.strip("/").split("/")[0].replace("-", "_"))
        if path is not None:
            answers[template] = (await client.get(path, headers={"accept": "text/html"})).status_code
    assert len(answers) > 10
    assert {t: s for t, s in answers.items() if s != 404} == {}
    assert any(spec.name == "crm" for spec in registry().modules)
