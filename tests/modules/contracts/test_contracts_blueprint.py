"""The demo blueprint's contracts: its clause library and templates (with their control
indicators) are created once; applying it twice creates nothing the second time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
from bizsuite.core.blueprints import apply_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.settings import REPO_ROOT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.contracts.conftest import BASE


async def test_the_demo_ships_templates_with_their_indicators(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: Callable[..., Awaitable[TenantHandle]]
) -> None:
    tenant = await make_tenant(modules=["crm", "contracts"])
    source = (REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8")
    blueprint = parse_blueprint(source.replace('slug = "huaxin-group"', f'slug = "{tenant.tenant.slug}"', 1))
    for attempt in range(2):
        async with make_sessionmaker(app_engine)() as session, session.begin():
            report = await apply_blueprint(session, blueprint, source="demo.toml")
        made = [c for c in report.created if c.startswith(("clause", "template"))]
        assert len(made) == (5 if attempt == 0 else 0), made
    templates = (await client.get(f"{BASE}/templates", headers=tenant.headers)).json()["items"]
    sub = next(t for t in templates if t["code"] == "T-SUB")
    assert sub["max_amount"] == "500000.00" and sub["required_attachments"] == ["报价单"]
    assert [(c["code"], c["required"]) for c in sub["clauses"]] == [
        ("PAY", True),
        ("SAFETY", True),
        ("WARRANTY", False),
    ]
