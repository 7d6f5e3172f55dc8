from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.duty_score import DutyScore


T = TypeVar("T", bound="AppraisalDuty")


@_attrs_define
class AppraisalDuty:
    """
    Attributes:
        content (str):
        counted_weight (str):
        duty_id (UUID):
        excellent (str):
        fair (str):
        good (str):
        manager_score (DutyScore | None):
        poor (str):
        self_score (DutyScore | None):
        seq (int):
        weight (None | str):
    """

    content: str
    counted_weight: str
    duty_id: UUID
    excellent: str
    fair: str
    good: str
    manager_score: DutyScore | None
    poor: str
    self_score: DutyScore | None
    seq: int
    weight: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.duty_score import DutyScore  # noqa: PLC0415

        content = self.content

        counted_weight = self.counted_weight

        duty_id = str(self.duty_id)

        excellent = self.excellent

        fair = self.fair

        good = self.good

        manager_score: dict[str, Any] | None
        if isinstance(self.manager_score, DutyScore):
            manager_score = self.manager_score.to_dict()
        else:
            manager_score = self.manager_score

        poor = self.poor

        self_score: dict[str, Any] | None
        if isinstance(self.self_score, DutyScore):
            self_score = self.self_score.to_dict()
        else:
            self_score = self.self_score

        seq = self.seq

        weight: None | str
        weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "counted_weight": counted_weight,
                "duty_id": duty_id,
                "excellent": excellent,
                "fair": fair,
                "good": good,
                "manager_score": manager_score,
                "poor": poor,
                "self_score": self_score,
                "seq": seq,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duty_score import DutyScore  # noqa: PLC0415

        d = dict(src_dict)
        content = d.pop("content")

        counted_weight = d.pop("counted_weight")

        duty_id = UUID(d.pop("duty_id"))

        excellent = d.pop("excellent")

        fair = d.pop("fair")

        good = d.pop("good")

        def _parse_manager_score(data: object) -> DutyScore | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                manager_score_type_0 = DutyScore.from_dict(data)

                return manager_score_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DutyScore | None, data)

        manager_score = _parse_manager_score(d.pop("manager_score"))

        poor = d.pop("poor")

        def _parse_self_score(data: object) -> DutyScore | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                self_score_type_0 = DutyScore.from_dict(data)

                return self_score_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DutyScore | None, data)

        self_score = _parse_self_score(d.pop("self_score"))

        seq = d.pop("seq")

        def _parse_weight(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        weight = _parse_weight(d.pop("weight"))

        appraisal_duty = cls(
            content=content,
            counted_weight=counted_weight,
            duty_id=duty_id,
            excellent=excellent,
            fair=fair,
            good=good,
            manager_score=manager_score,
            poor=poor,
            self_score=self_score,
            seq=seq,
            weight=weight,
        )

        appraisal_duty.additional_properties = d
        return appraisal_duty

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
