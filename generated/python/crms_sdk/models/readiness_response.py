from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.readiness_status import ReadinessStatus


T = TypeVar("T", bound="ReadinessResponse")


@_attrs_define
class ReadinessResponse:
    """Success envelope whose `data` is a ReadinessStatus.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (ReadinessStatus): Readiness of the service. Only the database decides readiness; the sibling services'
            breaker states and the records still below the current schema version are reported for information.
    """

    success: bool
    message: str
    data: ReadinessStatus

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
        from ..models.readiness_status import ReadinessStatus  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = ReadinessStatus.from_dict(d.pop("data"))

        readiness_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return readiness_response
