from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LedgerRow")


@_attrs_define
class LedgerRow:
    """
    Attributes:
        contracts (int):
        key (str):
        label (str):
        open_ (str):
        settled (str):
        value (str):
    """

    contracts: int
    key: str
    label: str
    open_: str
    settled: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contracts = self.contracts

        key = self.key

        label = self.label

        open_ = self.open_

        settled = self.settled

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contracts": contracts,
                "key": key,
                "label": label,
                "open": open_,
                "settled": settled,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contracts = d.pop("contracts")

        key = d.pop("key")

        label = d.pop("label")

        open_ = d.pop("open")

        settled = d.pop("settled")

        value = d.pop("value")

        ledger_row = cls(
            contracts=contracts,
            key=key,
            label=label,
            open_=open_,
            settled=settled,
            value=value,
        )

        ledger_row.additional_properties = d
        return ledger_row

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
