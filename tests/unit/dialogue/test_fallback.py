"""The fallback's two best guesses carry Dutch labels that fit a WhatsApp button."""

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain

from bot.content.reader import ContentError
from bot.dialogue.fallback import labels, read_labels
from bot.messaging.limits import BUTTON_TITLE
from bot.settings import ROOT


def test_fallback_labels_fit_a_whatsapp_button_and_name_real_intents() -> None:
    assert set(labels()) <= set(Domain.load(str(ROOT / "domain")).as_dict()["intents"])
    assert all(len(title) <= BUTTON_TITLE for title in labels().values())


def test_a_too_long_fallback_label_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "labels.yml"
    path.write_text("pgb: Een veel te lange knoptekst voor WhatsApp\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"labels\.yml: pgb: ensure this value has at most 20 characters"):
        read_labels(path)
