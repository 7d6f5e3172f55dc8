from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stage_kind import StageKind, check_stage_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PipelineStageCreate")


@_attrs_define
class PipelineStageCreate:
    """
    Attributes:
        name (str):
        probability (int): Win probability in percent.
        kind (StageKind | Unset): Open stages move; won and lost stages close the opportunity.
        position (int | None | Unset): 1-based place in the pipeline.
    """

    name: str
    probability: int
    kind: StageKind | Unset = UNSET
    position: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        probability = self.probability

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "probability": probability,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        probability = d.pop("probability")

        _kind = d.pop("kind", UNSET)
        kind: StageKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_stage_kind(_kind)

        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        pipeline_stage_create = cls(
            name=name,
            probability=probability,
            kind=kind,
            position=position,
        )

        pipeline_stage_create.additional_properties = d
        return pipeline_stage_create

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
