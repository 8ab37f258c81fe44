from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Metadata")


@_attrs_define
class Metadata:
    """Activity metadata of the customer. Properties that are not known yet are omitted.

    Attributes:
        last_login_date (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with
            the `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response (never
            `null`).
        login_count (int | Unset): Number of logins recorded.
        last_activity_date (datetime.datetime | Unset): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC
            with the `Z` suffix and millisecond precision. Optional dates that are not set are omitted from the response
            (never `null`).
    """

    last_login_date: datetime.datetime | Unset = UNSET
    login_count: int | Unset = UNSET
    last_activity_date: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        last_login_date: str | Unset = UNSET
        if not isinstance(self.last_login_date, Unset):
            last_login_date = self.last_login_date.isoformat()

        login_count = self.login_count

        last_activity_date: str | Unset = UNSET
        if not isinstance(self.last_activity_date, Unset):
            last_activity_date = self.last_activity_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if last_login_date is not UNSET:
            field_dict["lastLoginDate"] = last_login_date
        if login_count is not UNSET:
            field_dict["loginCount"] = login_count
        if last_activity_date is not UNSET:
            field_dict["lastActivityDate"] = last_activity_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _last_login_date = d.pop("lastLoginDate", UNSET)
        last_login_date: datetime.datetime | Unset
        if isinstance(_last_login_date, Unset):
            last_login_date = UNSET
        else:
            last_login_date = datetime.datetime.fromisoformat(_last_login_date)

        login_count = d.pop("loginCount", UNSET)

        _last_activity_date = d.pop("lastActivityDate", UNSET)
        last_activity_date: datetime.datetime | Unset
        if isinstance(_last_activity_date, Unset):
            last_activity_date = UNSET
        else:
            last_activity_date = datetime.datetime.fromisoformat(_last_activity_date)

        metadata = cls(
            last_login_date=last_login_date,
            login_count=login_count,
            last_activity_date=last_activity_date,
        )

        return metadata
