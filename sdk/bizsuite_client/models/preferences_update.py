from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.severity import Severity, check_severity
from ..types import UNSET, Unset

T = TypeVar("T", bound="PreferencesUpdate")


@_attrs_define
class PreferencesUpdate:
    """
    Attributes:
        email_enabled (bool | Unset):
        email_min_severity (Severity | Unset): How urgent an alert is, mildest first.
        muted_types (list[str] | Unset):
        sms_enabled (bool | Unset):
        sms_min_severity (Severity | Unset): How urgent an alert is, mildest first.
        sms_number (None | str | Unset):
    """

    email_enabled: bool | Unset = UNSET
    email_min_severity: Severity | Unset = UNSET
    muted_types: list[str] | Unset = UNSET
    sms_enabled: bool | Unset = UNSET
    sms_min_severity: Severity | Unset = UNSET
    sms_number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_enabled: bool | Unset
        if isinstance(self.email_enabled, Unset):
            email_enabled = UNSET
        else:
            email_enabled = self.email_enabled

        email_min_severity: str | Unset = UNSET
        if not isinstance(self.email_min_severity, Unset):
            email_min_severity = self.email_min_severity

        muted_types: list[str] | Unset
        if isinstance(self.muted_types, Unset):
            muted_types = UNSET
        else:
            muted_types = self.muted_types

        sms_enabled: bool | Unset
        if isinstance(self.sms_enabled, Unset):
            sms_enabled = UNSET
        else:
            sms_enabled = self.sms_enabled

        sms_min_severity: str | Unset = UNSET
        if not isinstance(self.sms_min_severity, Unset):
            sms_min_severity = self.sms_min_severity

        sms_number: None | str | Unset
        if isinstance(self.sms_number, Unset):
            sms_number = UNSET
        else:
            sms_number = self.sms_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email_enabled is not UNSET:
            field_dict["email_enabled"] = email_enabled
        if email_min_severity is not UNSET:
            field_dict["email_min_severity"] = email_min_severity
        if muted_types is not UNSET:
            field_dict["muted_types"] = muted_types
        if sms_enabled is not UNSET:
            field_dict["sms_enabled"] = sms_enabled
        if sms_min_severity is not UNSET:
            field_dict["sms_min_severity"] = sms_min_severity
        if sms_number is not UNSET:
            field_dict["sms_number"] = sms_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_email_enabled(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        email_enabled = _parse_email_enabled(d.pop("email_enabled", UNSET))

        _email_min_severity = d.pop("email_min_severity", UNSET)
        email_min_severity: Severity | Unset
        if isinstance(_email_min_severity, Unset):
            email_min_severity = UNSET
        else:
            email_min_severity = check_severity(_email_min_severity)

        def _parse_muted_types(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            muted_types_type_0 = cast(list[str], data)

            return muted_types_type_0

        muted_types = _parse_muted_types(d.pop("muted_types", UNSET))

        def _parse_sms_enabled(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        sms_enabled = _parse_sms_enabled(d.pop("sms_enabled", UNSET))

        _sms_min_severity = d.pop("sms_min_severity", UNSET)
        sms_min_severity: Severity | Unset
        if isinstance(_sms_min_severity, Unset):
            sms_min_severity = UNSET
        else:
            sms_min_severity = check_severity(_sms_min_severity)

        def _parse_sms_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sms_number = _parse_sms_number(d.pop("sms_number", UNSET))

        preferences_update = cls(
            email_enabled=email_enabled,
            email_min_severity=email_min_severity,
            muted_types=muted_types,
            sms_enabled=sms_enabled,
            sms_min_severity=sms_min_severity,
            sms_number=sms_number,
        )

        preferences_update.additional_properties = d
        return preferences_update

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
