from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.search_results import SearchResults


T = TypeVar("T", bound="SearchResultsResponse")


@_attrs_define
class SearchResultsResponse:
    """Success envelope whose `data` is a SearchResults.

    Attributes:
        success (bool):
        message (str): Human-readable outcome.
        data (SearchResults): Matches of a customer search, best-known customers first.
    """

    success: bool
    message: str
    data: SearchResults

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
        from ..models.search_results import SearchResults  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        data = SearchResults.from_dict(d.pop("data"))

        search_results_response = cls(
            success=success,
            message=message,
            data=data,
        )

        return search_results_response
