"""What the servers tell operators: Prometheus metrics (closed behind a token), the health of the
stores and the action server, and log lines as JSON. None of it carries personal data."""
