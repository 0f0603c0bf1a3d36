"""Checks across the cases of a provincial folder: quotas (intake and shortlist), re-submitted
2024 winners (confident, weak, renamed category, nominations), the deadline, the partial list."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from batch_cli import check_json, cli
from province_folder import (
    CASE_IDS,
    CASES,
    PLATFORM_CASES,
    SELECTED_ROWS,
    WENLING_NAME,
    WENLING_UNIT,
    build_province,
    complete_selected_rows,
    write_selected,
)

from caselint.core.model import CaseResult
from caselint.crosscase import BatchOptions, check_across, deadline, previously_selected, quota
from caselint.crosscase.selected import SelectedRow, read_selected
from caselint.engine import Settings
from caselint.rulepack.pack import load_pack

PACK = load_pack()
SETTINGS = Settings(pack=PACK)
SHIPPED = read_selected(PACK.resolve(PACK.resubmission.selected_list), PACK).rows
DEADLINE = dt.date(2025, 4, 11)
PACK_NAME = "2025年全国广播电视媒体融合典型案例征集和推选"


def _name(case_id: str) -> str:
    return CASES[case_id][1]


def _days_past() -> int:
    return (dt.date.today() - DEADLINE).days


def summary(report: dict[str, Any]) -> list[tuple[str, str, list[str], str]]:
    return [(f["rule"], f["severity"], f["cases"], f["message"]) for f in report["findings"]]


QUOTA_INTAKE = [
    (
        "quota-exceeded",
        "warning",
        PLATFORM_CASES,
        "东湖省收到“新媒体平台建设”类 5 个案例，最多推荐 4 个，需删减 1 个："
        + "、".join(_name(c) for c in PLATFORM_CASES),
    ),
    ("quota-exceeded", "warning", CASE_IDS, "东湖省共收到 15 个案例，最多推荐 12 个，需删减 3 个"),
]
WENLING_WARNING = (
    "previously-selected",
    "warning",
    ["14-温岭融媒县域治理平台"],
    f"案例《{WENLING_NAME}》可能是2024年已入选案例“{WENLING_NAME}”（{WENLING_UNIT}，体制机制改革）"
    "的重复申报，请确认（2024年类别“体制机制改革”即今年的“创新发展机制”）",
)
WEAK_WARNING = (
    "previously-selected",
    "warning",
    ["06-跟着节气看东湖"],
    "案例“《跟着节气看东湖》大小屏融合传播”可能是2024年已入选案例“跟着节气看东湖融媒体传播”"
    "（东湖省广播电视总台，融合生产传播）的重复申报，请确认",
)
CONFIDENT_ERROR = (
    "previously-selected",
    "error",
    ["11-广电农业数据服务"],
    "案例“‘广电+农业’数据服务平台”与2024年已入选案例“广电+农业数据服务平台”"
    "（东湖广电网络股份有限公司，综合信息服务）同类别重复申报",
)


def partial(known: int) -> tuple[str, str, list[str], str]:
    return (
        "list-used",
        "info",
        [],
        f"2024年入选名单不完整：{known}/40，未列入名单的入选案例无法核查；可用 --selected 提供完整名单",
    )


def deadline_passed() -> tuple[str, str, list[str], str]:
    return ("deadline", "info", [], f"{PACK_NAME}的申报截止日期 2025-04-11 已过 {_days_past()} 天")


# -- the folder through the CLI ------------------------------------------------------------------


def test_intake_folder_without_selected_list(province: Path) -> None:
    report = check_json(province, "--no-cache")

    assert summary(report) == [*QUOTA_INTAKE, partial(1), WENLING_WARNING, deadline_passed()]
    verdicts = {c["id"]: c["verdict"] for c in report["cases"]}
    # Warnings never fail a case; only the ambiguous layout does.
    assert [k for k, v in verdicts.items() if v == "fail"] == ["10-白石应急广播网格"]


def test_selected_list_confident_weak_renamed_and_nominated(province: Path, tmp_path: Path) -> None:
    selected = write_selected(tmp_path / "2024入选.csv", SELECTED_ROWS)

    report = check_json(province, "--no-cache", "--selected", selected)

    assert summary(report) == [
        *QUOTA_INTAKE,
        partial(4),
        WEAK_WARNING,
        CONFIDENT_ERROR,
        WENLING_WARNING,
        deadline_passed(),
    ]
    verdicts = {c["id"]: c["verdict"] for c in report["cases"]}
    assert verdicts["11-广电农业数据服务"] == "fail"  # an error naming one case fails it
    assert verdicts["06-跟着节气看东湖"] == "pass"
    assert verdicts["14-温岭融媒县域治理平台"] == "pass"
    assert verdicts["08-南屏早知道"] == "pass"
    assert report["summary"]["errors"] == 2  # the re-submission and the ambiguous layout


def test_a_nomination_never_blocks_but_the_same_row_selected_does(
    province: Path, tmp_path: Path
) -> None:
    nominated = [r for r in SELECTED_ROWS if r[4] == "提名"]
    assert [r[2] for r in nominated] == ["“南屏早知道”市县协同融合新闻产品"]
    as_selected = [(*r[:4], "入选") for r in nominated]

    quiet = check_json(
        province, "--no-cache", "--selected", write_selected(tmp_path / "a.csv", nominated)
    )
    loud = check_json(
        province, "--no-cache", "--selected", write_selected(tmp_path / "b.csv", as_selected)
    )

    def resubmissions(report: dict[str, Any]) -> list[tuple[str, list[str]]]:
        return [
            (f["severity"], f["cases"])
            for f in report["findings"]
            if f["rule"] == "previously-selected" and f["cases"] != ["14-温岭融媒县域治理平台"]
        ]

    assert resubmissions(quiet) == []  # the partial-list notice is list-used's
    assert resubmissions(loud) == [("error", ["08-南屏早知道"])]


def test_a_complete_selected_list_silences_the_partial_notice(
    province: Path, tmp_path: Path
) -> None:
    rows = complete_selected_rows()
    assert sum(r[4] == "入选" for r in rows) == 40
    selected = write_selected(tmp_path / "2024全部.csv", rows)

    report = check_json(province, "--no-cache", "--selected", selected)

    assert summary(report) == [
        *QUOTA_INTAKE,
        WEAK_WARNING,
        CONFIDENT_ERROR,
        WENLING_WARNING,
        deadline_passed(),
    ]


def test_the_same_case_spelled_twice_counts_once_in_the_list(
    province: Path, tmp_path: Path
) -> None:
    """The user's list repeats the shipped 2024 row, spelled differently: still 4 known of 40."""
    repeated = [
        (2024, "体制机制改革", f"《{WENLING_NAME}》", "温岭融媒", "入选"),
        (2024, "体制机制改革", WENLING_NAME, WENLING_UNIT, "入选"),
        *SELECTED_ROWS,
    ]
    report = check_json(
        province, "--no-cache", "--selected", write_selected(tmp_path / "r.csv", repeated)
    )
    assert partial(4) in summary(report)


