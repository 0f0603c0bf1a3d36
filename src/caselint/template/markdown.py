"""A new draft as Markdown: front matter for the metadata, guidance in HTML comments.

caselint's Markdown reader drops HTML comments (``<!-- … -->``) and reads front matter as
metadata, so neither is counted nor checked; in a Markdown preview the guidance is invisible
too, and an editor shows it greyed out.
"""

from __future__ import annotations

import json

from caselint.template.outline import Guide, Template

INTRO = Guide(
    "指引：本模板由 caselint new 生成。这类注释里的指引不计入字数、不参与检查，写完一节可删去"
    "该节指引；案例信息填在文件开头的 front matter 中（不属于正文）。写好后运行 caselint check 检查。"
)


def comment(guide: Guide) -> str:
    """A guide as an HTML comment (``--`` cannot occur inside one)."""
    return f"<!-- {guide.text.replace('--', '——')} -->"


def render(template: Template) -> str:
    lines = ["---"]
    for item in template.metadata:
        line = f"{item.label}: {json.dumps(item.value, ensure_ascii=False)}"
        if item.hint:
            line += f"  # {item.hint}"
        lines.append(line)
    lines += ["---", "", comment(INTRO), "", f"# （在此填写{template.title_guide.text}）", ""]
    for part in template.parts:
        lines += [f"# {part.title}", ""]
        lines += [comment(g) for g in part.guides]
        lines.append("")
        for section in part.sections:
            lines += [f"## {section.heading}", ""]
            lines += [comment(g) for g in section.guides]
            lines.append("")
    return "\n".join(lines)
