"""CRM (客户关系管理): accounts, pipeline, revenue with key-account tiers and churn risk,
service tickets with SLA clocks, dashboards.

A large module splits by area into sub-packages with the same inner shape (``schemas``,
``rules``, ``services``, ``api``, ``pages``, ``jobs``, ``blueprint``); ``models.py`` holds
every CRM table.
"""

from __future__ import annotations

from pathlib import Path

from bizsuite.modules import ModuleSpec
from bizsuite.modules.crm import blueprint, models  # noqa: F401 (the tables join the metadata)
from bizsuite.modules.crm.accounts import api as accounts_api
from bizsuite.modules.crm.accounts import pages as accounts_pages
from bizsuite.modules.crm.dashboard import api as dashboard_api
from bizsuite.modules.crm.dashboard import pages as dashboard_pages
from bizsuite.modules.crm.events import EVENT_TYPES
from bizsuite.modules.crm.pipeline import api as pipeline_api
from bizsuite.modules.crm.pipeline import pages as pipeline_pages
from bizsuite.modules.crm.revenue import api as revenue_api
from bizsuite.modules.crm.revenue import pages as revenue_pages
from bizsuite.modules.crm.tickets import api as tickets_api
from bizsuite.modules.crm.tickets import pages as tickets_pages

_AREAS_API = (dashboard_api, accounts_api, pipeline_api, revenue_api, tickets_api)
_AREAS_PAGES = (dashboard_pages, accounts_pages, pipeline_pages, revenue_pages, tickets_pages)

MODULE = ModuleSpec(
    name="crm",
    controllers=[c for area in _AREAS_API for c in area.CONTROLLERS],
    pages=[p for area in _AREAS_PAGES for p in area.PAGES],
    navigation=[item for area in _AREAS_PAGES for item in area.NAVIGATION],
    templates=Path(__file__).parent / "templates",
    task_modules=["bizsuite.modules.crm.revenue.jobs", "bizsuite.modules.crm.tickets.jobs"],
    event_types=EVENT_TYPES,
    blueprint_sections={"crm": blueprint.SECTION},
)
