"""Revenue file imports (CSV and XLSX), through the kernel import component (``core/imports``).

This module declares the revenue importer (``crm.revenue``): the columns (account code, month,
amount, with their en and zh-CN headers), the row parser and the checks against the tenant's
accounts (rules in ``rules.py``), and the write: every row upserted by account and month in the
import job's ONE transaction, the decline streaks of the accounts whose months changed kept, then
tiers and the churn watch list recomputed and ``crm.revenue.imported`` emitted.
The revenue import API (``/api/v1/crm/revenue-imports``) keeps its shape on top of the component.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import String, any_, bindparam, select, text
from sqlalchemy.dialects.postgresql import ARRAY, DATE, NUMERIC, UUID

from bizsuite.core.context import Context
from bizsuite.core.files import services as files
from bizsuite.core.files.storage import ObjectStorage
from bizsuite.core.ids import new_id
from bizsuite.core.imports import services as component
from bizsuite.core.imports.models import DataImport
from bizsuite.core.imports.spec import (
    FieldProblem,
    Figure,
    ImportField,
    ImportSpec,
    Link,
    Parsed,
    RowError,
    UnreadableFileError,
    file_kind,
    read_table,
)
from bizsuite.modules.crm.models import Account
from bizsuite.modules.crm.revenue import rules, services
from bizsuite.modules.crm.revenue.schemas import ImportRowError, RevenueImportOut
from bizsuite.modules.crm.settings.services import latest_revenue_month
from bizsuite.web.i18n import N_

__all__ = ["REVENUE", "UnreadableFileError", "file_kind", "read_table"]

KIND = "crm.revenue"
#: Rows upserted per statement; progress is published after each batch.
BATCH_ROWS = 500

ROW_MESSAGES = (
    N_("unknown account code"),
    N_("must be a month like 2026-03"),
    N_("must be a number like 12345.67"),
    N_("must not be negative"),
    N_("must have at most 2 decimal places"),
    N_("must have at most 16 digits before the decimal point"),
    N_("must be written in plain digits, not scientific notation"),
    N_("is too large"),
)


def parse_row(cells: Mapping[str, str]) -> rules.RevenueRow | list[FieldProblem]:
    """One row: an account code, a month and an amount (the code is checked against the tenant's
    accounts by :func:`validate`)."""
    problems: list[FieldProblem] = []
    code = cells["account_code"]
    if not code:
        problems.append(FieldProblem("account_code", "is empty"))
    try:
        month = rules.parse_month(cells["month"])
    except ValueError as exc:
        problems.append(FieldProblem("month", str(exc)))
    try:
        amount = rules.parse_amount(cells["amount"])
    except ValueError as exc:
        problems.append(FieldProblem("amount", str(exc)))
    if problems:
        return problems
    return rules.RevenueRow(0, code, month, amount)


async def validate(ctx: Context, rows: Sequence[Parsed[rules.RevenueRow]]) -> list[RowError]:
    """Codes must be this tenant's accounts, months not after the allowed horizon, and an account's
    month must appear once in the file."""
    # One array parameter (``= ANY``), not one bind per code: asyncpg allows 32767 per statement.
    wanted = bindparam("codes", sorted({p.value.account_code for p in rows}), type_=ARRAY(String))
    known = set((await ctx.session.scalars(select(Account.code).where(Account.code == any_(wanted)))).all())
    latest = await latest_revenue_month(ctx)
    errors: list[RowError] = []
    seen: dict[tuple[str, Any], int] = {}
    for parsed in rows:
        value = parsed.value
        if value.account_code not in known:
            errors.append(RowError(parsed.row, "account_code", "unknown account code", value.account_code))
        if latest is not None and (late := rules.month_too_late(value.month, latest)):
            errors.append(RowError(parsed.row, "month", late, parsed.cells["month"]))
            continue
        first = seen.setdefault((value.account_code, value.month), parsed.row)
        if first != parsed.row:
            errors.append(RowError(parsed.row, "month", f"duplicate of row {first}", parsed.cells["month"]))
    return errors


def summarize(rows: Sequence[rules.RevenueRow]) -> dict[str, Any]:
    """The preview's figures: total amount, accounts and the months covered."""
    if not rows:
        return {"total_amount": "0.00", "accounts": 0, "first_month": None, "last_month": None}
    months = [r.month for r in rows]
    return {
        "total_amount": str(sum((r.amount for r in rows), Decimal(0))),
        "accounts": len({r.account_code for r in rows}),
        "first_month": rules.month_label(min(months)),
        "last_month": rules.month_label(max(months)),
    }


def preview(parsed: Parsed[rules.RevenueRow]) -> dict[str, Any]:
    value = parsed.value
    return {
        "row": parsed.row,
        "account_code": value.account_code,
        "month": rules.month_label(value.month),
        "amount": str(value.amount),
    }


