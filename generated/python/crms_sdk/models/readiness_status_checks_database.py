from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.readiness_status_checks_database_status import ReadinessStatusChecksDatabaseStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReadinessStatusChecksDatabase")


@_attrs_define
class ReadinessStatusChecksDatabase:
    """
    Attributes:
        status (ReadinessStatusChecksDatabaseStatus):
        latency_ms (float | Unset): Round-trip time of the database ping, in milliseconds.
    """

    status: ReadinessStatusChecksDatabaseStatus
    latency_ms: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        latency_ms = self.latency_ms

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if latency_ms is not UNSET:
            field_dict["latencyMs"] = latency_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ReadinessStatusChecksDatabaseStatus(d.pop("status"))

        latency_ms = d.pop("latencyMs", UNSET)

        readiness_status_checks_database = cls(
            status=status,
            latency_ms=latency_ms,
        )

        return readiness_status_checks_database
