"""Content the municipality owns (catalogue, municipality, wijkteams, triage texts, crisis patterns,
intent labels): the base of every file's model and the one reader that says where a file is wrong."""
