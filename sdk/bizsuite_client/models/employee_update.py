from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.personal_data_update import PersonalDataUpdate


T = TypeVar("T", bound="EmployeeUpdate")


@_attrs_define
class EmployeeUpdate:
    """
    Attributes:
        email (None | str | Unset):
        hired_on (datetime.date | None | Unset):
        left_on (datetime.date | None | Unset):
        name (str | Unset):
        notes (None | str | Unset):
        number (str | Unset):
        org_unit_id (None | Unset | UUID):
        personal (PersonalDataUpdate | Unset):
        phone (None | str | Unset):
        user_id (None | Unset | UUID):
    """

    email: None | str | Unset = UNSET
    hired_on: datetime.date | None | Unset = UNSET
    left_on: datetime.date | None | Unset = UNSET
    name: str | Unset = UNSET
    notes: None | str | Unset = UNSET
    number: str | Unset = UNSET
    org_unit_id: None | Unset | UUID = UNSET
    personal: PersonalDataUpdate | Unset = UNSET
    phone: None | str | Unset = UNSET
    user_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        hired_on: None | str | Unset
        if isinstance(self.hired_on, Unset):
            hired_on = UNSET
        elif isinstance(self.hired_on, datetime.date):
            hired_on = self.hired_on.isoformat()
        else:
            hired_on = self.hired_on

        left_on: None | str | Unset
        if isinstance(self.left_on, Unset):
            left_on = UNSET
        elif isinstance(self.left_on, datetime.date):
            left_on = self.left_on.isoformat()
        else:
            left_on = self.left_on

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        number: str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        org_unit_id: None | str | Unset
        if isinstance(self.org_unit_id, Unset):
            org_unit_id = UNSET
        elif isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        personal: dict[str, Any] | Unset = UNSET
        if not isinstance(self.personal, Unset):
            personal = self.personal.to_dict()

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if hired_on is not UNSET:
            field_dict["hired_on"] = hired_on
        if left_on is not UNSET:
            field_dict["left_on"] = left_on
        if name is not UNSET:
            field_dict["name"] = name
        if notes is not UNSET:
            field_dict["notes"] = notes
        if number is not UNSET:
            field_dict["number"] = number
        if org_unit_id is not UNSET:
            field_dict["org_unit_id"] = org_unit_id
        if personal is not UNSET:
            field_dict["personal"] = personal
        if phone is not UNSET:
            field_dict["phone"] = phone
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.personal_data_update import PersonalDataUpdate  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_hired_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hired_on_type_0 = datetime.date.fromisoformat(data)

                return hired_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        hired_on = _parse_hired_on(d.pop("hired_on", UNSET))

        def _parse_left_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_on_type_0 = datetime.date.fromisoformat(data)

                return left_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        left_on = _parse_left_on(d.pop("left_on", UNSET))

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_number(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_org_unit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_unit_id_type_0 = UUID(data)

                return org_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        org_unit_id = _parse_org_unit_id(d.pop("org_unit_id", UNSET))

        _personal = d.pop("personal", UNSET)
        personal: PersonalDataUpdate | Unset
        if isinstance(_personal, Unset):
            personal = UNSET
        else:
            personal = PersonalDataUpdate.from_dict(_personal)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

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

        employee_update = cls(
            email=email,
            hired_on=hired_on,
            left_on=left_on,
            name=name,
            notes=notes,
            number=number,
            org_unit_id=org_unit_id,
            personal=personal,
            phone=phone,
            user_id=user_id,
        )

        employee_update.additional_properties = d
        return employee_update

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
