from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contract_status import ContractStatus, check_contract_status
from ..models.direction import Direction, check_direction
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContractView")


@_attrs_define
class ContractView:
    """
    Attributes:
        account_id (None | UUID):
        amount (str):
        counterparty_id (None | UUID):
        created_at (datetime.datetime):
        currency (str):
        direction (Direction): Income contracts (收入合同) bring money in; expenditure contracts (支出合同) pay it out.
        ends_on (datetime.date | None):
        exchange_rate (str):
        id (UUID):
        next_statuses (list[ContractStatus]):
        notes (None | str):
        number (str):
        org_unit_id (None | UUID):
        our_signatory (None | str):
        party_name (str):
        project_id (None | UUID):
        settled (str):
        signed_on (datetime.date | None):
        starts_on (datetime.date | None):
        status (ContractStatus): Where a contract stands in its life.
        their_signatory (None | str):
        title (str):
        updated_at (datetime.datetime):
        version (int):
        document_file_id (None | Unset | UUID):
        template_id (None | Unset | UUID):
    """

    account_id: None | UUID
    amount: str
    counterparty_id: None | UUID
    created_at: datetime.datetime
    currency: str
    direction: Direction
    ends_on: datetime.date | None
    exchange_rate: str
    id: UUID
    next_statuses: list[ContractStatus]
    notes: None | str
    number: str
    org_unit_id: None | UUID
    our_signatory: None | str
    party_name: str
    project_id: None | UUID
    settled: str
    signed_on: datetime.date | None
    starts_on: datetime.date | None
    status: ContractStatus
    their_signatory: None | str
    title: str
    updated_at: datetime.datetime
    version: int
    document_file_id: None | Unset | UUID = UNSET
    template_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id: None | str
        if isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        amount = self.amount

        counterparty_id: None | str
        if isinstance(self.counterparty_id, UUID):
            counterparty_id = str(self.counterparty_id)
        else:
            counterparty_id = self.counterparty_id

        created_at = self.created_at.isoformat()

        currency = self.currency

        direction: str = self.direction

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        exchange_rate = self.exchange_rate

        id = str(self.id)

        next_statuses = []
        for next_statuses_item_data in self.next_statuses:
            next_statuses_item: str = next_statuses_item_data
            next_statuses.append(next_statuses_item)

        notes: None | str
        notes = self.notes

        number = self.number

        org_unit_id: None | str
        if isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        our_signatory: None | str
        our_signatory = self.our_signatory

        party_name = self.party_name

        project_id: None | str
        if isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        settled = self.settled

        signed_on: None | str
        if isinstance(self.signed_on, datetime.date):
            signed_on = self.signed_on.isoformat()
        else:
            signed_on = self.signed_on

        starts_on: None | str
        if isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        status: str = self.status

        their_signatory: None | str
        their_signatory = self.their_signatory

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        document_file_id: None | str | Unset
        if isinstance(self.document_file_id, Unset):
            document_file_id = UNSET
        elif isinstance(self.document_file_id, UUID):
            document_file_id = str(self.document_file_id)
        else:
            document_file_id = self.document_file_id

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        elif isinstance(self.template_id, UUID):
            template_id = str(self.template_id)
        else:
            template_id = self.template_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "amount": amount,
                "counterparty_id": counterparty_id,
                "created_at": created_at,
                "currency": currency,
                "direction": direction,
                "ends_on": ends_on,
                "exchange_rate": exchange_rate,
                "id": id,
                "next_statuses": next_statuses,
                "notes": notes,
                "number": number,
                "org_unit_id": org_unit_id,
                "our_signatory": our_signatory,
                "party_name": party_name,
                "project_id": project_id,
                "settled": settled,
                "signed_on": signed_on,
                "starts_on": starts_on,
                "status": status,
                "their_signatory": their_signatory,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if document_file_id is not UNSET:
            field_dict["document_file_id"] = document_file_id
        if template_id is not UNSET:
            field_dict["template_id"] = template_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_account_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        account_id = _parse_account_id(d.pop("account_id"))

        amount = d.pop("amount")

        def _parse_counterparty_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                counterparty_id_type_0 = UUID(data)

                return counterparty_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        counterparty_id = _parse_counterparty_id(d.pop("counterparty_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        direction = check_direction(d.pop("direction"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        exchange_rate = d.pop("exchange_rate")

        id = UUID(d.pop("id"))

        next_statuses = []
        _next_statuses = d.pop("next_statuses")
        for next_statuses_item_data in _next_statuses:
            next_statuses_item = check_contract_status(next_statuses_item_data)

            next_statuses.append(next_statuses_item)

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        number = d.pop("number")

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

        def _parse_our_signatory(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        our_signatory = _parse_our_signatory(d.pop("our_signatory"))

        party_name = d.pop("party_name")

        def _parse_project_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        project_id = _parse_project_id(d.pop("project_id"))

        settled = d.pop("settled")

        def _parse_signed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_on_type_0 = datetime.date.fromisoformat(data)

                return signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        signed_on = _parse_signed_on(d.pop("signed_on"))

        def _parse_starts_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts_on = _parse_starts_on(d.pop("starts_on"))

        status = check_contract_status(d.pop("status"))

        def _parse_their_signatory(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        their_signatory = _parse_their_signatory(d.pop("their_signatory"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_document_file_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_file_id_type_0 = UUID(data)

                return document_file_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        document_file_id = _parse_document_file_id(d.pop("document_file_id", UNSET))

        def _parse_template_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                template_id_type_0 = UUID(data)

                return template_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        contract_view = cls(
            account_id=account_id,
            amount=amount,
            counterparty_id=counterparty_id,
            created_at=created_at,
            currency=currency,
            direction=direction,
            ends_on=ends_on,
            exchange_rate=exchange_rate,
            id=id,
            next_statuses=next_statuses,
            notes=notes,
            number=number,
            org_unit_id=org_unit_id,
            our_signatory=our_signatory,
            party_name=party_name,
            project_id=project_id,
            settled=settled,
            signed_on=signed_on,
            starts_on=starts_on,
            status=status,
            their_signatory=their_signatory,
            title=title,
            updated_at=updated_at,
            version=version,
            document_file_id=document_file_id,
            template_id=template_id,
        )

        contract_view.additional_properties = d
        return contract_view

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
