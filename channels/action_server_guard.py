"""Bounds what a hung, gone or failing action server costs a resident: an apology with the
municipality's number within about `PROBE_INTERVAL` + the action endpoint's `timeout` (endpoints
files) seconds, never Rasa's five-minute wait or its "ik begrijp het niet" after a lost action.

Rasa 3.6 waits up to five minutes for each action call and takes no setting for it. This channel
(one only in name, listed in credentials.yml, like channels/api_guard.py) gives the agent an action
endpoint that:
- asks the action server's /health every `PROBE_INTERVAL` seconds, from a thread of its own, and
  counts it as down when it does not answer within `timeout` (or refuses the connection). A thread,
  because a Rasa server busy with other residents delays its event loop: a time limit measured
  there would take a busy Rasa server for a hung action server;
- while the action server is down, answers every action call at once with the stand-in of
  channels/action_stand_in.py, and so also a call that was waiting when it went down;
- answers with the stand-in, too, a call that fails on its own (no connection, an error status
  other than Rasa's 400 "rejected") or takes longer than `SLOW_ACTION_SECONDS`.
As soon as /health answers again the action server is used again: the next turn works, without a
restart. A model loaded later through Rasa's HTTP API gets Rasa's plain endpoint until a restart.
"""

import asyncio
import logging
import threading
import time
import urllib.request
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urljoin

import aiohttp
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.utils.endpoints import ClientResponseError, EndpointConfig
from sanic import Blueprint, Sanic

from channels.action_results import check_with_one_validator
from channels.action_stand_in import stand_in

logger = logging.getLogger(__name__)
PROBE_INTERVAL = 0.5
DEFAULT_TIMEOUT = 1.0
# One action that takes this long while the action server answers its health check.
SLOW_ACTION_SECONDS = 10
# Rasa's own answer for an action that rejected its run (ActionExecutionRejection): not a fault.
REJECTED = 400


class ActionServerHealth:
    """Whether the action server answers its health check; `down` is read and changed in the
    event loop, the thread that asks hands its findings over."""

    def __init__(self, health_url: str, timeout: float) -> None:
        self.health_url = health_url
        self.timeout = timeout
        self.down = False
        self._went_down = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        # Straight to the action server: no proxy from the environment.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def watch(self) -> None:
        """Starts asking, in the running event loop (once per loop)."""
        loop = asyncio.get_running_loop()
        if loop is self._loop:
            return
        first = self._loop is None
        self._loop, self._went_down = loop, asyncio.Event()
        if first:
            threading.Thread(target=self._ask, name="action-server-health", daemon=True).start()

    async def went_down(self) -> None:
        await self._went_down.wait()

    def failed(self) -> None:
        """A call found no action server: down until its health check answers."""
        self._now(down=True)

    def _ask(self) -> None:
        while True:
            answers = self._answers()
            if answers == self.down and self._loop is not None and not self._loop.is_closed():
                self._loop.call_soon_threadsafe(self._now, not answers)
            time.sleep(PROBE_INTERVAL)

    def _answers(self) -> bool:
        try:
            with self._opener.open(self.health_url, timeout=self.timeout) as answer:
                return bool(answer.status == 200)
        except OSError:  # refused, reset, timed out, or an error status
            return False

    def _now(self, down: bool) -> None:
        if down == self.down:
            return
        self.down = down
        if down:
            logger.warning("the action server does not answer: custom actions get the stand-in until it does")
            self._went_down.set()
        else:
            logger.info("the action server answers again")
            self._went_down.clear()


class GuardedActionEndpoint(EndpointConfig):
    """Rasa's action endpoint with the health check and the stand-in for what the action server cannot answer."""

    def __init__(self, endpoint: EndpointConfig) -> None:
        kwargs = dict(endpoint.kwargs)
        timeout = float(kwargs.pop("timeout", DEFAULT_TIMEOUT))
        super().__init__(
            endpoint.url,
            endpoint.params,
            endpoint.headers,
            endpoint.basic_auth,
            endpoint.token,
            endpoint.token_name,
            endpoint.cafile,
            **kwargs,
        )
        self.health = ActionServerHealth(urljoin(endpoint.url or "", "health"), timeout)

    async def request(
        self,
        method: str = "post",
        subpath: str | None = None,
        content_type: str | None = "application/json",
        compress: bool = False,
        **kwargs: Any,
    ) -> Any:
        call: dict[str, Any] = kwargs.get("json") or {}
        action = call.get("next_action")
        self.health.watch()
        if self.health.down:
            return stand_in(call)
        kwargs["timeout"] = aiohttp.ClientTimeout(total=SLOW_ACTION_SECONDS)
        answer = asyncio.ensure_future(super().request(method, subpath, content_type, compress, **kwargs))
        went_down = asyncio.ensure_future(self.health.went_down())
        try:
            await asyncio.wait({answer, went_down}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            went_down.cancel()
        if not answer.done():
            answer.cancel()
            logger.error("the action server stopped answering during %s: stand-in", action)
            return stand_in(call)
        try:
            return answer.result()
        except ClientResponseError as error:
            if error.status == REJECTED:
                raise
            logger.error("the action server failed on %s (status %s): stand-in", action, error.status)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.error("no answer from the action server on %s (%s): stand-in", action, type(error).__name__)
            if not isinstance(error, asyncio.TimeoutError):
                self.health.failed()
        return stand_in(call)


class ActionServerGuard(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "action_server_guard"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        guard = Blueprint("action_server_guard", __name__)

        # After the agent is loaded (Rasa loads it before the server starts), before any message.
        @guard.listener("after_server_start")
        async def install(app: Sanic, _: Any) -> None:
            agent = app.ctx.agent
            check_with_one_validator()
            if agent.action_endpoint is None:
                return
            guarded = GuardedActionEndpoint(agent.action_endpoint)
            guarded.health.watch()
            agent.action_endpoint = guarded
            if agent.processor is not None:
                agent.processor.action_endpoint = guarded
            logger.info("the action server counts as down when /health takes over %s s", guarded.health.timeout)

        return guard
