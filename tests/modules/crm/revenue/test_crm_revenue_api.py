"""Monthly revenue through the API: entry, series, lists, tiers and the churn watch list, alerts,
settings, and what another tenant cannot do."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import httpx
from bizsuite.core.alerts.models import Alert, Notification
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.modules.crm.conftest import add_revenue, make_accounts
from tests.modules.crm.revenue.conftest import tenant_ctx


async def _put(
    client: httpx.AsyncClient, tenant: TenantHandle, account_id: Any, month: str, amount: str
) -> httpx.Response:
    return await client.put(
        f"/api/v1/crm/accounts/{account_id}/revenue/{month}", json={"amount": amount}, headers=tenant.headers
    )


async def test_revenue_entry_recomputes_the_tier_and_the_series(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    response = await _put(client, tenant_a, ids["C-001"], "2026-09", "1000.50")
    assert response.status_code == 200, response.text
    assert response.json()["month"] == "2026-09" and response.json()["amount"] == "1000.50"
    await _put(client, tenant_a, ids["C-001"], "2026-07", "800")
    await _put(client, tenant_a, ids["C-002"], "2026-09", "100")

    series = (
        await client.get(f"/api/v1/crm/accounts/{ids['C-001']}/revenue", headers=tenant_a.headers)
    ).json()
    assert series["tier"] == "A" and series["trailing_revenue"] == "1800.50" and series["as_of"] == "2026-09"
    # August has no row: inside the account's range it counts as 0.
    assert [(m["month"], m["amount"], m["recorded"]) for m in series["months"]] == [
        ("2026-07", "800.00", True),
        ("2026-08", "0", False),
        ("2026-09", "1000.50", True),
    ]
    # Replacing a month is the same PUT; deleting a month removes it.
    await _put(client, tenant_a, ids["C-001"], "2026-09", "10")
    deleted = await client.delete(
        f"/api/v1/crm/accounts/{ids['C-001']}/revenue/2026-07", headers=tenant_a.headers
    )
    assert deleted.status_code == 204
    series = (
        await client.get(f"/api/v1/crm/accounts/{ids['C-001']}/revenue", headers=tenant_a.headers)
    ).json()
    assert [m["amount"] for m in series["months"]] == ["10.00"]
    assert series["tier"] == "B" or series["tier"] == "A"
    key = (await client.get("/api/v1/crm/key-accounts", headers=tenant_a.headers)).json()
    assert [(i["code"], i["tier"]) for i in key["items"]] == [("C-002", "A"), ("C-001", "B")]
    assert key["total_revenue"] == "110.00" and key["items"][-1]["cumulative_share"] == "1.0000"


async def test_bad_revenue_input_names_the_field(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["C-001"])
    for month, amount, field in (
        ("2026-13", "1", "month"),
        ("2026-01", "-5", "amount"),
        ("2026-01", "1.234", "amount"),
        ("2026-01", "NaN", "amount"),
        ("2026-01", "abc", "amount"),
        ("2026-01", "1" * 20, "amount"),
        ("26-01", "1", "month"),
    ):
        response = await _put(client, tenant_a, ids["C-001"], month, amount)
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["field"] == field
    missing = await client.delete(
        f"/api/v1/crm/accounts/{ids['C-001']}/revenue/2026-01", headers=tenant_a.headers
    )
    assert missing.status_code == 404


async def test_revenue_list_filters_by_month_and_account_and_pages(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    for account_id in ids.values():
        await add_revenue(app_engine, tenant_a, account_id, date(2026, 1, 1), [10, 20, 30])
    page = (await client.get("/api/v1/crm/revenue", params={"limit": 4}, headers=tenant_a.headers)).json()
    assert len(page["items"]) == 4 and page["next_cursor"]
    rest = (
        await client.get(
            "/api/v1/crm/revenue",
            params={"limit": 4, "cursor": page["next_cursor"]},
            headers=tenant_a.headers,
        )
    ).json()
    assert len(rest["items"]) == 2 and rest["next_cursor"] is None
    march = (
        await client.get("/api/v1/crm/revenue", params={"month": "2026-03"}, headers=tenant_a.headers)
    ).json()
    assert sorted(i["amount"] for i in march["items"]) == ["30.00", "30.00"]
    one = (
        await client.get(
            "/api/v1/crm/revenue",
            params={"account_id": str(ids["C-002"]), "month": "2026-02"},
            headers=tenant_a.headers,
        )
    ).json()
    assert [(i["account_id"], i["amount"]) for i in one["items"]] == [(str(ids["C-002"]), "20.00")]
    bad = await client.get("/api/v1/crm/revenue", params={"month": "March"}, headers=tenant_a.headers)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "month"


async def test_a_decline_streak_alerts_the_owner_once_and_a_new_streak_again(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["C-001"], owner_user_id=tenant_a.owner.id)
    account = ids["C-001"]
    # January .. April: 100, 90, 80, 70 -> at risk in April (3 declines).
    await add_revenue(app_engine, tenant_a, account, date(2026, 1, 1), [100, 90, 80])
    await _put(client, tenant_a, account, "2026-04", "70")
    watch = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    assert [(w["code"], w["months_declining"], w["streak_start"], w["last_month"]) for w in watch] == [
        ("C-001", 3, "2026-02", "2026-04")
    ]
    assert watch[0]["alerted_at"] is not None and watch[0]["revenue_at_stake"] == "340.00"

    # The streak goes on in May (4 months): the same streak, no second alert.
    await _put(client, tenant_a, account, "2026-05", "60")
    # June rises (75 > 60): the streak ended, the account leaves the watch list.
    await _put(client, tenant_a, account, "2026-06", "75")
    assert (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"] == []
    # July .. September decline again: a new streak, a new alert.
    for month, amount in (("2026-07", "70"), ("2026-08", "65"), ("2026-09", "50")):
        await _put(client, tenant_a, account, month, amount)
    watch = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    assert [(w["streak_start"], w["months_declining"]) for w in watch] == [("2026-07", 3)]

    async with tenant_ctx(app_engine, tenant_a) as ctx:
        alerts = (
            await ctx.session.scalars(
                select(Alert).where(Alert.type == "crm.churn_risk").order_by(Alert.created_at)
            )
        ).all()
        notified = (await ctx.session.scalars(select(Notification.user_id))).all()
    assert [a.dedup_key.rsplit(":", 1)[-1] for a in alerts] == ["2026-02", "2026-07"]
    assert all(a.target_id == account for a in alerts)
    assert set(notified) == {tenant_a.owner.id}


async def test_equal_months_break_the_streak_through_the_api(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["C-001"])
    await add_revenue(app_engine, tenant_a, ids["C-001"], date(2026, 1, 1), [100, 90, 90, 80])
    await _put(client, tenant_a, ids["C-001"], "2026-05", "70")
    series = (
        await client.get(f"/api/v1/crm/accounts/{ids['C-001']}/revenue", headers=tenant_a.headers)
    ).json()
    assert series["at_risk"] is False and series["months_declining"] == 2


async def test_settings_change_churn_months_and_shares_and_recompute(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    await add_revenue(app_engine, tenant_a, ids["C-001"], date(2026, 1, 1), [100, 90, 80])
    await add_revenue(app_engine, tenant_a, ids["C-002"], date(2026, 1, 1), [50, 50, 50])
    settings = (await client.get("/api/v1/crm/settings", headers=tenant_a.headers)).json()
    assert (settings["churn_months"], settings["tier_a_share"], settings["tier_b_share"]) == (
        3,
        "0.8000",
        "0.9500",
    )
    assert settings["business_calendar"] == {"hours": {}, "holidays": []}

    no_version = await client.put("/api/v1/crm/settings", json={"churn_months": 2}, headers=tenant_a.headers)
    assert no_version.status_code == 428
    changed = await client.put(
        "/api/v1/crm/settings",
        json={
            "churn_months": 2,
            "tier_a_share": "0.5",
            "route_by_zone": True,
            "business_calendar": {"hours": {"mon": ["09:00", "18:00"]}, "holidays": ["2026-10-01"]},
        },
        headers={**tenant_a.headers, "If-Match": str(settings["version"])},
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["churn_months"] == 2 and body["route_by_zone"] is True
    assert body["business_calendar"] == {"hours": {"mon": ["09:00", "18:00"]}, "holidays": ["2026-10-01"]}
    watch = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    assert [(w["code"], w["months_declining"]) for w in watch] == [("C-001", 2)]
    key = (await client.get("/api/v1/crm/key-accounts", headers=tenant_a.headers)).json()["items"]
    assert [(k["code"], k["tier"]) for k in key] == [("C-001", "A"), ("C-002", "B")]

    stale = await client.put(
        "/api/v1/crm/settings",
        json={"churn_months": 5},
        headers={**tenant_a.headers, "If-Match": str(settings["version"])},
    )
    assert stale.status_code == 412
    version = {**tenant_a.headers, "If-Match": str(body["version"])}
    for payload, field in (
        ({"churn_months": 1}, "churn_months"),
        ({"churn_months": 25}, "churn_months"),
        ({"tier_a_share": "0.97"}, "tier_b_share"),
        ({"tier_a_share": "0"}, "tier_a_share"),
        ({"tier_b_share": "1.5"}, "tier_b_share"),
        ({"tier_a_share": "NaN"}, "tier_a_share"),
        ({"tier_b_share": "sNaN"}, "tier_b_share"),
        ({"tier_a_share": "Infinity"}, "tier_a_share"),
        ({"business_calendar": {"hours": {"xyz": ["09:00", "18:00"]}}}, "business_calendar.hours.xyz"),
        ({"business_calendar": {"hours": {"mon": ["18:00", "09:00"]}}}, "business_calendar.hours.mon"),
        ({"business_calendar": {"hours": {"mon": ["9am", "18:00"]}}}, "business_calendar.hours"),
    ):
        refused = await client.put("/api/v1/crm/settings", json=payload, headers=version)
        assert refused.status_code == 422, (payload, refused.text)
        assert refused.json()["errors"][0]["field"].startswith(field.split("[")[0]), refused.json()


async def test_viewers_read_but_only_admins_change_settings(
    client: httpx.AsyncClient, make_tenant: Any, app_engine: AsyncEngine
) -> None:
    from bizsuite.core.identity.models import ApiKey, Role
    from sqlalchemy import update

    viewer = await make_tenant(role=Role.VIEWER)
    async with tenant_ctx(app_engine, viewer) as ctx:
        await ctx.session.execute(update(ApiKey).values(module_grants=["crm"]))
    assert (await client.get("/api/v1/crm/settings", headers=viewer.headers)).status_code == 200
    refused = await client.put("/api/v1/crm/settings", json={}, headers={**viewer.headers, "If-Match": "1"})
    assert refused.status_code == 403
    ids = await make_accounts(app_engine, viewer, ["C-001"])
    assert (await _put(client, viewer, ids["C-001"], "2026-01", "1")).status_code == 403


async def test_tenant_b_cannot_see_or_change_tenant_a_revenue(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle, tenant_b: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["C-001"], owner_user_id=tenant_a.owner.id)
    await add_revenue(app_engine, tenant_a, ids["C-001"], date(2026, 1, 1), [100, 90, 80])
    await _put(client, tenant_a, ids["C-001"], "2026-04", "70")
    account = ids["C-001"]
    assert (
        await client.get(f"/api/v1/crm/accounts/{account}/revenue", headers=tenant_b.headers)
    ).status_code == 404
    assert (await _put(client, tenant_b, account, "2026-05", "1")).status_code == 404
    deleted = await client.delete(f"/api/v1/crm/accounts/{account}/revenue/2026-04", headers=tenant_b.headers)
    assert deleted.status_code == 404
    for path in ("/api/v1/crm/revenue", "/api/v1/crm/churn-risks", "/api/v1/crm/key-accounts"):
        assert (await client.get(path, headers=tenant_b.headers)).json()["items"] == [], path
    listed = await client.get(
        "/api/v1/crm/revenue", params={"account_id": str(account)}, headers=tenant_b.headers
    )
    assert listed.json()["items"] == []
    # Tenant B's recompute leaves A's tiers and watch list alone.
    recomputed = await client.post("/api/v1/crm/revenue/recompute", headers=tenant_b.headers)
    assert recomputed.status_code == 200 and recomputed.json()["at_risk"] == 0
    watch = (await client.get("/api/v1/crm/churn-risks", headers=tenant_a.headers)).json()["items"]
    assert [w["code"] for w in watch] == ["C-001"]
    series = (await client.get(f"/api/v1/crm/accounts/{account}/revenue", headers=tenant_a.headers)).json()
    assert series["tier"] == "A" and Decimal(series["trailing_revenue"]) == Decimal(340)


async def test_an_account_without_owner_alerts_the_admins_and_webhooks_hear_of_it(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    from bizsuite.core.webhooks.models import WebhookEvent

    endpoint = await client.post(
        "/api/v1/webhooks/endpoints",
        json={"url": "https://hooks.example.com/crm", "event_types": ["crm.*"]},
        headers=tenant_a.headers,
    )
    assert endpoint.status_code == 201, endpoint.text
    ids = await make_accounts(app_engine, tenant_a, ["C-001"])
    await add_revenue(app_engine, tenant_a, ids["C-001"], date(2026, 1, 1), [100, 90, 80])
    await _put(client, tenant_a, ids["C-001"], "2026-04", "70")
    async with tenant_ctx(app_engine, tenant_a) as ctx:
        notified = (await ctx.session.scalars(select(Notification.user_id))).all()
        events = (await ctx.session.scalars(select(WebhookEvent).order_by(WebhookEvent.created_at))).all()
    assert list(notified) == [tenant_a.owner.id]  # the owner is the tenant's only admin
    kinds = [e.event_type for e in events]
    assert kinds.count("crm.account.churn_risk") == 1
    assert "crm.account.tier_changed" in kinds
    risk = next(e.payload for e in events if e.event_type == "crm.account.churn_risk")
    assert (risk["code"], risk["months_declining"], risk["streak_start"], risk["tier"]) == (
        "C-001",
        3,
        "2026-02",
        "A",
    )
    changed = next(e.payload for e in events if e.event_type == "crm.account.tier_changed")
    assert (changed["old_tier"], changed["new_tier"]) == (None, "A")


async def test_key_accounts_and_the_watch_list_page_in_order(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    codes = [f"P-{i:02d}" for i in range(7)]
    ids = await make_accounts(app_engine, tenant_a, codes)
    for i, code in enumerate(codes):
        # Everyone declines three months; sizes differ so tiers and stakes differ.
        base = 100 * (i + 1) ** 2
        await add_revenue(
            app_engine, tenant_a, ids[code], date(2026, 1, 1), [base, base - 10, base - 20, base - 30]
        )
    await client.post("/api/v1/crm/revenue/recompute", headers=tenant_a.headers)

    async def every(path: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        cursor = None
        while True:
            params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
            page = (await client.get(path, params=params, headers=tenant_a.headers)).json()
            items += page["items"]
            cursor = page["next_cursor"]
            if not cursor:
                return items

    key = await every("/api/v1/crm/key-accounts")
    assert [k["code"] for k in key] == list(reversed(codes))
    assert [k["cumulative_share"] for k in key] == sorted(k["cumulative_share"] for k in key)
    watch = await every("/api/v1/crm/churn-risks")
    tiers = [w["tier"] for w in watch]
    assert tiers == sorted(tiers) and len(watch) == 7  # tier A first
    for tier in set(tiers):
        stakes = [Decimal(w["revenue_at_stake"]) for w in watch if w["tier"] == tier]
        assert stakes == sorted(stakes, reverse=True)
    assert (
        await client.get("/api/v1/crm/churn-risks", params={"cursor": "nonsense"}, headers=tenant_a.headers)
    ).status_code == 422


async def test_the_settings_page_keeps_the_typing_when_someone_saved_first(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    from tests.modules.crm.pipeline.conftest import signed_in

    csrf = await signed_in(client, tenant_a)
    form = {"csrf_token": csrf, "churn_months": "5", "tier_a_share": "0.8", "tier_b_share": "0.95"}
    saved = await client.post("/crm/settings", data={**form, "version": "1"})
    assert saved.status_code == 303 and "crm_settings.saved" in saved.headers["location"]
    stale = await client.post("/crm/settings", data={**form, "churn_months": "7", "version": "1"})
    assert stale.status_code == 409 and 'data-testid="form-error"' in stale.text
    assert 'value="7"' in stale.text and 'data-testid="saved-churn_months"' in stale.text
    bad = await client.post(
        "/crm/settings", data={**form, "churn_months": "40", "tier_a_share": "abc", "version": "2"}
    )
    assert bad.status_code == 422
    assert 'data-testid="error-churn_months"' in bad.text and 'data-testid="error-tier_a_share"' in bad.text
