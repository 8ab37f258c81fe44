from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.order_history import OrderHistory


T = TypeVar("T", bound="OrderHistoryResponse")


@_attrs_define
class OrderHistoryResponse:
    """Success envelope whose `data` is a OrderHistory.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (OrderHistory): A page of a customer's orders (guide §4.8), in the order the Order Service returns them.
    """

    success: bool
    message: str
    data: OrderHistory

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
        from ..models.order_history import OrderHistory  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = OrderHistory.from_dict(d.pop("data"))

        order_history_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return order_history_response
