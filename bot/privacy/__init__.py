"""Personal data out of what is kept: redaction of text and log records, and pseudonyms for
messaging addresses."""
