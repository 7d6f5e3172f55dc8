"""Fee billing services, one module per aggregate: schedules, metrics, reconciliations,
statements, reports (and ``common``: who sees which subsidiary)."""

from __future__ import annotations

from bizsuite.modules.fees.services import metrics, reconciliations, reports, schedules, statements
from bizsuite.modules.fees.services.statements import STATEMENT_DOCUMENT, on_statement_decided

__all__ = [
    "STATEMENT_DOCUMENT",
    "metrics",
    "on_statement_decided",
    "reconciliations",
    "reports",
    "schedules",
    "statements",
]
