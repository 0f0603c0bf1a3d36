"""metadata-missing (F003): the case metadata lacks what the application form and bundle need.

What it does
    Reads the case metadata — a ``case.toml`` / ``case.yaml`` beside the drafts, Markdown front
    matter or a .docx's custom document properties (keys in Chinese or English: 案例名称 /
    case_name); then the lines under the draft's title (申报单位：…, 【联系人】…, a two-column
    table); then the title (the case name, and the unit it opens with); then the folder and
    file names — and lists the fields the pack's bundle needs that none of them gives (案例名称,
    申报单位, 省份, 类别, 联系人, 联系电话). A metadata file that cannot be parsed is reported
    too. In a folder, a case without a province takes the one the other cases agree on (or
    ``--province``): a hint (info) says so.
Why it matters
    四、材料编写体例: 请分类别填写申请表. ``caselint pack`` fills the 申请表 and names the files
    from these fields; the provincial summary lists them.
How to fix
    Add the fields to ``case.toml`` or the front matter, or as lines under the title (lines
    inside a part count toward its length: see ``metadata-counted``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from caselint.cases.metadata import case_info, case_metadata
from caselint.cases.metadata_advice import metadata_where
from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog, join_list
from caselint.core.model import Finding

DOC_ZH = """metadata-missing（F003）：案例信息缺少填写申请表和打包上传所需的内容。

作用
    依次读取案例信息：放在稿件旁边的 case.toml 或 case.yaml、Markdown 文件开头的信息块或 Word
    文档的自定义属性（字段名用中文即可，如“案例名称”“联系电话”）；稿件标题下的“申报单位：……”
    “【联系人】……”等信息行或两列表格；标题（案例名称，以及标题开头的单位名称）；最后是文件夹名和
    文件名。本规则列出打包所需、但哪里都没有的字段：案例名称、申报单位、省份、类别、联系人、联系
    电话。例如：稿件里没有任何案例信息，会列出全部缺项；信息文件写错了格式、无法解析，也会报告。
    检查整个文件夹时，未写省份的案例按其他案例一致的省份（或 --province）计入名额，并给出提示。
    不会报告：字段齐全的；类别虽没写在案例信息里，但已从标题或 --category 确定的。
原因
    通知“四、材料编写体例”要求“请分类别填写申请表”。caselint pack 根据这些字段填写申请表、给文件
    命名，省级汇总表也要列出这些信息。
修改
    把缺少的字段补到 case.toml、文件开头的信息块，或写在标题下（写在某一部分之内的信息行计入该
    部分字数，见 metadata-counted）。
"""

NAME = "metadata-missing"

MESSAGES: Catalog = {
    "missing": {
        "zh": "案例信息缺少：{fields}（填写申请表和打包上传时需要）",
        "en": "case metadata lacks: {fields} (needed for the application form and the bundle)",
    },
    "fix": {
        "zh": "在同目录的 case.toml、Markdown 开头的 front matter 或 Word 文档的自定义属性中填写，或在标题下写“申报单位：……”这样的信息行",
        "en": "fill them in a case.toml beside the drafts, the Markdown front matter or the .docx custom properties, or as lines such as “申报单位：…” under the title",
    },
    "province-folder": {
        "zh": "案例未写省份，按同一文件夹其他案例一致的“{province}”计入名额",
        "en": "the case states no province; it counts toward the quota of “{province}”, "
        "which the folder's other cases agree on",
    },
    "province-folder_name": {
        "zh": "案例未写省份，按文件夹名取“{province}”计入名额",
        "en": "the case states no province; it counts toward the quota of “{province}”, "
        "named by its folder",
    },
    "province-unit": {
        "zh": "案例未写省份，按申报单位名称取“{province}”计入名额",
        "en": "the case states no province; it counts toward the quota of “{province}”, "
        "named by its unit",
    },
    "province-recommender": {
        "zh": "案例未写省份，按推荐单位名称取“{province}”计入名额",
        "en": "the case states no province; it counts toward the quota of “{province}”, "
        "named by its recommender",
    },
    "province-option": {
        "zh": "案例未写省份，按 --province 取“{province}”计入名额",
        "en": "the case states no province; it counts toward the quota of “{province}” (--province)",
    },
    "invalid": {
        "zh": "案例信息无法解析（{file}）：{error}",
        "en": "case metadata cannot be parsed ({file}): {error}",
    },
}

#: Sources of a province the case does not state: each is said in an info finding.
PROVINCE_GUESSES = ("option", "folder", "folder_name", "unit", "recommender")

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
    source = case_info(case, ctx.pack).sources.get("province")
    if source is not None and source.kind in PROVINCE_GUESSES:
        label = labels.get("province", "province")
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, f"province-{source.kind}", province=metadata["province"]),
            severity="info",
            suggestion=metadata_where(case, ctx.lang, label, str(metadata["province"])),
        )
