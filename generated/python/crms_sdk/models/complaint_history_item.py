from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintHistoryItem")


@_attrs_define
class ComplaintHistoryItem:
    """One complaint of a customer, as reported by the Complaint Service.

    Attributes:
        complaint_id (str): Complaint identifier in the Complaint Service.
        subject (str):
        status (str): Status as reported by the Complaint Service (for example `Open`, `Resolved`).
        created_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        order_id (str | Unset): The order the complaint is about, if any.
        category (str | Unset):
        priority (str | Unset):
        resolved_at (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the
            `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response (never
            `null`).
    """

    complaint_id: str
    subject: str
    status: str
    created_at: datetime.datetime
    order_id: str | Unset = UNSET
    category: str | Unset = UNSET
    priority: str | Unset = UNSET
    resolved_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        complaint_id = self.complaint_id

        subject = self.subject

        status = self.status

        created_at = self.created_at.isoformat()

        order_id = self.order_id

        category = self.category

        priority = self.priority

        resolved_at: str | Unset = UNSET
        if not isinstance(self.resolved_at, Unset):
            resolved_at = self.resolved_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "complaintId": complaint_id,
                "subject": subject,
                "status": status,
                "createdAt": created_at,
            }
        )
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if category is not UNSET:
            field_dict["category"] = category
        if priority is not UNSET:
            field_dict["priority"] = priority
        if resolved_at is not UNSET:
            field_dict["resolvedAt"] = resolved_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        complaint_id = d.pop("complaintId")

        subject = d.pop("subject")

        status = d.pop("status")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        order_id = d.pop("orderId", UNSET)

        category = d.pop("category", UNSET)

        priority = d.pop("priority", UNSET)

        _resolved_at = d.pop("resolvedAt", UNSET)
        resolved_at: datetime.datetime | Unset
        if isinstance(_resolved_at, Unset):
            resolved_at = UNSET
        else:
            resolved_at = datetime.datetime.fromisoformat(_resolved_at)

        complaint_history_item = cls(
            complaint_id=complaint_id,
            subject=subject,
            status=status,
            created_at=created_at,
            order_id=order_id,
            category=category,
            priority=priority,
            resolved_at=resolved_at,
        )

        return complaint_history_item
