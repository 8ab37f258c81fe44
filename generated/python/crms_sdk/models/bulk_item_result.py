from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.bulk_item_result_auth_sync import BulkItemResultAuthSync
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bulk_item_result_error import BulkItemResultError


T = TypeVar("T", bound="BulkItemResult")


@_attrs_define
class BulkItemResult:
    """The outcome for one customer id of a bulk request.

    Attributes:
        customer_id (str): Identifier of a customer record (a MongoDB ObjectId, 24 hexadecimal characters).
        success (bool): Whether the action was applied (or already held) for this customer.
        auth_sync (BulkItemResultAuthSync | Unset): For a successful `setStatus`, whether the Auth Service has confirmed
            the new state.
        error (BulkItemResultError | Unset): Why this customer was not changed; present exactly when `success` is false.
    """

    customer_id: str
    success: bool
    auth_sync: BulkItemResultAuthSync | Unset = UNSET
    error: BulkItemResultError | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        success = self.success

        auth_sync: str | Unset = UNSET
        if not isinstance(self.auth_sync, Unset):
            auth_sync = self.auth_sync.value

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerId": customer_id,
                "success": success,
            }
        )
        if auth_sync is not UNSET:
            field_dict["authSync"] = auth_sync
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_item_result_error import BulkItemResultError  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customerId")

        success = d.pop("success")

        _auth_sync = d.pop("authSync", UNSET)
        auth_sync: BulkItemResultAuthSync | Unset
        if isinstance(_auth_sync, Unset):
            auth_sync = UNSET
        else:
            auth_sync = BulkItemResultAuthSync(_auth_sync)

        _error = d.pop("error", UNSET)
        error: BulkItemResultError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = BulkItemResultError.from_dict(_error)

        bulk_item_result = cls(
            customer_id=customer_id,
            success=success,
            auth_sync=auth_sync,
            error=error,
        )

        return bulk_item_result