UPSERT_SQL = text(
    """
    INSERT INTO crm_monthly_revenue AS r (tenant_id, id, account_id, month, amount)
    SELECT :tenant_id, batch.id, a.id, batch.month, batch.amount
    FROM unnest(:ids, :codes, :months, :amounts) AS batch(id, code, month, amount)
    JOIN crm_accounts a ON a.tenant_id = :tenant_id AND a.code = batch.code
    ON CONFLICT (tenant_id, account_id, month) DO UPDATE
    SET amount = excluded.amount, updated_at = now()
    WHERE r.amount IS DISTINCT FROM excluded.amount
    RETURNING r.account_id
    """
).bindparams(
    bindparam("ids", type_=ARRAY(UUID(as_uuid=True))),
    bindparam("codes", type_=ARRAY(String)),
    bindparam("months", type_=ARRAY(DATE)),
    bindparam("amounts", type_=ARRAY(NUMERIC(18, 2))),
)


async def apply(
    ctx: Context, rows: Sequence[rules.RevenueRow], progress: Callable[[int], Awaitable[None]]
) -> dict[str, Any]:
    """Upsert every row by account and month, keep the streaks of the accounts whose months
    changed (only theirs), then recompute tiers and churn."""
    touched: set[uuid.UUID] = set()
    for start in range(0, len(rows), BATCH_ROWS):
        batch = rows[start : start + BATCH_ROWS]
        written = await ctx.session.execute(
            UPSERT_SQL,
            {
                "tenant_id": ctx.tenant_id,
                "ids": [new_id() for _ in batch],
                "codes": [r.account_code for r in batch],
                "months": [r.month for r in batch],
                "amounts": [r.amount for r in batch],
            },
        )
        touched.update(written.scalars().all())
        await progress(start + len(batch))
    await services.refresh_streaks(ctx, touched)
    result = await services.recompute(ctx)
    return {
        "as_of": rules.month_label(result.as_of) if result.as_of else None,
        "tiers_changed": result.tiers_changed,
        "at_risk": result.at_risk,
    }


REVENUE: ImportSpec[rules.RevenueRow] = ImportSpec(
    key=KIND,
    label=N_("Import monthly revenue"),
    description=N_(
        "Monthly revenue per account from a CSV or Excel file: account code, month (YYYY-MM) and "
        "amount. Importing replaces the revenue of the same account and month; tiers and the churn "
        "watch list are recomputed."
    ),
    fields=(
        ImportField(
            "account_code",
            N_("Account code"),
            ("account code", "code", "客户编码", "客户代码"),
            required=True,
        ),
        ImportField("month", N_("Month"), ("month", "月份"), required=True, hint=N_("like 2026-03")),
        ImportField("amount", N_("Amount"), ("amount", "revenue", "金额", "收入"), required=True),
    ),
    parse=parse_row,
    validate=validate,
    apply=apply,
    summarize=summarize,
    preview=preview,
    figures=(
        Figure("accounts", N_("Accounts")),
        Figure("total_amount", N_("Total amount"), "money"),
        Figure("first_month", N_("First month"), "text"),
        Figure("last_month", N_("Last month"), "text"),
    ),
    links=(
        Link(N_("Key accounts"), "/crm/key-accounts", "goto-key-accounts"),
        Link(N_("Churn watch"), "/crm/churn", "goto-churn"),
    ),
    page_url="/crm/revenue",
    event="crm.revenue.imported",
)


# --- the revenue import API, on the component ------------------------------------------------------


def import_view(row: DataImport, creator: str) -> RevenueImportOut:
    """An import as the revenue API shows it; its creator by name."""
    return RevenueImportOut(
        id=row.id,
        file_id=row.file_id,
        filename=row.filename,
        status=row.status,
        total_rows=row.total_rows,
        processed_rows=row.processed_rows,
        error_count=row.error_count,
        errors=[msgspec.convert(e, ImportRowError) for e in row.errors],
        summary=row.summary,
        created_by=creator,
        created_at=row.created_at,
        updated_at=row.updated_at,
        finished_at=row.finished_at,
    )


async def create_import(
    ctx: Context,
    storage: ObjectStorage,
    data: bytes,
    *,
    filename: str,
    content_type: str | None,
    policy: files.UploadPolicy,
) -> RevenueImportOut:
    """Store the file and preview it: ``previewed`` (confirmable) or ``rejected`` (row errors)."""
    row = await component.create_import(
        ctx, storage, REVENUE, data, filename=filename, content_type=content_type, policy=policy
    )
    return await get_import(ctx, row.id)


async def get_import(ctx: Context, import_id: uuid.UUID) -> RevenueImportOut:
    """One revenue import of the tenant, or 404."""
    return import_view(*await component.get_import(ctx, import_id, KIND))


async def list_imports(
    ctx: Context, *, limit: int, cursor: str | None
) -> tuple[list[RevenueImportOut], str | None]:
    """The tenant's revenue imports, newest first."""
    rows, next_cursor = await component.list_imports(ctx, KIND, limit=limit, cursor=cursor)
    return [import_view(row, creator) for row, creator in rows], next_cursor


async def confirm_import(ctx: Context, import_id: uuid.UUID) -> RevenueImportOut:
    """Queue a previewed import; a rejected, running or finished one cannot be confirmed (409)."""
    await component.confirm_import(ctx, import_id, KIND)
    return await get_import(ctx, import_id)
