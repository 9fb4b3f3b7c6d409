"""Custom Rasa NLU components: thin wrappers around plain Python in bot/."""
