"""Fee billing (管理费收取): management fees a group HQ charges its wholly-owned subsidiaries,
computed exactly from a fee schedule that is tenant data, reconciled (对账) each quarter by both
sides, approved, issued (then immutable), paid and trued up.

``models`` holds the tables; ``rules`` the fee functions (plain, with the spec's numbers);
``services`` (one module per aggregate), ``api`` and ``pages`` are thin layers over them;
``blueprint`` reads ``[fees]``. Approval runs through the kernel's engine as ``fees_statement``.
"""

from __future__ import annotations

from pathlib import Path

from bizsuite.kit import DocumentType, ModuleSpec
from bizsuite.modules.fees import api, chatter, imports, pages, services
from bizsuite.modules.fees.blueprint import SECTION
from bizsuite.modules.fees.services.alerts import ALERT_KINDS
from bizsuite.modules.fees.services.settings import FEES_SETTINGS
from bizsuite.web.i18n import N_

MODULE = ModuleSpec(
    name="fees",
    controllers=api.CONTROLLERS,
    pages=pages.PAGES,
    navigation=pages.NAVIGATION,
    notices=pages.NOTICES,
    link_targets=pages.LINK_TARGETS,
    search_providers=pages.SEARCH_PROVIDERS,
    record_types=chatter.RECORD_TYPES,
    templates=Path(__file__).parent / "templates",
    models=["bizsuite.modules.fees.models"],
    blueprint_sections={"fees": SECTION},
    importers=[imports.CUSTOMS],
    task_modules=["bizsuite.modules.fees.jobs"],
    alert_kinds=ALERT_KINDS,
    settings=FEES_SETTINGS,
    document_types=[
        DocumentType(services.STATEMENT_DOCUMENT, services.on_statement_decided, label=N_("Fee statement")),
    ],
    event_types={
        "fees.statement.issued": N_("A fee statement was issued"),
        "fees.payment.recorded": N_("A payment of a fee statement was recorded"),
        "fees.customs_record.added": N_("A file of customs records was imported"),
    },
    audit_subjects={
        "fees.customs_record": N_("Customs record"),
        "fees.income_entry": N_("Other income"),
        "fees.payer": N_("Fee payer"),
        "fees.payment": N_("Fee payment"),
        "fees.profit_figure": N_("Operating profit"),
        "fees.reconciliation": N_("Reconciliation"),
        "fees.schedule": N_("Fee schedule"),
        "fees.settings": N_("Fee settings"),
        "fees.statement": N_("Fee statement"),
    },
)
