from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cycle_status import CycleStatus, check_cycle_status

T = TypeVar("T", bound="AppraisalCycleView")


@_attrs_define
class AppraisalCycleView:
    """
    Attributes:
        appraisals (int):
        closed_at (datetime.datetime | None):
        created_at (datetime.datetime):
        ends_on (datetime.date):
        id (UUID):
        name (str):
        next_statuses (list[CycleStatus]):
        opened_at (datetime.datetime | None):
        org_unit_id (None | UUID):
        org_unit_name (None | str):
        scored (int):
        starts_on (datetime.date):
        status (CycleStatus): Where an appraisal cycle stands: a draft, open for scores, closed (scores locked).
        updated_at (datetime.datetime):
        version (int):
    """

    appraisals: int
    closed_at: datetime.datetime | None
    created_at: datetime.datetime
    ends_on: datetime.date
    id: UUID
    name: str
    next_statuses: list[CycleStatus]
    opened_at: datetime.datetime | None
    org_unit_id: None | UUID
    org_unit_name: None | str
    scored: int
    starts_on: datetime.date
    status: CycleStatus
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appraisals = self.appraisals

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        created_at = self.created_at.isoformat()

        ends_on = self.ends_on.isoformat()

        id = str(self.id)

        name = self.name

        next_statuses = []
        for next_statuses_item_data in self.next_statuses:
            next_statuses_item: str = next_statuses_item_data
            next_statuses.append(next_statuses_item)

        opened_at: None | str
        if isinstance(self.opened_at, datetime.datetime):
            opened_at = self.opened_at.isoformat()
        else:
            opened_at = self.opened_at

        org_unit_id: None | str
        if isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        org_unit_name: None | str
        org_unit_name = self.org_unit_name

        scored = self.scored

        starts_on = self.starts_on.isoformat()

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appraisals": appraisals,
                "closed_at": closed_at,
                "created_at": created_at,
                "ends_on": ends_on,
                "id": id,
                "name": name,
                "next_statuses": next_statuses,
                "opened_at": opened_at,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "scored": scored,
                "starts_on": starts_on,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appraisals = d.pop("appraisals")

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        next_statuses = []
        _next_statuses = d.pop("next_statuses")
        for next_statuses_item_data in _next_statuses:
            next_statuses_item = check_cycle_status(next_statuses_item_data)

            next_statuses.append(next_statuses_item)

        def _parse_opened_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_at_type_0 = datetime.datetime.fromisoformat(data)

                return opened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        opened_at = _parse_opened_at(d.pop("opened_at"))

        def _parse_org_unit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_unit_id_type_0 = UUID(data)

                return org_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        org_unit_id = _parse_org_unit_id(d.pop("org_unit_id"))

        def _parse_org_unit_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        org_unit_name = _parse_org_unit_name(d.pop("org_unit_name"))

        scored = d.pop("scored")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        status = check_cycle_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        appraisal_cycle_view = cls(
            appraisals=appraisals,
            closed_at=closed_at,
            created_at=created_at,
            ends_on=ends_on,
            id=id,
            name=name,
            next_statuses=next_statuses,
            opened_at=opened_at,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            scored=scored,
            starts_on=starts_on,
            status=status,
            updated_at=updated_at,
            version=version,
        )

        appraisal_cycle_view.additional_properties = d
        return appraisal_cycle_view

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
