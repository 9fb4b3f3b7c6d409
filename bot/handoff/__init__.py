"""Handing a conversation to wijkteam staff: the summary staff work from, the store of handoffs and
callback requests, and the callback number's check."""
