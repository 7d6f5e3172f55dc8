from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.statement_status import StatementStatus, check_statement_status

T = TypeVar("T", bound="FeeStatementView")


@_attrs_define
class FeeStatementView:
    """
    Attributes:
        created_at (datetime.datetime):
        currency (str):
        due_on (datetime.date | None):
        id (UUID):
        issued_on (datetime.date | None):
        number (str):
        org_unit_id (UUID):
        org_unit_name (str):
        outstanding (str):
        paid (str):
        quarter (int):
        schedule_id (UUID):
        settlement_rate (None | str):
        status (StatementStatus): A statement's life: draft → in approval → approved → issued (then immutable).
        total (str):
        version (int):
        year (int):
    """

    created_at: datetime.datetime
    currency: str
    due_on: datetime.date | None
    id: UUID
    issued_on: datetime.date | None
    number: str
    org_unit_id: UUID
    org_unit_name: str
    outstanding: str
    paid: str
    quarter: int
    schedule_id: UUID
    settlement_rate: None | str
    status: StatementStatus
    total: str
    version: int
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        currency = self.currency

        due_on: None | str
        if isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        id = str(self.id)

        issued_on: None | str
        if isinstance(self.issued_on, datetime.date):
            issued_on = self.issued_on.isoformat()
        else:
            issued_on = self.issued_on

        number = self.number

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        outstanding = self.outstanding

        paid = self.paid

        quarter = self.quarter

        schedule_id = str(self.schedule_id)

        settlement_rate: None | str
        settlement_rate = self.settlement_rate

        status: str = self.status

        total = self.total

        version = self.version

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "currency": currency,
                "due_on": due_on,
                "id": id,
                "issued_on": issued_on,
                "number": number,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "outstanding": outstanding,
                "paid": paid,
                "quarter": quarter,
                "schedule_id": schedule_id,
                "settlement_rate": settlement_rate,
                "status": status,
                "total": total,
                "version": version,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        def _parse_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_on = _parse_due_on(d.pop("due_on"))

        id = UUID(d.pop("id"))

        def _parse_issued_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_on_type_0 = datetime.date.fromisoformat(data)

                return issued_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        issued_on = _parse_issued_on(d.pop("issued_on"))

        number = d.pop("number")

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        outstanding = d.pop("outstanding")

        paid = d.pop("paid")

        quarter = d.pop("quarter")

        schedule_id = UUID(d.pop("schedule_id"))

        def _parse_settlement_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        settlement_rate = _parse_settlement_rate(d.pop("settlement_rate"))

        status = check_statement_status(d.pop("status"))

        total = d.pop("total")

        version = d.pop("version")

        year = d.pop("year")

        fee_statement_view = cls(
            created_at=created_at,
            currency=currency,
            due_on=due_on,
            id=id,
            issued_on=issued_on,
            number=number,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            outstanding=outstanding,
            paid=paid,
            quarter=quarter,
            schedule_id=schedule_id,
            settlement_rate=settlement_rate,
            status=status,
            total=total,
            version=version,
            year=year,
        )

        fee_statement_view.additional_properties = d
        return fee_statement_view

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
