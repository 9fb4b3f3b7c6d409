"""Messaging channels' formats that are ours: the WhatsApp Cloud API's messages and webhooks, the
de-duplication of retried webhooks, and the limits every choice must fit."""
