"""The API reference has a section for every public name, and the site's menu every page."""

from __future__ import annotations

import re
from pathlib import Path

import owui_chats_client

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_public_name_has_a_reference_section() -> None:
    text = "\n".join(page.read_text() for page in (DOCS / "reference").glob("*.md"))
    documented = set(re.findall(r"^::: owui_chats_client\.(\w+)$", text, flags=re.M))
    public = set(owui_chats_client.__all__) - {"__version__"}
    assert public - documented == set()
    assert "::: owui_chats_client._generated.models" in text  # the models of types.py


def test_every_page_is_in_the_menu() -> None:
    menu = (DOCS.parent / "mkdocs.yml").read_text()
    pages = {
        str(page.relative_to(DOCS)) for page in DOCS.rglob("*.md") if "assets" not in page.parts
    }
    assert pages and all(page in menu for page in pages), pages - set(menu.split())