def test_39_distinct_cases_plus_a_respelled_duplicate_is_still_partial(
    province: Path, tmp_path: Path
) -> None:
    rows = complete_selected_rows()
    filler = next(r for r in rows if r[2].startswith("西岭省填充案例"))
    rows.remove(filler)
    rows.append((2024, "体制机制改革", f"“{WENLING_NAME}”", "温岭融媒", "入选"))

    report = check_json(
        province, "--no-cache", "--selected", write_selected(tmp_path / "r.csv", rows)
    )
    assert partial(39) in summary(report)


def test_a_selected_list_in_gbk_with_chinese_headers(province: Path, tmp_path: Path) -> None:
    selected = tmp_path / "2024年入选名单.csv"
    selected.write_bytes(
        "年份,类别,案例名称,申报单位,状态\n"
        "2024,综合信息服务,广电+农业数据服务平台,东湖广电网络股份有限公司,入选\n".encode("gbk")
    )
    report = check_json(province, "--no-cache", "--selected", selected)
    assert CONFIDENT_ERROR in summary(report)
    assert partial(2) in summary(report)


def test_a_list_with_unusable_lines_is_read_and_they_are_said(
    province: Path, tmp_path: Path
) -> None:
    """Offices' lists are imperfect: a missing status or year takes the default, a line that
    gives no case is listed in a hint — never a usage error."""
    selected = tmp_path / "selected.csv"
    selected.write_text(
        "year,category,case_name\n2024,融合生产传播,跟着节气看东湖融媒体传播\n二〇二四,,\n,,\n",
        encoding="utf-8",
    )
    result = cli("check", province, "--no-cache", "--selected", selected, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    hints = [
        f["message"]
        for f in report["findings"]
        if f["rule"] == "list-used" and f["severity"] == "info"
    ]
    assert any("selected.csv" in h and "二〇二四" in h for h in hints), hints
    assert not any("跟着节气看东湖" in h for h in hints)  # the good row was read


def test_a_selected_list_that_cannot_be_read_is_a_usage_error(
    province: Path, tmp_path: Path
) -> None:
    result = cli("check", province, "--no-cache", "--selected", tmp_path / "none.csv")
    assert result.exit_code == 2
    assert "none.csv" in result.stderr


def test_shortlist_over_the_category_quota_is_an_error(province: Path, tmp_path: Path) -> None:
    shortlist = tmp_path / "推荐名单.txt"
    shortlist.write_text(
        "# 东湖省推荐名单\n"
        "01-东湖新闻客户端\n"
        "“南屏发布”短视频账号矩阵建设\n"
        "《“爱澄溪”县级客户端建设与运营》\n"
        "04-东湖云技术平台,东湖广电网络股份有限公司\n"
        "05-云渡乡村账号矩阵\n"
        "06-跟着节气看东湖\n"
        "市县台报送/柳港台\n",
        encoding="utf-8",
    )

    report = check_json(province, "--no-cache", "--shortlist", shortlist)

    assert summary(report)[:1] == [
        (
            "quota-exceeded",
            "error",
            PLATFORM_CASES,
            "东湖省推荐“新媒体平台建设”类 5 个案例，超过每类 4 个的名额："
            + "、".join(_name(c) for c in PLATFORM_CASES),
        )
    ]
    assert [f["rule"] for f in report["findings"]].count("quota-exceeded") == 1
    assert partial(1) in summary(report)  # said on every run without a complete list
    recommended = [c["id"] for c in report["cases"] if c["metadata"]["recommended"] is True]
    assert recommended == [*PLATFORM_CASES, "06-跟着节气看东湖", "市县台报送/柳港台"]
    assert all(
        c["metadata"]["recommended"] is False for c in report["cases"] if c["id"] not in recommended
    )


def test_shortlist_within_the_quota_has_no_quota_finding(province: Path, tmp_path: Path) -> None:
    chosen = [
        c
        for c in CASE_IDS
        if c not in ("05-云渡乡村账号矩阵", "07-石门村晚融媒直播", "08-南屏早知道")
    ]
    assert len(chosen) == 12
    shortlist = tmp_path / "推荐名单.txt"
    shortlist.write_text("\n".join(chosen) + "\n", encoding="utf-8")

    report = check_json(province, "--no-cache", "--shortlist", shortlist)

    assert [f for f in report["findings"] if f["rule"] == "quota-exceeded"] == []


def test_shortlist_over_the_total_quota_names_every_case(province: Path, tmp_path: Path) -> None:
    chosen = [c for c in CASE_IDS if c not in ("05-云渡乡村账号矩阵", "08-南屏早知道")]
    assert len(chosen) == 13
    shortlist = tmp_path / "推荐名单.txt"
    shortlist.write_text("\n".join(chosen) + "\n", encoding="utf-8")

    report = check_json(province, "--no-cache", "--shortlist", shortlist)

    quotas = [f for f in report["findings"] if f["rule"] == "quota-exceeded"]
    assert [(f["severity"], f["cases"], f["message"]) for f in quotas] == [
        (
            "error",
            chosen,
            "东湖省共推荐 13 个案例，超过总数 12 个的名额：" + "、".join(_name(c) for c in chosen),
        )
    ]


def test_metadata_marks_count_only_the_marked_cases(tmp_path: Path) -> None:
    """推荐 in case.toml / case.yaml: once a body marks cases, only they count, as errors."""
    marks = {case_id: True for case_id in PLATFORM_CASES}
    marks["06-跟着节气看东湖"] = False
    root = build_province(tmp_path / "东湖省", recommended=marks)

    report = check_json(root, "--no-cache")

    quotas = [
        (f["severity"], f["cases"], f["message"].partition("：")[0])
        for f in report["findings"]
        if f["rule"] == "quota-exceeded"
    ]
    assert quotas == [
        ("error", PLATFORM_CASES, "东湖省推荐“新媒体平台建设”类 5 个案例，超过每类 4 个的名额")
    ]
    marked = {c["id"]: c["metadata"].get("recommended") for c in report["cases"]}
    assert marked["03-爱澄溪客户端"] is True  # recommended: yes in case.yaml
    assert marked["01-东湖新闻客户端"] == "是"
    assert marked["06-跟着节气看东湖"] == "否"
    assert marked["07-石门村晚融媒直播"] is None


# -- the checks on their own ---------------------------------------------------------------------


def result(
    case_id: str,
    category: str | None,
    **metadata: Any,
) -> CaseResult:
    return CaseResult(
        id=case_id,
        files=[f"{case_id}/案例.md"],
        category=category,
        parts={"summary": None, "detailed": None},
        verdict="pass",
        metadata=metadata,
    )


def _options(*rows: SelectedRow, today: dt.date = dt.date(2025, 1, 1)) -> BatchOptions:
    return BatchOptions(selected=(*SHIPPED, *rows), today=today)


def _previously(cases: list[CaseResult], options: BatchOptions) -> list[tuple[str, str]]:
    return [
        (f.severity, f.message)
        for f in previously_selected.check(cases, SETTINGS, options)
        if f.cases
    ]


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        (WENLING_NAME, WENLING_UNIT),
        (f"《{WENLING_NAME}》", "温岭融媒"),
        (f"“{WENLING_NAME}”", WENLING_UNIT),
        ("温岭融媒 打造全国一流的县域治理现代化服务平台！", "温岭市融媒体中心（温岭市广播电视台）"),
        ("温岭融媒打造全国一流的县域治理现代化服务平台", "浙江省温岭市融媒体中心"),
    ],
)
def test_the_2024_winner_in_the_renamed_category_asks_to_confirm(name: str, unit: str) -> None:
    case = result("温岭", "创新发展机制", case_name=name, unit=unit)

    (found,) = _previously([case], _options())

    assert found[0] == "warning"
    assert found[1].endswith("的重复申报，请确认（2024年类别“体制机制改革”即今年的“创新发展机制”）")


