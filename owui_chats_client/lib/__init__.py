"""Features built on the clients' public methods: conversations (`start_chat`,
`send_message`, `wait_for_tasks`, live answers) and the message tree of a chat.

The names are exported from ``owui_chats_client`` itself; this package keeps their code.
"""
