"""Budgets and expenses (费用预算管理): categories with ratios of sales and control modes, plans
per fiscal year and cost centre compiled by method (fixed, incremental, ratio of forecast sales),
expense requests, advances and reimbursements checked against the budget (hard, soft, warn,
off), adjustments (transfers and increases), and budget-vs-actual analysis.

``models`` holds every table; ``rules`` the domain rules; ``services`` (one module per
aggregate), ``api`` and ``pages`` are thin layers over them; ``blueprint`` reads ``[budgets]``.
Approval runs through the kernel's engine: plans as ``budgets_plan``, expenses as
``budgets_expense`` (beyond the budget under soft control with the category ``over_budget``, the
special flow), adjustments as ``budgets_adjustment``.
"""

from __future__ import annotations

from pathlib import Path

from bizsuite.kit import DocumentType, ModuleSpec
from bizsuite.modules.budgets import api, chatter, pages, services
from bizsuite.modules.budgets.blueprint import SECTION
from bizsuite.web.i18n import N_

MODULE = ModuleSpec(
    name="budgets",
    controllers=api.CONTROLLERS,
    pages=pages.PAGES,
    navigation=pages.NAVIGATION,
    notices=pages.NOTICES,
    link_targets=pages.LINK_TARGETS,
    record_types=chatter.RECORD_TYPES,
    templates=Path(__file__).parent / "templates",
    models=["bizsuite.modules.budgets.models"],
    blueprint_sections={"budgets": SECTION},
    document_types=[
        DocumentType(services.PLAN_DOCUMENT, services.on_plan_decided, label=N_("Budget plan")),
        DocumentType(services.EXPENSE_DOCUMENT, services.on_expense_decided, label=N_("Expense")),
        DocumentType(
            services.ADJUSTMENT_DOCUMENT, services.on_adjustment_decided, label=N_("Budget adjustment")
        ),
    ],
    event_types={
        "budgets.overrun": N_("An expense was filed beyond its budget line (soft or warn control).")
    },
    alert_kinds={services.OVERRUN_ALERT: N_("Over budget"), **services.CALENDAR_ALERTS},
    task_modules=["bizsuite.modules.budgets.jobs"],
    audit_subjects={
        "budgets.adjustment": N_("Budget adjustment"),
        "budgets.advance": N_("Advance"),
        "budgets.category": N_("Budget category"),
        "budgets.forecast": N_("Forecast sales"),
        "budgets.line": N_("Budget line"),
        "budgets.plan": N_("Budget plan"),
        "budgets.reimbursement": N_("Reimbursement"),
        "budgets.request": N_("Expense request"),
        "budgets.settings": N_("Budgets settings"),
    },
    settings=services.BUDGETS_SETTINGS,
)
