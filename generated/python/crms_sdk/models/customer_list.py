from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_summary import CustomerSummary
    from ..models.pagination import Pagination


T = TypeVar("T", bound="CustomerList")


@_attrs_define
class CustomerList:
    """A page of customers.

    Attributes:
        customers (list[CustomerSummary]):
        pagination (Pagination): Page information of `GET /api/customers`. Offset pagination (`page`) and keyset
            pagination (`cursor`) report the same fields.
    """

    customers: list[CustomerSummary]
    pagination: Pagination

    def to_dict(self) -> dict[str, Any]:
        customers = []
        for customers_item_data in self.customers:
            customers_item = customers_item_data.to_dict()
            customers.append(customers_item)

        pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customers": customers,
                "pagination": pagination,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_summary import CustomerSummary  # noqa: PLC0415
        from ..models.pagination import Pagination  # noqa: PLC0415

        d = dict(src_dict)
        customers = []
        _customers = d.pop("customers")
        for customers_item_data in _customers:
            customers_item = CustomerSummary.from_dict(customers_item_data)

            customers.append(customers_item)

        pagination = Pagination.from_dict(d.pop("pagination"))

        customer_list = cls(
            customers=customers,
            pagination=pagination,
        )

        return customer_list
