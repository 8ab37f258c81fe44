from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CustomerAnalyticsOrders")


@_attrs_define
class CustomerAnalyticsOrders:
    """
    Attributes:
        total_orders (int): Sum of `totalOrders` over all customers.
        total_order_value (float): Sum of `totalOrderValue` over all customers.
        average_order_value (float): Value per order (`totalOrderValue / totalOrders`); 0 when there are no orders.
        average_customer_value (float): Value per customer (`totalOrderValue / totalCustomers`); 0 when there are no
            customers.
    """

    total_orders: int
    total_order_value: float
    average_order_value: float
    average_customer_value: float

    def to_dict(self) -> dict[str, Any]:
        total_orders = self.total_orders

        total_order_value = self.total_order_value

        average_order_value = self.average_order_value

        average_customer_value = self.average_customer_value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "totalOrders": total_orders,
                "totalOrderValue": total_order_value,
                "averageOrderValue": average_order_value,
                "averageCustomerValue": average_customer_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_orders = d.pop("totalOrders")

        total_order_value = d.pop("totalOrderValue")

        average_order_value = d.pop("averageOrderValue")

        average_customer_value = d.pop("averageCustomerValue")

        customer_analytics_orders = cls(
            total_orders=total_orders,
            total_order_value=total_order_value,
            average_order_value=average_order_value,
            average_customer_value=average_customer_value,
        )

        return customer_analytics_orders