def test_a_confident_match_in_the_same_category_is_an_error() -> None:
    row = SelectedRow(
        2024, "综合信息服务", "“爱江川”政务民生一体化服务平台", "江川县融媒体中心", "入选"
    )
    case = result(
        "江川", "综合信息服务", case_name="《爱江川》政务民生一体化服务平台", unit="江川融媒"
    )

    assert _previously([case], _options(row)) == [
        (
            "error",
            "案例“《爱江川》政务民生一体化服务平台”与2024年已入选案例“‘爱江川’政务民生一体化服务平台”"
            "（江川县融媒体中心，综合信息服务）同类别重复申报",
        )
    ]


def test_a_confident_name_from_another_unit_only_asks_to_confirm() -> None:
    row = SelectedRow(
        2024, "综合信息服务", "“爱江川”政务民生一体化服务平台", "江川县融媒体中心", "入选"
    )
    case = result(
        "澄溪", "综合信息服务", case_name="“爱江川”政务民生一体化服务平台", unit="澄溪县融媒体中心"
    )

    ((severity, _),) = _previously([case], _options(row))
    assert severity == "warning"


@pytest.mark.parametrize(
    ("category", "name", "unit"),
    [
        ("新媒体平台建设", WENLING_NAME, WENLING_UNIT),  # another category: allowed
        ("创新发展机制", "温岭融媒乡村振兴直播间", WENLING_UNIT),  # the same unit, another case
        ("创新发展机制", "县域治理现代化服务平台建设", "临海市融媒体中心"),  # a weak name elsewhere
    ],
)
def test_no_finding_for_another_category_or_another_case(
    category: str, name: str, unit: str
) -> None:
    case = result("x", category, case_name=name, unit=unit)
    assert _previously([case], _options()) == []


