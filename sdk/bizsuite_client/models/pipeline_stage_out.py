from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stage_kind import StageKind, check_stage_kind

T = TypeVar("T", bound="PipelineStageOut")


@_attrs_define
class PipelineStageOut:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        kind (StageKind): Open stages move; won and lost stages close the opportunity.
        name (str):
        position (int):
        probability (int):
        updated_at (datetime.datetime):
        version (int):
    """

    created_at: datetime.datetime
    id: UUID
    kind: StageKind
    name: str
    position: int
    probability: int
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind: str = self.kind

        name = self.name

        position = self.position

        probability = self.probability

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "name": name,
                "position": position,
                "probability": probability,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = check_stage_kind(d.pop("kind"))

        name = d.pop("name")

        position = d.pop("position")

        probability = d.pop("probability")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        pipeline_stage_out = cls(
            created_at=created_at,
            id=id,
            kind=kind,
            name=name,
            position=position,
            probability=probability,
            updated_at=updated_at,
            version=version,
        )

        pipeline_stage_out.additional_properties = d
        return pipeline_stage_out

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
