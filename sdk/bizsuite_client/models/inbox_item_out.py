from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.alert_out import AlertOut


T = TypeVar("T", bound="InboxItemOut")


@_attrs_define
class InboxItemOut:
    """
    Attributes:
        alert (AlertOut):
        created_at (datetime.datetime):
        id (UUID):
        read_at (datetime.datetime | None):
        user_id (UUID):
    """

    alert: AlertOut
    created_at: datetime.datetime
    id: UUID
    read_at: datetime.datetime | None
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alert = self.alert.to_dict()

        created_at = self.created_at.isoformat()

        id = str(self.id)

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alert": alert,
                "created_at": created_at,
                "id": id,
                "read_at": read_at,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert_out import AlertOut  # noqa: PLC0415

        d = dict(src_dict)
        alert = AlertOut.from_dict(d.pop("alert"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)

                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))

        user_id = UUID(d.pop("user_id"))

        inbox_item_out = cls(
            alert=alert,
            created_at=created_at,
            id=id,
            read_at=read_at,
            user_id=user_id,
        )

        inbox_item_out.additional_properties = d
        return inbox_item_out

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
