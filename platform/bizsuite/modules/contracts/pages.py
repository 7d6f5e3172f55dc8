"""Contracts pages: the contracts list and register form, a contract's page (status, payment plan,
receipts or payments, invoices, its project's 以收定支 position, attachments), counterparties,
projects, ageing and the settings."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from functools import partial
from typing import Any

import msgspec
from litestar import Controller, HttpMethod, Request, Response, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template
from multipart import MultipartSegment  # type: ignore[import-untyped]
from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ConflictProblem, FieldError, ProblemError, ValidationProblem
from bizsuite.core.files import services as files
from bizsuite.core.files.api import provide_storage
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.services import list_files
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.services import user_names
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.views.services import list_saved_views
from bizsuite.kit import SECTION_ADMINISTRATION, LinkTarget, ListColumn, NavItem, Panel, SearchProvider
from bizsuite.modules.contracts import services
from bizsuite.modules.contracts.api import (
    contract_filters,
    counterparty_filters,
    project_filters,
    template_filters,
)
from bizsuite.modules.contracts.models import (
    ChangeOrderStatus,
    ClaimKind,
    ClaimStatus,
    ContractStatus,
    CounterpartyKind,
    Direction,
    SettlementKind,
    SettlementStatus,
    SpendRule,
)
from bizsuite.modules.contracts.rules import CHANGEABLE
from bizsuite.modules.contracts.schemas import (
    AttachmentRef,
    ChangeOrderCreate,
    ClaimCreate,
    ClaimDecision,
    ClauseCreate,
    ClauseUpdate,
    ContractCreate,
    ContractFilters,
    ContractsSettingsUpdate,
    CounterpartyCreate,
    CounterpartyFilters,
    CounterpartyUpdate,
    CustomerRisk,
    InvoiceCreate,
    MilestoneCreate,
    PlaceholderDefinition,
    PlaceholderValue,
    ProjectCreate,
    ProjectFilters,
    QualificationCreate,
    SettlementCreate,
    StatusChange,
    TemplateClauseRef,
    TemplateCreate,
    TemplateFilters,
    TemplateUpdate,
    TemplateView,
)
from bizsuite.modules.crm.models import Account
from bizsuite.web.exports import Column, export_response, export_view
from bizsuite.web.forms import FormErrors, Submission, form_context, read_form, saved_values
from bizsuite.web.i18n import N_, pgettext
from bizsuite.web.i18n import gettext as _
from bizsuite.web.lists import (
    GroupTotal,
    ListState,
    list_context,
    list_export,
    list_export_source,
    list_state,
)
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    form_dict,
    query_as_sent,
    redirect,
    run_action,
    run_form,
    savepoint,
    signed_in,
)
from bizsuite.web.templating import page
from bizsuite.web.uploads import UploadRefused, format_size, receive_upload, upload_policy

PAGE_SIZE = 50
CHOICES = 500
SECTION = N_("Contracts")

CONTRACT_FIELDS = (
    "direction", "title", "account_id", "counterparty_id", "project_id", "org_unit_id", "amount", "currency",
    "exchange_rate", "starts_on", "ends_on", "our_signatory", "their_signatory", "notes",
)  # fmt: skip
COUNTERPARTY_FIELDS = ("kind", "code", "name", "rating", "contact", "notes")
COUNTERPARTY_EDIT_FIELDS = (*COUNTERPARTY_FIELDS, "blacklist_reason")
PROJECT_FIELDS = ("code", "name", "org_unit_id", "notes")

STATUS_LABELS = {
    ContractStatus.DRAFT: N_("Draft"),
    ContractStatus.IN_APPROVAL: N_("In approval"),
    ContractStatus.APPROVED: N_("Approved"),
    ContractStatus.ACTIVE: N_("Active (signed)"),
    ContractStatus.COMPLETED: N_("Completed"),
    ContractStatus.TERMINATED: N_("Terminated"),
    ContractStatus.EXPIRED: N_("Expired"),
}
#: The button that moves a contract to a status.
STATUS_ACTIONS = {
    ContractStatus.IN_APPROVAL: N_("Submit for approval"),
    ContractStatus.ACTIVE: N_("Sign (activate)"),
    ContractStatus.COMPLETED: N_("Complete"),
    ContractStatus.TERMINATED: N_("Terminate"),
    ContractStatus.EXPIRED: N_("Mark expired"),
}
DIRECTION_LABELS = {
    Direction.INCOME: N_("Income contract"),
    Direction.EXPENDITURE: N_("Expenditure contract"),
}
KIND_LABELS = {CounterpartyKind.SUPPLIER: N_("Supplier"), CounterpartyKind.SUBCONTRACTOR: N_("Subcontractor")}
SETTLEMENT_LABELS = {SettlementKind.RECEIPT: N_("Receipt"), SettlementKind.PAYMENT: N_("Payment")}
SETTLEMENT_STATUS_LABELS = {
    SettlementStatus.RECORDED: N_("Recorded"),
    SettlementStatus.AWAITING_APPROVAL: N_("Awaiting special approval"),
    SettlementStatus.REJECTED: N_("Rejected"),
}
RULE_LABELS = {
    SpendRule.HARD: N_("Hard: payments beyond receipts are refused"),
    SpendRule.SOFT: N_("Soft: payments beyond receipts need special approval"),
    SpendRule.OFF: N_("Off"),
}
CHANGE_STATUS_LABELS = {
    ChangeOrderStatus.IN_APPROVAL: N_("In approval"),
    ChangeOrderStatus.APPROVED: N_("Approved"),
    ChangeOrderStatus.REJECTED: N_("Rejected"),
}
BUCKET_LABELS = {
    "0-30": N_("0–30 days"),
    "31-60": N_("31–60 days"),
    "61-90": N_("61–90 days"),
    "90+": N_("Over 90 days"),
}


CLAIM_KIND_LABELS = {ClaimKind.CLAIM: N_("Claim (索赔)"), ClaimKind.DELAY: N_("Delay (延期)")}
CLAIM_STATUS_LABELS = {
    ClaimStatus.OPEN: N_("Open"),
    ClaimStatus.ACCEPTED: N_("Accepted"),
    ClaimStatus.REJECTED: N_("Rejected"),
    ClaimStatus.WITHDRAWN: N_("Withdrawn"),
}
RAISED_BY_LABELS = {"us": N_("Us"), "counterparty": N_("The counterparty")}
INDICATOR_LABELS = {
    "direction": N_("Direction"),
    "max_amount": N_("Maximum amount"),
    "allowed_currencies": N_("Allowed currencies"),
    "clauses": N_("Clauses"),
    "required_clauses": N_("Required clauses"),
    "required_attachments": N_("Required attachments"),
    "placeholders": N_("Placeholders"),
}
LEDGER_LABELS = {
    "counterparty": N_("By counterparty"),
    "project": N_("By project"),
    "status": N_("By status"),
    "month": N_("By signing month"),
}


def _labels() -> dict[str, Any]:
    return {
        "claim_kind_labels": CLAIM_KIND_LABELS,
        "claim_status_labels": CLAIM_STATUS_LABELS,
        "raised_by_labels": RAISED_BY_LABELS,
        "indicator_labels": INDICATOR_LABELS,
        "ledger_labels": LEDGER_LABELS,
        "reason_labels": services.REASON_LABELS,
        "status_labels": STATUS_LABELS,
        "status_actions": STATUS_ACTIONS,
        "direction_labels": DIRECTION_LABELS,
        "kind_labels": KIND_LABELS,
        "settlement_labels": SETTLEMENT_LABELS,
        "settlement_status_labels": SETTLEMENT_STATUS_LABELS,
        "rule_labels": RULE_LABELS,
        "bucket_labels": BUCKET_LABELS,
        "change_status_labels": CHANGE_STATUS_LABELS,
    }


def _translated(problem: ProblemError) -> ProblemError:
    """A contracts problem whose message carries figures or names, in the user's language."""
    if isinstance(problem, services.SpendRefusedProblem):
        c = problem.check
        message = _(
            "Spend only what you receive (以收定支): the project received %(received)s and paid %(paid)s; "
            "this payment of %(requested)s exceeds what is available (%(available)s) by %(shortfall)s.",
            received=f"{c.received:,.2f}",
            paid=f"{c.paid:,.2f}",
            requested=f"{c.requested:,.2f}",
            available=f"{c.available:,.2f}",
            shortfall=f"{c.shortfall:,.2f}",
        )
        return ConflictProblem(message, errors=[FieldError(field="amount", message=message)])
    if isinstance(problem, services.TemplateIndicatorProblem):
        errors = [
            FieldError(field=b.field, message=f"{_(INDICATOR_LABELS[b.indicator])}: {_(b.text, **b.params)}")
            for b in problem.breaches
        ]
        names = ", ".join(dict.fromkeys(_(INDICATOR_LABELS[b.indicator]) for b in problem.breaches))
        return ValidationProblem(
            _("The contract breaks the template's control indicators: %(names)s.", names=names), errors=errors
        )
    if isinstance(problem, services.BlacklistedProblem):
        message = _("%(name)s is blacklisted: %(reason)s", name=problem.name, reason=problem.reason)
        return ConflictProblem(message, errors=[FieldError(field="counterparty_id", message=message)])
    return problem


