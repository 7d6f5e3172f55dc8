"""CRM revenue: API controllers (tag `crm`): monthly revenue, key accounts, the churn watch list
and revenue imports (the CRM settings have their own area, ``crm/settings``)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from litestar import Controller, Request, delete, get, post, put
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx
from bizsuite.core.files.api import STORAGE, ContentTypeParam, NameParam, Storage, UploadOperation
from bizsuite.core.identity.models import Role
from bizsuite.core.imports.api import read_body, upload_policy
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.modules.crm.models import Account, Tier
from bizsuite.modules.crm.revenue import imports, rules, services
from bizsuite.modules.crm.revenue.schemas import (
    AccountRevenueOut,
    ChurnRiskFilters,
    ChurnRiskPage,
    KeyAccountFilters,
    KeyAccountOut,
    KeyAccountPage,
    MonthlyRevenueOut,
    MonthlyRevenuePage,
    RecomputeOut,
    RevenueAmount,
    RevenueFilters,
    RevenueImportOut,
    RevenueImportPage,
    RevenueMonth,
)

TAGS = ["crm"]


#: The view of a revenue row (kept for callers of the former name).
revenue_out = services.revenue_view


def provide_revenue_filters(
    month: FromQuery[str | None] = None, account_id: FromQuery[uuid.UUID | None] = None
) -> RevenueFilters:
    """The revenue list's filters from the query (`month` is `YYYY-MM`; 422 naming it otherwise)."""
    return RevenueFilters(
        month=services.parse_month_param(month, source="query") if month else None, account_id=account_id
    )


def provide_key_account_filters(tier: FromQuery[Tier | None] = None) -> KeyAccountFilters:
    """The key-account list's filters from the query."""
    return KeyAccountFilters(tier=tier)


def provide_churn_risk_filters(tier: FromQuery[Tier | None] = None) -> ChurnRiskFilters:
    """The watch list's filters from the query."""
    return ChurnRiskFilters(tier=tier)


def account_revenue_out(view: services.AccountRevenue) -> AccountRevenueOut:
    """The API view of an account's series."""
    account = view.account
    return AccountRevenueOut(
        account_id=account.id,
        code=account.code,
        name=account.name,
        tier=account.tier,
        trailing_revenue=account.trailing_revenue,
        as_of=rules.month_label(view.as_of) if view.as_of else None,
        at_risk=view.risk is not None,
        months_declining=view.risk.months_declining if view.risk else view.months_declining,
        months=[RevenueMonth(month=rules.month_label(m), amount=a, recorded=r) for m, a, r in view.months],
    )


def key_account_out(account: Account, cumulative: Decimal, total: Decimal) -> KeyAccountOut:
    """The API view of a tiered account with its share of the tenant's trailing revenue."""
    assert account.tier is not None
    return KeyAccountOut(
        account_id=account.id,
        code=account.code,
        name=account.name,
        tier=account.tier,
        trailing_revenue=account.trailing_revenue,
        share=rules.share(account.trailing_revenue, total),
        cumulative_share=rules.share(cumulative, total),
    )


def recompute_out(result: services.RecomputeResult) -> RecomputeOut:
    """The API view of a recompute."""
    return RecomputeOut(
        as_of=rules.month_label(result.as_of) if result.as_of else None,
        tiers_changed=result.tiers_changed,
        at_risk=result.at_risk,
        new_alerts=result.new_alerts,
    )


