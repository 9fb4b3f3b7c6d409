"""The slot and form names the actions share with the domain (domain/*.yml). The check's answer
slots are its questions' names (bot.triage.model.Question); tests/unit/test_domain_contract.py
keeps the domain and these names equal."""

PROVISION = "provision"
REQUESTED_SLOT = "requested_slot"

TRIAGE_FORM = "triage_form"
TRIAGE_OUTCOME = "triage_outcome"

WIJKTEAM_FORM = "wijkteam_form"
POSTCODE = "postcode"
POSTCODE_ATTEMPTS = "postcode_attempts"
WIJKTEAM = "wijkteam"

INTAKE_FORM = "intake_form"
INTAKE_CONSENT = "intake_consent"

HANDOFF_FORM = "handoff_form"
HANDOFF_CONSENT = "handoff_consent"
CALLBACK_PHONE = "callback_phone"
HANDOFF_MODE = "handoff_mode"
HANDOFF_REASON = "handoff_reason"

# While staff have the conversation; never filled by the resident: staff end the chat from the console.
STAFF_CHAT_FORM = "staff_chat_form"
STAFF_CHAT_DONE = "staff_chat_done"

FORMS = (TRIAGE_FORM, WIJKTEAM_FORM, INTAKE_FORM, HANDOFF_FORM, STAFF_CHAT_FORM)
