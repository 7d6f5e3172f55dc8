from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DutyView")


@_attrs_define
class DutyView:
    """
    Attributes:
        content (str):
        excellent (str):
        fair (str):
        function (None | str):
        good (str):
        id (UUID):
        poor (str):
        seq (int):
        weight (None | str):
    """

    content: str
    excellent: str
    fair: str
    function: None | str
    good: str
    id: UUID
    poor: str
    seq: int
    weight: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        excellent = self.excellent

        fair = self.fair

        function: None | str
        function = self.function

        good = self.good

        id = str(self.id)

        poor = self.poor

        seq = self.seq

        weight: None | str
        weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "excellent": excellent,
                "fair": fair,
                "function": function,
                "good": good,
                "id": id,
                "poor": poor,
                "seq": seq,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = d.pop("content")

        excellent = d.pop("excellent")

        fair = d.pop("fair")

        def _parse_function(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        function = _parse_function(d.pop("function"))

        good = d.pop("good")

        id = UUID(d.pop("id"))

        poor = d.pop("poor")

        seq = d.pop("seq")

        def _parse_weight(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        weight = _parse_weight(d.pop("weight"))

        duty_view = cls(
            content=content,
            excellent=excellent,
            fair=fair,
            function=function,
            good=good,
            id=id,
            poor=poor,
            seq=seq,
            weight=weight,
        )

        duty_view.additional_properties = d
        return duty_view

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
