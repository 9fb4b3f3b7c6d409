"""What every choice the assistant offers must fit on every channel. WhatsApp's reply buttons are
the tightest: at most three, each title at most 20 characters; a list message holds ten rows
(Cloud API, interactive messages)."""

BUTTON_TITLE = 20
REPLY_BUTTONS = 3
LIST_ROWS = 10
