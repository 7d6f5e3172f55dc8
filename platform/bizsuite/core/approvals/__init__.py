"""Approval workflows (审批流程): flows as tenant data, approvers resolved on the org tree.

A business module registers its document type once and submits documents; the engine calls
the module back, in the deciding transaction, when a round ends::

    from bizsuite.core.approvals import SubmittedDocument, register_document_type, submit_document

    register_document_type("contract", on_contract_decided)
    await submit_document(ctx, SubmittedDocument(document_type="contract", ...))
"""

from bizsuite.core.approvals.models import ApprovalRequest, RequestStatus
from bizsuite.core.approvals.services import (
    DecisionHandler,
    SubmittedDocument,
    register_document_type,
    submit_document,
    unregister_document_type,
)

__all__ = [
    "ApprovalRequest",
    "DecisionHandler",
    "RequestStatus",
    "SubmittedDocument",
    "register_document_type",
    "submit_document",
    "unregister_document_type",
]
