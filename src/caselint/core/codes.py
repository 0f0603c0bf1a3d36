"""The one table of rule codes and names (stable API: never renumber, never rename).

A rule's name (kebab case) and its code are both accepted by ``--select``/``--ignore``, config
files and ``caselint rules``; a code prefix (``W``) selects a family. The explanation shown by
``caselint rules NAME`` lives with the rule's check module (its docstring) or, for rules checked
outside ``checks/``, in :data:`DOCS` below.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caselint.core.model import Finding, Location, Severity


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    severity: Severity
    summary_zh: str
    summary_en: str
    scope: str = "case"  # "file", "case" or "batch"

    def summary(self, lang: str) -> str:
        return self.summary_en if lang == "en" else self.summary_zh


FAMILIES = {
    "F": ("文件与案例组成", "files and case layout"),
    "S": ("结构与要素", "structure and elements"),
    "L": ("字数", "length"),
    "W": ("措辞", "wording"),
    "D": ("数据", "data"),
    "X": ("跨案例（名额、重复申报、截止日期）", "across cases (quotas, re-submission, deadline)"),
    "B": ("上传包", "bundle"),
    "A": ("接受的问题（caselint: ignore）", "accepted findings (caselint: ignore)"),
}

RULES: tuple[RuleInfo, ...] = (
    RuleInfo("F001", "unreadable-file", "error", "文件无法读取", "file cannot be read", "file"),
    RuleInfo(
        "F002", "case-layout-ambiguous", "error", "案例文件组成有歧义", "ambiguous case layout"
    ),
    RuleInfo("F003", "metadata-missing", "warning", "案例信息不全", "case metadata incomplete"),
    RuleInfo(
        "F004",
        "internal-error",
        "error",
        "检查该案例时出错",
        "caselint failed on this case",
        "tool",
    ),
    RuleInfo(
        "F005",
        "metadata-counted",
        "info",
        "案例信息行计入部分字数",
        "case information lines count toward a part",
    ),
    RuleInfo(
        "F006",
        "checks-skipped",
        "warning",
        "文本过长，部分检查未执行",
        "text too long: some checks skipped",
        "tool",
    ),
    RuleInfo(
        "S001",
        "part-missing",
        "error",
        "缺少综合材料或详细材料",
        "summary or detailed part missing",
    ),
    RuleInfo(
        "S002", "category-unknown", "error", "无法确定申报类别", "category cannot be determined"
    ),
    RuleInfo("S003", "element-missing", "error", "缺少规定要素", "required element missing"),
    RuleInfo("S004", "element-order", "warning", "要素顺序与通知不一致", "elements out of order"),
    RuleInfo(
        "S005",
        "category-inferred",
        "warning",
        "未写明类别，按内容推断",
        "category inferred from the text",
    ),
    RuleInfo("L001", "length-over-limit", "error", "超出字数上限", "over the length limit"),
    RuleInfo("L002", "length-near-limit", "warning", "接近字数上限", "close to the length limit"),
    RuleInfo(
        "W001", "emotive-wording", "warning", "主观感性或夸大措辞", "emotive or exaggerated wording"
    ),
    RuleInfo("W002", "unquantified-claim", "warning", "效果表述缺少数据", "claim without a figure"),
    RuleInfo(
        "D001", "data-dimension-missing", "warning", "缺少某类数据说明", "data dimension missing"
    ),
    RuleInfo(
        "D002", "category-focus", "info", "未体现类别侧重点", "category emphasis not addressed"
    ),
    RuleInfo(
        "D003",
        "figure-mismatch",
        "warning",
        "同一数据两部分不一致",
        "a figure differs between the parts",
    ),
    RuleInfo(
        "X001", "quota-exceeded", "error", "超出推荐名额", "over the recommendation quota", "batch"
    ),
    RuleInfo(
        "X002",
        "previously-selected",
        "error",
        "2024年已入选案例同类别重复申报",
        "previously selected",
        "batch",
    ),
    RuleInfo("X003", "deadline", "info", "截止日期提醒", "deadline reminder", "batch"),
    RuleInfo(
        "X004", "list-used", "info", "使用了哪些名单及其读取情况", "lists used and how", "batch"
    ),
    RuleInfo(
        "B001",
        "bundle-mismatch",
        "error",
        "上传包文件与清单不一致",
        "bundle does not match manifest",
        "file",
    ),
    RuleInfo(
        "B002",
        "metadata-adjusted",
        "info",
        "写入上传包的案例信息已调整",
        "case metadata adjusted for the bundle",
        "tool",
    ),
    RuleInfo(
        "B003",
        "bundle-recompressed",
        "info",
        "上传包文件重新压缩过，内容不变",
        "bundle file recompressed, content unchanged",
        "tool",
    ),
    RuleInfo(
        "A001",
        "unused-suppression",
        "warning",
        "忽略标记没有对应的问题",
        "suppression matches no finding",
        "tool",
    ),
    RuleInfo(
        "A002",
        "suppression-without-reason",
        "warning",
        "忽略标记没有写原因",
        "suppression without a reason",
        "tool",
    ),
)

#: Rules about suppressions themselves: never suppressed by one.
SUPPRESSION_RULES = frozenset({"unused-suppression", "suppression-without-reason"})

#: Documentation of rules that are not checks of one case (checks document themselves).
DOCS = {
    "unreadable-file": """A file of the case cannot be read: empty, damaged or truncated, not what its
