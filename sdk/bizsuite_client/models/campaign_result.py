from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.grade_band_input import GradeBandInput
    from ..models.profile_dimension import ProfileDimension
    from ..models.question_result import QuestionResult


T = TypeVar("T", bound="CampaignResult")


@_attrs_define
class CampaignResult:
    """
    Attributes:
        campaign_id (UUID):
        current_grade (None | str):
        disagreement_threshold (str):
        formula (str):
        grade_table (list[GradeBandInput]):
        points (str):
        profile (list[ProfileDimension]):
        questions (list[QuestionResult]):
        raters (int):
        responded (int):
        suggested_grade (None | str):
    """

    campaign_id: UUID
    current_grade: None | str
    disagreement_threshold: str
    formula: str
    grade_table: list[GradeBandInput]
    points: str
    profile: list[ProfileDimension]
    questions: list[QuestionResult]
    raters: int
    responded: int
    suggested_grade: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        current_grade: None | str
        current_grade = self.current_grade

        disagreement_threshold = self.disagreement_threshold

        formula = self.formula

        grade_table = []
        for grade_table_item_data in self.grade_table:
            grade_table_item = grade_table_item_data.to_dict()
            grade_table.append(grade_table_item)

        points = self.points

        profile = []
        for profile_item_data in self.profile:
            profile_item = profile_item_data.to_dict()
            profile.append(profile_item)

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        raters = self.raters

        responded = self.responded

        suggested_grade: None | str
        suggested_grade = self.suggested_grade

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "current_grade": current_grade,
                "disagreement_threshold": disagreement_threshold,
                "formula": formula,
                "grade_table": grade_table,
                "points": points,
                "profile": profile,
                "questions": questions,
                "raters": raters,
                "responded": responded,
                "suggested_grade": suggested_grade,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grade_band_input import GradeBandInput  # noqa: PLC0415
        from ..models.profile_dimension import ProfileDimension  # noqa: PLC0415
        from ..models.question_result import QuestionResult  # noqa: PLC0415

        d = dict(src_dict)
        campaign_id = UUID(d.pop("campaign_id"))

        def _parse_current_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_grade = _parse_current_grade(d.pop("current_grade"))

        disagreement_threshold = d.pop("disagreement_threshold")

        formula = d.pop("formula")

        grade_table = []
        _grade_table = d.pop("grade_table")
        for grade_table_item_data in _grade_table:
            grade_table_item = GradeBandInput.from_dict(grade_table_item_data)

            grade_table.append(grade_table_item)

        points = d.pop("points")

        profile = []
        _profile = d.pop("profile")
        for profile_item_data in _profile:
            profile_item = ProfileDimension.from_dict(profile_item_data)

            profile.append(profile_item)

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = QuestionResult.from_dict(questions_item_data)

            questions.append(questions_item)

        raters = d.pop("raters")

        responded = d.pop("responded")

        def _parse_suggested_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        suggested_grade = _parse_suggested_grade(d.pop("suggested_grade"))

        campaign_result = cls(
            campaign_id=campaign_id,
            current_grade=current_grade,
            disagreement_threshold=disagreement_threshold,
            formula=formula,
            grade_table=grade_table,
            points=points,
            profile=profile,
            questions=questions,
            raters=raters,
            responded=responded,
            suggested_grade=suggested_grade,
        )

        campaign_result.additional_properties = d
        return campaign_result

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
