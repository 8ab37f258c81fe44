from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateCustomerRequest")


@_attrs_define
class CreateCustomerRequest:
    """The customer record to create for a newly registered user (guide §4.9). New records start `Active` and `Regular`
    with zero statistics.

        Attributes:
            user_id (str): Identifier of the user in the Auth Service (`user._id` there). CRMS treats it as an opaque string
                of 1 to 64 letters, digits, `_` or `-`.
            email (str): E-mail address; stored lower-cased.
            full_name (str):
            contact_number (str | Unset): Contact number in the Auth Service's own format: 10 to 15 characters of digits,
                `+`, `-`, spaces and parentheses. Stored as given.
            customer_since (str | Unset): An ISO-8601 date-time as accepted in requests: `YYYY-MM-DDTHH:MM`, optional
                seconds and fraction (up to 9 digits, stored with millisecond precision), optional offset (`Z` or `±HH:MM`). A
                value **without an offset is taken as UTC** (the Order Service sends `2026-01-25T13:00:00.123456`). Responses
                always return dates normalised to UTC with `Z`.
    """

    user_id: str
    email: str
    full_name: str
    contact_number: str | Unset = UNSET
    customer_since: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        email = self.email

        full_name = self.full_name

        contact_number = self.contact_number

        customer_since = self.customer_since

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "userId": user_id,
                "email": email,
                "fullName": full_name,
            }
        )
        if contact_number is not UNSET:
            field_dict["contactNumber"] = contact_number
        if customer_since is not UNSET:
            field_dict["customerSince"] = customer_since

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("userId")

        email = d.pop("email")

        full_name = d.pop("fullName")

        contact_number = d.pop("contactNumber", UNSET)

        customer_since = d.pop("customerSince", UNSET)

        create_customer_request = cls(
            user_id=user_id,
            email=email,
            full_name=full_name,
            contact_number=contact_number,
            customer_since=customer_since,
        )

        return create_customer_request
