"""Approval pages (审批): my approvals, my submissions, one request with its route and history and
the demo expense form; for admins the flows (read-only here) and who approves where.

Every page calls the services the API calls; decisions run in a savepoint so a refused one
leaves nothing behind before the page shows why.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable
from typing import Any, TypeVar

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.approvals import services as approvals
from bizsuite.core.approvals.api import (
    assignment_filters,
    submission_filters,
)
from bizsuite.core.approvals.models import (
    ApprovalRequest,
    ApproverKind,
    DecisionAction,
    RequestStatus,
    StepStatus,
)
from bizsuite.core.approvals.schemas import (
    ApprovalFlowUpdate,
    ApproverAssignmentCreate,
    ApproverAssignmentFilters,
    DecisionIn,
    DelegationIn,
    DocumentIn,
    RejectionIn,
    ResubmitIn,
    SubmissionFilters,
    WithdrawalIn,
)
from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ProblemError
from bizsuite.core.identity.members import member_choices
from bizsuite.core.identity.models import Role
from bizsuite.core.org_units import services as org_units
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.kit import registry
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, Submission, form_version, read_form
from bizsuite.web.i18n import N_, service_messages
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    query_as_sent,
    query_params,
    redirect,
    run_action,
    run_form,
    savepoint,
    signed_in,
)
from bizsuite.web.templating import page

E = TypeVar("E", bound=enum.Enum)
PAGE_SIZE = 25
MAX_ROWS = 1_000

STATUS_LABELS = {
    RequestStatus.PENDING.value: N_("In approval"),
    RequestStatus.APPROVED.value: N_("Approved"),
    RequestStatus.REJECTED.value: N_("Rejected"),
    RequestStatus.WITHDRAWN.value: N_("Withdrawn"),
}
STEP_STATUS_LABELS = {
    StepStatus.WAITING.value: N_("Waiting"),
    StepStatus.PENDING.value: N_("Waiting for decision"),
    StepStatus.APPROVED.value: N_("Approved"),
    StepStatus.REJECTED.value: N_("Rejected"),
    StepStatus.SKIPPED.value: N_("Skipped"),
    StepStatus.CANCELLED.value: N_("Cancelled"),
}
ACTION_LABELS = {
    DecisionAction.SUBMITTED.value: N_("Submitted"),
    DecisionAction.RESUBMITTED.value: N_("Re-submitted"),
    DecisionAction.APPROVED.value: N_("Approved"),
    DecisionAction.REJECTED.value: N_("Rejected"),
    DecisionAction.WITHDRAWN.value: N_("Withdrawn"),
    DecisionAction.DELEGATED.value: N_("Delegated"),
}
SKIP_LABELS = {"no_approver": N_("Nobody holds this role"), "author": N_("The author's own step")}
APPROVER_KIND_LABELS = {
    ApproverKind.ROLE_AT_UNIT.value: N_("Role at the document's org unit"),
    ApproverKind.ROLE_AT_ANCESTOR_KIND.value: N_("Role at the nearest unit of a kind"),
    ApproverKind.NEAREST_ROLE.value: N_("Nearest holder of the role, going up"),
    ApproverKind.ROLE_AT_NAMED_UNIT.value: N_("Role at a named org unit"),
    ApproverKind.USER.value: N_("A named person"),
}


def document_type_labels() -> dict[str, str]:
    """Each routed document type's label msgid, as its area declares it (``DocumentType.label``)."""
    return {name: d.label for name, d in registry().document_types.items() if d.label}


#: Categories the demo expense form offers; flows may select on them (over_budget: special flow).
CATEGORIES = {
    "": N_("General"),
    "operating": N_("Operating expense"),
    "over_budget": N_("Over budget (special approval)"),
}
#: Approver roles of the seed flows, offered when assigning approvers (any other role may be typed).
SEED_ROLES = (
    "store_manager",
    "regional_manager",
    "operations_manager",
    "department_manager",
    "finance",
    "general_manager",
)
#: Field messages of the approval services and decoder, translated when a form shows them.
SERVICE_MESSAGES = service_messages(
    N_("the author cannot approve their own document"),
    N_("this member is already the approver"),
    N_("this member already holds this role there"),
    N_("required with an amount"),
    N_("the org unit is archived"),
    N_("must not be negative"),
    N_("has more than 2 decimal places"),
    N_("Invalid decimal string"),
    N_("Invalid UUID"),
    N_(
        "No active approval flow matches this document (its type, category, amount, currency "
        "and org unit kind); ask an admin to define one."
    ),
)
#: The toast after each decision.
DONE_NOTICES = {
    "approve": "approval.approved",
    "reject": "approval.rejected",
    "delegate": "approval.delegated",
    "withdraw": "approval.withdrawn",
    "resubmit": "approval.resubmitted",
}
#: The form fields each decision takes (its schema forbids any other).
DECISION_FIELDS = {
    "approve": ("comment",),
    "reject": ("comment",),
    "delegate": ("to_user_id", "comment"),
    "withdraw": ("comment",),
    "resubmit": ("comment", "title", "amount"),
}
SUBMITTED_PARAMS = ("status", "cursor")
ASSIGNMENT_PARAMS = ("approver_role", "org_unit_id", "user_id", "cursor")
DOCUMENT_FIELDS = ("title", "org_unit_id", "amount", "currency", "category")


