"""Rasa plug-ins: NLU components (thin wrappers around plain Python in bot/) and the training data importer."""
