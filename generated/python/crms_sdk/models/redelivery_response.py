from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.redelivery_response_data import RedeliveryResponseData


T = TypeVar("T", bound="RedeliveryResponse")


@_attrs_define
class RedeliveryResponse:
    """Success envelope whose `data` is how many deliveries were scheduled again.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (RedeliveryResponseData):
    """

    success: bool
    message: str
    data: RedeliveryResponseData

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
        from ..models.redelivery_response_data import RedeliveryResponseData  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = RedeliveryResponseData.from_dict(d.pop("data"))

        redelivery_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return redelivery_response
