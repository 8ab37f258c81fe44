from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Pagination")


@_attrs_define
class Pagination:
    """Page information of `GET /api/customers`. Offset pagination (`page`) and keyset pagination (`cursor`) report the
    same fields.

        Attributes:
            current_page (int): Number of the returned page (1-based), also when the page was reached with a cursor.
            total_pages (int): Number of pages for the current filters and page size (0 when nothing matches).
            total_items (int): Number of customers matching the filters.
            items_per_page (int): The page size used.
            has_next_page (bool):
            has_previous_page (bool):
            next_cursor (None | str): Opaque keyset cursor of the next page: pass it as `cursor` with the same filters and
                sort to continue. `null` on the last page.
    """

    current_page: int
    total_pages: int
    total_items: int
    items_per_page: int
    has_next_page: bool
    has_previous_page: bool
    next_cursor: None | str

    def to_dict(self) -> dict[str, Any]:
        current_page = self.current_page

        total_pages = self.total_pages

        total_items = self.total_items

        items_per_page = self.items_per_page

        has_next_page = self.has_next_page

        has_previous_page = self.has_previous_page

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currentPage": current_page,
                "totalPages": total_pages,
                "totalItems": total_items,
                "itemsPerPage": items_per_page,
                "hasNextPage": has_next_page,
                "hasPreviousPage": has_previous_page,
                "nextCursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        current_page = d.pop("currentPage")

        total_pages = d.pop("totalPages")

        total_items = d.pop("totalItems")

        items_per_page = d.pop("itemsPerPage")

        has_next_page = d.pop("hasNextPage")

        has_previous_page = d.pop("hasPreviousPage")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("nextCursor"))

        pagination = cls(
            current_page=current_page,
            total_pages=total_pages,
            total_items=total_items,
            items_per_page=items_per_page,
            has_next_page=has_next_page,
            has_previous_page=has_previous_page,
            next_cursor=next_cursor,
        )

        return pagination
