from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.route_preview_step import RoutePreviewStep


T = TypeVar("T", bound="RoutePreview")


@_attrs_define
class RoutePreview:
    """
    Attributes:
        flow_code (str):
        flow_id (UUID):
        steps (list[RoutePreviewStep]):
    """

    flow_code: str
    flow_id: UUID
    steps: list[RoutePreviewStep]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flow_code = self.flow_code

        flow_id = str(self.flow_id)

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "flow_code": flow_code,
                "flow_id": flow_id,
                "steps": steps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.route_preview_step import RoutePreviewStep  # noqa: PLC0415

        d = dict(src_dict)
        flow_code = d.pop("flow_code")

        flow_id = UUID(d.pop("flow_id"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = RoutePreviewStep.from_dict(steps_item_data)

            steps.append(steps_item)

        route_preview = cls(
            flow_code=flow_code,
            flow_id=flow_id,
            steps=steps,
        )

        route_preview.additional_properties = d
        return route_preview

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
