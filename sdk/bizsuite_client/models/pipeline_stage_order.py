from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PipelineStageOrder")


@_attrs_define
class PipelineStageOrder:
    """
    Attributes:
        stage_ids (list[UUID]):
    """

    stage_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage_ids = []
        for stage_ids_item_data in self.stage_ids:
            stage_ids_item = str(stage_ids_item_data)
            stage_ids.append(stage_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage_ids": stage_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stage_ids = []
        _stage_ids = d.pop("stage_ids")
        for stage_ids_item_data in _stage_ids:
            stage_ids_item = UUID(stage_ids_item_data)

            stage_ids.append(stage_ids_item)

        pipeline_stage_order = cls(
            stage_ids=stage_ids,
        )

        pipeline_stage_order.additional_properties = d
        return pipeline_stage_order

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
