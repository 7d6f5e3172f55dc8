"""Templates (合同模板) and the clause library (条款库); registering a contract from a template:
its control indicators checked, its placeholders filled and its text generated as a PDF stored in
the kernel's file storage, attached to the contract."""

from __future__ import annotations

import uuid
from decimal import Decimal

import msgspec
from sqlalchemy import delete, select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, FieldError, ValidationProblem
from bizsuite.core.files import services as files
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.storage import ObjectStorage, one_chunk
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.modules.contracts import documents, rules
from bizsuite.modules.contracts.models import Clause, Contract, ContractTemplate, TemplateClause
from bizsuite.modules.contracts.schemas import (
    ClauseCreate,
    ClauseUpdate,
    ClauseView,
    ContractCreate,
    PlaceholderDefinition,
    PlaceholderView,
    TemplateClauseRef,
    TemplateClauseView,
    TemplateCreate,
    TemplateFilters,
    TemplateUpdate,
    TemplateView,
)
from bizsuite.modules.contracts.services.settings import today
from bizsuite.web.lists import anywhere

#: Files attached to a contract (its generated document and its attachments).
CONTRACT_FILES = "contracts_contract"


class TemplateIndicatorProblem(ValidationProblem):
    """A contract registered from a template breaks one or more of its control indicators."""

    slug = "template-indicator"
    title = "Template control indicator breached"

    def __init__(self, template: ContractTemplate, breaches: list[rules.Breach]) -> None:
        names = ", ".join(dict.fromkeys(b.indicator for b in breaches))
        super().__init__(
            f"The contract breaks the control indicators of template {template.code} ({names}).",
            errors=[FieldError(field=b.field, message=f"{b.indicator}: {b.message}") for b in breaches],
        )
        self.breaches = breaches


# --- the clause library ---------------------------------------------------------------------


