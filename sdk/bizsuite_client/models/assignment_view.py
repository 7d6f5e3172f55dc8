from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssignmentView")


@_attrs_define
class AssignmentView:
    """
    Attributes:
        current (bool):
        employee_id (UUID):
        ends_on (datetime.date | None):
        id (UUID):
        note (None | str):
        position_code (str):
        position_id (UUID):
        position_title (str):
        starts_on (datetime.date):
    """

    current: bool
    employee_id: UUID
    ends_on: datetime.date | None
    id: UUID
    note: None | str
    position_code: str
    position_id: UUID
    position_title: str
    starts_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current = self.current

        employee_id = str(self.employee_id)

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        id = str(self.id)

        note: None | str
        note = self.note

        position_code = self.position_code

        position_id = str(self.position_id)

        position_title = self.position_title

        starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current": current,
                "employee_id": employee_id,
                "ends_on": ends_on,
                "id": id,
                "note": note,
                "position_code": position_code,
                "position_id": position_id,
                "position_title": position_title,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        current = d.pop("current")

        employee_id = UUID(d.pop("employee_id"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        id = UUID(d.pop("id"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        position_code = d.pop("position_code")

        position_id = UUID(d.pop("position_id"))

        position_title = d.pop("position_title")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        assignment_view = cls(
            current=current,
            employee_id=employee_id,
            ends_on=ends_on,
            id=id,
            note=note,
            position_code=position_code,
            position_id=position_id,
            position_title=position_title,
            starts_on=starts_on,
        )

        assignment_view.additional_properties = d
        return assignment_view

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
