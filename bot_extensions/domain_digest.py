"""Send the action server the domain's digest, and the domain itself only when it lacks it.

Rasa 3.6 sends the whole domain (about 25 kB of JSON) with every custom action call, and the
action server parses it every time: about a millisecond of each call (docs/production.md). The
action server (rasa-sdk 3.21) keeps the last domain it was sent together with that request's
`domain_digest`, and answers 449 to a call that carries neither a domain nor the digest it
holds. So every call here carries the digest, and the domain only until the endpoint has
accepted a call with it. A 449 (the action server restarted, or another assistant's domain
replaced ours) forgets the acceptance and sends the same call again with the domain.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from rasa.core.actions.action import RemoteAction
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from bot_extensions import rasa_patches
from bot_extensions.action_connections import compact_json

if TYPE_CHECKING:
    from rasa.core.channels.channel import OutputChannel
    from rasa.core.nlg import NaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker

# rasa-sdk's answer to a call without a domain when it holds no domain of that digest.
DOMAIN_MISSING_STATUS = 449
_RUN = "rasa.core.actions.action:RemoteAction.run"
_CALL_FORMAT = "rasa.core.actions.action:RemoteAction._action_call_format"


def digest(domain: Domain) -> str:
    """The digest of the domain as the action server is sent it, worked out once per domain."""
    cached: tuple[dict, str] | None = getattr(domain, "_action_server_digest", None)
    as_sent = domain.as_dict()
    if cached is None or cached[0] is not as_sent:
        text = compact_json(as_sent).encode()
        cached = (as_sent, hashlib.sha256(text).hexdigest())
        domain._action_server_digest = cached  # type: ignore[attr-defined]
    return cached[1]


def _accepted_digest(endpoint: EndpointConfig | None) -> str | None:
    """The digest of the domain the endpoint last accepted a call with, if any."""
    return getattr(endpoint, "_accepted_domain_digest", None)


def _accept(endpoint: EndpointConfig, value: str | None) -> None:
    endpoint._accepted_domain_digest = value  # type: ignore[attr-defined]


def _call_format(self: RemoteAction, tracker: DialogueStateTracker, domain: Domain) -> dict:
    body: dict[str, Any] = rasa_patches.original(_CALL_FORMAT)(self, tracker, domain)
    body["domain_digest"] = digest(domain)
    if "domain" in body and _accepted_digest(self.action_endpoint) == body["domain_digest"]:
        del body["domain"]
    return body


def _lacked_the_domain(error: RasaException) -> bool:
    cause = error.__cause__
    return isinstance(cause, ClientResponseError) and cause.status == DOMAIN_MISSING_STATUS


async def _run(
    self: RemoteAction,
    output_channel: OutputChannel,
    nlg: NaturalLanguageGenerator,
    tracker: DialogueStateTracker,
    domain: Domain,
) -> list[Event]:
    run = rasa_patches.original(_RUN)
    endpoint = self.action_endpoint
    try:
        events: list[Event] = await run(self, output_channel, nlg, tracker, domain)
    except RasaException as error:
        if endpoint is None or not _lacked_the_domain(error):
            raise
        _accept(endpoint, None)
        events = await run(self, output_channel, nlg, tracker, domain)
    if endpoint is not None:
        _accept(endpoint, digest(domain))
    return events


def install() -> None:
    """Called once at start-up by bot_extensions/rasa_patches.py."""
    RemoteAction._action_call_format = _call_format  # type: ignore[method-assign]
    RemoteAction.run = _run  # type: ignore[method-assign]
