"""Text that an XML 1.0 document can hold: what every .docx, .xlsx, JUnit and SARIF file needs."""

from __future__ import annotations

import re

_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document cannot hold."""
    return _XML_ILLEGAL.sub("", text)
