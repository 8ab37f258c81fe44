from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_type import CustomerType

T = TypeVar("T", bound="TypeUpdate")


@_attrs_define
class TypeUpdate:
    """Result of a type change.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        customer_type (CustomerType): Commercial tier of the customer.
        previous_type (CustomerType): Commercial tier of the customer.
        updated_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        updated_by (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an opaque
            string of 1 to 64 letters, digits, `_` or `-`.
    """

    customer_id: str
    customer_type: CustomerType
    previous_type: CustomerType
    updated_at: datetime.datetime
    updated_by: str

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        customer_type = self.customer_type.value

        previous_type = self.previous_type.value

        updated_at = self.updated_at.isoformat()

        updated_by = self.updated_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "customerType": customer_type,
                "previousType": previous_type,
                "updatedAt": updated_at,
                "updatedBy": updated_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        customer_type = CustomerType(d.pop("customerType"))

        previous_type = CustomerType(d.pop("previousType"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        updated_by = d.pop("updatedBy")

        type_update = cls(
            customer_id=customer_id,
            customer_type=customer_type,
            previous_type=previous_type,
            updated_at=updated_at,
            updated_by=updated_by,
        )

        return type_update
