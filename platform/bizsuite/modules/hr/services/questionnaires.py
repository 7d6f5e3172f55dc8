"""A rater's own questionnaires: the campaigns the caller was invited to rate (as the member
named for a rater, or through their employee record's sign-in), one with their answers so far,
and their answers saved (the campaign's ``rate``, refused once it is closed). Someone else's
questionnaire is 403 (HR may read it), one of another tenant 404."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, case, select

from bizsuite.core.approvals.services.acting import acting_user_id
from bizsuite.core.context import Context
from bizsuite.core.errors import ForbiddenProblem, NotFoundProblem
from bizsuite.modules.hr.models import Campaign, CampaignStatus, Position, Rater, Rating
from bizsuite.modules.hr.schemas import QuestionnaireView, RatingInput, RatingsUpdate
from bizsuite.modules.hr.services.analysis import rate
from bizsuite.modules.hr.services.employees import is_hr


def _view(rater: Rater, campaign: Campaign, position: Position, answers: list[Rating]) -> QuestionnaireView:
    return QuestionnaireView(
        rater_id=rater.id,
        rater_name=rater.name,
        role=rater.role,
        campaign_id=campaign.id,
        campaign_title=campaign.title,
        position_id=position.id,
        position_code=position.code,
        position_title=position.title,
        due_on=campaign.due_on,
        status=campaign.status,
        invited_at=rater.invited_at,
        reminded_at=rater.reminded_at,
        responded_at=rater.responded_at,
        answers=[
            RatingInput(
                question_id=a.question_id, need=a.need, importance=a.importance, contribution=a.contribution
            )
            for a in answers
        ],
    )


def _joined() -> Select[Rater, Campaign, Position]:
    return (
        select(Rater, Campaign, Position)
        .join(Campaign, Campaign.id == Rater.campaign_id)
        .join(Position, Position.id == Campaign.position_id)
    )


async def _me(ctx: Context) -> uuid.UUID:
    user_id = await acting_user_id(ctx)
    if user_id is None:
        raise ForbiddenProblem(
            "Questionnaires are answered by people: sign in, or use an API key created by a member."
        )
    return user_id


async def my_questionnaires(ctx: Context) -> list[QuestionnaireView]:
    """The caller's questionnaires: open ones first (the soonest due first), then closed ones."""
    me = await _me(ctx)
    rows = await ctx.session.execute(
        _joined()
        .where(Rater.user_id == me)
        .order_by(
            case((Campaign.status == CampaignStatus.OPEN, 0), else_=1),
            Campaign.due_on.asc().nulls_last(),
            Campaign.created_at.desc(),
        )
    )
    found = [_view(rater, campaign, position, []) for rater, campaign, position in rows]
    for view in found:
        view.answerable = view.status is CampaignStatus.OPEN
    return found


async def _own(
    ctx: Context, rater_id: uuid.UUID, *, read: bool = False
) -> tuple[Rater, Campaign, Position, bool]:
    """The rater's questionnaire and whether it is the caller's: only theirs to answer; HR
    (owners and admins) may also read it (they see every answer in the results anyway)."""
    row = (await ctx.session.execute(_joined().where(Rater.id == rater_id))).first()
    if row is None:
        raise NotFoundProblem(f"No questionnaire with id {rater_id}.")
    rater, campaign, position = row
    mine = rater.user_id is not None and rater.user_id == await acting_user_id(ctx)
    if not mine and not (read and is_hr(ctx)):
        raise ForbiddenProblem("This questionnaire is another rater's.")
    return rater, campaign, position, mine


async def get_questionnaire(ctx: Context, rater_id: uuid.UUID) -> QuestionnaireView:
    """One of the caller's questionnaires with their answers so far (HR may read any)."""
    rater, campaign, position, mine = await _own(ctx, rater_id, read=True)
    answers = list(await ctx.session.scalars(select(Rating).where(Rating.rater_id == rater.id)))
    view = _view(rater, campaign, position, answers)
    view.answerable = mine and campaign.status is CampaignStatus.OPEN
    return view


async def answer_questionnaire(ctx: Context, rater_id: uuid.UUID, data: RatingsUpdate) -> QuestionnaireView:
    """Save the caller's answers to their questionnaire (replacing earlier ones; 409 once closed)."""
    rater, campaign, _position, _mine = await _own(ctx, rater_id)
    await rate(ctx, campaign.id, rater.id, data)
    return await get_questionnaire(ctx, rater_id)
