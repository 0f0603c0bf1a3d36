"""Text that an XML 1.0 document can hold: what every .docx, .xlsx, JUnit and SARIF file needs."""

from __future__ import annotations

import re

_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document cannot hold."""
    return _XML_ILLEGAL.sub("", text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def plain_text(text: str) -> str:
    """``text`` without control characters (C0 but tab and line ends, DEL, C1) nor characters
    XML cannot hold: what metadata pasted from another program becomes in a written file."""
    return xml_safe(_CONTROL.sub("", text))
