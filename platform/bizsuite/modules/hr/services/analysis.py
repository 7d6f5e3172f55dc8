"""The job-analysis questionnaire (职务分析问卷): the tenant's items in six dimensions and its
points-to-grade table; campaigns for a position with their raters (incumbents and managers);
ratings on need, importance and contribution; the results (``rules.analyse``)."""

from __future__ import annotations

import uuid
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import delete, select

from bizsuite.core import clock
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.identity.models import Membership
from bizsuite.core.repository import fetch, fetch_reference, list_page
from bizsuite.modules.hr import rules
from bizsuite.modules.hr.models import (
    Campaign,
    CampaignStatus,
    Dimension,
    Employee,
    GradeBand,
    Position,
    Question,
    Rater,
    RaterRole,
    Rating,
)
from bizsuite.modules.hr.schemas import (
    CampaignCreate,
    CampaignResult,
    CampaignView,
    GradeBandInput,
    GradeTable,
    GradeTableUpdate,
    ProfileDimension,
    QuestionCreate,
    QuestionResult,
    QuestionView,
    RaterInput,
    RaterView,
    RatingsUpdate,
    RoleMeans,
)
from bizsuite.modules.hr.services import invitations

_ORDER = {d.value: i for i, d in enumerate(Dimension)}


def _question_view(row: Question) -> QuestionView:
    return QuestionView(id=row.id, code=row.code, dimension=row.dimension, text=row.text)


async def list_questions(ctx: Context) -> list[QuestionView]:
    """The questionnaire: by dimension (in the six dimensions' order), then code."""
    rows = list(await ctx.session.scalars(select(Question).order_by(Question.code)))
    rows.sort(key=lambda q: (_ORDER[q.dimension.value], q.code))
    return [_question_view(r) for r in rows]


async def create_question(ctx: Context, data: QuestionCreate) -> QuestionView:
    """Add an item; a code already used is 409 naming ``code``."""
    code = rules.normal_code(data.code)
    if await ctx.session.scalar(select(Question.id).where(Question.code == code)) is not None:
        raise ConflictProblem.for_field("code", "a questionnaire item with this code already exists")
    row = Question(code=code, dimension=data.dimension, text=data.text)
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("hr.question.created", row, after=snapshot(row))
    return _question_view(row)


async def grade_table(ctx: Context) -> GradeTable:
    """The points-to-grade table, lowest band first."""
    rows = await ctx.session.scalars(select(GradeBand).order_by(GradeBand.min_points))
    return GradeTable(bands=[GradeBandInput(min_points=r.min_points, grade=r.grade) for r in rows])


async def replace_grade_table(ctx: Context, data: GradeTableUpdate) -> GradeTable:
    """Replace the table; minimums are at most 2 decimals, not negative and not repeated (422
    naming ``bands``)."""
    seen: set[Decimal] = set()
    for band in data.bands:
        exponent = band.min_points.as_tuple().exponent
        if (
            not band.min_points.is_finite()
            or band.min_points < 0
            or (isinstance(exponent, int) and exponent < -2)
        ):
            raise ValidationProblem.for_field("bands", "minimum points are 0 or more, at most 2 decimals")
        if band.min_points in seen:
            raise ValidationProblem.for_field("bands", f"two bands start at {band.min_points}")
        seen.add(band.min_points)
    before = (await grade_table(ctx)).bands
    await ctx.session.execute(delete(GradeBand))
    for band in data.bands:
        ctx.session.add(GradeBand(min_points=band.min_points.quantize(rules.CENT), grade=band.grade))
    await ctx.session.flush()
    after = await grade_table(ctx)
    ctx.audit(
        "hr.grade_table.replaced",
        None,
        target_type="hr_grade_bands",
        before={"bands": [[str(b.min_points), b.grade] for b in before]},
        after={"bands": [[str(b.min_points), b.grade] for b in after.bands]},
    )
    return after


