from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus, check_job_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="JobOut")


@_attrs_define
class JobOut:
    """
    Attributes:
        args (JsonObject): A JSON object with free-form keys.
        attempts (int):
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        id (UUID):
        last_error (None | str):
        run_after (datetime.datetime | None):
        schedule_id (None | UUID):
        status (JobStatus): Where a job stands; ``failed`` jobs form the dead-letter list.
        task_name (str):
        updated_at (datetime.datetime):
        version (int):
        stalled (bool | Unset):  Default: False.
    """

    args: JsonObject
    attempts: int
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    id: UUID
    last_error: None | str
    run_after: datetime.datetime | None
    schedule_id: None | UUID
    status: JobStatus
    task_name: str
    updated_at: datetime.datetime
    version: int
    stalled: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        args = self.args.to_dict()

        attempts = self.attempts

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = str(self.id)

        last_error: None | str
        last_error = self.last_error

        run_after: None | str
        if isinstance(self.run_after, datetime.datetime):
            run_after = self.run_after.isoformat()
        else:
            run_after = self.run_after

        schedule_id: None | str
        if isinstance(self.schedule_id, UUID):
            schedule_id = str(self.schedule_id)
        else:
            schedule_id = self.schedule_id

        status: str = self.status

        task_name = self.task_name

        updated_at = self.updated_at.isoformat()

        version = self.version

        stalled = self.stalled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "args": args,
                "attempts": attempts,
                "created_at": created_at,
                "finished_at": finished_at,
                "id": id,
                "last_error": last_error,
                "run_after": run_after,
                "schedule_id": schedule_id,
                "status": status,
                "task_name": task_name,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if stalled is not UNSET:
            field_dict["stalled"] = stalled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_object import JsonObject  # noqa: PLC0415

        d = dict(src_dict)
        args = JsonObject.from_dict(d.pop("args"))

        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        id = UUID(d.pop("id"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_run_after(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                run_after_type_0 = datetime.datetime.fromisoformat(data)

                return run_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        run_after = _parse_run_after(d.pop("run_after"))

        def _parse_schedule_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                schedule_id_type_0 = UUID(data)

                return schedule_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        schedule_id = _parse_schedule_id(d.pop("schedule_id"))

        status = check_job_status(d.pop("status"))

        task_name = d.pop("task_name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        stalled = d.pop("stalled", UNSET)

        job_out = cls(
            args=args,
            attempts=attempts,
            created_at=created_at,
            finished_at=finished_at,
            id=id,
            last_error=last_error,
            run_after=run_after,
            schedule_id=schedule_id,
            status=status,
            task_name=task_name,
            updated_at=updated_at,
            version=version,
            stalled=stalled,
        )

        job_out.additional_properties = d
        return job_out

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
