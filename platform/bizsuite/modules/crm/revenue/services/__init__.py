"""Monthly revenue, key-account tiers and the churn watch list, computed set-based in SQL.

One module per aggregate, re-exported here:

- ``streaks``: each account's decline streak, kept on its row (``last_revenue_month``,
  ``decline_streak``) in the same transaction as every revenue write, for the accounts the write
  touched only (``refresh_streaks``: one ``UPDATE ... FROM`` over a window of their rows; without
  ids, every account of the tenant); and ``sync_watch_list``, which brings ``crm_churn_risks`` in
  line with the streaks (an index range read; only changed rows are written).
- ``tiers``: ``recompute(ctx)`` runs after every change of revenue or of the settings:

  1. **Tiers**: one ``UPDATE ... FROM`` over window functions (a running sum by revenue,
     largest first) sets ``tier`` and ``trailing_revenue`` of every account of the tenant; only
     rows whose values change are written, and the old tier comes back for the events.
  2. **Churn**: the watch list follows from the stored streaks (``sync_watch_list``): an account
     is at risk when its streak ends at the tenant's latest month and is at least the tenant's
     churn months long. A new threshold recomputes no streak.
  3. **Alerts**: each streak not yet alerted raises one alert (dedup key: account and streak
     start) to the account's owner, or the tenant's admins, and emits ``crm.account.churn_risk``.

  The trailing window ends at the tenant's latest month with revenue (``as_of``), not at today:
  data is usually imported a month or more late, and a window ending today would show every
  account declining until then. ``scan_churn`` finds the accounts at risk straight from the
  revenue rows (the independent check of the stored streaks).
- ``revenue``: monthly revenue rows (set, remove, list) and an account's series.
- ``key_accounts``: the tier table; ``churn``: the watch list (an index range read) and trends.
"""

from __future__ import annotations

from bizsuite.modules.crm.revenue.services.churn import list_churn_risks, trends
from bizsuite.modules.crm.revenue.services.key_accounts import KeyAccountsView, list_key_accounts, tier_counts
from bizsuite.modules.crm.revenue.services.revenue import (
    AccountRevenue,
    account_revenue,
    delete_revenue,
    get_account,
    list_revenue,
    parse_amount_field,
    parse_month_param,
    put_revenue,
    revenue_view,
)
from bizsuite.modules.crm.revenue.services.streaks import (
    ACCOUNT_STREAKS_SQL,
    SQL_UUIDV7,
    STREAKS_SQL,
    WATCH_LIST_SYNC_SQL,
    WatchListSync,
    refresh_streaks,
    sync_watch_list,
)
from bizsuite.modules.crm.revenue.services.tiers import (
    ALERT_LIMIT,
    AS_OF_SQL,
    CHURN_ALERT,
    DEFAULT_CHURN_MONTHS,
    RECOMPUTE_TASK,
    TIER_EVENT_LIMIT,
    TIERS_SQL,
    RecomputeResult,
    churn_scan_sql,
    churn_scan_statement,
    latest_month,
    recompute,
    scan_churn,
    watch_order,
)
from bizsuite.modules.crm.settings import crm_settings

__all__ = [
    "ACCOUNT_STREAKS_SQL",
    "ALERT_LIMIT",
    "AS_OF_SQL",
    "CHURN_ALERT",
    "DEFAULT_CHURN_MONTHS",
    "RECOMPUTE_TASK",
    "SQL_UUIDV7",
    "STREAKS_SQL",
    "TIERS_SQL",
    "TIER_EVENT_LIMIT",
    "WATCH_LIST_SYNC_SQL",
    "AccountRevenue",
    "KeyAccountsView",
    "RecomputeResult",
    "WatchListSync",
    "account_revenue",
    "churn_scan_sql",
    "churn_scan_statement",
    "crm_settings",
    "delete_revenue",
    "get_account",
    "latest_month",
    "list_churn_risks",
    "list_key_accounts",
    "list_revenue",
    "parse_amount_field",
    "parse_month_param",
    "put_revenue",
    "recompute",
    "refresh_streaks",
    "revenue_view",
    "scan_churn",
    "sync_watch_list",
    "tier_counts",
    "trends",
    "watch_order",
]
