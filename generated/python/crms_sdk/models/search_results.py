from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.search_result import SearchResult


T = TypeVar("T", bound="SearchResults")


@_attrs_define
class SearchResults:
    """Matches of a customer search, best-known customers first.

    Attributes:
        results (list[SearchResult]):
        total_results (int): Number of results returned (at most `limit`).
        search_term (str): The search term as received (`q`).
    """

    results: list[SearchResult]
    total_results: int
    search_term: str

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        total_results = self.total_results

        search_term = self.search_term

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "results": results,
                "totalResults": total_results,
                "searchTerm": search_term,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_result import SearchResult  # noqa: PLC0415

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = SearchResult.from_dict(results_item_data)

            results.append(results_item)

        total_results = d.pop("totalResults")

        search_term = d.pop("searchTerm")

        search_results = cls(
            results=results,
            total_results=total_results,
            search_term=search_term,
        )

        return search_results
