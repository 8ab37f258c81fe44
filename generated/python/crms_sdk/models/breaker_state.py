from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.breaker_state_breaker import BreakerStateBreaker

T = TypeVar("T", bound="BreakerState")


@_attrs_define
class BreakerState:
    """State of the circuit breaker guarding calls to a sibling service: `closed` (calls flow), `open` (calls short-circuit
    to 502), `halfOpen` (a trial call is allowed), `isolated` (manually isolated).

        Attributes:
            breaker (BreakerStateBreaker):
    """

    breaker: BreakerStateBreaker

    def to_dict(self) -> dict[str, Any]:
        breaker = self.breaker.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "breaker": breaker,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        breaker = BreakerStateBreaker(d.pop("breaker"))

        breaker_state = cls(
            breaker=breaker,
        )

        return breaker_state
