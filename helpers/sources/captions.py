"""What is on the page but not the report: photo captions and video blurbs.

A web page copied into a text file brings the captions of its photos and the
blurbs of its videos with it.  They repeat the report ("Ana Ruiz says the bridge is
unsafe. (Tom Lee/The Daily Star)") or announce a video ("The mayor explains the
plan. 2:43"); counted as attributions they would count a statement twice.
"""

from __future__ import annotations

import re

__all__ = ["is_caption"]

#: What closes a caption copied with the page: a photo credit ("(Ana Ruiz/CBC)", "Ana Ruiz/The Daily Star.")
#: or the running time of a video ("2:43").
_CREDIT = re.compile(r"(?:(?:^|[.!?”\"]\s+|\()(?:[A-Z][\w’'.-]*\.?\s*){1,4}/\s*[A-Z][^()\n/]{1,40}\)?\.?"
                     r"|\s\d{1,2}:\d{2})\s*$")
#: A photo credit opening a paragraph: "Ana Ruiz/The Daily Star Mayor Tom Lee at the opening".
_CREDIT_FIRST = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*\s*/\s*[A-Z]")


def is_caption(paragraph: str) -> bool:
    """Does the paragraph open or end with a photo credit, or end with a video's running time?  Then it is
    a caption, copied with the page: its sentences are not the reporter's account (they repeat it, or
    announce a video)."""
    return bool(_CREDIT.search(paragraph[-90:]) or _CREDIT_FIRST.match(paragraph))