def clause_view(row: Clause) -> ClauseView:
    """A clause row as its view."""
    return ClauseView(
        id=row.id,
        code=row.code,
        title=row.title,
        body=row.body,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


async def _code_free(
    ctx: Context, model: type[Clause] | type[ContractTemplate], code: str, other: uuid.UUID | None
) -> None:
    statement = select(model.id).where(model.code == code)
    if other is not None:
        statement = statement.where(model.id != other)
    if await ctx.session.scalar(statement) is not None:
        raise ConflictProblem.for_field("code", "this code is already used")


def _clause_placeholders(body: str) -> None:
    bad = [n for n in rules.placeholders_in(body) if not rules.PLACEHOLDER_NAME.fullmatch(n)]
    if bad:
        raise ValidationProblem.for_field("body", "bad placeholder names: " + ", ".join(bad))


async def list_clauses(
    ctx: Context, q: str | None, *, limit: int, cursor: str | None
) -> tuple[list[ClauseView], str | None]:
    """A page of the clause library, newest first, by any part of the code or title (any case)."""
    statement = select(Clause)
    if q:
        statement = statement.where(anywhere(q, Clause.code, Clause.title))
    rows, next_cursor = await list_page(
        ctx.session, statement, Clause, limit=limit, cursor=cursor, descending=True
    )
    return [clause_view(r) for r in rows], next_cursor


async def get_clause(ctx: Context, clause_id: uuid.UUID) -> ClauseView:
    """One clause, or 404."""
    return clause_view(await fetch(ctx.session, Clause, clause_id, what="clause"))


async def templates_using_clause(ctx: Context, clause_id: uuid.UUID) -> list[tuple[uuid.UUID, str, str]]:
    """The templates that include the clause (id, code, name), by code: a change to the clause
    changes what they register from now on."""
    rows = await ctx.session.execute(
        select(ContractTemplate.id, ContractTemplate.code, ContractTemplate.name)
        .join(TemplateClause, TemplateClause.template_id == ContractTemplate.id)
        .where(TemplateClause.clause_id == clause_id)
        .order_by(ContractTemplate.code)
    )
    return [(i, code, name) for i, code, name in rows]


async def create_clause(ctx: Context, data: ClauseCreate) -> ClauseView:
    """Add a clause to the library; a code already used is 409 naming ``code``."""
    code = data.code.strip().upper()
    await _code_free(ctx, Clause, code, None)
    _clause_placeholders(data.body)
    row = Clause(code=code, title=data.title.strip(), body=data.body)
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("contracts.clause.created", row, after=snapshot(row))
    return clause_view(row)


async def update_clause(
    ctx: Context, clause_id: uuid.UUID, data: ClauseUpdate, if_match: str | None
) -> ClauseView:
    """Change a clause (``If-Match``); contracts already registered keep their generated text."""
    row = await fetch(ctx.session, Clause, clause_id, what="clause")
    check_version(row, if_match)
    before = snapshot(row)
    if not isinstance(data.code, msgspec.UnsetType):
        code = data.code.strip().upper()
        await _code_free(ctx, Clause, code, row.id)
        row.code = code
    if not isinstance(data.title, msgspec.UnsetType):
        row.title = data.title.strip()
    if not isinstance(data.body, msgspec.UnsetType):
        _clause_placeholders(data.body)
        row.body = data.body
    await ctx.session.flush()
    ctx.audit("contracts.clause.updated", row, before=before, after=snapshot(row))
    return clause_view(row)


# --- templates ------------------------------------------------------------------------------


async def _template_clauses(ctx: Context, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[TemplateClauseView]]:
    found: dict[uuid.UUID, list[TemplateClauseView]] = {i: [] for i in ids}
    if not ids:
        return found
    rows = await ctx.session.execute(
        select(TemplateClause, Clause)
        .join(Clause, Clause.id == TemplateClause.clause_id)
        .where(TemplateClause.template_id.in_(ids))
        .order_by(TemplateClause.position)
    )
    for link, clause in rows:
        found[link.template_id].append(
            TemplateClauseView(
                clause_id=clause.id,
                code=clause.code,
                title=clause.title,
                body=clause.body,
                required=link.required,
            )
        )
    return found


def _template_view(row: ContractTemplate, clauses: list[TemplateClauseView]) -> TemplateView:
    return TemplateView(
        id=row.id,
        code=row.code,
        name=row.name,
        direction=row.direction,
        body=row.body,
        placeholders=[
            PlaceholderView(name=p["name"], label=p["label"], required=bool(p.get("required", True)))
            for p in row.placeholders
        ],
        clauses=clauses,
        max_amount=row.max_amount,
        allowed_currencies=list(row.allowed_currencies),
        required_attachments=list(row.required_attachments),
        built_in_placeholders=list(rules.BUILT_IN_PLACEHOLDERS),
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


async def template_views(ctx: Context, rows: list[ContractTemplate]) -> list[TemplateView]:
    """Template rows as views, with their clauses."""
    clauses = await _template_clauses(ctx, [r.id for r in rows])
    return [_template_view(r, clauses[r.id]) for r in rows]


async def list_templates(
    ctx: Context, filters: TemplateFilters, *, limit: int, cursor: str | None
) -> tuple[list[TemplateView], str | None]:
    """A page of templates, newest first, by any part of the code or name (any case) and direction."""
    statement = select(ContractTemplate)
    if filters.q:
        statement = statement.where(anywhere(filters.q, ContractTemplate.code, ContractTemplate.name))
    if filters.direction is not None:
        statement = statement.where(
            (ContractTemplate.direction == filters.direction) | ContractTemplate.direction.is_(None)
        )
    rows, next_cursor = await list_page(
        ctx.session, statement, ContractTemplate, limit=limit, cursor=cursor, descending=True
    )
    return await template_views(ctx, list(rows)), next_cursor


async def get_template(ctx: Context, template_id: uuid.UUID) -> TemplateView:
    """One template with its clauses, or 404."""
    row = await fetch(ctx.session, ContractTemplate, template_id, what="template")
    return (await template_views(ctx, [row]))[0]


async def _clause_rows(ctx: Context, refs: list[TemplateClauseRef]) -> list[Clause]:
    rows: list[Clause] = []
    for index, ref in enumerate(refs):
        rows.append(
            await fetch_reference(ctx.session, Clause, ref.clause_id, field=f"clauses[{index}].clause_id")
        )
    ids = [r.id for r in rows]
    for index, clause_id in enumerate(ids):
        if ids.index(clause_id) != index:
            raise ValidationProblem.for_field(f"clauses[{index}].clause_id", "this clause is listed twice")
    return rows


def _check_definition(body: str, placeholders: list[PlaceholderDefinition], clauses: list[Clause]) -> None:
    errors = rules.template_definition_errors(
        body,
        [rules.PlaceholderSpec(p.name, p.label, p.required) for p in placeholders],
        [c.body for c in clauses],
    )
    if errors:
        raise ValidationProblem(
            "The template's placeholders do not match its text.",
            errors=[FieldError(field=k, message=v) for k, v in errors.items()],
        )


def _placeholders(items: list[PlaceholderDefinition]) -> list[dict[str, object]]:
    return [{"name": p.name, "label": p.label.strip(), "required": p.required} for p in items]


async def _set_clauses(
    ctx: Context, row: ContractTemplate, refs: list[TemplateClauseRef], clauses: list[Clause]
) -> None:
    await ctx.session.execute(delete(TemplateClause).where(TemplateClause.template_id == row.id))
    for position, (ref, clause) in enumerate(zip(refs, clauses, strict=True), start=1):
        ctx.session.add(
            TemplateClause(template_id=row.id, clause_id=clause.id, position=position, required=ref.required)
        )
    await ctx.session.flush()


async def create_template(ctx: Context, data: TemplateCreate) -> TemplateView:
    """Create a template; its text and clauses may only use declared (or built-in) placeholders."""
    code = data.code.strip().upper()
    await _code_free(ctx, ContractTemplate, code, None)
    if data.max_amount is not None:
        _amount("max_amount", data.max_amount)
    clauses = await _clause_rows(ctx, data.clauses)
    _check_definition(data.body, data.placeholders, clauses)
    row = ContractTemplate(
        code=code,
        name=data.name.strip(),
        direction=data.direction,
        body=data.body,
        placeholders=_placeholders(data.placeholders),
        max_amount=rules.money(data.max_amount) if data.max_amount is not None else None,
        allowed_currencies=list(dict.fromkeys(data.allowed_currencies)),
        required_attachments=list(dict.fromkeys(a.strip() for a in data.required_attachments)),
    )
    ctx.session.add(row)
    await ctx.session.flush()
    await _set_clauses(ctx, row, data.clauses, clauses)
    ctx.audit("contracts.template.created", row, after=snapshot(row))
    return (await template_views(ctx, [row]))[0]


def _amount(field: str, value: Decimal) -> None:
    error = rules.amount_error(value)
    if error is not None:
        raise ValidationProblem.for_field(field, error)


async def update_template(
    ctx: Context, template_id: uuid.UUID, data: TemplateUpdate, if_match: str | None
) -> TemplateView:
    """Change a template (``If-Match``); contracts already registered keep their text."""
    row = await fetch(ctx.session, ContractTemplate, template_id, what="template")
    check_version(row, if_match)
    before = snapshot(row)
    if not isinstance(data.code, msgspec.UnsetType):
        code = data.code.strip().upper()
        await _code_free(ctx, ContractTemplate, code, row.id)
        row.code = code
    if not isinstance(data.name, msgspec.UnsetType):
        row.name = data.name.strip()
    if not isinstance(data.direction, msgspec.UnsetType):
        row.direction = data.direction
    if not isinstance(data.max_amount, msgspec.UnsetType):
        if data.max_amount is not None:
            _amount("max_amount", data.max_amount)
        row.max_amount = rules.money(data.max_amount) if data.max_amount is not None else None
    if not isinstance(data.allowed_currencies, msgspec.UnsetType):
        row.allowed_currencies = list(dict.fromkeys(data.allowed_currencies))
    if not isinstance(data.required_attachments, msgspec.UnsetType):
        row.required_attachments = list(dict.fromkeys(a.strip() for a in data.required_attachments))
    if not isinstance(data.body, msgspec.UnsetType):
        row.body = data.body
    placeholders = (
        data.placeholders
        if not isinstance(data.placeholders, msgspec.UnsetType)
        else [
            PlaceholderDefinition(name=p["name"], label=p["label"], required=p["required"])
            for p in row.placeholders
        ]
    )
    if isinstance(data.clauses, msgspec.UnsetType):
        current = await _template_clauses(ctx, [row.id])
        refs = [TemplateClauseRef(clause_id=c.clause_id, required=c.required) for c in current[row.id]]
    else:
        refs = data.clauses
    clauses = await _clause_rows(ctx, refs)
    _check_definition(row.body, placeholders, clauses)
    row.placeholders = _placeholders(placeholders)
    if not isinstance(data.clauses, msgspec.UnsetType):
        await _set_clauses(ctx, row, refs, clauses)
    await ctx.session.flush()
    ctx.audit("contracts.template.updated", row, before=before, after=snapshot(row))
    return (await template_views(ctx, [row]))[0]


# --- registering from a template --------------------------------------------------------------


class Prepared(msgspec.Struct, kw_only=True):
    """A template registration once its indicators pass: what the contract keeps and the files
    to attach."""

    template: ContractTemplate
    values: dict[str, str]
    clauses: list[TemplateClauseView]
    attachments: list[StoredFile]


async def prepare(ctx: Context, data: ContractCreate, amount_base: Decimal) -> Prepared | None:
    """Check a registration against its template's control indicators (None: no template).
    Every indicator broken is named in one 422 (``template-indicator``)."""
    if data.template_id is None:
        for name in ("placeholders", "clause_codes"):
            if getattr(data, name) is not None:
                raise ValidationProblem.for_field(
                    name, "only a contract registered from a template takes this"
                )
        return None
    template = await fetch_reference(ctx.session, ContractTemplate, data.template_id, field="template_id")
    clauses = (await _template_clauses(ctx, [template.id]))[template.id]
    attachments: list[StoredFile] = []
    for index, ref in enumerate(data.attachments or []):
        stored = await fetch_reference(
            ctx.session, StoredFile, ref.file_id, field=f"attachments[{index}].file_id"
        )
        if stored.document_id is not None:
            raise ValidationProblem.for_field(
                f"attachments[{index}].file_id", "this file is already attached to another record"
            )
        attachments.append(stored)
    chosen = tuple(data.clause_codes) if data.clause_codes is not None else tuple(c.code for c in clauses)
    values: dict[str, str] = {}
    for index, given in enumerate(data.placeholders or []):
        if given.name in values:
            raise ValidationProblem.for_field(f"placeholders[{index}].name", f"{given.name} is given twice")
        values[given.name] = given.value.strip()
    breaches = rules.indicator_breaches(
        rules.Indicators(
            direction=template.direction.value if template.direction is not None else None,
            max_amount=template.max_amount,
            allowed_currencies=tuple(template.allowed_currencies),
            required_clauses=tuple(c.code for c in clauses if c.required),
            required_attachments=tuple(template.required_attachments),
            placeholders=tuple(
                rules.PlaceholderSpec(p["name"], p["label"], bool(p.get("required", True)))
                for p in template.placeholders
            ),
            clauses=tuple(c.code for c in clauses),
        ),
        rules.Registration(
            direction=data.direction.value,
            amount_base=amount_base,
            currency=data.currency,
            values=values,
            clause_codes=chosen,
            attachment_kinds=tuple(a.kind.strip() for a in data.attachments or []),
        ),
    )
    if breaches:
        raise TemplateIndicatorProblem(template, breaches)
    by_code = {c.code: c for c in clauses}
    return Prepared(
        template=template, values=values, clauses=[by_code[c] for c in chosen], attachments=attachments
    )


def contract_text(contract: Contract, party: str, prepared: Prepared, on: str) -> documents.ContractText:
    """The contract's text: the template's body and chosen clauses with every placeholder filled
    (the user's values and the contract's own: number, title, party, amount...)."""
    values = {
        **prepared.values,
        "number": contract.number,
        "title": contract.title,
        "party": party,
        "amount": f"{contract.amount:,.2f}",
        "currency": contract.currency,
        "starts_on": contract.starts_on.isoformat() if contract.starts_on else "",
        "ends_on": contract.ends_on.isoformat() if contract.ends_on else "",
        "our_signatory": contract.our_signatory or "",
        "their_signatory": contract.their_signatory or "",
        "date": on,
    }
    return documents.ContractText(
        title=contract.title,
        subtitle=f"{contract.number} · {party} · {contract.amount:,.2f} {contract.currency}",
        body=rules.fill(prepared.template.body, values),
        clauses=[(c.title, rules.fill(c.body, values)) for c in prepared.clauses],
    )


async def attach_registration(
    ctx: Context, storage: ObjectStorage, contract: Contract, party: str, prepared: Prepared
) -> StoredFile:
    """Generate the contract's document into file storage and attach it and the attachments to
    the contract; the contract keeps its template, values, clauses and document."""
    pdf = documents.render_pdf(contract_text(contract, party, prepared, today(ctx).isoformat()))
    stored = await files.upload(
        ctx,
        storage,
        one_chunk(pdf),
        files.Upload(
            name=f"{contract.number}.pdf",
            content_type=documents.CONTENT_TYPE,
            document_type=CONTRACT_FILES,
            document_id=contract.id,
        ),
        files.UploadPolicy(max_bytes=len(pdf) + 1, content_types=frozenset({documents.CONTENT_TYPE})),
    )
    for attachment in prepared.attachments:
        attachment.document_type, attachment.document_id = CONTRACT_FILES, contract.id
    contract.template_id = prepared.template.id
    contract.template_values = prepared.values
    contract.clause_codes = [c.code for c in prepared.clauses]
    contract.document_file_id = stored.id
    await ctx.session.flush()
    return stored