def test_a_nominated_row_never_blocks() -> None:
    row = SelectedRow(2024, "融合生产传播", "南屏早知道", "南屏市广播电视台", "提名")
    case = result("南屏", "融合生产传播", case_name="《南屏早知道》", unit="南屏市广播电视台")
    assert _previously([case], BatchOptions(selected=(row,))) == []


def test_rows_of_other_years_are_ignored() -> None:
    row = SelectedRow(2023, "融合生产传播", "南屏早知道", "南屏市广播电视台", "入选")
    case = result("南屏", "融合生产传播", case_name="《南屏早知道》", unit="南屏市广播电视台")
    assert _previously([case], BatchOptions(selected=(row,))) == []


@pytest.mark.parametrize(
    ("today", "message"),
    [
        (dt.date(2025, 3, 1), None),
        (dt.date(2025, 3, 28), f"距{PACK_NAME}申报截止（2025-04-11）还有 14 天"),
        (dt.date(2025, 4, 10), f"距{PACK_NAME}申报截止（2025-04-11）还有 1 天"),
        (dt.date(2025, 4, 11), f"{PACK_NAME}今天（2025-04-11）截止申报"),
        (dt.date(2025, 4, 12), f"{PACK_NAME}的申报截止日期 2025-04-11 已过 1 天"),
    ],
)
def test_deadline_hint(today: dt.date, message: str | None) -> None:
    found = [f.message for f in deadline.check([], SETTINGS, BatchOptions(today=today))]
    assert found == ([message] if message else [])
    assert all(
        f.severity == "info" for f in deadline.check([], SETTINGS, BatchOptions(today=today))
    )


