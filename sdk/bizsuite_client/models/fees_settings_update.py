from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeesSettingsUpdate")


@_attrs_define
class FeesSettingsUpdate:
    """
    Attributes:
        statement_number_pattern (str | Unset):
    """

    statement_number_pattern: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        statement_number_pattern: str | Unset
        if isinstance(self.statement_number_pattern, Unset):
            statement_number_pattern = UNSET
        else:
            statement_number_pattern = self.statement_number_pattern

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if statement_number_pattern is not UNSET:
            field_dict["statement_number_pattern"] = statement_number_pattern

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_statement_number_pattern(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        statement_number_pattern = _parse_statement_number_pattern(d.pop("statement_number_pattern", UNSET))

        fees_settings_update = cls(
            statement_number_pattern=statement_number_pattern,
        )

        fees_settings_update.additional_properties = d
        return fees_settings_update

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
