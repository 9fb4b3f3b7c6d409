"""Wmo-assistent: everything that is ours and testable without Rasa."""
