from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RedeliverRequest")


@_attrs_define
class RedeliverRequest:
    """Either one event (`eventId`) or every event of the subscription recorded at or after `since`.

    Attributes:
        event_id (str | Unset):
        since (str | Unset): An ISO-8601 date-time as accepted in requests: `YYYY-MM-DDTHH:MM`, optional seconds and
            fraction (up to 9 digits, stored with millisecond precision), optional offset (`Z` or `±HH:MM`). A value
            **without an offset is taken as UTC** (the Order Service sends `2026-01-25T13:00:00.123456`). Responses always
            return dates normalised to UTC with `Z`.
    """

    event_id: str | Unset = UNSET
    since: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        since = self.since

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if event_id is not UNSET:
            field_dict["eventId"] = event_id
        if since is not UNSET:
            field_dict["since"] = since

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_id = d.pop("eventId", UNSET)

        since = d.pop("since", UNSET)

        redeliver_request = cls(
            event_id=event_id,
            since=since,
        )

        return redeliver_request
