from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stage_kind import StageKind, check_stage_kind

T = TypeVar("T", bound="PipelineStageSummary")


@_attrs_define
class PipelineStageSummary:
    """
    Attributes:
        amount (str):
        count (int):
        kind (StageKind): Open stages move; won and lost stages close the opportunity.
        name (str):
        probability (int):
        stage_id (UUID):
        weighted_amount (str):
    """

    amount: str
    count: int
    kind: StageKind
    name: str
    probability: int
    stage_id: UUID
    weighted_amount: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        count = self.count

        kind: str = self.kind

        name = self.name

        probability = self.probability

        stage_id = str(self.stage_id)

        weighted_amount = self.weighted_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "count": count,
                "kind": kind,
                "name": name,
                "probability": probability,
                "stage_id": stage_id,
                "weighted_amount": weighted_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        count = d.pop("count")

        kind = check_stage_kind(d.pop("kind"))

        name = d.pop("name")

        probability = d.pop("probability")

        stage_id = UUID(d.pop("stage_id"))

        weighted_amount = d.pop("weighted_amount")

        pipeline_stage_summary = cls(
            amount=amount,
            count=count,
            kind=kind,
            name=name,
            probability=probability,
            stage_id=stage_id,
            weighted_amount=weighted_amount,
        )

        pipeline_stage_summary.additional_properties = d
        return pipeline_stage_summary

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
