"""The e5 sentence featurizer in Rasa's pipeline: feature shapes DIET can combine with the others'."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from bot.semantics import embed
from bot.semantics.embedder import DIMENSION


def featurizer(**config: Any) -> Any:
    from components.dense_featurizer import SentenceEmbeddingFeaturizer

    return SentenceEmbeddingFeaturizer({**SentenceEmbeddingFeaturizer.get_default_config(), **config}, "e5")


def tokenized(*texts: str) -> list[Any]:
    from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
    from rasa.shared.nlu.training_data.message import Message

    messages = [Message(data={"text": text}) for text in texts]
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process(messages)
    return messages


def test_a_message_gets_a_sentence_vector_and_one_sequence_row_per_token() -> None:
    (message,) = featurizer().process(tokenized("Mijn moeder kan de trap niet meer op"))
    sequence, sentence = message.get_dense_features("text")
    assert sentence is not None and sequence is not None
    assert sentence.features.shape == (1, DIMENSION)
    assert sequence.features.shape == (len(message.get("text_tokens")), DIMENSION)
    assert sorted((f.type, f.origin) for f in message.features) == [("sentence", "e5"), ("sequence", "e5")]
    np.testing.assert_allclose(sentence.features[0], embed("Mijn moeder kan de trap niet meer op")[0], atol=1e-5)
    np.testing.assert_allclose(sequence.features, np.repeat(sentence.features, 8, axis=0))


def test_zeros_as_sequence_features() -> None:
    (message,) = featurizer(sequence="zeros").process(tokenized("wat kost een traplift"))
    sequence, sentence = message.get_dense_features("text")
    assert sequence.features.shape == (4, DIMENSION)
    assert not sequence.features.any()
    assert sentence.features.any()


def test_training_data_is_featurized_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasa.shared.nlu.training_data.training_data import TrainingData

    import components.dense_featurizer as module

    batches: list[int] = []

    def counting_embed(texts: list[str]) -> Any:
        batches.append(len(texts))
        return embed(texts)

    monkeypatch.setattr(module, "embed", counting_embed)
    texts = [f"voorbeeldzin nummer {i}" for i in range(10)]
    data = TrainingData(training_examples=tokenized(*texts))
    featurizer(batch_size=4).process_training_data(data)
    assert batches == [4, 4, 2]
    for message in data.training_examples:
        sequence, sentence = message.get_dense_features("text")
        assert sentence.features.shape == (1, DIMENSION)
        assert sequence.features.shape == (3, DIMENSION)


def test_messages_without_text_are_left_alone() -> None:
    from rasa.shared.nlu.training_data.message import Message

    message = Message(data={"intent": "greet"})
    featurizer().process([message])
    assert message.get_dense_features("text") == (None, None)


def test_a_wrong_setting_is_refused() -> None:
    from rasa.shared.exceptions import InvalidConfigException

    with pytest.raises(InvalidConfigException):
        featurizer(sequence="mean")
    with pytest.raises(InvalidConfigException):
        featurizer(batch_size=0)
