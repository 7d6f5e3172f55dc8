from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_kind import AccountKind, check_account_kind
from ..models.account_status import AccountStatus, check_account_status
from ..models.tier import Tier, check_tier

T = TypeVar("T", bound="AccountOut")


@_attrs_define
class AccountOut:
    """
    Attributes:
        address (None | str):
        code (str):
        created_at (datetime.datetime):
        email (None | str):
        id (UUID):
        industry (None | str):
        kind (AccountKind): What the account is to the tenant.
        name (str):
        notes (None | str):
        org_unit_id (None | UUID):
        owner_user_id (None | UUID):
        phone (None | str):
        status (AccountStatus): Active accounts are worked; archived ones are kept for history.
        tier (None | Tier):
        trailing_revenue (str):
        updated_at (datetime.datetime):
        version (int):
        zone_id (None | UUID):
    """

    address: None | str
    code: str
    created_at: datetime.datetime
    email: None | str
    id: UUID
    industry: None | str
    kind: AccountKind
    name: str
    notes: None | str
    org_unit_id: None | UUID
    owner_user_id: None | UUID
    phone: None | str
    status: AccountStatus
    tier: None | Tier
    trailing_revenue: str
    updated_at: datetime.datetime
    version: int
    zone_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        code = self.code

        created_at = self.created_at.isoformat()

        email: None | str
        email = self.email

        id = str(self.id)

        industry: None | str
        industry = self.industry

        kind: str = self.kind

        name = self.name

        notes: None | str
        notes = self.notes

        org_unit_id: None | str
        if isinstance(self.org_unit_id, UUID):
            org_unit_id = str(self.org_unit_id)
        else:
            org_unit_id = self.org_unit_id

        owner_user_id: None | str
        if isinstance(self.owner_user_id, UUID):
            owner_user_id = str(self.owner_user_id)
        else:
            owner_user_id = self.owner_user_id

        phone: None | str
        phone = self.phone

        status: str = self.status

        tier: None | str
        if isinstance(self.tier, str):
            tier = self.tier
        else:
            tier = self.tier

        trailing_revenue = self.trailing_revenue

        updated_at = self.updated_at.isoformat()

        version = self.version

        zone_id: None | str
        if isinstance(self.zone_id, UUID):
            zone_id = str(self.zone_id)
        else:
            zone_id = self.zone_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "code": code,
                "created_at": created_at,
                "email": email,
                "id": id,
                "industry": industry,
                "kind": kind,
                "name": name,
                "notes": notes,
                "org_unit_id": org_unit_id,
                "owner_user_id": owner_user_id,
                "phone": phone,
                "status": status,
                "tier": tier,
                "trailing_revenue": trailing_revenue,
                "updated_at": updated_at,
                "version": version,
                "zone_id": zone_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        id = UUID(d.pop("id"))

        def _parse_industry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        industry = _parse_industry(d.pop("industry"))

        kind = check_account_kind(d.pop("kind"))

        name = d.pop("name")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

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

        def _parse_owner_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_user_id_type_0 = UUID(data)

                return owner_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_user_id = _parse_owner_user_id(d.pop("owner_user_id"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        status = check_account_status(d.pop("status"))

        def _parse_tier(data: object) -> None | Tier:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tier_type_0 = check_tier(data)

                return tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Tier, data)

        tier = _parse_tier(d.pop("tier"))

        trailing_revenue = d.pop("trailing_revenue")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_zone_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                zone_id_type_0 = UUID(data)

                return zone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        zone_id = _parse_zone_id(d.pop("zone_id"))

        account_out = cls(
            address=address,
            code=code,
            created_at=created_at,
            email=email,
            id=id,
            industry=industry,
            kind=kind,
            name=name,
            notes=notes,
            org_unit_id=org_unit_id,
            owner_user_id=owner_user_id,
            phone=phone,
            status=status,
            tier=tier,
            trailing_revenue=trailing_revenue,
            updated_at=updated_at,
            version=version,
            zone_id=zone_id,
        )

        account_out.additional_properties = d
        return account_out

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
