from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FeesSettingsView")


@_attrs_define
class FeesSettingsView:
    """
    Attributes:
        number_example (str):
        statement_number_pattern (str):
        updated_at (datetime.datetime):
        version (int):
    """

    number_example: str
    statement_number_pattern: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number_example = self.number_example

        statement_number_pattern = self.statement_number_pattern

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number_example": number_example,
                "statement_number_pattern": statement_number_pattern,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number_example = d.pop("number_example")

        statement_number_pattern = d.pop("statement_number_pattern")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        fees_settings_view = cls(
            number_example=number_example,
            statement_number_pattern=statement_number_pattern,
            updated_at=updated_at,
            version=version,
        )

        fees_settings_view.additional_properties = d
        return fees_settings_view

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
