from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HolderView")


@_attrs_define
class HolderView:
    """
    Attributes:
        assignment_id (UUID):
        employee_id (UUID):
        employee_name (str):
        employee_number (str):
        starts_on (datetime.date):
    """

    assignment_id: UUID
    employee_id: UUID
    employee_name: str
    employee_number: str
    starts_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assignment_id = str(self.assignment_id)

        employee_id = str(self.employee_id)

        employee_name = self.employee_name

        employee_number = self.employee_number

        starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignment_id": assignment_id,
                "employee_id": employee_id,
                "employee_name": employee_name,
                "employee_number": employee_number,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assignment_id = UUID(d.pop("assignment_id"))

        employee_id = UUID(d.pop("employee_id"))

        employee_name = d.pop("employee_name")

        employee_number = d.pop("employee_number")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        holder_view = cls(
            assignment_id=assignment_id,
            employee_id=employee_id,
            employee_name=employee_name,
            employee_number=employee_number,
            starts_on=starts_on,
        )

        holder_view.additional_properties = d
        return holder_view

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
