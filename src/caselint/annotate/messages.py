"""What the comments say: one finding per comment, a part's list, and the summary at the top.

A comment reads like the terminal report, in the run's language: severity, code and rule, the
message, then the suggestion on its own line, so an author working in Word learns the same
thing ``caselint check`` would have told them.
"""

from __future__ import annotations

from pathlib import Path

from caselint.cases.limits import MEASURE_LABELS, SCOPE_LABELS
from caselint.core.i18n import SEVERITY_LABELS, Catalog, Lang, join_list, render
from caselint.core.model import PART_NAMES, CaseResult, Finding, PartName, Story

SEVERITY = SEVERITY_LABELS
PART_TITLES = {
    "zh": {"summary": "综合材料", "detailed": "详细材料"},
    "en": {"summary": "summary", "detailed": "detailed part"},
}
_STORIES = {
    Story.FOOTNOTE: ("脚注", "footnote"),
    Story.ENDNOTE: ("尾注", "endnote"),
    Story.COMMENT: ("批注", "comment"),
    Story.HEADER: ("页眉", "header"),
    Story.FOOTER: ("页脚", "footer"),
    Story.TEXTBOX: ("文本框", "text box"),
}

MESSAGES: Catalog = {
    "head": {
        "zh": "{severity} {code}（{rule}）：{message}",
        "en": "{severity} {code} ({rule}): {message}",
    },
    "fix": {"zh": "建议：{suggestion}", "en": "Fix: {suggestion}"},
    "accept": {
        "zh": "如确认无误、接受这条{severity}：把本批注改为“caselint: ignore {code} 原因：……”",
        "en": "To accept this {severity}, change this comment to “caselint: ignore {code} reason: …”",
    },
    "accepted": {
        "zh": "另有 {n} 条已按“caselint: ignore”接受（批注保留，不再列出）。",
        "en": "{n} more accepted with “caselint: ignore” (their comments are kept, not listed).",
    },
    "in-story": {
        "zh": "（所指文字在本段的{story}中）",
        "en": "(the text concerned is in this paragraph's {story})",
    },
    "bullet": {"zh": "• {text}", "en": "• {text}"},
    "part-title": {
        "zh": "{part}整体问题（{n} 条）：",
        "en": "About the {part} as a whole ({n}):",
    },
    "title": {
        "zh": "caselint 审阅意见（规则包 {pack}）",
        "en": "caselint review ({pack})",
    },
    "case": {"zh": "案例：{id}；类别：{category}", "en": "Case: {id}; category: {category}"},
    "no-category": {"zh": "未能确定", "en": "unknown"},
    "length": {
        "zh": "{part}：{value} / {limit} 字（{label}）{state}",
        "en": "{part}: {value} / {limit} ({label}){state}",
    },
    "over": {"zh": "，超出 {excess} 字", "en": ", {excess} over the limit"},
    "near": {"zh": "，接近上限", "en": ", close to the limit"},
    "elsewhere": {"zh": "（在 {file} 中）", "en": " (in {file})"},
    "part-absent": {"zh": "{part}：未找到", "en": "{part}: not found"},
    "elements": {"zh": "{part}要素：{found}", "en": "Elements of the {part}: {found}"},
    "element-found": {"zh": "{n}←“{heading}”", "en": "{n}←“{heading}”"},
    "element-missing": {"zh": "{n} 缺失", "en": "{n} missing"},
    "element-unheaded": {"zh": "{n} 无小标题", "en": "{n} no heading"},
    "totals": {
        "zh": "本案例共 {errors} 个错误、{warnings} 个警告、{infos} 条提示；本文件正文批注 {anchored} 处",
        "en": "The case has {errors} error(s), {warnings} warning(s), {infos} info; "
        "{anchored} comment(s) in this file's text",
    },
    "on-parts": {
        "zh": "；{parts}标题处另列 {n} 条整体问题",
        "en": "; {n} more about whole parts on the {parts} heading(s)",
    },
    "verdict-fail": {
        "zh": "结论：有错误，需修改后再报送。",
        "en": "Verdict: errors to fix before submitting.",
    },
    "verdict-pass": {
        "zh": "结论：没有错误级问题。",
        "en": "Verdict: no error-level findings.",
    },
    "unplaced": {"zh": "其他问题：", "en": "Other findings:"},
    "other-file": {
        "zh": "{file} 中的 {n} 条问题未在本文件批注（对该文件运行 caselint annotate）。",
        "en": "{n} finding(s) in {file} are not annotated here (run caselint annotate on it).",
    },
}


def _t(key: str, lang: Lang, **params: object) -> str:
    return render(MESSAGES, key, lang, **params)


