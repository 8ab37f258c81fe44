from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatisticsUpdate")


@_attrs_define
class StatisticsUpdate:
    """The customer's statistics after the update.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        total_orders (int):
        total_order_value (float):
        total_complaints (int):
        open_complaints (int):
        updated_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        last_order_date (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with
            the `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response (never
            `null`).
        last_complaint_date (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC
            with the `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response
            (never `null`).
    """

    customer_id: str
    total_orders: int
    total_order_value: float
    total_complaints: int
    open_complaints: int
    updated_at: datetime.datetime
    last_order_date: datetime.datetime | Unset = UNSET
    last_complaint_date: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        total_orders = self.total_orders

        total_order_value = self.total_order_value

        total_complaints = self.total_complaints

        open_complaints = self.open_complaints

        updated_at = self.updated_at.isoformat()

        last_order_date: str | Unset = UNSET
        if not isinstance(self.last_order_date, Unset):
            last_order_date = self.last_order_date.isoformat()

        last_complaint_date: str | Unset = UNSET
        if not isinstance(self.last_complaint_date, Unset):
            last_complaint_date = self.last_complaint_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "totalOrders": total_orders,
                "totalOrderValue": total_order_value,
                "totalComplaints": total_complaints,
                "openComplaints": open_complaints,
                "updatedAt": updated_at,
            }
        )
        if last_order_date is not UNSET:
            field_dict["lastOrderDate"] = last_order_date
        if last_complaint_date is not UNSET:
            field_dict["lastComplaintDate"] = last_complaint_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        total_orders = d.pop("totalOrders")

        total_order_value = d.pop("totalOrderValue")

        total_complaints = d.pop("totalComplaints")

        open_complaints = d.pop("openComplaints")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        _last_order_date = d.pop("lastOrderDate", UNSET)
        last_order_date: datetime.datetime | Unset
        if isinstance(_last_order_date, Unset):
            last_order_date = UNSET
        else:
            last_order_date = datetime.datetime.fromisoformat(_last_order_date)

        _last_complaint_date = d.pop("lastComplaintDate", UNSET)
        last_complaint_date: datetime.datetime | Unset
        if isinstance(_last_complaint_date, Unset):
            last_complaint_date = UNSET
        else:
            last_complaint_date = datetime.datetime.fromisoformat(_last_complaint_date)

        statistics_update = cls(
            customer_id=customer_id,
            total_orders=total_orders,
            total_order_value=total_order_value,
            total_complaints=total_complaints,
            open_complaints=open_complaints,
            updated_at=updated_at,
            last_order_date=last_order_date,
            last_complaint_date=last_complaint_date,
        )

        return statistics_update
