"""Errors are raised by the clients' transport: see ``owui_chats_client._exceptions``."""
