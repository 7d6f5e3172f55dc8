"""Approval workflows: who approves where, flow definitions, and requests moving through their steps.

Business modules declare their document types in their ``ModuleSpec.document_types`` (a
:class:`bizsuite.kit.DocumentType` names the callback that gets the decision back), call
:func:`submit_document` to start (or restart) approval of a document, and read the
:class:`ApprovalRequest` handed to their callback.

One module per aggregate: ``assignments`` (who approves where), ``flows`` (definitions),
``routing`` (resolving a document's approvers, submitting), ``decisions`` (approve, reject,
withdraw, delegate, re-submit), ``requests`` (reading), ``alerts`` (alerts and webhook events),
``documents`` (document types) and ``acting`` (who is acting). Every public name is re-exported
here.
"""

from __future__ import annotations

from bizsuite.core.approvals.services.acting import (
    acting_user_id,
)
from bizsuite.core.approvals.services.alerts import (
    APPROVED_EVENT,
    REJECTED_EVENT,
    REQUESTED_EVENT,
)
from bizsuite.core.approvals.services.assignments import (
    create_assignment,
    delete_assignment,
    get_assignment,
    list_assignments,
    update_assignment,
)
from bizsuite.core.approvals.services.decisions import (
    approve,
    delegate,
    reject,
    resubmit,
    round_steps,
    withdraw,
)
from bizsuite.core.approvals.services.documents import (
    DEMO_DOCUMENT_TYPE,
    record_demo_decision,
    registration,
)
from bizsuite.core.approvals.services.flows import (
    FlowWithSteps,
    create_flow,
    delete_flow,
    flow_snapshot,
    get_flow,
    list_flows,
    step_shape_errors,
    update_flow,
)
from bizsuite.core.approvals.services.requests import (
    Labels,
    RequestFilter,
    available_actions,
    get_request,
    labels_for,
    list_decisions,
    list_inbox,
    list_requests,
    list_submissions,
    pending_count,
)
from bizsuite.core.approvals.services.routing import (
    Route,
    SubmittedDocument,
    plan,
    preview,
    submit_document,
    submit_from_api,
)

__all__ = [
    "APPROVED_EVENT",
    "DEMO_DOCUMENT_TYPE",
    "REJECTED_EVENT",
    "REQUESTED_EVENT",
    "FlowWithSteps",
    "Labels",
    "RequestFilter",
    "Route",
    "SubmittedDocument",
    "acting_user_id",
    "approve",
    "available_actions",
    "create_assignment",
    "create_flow",
    "delegate",
    "delete_assignment",
    "delete_flow",
    "flow_snapshot",
    "get_assignment",
    "get_flow",
    "get_request",
    "labels_for",
    "list_assignments",
    "list_decisions",
    "list_flows",
    "list_inbox",
    "list_requests",
    "list_submissions",
    "pending_count",
    "plan",
    "preview",
    "record_demo_decision",
    "registration",
    "reject",
    "resubmit",
    "round_steps",
    "step_shape_errors",
    "submit_document",
    "submit_from_api",
    "update_assignment",
    "update_flow",
    "withdraw",
]
