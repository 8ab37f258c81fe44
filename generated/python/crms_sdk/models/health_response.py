from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.health_status import HealthStatus


T = TypeVar("T", bound="HealthResponse")


@_attrs_define
class HealthResponse:
    """Success envelope whose `data` is a HealthStatus.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (HealthStatus): Liveness of the process.
    """

    success: bool
    message: str
    data: HealthStatus

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "success": success,
                "message": message,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.health_status import HealthStatus  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = HealthStatus.from_dict(d.pop("data"))

        health_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return health_response
