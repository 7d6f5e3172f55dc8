from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeeProfitAudit")


@_attrs_define
class FeeProfitAudit:
    """
    Attributes:
        audited (str): A decimal string, at most 2 decimals.
        audited_on (datetime.date | None | Unset):
    """

    audited: str
    audited_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audited = self.audited

        audited_on: None | str | Unset
        if isinstance(self.audited_on, Unset):
            audited_on = UNSET
        elif isinstance(self.audited_on, datetime.date):
            audited_on = self.audited_on.isoformat()
        else:
            audited_on = self.audited_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audited": audited,
            }
        )
        if audited_on is not UNSET:
            field_dict["audited_on"] = audited_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        audited = d.pop("audited")

        def _parse_audited_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                audited_on_type_0 = datetime.date.fromisoformat(data)

                return audited_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        audited_on = _parse_audited_on(d.pop("audited_on", UNSET))

        fee_profit_audit = cls(
            audited=audited,
            audited_on=audited_on,
        )

        fee_profit_audit.additional_properties = d
        return fee_profit_audit

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
