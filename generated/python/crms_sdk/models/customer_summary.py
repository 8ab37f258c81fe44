from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_status import CustomerStatus
from ..models.customer_type import CustomerType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerSummary")


@_attrs_define
class CustomerSummary:
    """A customer as listed by `GET /api/customers` (guide §4.2). Optional properties are omitted when they are not set.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        email (str): E-mail address, denormalised from the Auth Service (lower-case). Served as stored: a record of the
            previous implementation may hold an empty or malformed address (`crms migrate` reports such records), so this is
            not checked as an e-mail address here.
        full_name (str):
        customer_status (CustomerStatus): Business status of the customer. `Inactive` and `Suspended` also deactivate
            the user in the Auth Service; `Active` re-activates it.
        customer_type (CustomerType): Commercial tier of the customer.
        total_orders (int):
        total_order_value (float):
        total_complaints (int):
        open_complaints (int):
        customer_since (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        user_id (str | Unset): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an
            opaque string of 1 to 64 letters, digits, `_` or `-`.
        contact_number (str | Unset):
        last_order_date (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with
            the `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response (never
            `null`).
        created_at (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the
            `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response (never
            `null`).
    """

    customer_id: str
    email: str
    full_name: str
    customer_status: CustomerStatus
    customer_type: CustomerType
    total_orders: int
    total_order_value: float
    total_complaints: int
    open_complaints: int
    customer_since: datetime.datetime
    user_id: str | Unset = UNSET
    contact_number: str | Unset = UNSET
    last_order_date: datetime.datetime | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        email = self.email

        full_name = self.full_name

        customer_status = self.customer_status.value

        customer_type = self.customer_type.value

        total_orders = self.total_orders

        total_order_value = self.total_order_value

        total_complaints = self.total_complaints

        open_complaints = self.open_complaints

        customer_since = self.customer_since.isoformat()

        user_id = self.user_id

        contact_number = self.contact_number

        last_order_date: str | Unset = UNSET
        if not isinstance(self.last_order_date, Unset):
            last_order_date = self.last_order_date.isoformat()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "email": email,
                "fullName": full_name,
                "customerStatus": customer_status,
                "customerType": customer_type,
                "totalOrders": total_orders,
                "totalOrderValue": total_order_value,
                "totalComplaints": total_complaints,
                "openComplaints": open_complaints,
                "customerSince": customer_since,
            }
        )
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if contact_number is not UNSET:
            field_dict["contactNumber"] = contact_number
        if last_order_date is not UNSET:
            field_dict["lastOrderDate"] = last_order_date
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

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

        total_order_value = d.pop("totalOrderValue")

        total_complaints = d.pop("totalComplaints")

        open_complaints = d.pop("openComplaints")

        customer_since = datetime.datetime.fromisoformat(d.pop("customerSince"))

        user_id = d.pop("userId", UNSET)

        contact_number = d.pop("contactNumber", UNSET)

        _last_order_date = d.pop("lastOrderDate", UNSET)
        last_order_date: datetime.datetime | Unset
        if isinstance(_last_order_date, Unset):
            last_order_date = UNSET
        else:
            last_order_date = datetime.datetime.fromisoformat(_last_order_date)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        customer_summary = cls(
            customer_id=customer_id,
            email=email,
            full_name=full_name,
            customer_status=customer_status,
            customer_type=customer_type,
            total_orders=total_orders,
            total_order_value=total_order_value,
            total_complaints=total_complaints,
            open_complaints=open_complaints,
            customer_since=customer_since,
            user_id=user_id,
            contact_number=contact_number,
            last_order_date=last_order_date,
            created_at=created_at,
        )

        return customer_summary
