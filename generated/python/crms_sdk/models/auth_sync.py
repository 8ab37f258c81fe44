from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.auth_sync_desired_state import AuthSyncDesiredState
from ..models.auth_sync_status import AuthSyncStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthSync")


@_attrs_define
class AuthSync:
    """State of the propagation of the customer's status to the Auth Service (`isActive` of the user). `pending` means CRMS
    has saved the status but the Auth Service has not confirmed it yet; a background worker retries until it does.
    Omitted when the status has never been changed.

        Attributes:
            status (AuthSyncStatus): Whether the Auth Service reflects the latest desired state.
            updated_at (datetime.datetime): An instant as an ISO-8601 / RFC 3339 date-time, always in UTC with the `Z`
                suffix and millisecond precision. Optional dates that are not set are omitted from the response (never `null`).
            desired_state (AuthSyncDesiredState | Unset): The state the Auth Service user must be in.
            attempts (int | Unset): Number of failed delivery attempts of the pending sync.
            last_error (str | Unset): Last delivery error, while the sync is pending.
    """

    status: AuthSyncStatus
    updated_at: datetime.datetime
    desired_state: AuthSyncDesiredState | Unset = UNSET
    attempts: int | Unset = UNSET
    last_error: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        updated_at = self.updated_at.isoformat()

        desired_state: str | Unset = UNSET
        if not isinstance(self.desired_state, Unset):
            desired_state = self.desired_state.value

        attempts = self.attempts

        last_error = self.last_error

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "updatedAt": updated_at,
            }
        )
        if desired_state is not UNSET:
            field_dict["desiredState"] = desired_state
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if last_error is not UNSET:
            field_dict["lastError"] = last_error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = AuthSyncStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        _desired_state = d.pop("desiredState", UNSET)
        desired_state: AuthSyncDesiredState | Unset
        if isinstance(_desired_state, Unset):
            desired_state = UNSET
        else:
            desired_state = AuthSyncDesiredState(_desired_state)

        attempts = d.pop("attempts", UNSET)

        last_error = d.pop("lastError", UNSET)

        auth_sync = cls(
            status=status,
            updated_at=updated_at,
            desired_state=desired_state,
            attempts=attempts,
            last_error=last_error,
        )

        return auth_sync
