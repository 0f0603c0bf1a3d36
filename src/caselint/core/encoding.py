"""Decode text drafts: UTF-8 (with or without BOM) first, then GBK/GB18030, then anything else.

Windows editors in China still save GBK. Statistical detectors misread short GBK text (a
twelve-byte heading comes back as Korean cp949), so GB18030 is tried directly and accepted when
the result reads as Chinese; charset-normalizer decides the remaining cases, and its answer is
taken only when it too reads as Chinese or plain text. A decoding that does not is mojibake
whose counts would be silently wrong, so it is refused with advice to save as UTF-8.

A file that is UTF-8 except for a few bad bytes (a damaged download, text pasted from a GBK
file) is reported as such, with the line, instead of being decoded as GBK: GB18030 accepts most
byte sequences, and would turn the whole file into plausible-looking nonsense.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from caselint.core.read_error import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8-BOM"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CHINESE_SHARE = 0.6
#: Ideographs (basic, extension A, compatibility, extensions B-H), CJK and full-width
#: punctuation, and the ambiguous marks Chinese text uses.
_CHINESE = re.compile(
    "[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
    "\U00020000-\U0003ffff“”‘’—…·]"
)
#: A UTF-8 file with at most one bad byte sequence per this many good non-ASCII characters is
#: a damaged UTF-8 file, not text in another encoding.
_DAMAGED_UTF8_RATIO = 10


def _reads_as_chinese(text: str) -> bool:
    """Most non-ASCII characters are ideographs or CJK/full-width punctuation."""
    wide = sum(1 for ch in text if ord(ch) > 0x7F)
    if not wide:
        return True
    return len(_CHINESE.findall(text)) / wide >= _CHINESE_SHARE


def _damaged_utf8_line(data: bytes) -> int | None:
    """The line of the first bad byte when ``data`` is mostly valid UTF-8, else None.

    Mostly valid: at least :data:`_DAMAGED_UTF8_RATIO` good non-ASCII characters per bad
    sequence (GBK text decoded as UTF-8 stays below half of that, even a few characters of it),
    or good UTF-8 up to a character cut off at the very end (a truncated copy).
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    else:
        return None
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    truncated = first_error.end == len(data) and first_error.reason == "unexpected end of data"
    if good >= _DAMAGED_UTF8_RATIO * bad or (truncated and good > 0):
        return data.count(b"\n", 0, first_error.start) + 1
    return None


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Return ``(text, encoding name)`` or raise :class:`ReadError`."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise ReadError("undecodable") from exc
    if b"\x00" in data:
        raise ReadError("binary", suffix=path.suffix.lower())
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    line = _damaged_utf8_line(data)
    if line is not None:
        raise ReadError("bad-utf8", line=line)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _reads_as_chinese(text):
        try:
            data.decode("gbk")
            return text, "GBK"
        except UnicodeDecodeError:
            return text, "GB18030"
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError("undecodable")
    decoded = str(best)
    printable = sum(1 for ch in decoded if ch.isprintable() or ch.isspace())
    if printable < 0.95 * len(decoded) or not _reads_as_chinese(decoded):
        raise ReadError("undecodable")
    return decoded, best.encoding.upper().replace("_", "-")