def finding_line(finding: Finding, lang: Lang) -> str:
    return _t(
        "head",
        lang,
        severity=SEVERITY[lang][finding.severity],
        code=finding.code,
        rule=finding.rule,
        message=finding.message,
    )


def finding_comment(finding: Finding, lang: Lang, story: Story = Story.MAIN) -> str:
    """The text of the comment anchored on a finding's characters or paragraph."""
    lines = [finding_line(finding, lang)]
    if story is not Story.MAIN and story in _STORIES:
        lines.append(_t("in-story", lang, story=_STORIES[story][lang == "en"]))
    if finding.suggestion:
        lines.append(_t("fix", lang, suggestion=finding.suggestion))
    if finding.severity != "error":
        severity = SEVERITY[lang][finding.severity]
        lines.append(_t("accept", lang, severity=severity, code=finding.code))
    return "\n".join(lines)


def _bullets(findings: list[Finding], lang: Lang) -> list[str]:
    out = []
    for finding in findings:
        text = finding_line(finding, lang)
        if finding.suggestion:
            text += "；" if lang == "zh" else "; "
            text += _t("fix", lang, suggestion=finding.suggestion)
        out.append(_t("bullet", lang, text=text))
    return out


def part_comment(part: PartName, findings: list[Finding], lang: Lang) -> str:
    """The comment on a part's marker line listing what concerns the part as a whole."""
    head = _t("part-title", lang, part=PART_TITLES[lang][part], n=len(findings))
    return "\n".join([head, *_bullets(findings, lang)])


def summary_comment(
    result: CaseResult,
    *,
    pack: str,
    lang: Lang,
    file: str,
    anchored: int,
    on_parts: dict[PartName, list[Finding]],
    unplaced: list[Finding],
    other_files: dict[str, int],
    near_ratio: float,
) -> str:
    """The comment at the top: counts against limits, elements, totals, what is elsewhere."""
    lines = [
        _t("title", lang, pack=pack),
        _t("case", lang, id=result.id, category=result.category or _t("no-category", lang)),
    ]
    for name in PART_NAMES:
        lines.append(_length_line(result, name, lang, file, near_ratio))
    for name in PART_NAMES:
        elements = [e for e in result.elements if e.part == name]
        if not elements:
            continue
        shown = [
            _t("element-found", lang, n=e.n, heading=e.heading)
            if e.heading
            else _t("element-missing" if name == "summary" else "element-unheaded", lang, n=e.n)
            for e in elements
        ]
        lines.append(
            _t("elements", lang, part=PART_TITLES[lang][name], found=join_list(shown, lang))
        )
    everything = [f for f in result.findings if f.active]
    totals = _t(
        "totals",
        lang,
        errors=sum(f.severity == "error" for f in everything),
        warnings=sum(f.severity == "warning" for f in everything),
        infos=sum(f.severity == "info" for f in everything),
        anchored=anchored,
    )
    listed = sum(len(v) for v in on_parts.values())
    if listed:
        parts = join_list([f"“{PART_TITLES[lang][p]}”" for p in on_parts], lang)
        totals += _t("on-parts", lang, parts=parts, n=listed)
    lines.append(totals + ("。" if lang == "zh" else "."))
    accepted = len(result.findings) - len(everything)
    if accepted:
        lines.append(_t("accepted", lang, n=accepted))
    for other, n in other_files.items():
        lines.append(_t("other-file", lang, file=other, n=n))
    if unplaced:
        lines.append(_t("unplaced", lang))
        lines.extend(_bullets(unplaced, lang))
    lines.append(_t("verdict-fail" if result.verdict == "fail" else "verdict-pass", lang))
    return "\n".join(lines)


def _length_line(result: CaseResult, name: PartName, lang: Lang, file: str, ratio: float) -> str:
    part = result.parts.get(name)
    title = PART_TITLES[lang][name]
    if part is None:
        return _t("part-absent", lang, part=title)
    label = MEASURE_LABELS.get(part.measure, (part.measure, part.measure))[lang == "en"]
    scope = SCOPE_LABELS.get(part.scope, (part.scope, part.scope))[lang == "en"]
    label = f"{label}，{scope}" if lang == "zh" else f"{label}, {scope}"
    if part.words > part.limit:
        state = _t("over", lang, excess=part.words - part.limit)
    elif part.words >= ratio * part.limit:
        state = _t("near", lang)
    else:
        state = ""
    if part.file and not _same(part.file, file):
        state += _t("elsewhere", lang, file=_name(part.file))
    return _t(
        "length", lang, part=title, value=part.words, limit=part.limit, label=label, state=state
    )


def _name(path: str) -> str:
    return Path(path).name


def _same(a: str, b: str) -> bool:
    return Path(a).resolve() == Path(b).resolve()
