"""One e5 embedding per message, shared by the components that use it (crisis probe, service router):
the first to ask embeds the text, the others reuse it. Kept on the message only, never in its output."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.semantics.embedder import embed

_KEY = "e5_embedding"


def message_embedding(message: Message) -> npt.NDArray[np.float32]:
    vector = message.get(_KEY)
    if vector is None:
        vector = embed(message.get(TEXT) or "")[0]
        message.set(_KEY, vector)
    return vector


def training_embeddings(messages: list[Message]) -> npt.NDArray[np.float32]:
    """The embeddings of training examples: those not embedded yet in one batch (training embeds a few
    thousand at once), kept on each message so the next component that trains on them reuses them."""
    todo = [message for message in messages if message.get(_KEY) is None]
    for message, vector in zip(todo, embed([m.get(TEXT) or "" for m in todo]), strict=True):
        message.set(_KEY, vector)
    return np.stack([message_embedding(message) for message in messages])
