"""Request and response bodies for monthly revenue, key accounts, the churn watch list and imports."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

import msgspec

from bizsuite.core.imports.models import ImportStatus
from bizsuite.modules.crm.models import Tier

Month = Annotated[
    str, msgspec.Meta(pattern=r"^\d{4}-\d{2}$", description="A month, `YYYY-MM`.", examples=["2026-10"])
]
Amount = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^\d{1,16}(\.\d{1,2})?$",
        description="A decimal amount >= 0 with at most 2 places, as a string.",
        examples=["12345.67"],
    ),
]


class RevenueAmount(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An account's revenue for one month."""

    amount: Amount


class MonthlyRevenueOut(msgspec.Struct, kw_only=True):
    """One account's revenue in one month."""

    id: uuid.UUID
    account_id: uuid.UUID
    month: str
    amount: Decimal
    created_at: datetime
    updated_at: datetime


class MonthlyRevenuePage(msgspec.Struct, kw_only=True):
    """A page of monthly revenue rows, newest first."""

    items: list[MonthlyRevenueOut]
    next_cursor: str | None


class RevenueMonth(msgspec.Struct, kw_only=True):
    """A month of an account's series (months without a row inside its range count as 0)."""

    month: str
    amount: Decimal
    #: Whether a row exists for the month (``False``: a gap, counted as 0).
    recorded: bool


class AccountRevenueOut(msgspec.Struct, kw_only=True):
    """An account's revenue series with its tier and churn state."""

    account_id: uuid.UUID
    code: str
    name: str
    tier: Tier | None
    trailing_revenue: Decimal
    #: The tenant's latest month with revenue (the end of the trailing window).
    as_of: str | None
    at_risk: bool
    months_declining: int
    months: list[RevenueMonth]


class KeyAccountOut(msgspec.Struct, kw_only=True):
    """An account with its tier and trailing-12-month revenue."""

    account_id: uuid.UUID
    code: str
    name: str
    tier: Tier
    trailing_revenue: Decimal
    #: Its share of the tenant's trailing revenue, and the cumulative share up to it.
    share: Decimal
    cumulative_share: Decimal


class KeyAccountPage(msgspec.Struct, kw_only=True):
    """Accounts with a tier, largest trailing revenue first."""

    items: list[KeyAccountOut]
    next_cursor: str | None
    as_of: str | None
    total_revenue: Decimal


class ChurnRiskOut(msgspec.Struct, kw_only=True):
    """An account on the churn watch list."""

    id: uuid.UUID
    account_id: uuid.UUID
    code: str
    name: str
    tier: Tier | None
    owner_user_id: uuid.UUID | None
    streak_start: str
    last_month: str
    months_declining: int
    revenue_at_stake: Decimal
    alerted_at: datetime | None
    detected_at: datetime


class ChurnRiskPage(msgspec.Struct, kw_only=True):
    """The watch list: tier A first, then by revenue at stake."""

    items: list[ChurnRiskOut]
    next_cursor: str | None


class RecomputeOut(msgspec.Struct, kw_only=True):
    """What a recompute of tiers and churn changed."""

    as_of: str | None
    tiers_changed: int
    at_risk: int
    new_alerts: int


class ImportRowError(msgspec.Struct, kw_only=True):
    """Why a row of the file cannot be imported (row 1 is the header)."""

    row: int
    column: str
    message: str


class RevenueImportOut(msgspec.Struct, kw_only=True):
    """A revenue file: its preview, errors and, once confirmed, the import's progress."""

    id: uuid.UUID
    file_id: uuid.UUID
    filename: str
    status: ImportStatus
    total_rows: int
    processed_rows: int
    error_count: int
    #: The first errors found (at most 200).
    errors: list[ImportRowError]
    #: ``rows`` (the first rows), ``total_amount``, ``accounts``, ``first_month``, ``last_month``.
    summary: dict[str, Any]
    created_by: str
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class RevenueImportPage(msgspec.Struct, kw_only=True):
    """A page of imports, newest first."""

    items: list[RevenueImportOut]
    next_cursor: str | None


# --- list filters (built from the API's typed query parameters, for the API and the pages) ---


class RevenueFilters(msgspec.Struct, frozen=True, kw_only=True):
    """Filters of the revenue list: one month and/or one account."""

    month: date | None = None
    account_id: uuid.UUID | None = None


class KeyAccountFilters(msgspec.Struct, frozen=True, kw_only=True):
    """Filters of the key-account list: one tier."""

    tier: Tier | None = None


class ChurnRiskFilters(msgspec.Struct, frozen=True, kw_only=True):
    """Filters of the churn watch list: one tier."""

    tier: Tier | None = None
