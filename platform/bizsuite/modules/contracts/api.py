"""Contracts API: thin controllers over the services (one operation id and one tag per route)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.errors import FieldError, ValidationProblem
from bizsuite.core.files.api import STORAGE
from bizsuite.core.files.storage import ObjectStorage
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, CursorParam, LimitParam
from bizsuite.modules.contracts import services
from bizsuite.modules.contracts.models import ContractStatus, CounterpartyKind, Direction, SettlementKind
from bizsuite.modules.contracts.schemas import (
    AgeingReport,
    ChangeOrderCreate,
    ChangeOrderList,
    ChangeOrderView,
    ClaimCreate,
    ClaimDecision,
    ClaimList,
    ClaimView,
    ClauseCreate,
    ClausePage,
    ClauseUpdate,
    ClauseView,
    ContractCreate,
    ContractDetail,
    ContractFilters,
    ContractPage,
    ContractsDashboard,
    ContractsSettingsUpdate,
    ContractsSettingsView,
    ContractUpdate,
    ContractView,
    CounterpartyCreate,
    CounterpartyFilters,
    CounterpartyPage,
    CounterpartyUpdate,
    CounterpartyView,
    CustomerRisk,
    CustomerRiskPage,
    InvoiceCreate,
    InvoiceView,
    LedgerReport,
    MilestoneCreate,
    PlanMilestoneView,
    ProjectCreate,
    ProjectFilters,
    ProjectPage,
    ProjectUpdate,
    ProjectView,
    QualificationCreate,
    SettlementCreate,
    SettlementView,
    SpendPosition,
    StatusChange,
    TemplateCreate,
    TemplateFilters,
    TemplatePage,
    TemplateUpdate,
    TemplateView,
)
from bizsuite.modules.crm.models import Tier
from bizsuite.web.lists import list_state

Search = Annotated[
    str | None,
    QueryParameter(
        max_length=200,
        pattern=r"^[^\x00]*$",
        description="Any part of the code, number, name or title, any case.",
    ),
]


ContractSearch = Annotated[
    str | None,
    QueryParameter(
        max_length=200,
        pattern=r"^[^\x00]*$",
        description="Text found anywhere in the contract's number or title or its counterparty's name, in any case.",
    ),
]

AccountIds = Annotated[
    list[uuid.UUID] | None,
    QueryParameter(
        max_items=MAX_LIMIT,
        description="CRM account ids (repeat the parameter, at most 200): their risks, in this order.",
    ),
]


def _q(q: str | None) -> str | None:
    return q.strip() or None if q else None


def counterparty_filters(
    q: Search = None, kind: FromQuery[CounterpartyKind | None] = None
) -> CounterpartyFilters:
    """The counterparties list's filters (shared by the API and the pages)."""
    return CounterpartyFilters(q=_q(q), kind=kind)


def project_filters(q: Search = None) -> ProjectFilters:
    """The projects list's filters (shared by the API and the pages)."""
    return ProjectFilters(q=_q(q))


def contract_filters(
    q: ContractSearch = None,
    direction: FromQuery[Direction | None] = None,
    status: FromQuery[ContractStatus | None] = None,
    project_id: FromQuery[uuid.UUID | None] = None,
) -> ContractFilters:
    """The contracts list's filters (shared by the API and the pages)."""
    return ContractFilters(q=_q(q), direction=direction, status=status, project_id=project_id)


COUNTERPARTY_FILTERS = {"filters": Provide(counterparty_filters, sync_to_thread=False)}
PROJECT_FILTERS = {"filters": Provide(project_filters, sync_to_thread=False)}
ContractSortParam = Annotated[
    str | None,
    QueryParameter(
        max_length=50,
        description="Sort column (``number``, ``title``, ``party``, ``project``, ``amount``, ``settled``, "
        "``created_at``); ``-`` first for descending. Default ``-created_at``; ties go by id.",
    ),
]
ContractBeforeParam = Annotated[
    str | None,
    QueryParameter(
        max_length=200, description="Opaque cursor from a page's `previous_cursor`: the page before it."
    ),
]
ContractCountParam = Annotated[
    bool, QueryParameter(description="Also count the contracts the filters leave (``total``).")
]

CONTRACT_FILTERS = {"filters": Provide(contract_filters, sync_to_thread=False)}