class RevenueController(Controller):
    """Monthly revenue per account, key-account tiers and the churn watch list."""

    path = "/api/v1/crm"
    tags = TAGS
    guards = [tenant_guard]

    @put(
        "/accounts/{account_id:uuid}/revenue/{month:str}",
        operation_id="put_crm_account_revenue",
        summary="Set an account's revenue for a month",
    )
    async def put_crm_account_revenue(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], month: FromPath[str], data: JSONBody[RevenueAmount]
    ) -> MonthlyRevenueOut:
        """Create or replace the month's revenue (`YYYY-MM`); tiers and churn are recomputed."""
        month_date = services.parse_month_param(month)
        amount = services.parse_amount_field(data.amount)
        return await services.put_revenue(ctx, account_id, month_date, amount)

    @delete(
        "/accounts/{account_id:uuid}/revenue/{month:str}",
        operation_id="delete_crm_account_revenue",
        summary="Remove an account's revenue for a month",
    )
    async def delete_crm_account_revenue(
        self, ctx: Ctx, account_id: FromPath[uuid.UUID], month: FromPath[str]
    ) -> None:
        """Delete the month's revenue; tiers and churn are recomputed."""
        await services.delete_revenue(ctx, account_id, services.parse_month_param(month))

    @get(
        "/accounts/{account_id:uuid}/revenue",
        operation_id="get_crm_account_revenue",
        summary="Get an account's revenue series",
    )
    async def get_crm_account_revenue(self, ctx: Ctx, account_id: FromPath[uuid.UUID]) -> AccountRevenueOut:
        """The account's months (gaps inside its range count as 0), tier and churn state."""
        return account_revenue_out(await services.account_revenue(ctx, account_id))

    @get(
        "/revenue",
        operation_id="list_crm_revenue",
        summary="List monthly revenue",
        dependencies={"filters": Provide(provide_revenue_filters, sync_to_thread=False)},
    )
    async def list_crm_revenue(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        *,
        filters: NamedDependency[RevenueFilters],  # after the page parameters: the OpenAPI lists them first
    ) -> MonthlyRevenuePage:
        """Revenue rows, newest first, optionally of one month (`YYYY-MM`) and/or one account."""
        items, next_cursor = await services.list_revenue(ctx, filters, limit=limit, cursor=cursor)
        return MonthlyRevenuePage(items=items, next_cursor=next_cursor)

    @get(
        "/key-accounts",
        operation_id="list_crm_key_accounts",
        summary="List key accounts by tier",
        dependencies={"filters": Provide(provide_key_account_filters, sync_to_thread=False)},
    )
    async def list_crm_key_accounts(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        *,
        filters: NamedDependency[
            KeyAccountFilters
        ],  # after the page parameters: the OpenAPI lists them first
    ) -> KeyAccountPage:
        """Accounts with a tier, largest trailing-12-month revenue first, with cumulative shares."""
        view = await services.list_key_accounts(ctx, filters, limit=limit, cursor=cursor)
        return KeyAccountPage(
            items=[key_account_out(account, cumulative, view.total) for account, cumulative in view.accounts],
            next_cursor=view.next_cursor,
            as_of=rules.month_label(view.as_of) if view.as_of else None,
            total_revenue=view.total,
        )

    @get(
        "/churn-risks",
        operation_id="list_crm_churn_risks",
        summary="List the churn watch list",
        dependencies={"filters": Provide(provide_churn_risk_filters, sync_to_thread=False)},
    )
    async def list_crm_churn_risks(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        *,
        filters: NamedDependency[ChurnRiskFilters],  # after the page parameters: the OpenAPI lists them first
    ) -> ChurnRiskPage:
        """Accounts at churn risk: tier A first, then by revenue at stake."""
        rows, next_cursor = await services.list_churn_risks(ctx, filters, limit=limit, cursor=cursor)
        return ChurnRiskPage(items=rows, next_cursor=next_cursor)

    @post(
        "/revenue/recompute",
        operation_id="recompute_crm_revenue_tiers",
        summary="Recompute tiers and churn",
        status_code=200,
        opt={"min_role": Role.ADMIN},
    )
    async def recompute_crm_revenue_tiers(self, ctx: Ctx) -> RecomputeOut:
        """Recompute every account's tier and the churn watch list now (normally automatic)."""
        return recompute_out(await services.recompute(ctx))


class RevenueImportController(Controller):
    """Revenue files: upload for preview, confirm, follow the import's progress."""

    path = "/api/v1/crm/revenue-imports"
    tags = TAGS
    guards = [tenant_guard]
    dependencies = STORAGE

    @post(
        operation_id="create_crm_revenue_import",
        summary="Upload a revenue file for preview",
        request_max_body_size=None,
        operation_class=UploadOperation,
        opt={"streams_body": True},
    )
    async def create_crm_revenue_import(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        storage: Storage,
        name: NameParam,
        content_type: ContentTypeParam = None,
    ) -> RevenueImportOut:
        """Upload a CSV or XLSX file (columns account code / month / amount, or 客户编码 / 月份 / 金额).

        The answer is the preview: first rows, totals and every row error (row, column, reason).
        A file with errors is `rejected`; one without waits for `confirm`.
        """
        policy = upload_policy(request)
        data = await read_body(request, policy.max_bytes)
        return await imports.create_import(
            ctx,
            storage,
            data,
            filename=name,
            content_type=content_type or request.headers.get("content-type"),
            policy=policy,
        )

    @get(operation_id="list_crm_revenue_imports", summary="List revenue imports")
    async def list_crm_revenue_imports(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> RevenueImportPage:
        """Imports, newest first."""
        rows, next_cursor = await imports.list_imports(ctx, limit=limit, cursor=cursor)
        return RevenueImportPage(items=rows, next_cursor=next_cursor)

    @get("/{import_id:uuid}", operation_id="get_crm_revenue_import", summary="Get a revenue import")
    async def get_crm_revenue_import(self, ctx: Ctx, import_id: FromPath[uuid.UUID]) -> RevenueImportOut:
        """One import: preview, errors, status and progress (`processed_rows` of `total_rows`)."""
        return await imports.get_import(ctx, import_id)

    @post(
        "/{import_id:uuid}/confirm",
        operation_id="confirm_crm_revenue_import",
        summary="Import a previewed revenue file",
        status_code=202,
    )
    async def confirm_crm_revenue_import(self, ctx: Ctx, import_id: FromPath[uuid.UUID]) -> RevenueImportOut:
        """Queue the import (all rows in one transaction); 409 unless the file was previewed clean."""
        return await imports.confirm_import(ctx, import_id)


CONTROLLERS: list[type[Controller]] = [RevenueController, RevenueImportController]
