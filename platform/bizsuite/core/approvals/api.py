"""Approval endpoints: approver assignments, flow definitions, requests, my approvals and submissions."""

from __future__ import annotations

import uuid
from typing import Annotated

import msgspec
from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from bizsuite.core.approvals import services
from bizsuite.core.approvals.models import ApprovalRequest, ApprovalStep, RequestStatus
from bizsuite.core.approvals.schemas import (
    ApprovalDecisionOut,
    ApprovalDecisionPage,
    ApprovalFlowCreate,
    ApprovalFlowOut,
    ApprovalFlowPage,
    ApprovalFlowUpdate,
    ApprovalRequestFilters,
    ApprovalRequestOut,
    ApprovalRequestPage,
    ApprovalRequestSummary,
    ApprovalStepOut,
    ApproverAssignmentCreate,
    ApproverAssignmentFilters,
    ApproverAssignmentOut,
    ApproverAssignmentPage,
    ApproverAssignmentUpdate,
    DecisionIn,
    DelegationIn,
    DocumentIn,
    FlowStepOut,
    RejectionIn,
    ResubmitIn,
    RoutePreview,
    RoutePreviewStep,
    SubmissionFilters,
    WithdrawalIn,
)
from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam

ShortText = Annotated[str | None, QueryParameter(max_length=64)]
TAGS = ["approvals"]


def assignment_filters(
    user_id: FromQuery[uuid.UUID | None] = None,
    org_unit_id: FromQuery[uuid.UUID | None] = None,
    approver_role: ShortText = None,
) -> ApproverAssignmentFilters:
    """The approver list's filters from their typed query parameters (the API list, the approvers
    page and its export)."""
    return ApproverAssignmentFilters(user_id=user_id, org_unit_id=org_unit_id, approver_role=approver_role)


def request_filters(
    status: FromQuery[RequestStatus | None] = None,
    document_type: ShortText = None,
    document_id: FromQuery[uuid.UUID | None] = None,
    author_id: FromQuery[uuid.UUID | None] = None,
    current_approver_id: FromQuery[uuid.UUID | None] = None,
) -> ApprovalRequestFilters:
    """The request list's filters from their typed query parameters."""
    return ApprovalRequestFilters(
        status=status,
        document_type=document_type,
        document_id=document_id,
        author_id=author_id,
        current_approver_id=current_approver_id,
    )


def submission_filters(status: FromQuery[RequestStatus | None] = None) -> SubmissionFilters:
    """My submissions' filters (the API list, the page and its export)."""
    return SubmissionFilters(status=status)


#: Inject the filters as ``filters``.
ASSIGNMENT_FILTERS = {"filters": Provide(assignment_filters, sync_to_thread=False)}
REQUEST_FILTERS = {"filters": Provide(request_filters, sync_to_thread=False)}
SUBMISSION_FILTERS = {"filters": Provide(submission_filters, sync_to_thread=False)}


def _assignment_out(row: object) -> ApproverAssignmentOut:
    return msgspec.convert(row, ApproverAssignmentOut, from_attributes=True)


def _flow_out(found: services.FlowWithSteps) -> ApprovalFlowOut:
    flow = found.flow
    return ApprovalFlowOut(
        id=flow.id,
        code=flow.code,
        name=flow.name,
        priority=flow.priority,
        is_active=flow.is_active,
        document_types=list(flow.document_types),
        categories=list(flow.categories),
        org_unit_kinds=list(flow.org_unit_kinds),
        min_amount=flow.min_amount,
        max_amount=flow.max_amount,
        currency=flow.currency,
        steps=[msgspec.convert(s, FlowStepOut, from_attributes=True) for s in found.steps],
        created_at=flow.created_at,
        updated_at=flow.updated_at,
        version=flow.version,
    )


def _summary(request: ApprovalRequest) -> ApprovalRequestSummary:
    return msgspec.convert(request, ApprovalRequestSummary, from_attributes=True)