#: The kernel's savepoint, with the contracts problems above in the user's language.
_in_savepoint = partial(savepoint, translate=_translated)


async def _group_labels(ctx: Context, state: ListState, groups: list[GroupTotal]) -> dict[str, str]:
    """Each group's name in the reader's language: a status or direction label, a project's code
    and name, a counterparty's (or CRM account's) name."""
    if state.group == "status":
        return {g.value: _(STATUS_LABELS[ContractStatus(g.value)]) for g in groups if g.value}
    if state.group == "direction":
        return {g.value: _(DIRECTION_LABELS[Direction(g.value)]) for g in groups if g.value}
    return await services.group_names(ctx, state, groups)


async def _org_units(ctx: Context) -> list[tuple[str, str]]:
    rows = await ctx.session.execute(select(OrgUnit.id, OrgUnit.name).order_by(OrgUnit.name).limit(CHOICES))
    return [(str(i), n) for i, n in rows]


# --- contracts ------------------------------------------------------------------------------


@list_export_source(
    "contracts",
    module=__name__,
    spec=services.CONTRACT_LIST,
    filters=ContractFilters,
    sheet=lambda: _("Contracts"),
)
async def contract_export(
    ctx: Context, filters: ContractFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The view's contracts, 500 at a time, cells by column key (projects by code and name)."""
    projects = {p.id: f"{p.code} {p.name}" for p in await services.project_choices(ctx)}
    cursor: str | None = None
    while True:
        listed, _total = await services.contract_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "number": c.number,
                "title": c.title,
                "direction": _(DIRECTION_LABELS[c.direction]),
                "party": c.party_name,
                "project": projects.get(c.project_id, "") if c.project_id else "",
                "status": _(STATUS_LABELS[c.status]),
                "amount": c.amount,
                "currency": c.currency,
                "settled": c.settled,
                "signed_on": c.signed_on,
                "ends_on": c.ends_on,
                "created_at": c.created_at,
            }
            for c in listed.items
        ]
        if (cursor := listed.next_cursor) is None:
            return