async def _views(ctx: Context, rows: list[Campaign]) -> list[CampaignView]:
    if not rows:
        return []
    positions = {
        p.id: p
        for p in await ctx.session.scalars(
            select(Position).where(Position.id.in_({r.position_id for r in rows}))
        )
    }
    raters: dict[uuid.UUID, list[Rater]] = {}
    for rater in await ctx.session.scalars(
        select(Rater).where(Rater.campaign_id.in_([r.id for r in rows])).order_by(Rater.role, Rater.name)
    ):
        raters.setdefault(rater.campaign_id, []).append(rater)
    return [
        CampaignView(
            id=row.id,
            position_id=row.position_id,
            position_code=positions[row.position_id].code,
            position_title=positions[row.position_id].title,
            title=row.title,
            due_on=row.due_on,
            remind_days=row.remind_days,
            status=row.status,
            raters=[
                RaterView(
                    id=r.id,
                    name=r.name,
                    role=r.role,
                    employee_id=r.employee_id,
                    responded_at=r.responded_at,
                    user_id=r.user_id,
                    invited_at=r.invited_at,
                    reminded_at=r.reminded_at,
                )
                for r in raters.get(row.id, [])
            ],
            created_at=row.created_at,
            version=row.version,
        )
        for row in rows
    ]


async def campaign_row(ctx: Context, campaign_id: uuid.UUID) -> Campaign:
    """The campaign, or 404."""
    return await fetch(ctx.session, Campaign, campaign_id, what="job-analysis campaign")


async def get_campaign(ctx: Context, campaign_id: uuid.UUID) -> CampaignView:
    """One campaign with its raters."""
    return (await _views(ctx, [await campaign_row(ctx, campaign_id)]))[0]


async def list_campaigns(
    ctx: Context, position_id: uuid.UUID | None, *, limit: int, cursor: str | None
) -> tuple[list[CampaignView], str | None]:
    """Campaigns, newest first, of one position or all."""
    statement = select(Campaign)
    if position_id is not None:
        statement = statement.where(Campaign.position_id == position_id)
    rows, next_cursor = await list_page(
        ctx.session, statement, Campaign, limit=limit, cursor=cursor, descending=True
    )
    return await _views(ctx, list(rows)), next_cursor


async def _rater_user(ctx: Context, rater: RaterInput) -> uuid.UUID | None:
    """Who answers for a rater: the member named, else the employee's own sign-in (if any)."""
    if rater.employee_id is not None:
        employee = await fetch_reference(ctx.session, Employee, rater.employee_id, field="raters")
        if rater.user_id is None:
            return employee.user_id
    if rater.user_id is not None:
        member = await ctx.session.scalar(select(Membership.id).where(Membership.user_id == rater.user_id))
        if member is None:
            raise ValidationProblem.for_field("raters", f"no member with user id {rater.user_id}")
    return rater.user_id


async def create_campaign(ctx: Context, data: CampaignCreate) -> CampaignView:
    """Start a campaign for a position with its raters (at least one; names and sign-ins unique,
    422 naming ``raters``); each rater with a sign-in is invited in their inbox."""
    position = await fetch_reference(ctx.session, Position, data.position_id, field="position_id")
    if not data.raters:
        raise ValidationProblem.for_field("raters", "invite at least one rater")
    names = [r.name.strip() for r in data.raters]
    if len(set(names)) != len(names):
        raise ValidationProblem.for_field("raters", "each rater once")
    users = [await _rater_user(ctx, rater) for rater in data.raters]
    linked = [u for u in users if u is not None]
    if len(set(linked)) != len(linked):
        raise ValidationProblem.for_field("raters", "each person rates once")
    row = Campaign(
        position_id=data.position_id, title=data.title, due_on=data.due_on, remind_days=data.remind_days
    )
    ctx.session.add(row)
    await ctx.session.flush()
    raters = [
        Rater(campaign_id=row.id, name=name, role=rater.role, employee_id=rater.employee_id, user_id=user)
        for rater, name, user in zip(data.raters, names, users, strict=True)
    ]
    ctx.session.add_all(raters)
    await ctx.session.flush()
    ctx.audit("hr.campaign.created", row, after=snapshot(row))
    await invitations.invite(ctx, row, position, raters)
    return (await _views(ctx, [row]))[0]


async def close_campaign(ctx: Context, campaign_id: uuid.UUID) -> CampaignView:
    """Close a campaign: no more ratings."""
    row = await campaign_row(ctx, campaign_id)
    before = snapshot(row)
    row.status = CampaignStatus.CLOSED
    await ctx.session.flush()
    ctx.audit("hr.campaign.closed", row, before=before, after=snapshot(row))
    return (await _views(ctx, [row]))[0]


