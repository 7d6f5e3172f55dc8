from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.customer_risk_weights import CustomerRiskWeights
    from ..models.risk_reason_view import RiskReasonView


T = TypeVar("T", bound="CustomerRisk")


@_attrs_define
class CustomerRisk:
    """
    Attributes:
        account_id (UUID):
        account_name (str):
        as_of (datetime.date):
        formula (str):
        reasons (list[RiskReasonView]):
        score (int):
        weights (CustomerRiskWeights):
    """

    account_id: UUID
    account_name: str
    as_of: datetime.date
    formula: str
    reasons: list[RiskReasonView]
    score: int
    weights: CustomerRiskWeights
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        account_name = self.account_name

        as_of = self.as_of.isoformat()

        formula = self.formula

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        score = self.score

        weights = self.weights.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "account_name": account_name,
                "as_of": as_of,
                "formula": formula,
                "reasons": reasons,
                "score": score,
                "weights": weights,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_risk_weights import CustomerRiskWeights  # noqa: PLC0415
        from ..models.risk_reason_view import RiskReasonView  # noqa: PLC0415

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        account_name = d.pop("account_name")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        formula = d.pop("formula")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = RiskReasonView.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        score = d.pop("score")

        weights = CustomerRiskWeights.from_dict(d.pop("weights"))

        customer_risk = cls(
            account_id=account_id,
            account_name=account_name,
            as_of=as_of,
            formula=formula,
            reasons=reasons,
            score=score,
            weights=weights,
        )

        customer_risk.additional_properties = d
        return customer_risk

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
