from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.history_pagination import HistoryPagination
    from ..models.order_history_item import OrderHistoryItem


T = TypeVar("T", bound="OrderHistory")


@_attrs_define
class OrderHistory:
    """A page of a customer's orders (guide §4.8), in the order the Order Service returns them.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        orders (list[OrderHistoryItem]):
        pagination (HistoryPagination): Page information of the order and complaint histories (guide §4.8).
    """

    customer_id: str
    orders: list[OrderHistoryItem]
    pagination: HistoryPagination

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        orders = []
        for orders_item_data in self.orders:
            orders_item = orders_item_data.to_dict()
            orders.append(orders_item)

        pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "orders": orders,
                "pagination": pagination,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_pagination import HistoryPagination  # noqa: PLC0415
        from ..models.order_history_item import OrderHistoryItem  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customerId")

        orders = []
        _orders = d.pop("orders")
        for orders_item_data in _orders:
            orders_item = OrderHistoryItem.from_dict(orders_item_data)

            orders.append(orders_item)

        pagination = HistoryPagination.from_dict(d.pop("pagination"))

        order_history = cls(
            customer_id=customer_id,
            orders=orders,
            pagination=pagination,
        )

        return order_history
