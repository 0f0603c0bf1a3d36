"""Why a file could not be read, in words a station editor understands.

Each reason is a key of :data:`MESSAGES` with the message in plain Chinese first and its English
equivalent; :class:`ReadError` carries the key and the values the message needs, and renders it
in the language of the run only when a report is written.
"""

from __future__ import annotations

import re
from typing import Any

from caselint.core.i18n import Catalog, Lang, render

MESSAGES: Catalog = {
    "missing": {
        "zh": "文件不存在",
        "en": "the file does not exist",
    },
    "empty": {
        "zh": "文件是空的（0 字节）",
        "en": "the file is empty (0 bytes)",
    },
    "too-large": {
        "zh": "文件过大（{size}，上限 {limit}），请确认文件是否正确",
        "en": "the file is too large ({size}, limit {limit}); check it is the right file",
    },
    "permission": {
        "zh": "没有读取权限，请检查文件或共享盘的访问权限",
        "en": "permission denied; check the access rights of the file or shared drive",
    },
    "not-a-file": {
        "zh": "不是普通文件（是文件夹、设备或管道），无法作为材料读取",
        "en": "not a regular file (a folder, device or pipe); it cannot be read as a draft",
    },
    "symlink-outside": {
        "zh": "是指向案例文件夹以外的符号链接（{target}），为安全起见不予读取；请把文件本身放进案例文件夹",
        "en": "a symbolic link to {target}, outside the case folder; not read for safety (put the file itself in the folder)",
    },
    "symlink-loop": {
        "zh": "符号链接指向自身或形成循环，无法读取",
        "en": "a symbolic link that points to itself or loops; it cannot be read",
    },
    "os-error": {
        "zh": "无法读取文件：{detail}",
        "en": "the file cannot be read: {detail}",
    },
    "not-zip": {
        "zh": "扩展名是 .docx，但内容不是 Word 文档（不是 zip 格式），可能被改过扩展名或已损坏；"
        "请用 Word/WPS 打开后另存为 .docx",
        "en": "named .docx but not a Word document (not a zip file): renamed or damaged; "
        "open it in Word or WPS and save it as .docx",
    },
    "corrupt-zip": {
        "zh": "不是有效的 .docx（{detail}）：文件已损坏或不完整，请用 Word/WPS 重新保存或重新复制该文件",
        "en": "the Word document is damaged or incomplete ({detail}); save or copy it again",
    },
    "zip-bomb": {
        "zh": "文档解压后过大（{size} MB，压缩比 {ratio}:1），为安全起见不予读取",
        "en": "the document expands to {size} MB (ratio {ratio}:1); refused for safety",
    },
    "part-too-large": {
        "zh": "文档内容过大（{part} 解压后超过 {limit} MB，正常的申报材料不到 1 MB），不予读取；"
        "请确认文件是否正确",
        "en": "the document is too large ({part} expands beyond {limit} MB; a real draft is "
        "under 1 MB); not read: check it is the right file",
    },
    "no-document-part": {
        "zh": "这是 zip 文件，但里面没有 Word 正文（word/document.xml），不是有效的 .docx",
        "en": "a zip file without a Word main document part: not a valid .docx",
    },
    "bad-xml": {
        "zh": "Word 文档内部 XML 损坏（{part}：{detail}），请用 Word/WPS 打开修复后另存",
        "en": "damaged XML inside the document ({part}: {detail}); open, repair and save it",
    },
    "too-deep": {
        "zh": "文档嵌套层级过深（表格、内容控件或修订标记嵌套数百层），无法读取；请用 Word/WPS 打开后另存，"
        "或减少嵌套",
        "en": "the document nests too deeply (tables, content controls or revisions hundreds of levels "
        "deep); open it in Word or WPS and save it again, or flatten the nesting",
    },
    "encrypted": {
        "zh": "文档设置了打开密码（已加密），无法检查；请去掉密码后另存一份再检查",
        "en": "the document is password-protected (encrypted); remove the password and save a copy",
    },
    "legacy-misnamed": {
        "zh": "扩展名是 {suffix}，实际是旧版 Word（.doc）格式；请用 Word/WPS 打开后另存为 .docx",
        "en": "named {suffix} but actually an old Word (.doc) file; save it as .docx",
    },
    "legacy-no-soffice": {
        "zh": "{suffix} 格式需要 LibreOffice 转换，但未找到 soffice；请用 Word/WPS 另存为 .docx，"
        "或安装 LibreOffice",
        "en": "{suffix} files need LibreOffice to convert them and soffice was not found; "
        "save the file as .docx or install LibreOffice",
    },
    "legacy-convert-failed": {
        "zh": "LibreOffice 转换 {suffix} 失败（{detail}）；请用 Word/WPS 另存为 .docx",
        "en": "LibreOffice could not convert the {suffix} file ({detail}); save it as .docx",
    },
    "undecodable": {
        "zh": "无法识别文本编码（既不是 UTF-8 也不是 GBK/GB18030），请另存为 UTF-8 编码",
        "en": "unknown text encoding (neither UTF-8 nor GBK/GB18030); save it as UTF-8",
    },
    "bad-utf8": {
        "zh": "文件是 UTF-8 编码，但第 {line} 行有无法识别的字节（文件可能已损坏或混用了编码），"
        "请用编辑器打开检查后另存为 UTF-8",
        "en": "the file is UTF-8 but line {line} holds bytes that are not (damaged or mixed "
        "encodings); check it in an editor and save it as UTF-8 again",
    },
    "binary": {
        "zh": "扩展名是 {suffix}，但内容是二进制数据，不是文本",
        "en": "named {suffix} but holds binary data, not text",
    },
    "unsupported": {
        "zh": "不支持的文件类型 {suffix}；请提供 .docx、.md 或 .txt",
        "en": "unsupported file type {suffix}; use .docx, .md or .txt",
    },
    "internal": {
        "zh": "读取时发生内部错误（{detail}），请加 --debug 重新运行并报告此问题",
        "en": "internal error while reading ({detail}); run again with --debug and report it",
    },
}

