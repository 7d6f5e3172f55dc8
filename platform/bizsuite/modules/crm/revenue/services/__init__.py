"""Monthly revenue, key-account tiers and the churn watch list, computed set-based in SQL.

One module per aggregate, re-exported here:

- ``tiers``: ``recompute(ctx)`` runs after every change of revenue or of the settings:

  1. **Tiers**: one ``UPDATE ... FROM`` over window functions (a running sum by revenue,
     largest first) sets ``tier`` and ``trailing_revenue`` of every account of the tenant; only
     rows whose values change are written, and the old tier comes back for the events.
  2. **Churn**: one ``INSERT ... SELECT ... ON CONFLICT`` fed by a single ordered pass over the
     revenue index ``(tenant_id, account_id, month)`` (``lag`` + gaps-and-islands with a running
     max), and the ``DELETE`` of streaks that are no longer current, in the same statement.
  3. **Alerts**: each streak not yet alerted raises one alert (dedup key: account and streak
     start) to the account's owner, or the tenant's admins, and emits ``crm.account.churn_risk``.

  The trailing window ends at the tenant's latest month with revenue (``as_of``), not at today:
  data is usually imported a month or more late, and a window ending today would show every
  account declining until then.
- ``revenue``: monthly revenue rows (set, remove, list) and an account's series.
- ``key_accounts``: the tier table; ``churn``: the watch list and trends.
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
from bizsuite.modules.crm.revenue.services.tiers import (
    ALERT_LIMIT,
    AS_OF_SQL,
    CHURN_ALERT,
    CHURN_REBUILD_TEMPLATE,
    DEFAULT_CHURN_MONTHS,
    RECOMPUTE_TASK,
    SQL_UUIDV7,
    TIER_EVENT_LIMIT,
    TIERS_SQL,
    RecomputeResult,
    churn_rebuild_statement,
    churn_scan_sql,
    churn_scan_statement,
    latest_month,
    recompute,
    scan_churn,
    watch_order,
)
from bizsuite.modules.crm.settings import crm_settings

__all__ = [
    "ALERT_LIMIT",
    "AS_OF_SQL",
    "CHURN_ALERT",
    "CHURN_REBUILD_TEMPLATE",
    "DEFAULT_CHURN_MONTHS",
    "RECOMPUTE_TASK",
    "SQL_UUIDV7",
    "TIERS_SQL",
    "TIER_EVENT_LIMIT",
    "AccountRevenue",
    "KeyAccountsView",
    "RecomputeResult",
    "account_revenue",
    "churn_rebuild_statement",
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
    "revenue_view",
    "scan_churn",
    "tier_counts",
    "trends",
    "watch_order",
]
