from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="HistoryPagination")


@_attrs_define
class HistoryPagination:
    """Page information of the order and complaint histories (guide §4.8).

    Attributes:
        current_page (int):
        total_pages (int):
        total_items (int):
    """

    current_page: int
    total_pages: int
    total_items: int

    def to_dict(self) -> dict[str, Any]:
        current_page = self.current_page

        total_pages = self.total_pages

        total_items = self.total_items

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currentPage": current_page,
                "totalPages": total_pages,
                "totalItems": total_items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        current_page = d.pop("currentPage")

        total_pages = d.pop("totalPages")

        total_items = d.pop("totalItems")

        history_pagination = cls(
            current_page=current_page,
            total_pages=total_pages,
            total_items=total_items,
        )

        return history_pagination
