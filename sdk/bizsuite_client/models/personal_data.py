from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonalData")


@_attrs_define
class PersonalData:
    """
    Attributes:
        birth_date (datetime.date | None | Unset):
        emergency_contact (None | str | Unset):
        emergency_phone (None | str | Unset):
        home_address (None | str | Unset):
        id_number (None | str | Unset):
        personal_phone (None | str | Unset):
    """

    birth_date: datetime.date | None | Unset = UNSET
    emergency_contact: None | str | Unset = UNSET
    emergency_phone: None | str | Unset = UNSET
    home_address: None | str | Unset = UNSET
    id_number: None | str | Unset = UNSET
    personal_phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        emergency_contact: None | str | Unset
        if isinstance(self.emergency_contact, Unset):
            emergency_contact = UNSET
        else:
            emergency_contact = self.emergency_contact

        emergency_phone: None | str | Unset
        if isinstance(self.emergency_phone, Unset):
            emergency_phone = UNSET
        else:
            emergency_phone = self.emergency_phone

        home_address: None | str | Unset
        if isinstance(self.home_address, Unset):
            home_address = UNSET
        else:
            home_address = self.home_address

        id_number: None | str | Unset
        if isinstance(self.id_number, Unset):
            id_number = UNSET
        else:
            id_number = self.id_number

        personal_phone: None | str | Unset
        if isinstance(self.personal_phone, Unset):
            personal_phone = UNSET
        else:
            personal_phone = self.personal_phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if emergency_contact is not UNSET:
            field_dict["emergency_contact"] = emergency_contact
        if emergency_phone is not UNSET:
            field_dict["emergency_phone"] = emergency_phone
        if home_address is not UNSET:
            field_dict["home_address"] = home_address
        if id_number is not UNSET:
            field_dict["id_number"] = id_number
        if personal_phone is not UNSET:
            field_dict["personal_phone"] = personal_phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        def _parse_emergency_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        emergency_contact = _parse_emergency_contact(d.pop("emergency_contact", UNSET))

        def _parse_emergency_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        emergency_phone = _parse_emergency_phone(d.pop("emergency_phone", UNSET))

        def _parse_home_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        home_address = _parse_home_address(d.pop("home_address", UNSET))

        def _parse_id_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_number = _parse_id_number(d.pop("id_number", UNSET))

        def _parse_personal_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        personal_phone = _parse_personal_phone(d.pop("personal_phone", UNSET))

        personal_data = cls(
            birth_date=birth_date,
            emergency_contact=emergency_contact,
            emergency_phone=emergency_phone,
            home_address=home_address,
            id_number=id_number,
            personal_phone=personal_phone,
        )

        personal_data.additional_properties = d
        return personal_data

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
