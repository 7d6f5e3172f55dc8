from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.granularity import Granularity, check_granularity
from ..models.plan_status import PlanStatus, check_plan_status

T = TypeVar("T", bound="BudgetPlanView")


@_attrs_define
class BudgetPlanView:
    """
    Attributes:
        created_at (datetime.datetime):
        fiscal_year (int):
        granularity (Granularity): A plan's periods.
        id (UUID):
        notes (None | str):
        org_unit_id (UUID):
        org_unit_name (str):
        revision (int):
        status (PlanStatus): Where a plan stands.
        title (str):
        total (str):
        updated_at (datetime.datetime):
        version (int):
    """

    created_at: datetime.datetime
    fiscal_year: int
    granularity: Granularity
    id: UUID
    notes: None | str
    org_unit_id: UUID
    org_unit_name: str
    revision: int
    status: PlanStatus
    title: str
    total: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        fiscal_year = self.fiscal_year

        granularity: str = self.granularity

        id = str(self.id)

        notes: None | str
        notes = self.notes

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        revision = self.revision

        status: str = self.status

        title = self.title

        total = self.total

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "fiscal_year": fiscal_year,
                "granularity": granularity,
                "id": id,
                "notes": notes,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "revision": revision,
                "status": status,
                "title": title,
                "total": total,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        fiscal_year = d.pop("fiscal_year")

        granularity = check_granularity(d.pop("granularity"))

        id = UUID(d.pop("id"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        revision = d.pop("revision")

        status = check_plan_status(d.pop("status"))

        title = d.pop("title")

        total = d.pop("total")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        budget_plan_view = cls(
            created_at=created_at,
            fiscal_year=fiscal_year,
            granularity=granularity,
            id=id,
            notes=notes,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            revision=revision,
            status=status,
            title=title,
            total=total,
            updated_at=updated_at,
            version=version,
        )

        budget_plan_view.additional_properties = d
        return budget_plan_view

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