def _next(data: dict[str, Any], default: str) -> str:
    """The local page a form came from, never another site."""
    target = str(data.get("next") or "")
    return target if target.startswith("/") and not target.startswith("//") else default


def _amount(value: Any) -> Any:
    """Accept amounts typed with group separators (1,200.00 or 1 200.00)."""
    if isinstance(value, str):
        return value.replace(",", "").replace("，", "").replace(" ", "").replace("\u00a0", "")
    return value


async def _units(ctx: Context) -> list[OrgUnit]:
    """The active org units, the choices for documents and assignments."""
    units = await every_page(
        lambda cursor: org_units.list_org_units(ctx, limit=200, cursor=cursor), limit=MAX_ROWS
    )
    return sorted(units, key=lambda u: u.code)


async def _request_labels(ctx: Context, rows: Iterable[ApprovalRequest]) -> approvals.Labels:
    rows = list(rows)
    return await approvals.labels_for(
        ctx,
        user_ids=[r.author_id for r in rows] + [r.current_approver_id for r in rows],
        org_unit_ids=[r.org_unit_id for r in rows],
        flow_ids=[r.flow_id for r in rows],
    )


def _summary_row(r: ApprovalRequest, labels: approvals.Labels) -> tuple[Any, ...]:
    return (
        r.title,
        _(label) if (label := document_type_labels().get(r.document_type)) else r.document_type,
        r.amount if r.amount is not None else "",
        r.currency or "",
        _(CATEGORIES[r.category]) if r.category in CATEGORIES else r.category or "",
        labels.org_units.get(r.org_unit_id, ""),
        labels.users.get(r.author_id, ""),
        _(STATUS_LABELS[r.status.value]),
        labels.users.get(r.current_approver_id, "") if r.current_approver_id else "",
        r.round,
        r.submitted_at,
        r.decided_at or "",
    )


def _summary_headers() -> list[str]:
    return [
        _("Title"),
        _("Type"),
        _("Amount"),
        _("Currency"),
        _("Category"),
        _("Org unit"),
        _("Submitted by"),
        _("Status"),
        _("Current approver"),
        _("Round"),
        _("Submitted on"),
        _("Decided"),
    ]


def _common() -> dict[str, Any]:
    """Labels every approval template uses."""
    return {
        "status_labels": STATUS_LABELS,
        "step_status_labels": STEP_STATUS_LABELS,
        "action_labels": ACTION_LABELS,
        "skip_labels": SKIP_LABELS,
        "document_types": document_type_labels(),
        "categories": CATEGORIES,
        "kind_labels": APPROVER_KIND_LABELS,
    }


