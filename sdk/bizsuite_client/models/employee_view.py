from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.personal_access import PersonalAccess, check_personal_access

if TYPE_CHECKING:
    from ..models.personal_data import PersonalData
    from ..models.position_ref import PositionRef


T = TypeVar("T", bound="EmployeeView")


@_attrs_define
class EmployeeView:
    """
    Attributes:
        created_at (datetime.datetime):
        current_position (None | PositionRef):
        email (None | str):
        hired_on (datetime.date | None):
        id (UUID):
        left_on (datetime.date | None):
        name (str):
        notes (None | str):
        number (str):
        org_unit_id (None | UUID):
        org_unit_name (None | str):
        personal (None | PersonalData):
        personal_access (None | PersonalAccess):
        phone (None | str):
        updated_at (datetime.datetime):
        user_id (None | UUID):
        version (int):
    """

    created_at: datetime.datetime
    current_position: None | PositionRef
    email: None | str
    hired_on: datetime.date | None
    id: UUID
    left_on: datetime.date | None
    name: str
    notes: None | str
    number: str
    org_unit_id: None | UUID
    org_unit_name: None | str
    personal: None | PersonalData
    personal_access: None | PersonalAccess
    phone: None | str
    updated_at: datetime.datetime
    user_id: None | UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.personal_data import PersonalData  # noqa: PLC0415
        from ..models.position_ref import PositionRef  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        current_position: dict[str, Any] | None
        if isinstance(self.current_position, PositionRef):
            current_position = self.current_position.to_dict()
        else:
            current_position = self.current_position

        email: None | str
        email = self.email

        hired_on: None | str
        if isinstance(self.hired_on, datetime.date):
            hired_on = self.hired_on.isoformat()
        else:
            hired_on = self.hired_on

        id = str(self.id)

        left_on: None | str
        if isinstance(self.left_on, datetime.date):
            left_on = self.left_on.isoformat()
        else:
            left_on = self.left_on

        name = self.name

        notes: None | str
        notes = self.notes

        number = self.number

        org_unit_id: None | str
        if isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        org_unit_name: None | str
        org_unit_name = self.org_unit_name

        personal: dict[str, Any] | None
        if isinstance(self.personal, PersonalData):
            personal = self.personal.to_dict()
        else:
            personal = self.personal

        personal_access: None | str
        if isinstance(self.personal_access, str):
            personal_access = self.personal_access
        else:
            personal_access = self.personal_access

        phone: None | str
        phone = self.phone

        updated_at = self.updated_at.isoformat()

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "current_position": current_position,
                "email": email,
                "hired_on": hired_on,
                "id": id,
                "left_on": left_on,
                "name": name,
                "notes": notes,
                "number": number,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "personal": personal,
                "personal_access": personal_access,
                "phone": phone,
                "updated_at": updated_at,
                "user_id": user_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.personal_data import PersonalData  # noqa: PLC0415
        from ..models.position_ref import PositionRef  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_current_position(data: object) -> None | PositionRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_position_type_0 = PositionRef.from_dict(data)

                return current_position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PositionRef, data)

        current_position = _parse_current_position(d.pop("current_position"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_hired_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hired_on_type_0 = datetime.date.fromisoformat(data)

                return hired_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        hired_on = _parse_hired_on(d.pop("hired_on"))

        id = UUID(d.pop("id"))

        def _parse_left_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_on_type_0 = datetime.date.fromisoformat(data)

                return left_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        left_on = _parse_left_on(d.pop("left_on"))

        name = d.pop("name")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        number = d.pop("number")

        def _parse_org_unit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_unit_id_type_0 = UUID(data)

                return org_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        org_unit_id = _parse_org_unit_id(d.pop("org_unit_id"))

        def _parse_org_unit_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        org_unit_name = _parse_org_unit_name(d.pop("org_unit_name"))

        def _parse_personal(data: object) -> None | PersonalData:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                personal_type_0 = PersonalData.from_dict(data)

                return personal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonalData, data)

        personal = _parse_personal(d.pop("personal"))

        def _parse_personal_access(data: object) -> None | PersonalAccess:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                personal_access_type_0 = check_personal_access(data)

                return personal_access_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonalAccess, data)

        personal_access = _parse_personal_access(d.pop("personal_access"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        version = d.pop("version")

        employee_view = cls(
            created_at=created_at,
            current_position=current_position,
            email=email,
            hired_on=hired_on,
            id=id,
            left_on=left_on,
            name=name,
            notes=notes,
            number=number,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            personal=personal,
            personal_access=personal_access,
            phone=phone,
            updated_at=updated_at,
            user_id=user_id,
            version=version,
        )

        employee_view.additional_properties = d
        return employee_view

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
