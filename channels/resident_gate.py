"""What every resident's message passes before Rasa reads it, on every channel:

1. The rate limits (bot/rate_limits): per sender on every channel, and per address where the address
   is the resident's (REST, the website). WhatsApp and Twilio webhooks all come from Meta's or
   Twilio's servers, so there only the sender counts. A message over a limit is answered on the
   resident's own channel (the help lines first when it signals danger) and goes no further.
2. A message too long to be a question is answered at once (bot/dialogue/long_message.py) and never
   reaches NLU, the conversation store or the action server, so it cannot hold up other residents.
3. Every other message is timed and counted for the metrics (bot/observability/metrics.py). One the
   assistant could not handle at all (its conversation store or lock store down) gets the apology
   with the municipality's number, and the help lines first when it signals danger, instead of no
   answer. WhatsApp's channels leave that to the platform, which sends the message again.
"""

import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from rasa.core.channels.channel import UserMessage

from bot.crisis import crisis_detector, crisis_help
from bot.dialogue.long_message import long_message_replies, too_long
from bot.dialogue.rate_limited import rate_limited_replies
from bot.dialogue.unavailable import failed_turn_replies
from bot.municipality import municipality
from bot.observability.metrics import turn
from bot.rate_limits import rate_limiter

logger = logging.getLogger(__name__)

Handler = Callable[[UserMessage], Awaitable[Any]]
# The message and the address it came from (None where the address is not the resident's).
Gated = Callable[[UserMessage, str | None], Coroutine[Any, Any, None]]


def gated(on_new_message: Handler, channel: str, answer_failures: bool = True) -> Gated:
    """`on_new_message` behind the gate; `channel` keeps one channel's senders apart from another's."""
    limiter, detector, help_lines, place = rate_limiter(), crisis_detector(), crisis_help(), municipality()

    async def answer(message: UserMessage, replies: list[str]) -> None:
        for text in replies:
            await message.output_channel.send_text_message(message.sender_id, text)

    async def handle(message: UserMessage, address: str | None = None) -> None:
        text = message.text or ""
        verdict = await limiter.check(f"{channel}:{message.sender_id}", address)
        if not verdict.allowed:
            if verdict.tell:
                logger.warning("rate limit: a %s sender is over the limit and was asked to wait", channel)
            await answer(message, rate_limited_replies(text, verdict.tell, detector, help_lines, place))
        elif too_long(text):
            await answer(message, long_message_replies(text, detector, help_lines, place))
        else:
            try:
                with turn(message.input_channel or channel):
                    await on_new_message(message)
            except Exception:
                if not answer_failures:
                    raise
                logger.exception("a message could not be handled: the resident gets the apology")
                await answer(message, failed_turn_replies(text, detector, help_lines, place))

    return handle
