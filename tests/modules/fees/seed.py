"""Fees records for the route-table isolation test beyond the demo blueprint's (which has the
schedule, customs records and profit figures): a reconciliation, a draft statement and the
trading subsidiary's payer flags set explicitly (a wholly-owned payer, as by default).

Each side of a reconciliation is confirmed by its own people: HQ's by the tenant's key, the
trading subsidiary's by its finance clerk (``trade.finance@`` of the blueprint, signed in with
its demo password, then signed out)."""

from __future__ import annotations

import tomllib

import httpx
from bizsuite.core.http import CSRF_HEADER, SESSION_COOKIE
from bizsuite.settings import REPO_ROOT

BASE = "/api/v1/fees"
CLERK = "trade.finance@huaxin.example"


def _clerk_password() -> str:
    blueprint = tomllib.loads((REPO_ROOT / "tenants" / "demo.toml").read_text(encoding="utf-8"))
    return str(next(u["password"] for u in blueprint["users"] if u["email"] == CLERK))


async def seed(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """A 2026-Q1 reconciliation of the trading subsidiary, confirmed by both sides, and its draft statement."""
    units = (await client.get("/api/v1/org-units?limit=200", headers=headers)).json()["items"]
    unit = next(u for u in units if u["kind"] == "subsidiary" and u["code"] == "SUB-TRADE")
    opened = await client.post(
        f"{BASE}/reconciliations",
        headers=headers,
        json={"org_unit_id": unit["id"], "year": 2026, "quarter": 1},
    )
    assert opened.status_code == 201, opened.text
    current = opened.json()
    done = await client.post(
        f"{BASE}/reconciliations/{current['id']}/confirm",
        headers={**headers, "If-Match": str(current["version"])},
        json={"side": "hq"},
    )
    assert done.status_code == 200, done.text
    current = done.json()
    slug = (await client.get("/api/v1/tenant", headers=headers)).json()["slug"]
    signed = await client.post(
        "/api/v1/auth/login", json={"email": CLERK, "password": _clerk_password(), "tenant_slug": slug}
    )
    assert signed.status_code == 200, signed.text
    session = {CSRF_HEADER: signed.json()["csrf_token"]}
    try:
        done = await client.post(
            f"{BASE}/reconciliations/{current['id']}/confirm",
            headers={**session, "If-Match": str(current["version"])},
            json={"side": "subsidiary"},
        )
        assert done.status_code == 200, done.text
    finally:
        await client.post("/api/v1/auth/logout", headers=session)
        client.cookies.delete(SESSION_COOKIE)
    made = await client.post(
        f"{BASE}/statements", headers=headers, json={"org_unit_id": unit["id"], "year": 2026, "quarter": 1}
    )
    assert made.status_code == 201, made.text
    payer = await client.put(
        f"{BASE}/payers/{unit['id']}", headers={**headers, "If-Match": "0"}, json={"wholly_owned": True}
    )
    assert payer.status_code == 200, payer.text
