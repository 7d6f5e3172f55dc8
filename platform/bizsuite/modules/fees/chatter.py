"""The fee records that carry the kernel's chatter and activities: statements (their status, total,
settlement rate and dates as they change; notes and activities between HQ finance and the
subsidiary)."""

from __future__ import annotations

import uuid

from bizsuite.core.context import Context
from bizsuite.kit import RecordInfo, RecordType
from bizsuite.modules.fees.pages import LABELS
from bizsuite.modules.fees.services.statements import statement_row
from bizsuite.web.i18n import N_


async def _statement(ctx: Context, statement_id: uuid.UUID) -> RecordInfo:
    row = await statement_row(ctx, statement_id)
    return RecordInfo(label=f"{row.number}", followers=())


RECORD_TYPES = [
    RecordType(
        "fees_statements",
        "/fees/statements/{id}",
        _statement,
        tracked={
            "status": N_("Status"),
            "total": N_("Total"),
            "settlement_rate": N_("Year-end band rate"),
            "issued_on": N_("Issued on"),
            "due_on": N_("Due on"),
        },
        choices={"status": {k: LABELS[k] for k in ("draft", "in_approval", "approved", "issued")}},
    ),
]
