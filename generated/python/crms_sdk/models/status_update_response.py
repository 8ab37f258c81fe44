from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.status_update import StatusUpdate


T = TypeVar("T", bound="StatusUpdateResponse")


@_attrs_define
class StatusUpdateResponse:
    """Success envelope whose `data` is a StatusUpdate.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (StatusUpdate): Result of a status change.
    """

    success: bool
    message: str
    data: StatusUpdate

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
        from ..models.status_update import StatusUpdate  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = StatusUpdate.from_dict(d.pop("data"))

        status_update_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return status_update_response
