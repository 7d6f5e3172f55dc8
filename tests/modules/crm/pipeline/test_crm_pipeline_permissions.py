"""Who may move or delete a deal (issue 12): its owner, a manager or an admin; a member only their
own (403 naming the rule otherwise, in the API and the pages); and the forecast page's figures
with their formulas."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
from bizsuite.core.context import Context, Principal, PrincipalKind
from bizsuite.core.database import make_sessionmaker
from bizsuite.core.db import bind_tenant
from bizsuite.core.errors import ForbiddenProblem
from bizsuite.core.identity import security
from bizsuite.core.identity.models import ApiKey, Role
from bizsuite.modules.crm.pipeline import rules, services
from bizsuite.modules.crm.pipeline.schemas import OpportunityStageMove, OpportunityUpdate
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.browser.conftest import add_user
from tests.conftest import TenantHandle
from tests.core.jobs.helpers import tenant_tx
from tests.modules.crm.conftest import create_opportunity, make_account, stage_named, stages
from tests.modules.crm.pipeline.conftest import move

OWNER, OTHER = uuid.uuid4(), uuid.uuid4()


def test_the_rule_owner_manager_admin() -> None:
    may = rules.may_move_or_delete
    assert may(Role.MEMBER, OWNER, OWNER)
    assert not may(Role.MEMBER, OTHER, OWNER)
    assert not may(Role.MEMBER, OWNER, None)  # nobody's deal is left to managers
    assert not may(Role.MEMBER, None, OWNER)  # an API key owns no deal
    assert may(Role.MANAGER, OTHER, OWNER)
    assert may(Role.ADMIN, None, OWNER)
    assert may(Role.OWNER, OTHER, None)
    assert not may(Role.VIEWER, OWNER, OWNER)
    assert not may(None, OWNER, OWNER)


async def _key(engine: AsyncEngine, tenant: TenantHandle, role: Role) -> dict[str, str]:
    secret = security.new_api_key()
    async with make_sessionmaker(engine)() as session, session.begin():
        await bind_tenant(session, tenant.id)
        session.add(
            ApiKey(
                name=f"{role.value}-key",
                prefix=secret[:12],
                key_hash=security.sha256_hex(secret),
                role=role,
                module_grants=["crm"],
            )
        )
    return {"Authorization": f"Bearer {secret}"}


async def test_a_member_cannot_move_or_delete_anothers_deal_a_manager_and_an_admin_can(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    seller = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    deal = await create_opportunity(client, tenant_a, account, owner_user_id=str(seller.id))
    items = await stages(client, tenant_a)
    member = await _key(app_engine, tenant_a, Role.MEMBER)
    manager = await _key(app_engine, tenant_a, Role.MANAGER)
    headers = {**member, "If-Match": str(deal["version"])}

    moved = await client.post(
        f"/api/v1/crm/opportunities/{deal['id']}/stage",
        json={"stage_id": stage_named(items, "方案报价")["id"]},
        headers=headers,
    )
    assert moved.status_code == 403, moved.text
    assert moved.json()["detail"] == rules.DEAL_RULE
    deleted = await client.delete(f"/api/v1/crm/opportunities/{deal['id']}", headers=headers)
    assert deleted.status_code == 403, deleted.text
    taken = await client.patch(
        f"/api/v1/crm/opportunities/{deal['id']}", json={"owner_user_id": None}, headers=headers
    )
    assert taken.status_code == 403, taken.text
    # Other details stay editable by members.
    renamed = await client.patch(
        f"/api/v1/crm/opportunities/{deal['id']}", json={"name": "二期扩容（改）"}, headers=headers
    )
    assert renamed.status_code == 200, renamed.text
    deal = renamed.json()
    assert deal["stage_id"] == stage_named(items, "线索")["id"]

    by_manager = await client.post(
        f"/api/v1/crm/opportunities/{deal['id']}/stage",
        json={"stage_id": stage_named(items, "方案报价")["id"]},
        headers={**manager, "If-Match": str(deal["version"])},
    )
    assert by_manager.status_code == 200, by_manager.text
    by_admin = await move(client, tenant_a, by_manager.json(), stage_named(items, "商务谈判")["id"])
    assert by_admin.status_code == 200, by_admin.text
    gone = await client.delete(
        f"/api/v1/crm/opportunities/{deal['id']}",
        headers={**manager, "If-Match": str(by_admin.json()["version"])},
    )
    assert gone.status_code == 204, gone.text


def _as(ctx: Context, user_id: uuid.UUID, role: Role) -> Context:
    principal = Principal(
        kind=PrincipalKind.USER, label="seller", tenant=ctx.tenant, role=role, user_id=user_id
    )
    return Context(session=ctx.session, principal=principal)


async def test_a_member_moves_and_deletes_their_own_deal_but_not_a_colleagues(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    account = await make_account(app_engine, tenant_a)
    seller = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    colleague = await add_user(app_engine, tenant_a, Role.MEMBER, modules=["crm"])
    own = await create_opportunity(client, tenant_a, account, owner_user_id=str(seller.id))
    theirs = await create_opportunity(client, tenant_a, account, owner_user_id=str(colleague.id))
    target = stage_named(await stages(client, tenant_a), "需求确认")["id"]

    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        as_seller = _as(ctx, seller.id, Role.MEMBER)
        view = await services.move_stage(
            as_seller,
            uuid.UUID(own["id"]),
            OpportunityStageMove(stage_id=uuid.UUID(target)),
            str(own["version"]),
        )
        assert str(view.stage.id) == target
        with pytest.raises(ForbiddenProblem) as refused:
            await services.move_stage(
                as_seller,
                uuid.UUID(theirs["id"]),
                OpportunityStageMove(stage_id=uuid.UUID(target)),
                str(theirs["version"]),
            )
        assert refused.value.detail == rules.DEAL_RULE
        # Nor can they hand a colleague's deal to themselves (and then move it).
        with pytest.raises(ForbiddenProblem):
            await services.update_opportunity(
                as_seller,
                uuid.UUID(theirs["id"]),
                OpportunityUpdate(owner_user_id=seller.id),
                str(theirs["version"]),
            )
        await services.delete_opportunity(as_seller, uuid.UUID(own["id"]), str(view.opportunity.version))
    assert (
        await client.get(f"/api/v1/crm/opportunities/{own['id']}", headers=tenant_a.headers)
    ).status_code == 404


async def test_the_forecast_page_shows_each_figure_with_its_formula(
    client: httpx.AsyncClient, tenant_a: TenantHandle, app_engine: AsyncEngine
) -> None:
    from tests.modules.crm.pipeline.conftest import signed_in

    account = await make_account(app_engine, tenant_a, name="上海明辉贸易有限公司")
    items = await stages(client, tenant_a)
    async with tenant_tx(app_engine, tenant_a.id) as ctx:
        from bizsuite.core import clock

        today = clock.now(ctx).date()
    body: dict[str, Any] = {"expected_close": today.isoformat(), "amount": "120000.00"}
    await create_opportunity(client, tenant_a, account, stage_id=stage_named(items, "方案报价")["id"], **body)
    await signed_in(client, tenant_a)
    response = await client.get("/crm/pipeline/forecast")
    assert response.status_code == 200, response.text
    html = response.text
    # 120,000.00 × 50% = 60,000.00, in its month, its stage and its owner's row.
    assert re.search(r"120,000\.00\s*×\s*50%\s*=\s*[^<]*60,000\.00", html), html
    assert html.count("60,000.00") >= 3
    assert 'data-testid="forecast-rule"' in html
