"""The dashboard's month window: the last N months ending with this one."""

from __future__ import annotations

import datetime as dt

from bizsuite.modules.crm.dashboard.services import trend_months


def test_the_revenue_trend_ends_with_this_month_and_crosses_the_year() -> None:
    months = trend_months(dt.date(2026, 2, 17), 4)
    assert months == [dt.date(2025, 11, 1), dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 2, 1)]
    assert len(trend_months(dt.date(2026, 11, 29), 12)) == 12
    assert trend_months(dt.date(2026, 11, 29), 12)[0] == dt.date(2025, 12, 1)
    assert trend_months(dt.date(2026, 11, 29), 1) == [dt.date(2026, 11, 1)]
