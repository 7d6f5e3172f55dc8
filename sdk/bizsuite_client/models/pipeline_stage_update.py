from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stage_kind import StageKind, check_stage_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PipelineStageUpdate")


@_attrs_define
class PipelineStageUpdate:
    """
    Attributes:
        kind (StageKind | Unset): Open stages move; won and lost stages close the opportunity.
        name (str | Unset):
        position (int | Unset): 1-based place in the pipeline.
        probability (int | Unset): Win probability in percent.
    """

    kind: StageKind | Unset = UNSET
    name: str | Unset = UNSET
    position: int | Unset = UNSET
    probability: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        position: int | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        probability: int | Unset
        if isinstance(self.probability, Unset):
            probability = UNSET
        else:
            probability = self.probability

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if position is not UNSET:
            field_dict["position"] = position
        if probability is not UNSET:
            field_dict["probability"] = probability

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: StageKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_stage_kind(_kind)

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_position(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_probability(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        probability = _parse_probability(d.pop("probability", UNSET))

        pipeline_stage_update = cls(
            kind=kind,
            name=name,
            position=position,
            probability=probability,
        )

        pipeline_stage_update.additional_properties = d
        return pipeline_stage_update

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
