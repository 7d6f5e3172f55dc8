"""CRM (客户关系管理): accounts, pipeline, revenue with key-account tiers and churn risk,
service tickets with SLA clocks, dashboards.

A large module splits by area into sub-packages with the same inner shape (``schemas``,
``rules``, ``services``, ``api``, ``pages``, ``jobs``, ``blueprint``); ``models.py`` holds
every CRM table. Each area's ``api`` lists its ``CONTROLLERS``; its ``pages`` what it brings to
the UI — ``PAGES``, ``NAVIGATION``, ``NOTICES``, and its contributions to record pages and the
shell, ``PANELS``, ``TIMELINE_SOURCES``, ``SEARCH_PROVIDERS``, ``LINK_TARGETS`` (each optional);
this spec gathers them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bizsuite.kit import ModuleSpec, UsageMeter
from bizsuite.modules.crm import blueprint, chatter
from bizsuite.modules.crm.accounts import api as accounts_api
from bizsuite.modules.crm.accounts import imports as accounts_imports
from bizsuite.modules.crm.accounts import pages as accounts_pages
from bizsuite.modules.crm.accounts import services as accounts_services
from bizsuite.modules.crm.dashboard import api as dashboard_api
from bizsuite.modules.crm.dashboard import pages as dashboard_pages
from bizsuite.modules.crm.events import EVENT_TYPES
from bizsuite.modules.crm.pipeline import api as pipeline_api
from bizsuite.modules.crm.pipeline import pages as pipeline_pages
from bizsuite.modules.crm.revenue import api as revenue_api
from bizsuite.modules.crm.revenue import imports as revenue_imports
from bizsuite.modules.crm.revenue import pages as revenue_pages
from bizsuite.modules.crm.settings import CRM_SETTINGS
from bizsuite.modules.crm.settings import api as settings_api
from bizsuite.modules.crm.settings import pages as settings_pages
from bizsuite.modules.crm.tickets import api as tickets_api
from bizsuite.modules.crm.tickets import pages as tickets_pages
from bizsuite.web.i18n import N_

_AREAS_API = (dashboard_api, accounts_api, pipeline_api, revenue_api, settings_api, tickets_api)
_AREAS_PAGES = (
    dashboard_pages,
    accounts_pages,
    pipeline_pages,
    revenue_pages,
    settings_pages,
    tickets_pages,
)


def _gather(name: str) -> list[Any]:
    return [item for area in _AREAS_PAGES for item in getattr(area, name, ())]


MODULE = ModuleSpec(
    name="crm",
    controllers=[c for area in _AREAS_API for c in area.CONTROLLERS],
    pages=_gather("PAGES"),
    navigation=_gather("NAVIGATION"),
    notices={code: text for area in _AREAS_PAGES for code, text in getattr(area, "NOTICES", {}).items()},
    panels=_gather("PANELS"),
    timeline_sources=_gather("TIMELINE_SOURCES"),
    search_providers=_gather("SEARCH_PROVIDERS"),
    link_targets=_gather("LINK_TARGETS"),
    record_types=chatter.RECORD_TYPES,
    alert_kinds={
        code: label for area in _AREAS_PAGES for code, label in getattr(area, "ALERT_KINDS", {}).items()
    },
    audit_subjects={
        "crm.account": N_("Account"),
        "crm.activity": N_("Activity"),
        "crm.contact": N_("Contact"),
        "crm.opportunity": N_("Opportunity"),
        "crm.pipeline_stage": N_("Pipeline stage"),
        "crm.revenue": N_("Monthly revenue"),
        "crm.settings": N_("CRM settings"),
        "crm.sla_policy": N_("SLA policy"),
        "crm.ticket": N_("Ticket"),
        "crm.zone": N_("Zone"),
    },
    templates=Path(__file__).parent / "templates",
    models=["bizsuite.modules.crm.models"],
    task_modules=["bizsuite.modules.crm.revenue.jobs", "bizsuite.modules.crm.tickets.jobs"],
    event_types=EVENT_TYPES,
    blueprint_sections={"crm": blueprint.SECTION},
    settings=CRM_SETTINGS,
    importers=[accounts_imports.ACCOUNTS, revenue_imports.REVENUE],
    # The plan's ``accounts`` limit counts the active accounts (billing reads it, never the table).
    usage_meters=[UsageMeter(accounts_services.ACCOUNTS_LIMIT, accounts_services.count_active_accounts)],
)
