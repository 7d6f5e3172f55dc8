from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.personal_data import PersonalData


T = TypeVar("T", bound="EmployeeCreate")


@_attrs_define
class EmployeeCreate:
    """
    Attributes:
        name (str):
        number (str):
        email (None | str | Unset):
        hired_on (datetime.date | None | Unset):
        notes (None | str | Unset):
        org_unit_id (None | Unset | UUID):
        personal (None | PersonalData | Unset):
        phone (None | str | Unset):
        user_id (None | Unset | UUID):
    """

    name: str
    number: str
    email: None | str | Unset = UNSET
    hired_on: datetime.date | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    org_unit_id: None | Unset | UUID = UNSET
    personal: None | PersonalData | Unset = UNSET
    phone: None | str | Unset = UNSET
    user_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.personal_data import PersonalData  # noqa: PLC0415

        name = self.name

        number = self.number

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

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        org_unit_id: None | str | Unset
        if isinstance(self.org_unit_id, Unset):
            org_unit_id = UNSET
        elif isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        personal: dict[str, Any] | None | Unset
        if isinstance(self.personal, Unset):
            personal = UNSET
        elif isinstance(self.personal, PersonalData):
            personal = self.personal.to_dict()
        else:
            personal = self.personal

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
        field_dict.update(
            {
                "name": name,
                "number": number,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if hired_on is not UNSET:
            field_dict["hired_on"] = hired_on
        if notes is not UNSET:
            field_dict["notes"] = notes
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
        from ..models.personal_data import PersonalData  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        number = d.pop("number")

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

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

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

        def _parse_personal(data: object) -> None | PersonalData | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                personal_type_0 = PersonalData.from_dict(data)

                return personal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonalData | Unset, data)

        personal = _parse_personal(d.pop("personal", UNSET))

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

        employee_create = cls(
            name=name,
            number=number,
            email=email,
            hired_on=hired_on,
            notes=notes,
            org_unit_id=org_unit_id,
            personal=personal,
            phone=phone,
            user_id=user_id,
        )

        employee_create.additional_properties = d
        return employee_create

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
