"""Contracts (合同管理): income and expenditure contracts over their life, counterparties
(suppliers and subcontractors with qualifications and a blacklist), projects, payment plans,
receipts and payments under 以收定支 (spend only what you receive), invoices and ageing, change
orders, templates with the clause library and generated documents, claims and delays, alerts, the
ledger and dashboard, and the customer-risk signal on CRM account pages and the churn watch list.

``models`` holds every table; ``rules`` the domain rules; ``services`` (one module per
aggregate), ``api`` and ``pages`` are thin layers over them; ``blueprint`` reads ``[contracts]``.
Approval runs through the kernel's engine: contracts as ``contracts_contract``, payments beyond
receipts under the soft rule as ``contracts_payment``.
"""

from __future__ import annotations

from pathlib import Path

from bizsuite.kit import DocumentType, ModuleSpec
from bizsuite.modules.contracts import api, chatter, pages, services
from bizsuite.modules.contracts.blueprint import SECTION
from bizsuite.web.i18n import N_

MODULE = ModuleSpec(
    name="contracts",
    depends=("crm",),
    controllers=api.CONTROLLERS,
    pages=pages.PAGES,
    navigation=pages.NAVIGATION,
    notices=pages.NOTICES,
    link_targets=pages.LINK_TARGETS,
    search_providers=pages.SEARCH_PROVIDERS,
    record_types=chatter.RECORD_TYPES,
    templates=Path(__file__).parent / "templates",
    models=["bizsuite.modules.contracts.models"],
    blueprint_sections={"contracts": SECTION},
    document_types=[
        DocumentType(services.CONTRACT_DOCUMENT, services.on_contract_decided, label=N_("Contract")),
        DocumentType(services.PAYMENT_DOCUMENT, services.on_payment_decided, label=N_("Contract payment")),
        DocumentType(services.CHANGE_DOCUMENT, services.on_change_decided, label=N_("Contract change order")),
    ],
    audit_subjects={
        "contracts.change_order": N_("Change order"),
        "contracts.claim": N_("Claim"),
        "contracts.clause": N_("Clause"),
        "contracts.delay": N_("Delay"),
        "contracts.template": N_("Contract template"),
        "contracts.contract": N_("Contract"),
        "contracts.counterparty": N_("Counterparty"),
        "contracts.invoice": N_("Invoice"),
        "contracts.milestone": N_("Milestone"),
        "contracts.project": N_("Project"),
        "contracts.qualification": N_("Qualification"),
        "contracts.settings": N_("Contract settings"),
    },
    settings=services.CONTRACTS_SETTINGS,
    alert_kinds=services.ALERT_KINDS,
    task_modules=["bizsuite.modules.contracts.jobs"],
    panels=pages.PANELS,
    list_columns=pages.LIST_COLUMNS,
)
