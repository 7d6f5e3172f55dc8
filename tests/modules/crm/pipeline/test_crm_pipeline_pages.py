"""Pipeline pages over HTTP with a signed-in session: board, list with exports, the opportunity
form, stage admin and the account page's opportunities panel."""

from __future__ import annotations

import csv
import io
import uuid
from typing import Any

import httpx
import openpyxl
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import PASSWORD, TenantHandle
from tests.modules.crm.conftest import create_opportunity, make_account, stage_named, stages
from tests.modules.crm.pipeline.conftest import signed_in

Client = httpx.AsyncClient


async def test_the_board_shows_one_column_per_stage_with_cards(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a, name="杭州西湖物业")
    await create_opportunity(client, tenant_a, account, name="中央空调改造", amount="88000.00")
    await signed_in(client, tenant_a)
    board = await client.get("/crm/pipeline")
    assert board.status_code == 200, board.text
    html = board.text
    assert html.count('data-testid="stage-column"') == 6
    assert "中央空调改造" in html and "杭州西湖物业" in html and "88,000.00" in html
    assert "<title>销售漏斗 · BizSuite</title>" in html or "<title>Pipeline · BizSuite</title>" in html
    column = await client.get(
        f"/crm/pipeline/columns/{stage_named(await stages(client, tenant_a), '线索')['id']}"
    )
    assert column.status_code == 200 and "中央空调改造" in column.text and "<html" not in column.text


