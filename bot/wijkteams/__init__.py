"""Wijkteams and the postcode areas they serve: read from the municipality's CSV file, validated,
kept in the database, and found by a resident's postcode."""
