from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contract_view import ContractView
    from ..models.invoice_view import InvoiceView
    from ..models.plan_milestone_view import PlanMilestoneView
    from ..models.settlement_view import SettlementView


T = TypeVar("T", bound="ContractDetail")


@_attrs_define
class ContractDetail:
    """
    Attributes:
        contract (ContractView):
        invoices (list[InvoiceView]):
        milestones (list[PlanMilestoneView]):
        settlements (list[SettlementView]):
    """

    contract: ContractView
    invoices: list[InvoiceView]
    milestones: list[PlanMilestoneView]
    settlements: list[SettlementView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract = self.contract.to_dict()

        invoices = []
        for invoices_item_data in self.invoices:
            invoices_item = invoices_item_data.to_dict()
            invoices.append(invoices_item)

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)

        settlements = []
        for settlements_item_data in self.settlements:
            settlements_item = settlements_item_data.to_dict()
            settlements.append(settlements_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract": contract,
                "invoices": invoices,
                "milestones": milestones,
                "settlements": settlements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_view import ContractView  # noqa: PLC0415
        from ..models.invoice_view import InvoiceView  # noqa: PLC0415
        from ..models.plan_milestone_view import PlanMilestoneView  # noqa: PLC0415
        from ..models.settlement_view import SettlementView  # noqa: PLC0415

        d = dict(src_dict)
        contract = ContractView.from_dict(d.pop("contract"))

        invoices = []
        _invoices = d.pop("invoices")
        for invoices_item_data in _invoices:
            invoices_item = InvoiceView.from_dict(invoices_item_data)

            invoices.append(invoices_item)

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in _milestones:
            milestones_item = PlanMilestoneView.from_dict(milestones_item_data)

            milestones.append(milestones_item)

        settlements = []
        _settlements = d.pop("settlements")
        for settlements_item_data in _settlements:
            settlements_item = SettlementView.from_dict(settlements_item_data)

            settlements.append(settlements_item)

        contract_detail = cls(
            contract=contract,
            invoices=invoices,
            milestones=milestones,
            settlements=settlements,
        )

        contract_detail.additional_properties = d
        return contract_detail

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
