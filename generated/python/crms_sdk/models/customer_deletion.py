from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CustomerDeletion")


@_attrs_define
class CustomerDeletion:
    """Confirmation of a deletion.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        deleted_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
            suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
    """

    customer_id: str
    deleted_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        deleted_at = self.deleted_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "deletedAt": deleted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customerId")

        deleted_at = datetime.datetime.fromisoformat(d.pop("deletedAt"))

        customer_deletion = cls(
            customer_id=customer_id,
            deleted_at=deleted_at,
        )

        return customer_deletion
