from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.bulk_operation_request_action import BulkOperationRequestAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="BulkOperationRequest")


@_attrs_define
class BulkOperationRequest:
    """One action applied to up to 100 customers. What `value` must be depends on `action`:
    | action | value | reason | |---|---|---| | `setStatus` | a `CustomerStatus` | optional, recorded in each status
    history | | `setType` | a `CustomerType` | optional, recorded in each type history | | `addTags` | `Tags` (at least
    one): added to each customer's tags (trimmed, de-duplicated) | not allowed | | `removeTags` | `Tags` (at least one):
    removed where present | not allowed |
    A `value` that does not fit the `action` (or a `reason` with a tag action) is rejected with 400 for the whole
    request: nothing is applied.

        Attributes:
            action (BulkOperationRequestAction):
            customer_ids (list[str]): The customers to change, 1 to 100 distinct ids; results come back in this order.
            value (list[str] | str): A `CustomerStatus` for `setStatus`, a `CustomerType` for `setType`, a non-empty list of
                tags (as `Tags`) for `addTags` and `removeTags`.
            reason (str | Unset): Why the status or type changes (setStatus and setType only).
    """

    action: BulkOperationRequestAction
    customer_ids: list[str]
    value: list[str] | str
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        customer_ids = self.customer_ids

        value: list[str] | str
        if isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "customerIds": customer_ids,
                "value": value,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = BulkOperationRequestAction(d.pop("action"))

        customer_ids = cast(list[str], d.pop("customerIds"))

        def _parse_value(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_1 = cast(list[str], data)

                return value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str, data)

        value = _parse_value(d.pop("value"))

        reason = d.pop("reason", UNSET)

        bulk_operation_request = cls(
            action=action,
            customer_ids=customer_ids,
            value=value,
            reason=reason,
        )

        return bulk_operation_request