def _request_out(request: ApprovalRequest, steps: list[ApprovalStep]) -> ApprovalRequestOut:
    summary = msgspec.structs.asdict(_summary(request))
    return ApprovalRequestOut(
        **summary, steps=[msgspec.convert(s, ApprovalStepOut, from_attributes=True) for s in steps]
    )


async def _full(ctx: Ctx, request: ApprovalRequest) -> ApprovalRequestOut:
    return _request_out(request, await services.round_steps(ctx, request))


class ApproverAssignmentController(Controller):
    """Who holds which approver role (store_manager, finance...) at which org unit."""

    path = "/api/v1/approvals/assignments"
    tags = TAGS
    guards = [tenant_guard]

    @get(
        operation_id="list_approver_assignments",
        summary="List approver assignments",
        dependencies=ASSIGNMENT_FILTERS,
    )
    async def list_approver_assignments(
        self,
        ctx: Ctx,
        filters: NamedDependency[ApproverAssignmentFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> ApproverAssignmentPage:
        """List approver assignments, oldest first, filtered by member, org unit or role."""
        rows, next_cursor = await services.list_assignments(
            ctx, limit=limit, cursor=cursor, **msgspec.structs.asdict(filters)
        )
        return ApproverAssignmentPage(items=[_assignment_out(r) for r in rows], next_cursor=next_cursor)

    @post(
        operation_id="create_approver_assignment",
        summary="Assign an approver role",
        opt={"min_role": Role.ADMIN},
    )
    async def create_approver_assignment(
        self, ctx: Ctx, data: JSONBody[ApproverAssignmentCreate]
    ) -> ApproverAssignmentOut:
        """Make a member an approver with a role at an org unit."""
        return _assignment_out(await services.create_assignment(ctx, data))

    @get(
        "/{assignment_id:uuid}", operation_id="get_approver_assignment", summary="Get an approver assignment"
    )
    async def get_approver_assignment(
        self, ctx: Ctx, assignment_id: FromPath[uuid.UUID]
    ) -> ApproverAssignmentOut:
        """Return one approver assignment."""
        return _assignment_out(await services.get_assignment(ctx, assignment_id))

    @patch(
        "/{assignment_id:uuid}",
        operation_id="update_approver_assignment",
        summary="Update an approver assignment",
        opt={"min_role": Role.ADMIN},
    )
    async def update_approver_assignment(
        self,
        ctx: Ctx,
        assignment_id: FromPath[uuid.UUID],
        data: JSONBody[ApproverAssignmentUpdate],
        if_match: IfMatch = None,
    ) -> ApproverAssignmentOut:
        """Move an assignment to another member, org unit or role."""
        return _assignment_out(await services.update_assignment(ctx, assignment_id, data, if_match))

    @delete(
        "/{assignment_id:uuid}",
        operation_id="delete_approver_assignment",
        summary="Delete an approver assignment",
        opt={"min_role": Role.ADMIN},
    )
    async def delete_approver_assignment(
        self, ctx: Ctx, assignment_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Remove an approver assignment."""
        await services.delete_assignment(ctx, assignment_id, if_match)


class ApprovalFlowController(Controller):
    """Flow definitions: conditions that pick a flow and the ordered steps that name approvers."""

    path = "/api/v1/approvals/flows"
    tags = TAGS
    guards = [tenant_guard]

    @get(operation_id="list_approval_flows", summary="List approval flows")
    async def list_approval_flows(
        self,
        ctx: Ctx,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        is_active: FromQuery[bool | None] = None,
    ) -> ApprovalFlowPage:
        """List flows with their steps, oldest first."""
        rows, next_cursor = await services.list_flows(ctx, limit=limit, cursor=cursor, is_active=is_active)
        return ApprovalFlowPage(items=[_flow_out(r) for r in rows], next_cursor=next_cursor)

    @post(
        operation_id="create_approval_flow", summary="Create an approval flow", opt={"min_role": Role.ADMIN}
    )
    async def create_approval_flow(self, ctx: Ctx, data: JSONBody[ApprovalFlowCreate]) -> ApprovalFlowOut:
        """Define a flow: its selection conditions and ordered steps."""
        return _flow_out(await services.create_flow(ctx, data))

    @get("/{flow_id:uuid}", operation_id="get_approval_flow", summary="Get an approval flow")
    async def get_approval_flow(self, ctx: Ctx, flow_id: FromPath[uuid.UUID]) -> ApprovalFlowOut:
        """Return one flow with its steps."""
        return _flow_out(await services.get_flow(ctx, flow_id))

    @patch(
        "/{flow_id:uuid}",
        operation_id="update_approval_flow",
        summary="Update an approval flow",
        opt={"min_role": Role.ADMIN},
    )
    async def update_approval_flow(
        self,
        ctx: Ctx,
        flow_id: FromPath[uuid.UUID],
        data: JSONBody[ApprovalFlowUpdate],
        if_match: IfMatch = None,
    ) -> ApprovalFlowOut:
        """Change a flow; `steps` replaces every step (requests under way keep their route)."""
        return _flow_out(await services.update_flow(ctx, flow_id, data, if_match))

    @delete(
        "/{flow_id:uuid}",
        operation_id="delete_approval_flow",
        summary="Delete an approval flow",
        opt={"min_role": Role.ADMIN},
    )
    async def delete_approval_flow(
        self, ctx: Ctx, flow_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete a flow no request used (deactivate used ones instead)."""
        await services.delete_flow(ctx, flow_id, if_match)


class ApprovalRequestController(Controller):
    """Documents in approval: submit, decide, withdraw, delegate, re-submit; my approvals and submissions."""

    path = "/api/v1/approvals"
    tags = TAGS
    guards = [tenant_guard]

    @post(
        "/route-preview",
        operation_id="preview_approval_route",
        summary="Preview a document's approval route",
        status_code=200,
        opt={"min_role": Role.VIEWER},
    )
    async def preview_approval_route(self, ctx: Ctx, data: JSONBody[DocumentIn]) -> RoutePreview:
        """Show which flow a document would follow and who would approve it, without submitting it."""
        route = await services.preview(ctx, data)
        return RoutePreview(
            flow_id=route.flow.id,
            flow_code=route.flow.code,
            steps=[
                RoutePreviewStep(
                    position=s.position,
                    label=s.label,
                    approver_role=s.approver_role,
                    org_unit_id=s.org_unit_id,
                    approver_id=s.approver_id,
                    skip_reason=s.skip_reason.value if s.skip_reason else None,
                )
                for s in route.steps
            ],
        )

    @post("/requests", operation_id="submit_approval_request", summary="Submit a document for approval")
    async def submit_approval_request(self, ctx: Ctx, data: JSONBody[DocumentIn]) -> ApprovalRequestOut:
        """Submit a generic document (such as `expense_demo`); the matching flow routes it."""
        return await _full(ctx, await services.submit_from_api(ctx, data))

    @get(
        "/requests",
        operation_id="list_approval_requests",
        summary="List approval requests",
        opt={"min_role": Role.MANAGER},
        dependencies=REQUEST_FILTERS,
    )
    async def list_approval_requests(
        self,
        ctx: Ctx,
        filters: NamedDependency[ApprovalRequestFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> ApprovalRequestPage:
        """List every request of the tenant, newest first (managers and above)."""
        rows, next_cursor = await services.list_requests(ctx, filters, limit=limit, cursor=cursor)
        return ApprovalRequestPage(items=[_summary(r) for r in rows], next_cursor=next_cursor)

    @get("/inbox", operation_id="list_my_approvals", summary="My approvals")
    async def list_my_approvals(
        self, ctx: Ctx, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> ApprovalRequestPage:
        """Pending requests waiting for my decision, oldest first."""
        rows, next_cursor = await services.list_inbox(ctx, limit=limit, cursor=cursor)
        return ApprovalRequestPage(items=[_summary(r) for r in rows], next_cursor=next_cursor)

    @get(
        "/submissions",
        operation_id="list_my_submissions",
        summary="My submissions",
        dependencies=SUBMISSION_FILTERS,
    )
    async def list_my_submissions(
        self,
        ctx: Ctx,
        filters: NamedDependency[SubmissionFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> ApprovalRequestPage:
        """Requests I submitted, newest first."""
        rows, next_cursor = await services.list_submissions(ctx, filters.status, limit=limit, cursor=cursor)
        return ApprovalRequestPage(items=[_summary(r) for r in rows], next_cursor=next_cursor)

    @get(
        "/requests/{request_id:uuid}", operation_id="get_approval_request", summary="Get an approval request"
    )
    async def get_approval_request(self, ctx: Ctx, request_id: FromPath[uuid.UUID]) -> ApprovalRequestOut:
        """Return a request with the steps of its current round."""
        request, steps = await services.get_request(ctx, request_id)
        return _request_out(request, steps)

    @get(
        "/requests/{request_id:uuid}/decisions",
        operation_id="list_approval_decisions",
        summary="A request's history",
    )
    async def list_approval_decisions(
        self,
        ctx: Ctx,
        request_id: FromPath[uuid.UUID],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> ApprovalDecisionPage:
        """Every submission, decision, delegation and withdrawal, oldest first."""
        rows, next_cursor = await services.list_decisions(ctx, request_id, limit=limit, cursor=cursor)
        return ApprovalDecisionPage(
            items=[msgspec.convert(r, ApprovalDecisionOut, from_attributes=True) for r in rows],
            next_cursor=next_cursor,
        )

    @post(
        "/requests/{request_id:uuid}/approve",
        operation_id="approve_approval_request",
        summary="Approve",
        status_code=200,
        opt={"min_role": Role.VIEWER},
    )
    async def approve_approval_request(
        self, ctx: Ctx, request_id: FromPath[uuid.UUID], data: JSONBody[DecisionIn], if_match: IfMatch = None
    ) -> ApprovalRequestOut:
        """Approve the current step (current approver only); the last step approves the request."""
        return await _full(ctx, await services.approve(ctx, request_id, data.comment, if_match))

    @post(
        "/requests/{request_id:uuid}/reject",
        operation_id="reject_approval_request",
        summary="Reject",
        status_code=200,
        opt={"min_role": Role.VIEWER},
    )
    async def reject_approval_request(
        self, ctx: Ctx, request_id: FromPath[uuid.UUID], data: JSONBody[RejectionIn], if_match: IfMatch = None
    ) -> ApprovalRequestOut:
        """Reject with a comment (current approver only): the document returns to its author."""
        return await _full(ctx, await services.reject(ctx, request_id, data.comment, if_match))

    @post(
        "/requests/{request_id:uuid}/withdraw",
        operation_id="withdraw_approval_request",
        summary="Withdraw",
        status_code=200,
    )
    async def withdraw_approval_request(
        self,
        ctx: Ctx,
        request_id: FromPath[uuid.UUID],
        data: JSONBody[WithdrawalIn],
        if_match: IfMatch = None,
    ) -> ApprovalRequestOut:
        """Take a pending document back (author only)."""
        return await _full(ctx, await services.withdraw(ctx, request_id, data.comment, if_match))

    @post(
        "/requests/{request_id:uuid}/delegate",
        operation_id="delegate_approval_request",
        summary="Delegate",
        status_code=200,
        opt={"min_role": Role.VIEWER},
    )
    async def delegate_approval_request(
        self,
        ctx: Ctx,
        request_id: FromPath[uuid.UUID],
        data: JSONBody[DelegationIn],
        if_match: IfMatch = None,
    ) -> ApprovalRequestOut:
        """Hand the current step to another member (current approver, or an admin)."""
        return await _full(ctx, await services.delegate(ctx, request_id, data, if_match))

    @post(
        "/requests/{request_id:uuid}/resubmit",
        operation_id="resubmit_approval_request",
        summary="Re-submit",
        status_code=200,
    )
    async def resubmit_approval_request(
        self, ctx: Ctx, request_id: FromPath[uuid.UUID], data: JSONBody[ResubmitIn], if_match: IfMatch = None
    ) -> ApprovalRequestOut:
        """Send a rejected or withdrawn document through a new round (author only; history is kept)."""
        return await _full(ctx, await services.resubmit(ctx, request_id, data, if_match))
