"""metadata-missing (F003): the case metadata lacks what the application form and bundle need.

What it does
    Reads the case metadata — Markdown front matter, a ``case.toml`` / ``case.yaml`` beside the
    drafts, or a .docx's custom document properties; keys in Chinese or English (案例名称 /
    case_name) — and lists the fields the pack's bundle needs that are empty (案例名称, 申报单位,
    省份, 类别, 联系人, 联系电话). A metadata file that cannot be parsed is reported too.
Why it matters
    四、材料编写体例: 请分类别填写申请表. ``caselint pack`` fills the 申请表 and names the files
    from these fields; the provincial summary lists them.
How to fix
    Add the fields to the front matter or to ``case.toml`` (never to the body: it would be
    counted and uploaded).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from caselint.cases.metadata import case_metadata
from caselint.cases.metadata_advice import metadata_where
from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog, join_list
from caselint.core.model import Finding

DOC_ZH = """metadata-missing（F003）：案例信息缺少填写申请表和打包上传所需的内容。

作用
    读取案例信息，来源可以是 Markdown 文件开头的信息块、放在稿件旁边的 case.toml 或 case.yaml，
    或 Word 文档的自定义属性，字段名用中文即可（如“案例名称”“联系电话”）。本规则列出打包所需但为空的字段：
    案例名称、申报单位、省份、类别、联系人、联系电话。例如：稿件里没有任何案例信息，会列出全部缺项；
    信息文件写错了格式、无法解析，也会报告。不会报告：字段齐全的；类别虽没写在案例信息里，但已从
    标题或 --category 确定的。
原因
    通知“四、材料编写体例”要求“请分类别填写申请表”。caselint pack 根据这些字段填写申请表、给文件
    命名，省级汇总表也要列出这些信息。
修改
    把缺少的字段补到文件开头的信息块或 case.toml 中。不要写进正文：正文会计入字数，也会被一并
    上传。
"""

NAME = "metadata-missing"

MESSAGES: Catalog = {
    "missing": {
        "zh": "案例信息缺少：{fields}（填写申请表和打包上传时需要）",
        "en": "case metadata lacks: {fields} (needed for the application form and the bundle)",
    },
    "fix": {
        "zh": "在 Markdown 开头的 front matter、同目录的 case.toml 或 Word 文档的自定义属性中填写",
        "en": "fill them in the Markdown front matter, a case.toml beside the drafts, or the .docx custom properties",
    },
    "invalid": {
        "zh": "案例信息无法解析（{file}）：{error}",
        "en": "case metadata cannot be parsed ({file}): {error}",
    },
}

EXAMPLES = Examples(
    fail=(Example("没有任何案例信息", front_matter=False, category="新媒体平台建设"),),
    pass_=(Example("front matter 齐全"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    case = ctx.case
    sidecar = case.input.metadata_file.name if case.input.metadata_file else ""
    errors = [(sidecar, case.input.metadata_error)]
    errors += [(Path(d.path).name, d.metadata_error) for d in case.documents]
    for file, error in errors:
        if error:
            yield ctx.report(
                NAME,
                ctx.t(MESSAGES, "invalid", file=file, error=error),
                suggestion=ctx.t(MESSAGES, "fix"),
            )
    if not case.documents or ctx.pack.metadata is None:
        return
    metadata = case_metadata(case, ctx.pack)
    if ctx.category is not None:
        metadata.setdefault("category", ctx.category.name)
    labels = {f.key: f.label for f in ctx.pack.metadata.fields}
    missing = [labels.get(k, k) for k in ctx.pack.metadata.bundle_required if not metadata.get(k)]
    if missing:
        where = metadata_where(case, ctx.lang, missing[0], more=len(missing) > 1)
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "missing", fields=join_list(missing, ctx.lang)),
            suggestion=where,
        )
