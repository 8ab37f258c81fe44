from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_status import CustomerStatus
from ..models.customer_type import CustomerType

T = TypeVar("T", bound="CreatedCustomer")


@_attrs_define
class CreatedCustomer:
    """The customer record that was created.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        user_id (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an opaque string
            of 1 to 64 letters, digits, `_` or `-`.
        customer_status (CustomerStatus): Business status of the customer. `Inactive` and `Suspended` also deactivate
            the user in the Auth Service; `Active` re-activates it.
        customer_type (CustomerType): Commercial tier of the customer.
        created_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
    """

    customer_id: str
    user_id: str
    customer_status: CustomerStatus
    customer_type: CustomerType
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        user_id = self.user_id

        customer_status = self.customer_status.value

        customer_type = self.customer_type.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "userId": user_id,
                "customerStatus": customer_status,
                "customerType": customer_type,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        user_id = d.pop("userId")

        customer_status = CustomerStatus(d.pop("customerStatus"))

        customer_type = CustomerType(d.pop("customerType"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        created_customer = cls(
            customer_id=customer_id,
            user_id=user_id,
            customer_status=customer_status,
            customer_type=customer_type,
            created_at=created_at,
        )

        return created_customer
