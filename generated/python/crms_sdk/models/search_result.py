from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_status import CustomerStatus
from ..models.customer_type import CustomerType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SearchResult")


@_attrs_define
class SearchResult:
    """One match of `GET /api/customers/search` (guide §4.3).

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        email (str):
        full_name (str):
        customer_status (CustomerStatus): Business status of the customer. `Inactive` and `Suspended` also deactivate
            the user in the Auth Service; `Active` re-activates it.
        customer_type (CustomerType): Commercial tier of the customer.
        total_orders (int):
        contact_number (str | Unset): Omitted when the customer has no contact number.
    """

    customer_id: str
    email: str
    full_name: str
    customer_status: CustomerStatus
    customer_type: CustomerType
    total_orders: int
    contact_number: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        email = self.email

        full_name = self.full_name

        customer_status = self.customer_status.value

        customer_type = self.customer_type.value

        total_orders = self.total_orders

        contact_number = self.contact_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "email": email,
                "fullName": full_name,
                "customerStatus": customer_status,
                "customerType": customer_type,
                "totalOrders": total_orders,
            }
        )
        if contact_number is not UNSET:
            field_dict["contactNumber"] = contact_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        email = d.pop("email")

        full_name = d.pop("fullName")

        customer_status = CustomerStatus(d.pop("customerStatus"))

        customer_type = CustomerType(d.pop("customerType"))

        total_orders = d.pop("totalOrders")

        contact_number = d.pop("contactNumber", UNSET)

        search_result = cls(
            customer_id=customer_id,
            email=email,
            full_name=full_name,
            customer_status=customer_status,
            customer_type=customer_type,
            total_orders=total_orders,
            contact_number=contact_number,
        )

        return search_result
