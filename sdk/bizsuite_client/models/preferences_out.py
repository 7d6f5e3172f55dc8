from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.severity import Severity, check_severity

T = TypeVar("T", bound="PreferencesOut")


@_attrs_define
class PreferencesOut:
    """
    Attributes:
        email_enabled (bool):
        email_min_severity (Severity): How urgent an alert is, mildest first.
        muted_types (list[str]):
        sms_enabled (bool):
        sms_min_severity (Severity): How urgent an alert is, mildest first.
        sms_number (None | str):
        user_id (UUID):
        version (int):
    """

    email_enabled: bool
    email_min_severity: Severity
    muted_types: list[str]
    sms_enabled: bool
    sms_min_severity: Severity
    sms_number: None | str
    user_id: UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_enabled = self.email_enabled

        email_min_severity: str = self.email_min_severity

        muted_types = self.muted_types

        sms_enabled = self.sms_enabled

        sms_min_severity: str = self.sms_min_severity

        sms_number: None | str
        sms_number = self.sms_number

        user_id = str(self.user_id)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email_enabled": email_enabled,
                "email_min_severity": email_min_severity,
                "muted_types": muted_types,
                "sms_enabled": sms_enabled,
                "sms_min_severity": sms_min_severity,
                "sms_number": sms_number,
                "user_id": user_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_enabled = d.pop("email_enabled")

        email_min_severity = check_severity(d.pop("email_min_severity"))

        muted_types = cast(list[str], d.pop("muted_types"))

        sms_enabled = d.pop("sms_enabled")

        sms_min_severity = check_severity(d.pop("sms_min_severity"))

        def _parse_sms_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sms_number = _parse_sms_number(d.pop("sms_number"))

        user_id = UUID(d.pop("user_id"))

        version = d.pop("version")

        preferences_out = cls(
            email_enabled=email_enabled,
            email_min_severity=email_min_severity,
            muted_types=muted_types,
            sms_enabled=sms_enabled,
            sms_min_severity=sms_min_severity,
            sms_number=sms_number,
            user_id=user_id,
            version=version,
        )

        preferences_out.additional_properties = d
        return preferences_out

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
