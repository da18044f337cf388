"""Generated from openapi.json by scripts/generate; never edited by hand.

``client.py`` holds the methods of both clients, ``api/`` one module per operation (its request
builder and answer parser), ``models/`` the request and response models.
"""
