from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_type import CustomerType

T = TypeVar("T", bound="TopCustomer")


@_attrs_define
class TopCustomer:
    """One of the customers with the highest total order value.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        full_name (str):
        email (str):
        customer_type (CustomerType): Commercial tier of the customer.
        total_orders (int):
        total_order_value (float):
    """

    customer_id: str
    full_name: str
    email: str
    customer_type: CustomerType
    total_orders: int
    total_order_value: float

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        full_name = self.full_name

        email = self.email

        customer_type = self.customer_type.value

        total_orders = self.total_orders

        total_order_value = self.total_order_value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "fullName": full_name,
                "email": email,
                "customerType": customer_type,
                "totalOrders": total_orders,
                "totalOrderValue": total_order_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        full_name = d.pop("fullName")

        email = d.pop("email")

        customer_type = CustomerType(d.pop("customerType"))

        total_orders = d.pop("totalOrders")

        total_order_value = d.pop("totalOrderValue")

        top_customer = cls(
            customer_id=customer_id,
            full_name=full_name,
            email=email,
            customer_type=customer_type,
            total_orders=total_orders,
            total_order_value=total_order_value,
        )

        return top_customer
