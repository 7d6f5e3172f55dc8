"""Approvals: flows, approver assignments, requests and decisions."""

from __future__ import annotations

from bizsuite.core.approvals import blueprint
from bizsuite.core.approvals.api import (
    ApprovalFlowController,
    ApprovalRequestController,
    ApproverAssignmentController,
)
from bizsuite.core.approvals.services import (
    APPROVED_EVENT,
    DEMO_DOCUMENT_TYPE,
    REJECTED_EVENT,
    REQUESTED_EVENT,
    record_demo_decision,
)
from bizsuite.core.identity.models import Role
from bizsuite.kit import SECTION_ORGANISATION, SECTION_WORK, DocumentType, LinkTarget, ModuleSpec, NavItem
from bizsuite.web.approvals_pages import ApprovalFlowPages, ApprovalPages, ApproverAssignmentPages
from bizsuite.web.i18n import N_

AREA = ModuleSpec(
    name="approvals",
    kernel=True,
    controllers=[ApproverAssignmentController, ApprovalFlowController, ApprovalRequestController],
    pages=[ApprovalPages, ApprovalFlowPages, ApproverAssignmentPages],
    navigation=[
        NavItem(N_("Approvals"), "/approvals", badge="approvals", section=SECTION_WORK, order=20),
        NavItem(
            N_("Approval flows"), "/admin/approval-flows", Role.ADMIN, section=SECTION_ORGANISATION, order=30
        ),
        NavItem(
            N_("Approvers"), "/admin/approver-assignments", Role.ADMIN, section=SECTION_ORGANISATION, order=40
        ),
    ],
    models=["bizsuite.core.approvals.models"],
    blueprint_sections=blueprint.SECTIONS,
    event_types={
        REQUESTED_EVENT: N_("A document was submitted (or re-submitted) for approval."),
        APPROVED_EVENT: N_("A document was approved by its last approver."),
        REJECTED_EVENT: N_("A document was rejected and returned to its author."),
    },
    # A document any member can submit through the API, for trying the engine without a module.
    document_types=[
        DocumentType(
            DEMO_DOCUMENT_TYPE, record_demo_decision, api_submittable=True, label=N_("Expense (demo)")
        )
    ],
    link_targets=[LinkTarget("approval_requests", "/approvals/requests/{id}")],
    alert_kinds={
        "approval.pending": N_("Waiting for your approval"),
        "approval.approved": N_("Approval granted"),
        "approval.rejected": N_("Approval rejected"),
    },
    notices={
        "approval.submitted": N_("Submitted for approval."),
        "approval.approved": N_("Approved."),
        "approval.rejected": N_("Rejected: the document is back with its author."),
        "approval.delegated": N_("Handed over."),
        "approval.withdrawn": N_("Withdrawn."),
        "approval.resubmitted": N_("Re-submitted for a new round of approval."),
        "approval_flow.activated": N_("Flow activated."),
        "approval_flow.deactivated": N_("Flow deactivated."),
        "approver_assignment.created": N_("Approver added."),
        "approver_assignment.deleted": N_("Approver removed."),
    },
)