async def rate(
    ctx: Context, campaign_id: uuid.UUID, rater_id: uuid.UUID, data: RatingsUpdate
) -> CampaignView:
    """Record a rater's answers (replacing earlier ones) while the campaign is open (409 once
    closed); every item must be the tenant's (422 naming ``ratings``)."""
    row = await campaign_row(ctx, campaign_id)
    rater = await ctx.session.scalar(select(Rater).where(Rater.id == rater_id, Rater.campaign_id == row.id))
    if rater is None:
        raise NotFoundProblem(f"No rater with id {rater_id} in this campaign.")
    if row.status is CampaignStatus.CLOSED:
        raise ConflictProblem("The campaign is closed: no more ratings.")
    wanted = {r.question_id for r in data.ratings}
    if len(wanted) != len(data.ratings):
        raise ValidationProblem.for_field("ratings", "each item once")
    found = (
        set(await ctx.session.scalars(select(Question.id).where(Question.id.in_(wanted))))
        if wanted
        else set()
    )
    if missing := wanted - found:
        raise ValidationProblem.for_field("ratings", f"no questionnaire item with id {sorted(missing)[0]}")
    await ctx.session.execute(delete(Rating).where(Rating.rater_id == rater.id))
    for answer in data.ratings:
        ctx.session.add(
            Rating(
                rater_id=rater.id,
                question_id=answer.question_id,
                need=answer.need,
                importance=answer.importance,
                contribution=answer.contribution,
            )
        )
    rater.responded_at = clock.now(ctx) if data.ratings else None
    await ctx.session.flush()
    ctx.audit("hr.rating.recorded", rater, after={"ratings": len(data.ratings), "campaign_id": str(row.id)})
    return (await _views(ctx, [row]))[0]


def _means(values: dict[str, Decimal | None]) -> RoleMeans:
    return RoleMeans(
        need=values["need"], importance=values["importance"], contribution=values["contribution"]
    )


async def campaign_result(ctx: Context, campaign_id: uuid.UUID) -> CampaignResult:
    """The campaign's results: per item the means (all raters, incumbents, managers), points and
    disagreement; the ability profile per dimension; the points and the grade they suggest."""
    row = await campaign_row(ctx, campaign_id)
    position = await fetch(ctx.session, Position, row.position_id, what="position")
    raters = list(await ctx.session.scalars(select(Rater).where(Rater.campaign_id == row.id)))
    roles = {r.id: r.role for r in raters}
    questions = {q.id: q for q in await ctx.session.scalars(select(Question))}
    ordered = sorted(questions.values(), key=lambda q: (_ORDER[q.dimension.value], q.code))
    ratings = [
        rules.Rating(r.rater_id, roles[r.rater_id].value, r.question_id, r.need, r.importance, r.contribution)
        for r in await ctx.session.scalars(select(Rating).where(Rating.rater_id.in_(list(roles))))
    ]
    result = rules.analyse({q.id: q.dimension.value for q in ordered}, ratings)
    table = await grade_table(ctx)
    return CampaignResult(
        campaign_id=row.id,
        raters=len(raters),
        responded=sum(1 for r in raters if r.responded_at is not None),
        questions=[
            QuestionResult(
                question_id=uuid.UUID(str(i.item)),
                code=questions[i.item].code,  # type: ignore[index]
                text=questions[i.item].text,  # type: ignore[index]
                dimension=Dimension(i.dimension),
                raters=i.raters,
                need=i.need,
                importance=i.importance,
                contribution=i.contribution,
                points=i.points,
                incumbents=_means(i.by_role[RaterRole.INCUMBENT.value]),
                managers=_means(i.by_role[RaterRole.MANAGER.value]),
                gap=i.gap,
                disagreement=i.disagreement,
            )
            for i in result.items
        ],
        profile=[
            ProfileDimension(
                dimension=Dimension(d.dimension), items=d.items, need=d.need, importance=d.importance
            )
            for d in result.profile
        ],
        points=result.points.quantize(rules.CENT, rounding=ROUND_HALF_UP),
        formula=result.formula,
        suggested_grade=rules.suggest_grade(result.points, [(b.min_points, b.grade) for b in table.bands])
        if result.items
        else None,
        current_grade=position.pay_grade,
        grade_table=table.bands,
        disagreement_threshold=rules.DISAGREEMENT,
    )