async def test_the_board_moves_a_card_through_the_api_with_the_session(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    opportunity = await create_opportunity(client, tenant_a, await make_account(app_engine, tenant_a))
    won = stage_named(await stages(client, tenant_a), "赢单")
    csrf = await signed_in(client, tenant_a)
    url = f"/api/v1/crm/opportunities/{opportunity['id']}/stage"
    refused = await client.post(url, json={"stage_id": won["id"]}, headers={"If-Match": "1"})
    assert refused.status_code == 403  # no CSRF token
    moved = await client.post(
        url, json={"stage_id": won["id"]}, headers={"If-Match": "1", "X-CSRF-Token": csrf}
    )
    assert moved.status_code == 200 and moved.json()["status"] == "won"


async def test_create_edit_and_move_through_the_forms(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    items = await stages(client, tenant_a)
    csrf = await signed_in(client, tenant_a)
    form = await client.get(f"/crm/pipeline/opportunities/new?account_id={account}")
    assert form.status_code == 200 and f'value="{account}" selected' in form.text

    invalid = await client.post(
        "/crm/pipeline/opportunities",
        data={"csrf_token": csrf, "account_id": str(account), "name": "新项目", "amount": "-5"},
    )
    assert invalid.status_code == 422 and 'data-testid="error-amount"' in invalid.text
    far = await client.post(
        "/crm/pipeline/opportunities",
        data={
            "csrf_token": csrf,
            "account_id": str(account),
            "name": "新项目",
            "amount": "5",
            "expected_close": "2999-01-01",
        },
    )
    assert far.status_code == 422 and 'data-testid="error-expected_close"' in far.text
    assert 'value="新项目"' in far.text  # what was typed is kept

    created = await client.post(
        "/crm/pipeline/opportunities",
        data={
            "csrf_token": csrf,
            "account_id": str(account),
            "name": "新项目",
            "amount": "1200.50",
            "stage_id": stage_named(items, "方案报价")["id"],
            "expected_close": "2027-02-01",
        },
    )
    assert created.status_code == 303, created.text
    detail_url = created.headers["location"].split("?")[0]
    detail = await client.get(detail_url)
    assert "600.25" in detail.text  # expected value at 50 %

    opportunity_id = detail_url.rsplit("/", 1)[1]
    no_reason = await client.post(
        f"{detail_url}/stage",
        data={"csrf_token": csrf, "version": "1", "stage_id": stage_named(items, "输单")["id"]},
    )
    assert no_reason.status_code == 422 and 'data-testid="error-reason"' in no_reason.text
    lost = await client.post(
        f"{detail_url}/stage",
        data={
            "csrf_token": csrf,
            "version": "1",
            "stage_id": stage_named(items, "输单")["id"],
            "reason": "竞品低价",
        },
    )
    assert lost.status_code == 303
    stored = (
        await client.get(f"/api/v1/crm/opportunities/{opportunity_id}", headers=tenant_a.headers)
    ).json()
    assert stored["status"] == "lost" and stored["close_reason"] == "竞品低价"

    stale = await client.post(
        f"{detail_url}/edit",
        data={
            "csrf_token": csrf,
            "version": "1",
            "account_id": str(account),
            "name": "改名",
            "amount": "1.00",
        },
    )
    # Someone else saved first (the move above): the form comes back with what was typed and
    # the saved values, and the current version to save again.
    assert stale.status_code == 409 and 'data-testid="form-error"' in stale.text
    assert 'value="改名"' in stale.text and 'data-testid="saved-name"' in stale.text
    assert '<input type="hidden" name="version" value="2">' in stale.text
    saved = await client.post(
        f"{detail_url}/edit",
        data={
            "csrf_token": csrf,
            "version": "2",
            "account_id": str(account),
            "name": "改名",
            "amount": "1.00",
            "expected_close": "",
            "owner_user_id": str(tenant_a.owner.id),
        },
    )
    assert saved.status_code == 303
    stored = (
        await client.get(f"/api/v1/crm/opportunities/{opportunity_id}", headers=tenant_a.headers)
    ).json()
    assert stored["name"] == "改名" and stored["expected_close"] is None
    assert stored["owner_name"] == "Owner" and stored["amount"] == "1.00"


async def test_list_view_filters_and_exports(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a, name="=HYPERLINK 客户")
    await create_opportunity(client, tenant_a, account, name="甲项目", amount="100.00")
    await create_opportunity(client, tenant_a, account, name="乙项目", amount="300.00")
    await signed_in(client, tenant_a)
    listed = await client.get("/crm/pipeline/opportunities")
    assert listed.status_code == 200 and listed.text.count('data-testid="opportunity-row"') == 2
    won_only = await client.get("/crm/pipeline/opportunities?status=won")
    assert 'data-testid="empty-state"' in won_only.text

    exported = await client.get("/crm/pipeline/opportunities/export?format=csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert len(rows) == 3 and {r[0] for r in rows[1:]} == {"甲项目", "乙项目"}
    assert rows[1][1] == "'=HYPERLINK 客户"  # a formula stays text
    xlsx = await client.get("/crm/pipeline/opportunities/export?format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None and sheet.max_row == 3


async def test_admins_manage_stages_on_their_page(client: Client, tenant_a: TenantHandle) -> None:
    csrf = await signed_in(client, tenant_a)
    page = await client.get("/crm/pipeline/stages")
    assert page.status_code == 200 and page.text.count('data-testid="stage-row"') == 6
    added = await client.post(
        "/crm/pipeline/stages",
        data={"csrf_token": csrf, "name": "样品测试", "probability": "40", "position": "2"},
    )
    assert added.status_code == 303
    items = await stages(client, tenant_a)
    assert [s["name"] for s in items][:3] == ["线索", "样品测试", "需求确认"]
    second_won = await client.post(
        "/crm/pipeline/stages", data={"csrf_token": csrf, "name": "签约", "probability": "100", "kind": "won"}
    )
    assert second_won.status_code == 422 and 'data-testid="error-kind"' in second_won.text
    sample = stage_named(items, "样品测试")
    edited = await client.post(
        f"/crm/pipeline/stages/{sample['id']}/edit",
        data={
            "csrf_token": csrf,
            "version": str(sample["version"]),
            "name": "样品测试",
            "probability": "45",
            "kind": "open",
            "position": "2",
        },
    )
    assert edited.status_code == 303
    assert stage_named(await stages(client, tenant_a), "样品测试")["probability"] == 45


async def test_the_account_panel_lists_its_opportunities_and_hides_other_tenants(
    client: Client, tenant_a: TenantHandle, tenant_b: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    other = await make_account(app_engine, tenant_a)
    b_account = await make_account(app_engine, tenant_b)
    await create_opportunity(client, tenant_a, account, name="本客户的商机")
    await create_opportunity(client, tenant_a, other, name="别的客户")
    await signed_in(client, tenant_a)
    panel = await client.get(f"/crm/accounts/{account}/opportunities-panel", headers={"HX-Request": "true"})
    assert panel.status_code == 200
    assert "本客户的商机" in panel.text and "别的客户" not in panel.text
    assert f"/crm/pipeline/opportunities/new?account_id={account}" in panel.text
    empty = await client.get(f"/crm/accounts/{other}/opportunities-panel")
    assert "别的客户" in empty.text
    assert (await client.get(f"/crm/accounts/{b_account}/opportunities-panel")).status_code == 404


async def test_pages_need_the_crm_module(client: Client, make_tenant: Any) -> None:
    tenant = await make_tenant(modules=["contracts"])
    await signed_in(client, tenant)
    assert (await client.get("/crm/pipeline")).status_code == 403


async def test_viewers_read_the_pipeline_but_cannot_change_it(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    from bizsuite.core.identity.models import Role

    from tests.browser.conftest import add_user

    opportunity = await create_opportunity(client, tenant_a, await make_account(app_engine, tenant_a))
    viewer = await add_user(app_engine, tenant_a, Role.VIEWER, modules=["crm"])
    login = await client.post("/api/v1/auth/login", json={"email": viewer.email, "password": PASSWORD})
    csrf = login.json()["csrf_token"]
    board = await client.get("/crm/pipeline")
    assert board.status_code == 200 and "二期扩容" in board.text
    assert 'data-testid="new-opportunity"' not in board.text and 'draggable="true"' not in board.text
    detail = await client.get(f"/crm/pipeline/opportunities/{opportunity['id']}")
    assert detail.status_code == 200 and 'data-testid="move-form"' not in detail.text
    assert (await client.get("/crm/pipeline/opportunities/new")).status_code == 403
    refused = await client.post(
        f"/crm/pipeline/opportunities/{opportunity['id']}/edit",
        data={"csrf_token": csrf, "version": "1", "name": "改名", "amount": "1.00"},
    )
    assert refused.status_code == 403
    assert (await client.get("/crm/pipeline/stages")).status_code == 403


async def test_a_full_column_counts_and_totals_every_opportunity(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    from decimal import Decimal

    from bizsuite.core.database import make_sessionmaker
    from bizsuite.core.db import bind_tenant
    from bizsuite.modules.crm.models import Opportunity

    account = await make_account(app_engine, tenant_a)
    won = stage_named(await stages(client, tenant_a), "赢单")
    async with make_sessionmaker(app_engine)() as session, session.begin():
        await bind_tenant(session, tenant_a.id)
        session.add_all(
            Opportunity(
                account_id=account,
                name=f"老单 {n}",
                amount=Decimal("10.00"),
                currency="CNY",
                stage_id=uuid.UUID(won["id"]),
            )
            for n in range(105)
        )
        # Another currency counts but is not added to the CNY total.
        session.add(
            Opportunity(
                account_id=account,
                name="美元单",
                amount=Decimal("99.00"),
                currency="USD",
                stage_id=uuid.UUID(won["id"]),
            )
        )
    await signed_in(client, tenant_a)
    column = await client.get(f"/crm/pipeline/columns/{won['id']}", headers={"HX-Request": "true"})
    assert column.status_code == 200
    html = column.text
    assert html.count('data-testid="opportunity-card"') == 100  # the newest ones only
    assert 'data-testid="column-count">106<' in html
    assert "1,050.00" in html  # 105 × 10.00 CNY, not just the 100 cards shown
    assert 'data-testid="column-more"' in html and f"/crm/pipeline/opportunities?stage_id={won['id']}" in html
    board = await client.get("/crm/pipeline")
    assert 'data-testid="column-count">106<' in board.text


async def test_empty_filter_inputs_mean_no_filter_and_the_timeline_and_search_show_opportunities(
    client: Client, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    await create_opportunity(client, tenant_a, account, name="年度框架协议", amount="100.00")
    await signed_in(client, tenant_a)
    listed = await client.get("/crm/pipeline/opportunities?stage_id=&status=&owner_user_id=")
    assert listed.status_code == 200 and listed.text.count('data-testid="opportunity-row"') == 1
    assert (await client.get("/crm/pipeline?owner_user_id=")).status_code == 200
    timeline = await client.get(f"/api/v1/crm/accounts/{account}/timeline", headers=tenant_a.headers)
    assert "opportunity_created" in {e["kind"] for e in timeline.json()["items"]}
    found = await client.get("/api/v1/search", params={"q": "年度"}, headers=tenant_a.headers)
    assert found.status_code == 200 and "年度框架协议" in found.text
