"""Through the generated SDK against a real server: import a revenue file, read the watch list,
key accounts, an account's series and the CRM settings."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import pytest
from bizsuite.settings import Settings
from bizsuite_client import AuthenticatedClient
from bizsuite_client.api.crm import (
    confirm_crm_revenue_import,
    create_crm_revenue_import,
    get_crm_account_revenue,
    get_crm_revenue_import,
    get_crm_settings,
    list_crm_churn_risks,
    list_crm_key_accounts,
    put_crm_account_revenue,
)
from bizsuite_client.models import (
    AccountRevenueOut,
    ChurnRiskPage,
    CrmSettingsOut,
    KeyAccountPage,
    RevenueAmount,
    RevenueImportOut,
)
from bizsuite_client.types import File
from bizsuite_sdk import create_client
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until
from tests.modules.crm.conftest import make_accounts
from tests.modules.crm.revenue.conftest import csv_file

ROWS = [
    ("C-001", "2026-07", "1000"),
    ("C-001", "2026-08", "900"),
    ("C-001", "2026-09", "800"),
    ("C-001", "2026-10", "700"),
    ("C-002", "2026-10", "250.50"),
]


@pytest.fixture
async def sdk(live_server: str, tenant_a: TenantHandle) -> AsyncIterator[AuthenticatedClient]:
    async with create_client(tenant_a.api_key, live_server) as client:
        yield client


async def test_import_a_file_and_read_the_watch_list_through_the_sdk(
    sdk: AuthenticatedClient, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    ids = await make_accounts(app_engine, tenant_a, ["C-001", "C-002"])
    # Uploads stream a file object: the sync call (in a thread) sends it as it reads.
    preview = await asyncio.to_thread(
        create_crm_revenue_import.sync,
        client=sdk,
        body=File(payload=io.BytesIO(csv_file(ROWS)), file_name="revenue.csv", mime_type="text/csv"),
        name="revenue.csv",
    )
    assert isinstance(preview, RevenueImportOut), preview
    assert preview.status == "previewed" and preview.total_rows == 5 and preview.errors == []

    queued = await confirm_crm_revenue_import.asyncio(client=sdk, import_id=preview.id)
    assert isinstance(queued, RevenueImportOut) and queued.status == "running"

    async def finished() -> bool:
        current = await get_crm_revenue_import.asyncio(client=sdk, import_id=preview.id)
        return isinstance(current, RevenueImportOut) and current.status != "running"

    await run_jobs_until(fast(settings), finished)
    done = await get_crm_revenue_import.asyncio(client=sdk, import_id=preview.id)
    assert isinstance(done, RevenueImportOut) and done.status == "completed" and done.processed_rows == 5

    watch = await list_crm_churn_risks.asyncio(client=sdk)
    assert isinstance(watch, ChurnRiskPage)
    assert [(w.code, w.months_declining, w.tier, w.revenue_at_stake) for w in watch.items] == [
        ("C-001", 3, "A", "3400.00")
    ]
    key = await list_crm_key_accounts.asyncio(client=sdk, tier="A")
    assert isinstance(key, KeyAccountPage) and [k.code for k in key.items] == ["C-001"]

    # October rises: the streak ends and the watch list empties.
    await put_crm_account_revenue.asyncio(
        client=sdk, account_id=ids["C-001"], month="2026-10", body=RevenueAmount(amount="850")
    )
    series = await get_crm_account_revenue.asyncio(client=sdk, account_id=ids["C-001"])
    assert isinstance(series, AccountRevenueOut)
    assert series.at_risk is False and series.months[-1].amount == "850.00"
    empty = await list_crm_churn_risks.asyncio(client=sdk)
    assert isinstance(empty, ChurnRiskPage) and empty.items == []

    settings_out = await get_crm_settings.asyncio(client=sdk)
    assert isinstance(settings_out, CrmSettingsOut) and settings_out.churn_months == 3
