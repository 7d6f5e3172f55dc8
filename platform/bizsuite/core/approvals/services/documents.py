"""Document types: how the installed areas declare theirs, and the demo expense."""

import logging

from bizsuite.core.approvals.models import (
    ApprovalRequest,
)
from bizsuite.core.context import Context
from bizsuite.kit import DocumentType, registry

log = logging.getLogger(__name__)

# --- document types (declared by the areas in their ``ModuleSpec.document_types``) ---------------


def registration(document_type: str) -> DocumentType | None:
    """Return how ``document_type`` is declared, if an installed area declares it."""
    return registry().document_types.get(document_type)


async def record_demo_decision(ctx: Context, request: ApprovalRequest) -> None:
    """The generic demo document has no module: its outcome goes to the audit log."""
    ctx.audit(
        f"expense_demo.{request.status.value}",
        request,
        target_type="expense_demo",
        target_id=request.document_id,
        after={"request_id": str(request.id), "round": request.round, "status": request.status.value},
    )


#: A document type any member can submit through the API, for trying the engine without a module.
DEMO_DOCUMENT_TYPE = "expense_demo"
