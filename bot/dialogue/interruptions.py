"""When a message is not an answer to the question a form asked: a sign of acute need, a wish to
stop, go back, leave or talk to a person, or a question with an answer of its own. Every form
(the check, the postcode, the summary, the handoff) uses the same policy."""

from bot.dialogue.message import Message

# How sure the classifier must be before an intent interrupts a form.
SURE = 0.6
# Intents that end or pause a form whatever question is open.
CONTROL_INTENTS = frozenset({"stop", "go_back", "crisis", "goodbye", "request_human", "delete_conversation"})
# Questions with an answer of their own: answered in between, then the form asks again.
QUESTION_INTENTS = frozenset(
    {
        "wmo_explain",
        "provision_overview",
        "provision_info",
        "apply_how",
        "assessment_conversation",
        "procedure_timeline",
        "objection",
        "own_contribution",
        "pgb",
        "client_support",
        "not_wmo",
        "eligibility_rules",
        "find_wijkteam",
        "define_term",
        "information_sources",
        "turning_18",
        "aid_repair",
        "moving_municipality",
        "bot_challenge",
        "out_of_scope",
    }
)


def ends_or_pauses(message: Message) -> bool:
    """A sign of acute need, or a sure wish to stop, go back, leave or talk to a person."""
    return bool(message.crisis) or (message.intent in CONTROL_INTENTS and message.confidence >= SURE)


def asked_in_between(message: Message) -> bool:
    """A question with an answer of its own, asked while a form waits for an answer. A question about
    a provision that names none is more likely an answer misread (a street name for the postcode)."""
    if message.intent == "provision_info" and not message.provisions:
        return False
    return message.intent in QUESTION_INTENTS and message.confidence >= SURE
