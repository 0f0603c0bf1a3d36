"""Where to fill in case metadata, worded for the files the case is written in.

A Word user is told where in Word (文件 → 信息 → 属性 → 高级属性 → 自定义), not about front
matter or case.toml; a Markdown author about the front matter; a case that already has a
case.toml beside it about that file; a plain-text draft about creating one. Drafts without a
case.toml also hear that a line under the title (类别：…) is read.
"""

from __future__ import annotations

from pathlib import Path

from caselint.cases.case import Case
from caselint.core.i18n import Catalog, Lang, render

WHERE: Catalog = {
    "word": {
        "zh": "在 Word 中填写：文件 → 信息 → 属性 → 高级属性 → 自定义，"
        "名称写“{field}”、值写{value}，点“添加”{others}（WPS：文件 → 属性 → 自定义）",
        "en": "fill it in Word: File → Info → Properties → Advanced "
        "Properties → Custom, name “{field}”, value {value}, Add{others} "
        "(WPS: File → Properties → Custom)",
    },
    "markdown": {
        "zh": "在 Markdown 文件开头的 front matter（两行 --- 之间）写“{field}: {value}”{others}",
        "en": "write “{field}: {value}” in the front matter at the top of the Markdown file "
        "(between two --- lines){others}",
    },
    "sidecar": {
        "zh": '在 {file} 中写 "{field}" = "{value}"{others}',
        "en": 'write "{field}" = "{value}" in {file}{others}',
    },
    "text": {
        "zh": '在草稿所在文件夹新建 case.toml，写 "{field}" = "{value}"{others}（每项一行）',
        "en": 'create case.toml beside the draft and write "{field}" = "{value}"{others} '
        "(one per line)",
    },
    "line": {
        "zh": "；或在标题下另起一行写“{field}：{value}”（写在某一部分之内的行计入该部分字数）",
        "en": "; or add a line “{field}：{value}” under the title (a line inside a part counts "
        "toward its length)",
    },
}
_PLACEHOLDER = {"zh": "……", "en": "…"}
_OTHERS = {"zh": "，其余各项同样填写", "en": ", the others likewise"}


def metadata_where(
    case: Case, lang: Lang, field: str, value: str | None = None, *, more: bool = False
) -> str:
    """Where this case's author fills in ``field`` (its label, e.g. 类别); ``more`` when
    other fields are missing as well."""
    shown = value or _PLACEHOLDER[lang]
    others = _OTHERS[lang] if more else ""
    sidecar = case.input.metadata_file
    if sidecar is not None:
        name = Path(sidecar).name
        return render(WHERE, "sidecar", lang, file=name, field=field, value=shown, others=others)
    formats = {d.format for d in case.documents}
    if formats == {"docx"}:
        key, shown = "word", f"“{shown}”"
    elif "markdown" in formats:
        key = "markdown"
    else:
        key = "text"
    line = render(WHERE, "line", lang, field=field, value=value or _PLACEHOLDER[lang])
    return render(WHERE, key, lang, field=field, value=shown, others=others) + line
