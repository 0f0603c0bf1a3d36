"""Untrusted text made safe to print on a terminal.

Drafts, metadata, file names and zip entries are written by others. An ANSI escape sequence in
a draft (``\\x1b[2J``, ``\\x1b]8;;…``) printed raw would clear the screen, hide the lines above
it, recolour or retitle the terminal; a right-to-left override would reorder what the reader
sees. Every such character is shown as its escape (``\\x1b``, ``\\u202e``) instead: visible,
and inert.
"""

from __future__ import annotations

import re

#: C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides and
#: isolates that reorder displayed text.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control or reordering character shown as its escape."""
    return _UNPRINTABLE.sub(_escape, text)
