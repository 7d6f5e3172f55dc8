from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeePayerUpdate")


@_attrs_define
class FeePayerUpdate:
    """
    Attributes:
        excluded_reason (None | str | Unset):
        included (bool | Unset):  Default: False.
        payer (bool | Unset):  Default: True.
        wholly_owned (bool | Unset):  Default: True.
    """

    excluded_reason: None | str | Unset = UNSET
    included: bool | Unset = False
    payer: bool | Unset = True
    wholly_owned: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        excluded_reason: None | str | Unset
        if isinstance(self.excluded_reason, Unset):
            excluded_reason = UNSET
        else:
            excluded_reason = self.excluded_reason

        included = self.included

        payer = self.payer

        wholly_owned = self.wholly_owned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if excluded_reason is not UNSET:
            field_dict["excluded_reason"] = excluded_reason
        if included is not UNSET:
            field_dict["included"] = included
        if payer is not UNSET:
            field_dict["payer"] = payer
        if wholly_owned is not UNSET:
            field_dict["wholly_owned"] = wholly_owned

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_excluded_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        excluded_reason = _parse_excluded_reason(d.pop("excluded_reason", UNSET))

        included = d.pop("included", UNSET)

        payer = d.pop("payer", UNSET)

        wholly_owned = d.pop("wholly_owned", UNSET)

        fee_payer_update = cls(
            excluded_reason=excluded_reason,
            included=included,
            payer=payer,
            wholly_owned=wholly_owned,
        )

        fee_payer_update.additional_properties = d
        return fee_payer_update

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
