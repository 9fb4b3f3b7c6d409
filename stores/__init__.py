"""Rasa stores of our own: the tracker store that keeps no personal numbers."""
