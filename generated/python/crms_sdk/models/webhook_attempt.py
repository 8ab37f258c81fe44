from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_attempt_outcome import WebhookAttemptOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookAttempt")


@_attrs_define
class WebhookAttempt:
    """One delivery attempt.

    Attributes:
        at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z` suffix and
            millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
        outcome (WebhookAttemptOutcome): `delivered`: the receiver answered 2xx.
        duration_ms (int):
        status_code (int | Unset): The receiver's HTTP status, when it answered.
        error (str | Unset): Why the attempt failed without an answer (timeout, refused address, connection error).
        response_body (str | Unset): The first bytes (at most 256) of the receiver's answer.
    """

    at: datetime.datetime
    outcome: WebhookAttemptOutcome
    duration_ms: int
    status_code: int | Unset = UNSET
    error: str | Unset = UNSET
    response_body: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        outcome = self.outcome.value

        duration_ms = self.duration_ms

        status_code = self.status_code

        error = self.error

        response_body = self.response_body

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "outcome": outcome,
                "durationMs": duration_ms,
            }
        )
        if status_code is not UNSET:
            field_dict["statusCode"] = status_code
        if error is not UNSET:
            field_dict["error"] = error
        if response_body is not UNSET:
            field_dict["responseBody"] = response_body

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        outcome = WebhookAttemptOutcome(d.pop("outcome"))

        duration_ms = d.pop("durationMs")

        status_code = d.pop("statusCode", UNSET)

        error = d.pop("error", UNSET)

        response_body = d.pop("responseBody", UNSET)

        webhook_attempt = cls(
            at=at,
            outcome=outcome,
            duration_ms=duration_ms,
            status_code=status_code,
            error=error,
            response_body=response_body,
        )

        return webhook_attempt
