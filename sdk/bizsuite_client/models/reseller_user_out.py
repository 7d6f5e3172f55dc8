from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResellerUserOut")


@_attrs_define
class ResellerUserOut:
    """
    Attributes:
        active (bool):
        created_at (datetime.datetime):
        email (str):
        has_password (bool):
        id (UUID):
        locale (None | str):
        name (str):
        reseller_id (UUID):
        set_password_link (None | str | Unset):
    """

    active: bool
    created_at: datetime.datetime
    email: str
    has_password: bool
    id: UUID
    locale: None | str
    name: str
    reseller_id: UUID
    set_password_link: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        email = self.email

        has_password = self.has_password

        id = str(self.id)

        locale: None | str
        locale = self.locale

        name = self.name

        reseller_id = str(self.reseller_id)

        set_password_link: None | str | Unset
        if isinstance(self.set_password_link, Unset):
            set_password_link = UNSET
        else:
            set_password_link = self.set_password_link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "created_at": created_at,
                "email": email,
                "has_password": has_password,
                "id": id,
                "locale": locale,
                "name": name,
                "reseller_id": reseller_id,
            }
        )
        if set_password_link is not UNSET:
            field_dict["set_password_link"] = set_password_link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        has_password = d.pop("has_password")

        id = UUID(d.pop("id"))

        def _parse_locale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        locale = _parse_locale(d.pop("locale"))

        name = d.pop("name")

        reseller_id = UUID(d.pop("reseller_id"))

        def _parse_set_password_link(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        set_password_link = _parse_set_password_link(d.pop("set_password_link", UNSET))

        reseller_user_out = cls(
            active=active,
            created_at=created_at,
            email=email,
            has_password=has_password,
            id=id,
            locale=locale,
            name=name,
            reseller_id=reseller_id,
            set_password_link=set_password_link,
        )

        reseller_user_out.additional_properties = d
        return reseller_user_out

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
