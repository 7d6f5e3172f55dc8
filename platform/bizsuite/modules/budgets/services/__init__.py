"""Budgets services: load, check, change, audit; every function returns views.

One module per aggregate (``settings``, ``categories``, ``forecasts``, ``plans``, ``expenses``,
``adjustments``, ``analysis``), re-exported here."""

from bizsuite.modules.budgets.services.adjustments import (
    ADJUSTMENT_DOCUMENT,
    create_adjustment,
    get_adjustment,
    list_adjustments,
    on_adjustment_decided,
)
from bizsuite.modules.budgets.services.analysis import GROUPS, analysis, analysis_lines
from bizsuite.modules.budgets.services.calendar import ALERT_KINDS as CALENDAR_ALERTS
from bizsuite.modules.budgets.services.calendar import CalendarResult, run_calendar
from bizsuite.modules.budgets.services.categories import (
    create_category,
    get_category,
    list_categories,
    update_category,
)
from bizsuite.modules.budgets.services.common import today
from bizsuite.modules.budgets.services.expenses import (
    EXPENSE_DOCUMENT,
    OVER_BUDGET,
    OVERRUN_ALERT,
    BudgetExceededProblem,
    create_expense,
    get_expense,
    line_detail,
    list_expenses,
    on_expense_decided,
    pay_expense,
)
from bizsuite.modules.budgets.services.forecasts import get_forecast, list_forecasts, set_forecast
from bizsuite.modules.budgets.services.listing import (
    EXPENSE_LIST,
    PLAN_LIST,
    expense_groups,
    expense_list,
    plan_groups,
    plan_list,
)
from bizsuite.modules.budgets.services.plans import (
    PLAN_DOCUMENT,
    add_line,
    compile_plan,
    create_plan,
    delete_line,
    explain_line,
    get_plan,
    list_plans,
    on_plan_decided,
    submit_plan,
)
from bizsuite.modules.budgets.services.settings import BUDGETS_SETTINGS, get_settings, update_settings

__all__ = [
    "ADJUSTMENT_DOCUMENT",
    "BUDGETS_SETTINGS",
    "CALENDAR_ALERTS",
    "EXPENSE_DOCUMENT",
    "EXPENSE_LIST",
    "GROUPS",
    "OVERRUN_ALERT",
    "OVER_BUDGET",
    "PLAN_DOCUMENT",
    "PLAN_LIST",
    "BudgetExceededProblem",
    "CalendarResult",
    "add_line",
    "analysis",
    "analysis_lines",
    "compile_plan",
    "create_adjustment",
    "create_category",
    "create_expense",
    "create_plan",
    "delete_line",
    "expense_groups",
    "expense_list",
    "explain_line",
    "get_adjustment",
    "get_category",
    "get_expense",
    "get_forecast",
    "get_plan",
    "get_settings",
    "line_detail",
    "list_adjustments",
    "list_categories",
    "list_expenses",
    "list_forecasts",
    "list_plans",
    "on_adjustment_decided",
    "on_expense_decided",
    "on_plan_decided",
    "pay_expense",
    "plan_groups",
    "plan_list",
    "run_calendar",
    "set_forecast",
    "submit_plan",
    "today",
    "update_category",
    "update_settings",
]
