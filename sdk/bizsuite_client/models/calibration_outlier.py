from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CalibrationOutlier")


@_attrs_define
class CalibrationOutlier:
    """
    Attributes:
        appraisal_id (UUID):
        employee_name (str):
        reasons (list[str]):
    """

    appraisal_id: UUID
    employee_name: str
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appraisal_id = str(self.appraisal_id)

        employee_name = self.employee_name

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appraisal_id": appraisal_id,
                "employee_name": employee_name,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appraisal_id = UUID(d.pop("appraisal_id"))

        employee_name = d.pop("employee_name")

        reasons = cast(list[str], d.pop("reasons"))

        calibration_outlier = cls(
            appraisal_id=appraisal_id,
            employee_name=employee_name,
            reasons=reasons,
        )

        calibration_outlier.additional_properties = d
        return calibration_outlier

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