extension says (a .doc or a text file named .docx), password-protected, a zip bomb, too large,
not readable with the current permissions, or text in an unknown encoding. The message names the
file and the reason; the rest of the run goes on. Fix: save the draft again as .docx (or UTF-8
Markdown/text) and check it again.""",
    "case-layout-ambiguous": """The files of a case do not say unambiguously what to check: two drafts of
the same part (…综合材料v1.docx and …综合材料v2.docx, 修订稿, 副本), or a part found in two files.
caselint never guesses which one counts; that part is not checked. Fix: keep one file per part
in the case folder (move old versions elsewhere).""",
    "metadata-missing": """The case metadata lacks fields the application form and the bundle need
(案例名称, 申报单位, 省份, 类别, 联系人, 联系电话 …), or the metadata file cannot be parsed.
Metadata lives in Markdown front matter, a case.toml / case.yaml beside the drafts or a .docx's
custom properties — never in the body, where it would be counted and uploaded.""",
    "quota-exceeded": """More recommended cases than the notice allows for one recommending body: per
province (and 新疆生产建设兵团) 4 per category and 12 in all, per central unit 1 and 3. Applies
to cases marked recommended (推荐: 是, or --shortlist); an intake folder without a shortlist gets a
warning saying how many to drop per category.""",
    "previously-selected": """A case selected in 2024 is submitted again in the same category (nominations
excepted), matched on normalised case and unit names against --selected or the pack's list. A
confident match is an error; a weaker one, or one only through a renamed category (体制机制改革
→ 创新发展机制), is a warning asking to confirm. The pack's list is partial and every run says so.""",
    "deadline": """The pack's submission deadline has passed or is near.""",
    "list-used": """list-used (X004): which lists the run used and how it read them.

What it does
    Says which shortlist and selected-case lists were used — named with --shortlist /
    --selected or found at a province folder's root — with how many entries each gave; the
    lines that give no case (listed, never fatal); entries without a category (matched on name
    and unit only); and that the pack's own selected list is partial. Title and footer rows of a
    table (「西岭省…推荐汇总表」「（盖章） 填报日期：…」) are skipped, not listed.
Why it matters
    五、（二）: the quota and the re-submission rule are checked against these lists; a reader
    must see what they were.
How to fix
    Nothing to fix: check that the lists are the ones meant, and complete.""",
    "internal-error": """internal-error (F004): caselint itself failed while checking this case.

What it does
    Reports a bug in caselint met on one case (not a fault of the draft). The case fails, so
    that nothing unchecked passes; every other case of the run is checked as usual.
Why it matters
    No clause of the notice: this is the tool's problem, not the draft's.
How to fix
    Run again with --debug to see the Python traceback, and report it with the draft.
""",
    "unused-suppression": """unused-suppression (A001): a caselint: ignore comment, or an entry of a
case.toml ignore list or of caselint.toml's accept lists, that accepts nothing: the finding it
named is gone (the text was fixed), it names another rule than the one reported there, or it
names no rule at all (W999). Stale suppressions would silently accept a future problem, so they
are reported where they are written; a caselint.toml entry once for the run, when it accepted
nothing in any case it applies to. Not reported for a rule the run does not check (--select,
--ignore), nor for an [[overrides]] entry whose globs match no case of the run.
Fix: delete the comment or the entry, or correct the rule it names.""",
    "suppression-without-reason": """suppression-without-reason (A002): a caselint: ignore comment, a
case.toml ignore entry or a caselint.toml accept entry gives no reason (a caselint.toml entry is
reported once for the run). The finding is still accepted, but whoever reviews the
case next must be able to see why: write the reason after the rule, e.g.
caselint: ignore W001 原因：引用第三方榜单.""",
    "checks-skipped": """checks-skipped (F006): a part is so long that some checks were not run.

What it does
    A part more than check_cap_ratio times its limit (20 in the 2025 pack: 20,000 字 for the
    summary, 100,000 for the detailed part) is still counted exactly, still fails its length
    limit and its structure and metadata are still checked, but the checks that read it
    sentence by sentence (emotive-wording, unquantified-claim, data-dimension-missing,
    figure-mismatch, category-focus …) skip it. Their work grows with the text: on a document
    of millions of characters they would run for hours. The finding names the part and its
    count.
Why it matters
    No clause of the notice: it protects a batch from one runaway file. A part that long is
    refused on its length anyway.
How to fix
    Check that the file is the right one, cut the part to its limit and check it again.
""",
    "metadata-adjusted": """metadata-adjusted (B002): case metadata was changed to fit the files of a bundle.

What it does
    Control characters (C0, DEL, C1), U+FFFE/U+FFFF and other characters XML cannot hold are
    removed from the metadata written into 申请表.docx and the part files, and a title longer
    than Word's core-property limit (255 characters) is cut there; the manifest keeps the
    values as they were written. The finding names each field and what was done.
Why it matters
    Word refuses a document holding such characters; a bundle must open on the platform.
How to fix
    Remove the stray characters (often pasted from another program) or shorten the field in
    the metadata, and pack again.
""",
    "bundle-mismatch": """A file of an upload bundle differs from the bundle's manifest (changed, missing
or added after packing), or its counts no longer match. Pack the case again.""",
    "bundle-recompressed": """bundle-recompressed (B003): a document of a bundle has other bytes than
the manifest records, but the same content.

What it does
    verify compares a .docx whose SHA-256 differs from the manifest's entry by entry: when every
    entry of the package (document, styles, pictures, properties) inflates to the bytes that
    were packed, and the part's text and counts are the manifest's, the file was only
    compressed again (another zlib build, a zip tool, a mail gateway) or its entries re-dated
    or reordered. That is reported as such, not as a change. Any entry added, removed,
    repeated or different is still a bundle-mismatch (B001).
Why it matters
    No clause of the notice: DEFLATE output differs between zlib builds, so bytes alone cannot
    tell a harmless re-compression from an edit; content can.
How to fix
    Nothing to fix. To have the exact bytes that were packed, take the bundle's zip.
""",
}