def _body_case(case_id: str, category: str, **metadata: Any) -> CaseResult:
    return result(case_id, category, case_name=case_id, **metadata)


def test_quota_per_recommending_body_central_units_and_the_corps() -> None:
    cases = [
        _body_case("央1", "融合生产传播", unit="中央广播电视总台央视新闻", 推荐="是"),
        _body_case("央2", "融合生产传播", unit="中央广播电视总台国际在线", 推荐="是"),
        _body_case("兵1", "融合生产传播", unit="新疆生产建设兵团广播电视台", province="新疆"),
        _body_case("新1", "融合生产传播", unit="新疆广播电视台", province="新疆"),
    ]
    # The 推荐 key comes in canonical form from the engine; mimic it.
    for case in cases:
        if "推荐" in case.metadata:
            case.metadata["recommended"] = case.metadata.pop("推荐")

    found = list(quota.check(cases, SETTINGS, BatchOptions()))

    assert [(f.severity, f.cases, f.message) for f in found] == [
        (
            "error",
            ["央1", "央2"],
            "中央广播电视总台推荐“融合生产传播”类 2 个案例，超过每类 1 个的名额：央1、央2",
        )
    ]


def test_across_checks_follow_select_and_ignore() -> None:
    cases = [_body_case(f"c{i}", "新媒体平台建设", province="东湖省") for i in range(5)]
    only_quota = Settings(pack=PACK, enabled=frozenset({"quota-exceeded"}))
    none = Settings(pack=PACK, enabled=frozenset())

    assert {f.rule for f in check_across(cases, only_quota, _options())} == {"quota-exceeded"}
    assert check_across(cases, none, _options()) == []
