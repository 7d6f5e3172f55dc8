from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="JobScheduleOut")


@_attrs_define
class JobScheduleOut:
    """
    Attributes:
        args (JsonObject): A JSON object with free-form keys.
        created_at (datetime.datetime):
        cron (str):
        enabled (bool):
        id (UUID):
        last_fired_at (datetime.datetime | None):
        name (str):
        next_fire_at (datetime.datetime | None):
        task_name (str):
        time_zone (str):
        updated_at (datetime.datetime):
        version (int):
    """

    args: JsonObject
    created_at: datetime.datetime
    cron: str
    enabled: bool
    id: UUID
    last_fired_at: datetime.datetime | None
    name: str
    next_fire_at: datetime.datetime | None
    task_name: str
    time_zone: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        args = self.args.to_dict()

        created_at = self.created_at.isoformat()

        cron = self.cron

        enabled = self.enabled

        id = str(self.id)

        last_fired_at: None | str
        if isinstance(self.last_fired_at, datetime.datetime):
            last_fired_at = self.last_fired_at.isoformat()
        else:
            last_fired_at = self.last_fired_at

        name = self.name

        next_fire_at: None | str
        if isinstance(self.next_fire_at, datetime.datetime):
            next_fire_at = self.next_fire_at.isoformat()
        else:
            next_fire_at = self.next_fire_at

        task_name = self.task_name

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "args": args,
                "created_at": created_at,
                "cron": cron,
                "enabled": enabled,
                "id": id,
                "last_fired_at": last_fired_at,
                "name": name,
                "next_fire_at": next_fire_at,
                "task_name": task_name,
                "time_zone": time_zone,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_object import JsonObject  # noqa: PLC0415

        d = dict(src_dict)
        args = JsonObject.from_dict(d.pop("args"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        cron = d.pop("cron")

        enabled = d.pop("enabled")

        id = UUID(d.pop("id"))

        def _parse_last_fired_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_fired_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_fired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_fired_at = _parse_last_fired_at(d.pop("last_fired_at"))

        name = d.pop("name")

        def _parse_next_fire_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_fire_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_fire_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_fire_at = _parse_next_fire_at(d.pop("next_fire_at"))

        task_name = d.pop("task_name")

        time_zone = d.pop("time_zone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        job_schedule_out = cls(
            args=args,
            created_at=created_at,
            cron=cron,
            enabled=enabled,
            id=id,
            last_fired_at=last_fired_at,
            name=name,
            next_fire_at=next_fire_at,
            task_name=task_name,
            time_zone=time_zone,
            updated_at=updated_at,
            version=version,
        )

        job_schedule_out.additional_properties = d
        return job_schedule_out

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
