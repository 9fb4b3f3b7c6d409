"""The intake summary after a maatwerk estimate, and the store of the summaries a resident agreed
to share with the wijkteam."""