class SettingsController(Controller):
    """The tenant's contracts settings: the number pattern and the 以收定支 rule."""

    path = "/api/v1/contracts/settings"
    tags = ["contracts"]
    guards = [tenant_guard]

    @get(operation_id="get_contracts_settings", summary="Get the contracts settings")
    async def get_contracts_settings(self, ctx: Ctx) -> ContractsSettingsView:
        """The number pattern (with an example) and the 以收定支 rule (hard, soft or off)."""
        return await services.get_settings(ctx)

    @patch(
        operation_id="update_contracts_settings",
        summary="Change the contracts settings",
        opt={"min_role": Role.ADMIN},
    )
    async def update_contracts_settings(
        self, ctx: Ctx, data: JSONBody[ContractsSettingsUpdate], if_match: IfMatch = None
    ) -> ContractsSettingsView:
        """Change the number pattern or the 以收定支 rule (admins; ``If-Match``)."""
        return await services.update_settings(ctx, data, if_match)


class CounterpartyController(Controller):
    """Suppliers (供应商) and subcontractors (分包商), their qualifications and the blacklist."""

    path = "/api/v1/contracts/counterparties"
    tags = ["contracts"]
    guards = [tenant_guard]

    @get(
        operation_id="list_contracts_counterparties",
        summary="List counterparties",
        dependencies=COUNTERPARTY_FILTERS,
    )
    async def list_contracts_counterparties(
        self,
        ctx: Ctx,
        filters: NamedDependency[CounterpartyFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> CounterpartyPage:
        """List counterparties, newest first, by any part of the code or name (any case) and kind."""
        items, next_cursor = await services.list_counterparties(ctx, filters, limit=limit, cursor=cursor)
        return CounterpartyPage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_contracts_counterparty", summary="Create a counterparty")
    async def create_contracts_counterparty(
        self, ctx: Ctx, data: JSONBody[CounterpartyCreate]
    ) -> CounterpartyView:
        """Create a supplier or subcontractor; a code already used answers 409."""
        return await services.create_counterparty(ctx, data)

    @get("/{counterparty_id:uuid}", operation_id="get_contracts_counterparty", summary="Get a counterparty")
    async def get_contracts_counterparty(
        self, ctx: Ctx, counterparty_id: FromPath[uuid.UUID]
    ) -> CounterpartyView:
        """One counterparty with its qualifications."""
        return await services.get_counterparty(ctx, counterparty_id)

    @patch(
        "/{counterparty_id:uuid}",
        operation_id="update_contracts_counterparty",
        summary="Update a counterparty",
    )
    async def update_contracts_counterparty(
        self,
        ctx: Ctx,
        counterparty_id: FromPath[uuid.UUID],
        data: JSONBody[CounterpartyUpdate],
        if_match: IfMatch = None,
    ) -> CounterpartyView:
        """Change a counterparty; ``blacklisted: true`` with a ``blacklist_reason`` blocks new contracts."""
        return await services.update_counterparty(ctx, counterparty_id, data, if_match)

    @post(
        "/{counterparty_id:uuid}/qualifications",
        operation_id="create_contracts_qualification",
        summary="Add a qualification document",
    )
    async def create_contracts_qualification(
        self, ctx: Ctx, counterparty_id: FromPath[uuid.UUID], data: JSONBody[QualificationCreate]
    ) -> CounterpartyView:
        """Add a qualification (kind, number, expiry); returns the counterparty."""
        return await services.create_qualification(ctx, counterparty_id, data)

    @delete(
        "/{counterparty_id:uuid}/qualifications/{qualification_id:uuid}",
        operation_id="delete_contracts_qualification",
        summary="Remove a qualification document",
    )
    async def delete_contracts_qualification(
        self, ctx: Ctx, counterparty_id: FromPath[uuid.UUID], qualification_id: FromPath[uuid.UUID]
    ) -> None:
        """Remove a qualification of the counterparty."""
        await services.delete_qualification(ctx, counterparty_id, qualification_id)


class ProjectController(Controller):
    """Projects (项目) grouping contracts, and their 以收定支 position."""

    path = "/api/v1/contracts/projects"
    tags = ["contracts"]
    guards = [tenant_guard]

    @get(operation_id="list_contracts_projects", summary="List projects", dependencies=PROJECT_FILTERS)
    async def list_contracts_projects(
        self,
        ctx: Ctx,
        filters: NamedDependency[ProjectFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> ProjectPage:
        """List projects, newest first, by any part of the code or name (any case)."""
        items, next_cursor = await services.list_projects(ctx, filters, limit=limit, cursor=cursor)
        return ProjectPage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_contracts_project", summary="Create a project")
    async def create_contracts_project(self, ctx: Ctx, data: JSONBody[ProjectCreate]) -> ProjectView:
        """Create a project under an org unit; a code already used answers 409."""
        return await services.create_project(ctx, data)

    @get("/{project_id:uuid}", operation_id="get_contracts_project", summary="Get a project")
    async def get_contracts_project(self, ctx: Ctx, project_id: FromPath[uuid.UUID]) -> ProjectView:
        """One project."""
        return await services.get_project(ctx, project_id)

    @patch("/{project_id:uuid}", operation_id="update_contracts_project", summary="Update a project")
    async def update_contracts_project(
        self,
        ctx: Ctx,
        project_id: FromPath[uuid.UUID],
        data: JSONBody[ProjectUpdate],
        if_match: IfMatch = None,
    ) -> ProjectView:
        """Change a project; ``null`` clears the notes."""
        return await services.update_project(ctx, project_id, data, if_match)

    @get(
        "/{project_id:uuid}/position",
        operation_id="get_contracts_project_position",
        summary="以收定支 position of a project",
    )
    async def get_contracts_project_position(
        self, ctx: Ctx, project_id: FromPath[uuid.UUID]
    ) -> SpendPosition:
        """Received, paid, available (= received - paid) and payments awaiting approval, in CNY."""
        return await services.spend_position(ctx, project_id)


class ContractController(Controller):
    """Income and expenditure contracts, their lifecycle, payment plans, receipts, payments, invoices."""

    path = "/api/v1/contracts/contracts"
    tags = ["contracts"]
    guards = [tenant_guard]

    @get(operation_id="list_contracts_contracts", summary="List contracts", dependencies=CONTRACT_FILTERS)
    async def list_contracts_contracts(
        self,
        ctx: Ctx,
        filters: NamedDependency[ContractFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        before: ContractBeforeParam = None,
        sort: ContractSortParam = None,
        count: ContractCountParam = False,
    ) -> ContractPage:
        """List contracts, newest first or in the order ``sort`` names, filtered by direction,
        status, project, or ``q`` found anywhere in the number, title or counterparty's name."""
        query = {"sort": sort, "cursor": cursor, "before": before}
        state = list_state(services.CONTRACT_LIST, {k: v for k, v in query.items() if v}, strict=True)
        page, total = await services.contract_list(ctx, filters, state, limit=limit, count=count)
        return ContractPage(
            items=page.items, next_cursor=page.next_cursor, previous_cursor=page.previous_cursor, total=total
        )

    @post(operation_id="create_contracts_contract", summary="Register a contract", dependencies=STORAGE)
    async def create_contracts_contract(
        self, ctx: Ctx, storage: NamedDependency[ObjectStorage], data: JSONBody[ContractCreate]
    ) -> ContractView:
        """Register a draft contract numbered from the tenant's pattern; a blacklisted counterparty is
        409. With ``template_id`` it is registered from that template: its placeholders filled, its
        control indicators checked (422 ``template-indicator`` naming each one broken) and its text
        generated as a PDF attached to the contract (``document_file_id``)."""
        return await services.create_contract(ctx, data, storage)

    @get("/{contract_id:uuid}", operation_id="get_contracts_contract", summary="Get a contract")
    async def get_contracts_contract(self, ctx: Ctx, contract_id: FromPath[uuid.UUID]) -> ContractDetail:
        """A contract with its milestones, receipts or payments and invoices."""
        return await services.contract_detail(ctx, contract_id)

    @patch("/{contract_id:uuid}", operation_id="update_contracts_contract", summary="Update a draft contract")
    async def update_contracts_contract(
        self,
        ctx: Ctx,
        contract_id: FromPath[uuid.UUID],
        data: JSONBody[ContractUpdate],
        if_match: IfMatch = None,
    ) -> ContractView:
        """Change a draft's terms; other statuses answer 409."""
        return await services.update_contract(ctx, contract_id, data, if_match)

    @post(
        "/{contract_id:uuid}/status",
        operation_id="move_contracts_contract",
        summary="Move a contract through its lifecycle",
        status_code=200,
    )
    async def move_contracts_contract(
        self,
        ctx: Ctx,
        contract_id: FromPath[uuid.UUID],
        data: JSONBody[StatusChange],
        if_match: IfMatch = None,
    ) -> ContractView:
        """``in_approval`` submits to the approval engine; ``active`` signs; ``completed``,
        ``terminated``, ``expired`` end it. An illegal move is 409 listing the allowed ones."""
        return await services.change_status(ctx, contract_id, data, if_match)

    @get(
        "/{contract_id:uuid}/change-orders",
        operation_id="list_contracts_change_orders",
        summary="List a contract's change orders",
    )
    async def list_contracts_change_orders(
        self, ctx: Ctx, contract_id: FromPath[uuid.UUID]
    ) -> ChangeOrderList:
        """The contract's change orders (变更/洽商), first to last; the approved ones carry the
        amount and end date before and after them: the contract's version history. Each lists its
        attachments: files uploaded with ``POST /api/v1/files?document_type=contracts_change&
        document_id=<change order id>``."""
        return ChangeOrderList(items=await services.list_change_orders(ctx, contract_id))

    @post(
        "/{contract_id:uuid}/change-orders",
        operation_id="create_contracts_change_order",
        summary="Propose a change order",
    )
    async def create_contracts_change_order(
        self, ctx: Ctx, contract_id: FromPath[uuid.UUID], data: JSONBody[ChangeOrderCreate]
    ) -> ChangeOrderView:
        """Propose a change order on an approved or signed contract and submit it for approval
        (document type ``contracts_change``); once approved the contract's amount and end date
        change. A contract in another status, or one with a change order awaiting approval, is 409."""
        return await services.create_change_order(ctx, contract_id, data)

    @get("/{contract_id:uuid}/claims", operation_id="list_contracts_claims", summary="List claims and delays")
    async def list_contracts_claims(self, ctx: Ctx, contract_id: FromPath[uuid.UUID]) -> ClaimList:
        """The contract's claims (索赔) and delays (延期), oldest first."""
        return await services.list_claims(ctx, contract_id)

    @post(
        "/{contract_id:uuid}/claims", operation_id="create_contracts_claim", summary="Raise a claim or delay"
    )
    async def create_contracts_claim(
        self, ctx: Ctx, contract_id: FromPath[uuid.UUID], data: JSONBody[ClaimCreate]
    ) -> ClaimView:
        """Raise a claim (an amount) or a delay (days) on an approved or signed contract."""
        return await services.create_claim(ctx, contract_id, data)

    @post(
        "/{contract_id:uuid}/claims/{claim_id:uuid}/decision",
        operation_id="close_contracts_claim",
        summary="Decide a claim or delay",
        status_code=200,
    )
    async def close_contracts_claim(
        self,
        ctx: Ctx,
        contract_id: FromPath[uuid.UUID],
        claim_id: FromPath[uuid.UUID],
        data: JSONBody[ClaimDecision],
        if_match: IfMatch = None,
    ) -> ClaimView:
        """Accept (with what was agreed), reject or withdraw an open claim or delay; a decided one is 409."""
        return await services.decide_claim(ctx, contract_id, claim_id, data, if_match)

    @post(
        "/{contract_id:uuid}/milestones", operation_id="create_contracts_milestone", summary="Add a milestone"
    )
    async def create_contracts_milestone(
        self, ctx: Ctx, contract_id: FromPath[uuid.UUID], data: JSONBody[MilestoneCreate]
    ) -> PlanMilestoneView:
        """Add a payment-plan milestone: an amount or a percentage of the contract amount."""
        return await services.create_milestone(ctx, contract_id, data)

    @delete(
        "/{contract_id:uuid}/milestones/{milestone_id:uuid}",
        operation_id="delete_contracts_milestone",
        summary="Remove a milestone",
    )
    async def delete_contracts_milestone(
        self, ctx: Ctx, contract_id: FromPath[uuid.UUID], milestone_id: FromPath[uuid.UUID]
    ) -> None:
        """Remove a milestone nothing was settled against."""
        await services.delete_milestone(ctx, contract_id, milestone_id)

    @post("/{contract_id:uuid}/receipts", operation_id="create_contracts_receipt", summary="Record a receipt")
    async def create_contracts_receipt(
        self, ctx: Ctx, contract_id: FromPath[uuid.UUID], data: JSONBody[SettlementCreate]
    ) -> SettlementView:
        """Record money received (收款) on an active income contract."""
        return await services.record_settlement(ctx, contract_id, SettlementKind.RECEIPT, data)

    @post("/{contract_id:uuid}/payments", operation_id="create_contracts_payment", summary="Record a payment")
    async def create_contracts_payment(
        self, ctx: Ctx, contract_id: FromPath[uuid.UUID], data: JSONBody[SettlementCreate]
    ) -> SettlementView:
        """Record a payment (付款) on an active expenditure contract, checked against 以收定支:
        hard refuses with 409 naming received, paid, requested and the shortfall; soft records it
        as ``awaiting_approval`` until the special approval approves it."""
        return await services.record_settlement(ctx, contract_id, SettlementKind.PAYMENT, data)

    @post(
        "/{contract_id:uuid}/invoices", operation_id="create_contracts_invoice", summary="Record an invoice"
    )
    async def create_contracts_invoice(
        self, ctx: Ctx, contract_id: FromPath[uuid.UUID], data: JSONBody[InvoiceCreate]
    ) -> InvoiceView:
        """Record an invoice issued (income) or received (expenditure): number, amount, tax."""
        return await services.create_invoice(ctx, contract_id, data)


class AgeingController(Controller):
    """Receivable and payable ageing."""

    path = "/api/v1/contracts/ageing"
    tags = ["contracts"]
    guards = [tenant_guard]

    @get(operation_id="get_contracts_ageing", summary="Receivable or payable ageing")
    async def get_contracts_ageing(
        self,
        ctx: Ctx,
        side: Annotated[
            Literal["receivable", "payable"],
            QueryParameter(description="Income (receivable) or expenditure (payable)."),
        ] = "receivable",
    ) -> AgeingReport:
        """Open milestone amounts past due on the tenant's today, in buckets 0-30, 31-60, 61-90, 90+ days."""
        return await services.ageing_report(ctx, side)


def template_filters(q: Search = None, direction: FromQuery[Direction | None] = None) -> TemplateFilters:
    """The templates list's filters (shared by the API and the pages)."""
    return TemplateFilters(q=_q(q), direction=direction)


TEMPLATE_FILTERS = {"filters": Provide(template_filters, sync_to_thread=False)}


class TemplateController(Controller):
    """Contract templates (合同模板) with placeholders, clauses and control indicators."""

    path = "/api/v1/contracts/templates"
    tags = ["contracts"]
    guards = [tenant_guard]

    @get(operation_id="list_contracts_templates", summary="List templates", dependencies=TEMPLATE_FILTERS)
    async def list_contracts_templates(
        self,
        ctx: Ctx,
        filters: NamedDependency[TemplateFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> TemplatePage:
        """List templates, newest first, by any part of the code or name (any case) and direction."""
        items, next_cursor = await services.list_templates(ctx, filters, limit=limit, cursor=cursor)
        return TemplatePage(items=items, next_cursor=next_cursor)

    @post(
        operation_id="create_contracts_template", summary="Create a template", opt={"min_role": Role.MANAGER}
    )
    async def create_contracts_template(self, ctx: Ctx, data: JSONBody[TemplateCreate]) -> TemplateView:
        """Create a template; its text may only use declared or built-in placeholders (managers)."""
        return await services.create_template(ctx, data)

    @get("/{template_id:uuid}", operation_id="get_contracts_template", summary="Get a template")
    async def get_contracts_template(self, ctx: Ctx, template_id: FromPath[uuid.UUID]) -> TemplateView:
        """One template with its clauses and control indicators."""
        return await services.get_template(ctx, template_id)

    @patch(
        "/{template_id:uuid}",
        operation_id="update_contracts_template",
        summary="Update a template",
        opt={"min_role": Role.MANAGER},
    )
    async def update_contracts_template(
        self,
        ctx: Ctx,
        template_id: FromPath[uuid.UUID],
        data: JSONBody[TemplateUpdate],
        if_match: IfMatch = None,
    ) -> TemplateView:
        """Change a template (managers; ``If-Match``); ``clauses`` replaces its clauses."""
        return await services.update_template(ctx, template_id, data, if_match)


class ClauseController(Controller):
    """The clause library (条款库)."""

    path = "/api/v1/contracts/clauses"
    tags = ["contracts"]
    guards = [tenant_guard]

    @get(operation_id="list_contracts_clauses", summary="List clauses")
    async def list_contracts_clauses(
        self, ctx: Ctx, q: Search = None, limit: LimitParam = DEFAULT_LIMIT, cursor: CursorParam = None
    ) -> ClausePage:
        """List the clause library, newest first, by any part of the code or title (any case)."""
        items, next_cursor = await services.list_clauses(ctx, _q(q), limit=limit, cursor=cursor)
        return ClausePage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_contracts_clause", summary="Add a clause", opt={"min_role": Role.MANAGER})
    async def create_contracts_clause(self, ctx: Ctx, data: JSONBody[ClauseCreate]) -> ClauseView:
        """Add a clause to the library (managers); a code already used is 409."""
        return await services.create_clause(ctx, data)

    @get("/{clause_id:uuid}", operation_id="get_contracts_clause", summary="Get a clause")
    async def get_contracts_clause(self, ctx: Ctx, clause_id: FromPath[uuid.UUID]) -> ClauseView:
        """One clause."""
        return await services.get_clause(ctx, clause_id)

    @patch(
        "/{clause_id:uuid}",
        operation_id="update_contracts_clause",
        summary="Update a clause",
        opt={"min_role": Role.MANAGER},
    )
    async def update_contracts_clause(
        self, ctx: Ctx, clause_id: FromPath[uuid.UUID], data: JSONBody[ClauseUpdate], if_match: IfMatch = None
    ) -> ClauseView:
        """Change a clause (managers; ``If-Match``); registered contracts keep their text."""
        return await services.update_clause(ctx, clause_id, data, if_match)


class ReportsController(Controller):
    """The contracts ledger (台账), the dashboard and the customer-risk signal."""

    path = "/api/v1/contracts"
    tags = ["contracts"]
    guards = [tenant_guard]

    @get("/ledger", operation_id="get_contracts_ledger", summary="The contracts ledger")
    async def get_contracts_ledger(
        self,
        ctx: Ctx,
        by: Annotated[
            Literal["counterparty", "project", "status", "month"],
            QueryParameter(description="Group by counterparty, project, status or signing month."),
        ] = "counterparty",
        direction: Annotated[
            Direction, QueryParameter(description="Income (receivable) or expenditure (payable) contracts.")
        ] = Direction.INCOME,
    ) -> LedgerReport:
        """Contracts, value, settled and open (= value - settled) per group, base currency."""
        return await services.ledger(ctx, by, direction)

    @get("/dashboard", operation_id="get_contracts_dashboard", summary="The contracts dashboard")
    async def get_contracts_dashboard(self, ctx: Ctx) -> ContractsDashboard:
        """Each direction's signed value, settled, outstanding and overdue; contracts by status;
        contracts expiring in 30, 60 and 90 days; with the formulas."""
        return await services.dashboard(ctx)

    @get(
        "/customer-risk/{account_id:uuid}",
        operation_id="get_contracts_customer_risk",
        summary="A customer's risk score and its reasons",
    )
    async def get_contracts_customer_risk(self, ctx: Ctx, account_id: FromPath[uuid.UUID]) -> CustomerRisk:
        """The CRM account's risk score (0-100) with its reasons across CRM and contracts, each
        with its weight, its figure and links to its records."""
        return await services.customer_risk(ctx, account_id)

    @get(
        "/customer-risks",
        operation_id="list_contracts_customer_risks",
        summary="Customers' risk scores and their reasons",
    )
    async def list_contracts_customer_risks(
        self,
        ctx: Ctx,
        account_id: AccountIds = None,
        tier: FromQuery[Tier | None] = None,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> CustomerRiskPage:
        """Without ``account_id``: a page of CRM's churn watch list (its order: tier A first, then
        the most revenue at stake; ``tier``, ``limit`` and ``cursor`` as ``list_crm_churn_risks``),
        each account with its risk score and reasons. With ``account_id`` (repeated, at most 200):
        those accounts, in that order, on one page; an account not the tenant's is 404."""
        if account_id:
            if tier is not None or cursor:
                raise ValidationProblem(
                    "account_id names the accounts: it takes no tier or cursor.",
                    errors=[FieldError(field="account_id", message="not with tier or cursor")],
                )
            return CustomerRiskPage(items=await services.customer_risks(ctx, account_id), next_cursor=None)
        items, next_cursor = await services.watch_list_risks(ctx, tier, limit=limit, cursor=cursor)
        return CustomerRiskPage(items=items, next_cursor=next_cursor)


CONTROLLERS: list[type[Controller]] = [
    SettingsController,
    TemplateController,
    ClauseController,
    ReportsController,
    CounterpartyController,
    ProjectController,
    ContractController,
    AgeingController,
]
