from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.order_status import OrderStatus

T = TypeVar("T", bound="OrderHistoryItem")


@_attrs_define
class OrderHistoryItem:
    """One order of a customer, as reported by the Order Service.

    Attributes:
        order_id (str): Order identifier in the Order Service.
        order_date (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        status (OrderStatus): Status of an order in the Order Service. `Placed`, `Processing`, `Shipped` and `Return
            Requested` are *active* statuses.
        total_amount (float):
        item_count (int):
    """

    order_id: str
    order_date: datetime.datetime
    status: OrderStatus
    total_amount: float
    item_count: int

    def to_dict(self) -> dict[str, Any]:
        order_id = self.order_id

        order_date = self.order_date.isoformat()

        status = self.status.value

        total_amount = self.total_amount

        item_count = self.item_count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "orderId": order_id,
                "orderDate": order_date,
                "status": status,
                "totalAmount": total_amount,
                "itemCount": item_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_id = d.pop("orderId")

        order_date = datetime.datetime.fromisoformat(d.pop("orderDate"))

        status = OrderStatus(d.pop("status"))

        total_amount = d.pop("totalAmount")

        item_count = d.pop("itemCount")

        order_history_item = cls(
            order_id=order_id,
            order_date=order_date,
            status=status,
            total_amount=total_amount,
            item_count=item_count,
        )

        return order_history_item
