from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DutyUpdate")


@_attrs_define
class DutyUpdate:
    """
    Attributes:
        content (str | Unset):
        excellent (str | Unset):
        fair (str | Unset):
        function (None | str | Unset):
        good (str | Unset):
        poor (str | Unset):
        seq (int | Unset):
        weight (None | str | Unset): Share of the job in percent, above 0 and at most 100 (decimal string).
    """

    content: str | Unset = UNSET
    excellent: str | Unset = UNSET
    fair: str | Unset = UNSET
    function: None | str | Unset = UNSET
    good: str | Unset = UNSET
    poor: str | Unset = UNSET
    seq: int | Unset = UNSET
    weight: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content: str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        excellent: str | Unset
        if isinstance(self.excellent, Unset):
            excellent = UNSET
        else:
            excellent = self.excellent

        fair: str | Unset
        if isinstance(self.fair, Unset):
            fair = UNSET
        else:
            fair = self.fair

        function: None | str | Unset
        if isinstance(self.function, Unset):
            function = UNSET
        else:
            function = self.function

        good: str | Unset
        if isinstance(self.good, Unset):
            good = UNSET
        else:
            good = self.good

        poor: str | Unset
        if isinstance(self.poor, Unset):
            poor = UNSET
        else:
            poor = self.poor

        seq: int | Unset
        if isinstance(self.seq, Unset):
            seq = UNSET
        else:
            seq = self.seq

        weight: None | str | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if content is not UNSET:
            field_dict["content"] = content
        if excellent is not UNSET:
            field_dict["excellent"] = excellent
        if fair is not UNSET:
            field_dict["fair"] = fair
        if function is not UNSET:
            field_dict["function"] = function
        if good is not UNSET:
            field_dict["good"] = good
        if poor is not UNSET:
            field_dict["poor"] = poor
        if seq is not UNSET:
            field_dict["seq"] = seq
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_content(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        def _parse_excellent(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        excellent = _parse_excellent(d.pop("excellent", UNSET))

        def _parse_fair(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        fair = _parse_fair(d.pop("fair", UNSET))

        def _parse_function(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        function = _parse_function(d.pop("function", UNSET))

        def _parse_good(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        good = _parse_good(d.pop("good", UNSET))

        def _parse_poor(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        poor = _parse_poor(d.pop("poor", UNSET))

        def _parse_seq(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        seq = _parse_seq(d.pop("seq", UNSET))

        def _parse_weight(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))

        duty_update = cls(
            content=content,
            excellent=excellent,
            fair=fair,
            function=function,
            good=good,
            poor=poor,
            seq=seq,
            weight=weight,
        )

        duty_update.additional_properties = d
        return duty_update

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
