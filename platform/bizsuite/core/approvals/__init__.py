"""Approval workflows (审批流程): flows as tenant data, approvers resolved on the org tree.

A business module declares its document type in its spec and submits documents; the engine
calls the module back, in the deciding transaction, when a round ends::

    MODULE = ModuleSpec(..., document_types=[DocumentType("contract", on_contract_decided)])

    await submit_document(ctx, SubmittedDocument(document_type="contract", ...))
"""

from bizsuite.core.approvals.models import ApprovalRequest, RequestStatus
from bizsuite.core.approvals.services import SubmittedDocument, submit_document

__all__ = ["ApprovalRequest", "RequestStatus", "SubmittedDocument", "submit_document"]
