"""The tenant-set horizon for revenue months (``revenue_future_months``): a month after the
current one is refused by default, accepted once the tenant allows it, and a refused month never
moves the tenant's "as of" month."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from bizsuite.core.blueprints import BlueprintError, apply_blueprint, parse_blueprint
from bizsuite.core.database import make_sessionmaker
from bizsuite.kit import load_modules
from bizsuite.modules.crm.revenue.rules import add_months, month_label
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.modules.crm.conftest import make_accounts, upload
from tests.modules.crm.revenue.conftest import csv_file

SETTINGS = "/api/v1/crm/settings"


def _this_month(tenant: TenantHandle) -> date:
    now = datetime.now(UTC).astimezone(ZoneInfo(tenant.tenant.time_zone or "UTC"))
    return date(now.year, now.month, 1)


async def _put(
    client: httpx.AsyncClient, tenant: TenantHandle, account_id: str, month: date
) -> httpx.Response:
    return await client.put(
        f"/api/v1/crm/accounts/{account_id}/revenue/{month_label(month)}",
        json={"amount": "100"},
        headers=tenant.headers,
    )


async def _as_of(client: httpx.AsyncClient, tenant: TenantHandle, account_id: str) -> Any:
    response = await client.get(f"/api/v1/crm/accounts/{account_id}/revenue", headers=tenant.headers)
    assert response.status_code == 200, response.text
    return response.json()["as_of"]


async def _set_horizon(client: httpx.AsyncClient, tenant: TenantHandle, months: int) -> httpx.Response:
    current = (await client.get(SETTINGS, headers=tenant.headers)).json()
    return await client.put(
        SETTINGS,
        json={"revenue_future_months": months},
        headers={**tenant.headers, "If-Match": str(current["version"])},
    )


async def test_a_month_ahead_is_refused_by_default_and_accepted_within_the_tenants_horizon(
    client: httpx.AsyncClient, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["C-001"])
    account = str(ids["C-001"])
    this_month = _this_month(tenant_a)
    next_month, after_next = add_months(this_month, 1), add_months(this_month, 2)

    assert (await client.get(SETTINGS, headers=tenant_a.headers)).json()["revenue_future_months"] == 0
    assert (await _put(client, tenant_a, account, this_month)).status_code == 200
    assert await _as_of(client, tenant_a, account) == month_label(this_month)

    # Default horizon 0: next month is refused, naming the field, and "as of" stays put.
    refused = await _put(client, tenant_a, account, next_month)
    assert refused.status_code == 422, refused.text
    [error] = refused.json()["errors"]
    assert error["field"] == "month" and error["message"] == f"must not be after {month_label(this_month)}"
    preview = await upload(client, tenant_a, csv_file([("C-001", month_label(next_month), "10")]))
    assert preview["status"] == "rejected"
    assert [(e["row"], e["column"]) for e in preview["errors"]] == [(2, "month")]
    assert await _as_of(client, tenant_a, account) == month_label(this_month)

    # The horizon is range-checked, then set to one month.
    for bad in (-1, 13):
        wrong = await _set_horizon(client, tenant_a, bad)
        assert wrong.status_code == 422, wrong.text
        assert [e["field"] for e in wrong.json()["errors"]] == ["revenue_future_months"]
    saved = await _set_horizon(client, tenant_a, 1)
    assert saved.status_code == 200, saved.text
    assert saved.json()["revenue_future_months"] == 1

    preview = await upload(client, tenant_a, csv_file([("C-001", month_label(next_month), "10")]))
    assert preview["status"] != "rejected", preview
    assert (await _put(client, tenant_a, account, next_month)).status_code == 200
    beyond = await _put(client, tenant_a, account, after_next)
    assert beyond.status_code == 422
    assert beyond.json()["errors"][0]["message"] == f"must not be after {month_label(next_month)}"
    assert await _as_of(client, tenant_a, account) == month_label(next_month)


def _blueprint(slug: str, last_month: date) -> str:
    return f"""
[tenant]
slug = "{slug}"
name = "Horizon Co"
modules = ["crm"]

[[users]]
email = "{slug}@example.com"
name = "Boss"
role = "owner"
password = "a demo password"

[[crm.accounts]]
code = "C-001"
name = "客户 1"

[[crm.revenue]]
account = "C-001"
start = "{month_label(add_months(last_month, -1))}"
amounts = ["1", "2"]
"""


async def test_a_blueprint_is_held_to_the_tenants_horizon(app_engine: AsyncEngine) -> None:
    load_modules()
    next_month = add_months(date.today().replace(day=1), 1)
    with pytest.raises(BlueprintError) as caught:
        async with make_sessionmaker(app_engine)() as session, session.begin():
            await apply_blueprint(session, parse_blueprint(_blueprint("horizon-no", next_month)), source="t")
    assert caught.value.field == "crm.revenue[0].amounts", str(caught.value)
    assert "must not be after" in str(caught.value)
    with pytest.raises(BlueprintError):  # no tenant reaches further than 12 months
        parse_blueprint(_blueprint("horizon-far", add_months(next_month, 13)), "far.toml")


async def test_the_settings_page_sets_the_horizon_and_names_a_bad_one(
    client: httpx.AsyncClient, tenant_a: TenantHandle
) -> None:
    login = await client.post(
        "/api/v1/auth/login", json={"email": tenant_a.owner.email, "password": PASSWORD}
    )
    assert login.status_code == 200, login.text
    csrf = login.json()["csrf_token"]
    shown = await client.get("/crm/settings", headers={"Accept-Language": "en"})
    assert shown.status_code == 200
    assert 'name="revenue_future_months"' in shown.text
    assert "可提前录入收入的月数" in shown.text  # the tenant reads Chinese
    version = (await client.get(SETTINGS, headers=tenant_a.headers)).json()["version"]
    form = {"csrf_token": csrf, "version": str(version), "churn_months": "3", "tier_a_share": "0.8"}
    form |= {"tier_b_share": "0.95"}
    refused = await client.post(
        "/crm/settings", data={**form, "revenue_future_months": "13"}, headers={"Accept-Language": "en"}
    )
    assert refused.status_code == 422
    assert 'data-testid="error-revenue_future_months"' in refused.text
    saved = await client.post("/crm/settings", data={**form, "revenue_future_months": "2"})
    assert saved.status_code in (302, 303), saved.text
    assert (await client.get(SETTINGS, headers=tenant_a.headers)).json()["revenue_future_months"] == 2
