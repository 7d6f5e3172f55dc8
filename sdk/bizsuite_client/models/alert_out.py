from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.severity import Severity, check_severity

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="AlertOut")


@_attrs_define
class AlertOut:
    """
    Attributes:
        body (None | str):
        created_at (datetime.datetime):
        data (JsonObject): A JSON object with free-form keys.
        dedup_key (str):
        due_at (datetime.datetime | None):
        href (None | str):
        id (UUID):
        severity (Severity): How urgent an alert is, mildest first.
        target_id (None | UUID):
        target_type (None | str):
        title (str):
        type_ (str):
        type_label (str):
    """

    body: None | str
    created_at: datetime.datetime
    data: JsonObject
    dedup_key: str
    due_at: datetime.datetime | None
    href: None | str
    id: UUID
    severity: Severity
    target_id: None | UUID
    target_type: None | str
    title: str
    type_: str
    type_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body: None | str
        body = self.body

        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        dedup_key = self.dedup_key

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        href: None | str
        href = self.href

        id = str(self.id)

        severity: str = self.severity

        target_id: None | str
        if isinstance(self.target_id, UUID):
            target_id = str(self.target_id)
        else:
            target_id = self.target_id

        target_type: None | str
        target_type = self.target_type

        title = self.title

        type_ = self.type_

        type_label = self.type_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "created_at": created_at,
                "data": data,
                "dedup_key": dedup_key,
                "due_at": due_at,
                "href": href,
                "id": id,
                "severity": severity,
                "target_id": target_id,
                "target_type": target_type,
                "title": title,
                "type": type_,
                "type_label": type_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_object import JsonObject  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body = _parse_body(d.pop("body"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        data = JsonObject.from_dict(d.pop("data"))

        dedup_key = d.pop("dedup_key")

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        def _parse_href(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        href = _parse_href(d.pop("href"))

        id = UUID(d.pop("id"))

        severity = check_severity(d.pop("severity"))

        def _parse_target_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_id_type_0 = UUID(data)

                return target_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        target_id = _parse_target_id(d.pop("target_id"))

        def _parse_target_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_type = _parse_target_type(d.pop("target_type"))

        title = d.pop("title")

        type_ = d.pop("type")

        type_label = d.pop("type_label")

        alert_out = cls(
            body=body,
            created_at=created_at,
            data=data,
            dedup_key=dedup_key,
            due_at=due_at,
            href=href,
            id=id,
            severity=severity,
            target_id=target_id,
            target_type=target_type,
            title=title,
            type_=type_,
            type_label=type_label,
        )

        alert_out.additional_properties = d
        return alert_out

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
