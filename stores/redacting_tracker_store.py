"""A tracker store that takes personal data (bot.privacy.redact) out of every event before any of
Rasa's stores (memory, SQL, Redis) keeps it or streams it to an event broker, drops the website
visitor's address pseudonym (bot/web_sessions.py) that only the turn's actions need, and forgets a
conversation when the resident asks ("verwijder mijn gesprek").

Each event is redacted once: the events of a tracker this store retrieved are already clean, and
the ones it cleaned for an earlier save of the same tracker are remembered with that tracker.
Redacting the whole conversation on every save made each turn after one long message slow.

Seeing each new event once, it also counts it for the metrics: the intent of a resident's message
(fallbacks and crisis signals among them) and Rasa's own fallback (bot/observability/metrics.py).

Configured in endpoints.yml; `store` holds the real store's settings, as Rasa's own
`tracker_store` section would (none: in memory).

A database restart drops every connection Rasa's SQL store holds; Rasa would fail the next turn
on one of them. A call that fails because its connection was dropped is tried once more, on a
new connection (SQLAlchemy replaces the whole pool after such a failure).
"""

import logging
import weakref
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, TypeVar

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, Restarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy.exc import DBAPIError

from bot.municipality import municipality
from bot.observability.metrics import count_action, count_user_message
from bot.privacy.redact import public_contacts, redact
from bot.settings import settings
from bot.web_sessions import ADDRESS_METADATA
from bot.wijkteams.file import read_wijkteams

logger = logging.getLogger(__name__)

# The action that answers "verwijder mijn gesprek" (actions/privacy.py).
FORGET_ACTION = "action_delete_conversation"
# Identifiers and names, never free text: left as they are.
_KEEP = frozenset({"event", "name", "timestamp", "message_id", "input_channel", "policy", "sender_id"})
T = TypeVar("T")

# Needed by the turn's actions only (the website visitor's address pseudonym): never stored.
_DROP = frozenset({ADDRESS_METADATA})


def published_contacts() -> frozenset[str]:
    """The municipality's and the wijkteams' own numbers and addresses: kept, or the assistant's
    answers in the stored conversation (and its slots) would lose them."""
    place, teams = municipality(), read_wijkteams(settings().wijkteams_file)
    return public_contacts(
        [place.phone, place.urgent_phone, *(t.telefoon for t in teams)],
        [t.email for t in teams],
        [t.adres for t in teams],
    )


def _redacted(value: Any, public: frozenset[str], key: str | None = None) -> Any:
    if isinstance(value, str):
        return value if key in _KEEP else redact(value, public)
    if isinstance(value, dict):
        return {k: _redacted(v, public, k) for k, v in value.items() if k not in _DROP}
    if isinstance(value, list):
        return [_redacted(item, public, key) for item in value]
    return value


def counted(event: Event) -> None:
    if isinstance(event, UserUttered):
        count_user_message(event.intent_name or "", event.input_channel or "onbekend")
    elif isinstance(event, ActionExecuted) and event.action_name:
        count_action(event.action_name)


def redacted_event(event: Event, public: frozenset[str]) -> Event:
    """The event with personal data replaced; the event itself when it has none."""
    data = event.as_dict()
    cleaned = _redacted(data, public)
    return event if cleaned == data else Event.from_parameters(cleaned)


class _Cleaned:
    """For each tracker object still in use, its events (by identity) and their clean versions."""

    def __init__(self) -> None:
        self._by_tracker: dict[int, dict[int, tuple[Event, Event]]] = {}

    def of(self, tracker: DialogueStateTracker) -> dict[int, tuple[Event, Event]]:
        key = id(tracker)
        if key not in self._by_tracker:
            self._by_tracker[key] = {}
            weakref.finalize(tracker, self._by_tracker.pop, key, None)
        return self._by_tracker[key]

    def already_clean(self, tracker: DialogueStateTracker) -> None:
        self.of(tracker).update((id(event), (event, event)) for event in tracker.events)

    def redacted(self, tracker: DialogueStateTracker, domain: Domain, public: frozenset[str]) -> DialogueStateTracker:
        """The same conversation with personal data replaced, redacting only events not seen
        before; the tracker itself when it has none."""
        known = self.of(tracker)
        cleaned = []
        for event in tracker.events:
            # By identity, and the event kept with it: an id is only unique while its object lives.
            seen = known.get(id(event))
            if seen is None or seen[0] is not event:
                counted(event)
                seen = known[id(event)] = (event, redacted_event(event, public))
            cleaned.append(seen[1])
        if all(clean is event for clean, event in zip(cleaned, tracker.events, strict=True)):
            return tracker
        return DialogueStateTracker.from_events(tracker.sender_id, cleaned, domain.slots, tracker._max_event_history)


async def once_more_if_disconnected(call: Callable[[], Awaitable[T]]) -> T:
    """The call's result, tried a second time when the database had dropped the connection."""
    try:
        return await call()
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
        logger.warning("the database dropped its connections: trying once more on a new one")
        return await call()


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """True when, since the resident's last message, the action that forgets ran and succeeded:
    it then restarts the conversation (it does not when its part of the deleting failed)."""
    restarted = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        restarted = restarted or isinstance(event, Restarted)
        if isinstance(event, ActionExecuted) and event.action_name == FORGET_ACTION:
            return restarted
    return False


class RedactingTrackerStore(TrackerStore):
    def __init__(
        self,
        domain: Domain | None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        store: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        inner = TrackerStore.create(EndpointConfig.from_dict(store) if store else None, domain, event_broker)
        # Rasa wraps every store in an AwaitableTrackerStore; deleting needs the store itself.
        self._inner = getattr(inner, "_tracker_store", inner)
        self._public = published_contacts()
        self._cleaned = _Cleaned()
        super().__init__(domain, event_broker, **kwargs)

    @property
    def domain(self) -> Domain:
        return self._inner.domain

    @domain.setter
    def domain(self, domain: Domain | None) -> None:
        self._inner.domain = domain or Domain.empty()

    async def save(self, tracker: DialogueStateTracker) -> None:
        if asked_to_forget(tracker):
            await self.delete(tracker.sender_id)
            return
        clean = self._cleaned.redacted(tracker, self.domain, self._public)
        await once_more_if_disconnected(lambda: self._inner.save(clean))

    def _known_clean(self, tracker: DialogueStateTracker | None) -> DialogueStateTracker | None:
        if tracker is not None:
            self._cleaned.already_clean(tracker)
        return tracker

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return self._known_clean(await once_more_if_disconnected(lambda: self._inner.retrieve(sender_id)))

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        tracker = await once_more_if_disconnected(lambda: self._inner.retrieve_full_tracker(conversation_id))
        return self._known_clean(tracker)

    async def keys(self) -> Iterable[str]:
        return await once_more_if_disconnected(self._inner.keys)

    async def delete(self, sender_id: str) -> None:
        """Removes every stored event of the conversation."""
        store = self._inner
        if isinstance(store, InMemoryTrackerStore):
            store.store.pop(sender_id, None)
        elif isinstance(store, SQLTrackerStore):
            with store.session_scope() as session:
                session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender_id).delete()
                session.commit()
        elif isinstance(store, RedisTrackerStore):
            store.red.delete(store.key_prefix + sender_id)
        else:
            raise NotImplementedError(f"deleting a conversation from {type(store).__name__}")
        logger.info("a conversation was deleted at the resident's request")
