from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DutyCreate")


@_attrs_define
class DutyCreate:
    """
    Attributes:
        content (str):
        excellent (str):
        fair (str):
        good (str):
        poor (str):
        function (None | str | Unset):
        weight (None | str | Unset): Share of the job in percent, above 0 and at most 100 (decimal string).
    """

    content: str
    excellent: str
    fair: str
    good: str
    poor: str
    function: None | str | Unset = UNSET
    weight: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        excellent = self.excellent

        fair = self.fair

        good = self.good

        poor = self.poor

        function: None | str | Unset
        if isinstance(self.function, Unset):
            function = UNSET
        else:
            function = self.function

        weight: None | str | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "excellent": excellent,
                "fair": fair,
                "good": good,
                "poor": poor,
            }
        )
        if function is not UNSET:
            field_dict["function"] = function
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = d.pop("content")

        excellent = d.pop("excellent")

        fair = d.pop("fair")

        good = d.pop("good")

        poor = d.pop("poor")

        def _parse_function(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        function = _parse_function(d.pop("function", UNSET))

        def _parse_weight(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))

        duty_create = cls(
            content=content,
            excellent=excellent,
            fair=fair,
            good=good,
            poor=poor,
            function=function,
            weight=weight,
        )

        duty_create.additional_properties = d
        return duty_create

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
