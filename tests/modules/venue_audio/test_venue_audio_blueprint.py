"""The demo blueprint's ``[venue_audio]``: a 12-floor tower with two basements and a scenic area,
with groups, devices and schedules, applied twice without writing anything the second time; its
board answers for every zone."""

from __future__ import annotations

import httpx
from bizsuite.core.blueprints import apply_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.settings import REPO_ROOT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.venue_audio.conftest import BASE


async def test_the_demo_has_a_tower_and_a_scenic_area(
    client: httpx.AsyncClient, app_engine: AsyncEngine, make_tenant: object
) -> None:
    tenant: TenantHandle = await make_tenant(modules=["venue_audio"])  # type: ignore[operator]
    source = (REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8")
    blueprint = parse_blueprint(source.replace('slug = "huaxin-group"', f'slug = "{tenant.tenant.slug}"', 1))
    for round_ in (1, 2):
        async with make_sessionmaker(app_engine)() as session, session.begin():
            report = await apply_blueprint(session, blueprint, source="demo.toml")
        mine = [c for c in report.created if c.startswith("venue ")]
        assert mine == (["venue TOWER", "venue LAKE"] if round_ == 1 else [])
    venues = {
        v["code"]: v for v in (await client.get(f"{BASE}/venues", headers=tenant.headers)).json()["items"]
    }
    assert (
        venues["TOWER"]["emergency_policy"] == "phased" and venues["LAKE"]["emergency_policy"] == "all_zones"
    )
    board = (await client.get(f"{BASE}/venues/{venues['TOWER']['id']}/board", headers=tenant.headers)).json()
    assert [z["code"] for z in board["zones"]] == [f"F{n}" for n in range(12, 0, -1)] + ["B1", "B2"]
    assert sum(z["devices"] for z in board["zones"]) == 4
    groups = (
        await client.get(
            f"{BASE}/zone-groups", headers=tenant.headers, params={"venue_id": venues["TOWER"]["id"]}
        )
    ).json()
    assert sorted(g["code"] for g in groups["items"]) == ["OFFICE", "PARKING", "RETAIL"]
    schedules = (await client.get(f"{BASE}/schedules", headers=tenant.headers)).json()["items"]
    assert len(schedules) == 5
    lake = (
        await client.get(f"{BASE}/zones", headers=tenant.headers, params={"venue_id": venues["LAKE"]["id"]})
    ).json()
    assert sorted(z["code"] for z in lake["items"]) == ["CAUSEWAY", "GATE", "PAVILION"]
    assert all(z["floor"] is None for z in lake["items"])
