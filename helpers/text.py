"""Small text utilities shared by every analysis (no analysis imports another for these).

    >>> shorten("The capital of Nagorno Karabakh and other towns in the region", 30)
    'The capital of Nagorno Karaba…'
"""

from __future__ import annotations

__all__ = ["shorten"]


def shorten(text: str, width: int = 90) -> str:
    """Cut ``text`` to at most ``width`` characters, ending with "…" when cut (spaces collapsed)."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
