from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.appraisal_level import AppraisalLevel, check_appraisal_level
from ..models.cycle_status import CycleStatus, check_cycle_status

T = TypeVar("T", bound="AppraisalSummary")


@_attrs_define
class AppraisalSummary:
    """
    Attributes:
        cycle_id (UUID):
        cycle_name (str):
        cycle_status (CycleStatus): Where an appraisal cycle stands: a draft, open for scores, closed (scores locked).
        employee_id (UUID):
        employee_name (str):
        employee_number (str):
        ends_on (datetime.date):
        final_level (AppraisalLevel | None):
        final_reason (None | str):
        id (UUID):
        manager_formula (str):
        manager_level (AppraisalLevel | None):
        manager_score (None | str):
        org_unit_id (UUID):
        org_unit_name (str):
        position_code (str):
        position_id (UUID):
        position_title (str):
        result_level (AppraisalLevel | None):
        scored (int):
        self_level (AppraisalLevel | None):
        self_score (None | str):
        starts_on (datetime.date):
        total (int):
        version (int):
    """

    cycle_id: UUID
    cycle_name: str
    cycle_status: CycleStatus
    employee_id: UUID
    employee_name: str
    employee_number: str
    ends_on: datetime.date
    final_level: AppraisalLevel | None
    final_reason: None | str
    id: UUID
    manager_formula: str
    manager_level: AppraisalLevel | None
    manager_score: None | str
    org_unit_id: UUID
    org_unit_name: str
    position_code: str
    position_id: UUID
    position_title: str
    result_level: AppraisalLevel | None
    scored: int
    self_level: AppraisalLevel | None
    self_score: None | str
    starts_on: datetime.date
    total: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cycle_id = str(self.cycle_id)

        cycle_name = self.cycle_name

        cycle_status: str = self.cycle_status

        employee_id = str(self.employee_id)

        employee_name = self.employee_name

        employee_number = self.employee_number

        ends_on = self.ends_on.isoformat()

        final_level: None | str
        if isinstance(self.final_level, str):
            final_level = self.final_level
        else:
            final_level = self.final_level

        final_reason: None | str
        final_reason = self.final_reason

        id = str(self.id)

        manager_formula = self.manager_formula

        manager_level: None | str
        if isinstance(self.manager_level, str):
            manager_level = self.manager_level
        else:
            manager_level = self.manager_level

        manager_score: None | str
        manager_score = self.manager_score

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        position_code = self.position_code

        position_id = str(self.position_id)

        position_title = self.position_title

        result_level: None | str
        if isinstance(self.result_level, str):
            result_level = self.result_level
        else:
            result_level = self.result_level

        scored = self.scored

        self_level: None | str
        if isinstance(self.self_level, str):
            self_level = self.self_level
        else:
            self_level = self.self_level

        self_score: None | str
        self_score = self.self_score

        starts_on = self.starts_on.isoformat()

        total = self.total

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cycle_id": cycle_id,
                "cycle_name": cycle_name,
                "cycle_status": cycle_status,
                "employee_id": employee_id,
                "employee_name": employee_name,
                "employee_number": employee_number,
                "ends_on": ends_on,
                "final_level": final_level,
                "final_reason": final_reason,
                "id": id,
                "manager_formula": manager_formula,
                "manager_level": manager_level,
                "manager_score": manager_score,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "position_code": position_code,
                "position_id": position_id,
                "position_title": position_title,
                "result_level": result_level,
                "scored": scored,
                "self_level": self_level,
                "self_score": self_score,
                "starts_on": starts_on,
                "total": total,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cycle_id = UUID(d.pop("cycle_id"))

        cycle_name = d.pop("cycle_name")

        cycle_status = check_cycle_status(d.pop("cycle_status"))

        employee_id = UUID(d.pop("employee_id"))

        employee_name = d.pop("employee_name")

        employee_number = d.pop("employee_number")

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        def _parse_final_level(data: object) -> AppraisalLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                final_level_type_0 = check_appraisal_level(data)

                return final_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppraisalLevel | None, data)

        final_level = _parse_final_level(d.pop("final_level"))

        def _parse_final_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        final_reason = _parse_final_reason(d.pop("final_reason"))

        id = UUID(d.pop("id"))

        manager_formula = d.pop("manager_formula")

        def _parse_manager_level(data: object) -> AppraisalLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                manager_level_type_0 = check_appraisal_level(data)

                return manager_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppraisalLevel | None, data)

        manager_level = _parse_manager_level(d.pop("manager_level"))

        def _parse_manager_score(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        manager_score = _parse_manager_score(d.pop("manager_score"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        position_code = d.pop("position_code")

        position_id = UUID(d.pop("position_id"))

        position_title = d.pop("position_title")

        def _parse_result_level(data: object) -> AppraisalLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_level_type_0 = check_appraisal_level(data)

                return result_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppraisalLevel | None, data)

        result_level = _parse_result_level(d.pop("result_level"))

        scored = d.pop("scored")

        def _parse_self_level(data: object) -> AppraisalLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                self_level_type_0 = check_appraisal_level(data)

                return self_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppraisalLevel | None, data)

        self_level = _parse_self_level(d.pop("self_level"))

        def _parse_self_score(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        self_score = _parse_self_score(d.pop("self_score"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        total = d.pop("total")

        version = d.pop("version")

        appraisal_summary = cls(
            cycle_id=cycle_id,
            cycle_name=cycle_name,
            cycle_status=cycle_status,
            employee_id=employee_id,
            employee_name=employee_name,
            employee_number=employee_number,
            ends_on=ends_on,
            final_level=final_level,
            final_reason=final_reason,
            id=id,
            manager_formula=manager_formula,
            manager_level=manager_level,
            manager_score=manager_score,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            position_code=position_code,
            position_id=position_id,
            position_title=position_title,
            result_level=result_level,
            scored=scored,
            self_level=self_level,
            self_score=self_score,
            starts_on=starts_on,
            total=total,
            version=version,
        )

        appraisal_summary.additional_properties = d
        return appraisal_summary

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