#: The same in Chinese, shown by default (``caselint rules NAME``; ``--lang en`` shows :data:`DOCS`).
#: Check modules carry theirs as ``DOC_ZH``.
DOCS_ZH = {
    "unreadable-file": """unreadable-file（F001）：案例中的某个文件无法读取。

作用
    文件打不开或读不出文字时报告，写明是哪个文件、什么原因：空文件、已损坏或不完整；内容与扩展名
    不符（旧版 .doc 或纯文本文件被改名为 .docx）；设了打开密码；解压后体积异常或文件过大；没有读取
    权限；文本文件的编码既不是 UTF-8 也不是 GBK。一个文件读不出来，不影响其他文件和案例的检查。
    能正常打开的 .docx、.md、.txt 不会报告。
原因
    通知“四、材料编写体例”要求“按照线上申报系统提示，提供综合材料和详细材料”。读不出来的文件无法
    检查字数和要素，上传后专家也可能打不开。
修改
    用 Word 或 WPS 打开，另存为 .docx（或 UTF-8 编码的 Markdown、文本文件），去掉打开密码，再检查
    一次。
""",
    "case-layout-ambiguous": """case-layout-ambiguous（F002）：案例的文件组成有歧义，无法判断以哪一份为准。

作用
    同一部分材料出现在不止一个文件里时报告。例如文件夹里同时有“……综合材料v1.docx”和“……综合材料
    v2.docx”，或还留着“修订稿”“副本”，或一个文件里已有综合材料、另一个文件又存了一份。本工具不替你
    猜哪一份算数，这一部分不做检查。每部分只有一个文件，或两部分写在同一个文件里、各有标题的，不会
    报告。
原因
    通知“四、材料编写体例”要求“提供综合材料和详细材料”，每个案例各一份；只有先明确哪一份是定稿，
    检查结果才有意义。
修改
    案例文件夹里每部分只保留一个文件，旧版本移到别处。
""",
    "metadata-missing": """metadata-missing（F003）：案例信息缺少填写申请表和打包上传所需的内容。

作用
    检查案例信息中是否填了案例名称、申报单位、省份、类别、联系人、联系电话等字段，以及信息文件能否
    解析。案例信息写在 Markdown 文件开头的信息块、稿件旁边的 case.toml 或 case.yaml，或 .docx 的
    自定义属性中，不写在正文里。
原因
    通知“四、材料编写体例”要求“请分类别填写申请表”，打包时要用这些信息填写申请表、给文件命名。
修改
    把缺少的字段补到上述位置之一。不要写进正文：正文会计入字数，也会被一并上传。
""",
    "quota-exceeded": """quota-exceeded（X001）：同一推荐单位推荐的案例超过通知规定的名额。

作用
    按推荐单位统计推荐案例数，逐类别和按总数与名额对照：各省（新疆生产建设兵团同样）每类不超过 4 个、
    总数不超过 12 个，中央单位每类不超过 1 个、总数不超过 3 个。只统计标为推荐的案例（案例信息中写
    “推荐: 是”，或用 --shortlist 给出推荐名单），例如某省推荐了 5 个融合生产传播类案例，报错误并
    列出这些案例。省局汇总收件的文件夹里还没有标记任何推荐时，只给警告，说明每类需要删减几个。
原因
    通知“五、征集和推选安排”规定：“各省每个类别报送的典型事例不超过4个，总数不超过12个。中央单位每个
    类别报送的典型事例不超过1个，总数不超过3个。”
修改
    从推荐名单中删减案例，直到每个类别和总数都在名额以内。
""",
    "previously-selected": """previously-selected（X002）：2024年已入选的案例又以相同类别申报。

作用
    把案例名称和申报单位与 2024 年入选名单（规则包内置名单，或用 --selected 提供的名单）对照，对照前
    统一写法，如“温岭融媒”即“温岭市融媒体中心”。同一类别、高度吻合的，报错误；吻合程度较低，或只是
    因类别改名才对上的（2024年的“体制机制改革”即今年的“创新发展机制”），报警告，请你确认。获提名的
    案例和换了类别申报的案例不会报告。内置名单并不完整，每次运行都会说明这一点。
原因
    通知“五、征集和推选安排”规定：“2024年已获选事例和项目不可再以相同事例类别进行申报（不包括提名
    事例）。”
修改
    改报其他类别，或不再申报；如确实不是同一个案例，请在报送说明中写明。
""",
    "list-used": """list-used（X004）：本次检查使用了哪些名单，读得怎样。

作用
    说明用了哪份推荐名单和往年入选名单（用 --shortlist、--selected 指定的，或在省级文件夹根目录找到的）
    以及各读出多少项；列出读不出案例的行（只提示，不影响检查）；名单中没有写类别的条目（只按名称和单位
    核对）；规则包自带的入选名单不完整。表格的标题行和落款行（如“西岭省……推荐汇总表”“（盖章） 填报日期：
    ……”）直接跳过，不列出。
原因
    通知“五、（二）”的名额和重复申报规定要按这些名单核查，使用者需要知道用的是哪些名单。
修改
    无需修改；请确认使用的名单正确、完整。
""",
    "deadline": """deadline（X003）：申报截止日期已过或临近。

作用
    把今天的日期与规则包中的截止日期（2025年为4月11日）比较：距截止 14 天以内（天数由规则包设定）、
    当天截止或已过截止日期时给出提示，写明还剩几天或已过几天。离截止还早时不提示。
原因
    通知“五、征集和推选安排”规定“征集的截止时间为2025年4月11日”，逾期的案例不再受理。
修改
    在截止日期前完成报送；已过截止日期的，请与省级广播电视行政管理部门联系。
""",
    "internal-error": """internal-error（F004）：检查这个案例时本工具自身出错。

作用
    本工具在检查某个案例时遇到了程序缺陷，不是稿件本身的问题。为免未经检查的案例被当作通过，
    该案例判为不通过；同一批中的其他案例照常检查，不受影响。
原因
    与通知条款无关，是工具本身的问题，需要维护人员修复。
修改
    加上 --debug 选项重新运行一次，把屏幕上显示的出错信息连同出错的稿件一并发给工具维护人员。
""",
    "unused-suppression": """unused-suppression（A001）：忽略标记没有对应的问题。

作用
    稿件里的“caselint: ignore”批注或注释、案例信息文件中忽略列表的某一项，或配置文件中接受
    列表的某一项，没有接受任何问题时报告：所指的问题已经改掉了，写的规则与该处报告的不是同一条，
    或者写的规则根本不存在。过时的忽略标记会在以后悄悄放过新的问题，所以在标记所在的位置指出来；
    配置文件中的一项在它适用的所有案例中都没有用上时，整次检查只报告一次。本次没有运行的规则
    （用 --select、--ignore 排除的），以及按路径设置中路径没有匹配到本次任何案例的项，不报告。
原因
    与通知条款无关：这是本工具的使用问题，让每一条“接受”都对得上一条真实的问题。
修改
    删去这条批注、注释或列表项，或改正其中的规则代码。
""",
    "suppression-without-reason": """suppression-without-reason（A002）：忽略标记没有写原因。

作用
    稿件批注或注释里的忽略标记、案例信息文件中忽略列表的某一项，或配置文件中接受列表的某一项，
    只写了规则代码、没有写原因时报告（配置文件中的一项整次检查只报告一次）。所指的问题仍然按“已接受”处理，不计入错误和警告的数目，但会多出这一条警告，提醒补写
    原因：下一位审核材料的同事、省局和评审都需要知道当初为什么接受这条问题。
原因
    与通知条款无关：接受一条问题应当有理由，便于省局汇总时复核，也便于日后追溯。
修改
    在规则代码后面写上原因，例如“原因：引用第三方榜单，已注明来源和时间”。
""",
    "checks-skipped": """checks-skipped（F006）：某部分材料过长，部分检查没有执行。

作用
    某部分的字数超过上限的若干倍（倍数由规则包设定，2025年为 20 倍：综合材料 2 万字、详细材料
    10 万字）时，照常精确统计字数、照常报告超出上限、照常检查要素结构和案例信息，但不再做措辞、
    效果表述、数据维度、前后数据一致和类别侧重点等逐句的检查，并报告这一条，写明是哪一部分、
    有多少字。这些检查的耗时随文字量增长，几百万字的文件会让整批检查运行数小时。
原因
    与通知条款无关，是为防止一个异常文件拖垮整批检查；这么长的材料本身就因超出字数上限而不通过。
修改
    确认文件是否放错，把该部分删减到字数上限以内，再检查一次。
""",
    "metadata-adjusted": """metadata-adjusted（B002）：写入上传包的案例信息做了调整。

作用
    打包时，写入申请表和各部分文件的案例信息中，控制字符（常见于从其他软件粘贴的内容）、
    U+FFFE 等 XML 不能容纳的字符会被删除；超过 Word 文档属性上限（255 个字符）的标题会被截断。
    清单 manifest.json 仍保留原样。每个被调整的字段各报告一条提示，写明做了什么调整。
原因
    含有这类字符的 Word 文档无法打开，上传包必须能在申报系统中正常打开。
修改
    在案例信息中删去这些字符或缩短该字段，再重新打包。
""",
    "bundle-recompressed": """bundle-recompressed（B003）：上传包里的某个文件字节与清单不同，但内容相同。

作用
    核对时，若某个 .docx 的 SHA-256 与清单不同，就逐个比对其中的部件：文档正文、样式、图片、
    属性等每个部件解压后都与打包时相同，且正文文字和字数与清单一致，说明文件只是被重新压缩过
    （不同的 zlib 版本、压缩软件或邮件系统）或部件的日期、顺序变了，报告为这一条提示，而不当作
    被修改。多出、缺少、重复或内容不同的部件仍报告为 bundle-mismatch（B001）。
原因
    与通知条款无关：不同版本的压缩程序输出的字节不同，只比字节分不清重新压缩和改动，比内容可以。
修改
    不需要修改。需要打包时的原始字节，请使用上传包的压缩包。
""",
    "bundle-mismatch": """bundle-mismatch（B001）：上传包里的文件与打包清单不一致。

作用
    核对上传包（文件夹或压缩包）时，逐个比对清单上记录的文件：打包后被改动过的（哪怕只改了一个错字）、
    清单上有但包里没有的、包里多出来的，以及各部分字数与清单记录不符的，都会报告。操作系统自动生成的
    零碎文件不算多出来的文件。打包后未经改动的上传包不会报告。
原因
    上传包要经过共享盘、邮件多次流转，打包后有人顺手改一下，上传的就不再是检查过的那一份，字数也可能
    不再符合通知“综合材料不超过 1000 字，详细材料不超过 5000 字”的要求。
修改
    用改好的稿子重新检查、重新打包，再上传新的包。
""",
}

