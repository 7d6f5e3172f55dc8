from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attempt_outcome import AttemptOutcome, check_attempt_outcome

T = TypeVar("T", bound="AttemptOut")


@_attrs_define
class AttemptOut:
    """
    Attributes:
        attempt (int):
        created_at (datetime.datetime):
        delivery_id (UUID):
        error (None | str):
        id (UUID):
        latency_ms (int):
        outcome (AttemptOutcome): How one HTTP attempt ended.
        response_code (int | None):
        response_excerpt (None | str):
    """

    attempt: int
    created_at: datetime.datetime
    delivery_id: UUID
    error: None | str
    id: UUID
    latency_ms: int
    outcome: AttemptOutcome
    response_code: int | None
    response_excerpt: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempt = self.attempt

        created_at = self.created_at.isoformat()

        delivery_id = str(self.delivery_id)

        error: None | str
        error = self.error

        id = str(self.id)

        latency_ms = self.latency_ms

        outcome: str = self.outcome

        response_code: int | None
        response_code = self.response_code

        response_excerpt: None | str
        response_excerpt = self.response_excerpt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempt": attempt,
                "created_at": created_at,
                "delivery_id": delivery_id,
                "error": error,
                "id": id,
                "latency_ms": latency_ms,
                "outcome": outcome,
                "response_code": response_code,
                "response_excerpt": response_excerpt,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt = d.pop("attempt")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        delivery_id = UUID(d.pop("delivery_id"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        id = UUID(d.pop("id"))

        latency_ms = d.pop("latency_ms")

        outcome = check_attempt_outcome(d.pop("outcome"))

        def _parse_response_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        response_code = _parse_response_code(d.pop("response_code"))

        def _parse_response_excerpt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        response_excerpt = _parse_response_excerpt(d.pop("response_excerpt"))

        attempt_out = cls(
            attempt=attempt,
            created_at=created_at,
            delivery_id=delivery_id,
            error=error,
            id=id,
            latency_ms=latency_ms,
            outcome=outcome,
            response_code=response_code,
            response_excerpt=response_excerpt,
        )

        attempt_out.additional_properties = d
        return attempt_out

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
