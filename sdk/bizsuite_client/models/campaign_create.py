from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rater_input import RaterInput


T = TypeVar("T", bound="CampaignCreate")


@_attrs_define
class CampaignCreate:
    """
    Attributes:
        position_id (UUID):
        title (str):
        due_on (datetime.date | None | Unset):
        raters (list[RaterInput] | Unset):
        remind_days (int | Unset): Days before the due day to remind raters who have not answered. Default: 2.
    """

    position_id: UUID
    title: str
    due_on: datetime.date | None | Unset = UNSET
    raters: list[RaterInput] | Unset = UNSET
    remind_days: int | Unset = 2
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position_id = str(self.position_id)

        title = self.title

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        raters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.raters, Unset):
            raters = []
            for raters_item_data in self.raters:
                raters_item = raters_item_data.to_dict()
                raters.append(raters_item)

        remind_days = self.remind_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position_id": position_id,
                "title": title,
            }
        )
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if raters is not UNSET:
            field_dict["raters"] = raters
        if remind_days is not UNSET:
            field_dict["remind_days"] = remind_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rater_input import RaterInput  # noqa: PLC0415

        d = dict(src_dict)
        position_id = UUID(d.pop("position_id"))

        title = d.pop("title")

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

        _raters = d.pop("raters", UNSET)
        raters: list[RaterInput] | Unset = UNSET
        if _raters is not UNSET:
            raters = []
            for raters_item_data in _raters:
                raters_item = RaterInput.from_dict(raters_item_data)

                raters.append(raters_item)

        remind_days = d.pop("remind_days", UNSET)

        campaign_create = cls(
            position_id=position_id,
            title=title,
            due_on=due_on,
            raters=raters,
            remind_days=remind_days,
        )

        campaign_create.additional_properties = d
        return campaign_create

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