BY_NAME = {rule.name: rule for rule in RULES}
BY_CODE = {rule.code: rule for rule in RULES}


def finding(
    name: str,
    message: str,
    *,
    severity: Severity | None = None,
    location: Location | None = None,
    **fields: Any,
) -> Finding:
    """A finding of rule ``name`` with its registered code and default severity."""
    rule = BY_NAME[name]
    return Finding(
        rule=rule.name,
        code=rule.code,
        severity=severity or rule.severity,
        message=message,
        location=location or Location(),
        **fields,
    )


def unreadable_finding(path: Path, reason: str, lang: str) -> Finding:
    """The ``unreadable-file`` finding for ``path``; ``reason`` is already in ``lang``."""
    if lang == "en":
        message = f"cannot read {path.name}: {reason}"
    else:
        message = f"无法读取 {path.name}：{reason}"
    return finding("unreadable-file", message, file=str(path))


def lookup(key: str) -> RuleInfo | None:
    """A rule by name or code (case-insensitive code)."""
    return BY_NAME.get(key) or BY_CODE.get(key.upper())


def select(selectors: list[str] | None, ignores: list[str] | None) -> frozenset[str]:
    """Rule names enabled by ``--select``/``--ignore``; selectors are names, codes or prefixes."""

    def matches(rule: RuleInfo, selector: str) -> bool:
        selector = selector.strip()
        if not selector:
            return False
        return selector in (rule.name, "ALL", "all") or rule.code.startswith(selector.upper())

    chosen = [r for r in RULES if not selectors or any(matches(r, s) for s in selectors)]
    return frozenset(
        r.name for r in chosen if not any(matches(r, s) for s in ignores or [] if s.strip())
    )


def unknown_selectors(selectors: list[str]) -> list[str]:
    """Selectors that match no rule (typos in --select/--ignore or config)."""
    unknown = []
    for selector in selectors:
        s = selector.strip()
        if not s or s in ("ALL", "all") or s in BY_NAME:
            continue
        if not any(rule.code.startswith(s.upper()) for rule in RULES):
            unknown.append(s)
    return unknown
