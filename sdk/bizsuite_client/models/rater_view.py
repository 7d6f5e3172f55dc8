from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rater_role import RaterRole, check_rater_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="RaterView")


@_attrs_define
class RaterView:
    """
    Attributes:
        employee_id (None | UUID):
        id (UUID):
        name (str):
        responded_at (datetime.datetime | None):
        role (RaterRole): Who rates: someone in the position (任职者) or their manager (主管).
        invited_at (datetime.datetime | None | Unset):
        reminded_at (datetime.datetime | None | Unset):
        user_id (None | Unset | UUID):
    """

    employee_id: None | UUID
    id: UUID
    name: str
    responded_at: datetime.datetime | None
    role: RaterRole
    invited_at: datetime.datetime | None | Unset = UNSET
    reminded_at: datetime.datetime | None | Unset = UNSET
    user_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        employee_id: None | str
        if isinstance(self.employee_id, UUID):
            employee_id = str(self.employee_id)
        else:
            employee_id = self.employee_id

        id = str(self.id)

        name = self.name

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        role: str = self.role

        invited_at: None | str | Unset
        if isinstance(self.invited_at, Unset):
            invited_at = UNSET
        elif isinstance(self.invited_at, datetime.datetime):
            invited_at = self.invited_at.isoformat()
        else:
            invited_at = self.invited_at

        reminded_at: None | str | Unset
        if isinstance(self.reminded_at, Unset):
            reminded_at = UNSET
        elif isinstance(self.reminded_at, datetime.datetime):
            reminded_at = self.reminded_at.isoformat()
        else:
            reminded_at = self.reminded_at

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "employee_id": employee_id,
                "id": id,
                "name": name,
                "responded_at": responded_at,
                "role": role,
            }
        )
        if invited_at is not UNSET:
            field_dict["invited_at"] = invited_at
        if reminded_at is not UNSET:
            field_dict["reminded_at"] = reminded_at
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_employee_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employee_id_type_0 = UUID(data)

                return employee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        employee_id = _parse_employee_id(d.pop("employee_id"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))

        role = check_rater_role(d.pop("role"))

        def _parse_invited_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invited_at_type_0 = datetime.datetime.fromisoformat(data)

                return invited_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        invited_at = _parse_invited_at(d.pop("invited_at", UNSET))

        def _parse_reminded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminded_at_type_0 = datetime.datetime.fromisoformat(data)

                return reminded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reminded_at = _parse_reminded_at(d.pop("reminded_at", UNSET))

        def _parse_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        rater_view = cls(
            employee_id=employee_id,
            id=id,
            name=name,
            responded_at=responded_at,
            role=role,
            invited_at=invited_at,
            reminded_at=reminded_at,
            user_id=user_id,
        )

        rater_view.additional_properties = d
        return rater_view

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
