"""推荐汇总.xlsx: what a province forwards — one row per bundle, and the cases left out and why.

Written with the workbook helper of :mod:`caselint.reports.xlsx` (frozen header, filters,
widths for Chinese, untrusted text never a formula). Sheets: 推荐汇总 (the bundles, with each
zip's SHA-256 so the upload can be checked against it), 未打包 (every case not packed, with the
reasons) and 名额核查 (per recommending body and category).
"""

from __future__ import annotations

import io

from caselint.core.i18n import Lang
from caselint.core.model import PART_NAMES, Report
from caselint.crosscase.quota import recommending_body
from caselint.engine import Settings
from caselint.pack.bundle import Built
from caselint.pack.gate import Refusal
from caselint.reports.tables import QUOTA_HEADERS, quota_rows
from caselint.reports.xlsx import sheet

SHEETS = {"zh": ("推荐汇总", "未打包", "名额核查"), "en": ("bundles", "not packed", "quotas")}
BUNDLE_HEADERS = {
    "zh": [
        "序号",
        "类别",
        "案例名称",
        "申报单位",
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
SKIPPED_HEADERS = {
    "zh": ["序号", "案例编号", "案例名称", "是否推荐", "未打包原因"],
    "en": ["No.", "case id", "case name", "recommended", "reasons"],
}
_WORDS = {
    "zh": {"pass": "通过", "fail": "不通过", True: "是", False: "否", None: ""},
    "en": {"pass": "pass", "fail": "fail", True: "yes", False: "no", None: ""},
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
        body, _ = recommending_body(item.result, settings)
        rows.append(
            [
                number,
                manifest.category or "",
                manifest.case.case_name or "",
                manifest.case.unit or "",
                manifest.case.province or "",
                body,
                meta.get("contact", ""),
                str(meta.get("phone", "")),
                *[manifest.parts[p].words for p in PART_NAMES],
                words[manifest.verdict],
                words[manifest.forced],
                f"{item.name}.zip",
                item.zip_sha256,
            ]
        )
    bundles, left_out, quotas = SHEETS[lang]
    sheet(workbook, bundles, BUNDLE_HEADERS[lang], rows)
    skipped_rows: list[list[object]] = [
        [n, r.case_id, r.case_name or "", words[r.recommended], "；".join(r.reasons)]
        for n, r in enumerate(skipped, start=1)
    ]
    sheet(workbook, left_out, SKIPPED_HEADERS[lang], skipped_rows)
    sheet(workbook, quotas, QUOTA_HEADERS[lang], quota_rows(report, settings, lang))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
