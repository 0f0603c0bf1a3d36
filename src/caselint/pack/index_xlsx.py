"""推荐汇总.xlsx: what a province forwards — one row per bundle, and the cases left out and why.

Written with the workbook helper of :mod:`caselint.reports.xlsx` (title and counts above the
table, frozen header, filters, widths for Chinese, wrapped text, landscape A4 one page wide,
untrusted text never a formula). Sheets: 推荐汇总 (the bundles, with each zip's SHA-256 so the
upload can be checked against it), 未打包 (every case not packed, with the reasons) and 名额核查
(per recommending body and category).
"""

from __future__ import annotations

from caselint.core.i18n import Lang
from caselint.core.model import PART_NAMES, Report
from caselint.crosscase.quota import recommending_body
from caselint.engine import Settings
from caselint.pack.bundle import Built
from caselint.pack.gate import Refusal
from caselint.reports.tables import case_verdict, summary_text, title_text
from caselint.reports.xlsx import Heading, quota_sheet, sheet, to_bytes

SHEETS = {"zh": ("推荐汇总", "未打包", "名额核查"), "en": ("bundles", "not packed", "quotas")}
BUNDLE_HEADERS = {
    "zh": [
        "序号",
        "类别",
        "案例名称",
        "申报单位",
        "单位层级",
        "省份",
        "推荐单位",
        "联系人",
        "联系电话",
        "综合材料字数",
        "详细材料字数",
        "检查结论",
        "强制打包",
        "上传包",
        "压缩包 SHA-256",
    ],
    "en": [
        "No.",
        "category",
        "case name",
        "unit",
        "level",
        "province",
        "recommending body",
        "contact",
        "phone",
        "summary words",
        "detailed words",
        "verdict",
        "forced",
        "bundle",
        "zip SHA-256",
    ],
}
BUNDLE_WIDTHS = (6, 14, 26, 20, 6, 8, 20, 8, 14, 10, 10, 12, 6, 30, 22)
SKIPPED_HEADERS = {
    "zh": ["序号", "案例编号", "案例名称", "是否推荐", "未打包原因"],
    "en": ["No.", "case id", "case name", "recommended", "reasons"],
}
SKIPPED_WIDTHS = (6, 20, 30, 8, 60)
_WORDS = {
    "zh": {True: "是", False: "否", None: ""},
    "en": {True: "yes", False: "no", None: ""},
}
_PACKED = {
    "zh": "已打包 {built} 个上传包，未打包 {skipped} 个案例。",
    "en": "{built} bundle(s) packed, {skipped} case(s) not packed. ",
}


def index_workbook(
    built: list[Built], skipped: list[Refusal], report: Report, settings: Settings
) -> bytes:
    from openpyxl import Workbook

    lang: Lang = settings.lang
    words = _WORDS[lang]
    workbook = Workbook()
    workbook.remove(workbook.active)
    rows: list[list[object]] = []
    for number, item in enumerate(built, start=1):
        manifest = item.manifest
        meta = manifest.case.metadata
        # The 推荐单位 of the case's 申请表 (the quota sheet groups by province or unit).
        body = item.recommender or recommending_body(item.result, settings)[0]
        rows.append(
            [
                number,
                manifest.category or "",
                manifest.case.case_name or "",
                manifest.case.unit or "",
                str(meta.get("level", "")),
                manifest.case.province or "",
                body,
                meta.get("contact", ""),
                str(meta.get("phone", "")),
                *[manifest.parts[p].words for p in PART_NAMES],
                case_verdict(item.result, report).label(lang),
                words[manifest.forced],
                f"{item.name}.zip",
                item.zip_sha256,
            ]
        )
    bundles, left_out, quotas = SHEETS[lang]
    title = title_text(report, settings, lang)
    packed = _PACKED[lang].format(built=len(built), skipped=len(skipped))
    heading = Heading(title, packed + summary_text(report, lang))
    sheet(workbook, bundles, BUNDLE_HEADERS[lang], rows, heading=heading, widths=BUNDLE_WIDTHS)
    skipped_rows: list[list[object]] = [
        [n, r.case_id, r.case_name or "", words[r.recommended], "；".join(r.reasons)]
        for n, r in enumerate(skipped, start=1)
    ]
    sheet(
        workbook,
        left_out,
        SKIPPED_HEADERS[lang],
        skipped_rows,
        heading=Heading(title),
        widths=SKIPPED_WIDTHS,
    )
    quota_sheet(workbook, quotas, report, settings, title)
    return to_bytes(workbook)
