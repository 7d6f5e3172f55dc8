from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.appraisal_summary import AppraisalSummary


T = TypeVar("T", bound="CalibrationGroup")


@_attrs_define
class CalibrationGroup:
    """
    Attributes:
        appraisals (list[AppraisalSummary]):
        org_unit_id (UUID):
        org_unit_name (str):
    """

    appraisals: list[AppraisalSummary]
    org_unit_id: UUID
    org_unit_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appraisals = []
        for appraisals_item_data in self.appraisals:
            appraisals_item = appraisals_item_data.to_dict()
            appraisals.append(appraisals_item)

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appraisals": appraisals,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appraisal_summary import AppraisalSummary  # noqa: PLC0415

        d = dict(src_dict)
        appraisals = []
        _appraisals = d.pop("appraisals")
        for appraisals_item_data in _appraisals:
            appraisals_item = AppraisalSummary.from_dict(appraisals_item_data)

            appraisals.append(appraisals_item)

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        calibration_group = cls(
            appraisals=appraisals,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
        )

        calibration_group.additional_properties = d
        return calibration_group

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
