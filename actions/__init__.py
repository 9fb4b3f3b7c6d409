"""Rasa custom actions; each one translates between Rasa and plain Python in bot/."""
