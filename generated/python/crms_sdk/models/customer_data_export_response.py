from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_data_export import CustomerDataExport


T = TypeVar("T", bound="CustomerDataExportResponse")


@_attrs_define
class CustomerDataExportResponse:
    """Success envelope whose `data` is a CustomerDataExport.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (CustomerDataExport): Everything CRMS stores about one customer (GDPR art. 15 / art. 20), as one JSON
            document: the full record with profile, statistics, preferences, activity metadata, tags, the notes summary, the
            note, status and type histories, the Auth-sync state and, once erased, the erasure details. Internal bookkeeping
            (search keys, version counters, idempotency keys, work claims) is not personal data and is never included.
    """

    success: bool
    message: str
    data: CustomerDataExport

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "success": success,
                "message": message,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_data_export import CustomerDataExport  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = CustomerDataExport.from_dict(d.pop("data"))

        customer_data_export_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return customer_data_export_response
