from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_detail import CustomerDetail


T = TypeVar("T", bound="CustomerDataExport")


@_attrs_define
class CustomerDataExport:
    """Everything CRMS stores about one customer (GDPR art. 15 / art. 20), as one JSON document: the full record with
    profile, statistics, preferences, activity metadata, tags, the notes summary, the note, status and type histories,
    the Auth-sync state and, once erased, the erasure details. Internal bookkeeping (search keys, version counters,
    idempotency keys, work claims) is not personal data and is never included.

        Attributes:
            exported_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
                suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
            customer (CustomerDetail): The full customer record as seen by an administrator (guide §4.4), with the note,
                status and type histories. Optional properties are omitted when they are not set.
    """

    exported_at: datetime.datetime
    customer: CustomerDetail

    def to_dict(self) -> dict[str, Any]:
        exported_at = self.exported_at.isoformat()

        customer = self.customer.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "exportedAt": exported_at,
                "customer": customer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_detail import CustomerDetail  # noqa: PLC0415

        d = dict(src_dict)
        exported_at = datetime.datetime.fromisoformat(d.pop("exportedAt"))

        customer = CustomerDetail.from_dict(d.pop("customer"))

        customer_data_export = cls(
            exported_at=exported_at,
            customer=customer,
        )

        return customer_data_export
