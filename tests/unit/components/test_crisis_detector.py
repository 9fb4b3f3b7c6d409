"""The crisis detector in Rasa's NLU pipeline: a sign of acute need wins over any intent and over
the fallback, as config.yml chains them after DIET."""

from bot.crisis import crisis_detector


def run_nlu_tail(text: str, diet_intent: str, diet_confidence: float) -> tuple[str, list[str]]:
    """The crisis detector and Rasa's own FallbackClassifier, as config.yml chains them after DIET."""
    from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
    from rasa.shared.nlu.training_data.message import Message

    from components.crisis_detector import CrisisSignalDetector

    ranking = [
        {"name": diet_intent, "confidence": diet_confidence},
        {"name": "greet", "confidence": 1 - diet_confidence},
    ]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []})
    detector = CrisisSignalDetector(crisis_detector())
    fallback = FallbackClassifier(
        {**FallbackClassifier.get_default_config(), "threshold": 0.45, "ambiguity_threshold": 0.08}
    )
    (message,) = fallback.process(detector.process([message]))
    return message.get("intent")["name"], [e["value"] for e in message.get("entities")]


def test_a_crisis_wins_over_a_confident_classifier_and_the_fallback() -> None:
    assert run_nlu_tail("ik heb geen plek om te slapen vanavond", "provision_info", 0.97) == ("crisis", ["dakloos"])


def test_without_a_sign_the_classifier_keeps_its_intent() -> None:
    assert run_nlu_tail("wat kost een traplift", "own_contribution", 0.97) == ("own_contribution", [])