#: What zipfile, zlib, lxml and the OS say (in English) as a station editor reads it in Chinese.
#: The first pattern that matches wins; a text no pattern knows is kept as it is.
_CAUSES = {
    r"File is not a zip file": "压缩包损坏",
    r"Truncated file header|Truncated central directory|truncated|Unexpected end": (
        "压缩包不完整，文件可能没有复制完"
    ),
    r"Bad magic number|Bad offset|[Cc]orrupt|Overlapped entries": "压缩包结构损坏",
    r"Bad CRC-32": "压缩包内容校验失败（数据已损坏）",
    r"Error -?\d+ while decompressing|invalid (?:stored|code|block|distance)": (
        "压缩数据损坏，无法解压"
    ),
    r"compression method is not supported|[Cc]ompression requires": "压缩方式不受支持",
    r"span multiple disks": "分卷压缩包，不受支持",
    r"There is no item named '(?P<name>[^']*)'": "缺少 {name}",
    r"^OLE: ": "旧版 Office 文件结构损坏",
    r"line (?P<line>\d+), column (?P<column>\d+)": "XML 格式错误，第 {line} 行第 {column} 列",
    r"Document is empty|Start tag expected": "XML 内容为空或不完整",
    r"No such file or directory": "文件不存在",
    r"Permission denied|Operation not permitted": "没有访问权限",
    r"Is a directory": "这是文件夹",
    r"Input/output error|Stale file handle|Transport endpoint": (
        "读写错误，可能是磁盘或网络共享盘故障"
    ),
    r"Resource busy|being used by another process|Resource temporarily": "文件被其他程序占用",
    r"^timeout$|timed out": "超时",
    r"^no output$": "没有生成转换结果",
}
CAUSES = [(re.compile(pattern), text) for pattern, text in _CAUSES.items()]


def cause(detail: str, lang: Lang) -> str:
    """A library's reason in ``lang``: English as the library says it, Chinese from CAUSES."""
    if lang != "zh":
        return detail
    for pattern, text in CAUSES:
        found = pattern.search(detail)
        if found:
            return text.format(**found.groupdict())
    return detail


#: How a message names a file without an extension (``suffix=""``).
_NO_SUFFIX = {"zh": "（无扩展名）", "en": "(no extension)"}


class ReadError(Exception):
    """A file that cannot be read; ``reason`` is a key of :data:`MESSAGES`."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params

    def __str__(self) -> str:
        """Both languages, for messages that are bilingual already (rule pack, config files)."""
        return f"{self.message('zh')} / {self.message('en')}"

    def message(self, lang: Lang) -> str:
        """The reason in ``lang``; an empty ``suffix`` is named as "no extension" in ``lang``."""
        params = dict(self.params)
        if isinstance(params.get("detail"), str):
            params["detail"] = cause(params["detail"], lang)
        if params.get("suffix") == "":
            params["suffix"] = _NO_SUFFIX[lang]
        return render(MESSAGES, self.reason, lang, **params)


def format_size(size: int) -> str:
    """A byte count as a person reads it: ``52.4 MB``, ``300 KB``, ``12 B``."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    if size >= 1024:
        return f"{size / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{size} B"
