"""Rasa input channels of our own (WhatsApp Cloud API, Twilio for WhatsApp, the website page and
the staff console). The formats and rules they apply live in bot/; these only connect them to Rasa."""
