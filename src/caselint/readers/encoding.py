"""Decode text drafts: UTF-8 (with or without BOM) first, then GBK/GB18030, then anything else.

Windows editors in China still save GBK. Statistical detectors misread short GBK text (a
twelve-byte heading comes back as Korean cp949), so GB18030 is tried directly and accepted when
the result reads as Chinese; charset-normalizer decides the remaining cases.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from caselint.readers.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8-BOM"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CHINESE_SHARE = 0.6


def _reads_as_chinese(text: str) -> bool:
    """Most non-ASCII characters are ideographs or CJK/full-width punctuation."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    chinese = sum(
        1
        for ch in wide
        if "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’—…·"
    )
    return chinese / len(wide) >= _CHINESE_SHARE


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Return ``(text, encoding name)`` or raise :class:`ReadError`."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise ReadError("undecodable") from exc
    if b"\x00" in data:
        raise ReadError("binary", suffix=path.suffix.lower() or "(无扩展名)")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
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
    if printable < 0.95 * len(decoded):
        raise ReadError("undecodable")
    return decoded, best.encoding.upper().replace("_", "-")
