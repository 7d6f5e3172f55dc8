"""Request and response bodies of the tenant's CRM settings."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from bizsuite.modules.crm.calendar import WEEKDAYS, BusinessCalendar

__all__ = ["WEEKDAYS", "ChurnMonths", "CrmSettingsOut", "CrmSettingsUpdate", "FutureMonths", "Share"]

ChurnMonths = Annotated[int, msgspec.Meta(ge=2, le=24, description="Consecutive months of decline (2..24).")]
#: The largest horizon a tenant may set for revenue months.
MAX_FUTURE_MONTHS = 12
FutureMonths = Annotated[
    int,
    msgspec.Meta(
        ge=0,
        le=MAX_FUTURE_MONTHS,
        description="Months after the current one that revenue may be recorded for (0..12; 0: none).",
    ),
]
Share = Annotated[
    Decimal,
    msgspec.Meta(description="A share of revenue between 0 and 1, e.g. `0.8`.", examples=["0.8"]),
]


class CrmSettingsOut(msgspec.Struct, kw_only=True):
    """The tenant's CRM settings."""

    id: uuid.UUID
    churn_months: int
    tier_a_share: Decimal
    tier_b_share: Decimal
    route_by_zone: bool
    business_calendar: BusinessCalendar
    revenue_future_months: int
    updated_at: datetime
    version: int


class CrmSettingsUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Settings to change; omitted fields keep their value. Send ``If-Match: <version>``.

    Tier shares: 0 < ``tier_a_share`` < ``tier_b_share`` <= 1.
    """

    churn_months: ChurnMonths | None = None
    tier_a_share: Share | None = None
    tier_b_share: Share | None = None
    route_by_zone: bool | None = None
    business_calendar: BusinessCalendar | None = None
    revenue_future_months: FutureMonths | None = None
