from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reconciliation_status import ReconciliationStatus, check_reconciliation_status

if TYPE_CHECKING:
    from ..models.fee_figures import FeeFigures
    from ..models.fee_reconciliation_event import FeeReconciliationEvent


T = TypeVar("T", bound="FeeReconciliationView")


@_attrs_define
class FeeReconciliationView:
    """
    Attributes:
        deadline (datetime.date):
        figures (FeeFigures):
        history (list[FeeReconciliationEvent]):
        hq_confirmed_at (datetime.datetime | None):
        hq_confirmed_by (None | str):
        id (UUID):
        org_unit_id (UUID):
        org_unit_name (str):
        overdue (bool):
        quarter (int):
        status (ReconciliationStatus): Where a quarter's reconciliation (对账) stands.
        subsidiary_confirmed_at (datetime.datetime | None):
        subsidiary_confirmed_by (None | str):
        version (int):
        year (int):
    """

    deadline: datetime.date
    figures: FeeFigures
    history: list[FeeReconciliationEvent]
    hq_confirmed_at: datetime.datetime | None
    hq_confirmed_by: None | str
    id: UUID
    org_unit_id: UUID
    org_unit_name: str
    overdue: bool
    quarter: int
    status: ReconciliationStatus
    subsidiary_confirmed_at: datetime.datetime | None
    subsidiary_confirmed_by: None | str
    version: int
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deadline = self.deadline.isoformat()

        figures = self.figures.to_dict()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        hq_confirmed_at: None | str
        if isinstance(self.hq_confirmed_at, datetime.datetime):
            hq_confirmed_at = self.hq_confirmed_at.isoformat()
        else:
            hq_confirmed_at = self.hq_confirmed_at

        hq_confirmed_by: None | str
        hq_confirmed_by = self.hq_confirmed_by

        id = str(self.id)

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        overdue = self.overdue

        quarter = self.quarter

        status: str = self.status

        subsidiary_confirmed_at: None | str
        if isinstance(self.subsidiary_confirmed_at, datetime.datetime):
            subsidiary_confirmed_at = self.subsidiary_confirmed_at.isoformat()
        else:
            subsidiary_confirmed_at = self.subsidiary_confirmed_at

        subsidiary_confirmed_by: None | str
        subsidiary_confirmed_by = self.subsidiary_confirmed_by

        version = self.version

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deadline": deadline,
                "figures": figures,
                "history": history,
                "hq_confirmed_at": hq_confirmed_at,
                "hq_confirmed_by": hq_confirmed_by,
                "id": id,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "overdue": overdue,
                "quarter": quarter,
                "status": status,
                "subsidiary_confirmed_at": subsidiary_confirmed_at,
                "subsidiary_confirmed_by": subsidiary_confirmed_by,
                "version": version,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_figures import FeeFigures  # noqa: PLC0415
        from ..models.fee_reconciliation_event import FeeReconciliationEvent  # noqa: PLC0415

        d = dict(src_dict)
        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        figures = FeeFigures.from_dict(d.pop("figures"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = FeeReconciliationEvent.from_dict(history_item_data)

            history.append(history_item)

        def _parse_hq_confirmed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hq_confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return hq_confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        hq_confirmed_at = _parse_hq_confirmed_at(d.pop("hq_confirmed_at"))

        def _parse_hq_confirmed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hq_confirmed_by = _parse_hq_confirmed_by(d.pop("hq_confirmed_by"))

        id = UUID(d.pop("id"))

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        overdue = d.pop("overdue")

        quarter = d.pop("quarter")

        status = check_reconciliation_status(d.pop("status"))

        def _parse_subsidiary_confirmed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subsidiary_confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return subsidiary_confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        subsidiary_confirmed_at = _parse_subsidiary_confirmed_at(d.pop("subsidiary_confirmed_at"))

        def _parse_subsidiary_confirmed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subsidiary_confirmed_by = _parse_subsidiary_confirmed_by(d.pop("subsidiary_confirmed_by"))

        version = d.pop("version")

        year = d.pop("year")

        fee_reconciliation_view = cls(
            deadline=deadline,
            figures=figures,
            history=history,
            hq_confirmed_at=hq_confirmed_at,
            hq_confirmed_by=hq_confirmed_by,
            id=id,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            overdue=overdue,
            quarter=quarter,
            status=status,
            subsidiary_confirmed_at=subsidiary_confirmed_at,
            subsidiary_confirmed_by=subsidiary_confirmed_by,
            version=version,
            year=year,
        )

        fee_reconciliation_view.additional_properties = d
        return fee_reconciliation_view

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
