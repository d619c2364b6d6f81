"""Channels: how a statement reached the reporter ("on Facebook", "in a press release", "told the press")."""

from __future__ import annotations

from .lexicon import LEX, WINDOW, refresh

__all__ = ["channel_medium", "channel_at", "find_channel"]


def channel_medium(channel: str | None) -> str:
    """The kind of channel: "social media", "official statement", "press", "other", or "not stated"."""
    if not channel:
        return "not stated"
    refresh()
    return LEX.medium.get(channel, "other")


def channel_at(text: str) -> tuple[int, str] | None:
    """A channel phrase at the start of ``text``: (characters used, channel)."""
    stripped = text.lstrip()
    if not LEX.any_channel.match(stripped):
        return None
    for pattern, channel in LEX.channels:
        found = pattern.match(stripped)
        if found:
            return len(text) - len(stripped) + found.end(), channel
    return None


def find_channel(text: str, start: int, end: int) -> str | None:
    """The first channel (in order of priority) named in text[start:end] (at most ``WINDOW`` characters)."""
    end = min(end, start + WINDOW)
    if not LEX.any_channel.search(text, start, end):
        return None
    for pattern, channel in LEX.channels:
        if pattern.search(text, start, end):
            return channel
    return None
