"""Verifying CRMS's event deliveries (the contract's ``webhooks``) per the Standard Webhooks specification.

``verify_webhook`` checks a delivery's ``webhook-id``, ``webhook-timestamp`` and ``webhook-signature`` headers
(HMAC-SHA256 over ``<webhook-id>.<webhook-timestamp>.<body>`` keyed with the ``whsec_`` secret, timestamp within
5 minutes of now) and returns the typed ``WebhookEvent``; ``WebhookVerificationError`` otherwise. It behaves as the
TypeScript SDK's ``verifyWebhook``, on the standard library only; any Standard Webhooks library (``standardwebhooks``
on PyPI) verifies the same deliveries.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime

from .models.webhook_event import WebhookEvent

#: how far a delivery's ``webhook-timestamp`` may be from now, either way (replay protection)
WEBHOOK_TOLERANCE_SECONDS = 5 * 60

_SECRET_PREFIX = "whsec_"
_TIMESTAMP = re.compile(r"[0-9]+")


class WebhookVerificationError(Exception):
    """A delivery that is not authentic (a missing header, no matching signature), too old or too new, or whose
    body is not a CRMS event: answer it with a 4xx and do not process it."""


def _secret_key(secret: str) -> bytes:
    """The HMAC key of a ``whsec_<base64>`` secret (the prefix is optional, padding may be left out)."""
    text = secret.removeprefix(_SECRET_PREFIX)
    try:
        key = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except binascii.Error as err:
        raise ValueError("the webhook secret is not base64 (whsec_ followed by base64)") from err
    if not key:
        raise ValueError("the webhook secret is empty")
    return key


def _header(headers: Mapping[str, str], name: str) -> str:
    # case-insensitive mappings (Starlette, Werkzeug, Django) answer get(); a plain dict may spell the name otherwise
    value = headers.get(name)
    if value is None:
        value = next((v for k, v in headers.items() if k.lower() == name), None)
    if not value:
        raise WebhookVerificationError(f"Missing {name} header")
    return value


def verify_webhook(
    secret: str,
    body: bytes | str,
    headers: Mapping[str, str],
    *,
    now: datetime | None = None,
    tolerance_seconds: int = WEBHOOK_TOLERANCE_SECONDS,
) -> WebhookEvent:
    """The event of a CRMS delivery once its signature and timestamp are verified.

    ``secret`` is the subscription's ``whsec_…`` secret; during a rotation's overlap CRMS signs with both the new
    and the previous one, so either verifies. ``body`` is the raw request body exactly as received (bytes, or the
    text of it), ``headers`` the request's headers. ``now`` (timezone-aware) replaces the clock. Raises
    ``WebhookVerificationError``; ``ValueError`` when ``secret`` itself is not a Standard Webhooks secret.
    """
    key = _secret_key(secret)
    id_ = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    current = math.floor((now or datetime.now(UTC)).timestamp())
    if not _TIMESTAMP.fullmatch(timestamp) or abs(current - int(timestamp)) > tolerance_seconds:
        raise WebhookVerificationError("Timestamp outside the tolerance")
    raw = body.encode("utf-8") if isinstance(body, str) else body
    mac = hmac.new(key, f"{id_}.{timestamp}.".encode() + raw, hashlib.sha256).digest()
    expected = base64.b64encode(mac)
    valid = False
    for entry in signatures.split(" "):
        parts = entry.split(",")
        # every entry is compared (constant time each), so the answer's time does not tell which one matched
        if len(parts) > 1 and parts[0] == "v1" and hmac.compare_digest(parts[1].encode("utf-8"), expected):
            valid = True
    if not valid:
        raise WebhookVerificationError("No matching signature")
    try:
        parsed = json.loads(raw)
        if not isinstance(parsed, dict):
            raise TypeError("not a JSON object")
        return WebhookEvent.from_dict(parsed)
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        raise WebhookVerificationError(f"The body is not a CRMS event: {err}") from err
