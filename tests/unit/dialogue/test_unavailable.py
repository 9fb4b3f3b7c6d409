"""When the action server cannot answer, the resident hears that the fault is ours, with the
municipality's number and hours from its own file; a separate urgent number comes along."""

from bot.dialogue.session import session_slots
from bot.dialogue.unavailable import apology
from bot.municipality import municipality


def test_the_apology_gives_the_municipalitys_number_and_hours_and_blames_no_one_but_us() -> None:
    place = municipality()
    text = apology(place)
    assert text.startswith("Sorry, er gaat bij ons iets mis.")
    assert f"bel de gemeente: {place.phone} ({place.opening_hours})" in text
    assert "begrijp" not in text and "\n\n" not in text  # never "I do not understand"; one bubble


def test_a_separate_urgent_number_is_named_with_its_hours() -> None:
    place = municipality().copy(update={"urgent_phone": "0800 1234", "urgent_hours": "dag en nacht"})
    assert apology(place).endswith("Is het dringend? Bel 0800 1234 (dag en nacht).")
    assert "dringend" not in apology(municipality())  # the shipped file has one number for both


def test_a_new_session_carries_what_is_set_and_names_the_municipality() -> None:
    slots = session_slots({"triage_age": "75", "wijkteam": None, "gemeente_telefoon": "oud"}, municipality())
    assert slots["triage_age"] == "75" and "wijkteam" not in slots
    assert slots["gemeente_telefoon"] == municipality().phone
