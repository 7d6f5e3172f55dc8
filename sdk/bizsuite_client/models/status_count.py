from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contract_status import ContractStatus, check_contract_status
from ..models.direction import Direction, check_direction

T = TypeVar("T", bound="StatusCount")


@_attrs_define
class StatusCount:
    """
    Attributes:
        contracts (int):
        direction (Direction): Income contracts (收入合同) bring money in; expenditure contracts (支出合同) pay it out.
        status (ContractStatus): Where a contract stands in its life.
        value (str):
    """

    contracts: int
    direction: Direction
    status: ContractStatus
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contracts = self.contracts

        direction: str = self.direction

        status: str = self.status

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contracts": contracts,
                "direction": direction,
                "status": status,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contracts = d.pop("contracts")

        direction = check_direction(d.pop("direction"))

        status = check_contract_status(d.pop("status"))

        value = d.pop("value")

        status_count = cls(
            contracts=contracts,
            direction=direction,
            status=status,
            value=value,
        )

        status_count.additional_properties = d
        return status_count

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
