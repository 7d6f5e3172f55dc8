from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction, check_direction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attachment_ref import AttachmentRef
    from ..models.placeholder_value import PlaceholderValue


T = TypeVar("T", bound="ContractCreate")


@_attrs_define
class ContractCreate:
    """
    Attributes:
        amount (str): A decimal string, at most 2 decimals.
        direction (Direction): Income contracts (收入合同) bring money in; expenditure contracts (支出合同) pay it out.
        title (str):
        account_id (None | Unset | UUID):
        attachments (list[AttachmentRef] | None | Unset):
        clause_codes (list[str] | None | Unset):
        counterparty_id (None | Unset | UUID):
        currency (str | Unset): ISO 4217 code, e.g. `CNY`. Default: 'CNY'.
        ends_on (datetime.date | None | Unset):
        exchange_rate (None | str | Unset): Base-currency units per unit of the contract currency.
        notes (None | str | Unset):
        org_unit_id (None | Unset | UUID):
        our_signatory (None | str | Unset):
        placeholders (list[PlaceholderValue] | None | Unset):
        project_id (None | Unset | UUID):
        starts_on (datetime.date | None | Unset):
        template_id (None | Unset | UUID):
        their_signatory (None | str | Unset):
    """

    amount: str
    direction: Direction
    title: str
    account_id: None | Unset | UUID = UNSET
    attachments: list[AttachmentRef] | None | Unset = UNSET
    clause_codes: list[str] | None | Unset = UNSET
    counterparty_id: None | Unset | UUID = UNSET
    currency: str | Unset = "CNY"
    ends_on: datetime.date | None | Unset = UNSET
    exchange_rate: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    org_unit_id: None | Unset | UUID = UNSET
    our_signatory: None | str | Unset = UNSET
    placeholders: list[PlaceholderValue] | None | Unset = UNSET
    project_id: None | Unset | UUID = UNSET
    starts_on: datetime.date | None | Unset = UNSET
    template_id: None | Unset | UUID = UNSET
    their_signatory: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        direction: str = self.direction

        title = self.title

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        attachments: list[dict[str, Any]] | None | Unset
        if isinstance(self.attachments, Unset):
            attachments = UNSET
        elif isinstance(self.attachments, list):
            attachments = []
            for attachments_type_0_item_data in self.attachments:
                attachments_type_0_item = attachments_type_0_item_data.to_dict()
                attachments.append(attachments_type_0_item)

        else:
            attachments = self.attachments

        clause_codes: list[str] | None | Unset
        if isinstance(self.clause_codes, Unset):
            clause_codes = UNSET
        elif isinstance(self.clause_codes, list):
            clause_codes = self.clause_codes

        else:
            clause_codes = self.clause_codes

        counterparty_id: None | str | Unset
        if isinstance(self.counterparty_id, Unset):
            counterparty_id = UNSET
        elif isinstance(self.counterparty_id, UUID):
            counterparty_id = str(self.counterparty_id)
        else:
            counterparty_id = self.counterparty_id

        currency = self.currency

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        exchange_rate: None | str | Unset
        if isinstance(self.exchange_rate, Unset):
            exchange_rate = UNSET
        else:
            exchange_rate = self.exchange_rate

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        org_unit_id: None | str | Unset
        if isinstance(self.org_unit_id, Unset):
            org_unit_id = UNSET
        elif isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        our_signatory: None | str | Unset
        if isinstance(self.our_signatory, Unset):
            our_signatory = UNSET
        else:
            our_signatory = self.our_signatory

        placeholders: list[dict[str, Any]] | None | Unset
        if isinstance(self.placeholders, Unset):
            placeholders = UNSET
        elif isinstance(self.placeholders, list):
            placeholders = []
            for placeholders_type_0_item_data in self.placeholders:
                placeholders_type_0_item = placeholders_type_0_item_data.to_dict()
                placeholders.append(placeholders_type_0_item)

        else:
            placeholders = self.placeholders

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        starts_on: None | str | Unset
        if isinstance(self.starts_on, Unset):
            starts_on = UNSET
        elif isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        elif isinstance(self.template_id, UUID):
            template_id = str(self.template_id)
        else:
            template_id = self.template_id

        their_signatory: None | str | Unset
        if isinstance(self.their_signatory, Unset):
            their_signatory = UNSET
        else:
            their_signatory = self.their_signatory

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "direction": direction,
                "title": title,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if clause_codes is not UNSET:
            field_dict["clause_codes"] = clause_codes
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if exchange_rate is not UNSET:
            field_dict["exchange_rate"] = exchange_rate
        if notes is not UNSET:
            field_dict["notes"] = notes
        if org_unit_id is not UNSET:
            field_dict["org_unit_id"] = org_unit_id
        if our_signatory is not UNSET:
            field_dict["our_signatory"] = our_signatory
        if placeholders is not UNSET:
            field_dict["placeholders"] = placeholders
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if their_signatory is not UNSET:
            field_dict["their_signatory"] = their_signatory

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment_ref import AttachmentRef  # noqa: PLC0415
        from ..models.placeholder_value import PlaceholderValue  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        direction = check_direction(d.pop("direction"))

        title = d.pop("title")

        def _parse_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_attachments(data: object) -> list[AttachmentRef] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attachments_type_0 = []
                _attachments_type_0 = data
                for attachments_type_0_item_data in _attachments_type_0:
                    attachments_type_0_item = AttachmentRef.from_dict(attachments_type_0_item_data)

                    attachments_type_0.append(attachments_type_0_item)

                return attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AttachmentRef] | None | Unset, data)

        attachments = _parse_attachments(d.pop("attachments", UNSET))

        def _parse_clause_codes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                clause_codes_type_0 = cast(list[str], data)

                return clause_codes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        clause_codes = _parse_clause_codes(d.pop("clause_codes", UNSET))

        def _parse_counterparty_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                counterparty_id_type_0 = UUID(data)

                return counterparty_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        counterparty_id = _parse_counterparty_id(d.pop("counterparty_id", UNSET))

        currency = d.pop("currency", UNSET)

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        def _parse_exchange_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        exchange_rate = _parse_exchange_rate(d.pop("exchange_rate", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_org_unit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                org_unit_id_type_0 = UUID(data)

                return org_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        org_unit_id = _parse_org_unit_id(d.pop("org_unit_id", UNSET))

        def _parse_our_signatory(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        our_signatory = _parse_our_signatory(d.pop("our_signatory", UNSET))

        def _parse_placeholders(data: object) -> list[PlaceholderValue] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                placeholders_type_0 = []
                _placeholders_type_0 = data
                for placeholders_type_0_item_data in _placeholders_type_0:
                    placeholders_type_0_item = PlaceholderValue.from_dict(placeholders_type_0_item_data)

                    placeholders_type_0.append(placeholders_type_0_item)

                return placeholders_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PlaceholderValue] | None | Unset, data)

        placeholders = _parse_placeholders(d.pop("placeholders", UNSET))

        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_starts_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        starts_on = _parse_starts_on(d.pop("starts_on", UNSET))

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

        def _parse_their_signatory(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        their_signatory = _parse_their_signatory(d.pop("their_signatory", UNSET))

        contract_create = cls(
            amount=amount,
            direction=direction,
            title=title,
            account_id=account_id,
            attachments=attachments,
            clause_codes=clause_codes,
            counterparty_id=counterparty_id,
            currency=currency,
            ends_on=ends_on,
            exchange_rate=exchange_rate,
            notes=notes,
            org_unit_id=org_unit_id,
            our_signatory=our_signatory,
            placeholders=placeholders,
            project_id=project_id,
            starts_on=starts_on,
            template_id=template_id,
            their_signatory=their_signatory,
        )

        contract_create.additional_properties = d
        return contract_create

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
