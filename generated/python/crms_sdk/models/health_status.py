from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="HealthStatus")


@_attrs_define
class HealthStatus:
    """Liveness of the process.

    Attributes:
        status (Literal['ok']):
        service (str): Service name (`SERVICE_NAME`).
        version (str): Service version (`SERVICE_VERSION`).
        uptime_seconds (float): Seconds since the process started.
    """

    status: Literal["ok"]
    service: str
    version: str
    uptime_seconds: float

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        service = self.service

        version = self.version

        uptime_seconds = self.uptime_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "service": service,
                "version": version,
                "uptimeSeconds": uptime_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = cast(Literal["ok"], d.pop("status"))
        if status != "ok":
            raise ValueError(f"status must match const 'ok', got '{status}'")

        service = d.pop("service")

        version = d.pop("version")

        uptime_seconds = d.pop("uptimeSeconds")

        health_status = cls(
            status=status,
            service=service,
            version=version,
            uptime_seconds=uptime_seconds,
        )

        return health_status
