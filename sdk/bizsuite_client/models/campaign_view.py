from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_status import CampaignStatus, check_campaign_status

if TYPE_CHECKING:
    from ..models.rater_view import RaterView


T = TypeVar("T", bound="CampaignView")


@_attrs_define
class CampaignView:
    """
    Attributes:
        created_at (datetime.datetime):
        due_on (datetime.date | None):
        id (UUID):
        position_code (str):
        position_id (UUID):
        position_title (str):
        raters (list[RaterView]):
        remind_days (int):
        status (CampaignStatus): A job-analysis campaign collects ratings while open.
        title (str):
        version (int):
    """

    created_at: datetime.datetime
    due_on: datetime.date | None
    id: UUID
    position_code: str
    position_id: UUID
    position_title: str
    raters: list[RaterView]
    remind_days: int
    status: CampaignStatus
    title: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        due_on: None | str
        if isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        id = str(self.id)

        position_code = self.position_code

        position_id = str(self.position_id)

        position_title = self.position_title

        raters = []
        for raters_item_data in self.raters:
            raters_item = raters_item_data.to_dict()
            raters.append(raters_item)

        remind_days = self.remind_days

        status: str = self.status

        title = self.title

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "due_on": due_on,
                "id": id,
                "position_code": position_code,
                "position_id": position_id,
                "position_title": position_title,
                "raters": raters,
                "remind_days": remind_days,
                "status": status,
                "title": title,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rater_view import RaterView  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        position_code = d.pop("position_code")

        position_id = UUID(d.pop("position_id"))

        position_title = d.pop("position_title")

        raters = []
        _raters = d.pop("raters")
        for raters_item_data in _raters:
            raters_item = RaterView.from_dict(raters_item_data)

            raters.append(raters_item)

        remind_days = d.pop("remind_days")

        status = check_campaign_status(d.pop("status"))

        title = d.pop("title")

        version = d.pop("version")

        campaign_view = cls(
            created_at=created_at,
            due_on=due_on,
            id=id,
            position_code=position_code,
            position_id=position_id,
            position_title=position_title,
            raters=raters,
            remind_days=remind_days,
            status=status,
            title=title,
            version=version,
        )

        campaign_view.additional_properties = d
        return campaign_view

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