class ApprovalPages(Controller):
    """Waiting for me, submitted by me, one request, and the demo expense form."""

    path = "/approvals"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def inbox(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """My approvals (待我审批): pending requests waiting for my decision, oldest first."""
        rows, next_cursor = await approvals.list_inbox(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "approvals/inbox.html",
            rows=rows,
            labels=await _request_labels(ctx, rows),
            members=await member_choices(ctx) if rows else None,
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            tab="inbox",
            **_common(),
        )

    @get("/export")
    async def export_inbox(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download my approvals as CSV or XLSX."""
        found = await every_page(lambda cursor: approvals.list_inbox(ctx, limit=200, cursor=cursor))
        rows = found
        labels = await _request_labels(ctx, rows)
        return export_response(
            request.query_params.get("format", "csv"),
            "my-approvals",
            _summary_headers(),
            [_summary_row(r, labels) for r in rows],
        )

    @get("/submitted", **filtered_by(submission_filters))
    async def submitted(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[SubmissionFilters]
    ) -> Template:
        """My submissions (我提交的), newest first, with withdraw and re-submit."""
        rows, next_cursor = await approvals.list_submissions(
            ctx, filters.status, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        sent = query_as_sent(request)
        return page(
            request,
            "approvals/submitted.html",
            rows=rows,
            labels=await _request_labels(ctx, rows),
            next_cursor=next_cursor,
            params={name: value for name in SUBMITTED_PARAMS if (value := sent.get(name))},
            filters=sent,
            tab="submitted",
            **_common(),
        )

    @get("/submitted/export", **filtered_by(submission_filters))
    async def export_submitted(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[SubmissionFilters]
    ) -> Response[bytes]:
        """Download my submissions (filtered by status) as CSV or XLSX."""
        found = await every_page(
            lambda cursor: approvals.list_submissions(ctx, filters.status, limit=200, cursor=cursor)
        )
        rows = found
        labels = await _request_labels(ctx, rows)
        return export_response(
            request.query_params.get("format", "csv"),
            "my-submissions",
            _summary_headers(),
            [_summary_row(r, labels) for r in rows],
        )

    # --- the demo expense -------------------------------------------------------------------

    async def _new_form(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        values: dict[str, Any] | None = None,
        errors: FormErrors | None = None,
        route: approvals.Route | None = None,
    ) -> Template:
        route_labels = None
        if route is not None:
            route_labels = await approvals.labels_for(
                ctx,
                user_ids=[s.approver_id for s in route.steps],
                org_unit_ids=[s.org_unit_id for s in route.steps],
            )
        return page(
            request,
            "approvals/new.html",
            status_code=status_code,
            units=await _units(ctx),
            values=values or {"currency": ctx.tenant.currency},
            errors=errors or FormErrors(),
            route=route,
            route_labels=route_labels,
            tab="new",
            **_common(),
        )

    @get("/new", opt={"min_role": Role.MEMBER})
    async def new(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The form to submit a demo expense (any module's documents go through the same engine)."""
        return await self._new_form(ctx, request)

    @post("/new", opt={"min_role": Role.MEMBER})
    async def submit(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Submit the demo expense, or only preview who would approve it."""
        values = {k: data.get(k) for k in DOCUMENT_FIELDS}
        submission = read_form(
            {**values, "amount": _amount(values["amount"]), "document_type": approvals.DEMO_DOCUMENT_TYPE},
            DocumentIn,
            (*DOCUMENT_FIELDS, "document_type"),
        )

        async def again(failed: Submission[DocumentIn]) -> Template:
            return await self._new_form(
                ctx, request, status_code=failed.status_code, values=values, errors=failed.errors
            )

        if data.get("preview"):

            async def show_route(document: DocumentIn, _version: str | None) -> Template:
                route = await savepoint(ctx, approvals.preview(ctx, document))
                return await self._new_form(ctx, request, values=values, route=route)

            return await run_form(submission, show_route, done=lambda shown: shown, again=again)

        async def submit(document: DocumentIn, _version: str | None) -> ApprovalRequest:
            return await savepoint(ctx, approvals.submit_from_api(ctx, document))

        return await run_form(
            submission,
            submit,
            done=lambda created: redirect(f"/approvals/requests/{created.id}", notice="approval.submitted"),
            again=again,
        )

    # --- one request ------------------------------------------------------------------------

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        request_id: uuid.UUID,
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        failed: str | None = None,
        values: dict[str, Any] | None = None,
    ) -> Template:
        row, steps = await approvals.get_request(ctx, request_id)
        history = await every_page(
            lambda cursor: approvals.list_decisions(ctx, request_id, limit=200, cursor=cursor), limit=MAX_ROWS
        )
        labels = await approvals.labels_for(
            ctx,
            user_ids=[row.author_id, row.current_approver_id]
            + [s.approver_id for s in steps]
            + [s.decided_by for s in steps]
            + [d.actor_id for d in history]
            + [d.delegate_id for d in history],
            org_unit_ids=[row.org_unit_id] + [s.org_unit_id for s in steps],
            flow_ids=[row.flow_id],
        )
        actions = await approvals.available_actions(ctx, row)
        return page(
            request,
            "approvals/request.html",
            status_code=status_code,
            row=row,
            steps=steps,
            history=history,
            labels=labels,
            actions=actions,
            # The member a refused delegation named, so the field still shows them.
            members=await member_choices(ctx, selected=[(values or {}).get("to_user_id")])
            if "delegate" in actions
            else None,
            errors=errors or FormErrors(),
            failed=failed,
            values=values or {},
            **_common(),
        )

    @get("/requests/{request_id:uuid}")
    async def detail(
        self, ctx: Ctx, request: Request[Any, Any, Any], request_id: FromPath[uuid.UUID]
    ) -> Template:
        """A request: the document, its route with each approver's status, and its history."""
        return await self._detail(ctx, request, request_id)

    async def _decide(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        request_id: uuid.UUID,
        data: dict[str, Any],
        action: str,
        schema: type[Any],
    ) -> Response[Any]:
        fields = {k: data.get(k) for k in DECISION_FIELDS[action]}
        if "amount" in fields:
            fields["amount"] = _amount(fields["amount"])
        submission = read_form({**fields, "version": data.get("version")}, schema, DECISION_FIELDS[action])
        back = _next(data, f"/approvals/requests/{request_id}")

        async def decide(decision: Any, version: str | None) -> ApprovalRequest:
            if isinstance(decision, RejectionIn):
                work = approvals.reject(ctx, request_id, decision.comment, version)
            elif isinstance(decision, DelegationIn):
                work = approvals.delegate(ctx, request_id, decision, version)
            elif isinstance(decision, WithdrawalIn):
                work = approvals.withdraw(ctx, request_id, decision.comment, version)
            elif isinstance(decision, ResubmitIn):
                work = approvals.resubmit(ctx, request_id, decision, version)
            else:
                assert isinstance(decision, DecisionIn)
                work = approvals.approve(ctx, request_id, decision.comment, version)
            return await savepoint(ctx, work)

        async def again(failed: Submission[Any]) -> Template:
            return await self._detail(
                ctx,
                request,
                request_id,
                status_code=failed.status_code,
                errors=failed.errors,
                failed=action,
                values=data,
            )

        return await run_form(
            submission,
            decide,
            done=lambda _decided: redirect(back, notice=DONE_NOTICES[action]),
            again=again,
            back=back,
        )

    @post("/requests/{request_id:uuid}/approve", opt={"min_role": Role.VIEWER})
    async def approve(
        self, ctx: Ctx, request: Request[Any, Any, Any], request_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Approve my step (同意), with an optional comment."""
        return await self._decide(ctx, request, request_id, data, "approve", DecisionIn)

    @post("/requests/{request_id:uuid}/reject", opt={"min_role": Role.VIEWER})
    async def reject(
        self, ctx: Ctx, request: Request[Any, Any, Any], request_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Reject (驳回) with a comment: the document returns to its author."""
        return await self._decide(ctx, request, request_id, data, "reject", RejectionIn)

    @post("/requests/{request_id:uuid}/delegate", opt={"min_role": Role.VIEWER})
    async def delegate(
        self, ctx: Ctx, request: Request[Any, Any, Any], request_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Hand my step to another member (转交)."""
        return await self._decide(ctx, request, request_id, data, "delegate", DelegationIn)

    @post("/requests/{request_id:uuid}/withdraw", opt={"min_role": Role.MEMBER})
    async def withdraw(
        self, ctx: Ctx, request: Request[Any, Any, Any], request_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Take my pending document back (撤回)."""
        return await self._decide(ctx, request, request_id, data, "withdraw", WithdrawalIn)

    @post("/requests/{request_id:uuid}/resubmit", opt={"min_role": Role.MEMBER})
    async def resubmit(
        self, ctx: Ctx, request: Request[Any, Any, Any], request_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Send my rejected or withdrawn document through a new round (重新提交)."""
        return await self._decide(ctx, request, request_id, data, "resubmit", ResubmitIn)


class ApprovalFlowPages(Controller):
    """The tenant's approval flows: conditions and steps. Defined through the API or a blueprint."""

    path = "/admin/approval-flows"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    @get()
    async def flows(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """A page of flows, oldest first, with their conditions and steps."""
        rows, next_cursor = await approvals.list_flows(
            ctx, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "approvals/flows.html",
            flows=rows,
            next_cursor=next_cursor,
            params=query_params(request, "cursor"),
            **_common(),
        )

    @get("/{flow_id:uuid}")
    async def flow(self, ctx: Ctx, request: Request[Any, Any, Any], flow_id: FromPath[uuid.UUID]) -> Template:
        """One flow: what selects it and who approves at each step."""
        found = await approvals.get_flow(ctx, flow_id)
        labels = await approvals.labels_for(
            ctx,
            user_ids=[s.user_id for s in found.steps],
            org_unit_ids=[s.org_unit_id for s in found.steps],
        )
        return page(request, "approvals/flow.html", found=found, labels=labels, **_common())

    @post("/{flow_id:uuid}/{action:str}")
    async def switch(
        self, ctx: Ctx, flow_id: FromPath[uuid.UUID], action: FromPath[str], data: Form
    ) -> Response[Any]:
        """Switch a flow on or off (requests under way keep their route)."""
        if action not in {"activate", "deactivate"}:
            raise ProblemError("unknown action")
        update = ApprovalFlowUpdate(is_active=action == "activate")
        return await run_action(
            lambda: savepoint(ctx, approvals.update_flow(ctx, flow_id, update, form_version(data))),
            back=f"/admin/approval-flows/{flow_id}",
            notice=f"approval_flow.{action}d",
        )


class ApproverAssignmentPages(Controller):
    """Who approves where (审批人): a member holds an approver role at an org unit."""

    path = "/admin/approver-assignments"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    async def _render(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        status_code: int = 200,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
        filters: ApproverAssignmentFilters | None = None,
    ) -> Template:
        rows, next_cursor = await approvals.list_assignments(
            ctx,
            limit=PAGE_SIZE,
            cursor=request.query_params.get("cursor"),
            **msgspec.structs.asdict(filters or ApproverAssignmentFilters()),
        )
        sent = query_as_sent(request)
        labels = await approvals.labels_for(
            ctx, user_ids=[r.user_id for r in rows], org_unit_ids=[r.org_unit_id for r in rows]
        )
        return page(
            request,
            "approvals/assignments.html",
            status_code=status_code,
            rows=rows,
            labels=labels,
            members=await member_choices(ctx, selected=[sent.get("user_id"), (values or {}).get("user_id")]),
            units=await _units(ctx),
            roles=sorted(set(SEED_ROLES) | {r.approver_role for r in rows}),
            next_cursor=next_cursor,
            params={name: value for name in ASSIGNMENT_PARAMS if (value := sent.get(name))},
            filters=sent,
            errors=errors or FormErrors(),
            values=values or {},
        )

    @get(**filtered_by(assignment_filters))
    async def assignments(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[ApproverAssignmentFilters]
    ) -> Template:
        """A page of assignments with filters and the form to add one."""
        return await self._render(ctx, request, filters=filters)

    @post()
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Give a member an approver role at an org unit."""
        fields = ("user_id", "org_unit_id", "approver_role")
        submission = read_form(data, ApproverAssignmentCreate, fields)

        async def again(failed: Submission[ApproverAssignmentCreate]) -> Template:
            values = {k: data.get(k) for k in fields}
            return await self._render(
                ctx, request, status_code=failed.status_code, errors=failed.errors, values=values
            )

        return await run_form(
            submission,
            lambda create, _version: savepoint(ctx, approvals.create_assignment(ctx, create)),
            done=lambda _created: redirect(
                "/admin/approver-assignments", notice="approver_assignment.created"
            ),
            again=again,
        )

    @post("/{assignment_id:uuid}/delete")
    async def remove(self, ctx: Ctx, assignment_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Take the role away (requests under way keep their approver)."""
        return await run_action(
            lambda: savepoint(ctx, approvals.delete_assignment(ctx, assignment_id, form_version(data))),
            back="/admin/approver-assignments",
            done=_next(data, "/admin/approver-assignments"),
            notice="approver_assignment.deleted",
        )

    @get("/export", **filtered_by(assignment_filters))
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[ApproverAssignmentFilters]
    ) -> Response[bytes]:
        """Download the (filtered) assignments as CSV or XLSX."""
        params = request.query_params
        found = await every_page(
            lambda cursor: approvals.list_assignments(
                ctx, limit=200, cursor=cursor, **msgspec.structs.asdict(filters)
            )
        )
        rows = found
        labels = await approvals.labels_for(
            ctx, user_ids=[r.user_id for r in rows], org_unit_ids=[r.org_unit_id for r in rows]
        )
        return export_response(
            params.get("format", "csv"),
            "approvers",
            [_("Member"), _("Approver role"), _("Org unit"), _("Since")],
            [
                (
                    labels.users.get(r.user_id, ""),
                    r.approver_role,
                    labels.org_units.get(r.org_unit_id, ""),
                    r.created_at,
                )
                for r in rows
            ],
        )
