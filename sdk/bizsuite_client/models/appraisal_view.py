from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.appraisal_level import AppraisalLevel, check_appraisal_level
from ..models.cycle_status import CycleStatus, check_cycle_status
from ..models.personal_access import PersonalAccess, check_personal_access

if TYPE_CHECKING:
    from ..models.appraisal_duty import AppraisalDuty
    from ..models.appraisal_view_level_points import AppraisalViewLevelPoints
    from ..models.rollup_view import RollupView


T = TypeVar("T", bound="AppraisalView")


@_attrs_define
class AppraisalView:
    """
    Attributes:
        access (PersonalAccess): Why the caller sees an employee's personal data: HR (owner or admin), their own record,
                or as one of their line managers.
        can_calibrate (bool):
        can_score_manager (bool):
        can_score_self (bool):
        created_at (datetime.datetime):
        cycle_id (UUID):
        cycle_name (str):
        cycle_status (CycleStatus): Where an appraisal cycle stands: a draft, open for scores, closed (scores locked).
        duties (list[AppraisalDuty]):
        employee_id (UUID):
        employee_name (str):
        employee_number (str):
        ends_on (datetime.date):
        final_level (AppraisalLevel | None):
        final_reason (None | str):
        id (UUID):
        job_description_id (None | UUID):
        job_description_number (int | None):
        level_points (AppraisalViewLevelPoints):
        manager (RollupView):
        org_unit_id (UUID):
        org_unit_name (str):
        position_code (str):
        position_id (UUID):
        position_title (str):
        result_level (AppraisalLevel | None):
        self_assessment (RollupView):
        starts_on (datetime.date):
        updated_at (datetime.datetime):
        version (int):
    """

    access: PersonalAccess
    can_calibrate: bool
    can_score_manager: bool
    can_score_self: bool
    created_at: datetime.datetime
    cycle_id: UUID
    cycle_name: str
    cycle_status: CycleStatus
    duties: list[AppraisalDuty]
    employee_id: UUID
    employee_name: str
    employee_number: str
    ends_on: datetime.date
    final_level: AppraisalLevel | None
    final_reason: None | str
    id: UUID
    job_description_id: None | UUID
    job_description_number: int | None
    level_points: AppraisalViewLevelPoints
    manager: RollupView
    org_unit_id: UUID
    org_unit_name: str
    position_code: str
    position_id: UUID
    position_title: str
    result_level: AppraisalLevel | None
    self_assessment: RollupView
    starts_on: datetime.date
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access: str = self.access

        can_calibrate = self.can_calibrate

        can_score_manager = self.can_score_manager

        can_score_self = self.can_score_self

        created_at = self.created_at.isoformat()

        cycle_id = str(self.cycle_id)

        cycle_name = self.cycle_name

        cycle_status: str = self.cycle_status

        duties = []
        for duties_item_data in self.duties:
            duties_item = duties_item_data.to_dict()
            duties.append(duties_item)

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

        job_description_id: None | str
        if isinstance(self.job_description_id, UUID):
            job_description_id = str(self.job_description_id)
        else:
            job_description_id = self.job_description_id

        job_description_number: int | None
        job_description_number = self.job_description_number

        level_points = self.level_points.to_dict()

        manager = self.manager.to_dict()

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

        self_assessment = self.self_assessment.to_dict()

        starts_on = self.starts_on.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access": access,
                "can_calibrate": can_calibrate,
                "can_score_manager": can_score_manager,
                "can_score_self": can_score_self,
                "created_at": created_at,
                "cycle_id": cycle_id,
                "cycle_name": cycle_name,
                "cycle_status": cycle_status,
                "duties": duties,
                "employee_id": employee_id,
                "employee_name": employee_name,
                "employee_number": employee_number,
                "ends_on": ends_on,
                "final_level": final_level,
                "final_reason": final_reason,
                "id": id,
                "job_description_id": job_description_id,
                "job_description_number": job_description_number,
                "level_points": level_points,
                "manager": manager,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "position_code": position_code,
                "position_id": position_id,
                "position_title": position_title,
                "result_level": result_level,
                "self_assessment": self_assessment,
                "starts_on": starts_on,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appraisal_duty import AppraisalDuty  # noqa: PLC0415
        from ..models.appraisal_view_level_points import AppraisalViewLevelPoints  # noqa: PLC0415
        from ..models.rollup_view import RollupView  # noqa: PLC0415

        d = dict(src_dict)
        access = check_personal_access(d.pop("access"))

        can_calibrate = d.pop("can_calibrate")

        can_score_manager = d.pop("can_score_manager")

        can_score_self = d.pop("can_score_self")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        cycle_id = UUID(d.pop("cycle_id"))

        cycle_name = d.pop("cycle_name")

        cycle_status = check_cycle_status(d.pop("cycle_status"))

        duties = []
        _duties = d.pop("duties")
        for duties_item_data in _duties:
            duties_item = AppraisalDuty.from_dict(duties_item_data)

            duties.append(duties_item)

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

        def _parse_job_description_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                job_description_id_type_0 = UUID(data)

                return job_description_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        job_description_id = _parse_job_description_id(d.pop("job_description_id"))

        def _parse_job_description_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        job_description_number = _parse_job_description_number(d.pop("job_description_number"))

        level_points = AppraisalViewLevelPoints.from_dict(d.pop("level_points"))

        manager = RollupView.from_dict(d.pop("manager"))

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

        self_assessment = RollupView.from_dict(d.pop("self_assessment"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        appraisal_view = cls(
            access=access,
            can_calibrate=can_calibrate,
            can_score_manager=can_score_manager,
            can_score_self=can_score_self,
            created_at=created_at,
            cycle_id=cycle_id,
            cycle_name=cycle_name,
            cycle_status=cycle_status,
            duties=duties,
            employee_id=employee_id,
            employee_name=employee_name,
            employee_number=employee_number,
            ends_on=ends_on,
            final_level=final_level,
            final_reason=final_reason,
            id=id,
            job_description_id=job_description_id,
            job_description_number=job_description_number,
            level_points=level_points,
            manager=manager,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            position_code=position_code,
            position_id=position_id,
            position_title=position_title,
            result_level=result_level,
            self_assessment=self_assessment,
            starts_on=starts_on,
            updated_at=updated_at,
            version=version,
        )

        appraisal_view.additional_properties = d
        return appraisal_view

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
