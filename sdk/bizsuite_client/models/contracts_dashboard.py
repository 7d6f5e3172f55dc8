from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contracts_dashboard_formulas import ContractsDashboardFormulas
    from ..models.direction_totals import DirectionTotals
    from ..models.expiring_contract import ExpiringContract
    from ..models.status_count import StatusCount


T = TypeVar("T", bound="ContractsDashboard")


@_attrs_define
class ContractsDashboard:
    """
    Attributes:
        as_of (datetime.date):
        by_status (list[StatusCount]):
        expiring_30 (list[ExpiringContract]):
        expiring_60 (list[ExpiringContract]):
        expiring_90 (list[ExpiringContract]):
        formulas (ContractsDashboardFormulas):
        payable (DirectionTotals):
        receivable (DirectionTotals):
    """

    as_of: datetime.date
    by_status: list[StatusCount]
    expiring_30: list[ExpiringContract]
    expiring_60: list[ExpiringContract]
    expiring_90: list[ExpiringContract]
    formulas: ContractsDashboardFormulas
    payable: DirectionTotals
    receivable: DirectionTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        by_status = []
        for by_status_item_data in self.by_status:
            by_status_item = by_status_item_data.to_dict()
            by_status.append(by_status_item)

        expiring_30 = []
        for expiring_30_item_data in self.expiring_30:
            expiring_30_item = expiring_30_item_data.to_dict()
            expiring_30.append(expiring_30_item)

        expiring_60 = []
        for expiring_60_item_data in self.expiring_60:
            expiring_60_item = expiring_60_item_data.to_dict()
            expiring_60.append(expiring_60_item)

        expiring_90 = []
        for expiring_90_item_data in self.expiring_90:
            expiring_90_item = expiring_90_item_data.to_dict()
            expiring_90.append(expiring_90_item)

        formulas = self.formulas.to_dict()

        payable = self.payable.to_dict()

        receivable = self.receivable.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "by_status": by_status,
                "expiring_30": expiring_30,
                "expiring_60": expiring_60,
                "expiring_90": expiring_90,
                "formulas": formulas,
                "payable": payable,
                "receivable": receivable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contracts_dashboard_formulas import ContractsDashboardFormulas  # noqa: PLC0415
        from ..models.direction_totals import DirectionTotals  # noqa: PLC0415
        from ..models.expiring_contract import ExpiringContract  # noqa: PLC0415
        from ..models.status_count import StatusCount  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        by_status = []
        _by_status = d.pop("by_status")
        for by_status_item_data in _by_status:
            by_status_item = StatusCount.from_dict(by_status_item_data)

            by_status.append(by_status_item)

        expiring_30 = []
        _expiring_30 = d.pop("expiring_30")
        for expiring_30_item_data in _expiring_30:
            expiring_30_item = ExpiringContract.from_dict(expiring_30_item_data)

            expiring_30.append(expiring_30_item)

        expiring_60 = []
        _expiring_60 = d.pop("expiring_60")
        for expiring_60_item_data in _expiring_60:
            expiring_60_item = ExpiringContract.from_dict(expiring_60_item_data)

            expiring_60.append(expiring_60_item)

        expiring_90 = []
        _expiring_90 = d.pop("expiring_90")
        for expiring_90_item_data in _expiring_90:
            expiring_90_item = ExpiringContract.from_dict(expiring_90_item_data)

            expiring_90.append(expiring_90_item)

        formulas = ContractsDashboardFormulas.from_dict(d.pop("formulas"))

        payable = DirectionTotals.from_dict(d.pop("payable"))

        receivable = DirectionTotals.from_dict(d.pop("receivable"))

        contracts_dashboard = cls(
            as_of=as_of,
            by_status=by_status,
            expiring_30=expiring_30,
            expiring_60=expiring_60,
            expiring_90=expiring_90,
            formulas=formulas,
            payable=payable,
            receivable=receivable,
        )

        contracts_dashboard.additional_properties = d
        return contracts_dashboard

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
