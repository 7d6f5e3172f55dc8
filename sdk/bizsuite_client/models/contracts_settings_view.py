from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.spend_rule import SpendRule, check_spend_rule

if TYPE_CHECKING:
    from ..models.contracts_settings_view_risk_weights import ContractsSettingsViewRiskWeights


T = TypeVar("T", bound="ContractsSettingsView")


@_attrs_define
class ContractsSettingsView:
    """
    Attributes:
        expiry_alert_days (list[int]):
        milestone_alert_days (int):
        number_example (str):
        number_pattern (str):
        qualification_alert_days (int):
        risk_weights (ContractsSettingsViewRiskWeights):
        spend_rule (SpendRule): 以收定支: how a payment beyond what the project received is treated.
        updated_at (datetime.datetime):
        version (int):
    """

    expiry_alert_days: list[int]
    milestone_alert_days: int
    number_example: str
    number_pattern: str
    qualification_alert_days: int
    risk_weights: ContractsSettingsViewRiskWeights
    spend_rule: SpendRule
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expiry_alert_days = self.expiry_alert_days

        milestone_alert_days = self.milestone_alert_days

        number_example = self.number_example

        number_pattern = self.number_pattern

        qualification_alert_days = self.qualification_alert_days

        risk_weights = self.risk_weights.to_dict()

        spend_rule: str = self.spend_rule

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expiry_alert_days": expiry_alert_days,
                "milestone_alert_days": milestone_alert_days,
                "number_example": number_example,
                "number_pattern": number_pattern,
                "qualification_alert_days": qualification_alert_days,
                "risk_weights": risk_weights,
                "spend_rule": spend_rule,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contracts_settings_view_risk_weights import ContractsSettingsViewRiskWeights  # noqa: PLC0415

        d = dict(src_dict)
        expiry_alert_days = cast(list[int], d.pop("expiry_alert_days"))

        milestone_alert_days = d.pop("milestone_alert_days")

        number_example = d.pop("number_example")

        number_pattern = d.pop("number_pattern")

        qualification_alert_days = d.pop("qualification_alert_days")

        risk_weights = ContractsSettingsViewRiskWeights.from_dict(d.pop("risk_weights"))

        spend_rule = check_spend_rule(d.pop("spend_rule"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        contracts_settings_view = cls(
            expiry_alert_days=expiry_alert_days,
            milestone_alert_days=milestone_alert_days,
            number_example=number_example,
            number_pattern=number_pattern,
            qualification_alert_days=qualification_alert_days,
            risk_weights=risk_weights,
            spend_rule=spend_rule,
            updated_at=updated_at,
            version=version,
        )

        contracts_settings_view.additional_properties = d
        return contracts_settings_view

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