class ContractPages(Controller):
    """The contracts list, registering a contract, a contract's page and its actions."""

    path = "/contracts"
    include_in_schema = False
    guards = [signed_in]

    @get(**filtered_by(contract_filters))
    async def contracts(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[ContractFilters]
    ) -> Template:
        """The contracts list: search, filters, sortable columns, count and page range, chosen
        columns, groups with amount subtotals, saved views and the export of the view."""
        sent = query_as_sent(request)
        state = list_state(services.CONTRACT_LIST, sent)
        listed, total = await services.contract_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        groups = await services.contract_groups(ctx, filters, state)
        views, _next = await list_saved_views(ctx, services.CONTRACT_LIST.key, limit=100, cursor=None)
        projects = await services.project_choices(ctx)
        return page(
            request,
            "contracts/contracts/list.html",
            items=listed.items,
            filters=filters,
            projects=projects,
            project_names={p.id: f"{p.code} {p.name}" for p in projects},
            currency=ctx.tenant.currency,
            **list_context(
                services.CONTRACT_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels=await _group_labels(ctx, state, groups),
                views=views,
            ),
            **_labels(),
        )

    @route(
        "/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(contract_filters),
    )
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[ContractFilters]
    ) -> Response[Any]:
        """Download the list's current view (columns, sort, filters) as CSV or XLSX; with ``ids``,
        only those (selected) contracts; beyond the inline limit, written by a background job."""
        return await export_view(
            ctx,
            request,
            contract_export,
            list_export(services.CONTRACT_LIST, query_as_sent(request), filters),
        )

    async def _new(
        self, ctx: Ctx, request: Request[Any, Any, Any], form: Submission[Any] | None = None
    ) -> Template:
        accounts = await ctx.session.execute(
            select(Account.id, Account.name).order_by(Account.name).limit(CHOICES)
        )
        return page(
            request,
            "contracts/contracts/new.html",
            status_code=form.status_code if form else 200,
            accounts=[(str(i), n) for i, n in accounts],
            counterparties=[(str(c.id), c.name) for c in await services.counterparty_choices(ctx)],
            projects=[(str(p.id), f"{p.code} {p.name}") for p in await services.project_choices(ctx)],
            org_units=await _org_units(ctx),
            **form_context(form, "contract"),
            **_labels(),
        )

    @get("/new")
    async def new(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The form to register a contract."""
        return await self._new(ctx, request)

    @post(opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Register a contract and open its page."""
        fields = [
            f
            for f in CONTRACT_FIELDS
            if f != ("counterparty_id" if data.get("direction") == "income" else "account_id")
        ]

        async def again(form: Submission[ContractCreate]) -> Template:
            return await self._new(ctx, request, form)

        return await run_form(
            read_form(data, ContractCreate, fields),
            lambda body, _version: _in_savepoint(
                ctx, services.create_contract(ctx, body, provide_storage(request))
            ),
            done=lambda c: redirect(f"/contracts/{c.id}", notice="contracts.contract.created"),
            again=again,
        )

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        contract_id: uuid.UUID,
        form: Submission[Any] | None = None,
        form_name: str = "",
    ) -> Template:
        detail = await services.contract_detail(ctx, contract_id)
        contract = detail.contract
        position = await services.spend_position(ctx, contract.project_id) if contract.project_id else None
        project = await services.get_project(ctx, contract.project_id) if contract.project_id else None
        files, _next = await list_files(
            ctx, limit=50, cursor=None, document_type=services.CONTRACT_DOCUMENT, document_id=contract.id
        )
        return page(
            request,
            "contracts/contracts/detail.html",
            status_code=form.status_code if form else 200,
            detail=detail,
            contract=contract,
            position=position,
            project=project,
            files=files,
            document_type=services.CONTRACT_DOCUMENT,
            change_orders=await services.list_change_orders(ctx, contract.id),
            claims=(await services.list_claims(ctx, contract.id)).items,
            contract_template=await services.get_template(ctx, contract.template_id)
            if contract.template_id
            else None,
            changeable=contract.status in CHANGEABLE,
            settlement_kind=SettlementKind.RECEIPT
            if contract.direction is Direction.INCOME
            else SettlementKind.PAYMENT,
            **form_context(form, form_name),
            **_labels(),
        )

    @get("/{contract_id:uuid}")
    async def contract(
        self, ctx: Ctx, request: Request[Any, Any, Any], contract_id: FromPath[uuid.UUID]
    ) -> Template:
        """A contract's page."""
        return await self._detail(ctx, request, contract_id)

    @post("/{contract_id:uuid}/status", opt={"min_role": Role.MEMBER})
    async def status(self, ctx: Ctx, contract_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Move the contract (submit, sign, complete, terminate, expire)."""
        target = str(data.get("status", ""))
        body = StatusChange(status=ContractStatus(target)) if target in set(ContractStatus) else None

        async def move() -> Any:
            if body is None:
                raise ConflictProblem("unknown status")
            return await savepoint(ctx, services.change_status(ctx, contract_id, body, data.get("version")))

        return await run_action(
            move, back=f"/contracts/{contract_id}", notice=f"contracts.contract.{target or 'moved'}"
        )

    def _section_form(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        contract_id: uuid.UUID,
        name: str,
    ) -> Callable[[Submission[Any]], Awaitable[Template]]:
        async def again(form: Submission[Any]) -> Template:
            return await self._detail(ctx, request, contract_id, form, name)

        return again

    @post("/{contract_id:uuid}/milestones", opt={"min_role": Role.MEMBER})
    async def milestone(
        self, ctx: Ctx, request: Request[Any, Any, Any], contract_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Add a milestone to the payment plan."""
        return await run_form(
            read_form(data, MilestoneCreate, ("title", "due_on", "amount", "percentage", "condition")),
            lambda body, _v: _in_savepoint(ctx, services.create_milestone(ctx, contract_id, body)),
            done=lambda _m: redirect(f"/contracts/{contract_id}", notice="contracts.milestone.created"),
            again=self._section_form(ctx, request, contract_id, "milestone"),
        )

    @post("/{contract_id:uuid}/settlements", opt={"min_role": Role.MEMBER})
    async def settlement(
        self, ctx: Ctx, request: Request[Any, Any, Any], contract_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Record a receipt (income contract) or a payment (expenditure contract)."""
        kind = SettlementKind.RECEIPT if data.get("kind") == "receipt" else SettlementKind.PAYMENT

        def done(saved: Any) -> Response[Any]:
            if saved.status is SettlementStatus.AWAITING_APPROVAL:
                return redirect(f"/contracts/{contract_id}", notice="contracts.payment.awaiting_approval")
            return redirect(f"/contracts/{contract_id}", notice=f"contracts.{kind.value}.recorded")

        return await run_form(
            read_form(data, SettlementCreate, ("amount", "settled_on", "milestone_id", "reference")),
            lambda body, _v: _in_savepoint(ctx, services.record_settlement(ctx, contract_id, kind, body)),
            done=done,
            again=self._section_form(ctx, request, contract_id, "settlement"),
        )

    @post("/{contract_id:uuid}/invoices", opt={"min_role": Role.MEMBER})
    async def invoice(
        self, ctx: Ctx, request: Request[Any, Any, Any], contract_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Record an invoice."""
        return await run_form(
            read_form(data, InvoiceCreate, ("number", "amount", "tax_amount", "issued_on")),
            lambda body, _v: _in_savepoint(ctx, services.create_invoice(ctx, contract_id, body)),
            done=lambda _i: redirect(f"/contracts/{contract_id}", notice="contracts.invoice.created"),
            again=self._section_form(ctx, request, contract_id, "invoice"),
        )

    @post("/{contract_id:uuid}/change-orders", opt={"min_role": Role.MEMBER})
    async def change_order(
        self, ctx: Ctx, request: Request[Any, Any, Any], contract_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Propose a change order (变更/洽商) and submit it for approval."""
        return await run_form(
            read_form(data, ChangeOrderCreate, ("proposer", "reason", "cost_impact", "schedule_impact_days")),
            lambda body, _v: _in_savepoint(ctx, services.create_change_order(ctx, contract_id, body)),
            done=lambda _c: redirect(f"/contracts/{contract_id}", notice="contracts.change_order.created"),
            again=self._section_form(ctx, request, contract_id, "change_order"),
        )

    async def _change_order(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        contract_id: uuid.UUID,
        change_order_id: uuid.UUID,
        *,
        status_code: int = 200,
        upload_error: str | None = None,
    ) -> Template:
        change = await services.get_change_order(ctx, contract_id, change_order_id)
        contract = (await services.contract_detail(ctx, contract_id)).contract
        policy = upload_policy(request)
        return page(
            request,
            "contracts/contracts/change_order.html",
            status_code=status_code,
            contract=contract,
            co=change,
            uploaders=await user_names(ctx, [f.uploaded_by for f in change.attachments]),
            document_type=services.CHANGE_DOCUMENT,
            max_size=format_size(policy.max_bytes),
            accept=",".join(sorted(policy.content_types)),
            size=format_size,
            errors=FormErrors({"file": upload_error} if upload_error else {}),
            **_labels(),
        )

    @get("/{contract_id:uuid}/change-orders/{change_order_id:uuid}")
    async def change_order_page(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        contract_id: FromPath[uuid.UUID],
        change_order_id: FromPath[uuid.UUID],
    ) -> Template:
        """A change order: what it changes, its status, the amounts and dates before and after,
        and its attachments (download, and upload for members)."""
        return await self._change_order(ctx, request, contract_id, change_order_id)

    @post(
        "/{contract_id:uuid}/change-orders/{change_order_id:uuid}/attachments",
        opt={"min_role": Role.MEMBER, "streams_body": True},
        request_max_body_size=None,
    )
    async def change_order_attachment(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        contract_id: FromPath[uuid.UUID],
        change_order_id: FromPath[uuid.UUID],
    ) -> Response[Any]:
        """Stream the form's file into storage, attached to the change order (the files
        service's limits and type checks; a refusal shows next to the field)."""
        change = await services.get_change_order(ctx, contract_id, change_order_id)  # 404 first

        async def store(
            part: MultipartSegment,
            chunks: AsyncIterator[bytes],
            declared_size: int | None,
            _f: dict[str, str],
        ) -> StoredFile:
            upload = files.Upload(
                name=part.filename,
                content_type=part.content_type,
                declared_size=declared_size,
                document_type=services.CHANGE_DOCUMENT,
                document_id=change.id,
            )
            return await savepoint(
                ctx, files.upload(ctx, provide_storage(request), chunks, upload, upload_policy(request))
            )

        try:
            await receive_upload(request, upload_policy(request), store)
        except UploadRefused as refused:
            return await self._change_order(
                ctx,
                request,
                contract_id,
                change_order_id,
                status_code=refused.status,
                upload_error=refused.message,
            )
        return redirect(f"/contracts/{contract_id}/change-orders/{change.id}", notice="file.uploaded")

    @post("/{contract_id:uuid}/claims", opt={"min_role": Role.MEMBER})
    async def claim(
        self, ctx: Ctx, request: Request[Any, Any, Any], contract_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Raise a claim (索赔) or a delay (延期)."""
        return await run_form(
            read_form(data, ClaimCreate, ("kind", "raised_by", "reason", "amount", "days", "raised_on")),
            lambda body, _v: _in_savepoint(ctx, services.create_claim(ctx, contract_id, body)),
            done=lambda c: redirect(f"/contracts/{contract_id}", notice=f"contracts.{c.kind.value}.created"),
            again=self._section_form(ctx, request, contract_id, "claim"),
        )

    @post("/{contract_id:uuid}/claims/{claim_id:uuid}/decision", opt={"min_role": Role.MEMBER})
    async def claim_decision(
        self, ctx: Ctx, contract_id: FromPath[uuid.UUID], claim_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Accept, reject or withdraw an open claim or delay (what was asked is agreed)."""
        target = str(data.get("status", ""))
        body = ClaimDecision(status=ClaimStatus(target)) if target in set(ClaimStatus) else None

        async def decide() -> Any:
            if body is None:
                raise ConflictProblem("unknown status")
            return await savepoint(
                ctx, services.decide_claim(ctx, contract_id, claim_id, body, data.get("version"))
            )

        return await run_action(decide, back=f"/contracts/{contract_id}", notice="contracts.claim.decided")


# --- counterparties -------------------------------------------------------------------------


@list_export_source(
    "counterparties",
    module=__name__,
    spec=services.COUNTERPARTY_LIST,
    filters=CounterpartyFilters,
    sheet=lambda: _("Suppliers and subcontractors"),
)
async def counterparty_export(
    ctx: Context, filters: CounterpartyFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The view's counterparties, 500 at a time, cells by column key."""
    cursor: str | None = None
    while True:
        listed, _total = await services.counterparty_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "code": p.code,
                "name": p.name,
                "kind": _(KIND_LABELS[p.kind]),
                "rating": p.rating,
                "qualifications": len(p.qualifications),
                "blacklisted": _("Blacklisted") if p.blacklisted else "",
                "contact": p.contact or "",
                "created_at": p.created_at,
            }
            for p in listed.items
        ]
        if (cursor := listed.next_cursor) is None:
            return


def _counterparty_group_labels(state: ListState, groups: list[GroupTotal]) -> dict[str, str]:
    """A kind's label, or whether the group is blacklisted, in the reader's language."""
    if state.group == "kind":
        return {g.value: _(KIND_LABELS[CounterpartyKind(g.value)]) for g in groups if g.value}
    answers = {"true": _("Yes"), "false": _("No")}
    return {g.value: f"{_('Blacklist')}: {answers.get(g.value, g.value)}" for g in groups}


class CounterpartyPages(Controller):
    """Suppliers and subcontractors: list, add, a counterparty's page with its qualifications."""

    path = "/contracts/counterparties"
    include_in_schema = False
    guards = [signed_in]

    async def _list(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        filters: CounterpartyFilters,
        form: Submission[Any] | None = None,
    ) -> Template:
        sent = query_as_sent(request)
        state = list_state(services.COUNTERPARTY_LIST, sent)
        listed, total = await services.counterparty_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        groups = await services.counterparty_groups(ctx, filters, state)
        views, _next = await list_saved_views(ctx, services.COUNTERPARTY_LIST.key, limit=100, cursor=None)
        return page(
            request,
            "contracts/counterparties/list.html",
            status_code=form.status_code if form else 200,
            items=listed.items,
            filters=filters,
            **list_context(
                services.COUNTERPARTY_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels=_counterparty_group_labels(state, groups),
                views=views,
            ),
            **form_context(form, "counterparty"),
            **_labels(),
        )

    @get(**filtered_by(counterparty_filters))
    async def counterparties(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[CounterpartyFilters]
    ) -> Template:
        """The counterparties list (search, kind, sortable columns, count, groups, saved views,
        export) and the form to add one."""
        return await self._list(ctx, request, filters)

    @route(
        "/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(counterparty_filters),
    )
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[CounterpartyFilters]
    ) -> Response[Any]:
        """Download the list's current view as CSV or XLSX (a background job beyond the inline limit)."""
        return await export_view(
            ctx,
            request,
            counterparty_export,
            list_export(services.COUNTERPARTY_LIST, query_as_sent(request), filters),
        )

    @post(opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Add a counterparty and open its page."""

        async def again(form: Submission[CounterpartyCreate]) -> Template:
            return await self._list(ctx, request, CounterpartyFilters(), form)

        return await run_form(
            read_form(data, CounterpartyCreate, COUNTERPARTY_FIELDS),
            lambda body, _v: _in_savepoint(ctx, services.create_counterparty(ctx, body)),
            done=lambda c: redirect(
                f"/contracts/counterparties/{c.id}", notice="contracts.counterparty.created"
            ),
            again=again,
        )

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        counterparty_id: uuid.UUID,
        form: Submission[Any] | None = None,
        form_name: str = "",
    ) -> Template:
        party = await services.get_counterparty(ctx, counterparty_id)
        values = saved_values(party, COUNTERPARTY_EDIT_FIELDS)
        values["blacklisted"] = party.blacklisted
        return page(
            request,
            "contracts/counterparties/detail.html",
            status_code=form.status_code if form else 200,
            party=party,
            saved=form.conflict if form else None,
            edit_values=form.values if form is not None and form_name == "edit" else values,
            **form_context(form, form_name),
            **_labels(),
        )

    @get("/{counterparty_id:uuid}")
    async def counterparty(
        self, ctx: Ctx, request: Request[Any, Any, Any], counterparty_id: FromPath[uuid.UUID]
    ) -> Template:
        """A counterparty's page: details, blacklist, qualifications."""
        return await self._detail(ctx, request, counterparty_id)

    @post("/{counterparty_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], counterparty_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the counterparty (blacklisting needs a reason)."""

        async def again(form: Submission[CounterpartyUpdate]) -> Template:
            return await self._detail(ctx, request, counterparty_id, form, "edit")

        async def current() -> dict[str, Any]:
            return saved_values(
                await services.get_counterparty(ctx, counterparty_id), COUNTERPARTY_EDIT_FIELDS
            )

        return await run_form(
            read_form(
                data,
                CounterpartyUpdate,
                (*COUNTERPARTY_EDIT_FIELDS,),
                update=True,
                required=("kind", "code", "name"),
                checkboxes=("blacklisted",),
            ),
            lambda body, version: _in_savepoint(
                ctx, services.update_counterparty(ctx, counterparty_id, body, version)
            ),
            done=lambda c: redirect(
                f"/contracts/counterparties/{c.id}", notice="contracts.counterparty.updated"
            ),
            again=again,
            saved=current,
        )

    @post("/{counterparty_id:uuid}/qualifications", opt={"min_role": Role.MEMBER})
    async def qualification(
        self, ctx: Ctx, request: Request[Any, Any, Any], counterparty_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Add a qualification document."""

        async def again(form: Submission[QualificationCreate]) -> Template:
            return await self._detail(ctx, request, counterparty_id, form, "qualification")

        return await run_form(
            read_form(data, QualificationCreate, ("kind", "number", "expires_on")),
            lambda body, _v: _in_savepoint(ctx, services.create_qualification(ctx, counterparty_id, body)),
            done=lambda c: redirect(
                f"/contracts/counterparties/{c.id}", notice="contracts.qualification.created"
            ),
            again=again,
        )


# --- projects -------------------------------------------------------------------------------


@list_export_source(
    "projects",
    module=__name__,
    spec=services.PROJECT_LIST,
    filters=ProjectFilters,
    sheet=lambda: _("Projects"),
)
async def project_export(
    ctx: Context, filters: ProjectFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The view's projects, 500 at a time, cells by column key (org units by name)."""
    units = dict(await _org_units(ctx))
    cursor: str | None = None
    while True:
        listed, _total = await services.project_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "code": p.code,
                "name": p.name,
                "org_unit": units.get(str(p.org_unit_id), ""),
                "notes": p.notes or "",
                "created_at": p.created_at,
            }
            for p in listed.items
        ]
        if (cursor := listed.next_cursor) is None:
            return


class ProjectPages(Controller):
    """Projects: list, add, a project's page with its contracts and 以收定支 position."""

    path = "/contracts/projects"
    include_in_schema = False
    guards = [signed_in]

    async def _list(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        filters: ProjectFilters,
        form: Submission[Any] | None = None,
    ) -> Template:
        sent = query_as_sent(request)
        state = list_state(services.PROJECT_LIST, sent)
        listed, total = await services.project_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        groups = await services.project_groups(ctx, filters, state)
        views, _next = await list_saved_views(ctx, services.PROJECT_LIST.key, limit=100, cursor=None)
        units = await _org_units(ctx)
        names = dict(units)
        return page(
            request,
            "contracts/projects/list.html",
            status_code=form.status_code if form else 200,
            items=listed.items,
            filters=filters,
            org_units=units,
            unit_names=names,
            **list_context(
                services.PROJECT_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels={g.value: names.get(g.value, "") for g in groups},
                views=views,
            ),
            **form_context(form, "project"),
        )

    @get(**filtered_by(project_filters))
    async def projects(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[ProjectFilters]
    ) -> Template:
        """The projects list (search, sortable columns, count, groups by org unit, saved views,
        export) and the form to add one."""
        return await self._list(ctx, request, filters)

    @route(
        "/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(project_filters),
    )
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[ProjectFilters]
    ) -> Response[Any]:
        """Download the list's current view as CSV or XLSX (a background job beyond the inline limit)."""
        return await export_view(
            ctx,
            request,
            project_export,
            list_export(services.PROJECT_LIST, query_as_sent(request), filters),
        )

    @post(opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Add a project and open its page."""

        async def again(form: Submission[ProjectCreate]) -> Template:
            return await self._list(ctx, request, ProjectFilters(), form)

        return await run_form(
            read_form(data, ProjectCreate, PROJECT_FIELDS),
            lambda body, _v: _in_savepoint(ctx, services.create_project(ctx, body)),
            done=lambda p: redirect(f"/contracts/projects/{p.id}", notice="contracts.project.created"),
            again=again,
        )

    @get("/{project_id:uuid}")
    async def project(
        self, ctx: Ctx, request: Request[Any, Any, Any], project_id: FromPath[uuid.UUID]
    ) -> Template:
        """A project's page: its 以收定支 position and its contracts."""
        project = await services.get_project(ctx, project_id)
        contracts, next_cursor = await services.list_contracts(
            ctx,
            ContractFilters(project_id=project.id),
            limit=PAGE_SIZE,
            cursor=request.query_params.get("cursor"),
        )
        return page(
            request,
            "contracts/projects/detail.html",
            project=project,
            unit_names=dict(await _org_units(ctx)),
            position=await services.spend_position(ctx, project.id),
            contracts=contracts,
            next_cursor=next_cursor,
            params={},
            **_labels(),
        )


# --- ageing and settings --------------------------------------------------------------------


class AgeingPages(Controller):
    """Receivable and payable ageing."""

    path = "/contracts/ageing"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def ageing(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Both sides' buckets with the milestones each sums."""
        return page(
            request,
            "contracts/ageing.html",
            receivable=await services.ageing_report(ctx, "receivable"),
            payable=await services.ageing_report(ctx, "payable"),
            **_labels(),
        )

    @get("/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download one side's ageing (every open milestone past due, with its bucket) as CSV or XLSX."""
        side = "payable" if request.query_params.get("side") == "payable" else "receivable"
        report = await services.ageing_report(ctx, side)
        rows = [
            [
                _(BUCKET_LABELS[bucket.bucket]),
                item.contract_number,
                item.party_name,
                item.milestone_title,
                item.due_on,
                item.days_overdue,
                item.due,
                item.settled,
                item.open,
            ]
            for bucket in report.buckets
            for item in bucket.items
        ]
        return export_response(
            str(request.query_params.get("format") or "csv"),
            f"contracts-ageing-{side}",
            [
                Column("bucket", _("Bucket")),
                Column("contract", _("Contract")),
                Column("party", _("Counterparty")),
                Column("milestone", _("Milestone")),
                Column("due_on", _("Due on"), "date"),
                Column("days_overdue", _("Days overdue"), "int"),
                Column("due", _("Due"), "money"),
                Column("settled", _("Settled"), "money"),
                Column("open", _("Open"), "money"),
            ],
            rows,
            sheet=_("Receivable and payable ageing"),
        )


class SettingsPages(Controller):
    """The contracts settings: the number pattern and the 以收定支 rule."""

    path = "/contracts/settings"
    include_in_schema = False
    guards = [signed_in]

    async def _show(
        self, ctx: Ctx, request: Request[Any, Any, Any], form: Submission[Any] | None = None
    ) -> Template:
        current = await services.get_settings(ctx)
        return page(
            request,
            "contracts/settings.html",
            status_code=form.status_code if form else 200,
            settings=current,
            **form_context(form, values=saved_values(current, ("number_pattern", "spend_rule"))),
            **_labels(),
        )

    @get(opt={"min_role": Role.ADMIN})
    async def settings(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The settings form."""
        return await self._show(ctx, request)

    @post(opt={"min_role": Role.ADMIN})
    async def save(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Save the settings."""

        async def again(form: Submission[ContractsSettingsUpdate]) -> Template:
            return await self._show(ctx, request, form)

        return await run_form(
            read_form(
                data,
                ContractsSettingsUpdate,
                ("number_pattern", "spend_rule"),
                update=True,
                required=("number_pattern", "spend_rule"),
            ),
            lambda body, version: _in_savepoint(ctx, services.update_settings(ctx, body, version)),
            done=lambda _s: redirect("/contracts/settings", notice="contracts.settings.updated"),
            again=again,
        )


# --- templates, the clause library, registering from a template --------------------------------

CLAUSE_FIELDS = ("code", "title", "body")
TEMPLATE_EDIT_FIELDS = (
    "code",
    "name",
    "direction",
    "body",
    "max_amount",
    "allowed_currencies",
    "required_attachments",
)
TEMPLATE_CONTRACT_FIELDS = (
    "title", "account_id", "counterparty_id", "project_id", "org_unit_id", "amount", "currency", "exchange_rate",
    "starts_on", "ends_on", "our_signatory", "their_signatory", "notes",
)  # fmt: skip


@list_export_source(
    "contract-templates",
    module=__name__,
    spec=services.TEMPLATE_LIST,
    filters=TemplateFilters,
    sheet=lambda: _("Contract templates"),
)
async def template_export(
    ctx: Context, filters: TemplateFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The view's templates, 500 at a time, cells by column key."""
    cursor: str | None = None
    while True:
        listed, _total = await services.template_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "code": t.code,
                "name": t.name,
                "direction": _(DIRECTION_LABELS[t.direction]) if t.direction else _("Either"),
                "max_amount": t.max_amount,
                "allowed_currencies": ", ".join(t.allowed_currencies) or _("Any"),
                "required_clauses": ", ".join(c.code for c in t.clauses if c.required),
                "required_attachments": ", ".join(t.required_attachments),
                "created_at": t.created_at,
            }
            for t in listed.items
        ]
        if (cursor := listed.next_cursor) is None:
            return


def _template_group_labels(groups: list[GroupTotal]) -> dict[str, str]:
    """A direction's label (or "Either") in the reader's language."""
    return {g.value: _(DIRECTION_LABELS[Direction(g.value)]) if g.value else _("Either") for g in groups}


class TemplatePages(Controller):
    """Contract templates and the clause library; a template's page registers contracts from it."""

    path = "/contracts/templates"
    include_in_schema = False
    guards = [signed_in]

    async def _list(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        filters: TemplateFilters,
        form: Submission[Any] | None = None,
        form_name: str = "clause",
    ) -> Template:
        sent = query_as_sent(request)
        state = list_state(services.TEMPLATE_LIST, sent)
        listed, total = await services.template_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        groups = await services.template_groups(ctx, filters, state)
        views, _next = await list_saved_views(ctx, services.TEMPLATE_LIST.key, limit=100, cursor=None)
        clauses, _more = await services.list_clauses(ctx, None, limit=200, cursor=None)
        return page(
            request,
            "contracts/templates/list.html",
            status_code=form.status_code if form else 200,
            items=listed.items,
            filters=filters,
            clauses=clauses,
            **list_context(
                services.TEMPLATE_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels=_template_group_labels(groups),
                views=views,
            ),
            **form_context(form, form_name),
            **_labels(),
        )

    @get(**filtered_by(template_filters))
    async def templates(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[TemplateFilters]
    ) -> Template:
        """The templates list (search, direction, sortable columns, count, groups by direction,
        saved views, export), the form to create one and the clause library."""
        return await self._list(ctx, request, filters)

    @route(
        "/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(template_filters),
    )
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[TemplateFilters]
    ) -> Response[Any]:
        """Download the list's current view as CSV or XLSX (a background job beyond the inline limit)."""
        return await export_view(
            ctx,
            request,
            template_export,
            list_export(services.TEMPLATE_LIST, query_as_sent(request), filters),
        )

    @post("/clauses", opt={"min_role": Role.MANAGER})
    async def add_clause(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Add a clause to the library."""

        async def again(form: Submission[ClauseCreate]) -> Template:
            return await self._list(ctx, request, TemplateFilters(), form)

        return await run_form(
            read_form(data, ClauseCreate, CLAUSE_FIELDS),
            lambda body, _v: _in_savepoint(ctx, services.create_clause(ctx, body)),
            done=lambda _c: redirect("/contracts/templates", notice="contracts.clause.created"),
            again=again,
        )

    @post("/new", opt={"min_role": Role.MANAGER})
    async def add_template(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Create a template: its text, placeholders (one a line: ``name | label``, ``| optional``
        for one that may stay empty), clauses (included, and which are required) and indicators."""
        raw = form_dict(data, lists=("clause_ids", "required_clause_ids"))
        submission = read_form(data, TemplateCreate, ("code", "name", "direction", "body", "max_amount"))
        if submission.body is not None:
            required = set(raw["required_clause_ids"])
            submission.body = msgspec.structs.replace(
                submission.body,
                placeholders=_placeholder_lines(str(data.get("placeholder_lines") or "")),
                clauses=[
                    TemplateClauseRef(clause_id=uuid.UUID(c), required=c in required)
                    for c in raw["clause_ids"]
                    if _is_uuid(c)
                ],
                allowed_currencies=_words(str(data.get("allowed_currencies") or ""), upper=True),
                required_attachments=_words(str(data.get("required_attachments") or "")),
            )

        async def again(form: Submission[TemplateCreate]) -> Template:
            form.values.update(
                {k: raw.get(k) for k in ("placeholder_lines", "allowed_currencies", "required_attachments")}
            )
            return await self._list(ctx, request, TemplateFilters(), form, "template")

        return await run_form(
            submission,
            lambda body, _v: _in_savepoint(ctx, services.create_template(ctx, body)),
            done=lambda t: redirect(f"/contracts/templates/{t.id}", notice="contracts.template.created"),
            again=again,
        )

    async def _template(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        template_id: uuid.UUID,
        form: Submission[Any] | None = None,
        raw: dict[str, Any] | None = None,
        edit: Submission[Any] | None = None,
    ) -> Template:
        template = await services.get_template(ctx, template_id)
        library, _more = await services.list_clauses(ctx, None, limit=200, cursor=None)
        # The edit form lists the template's clauses in their order, then the rest of the library.
        inside = [c.clause_id for c in template.clauses]
        library = sorted(library, key=lambda c: inside.index(c.id) if c.id in inside else len(inside))
        accounts = await ctx.session.execute(
            select(Account.id, Account.name).order_by(Account.name).limit(CHOICES)
        )
        files, _next = await list_files(ctx, limit=50, cursor=None)
        raw = raw or {}
        chosen = set(raw.get("clause_codes", [])) if form is not None else {c.code for c in template.clauses}
        return page(
            request,
            "contracts/templates/detail.html",
            status_code=shown.status_code if (shown := form or edit) is not None else 200,
            tpl=template,
            accounts=[(str(i), n) for i, n in accounts],
            counterparties=[(str(c.id), c.name) for c in await services.counterparty_choices(ctx)],
            projects=[(str(p.id), f"{p.code} {p.name}") for p in await services.project_choices(ctx)],
            org_units=await _org_units(ctx),
            free_files=[(str(f.id), f.name) for f in files if f.document_id is None],
            chosen_clauses=chosen,
            raw=raw,
            library=library,
            edit_values=edit.values if edit is not None else template_values(template),
            edit_errors=edit.errors if edit is not None else FormErrors(),
            conflict=edit.conflict if edit is not None else None,
            **form_context(form, "register"),
            **_labels(),
        )

    @get("/{template_id:uuid}")
    async def template(
        self, ctx: Ctx, request: Request[Any, Any, Any], template_id: FromPath[uuid.UUID]
    ) -> Template:
        """A template: its text, clauses and control indicators, and the form to register from it."""
        return await self._template(ctx, request, template_id)

    @post("/{template_id:uuid}/register", opt={"min_role": Role.MEMBER})
    async def register(
        self, ctx: Ctx, request: Request[Any, Any, Any], template_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Register a contract from the template: placeholders filled, clauses chosen, attachments
        picked; a broken control indicator re-renders the form naming it."""
        template = await services.get_template(ctx, template_id)
        raw = form_dict(data, lists=("clause_codes",))
        direction = template.direction or Direction(str(data.get("direction") or "income"))
        fields = [
            f
            for f in TEMPLATE_CONTRACT_FIELDS
            if f != ("counterparty_id" if direction is Direction.INCOME else "account_id")
        ]
        submission = read_form({**data, "direction": direction.value}, ContractCreate, ["direction", *fields])
        if submission.body is not None:
            submission.body = msgspec.structs.replace(
                submission.body,
                template_id=template.id,
                placeholders=[
                    PlaceholderValue(name=p.name, value=str(data.get(f"placeholders.{p.name}") or ""))
                    for p in template.placeholders
                ],
                clause_codes=list(raw["clause_codes"]),
                attachments=[
                    AttachmentRef(kind=kind, file_id=uuid.UUID(str(data[f"attachment.{index}"])))
                    for index, kind in enumerate(template.required_attachments)
                    if _is_uuid(data.get(f"attachment.{index}"))
                ],
            )

        async def again(form: Submission[ContractCreate]) -> Template:
            return await self._template(ctx, request, template_id, form, raw)

        return await run_form(
            submission,
            lambda body, _v: _in_savepoint(
                ctx, services.create_contract(ctx, body, provide_storage(request))
            ),
            done=lambda c: redirect(f"/contracts/{c.id}", notice="contracts.contract.created"),
            again=again,
        )

    @post("/{template_id:uuid}/edit", opt={"min_role": Role.MANAGER})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], template_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the template's text, placeholders, clauses and control indicators (``version``:
        someone else's save in between re-renders the form with theirs beside mine)."""
        raw = form_dict(data, lists=("clause_ids", "required_clause_ids"))
        typed = {
            "allowed_currencies": _words(str(data.get("allowed_currencies") or ""), upper=True),
            "required_attachments": _words(str(data.get("required_attachments") or "")),
        }
        submission = read_form(
            {**data, **typed},
            TemplateUpdate,
            TEMPLATE_EDIT_FIELDS,
            update=True,
            required=("code", "name", "body"),
            lists=tuple(typed),
        )
        if submission.body is not None:
            required = set(raw["required_clause_ids"])
            submission.body = msgspec.structs.replace(
                submission.body,
                placeholders=_placeholder_lines(str(data.get("placeholder_lines") or "")),
                clauses=[
                    TemplateClauseRef(clause_id=uuid.UUID(c), required=c in required)
                    for c in raw["clause_ids"]
                    if _is_uuid(c)
                ],
            )

        async def again(form: Submission[TemplateUpdate]) -> Template:
            form.values.update(
                {
                    k: raw.get(k) or ""
                    for k in ("placeholder_lines", "allowed_currencies", "required_attachments")
                }
            )
            form.values.update({k: raw[k] for k in ("clause_ids", "required_clause_ids")})
            form.errors = _by_field(form.errors)
            return await self._template(ctx, request, template_id, edit=form)

        async def current() -> dict[str, Any]:
            return template_values(await services.get_template(ctx, template_id))

        return await run_form(
            submission,
            lambda body, version: _in_savepoint(
                ctx, services.update_template(ctx, template_id, body, version)
            ),
            done=lambda t: redirect(f"/contracts/templates/{t.id}", notice="contracts.template.updated"),
            again=again,
            saved=current,
        )

    async def _clause(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        clause_id: uuid.UUID,
        edit: Submission[Any] | None = None,
    ) -> Template:
        clause = await services.get_clause(ctx, clause_id)
        return page(
            request,
            "contracts/templates/clause.html",
            status_code=edit.status_code if edit is not None else 200,
            clause=clause,
            **form_context(edit, values=saved_values(clause, CLAUSE_FIELDS)),
            conflict=edit.conflict if edit is not None else None,
            used_by=await services.templates_using_clause(ctx, clause_id),
        )

    @get("/clauses/{clause_id:uuid}")
    async def clause(
        self, ctx: Ctx, request: Request[Any, Any, Any], clause_id: FromPath[uuid.UUID]
    ) -> Template:
        """A clause of the library: its text, the templates using it and (managers) its edit form."""
        return await self._clause(ctx, request, clause_id)

    @post("/clauses/{clause_id:uuid}/edit", opt={"min_role": Role.MANAGER})
    async def edit_clause(
        self, ctx: Ctx, request: Request[Any, Any, Any], clause_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the clause (``version``: someone else's save in between shows theirs beside mine)."""

        async def again(form: Submission[ClauseUpdate]) -> Template:
            form.errors = _by_field(form.errors)
            return await self._clause(ctx, request, clause_id, form)

        async def current() -> dict[str, Any]:
            return saved_values(await services.get_clause(ctx, clause_id), CLAUSE_FIELDS)

        return await run_form(
            read_form(data, ClauseUpdate, CLAUSE_FIELDS, update=True, required=CLAUSE_FIELDS),
            lambda body, version: _in_savepoint(ctx, services.update_clause(ctx, clause_id, body, version)),
            done=lambda c: redirect(
                f"/contracts/templates/clauses/{c.id}", notice="contracts.clause.updated"
            ),
            again=again,
            saved=current,
        )


def template_values(template: TemplateView) -> dict[str, Any]:
    """A template as its edit form shows it (placeholders one a line, lists comma-separated)."""
    return {
        "code": template.code,
        "name": template.name,
        "direction": template.direction.value if template.direction else "",
        "body": template.body,
        "placeholder_lines": "\n".join(
            f"{p.name} | {p.label}" + ("" if p.required else f" | {_optional_word()}")
            for p in template.placeholders
        ),
        "clause_ids": [str(c.clause_id) for c in template.clauses],
        "required_clause_ids": [str(c.clause_id) for c in template.clauses if c.required],
        "max_amount": "" if template.max_amount is None else f"{template.max_amount:.2f}",
        "allowed_currencies": ", ".join(template.allowed_currencies),
        "required_attachments": ", ".join(template.required_attachments),
    }


def _by_field(errors: FormErrors) -> FormErrors:
    """Errors of list items (``placeholders[1].name``, ``clauses[0].clause_id``) shown at their
    form field (``placeholders``, ``clauses``), the first one each."""
    shown = FormErrors()
    for name, message in errors.items():
        shown.setdefault(re.split(r"[.\[]", name)[0] if not name.startswith("__") else name, message)
    return shown


def _optional_word() -> str:
    """The word that marks a placeholder line optional, in the user's language (English works too)."""
    return pgettext("placeholder line", "optional")


def _placeholder_lines(text: str) -> list[PlaceholderDefinition]:
    """``name | label`` lines (``| optional`` at the end: it may stay empty) as placeholders; a
    badly named one is refused by the schema's rule in the service."""
    found = []
    for line in text.splitlines():
        parts = [part.strip() for part in line.split("|")]
        if not parts[0]:
            continue
        label = parts[1] if len(parts) > 1 and parts[1] else parts[0]
        optional = len(parts) > 2 and parts[2].lower() in {"optional", "可选", _optional_word().lower()}
        found.append(PlaceholderDefinition(name=parts[0], label=label, required=not optional))
    return found


def _words(text: str, *, upper: bool = False) -> list[str]:
    """Comma- or line-separated words."""
    words = [w.strip() for w in text.replace("，", ",").replace("\n", ",").split(",")]
    return [w.upper() if upper else w for w in words if w]


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


# --- dashboard, ledger and the customer-risk panel --------------------------------------------


class DashboardPages(Controller):
    """The contracts dashboard with the ledger (台账)."""

    path = "/contracts/dashboard"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def dashboard(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Totals by direction, contracts by status, expiring soon, and the ledger grouped as asked."""
        by = str(request.query_params.get("by") or "counterparty")
        if by not in services.LEDGER_BY:
            by = "counterparty"
        return page(
            request,
            "contracts/dashboard.html",
            board=await services.dashboard(ctx),
            by=by,
            income=await services.ledger(ctx, by, Direction.INCOME),
            expenditure=await services.ledger(ctx, by, Direction.EXPENDITURE),
            **_labels(),
        )

    @get("/ledger-export")
    async def ledger_export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the ledger (grouped as on the page, one direction) as CSV or XLSX."""
        by = str(request.query_params.get("by") or "counterparty")
        by = by if by in services.LEDGER_BY else "counterparty"
        wanted = str(request.query_params.get("direction") or "income")
        direction = Direction.EXPENDITURE if wanted == "expenditure" else Direction.INCOME
        report = await services.ledger(ctx, by, direction)
        rows: list[list[Any]] = [
            [
                _(STATUS_LABELS[ContractStatus(r.key)]) if by == "status" else r.label,
                r.contracts,
                r.value,
                r.settled,
                r.open,
            ]
            for r in report.rows
        ]
        total = report.total
        rows.append([_("Total"), total.contracts, total.value, total.settled, total.open])
        return export_response(
            str(request.query_params.get("format") or "csv"),
            f"contracts-ledger-{by}-{direction.value}",
            [
                Column("group", _(LEDGER_LABELS[by])),
                Column("contracts", _("Contracts"), "int"),
                Column("value", _("Value"), "money"),
                Column("settled", _("Settled"), "money"),
                Column("open", _("Open"), "money"),
            ],
            rows,
            sheet=_("Ledger"),
        )


class CustomerRiskPanel(Controller):
    """The customer-risk panel lazy-loaded on a CRM account's page."""

    path = "/contracts/customer-risk"
    include_in_schema = False
    guards = [signed_in]

    @get("/{account_id:uuid}/panel")
    async def risk_panel(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: FromPath[uuid.UUID]
    ) -> Template:
        """The account's risk score with its reasons (404 for another tenant's account)."""
        risk = await services.customer_risk(ctx, account_id)
        return Template(
            template_name="contracts/_risk_panel.html",
            context={"request": request, "risk": risk, **_labels()},
            media_type="text/html",
        )


PAGES: list[type[Controller]] = [
    ContractPages,
    CounterpartyPages,
    ProjectPages,
    AgeingPages,
    SettingsPages,
    TemplatePages,
    DashboardPages,
    CustomerRiskPanel,
]
PANELS: list[Panel] = [Panel("crm.account", "risk", "/contracts/customer-risk/{id}/panel", order=5)]


@dataclasses.dataclass(frozen=True, slots=True)
class RiskCell:
    """What a Risk cell shows: the account's risk and the reasons' labels (msgids)."""

    risk: CustomerRisk
    labels: dict[str, str]


async def _risk_cells(ctx: Context, account_ids: list[uuid.UUID]) -> dict[uuid.UUID, RiskCell]:
    """The churn watch list's page of accounts, each with its risk score and reasons (one read)."""
    risks = await services.customer_risks(ctx, account_ids)
    return {risk.account_id: RiskCell(risk, services.REASON_LABELS) for risk in risks}


#: The Risk column on CRM's churn watch list: each account's score with its reasons and links.
LIST_COLUMNS: list[ListColumn] = [
    ListColumn("crm.churn", "risk", N_("Risk"), _risk_cells, "contracts/_risk_cell.html", order=10)
]
NAVIGATION = [
    NavItem(N_("Contracts"), "/contracts", section=SECTION, order=10),
    NavItem(N_("Projects"), "/contracts/projects", section=SECTION, order=20),
    NavItem(N_("Suppliers and subcontractors"), "/contracts/counterparties", section=SECTION, order=30),
    NavItem(N_("Receivable and payable ageing"), "/contracts/ageing", section=SECTION, order=40),
    NavItem(N_("Contract templates"), "/contracts/templates", section=SECTION, order=15),
    NavItem(N_("Contracts dashboard"), "/contracts/dashboard", section=SECTION, order=5),
    NavItem(
        N_("Contracts settings"), "/contracts/settings", min_role=Role.ADMIN, section=SECTION_ADMINISTRATION
    ),
]
NOTICES = {
    "contracts.contract.created": N_("Contract registered."),
    "contracts.contract.in_approval": N_("Contract submitted for approval."),
    "contracts.contract.active": N_("Contract signed."),
    "contracts.contract.completed": N_("Contract completed."),
    "contracts.contract.terminated": N_("Contract terminated."),
    "contracts.contract.expired": N_("Contract marked expired."),
    "contracts.contract.moved": N_("Contract updated."),
    "contracts.milestone.created": N_("Milestone added."),
    "contracts.receipt.recorded": N_("Receipt recorded."),
    "contracts.payment.recorded": N_("Payment recorded."),
    "contracts.payment.awaiting_approval": N_(
        "The payment exceeds what the project received: it waits for special approval and is not paid yet."
    ),
    "contracts.invoice.created": N_("Invoice recorded."),
    "contracts.change_order.created": N_("Change order proposed and submitted for approval."),
    "contracts.counterparty.created": N_("Counterparty added."),
    "contracts.claim.created": N_("Claim raised."),
    "contracts.delay.created": N_("Delay raised."),
    "contracts.claim.decided": N_("Decision recorded."),
    "contracts.clause.created": N_("Clause added."),
    "contracts.template.created": N_("Template created."),
    "contracts.template.updated": N_("Template saved."),
    "contracts.clause.updated": N_("Clause saved."),
    "error.template-indicator": N_("The contract breaks the template's control indicators."),
    "contracts.counterparty.updated": N_("Counterparty saved."),
    "contracts.qualification.created": N_("Qualification added."),
    "contracts.project.created": N_("Project added."),
    "contracts.settings.updated": N_("Contracts settings saved."),
    "error.illegal-transition": N_("The contract cannot move to that status from where it is."),
    "error.spend-exceeds-receipts": N_("Refused: the payment exceeds what the project received."),
    "error.counterparty-blacklisted": N_("The counterparty is blacklisted."),
}
LINK_TARGETS = [
    LinkTarget("contracts_contracts", "/contracts/{id}"),
    LinkTarget("contracts_counterparties", "/contracts/counterparties/{id}"),
    LinkTarget("contracts_projects", "/contracts/projects/{id}"),
]
#: The global search's contract, counterparty and project hits (anywhere in numbers, codes and names).
SEARCH_PROVIDERS = [
    SearchProvider("contracts.contracts", N_("Contracts"), services.search_contracts),
    SearchProvider(
        "contracts.counterparties", N_("Suppliers and subcontractors"), services.search_counterparties
    ),
    SearchProvider("contracts.projects", N_("Projects"), services.search_projects),
]
