"""The statements list on the kernel list component: sort, count, search, groups with subtotals,
the export of the view, and subsidiary staff's rows only their own."""

from __future__ import annotations

import csv
import io

import httpx
import pytest
from bizsuite.core.identity import security
from bizsuite.settings import Settings
from bizsuite.web import exports
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD
from tests.core.approvals.conftest import post_ok
from tests.core.jobs.helpers import fast, run_jobs_until
from tests.modules.fees.conftest import BASE, Group, customs, reconcile


async def _two_statements(client: httpx.AsyncClient, g: Group) -> None:
    await customs(client, g, g.trade, "2026-02-01", "1000000.00")
    await customs(client, g, g.retail, "2026-02-01", "3000000.00")
    for unit, staff in ((g.trade, g.trade_staff), (g.retail, g.retail_staff)):
        await reconcile(client, g, unit, 2026, 1, staff)
        await post_ok(
            client, f"{BASE}/statements", {"org_unit_id": unit, "year": 2026, "quarter": 1}, g.finance.headers
        )


async def test_the_api_list_sorts_counts_and_searches(client: httpx.AsyncClient, group: Group) -> None:
    g = group
    await _two_statements(client, g)
    listed = (
        await client.get(f"{BASE}/statements", params={"sort": "total", "count": "true"}, headers=g.headers)
    ).json()
    assert [s["total"] for s in listed["items"]] == ["7000.00", "21000.00"] and listed["total"] == 2
    retail = (await client.get(f"{BASE}/statements", params={"q": "retail"}, headers=g.headers)).json()[
        "items"
    ]
    assert [s["org_unit_id"] for s in retail] == [g.retail]
    bad = await client.get(f"{BASE}/statements", params={"sort": "nonsense"}, headers=g.headers)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "sort"
    mine = (
        await client.get(f"{BASE}/statements", params={"count": "true"}, headers=g.trade_staff.headers)
    ).json()
    assert mine["total"] == 1 and mine["items"][0]["org_unit_id"] == g.trade


async def test_the_page_groups_by_subsidiary_and_exports_the_view(
    client: httpx.AsyncClient, group: Group
) -> None:
    g = group
    await _two_statements(client, g)
    await client.get("/login")
    signed = await client.post(
        "/login",
        data={
            "email": g.tenant.owner.email,
            "password": PASSWORD,
            "form_token": client.cookies.get("bizsuite_form", ""),
        },
        follow_redirects=False,
    )
    assert signed.status_code == 303
    grouped = await client.get("/fees/statements", params={"group": "org_unit"})
    assert grouped.status_code == 200 and grouped.text.count('data-testid="group-row"') == 2
    exported = await client.get("/fees/statements/export", params={"format": "csv", "sort": "-total"})
    assert exported.status_code == 200
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert len(rows) == 3 and rows[1][0].startswith("FS-2026Q1-RETAIL")


async def test_a_background_export_of_subsidiary_staff_holds_only_their_statements(
    client: httpx.AsyncClient,
    group: Group,
    owner_engine: AsyncEngine,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    g = group
    await _two_statements(client, g)
    async with owner_engine.begin() as connection:
        await connection.execute(
            text("UPDATE users SET password_hash = :h WHERE id = :u"),
            {"h": await security.hash_password(PASSWORD), "u": g.trade_staff.user_id},
        )
    signed = await client.post(
        "/api/v1/auth/login", json={"email": g.trade_staff.email, "password": PASSWORD}
    )
    assert signed.status_code == 200, signed.text
    client.cookies.set("bizsuite_lang", "en")
    monkeypatch.setattr(exports, "EXPORT_LIMIT", 0)  # their one statement is already beyond it
    params = {"format": "csv", "col": ["number", "org_unit"]}
    offered = await client.get("/fees/statements/export", params=params)
    assert offered.status_code == 200 and 'data-testid="export-confirm"' in offered.text
    queued = await client.post(
        "/fees/statements/export",
        params=params,
        data={"csrf_token": signed.json()["csrf_token"]},
        follow_redirects=False,
    )
    assert queued.status_code == 303, queued.text
    follow = queued.headers["location"]

    async def finished() -> bool:
        return "export-download" in (await client.get(follow)).text

    # The job runs as the system (which sees the whole group), yet writes only what they see.
    await run_jobs_until(fast(settings, worker_stalled_ms=60_000), finished)
    link = (await client.get(follow)).text.split('href="/files/', 1)[1].split('"', 1)[0]
    download = await client.get(f"/files/{link}", follow_redirects=True)
    assert download.status_code == 200
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0] == ["Number", "Subsidiary"]
    assert len(rows) == 2 and rows[1][0].startswith("FS-2026Q1-TRADE"), rows
