from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.granularity import Granularity, check_granularity
from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetPlanCreate")


@_attrs_define
class BudgetPlanCreate:
    """
    Attributes:
        fiscal_year (int):
        org_unit_id (UUID):
        title (str):
        granularity (Granularity | Unset): A plan's periods.
        notes (None | str | Unset):
    """

    fiscal_year: int
    org_unit_id: UUID
    title: str
    granularity: Granularity | Unset = UNSET
    notes: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        org_unit_id = str(self.org_unit_id)

        title = self.title

        granularity: str | Unset = UNSET
        if not isinstance(self.granularity, Unset):
            granularity = self.granularity

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "org_unit_id": org_unit_id,
                "title": title,
            }
        )
        if granularity is not UNSET:
            field_dict["granularity"] = granularity
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        org_unit_id = UUID(d.pop("org_unit_id"))

        title = d.pop("title")

        _granularity = d.pop("granularity", UNSET)
        granularity: Granularity | Unset
        if isinstance(_granularity, Unset):
            granularity = UNSET
        else:
            granularity = check_granularity(_granularity)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        budget_plan_create = cls(
            fiscal_year=fiscal_year,
            org_unit_id=org_unit_id,
            title=title,
            granularity=granularity,
            notes=notes,
        )

        budget_plan_create.additional_properties = d
        return budget_plan_create

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
