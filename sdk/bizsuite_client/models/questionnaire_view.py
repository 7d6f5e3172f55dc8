from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_status import CampaignStatus, check_campaign_status
from ..models.rater_role import RaterRole, check_rater_role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rating_input import RatingInput


T = TypeVar("T", bound="QuestionnaireView")


@_attrs_define
class QuestionnaireView:
    """
    Attributes:
        campaign_id (UUID):
        campaign_title (str):
        due_on (datetime.date | None):
        invited_at (datetime.datetime | None):
        position_code (str):
        position_id (UUID):
        position_title (str):
        rater_id (UUID):
        rater_name (str):
        reminded_at (datetime.datetime | None):
        responded_at (datetime.datetime | None):
        role (RaterRole): Who rates: someone in the position (任职者) or their manager (主管).
        status (CampaignStatus): A job-analysis campaign collects ratings while open.
        answerable (bool | Unset):  Default: False.
        answers (list[RatingInput] | Unset):
    """

    campaign_id: UUID
    campaign_title: str
    due_on: datetime.date | None
    invited_at: datetime.datetime | None
    position_code: str
    position_id: UUID
    position_title: str
    rater_id: UUID
    rater_name: str
    reminded_at: datetime.datetime | None
    responded_at: datetime.datetime | None
    role: RaterRole
    status: CampaignStatus
    answerable: bool | Unset = False
    answers: list[RatingInput] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        campaign_title = self.campaign_title

        due_on: None | str
        if isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        invited_at: None | str
        if isinstance(self.invited_at, datetime.datetime):
            invited_at = self.invited_at.isoformat()
        else:
            invited_at = self.invited_at

        position_code = self.position_code

        position_id = str(self.position_id)

        position_title = self.position_title

        rater_id = str(self.rater_id)

        rater_name = self.rater_name

        reminded_at: None | str
        if isinstance(self.reminded_at, datetime.datetime):
            reminded_at = self.reminded_at.isoformat()
        else:
            reminded_at = self.reminded_at

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        role: str = self.role

        status: str = self.status

        answerable = self.answerable

        answers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = []
            for answers_item_data in self.answers:
                answers_item = answers_item_data.to_dict()
                answers.append(answers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "campaign_title": campaign_title,
                "due_on": due_on,
                "invited_at": invited_at,
                "position_code": position_code,
                "position_id": position_id,
                "position_title": position_title,
                "rater_id": rater_id,
                "rater_name": rater_name,
                "reminded_at": reminded_at,
                "responded_at": responded_at,
                "role": role,
                "status": status,
            }
        )
        if answerable is not UNSET:
            field_dict["answerable"] = answerable
        if answers is not UNSET:
            field_dict["answers"] = answers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rating_input import RatingInput  # noqa: PLC0415

        d = dict(src_dict)
        campaign_id = UUID(d.pop("campaign_id"))

        campaign_title = d.pop("campaign_title")

        def _parse_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_on = _parse_due_on(d.pop("due_on"))

        def _parse_invited_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invited_at_type_0 = datetime.datetime.fromisoformat(data)

                return invited_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        invited_at = _parse_invited_at(d.pop("invited_at"))

        position_code = d.pop("position_code")

        position_id = UUID(d.pop("position_id"))

        position_title = d.pop("position_title")

        rater_id = UUID(d.pop("rater_id"))

        rater_name = d.pop("rater_name")

        def _parse_reminded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminded_at_type_0 = datetime.datetime.fromisoformat(data)

                return reminded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reminded_at = _parse_reminded_at(d.pop("reminded_at"))

        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))

        role = check_rater_role(d.pop("role"))

        status = check_campaign_status(d.pop("status"))

        answerable = d.pop("answerable", UNSET)

        _answers = d.pop("answers", UNSET)
        answers: list[RatingInput] | Unset = UNSET
        if _answers is not UNSET:
            answers = []
            for answers_item_data in _answers:
                answers_item = RatingInput.from_dict(answers_item_data)

                answers.append(answers_item)

        questionnaire_view = cls(
            campaign_id=campaign_id,
            campaign_title=campaign_title,
            due_on=due_on,
            invited_at=invited_at,
            position_code=position_code,
            position_id=position_id,
            position_title=position_title,
            rater_id=rater_id,
            rater_name=rater_name,
            reminded_at=reminded_at,
            responded_at=responded_at,
            role=role,
            status=status,
            answerable=answerable,
            answers=answers,
        )

        questionnaire_view.additional_properties = d
        return questionnaire_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
