"""Suppressions with a reason: ``caselint: ignore`` in Markdown and Word, case.toml ``ignore``.

Each test writes a real draft (Markdown, or .docx through python-docx), runs ``caselint check``
and reads what the JSON, SARIF, JUnit and text outputs say about the accepted findings.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import jsonschema
import pytest
from docx.oxml import parse_xml
from lxml import etree
from workflow_drafts import (
    LEADING,
    PRAISED,
    check_json,
    draft_with,
    excerpt_has,
    findings,
    line_of,
    run,
)

from support.cases import build_docx_case, compliant

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REASON = "引用第三方榜单（2024年度省级客户端排行）"


def _md(tmp_path: Path, text: str, name: str = "案例.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _w001(report: dict, phrase: str) -> dict:
    (hit,) = [f for f in findings(report, "emotive-wording") if excerpt_has(f, phrase)]
    return hit


# -- Markdown ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lead",
    [
        f"<!-- caselint: ignore W001 原因：{REASON} -->\n{LEADING}\n\n{PRAISED}",
        f"{LEADING}<!-- caselint: ignore emotive-wording 原因：{REASON} -->\n\n{PRAISED}",
        f"{LEADING}\n<!-- caselint: ignore W001 原因：{REASON} -->\n\n{PRAISED}",
    ],
    ids=["line-before", "end-of-paragraph", "line-after-paragraph"],
)
def test_markdown_comment_accepts_its_paragraph_only(tmp_path: Path, lead: str) -> None:
    report = check_json(_md(tmp_path, draft_with(lead)), "--ignore", "X")
    accepted = _w001(report, "全国领先")
    assert accepted["suppression"] == {
        "kind": "comment",
        "reason": REASON,
        "file": str(tmp_path / "案例.md"),
        "location": accepted["suppression"]["location"],
        "key": None,  # the place in caselint.toml, for a config acceptance only
    }
    assert _w001(report, "广受好评")["suppression"] is None
    assert findings(report, "unused-suppression") == []
    assert findings(report, "suppression-without-reason") == []
    summary = report["summary"]
    assert summary["suppressed"] == 1
    assert summary["warnings"] == 1  # 广受好评 only: the accepted one is not counted


def test_comment_before_a_paragraph_with_a_blank_line_between(tmp_path: Path) -> None:
    lead = f"{PRAISED}\n\n<!-- caselint: ignore W001 原因：{REASON} -->\n\n{LEADING}"
    report = check_json(_md(tmp_path, draft_with(lead)), "--ignore", "X")
    assert _w001(report, "全国领先")["suppression"] is not None
    assert _w001(report, "广受好评")["suppression"] is None


def test_text_report_hides_accepted_findings_and_counts_them(tmp_path: Path) -> None:
    path = _md(tmp_path, draft_with(f"{LEADING}<!-- caselint: ignore W001 原因：{REASON} -->"))
    code, out, _ = run("check", path, "--ignore", "X", "--no-cache")
    assert code == 0
    assert "全国领先" not in out
    assert "另有 1 条已接受" in out
    code, out, _ = run("check", path, "--ignore", "X", "--no-cache", "--show-suppressed")
    assert "全国领先" in out and f"已接受：{REASON}" in out
    code, out, _ = run("check", path, "--ignore", "X", "--no-cache", "--lang", "en")
    assert "1 accepted (caselint: ignore" in out


def test_accepted_warning_no_longer_fails_fail_on_warning(tmp_path: Path) -> None:
    path = _md(tmp_path, draft_with(f"{LEADING}<!-- caselint: ignore W001 原因：{REASON} -->"))
    assert run("check", path, "--ignore", "X", "--no-cache", "--fail-on", "warning")[0] == 0
    bare = _md(tmp_path, draft_with(LEADING), name="对照.md")
    assert run("check", bare, "--ignore", "X", "--no-cache", "--fail-on", "warning")[0] == 1


def test_suppression_without_reason_is_a_warning(tmp_path: Path) -> None:
    text = draft_with(f"<!-- caselint: ignore W001 -->\n{LEADING}")
    report = check_json(_md(tmp_path, text), "--ignore", "X")
    assert _w001(report, "全国领先")["suppression"]["reason"] is None
    (missing,) = findings(report, "suppression-without-reason")
    assert missing["code"] == "A002" and missing["severity"] == "warning"
    assert missing["location"]["line"] == line_of(text, LEADING)
    code, _, _ = run(
        "check", tmp_path / "案例.md", "--ignore", "X", "--no-cache", "--fail-on", "warning"
    )
    assert code == 1  # a reasonless acceptance does not make a warning-free run


def test_unused_and_unknown_suppressions_are_reported_where_written(tmp_path: Path) -> None:
    lead = (
        f"<!-- caselint: ignore W002 原因：已有数据 -->\n{LEADING}\n\n"
        f"<!-- caselint: ignore W999 原因：笔误 -->\n{PRAISED}"
    )
    text = draft_with(lead)
    report = check_json(_md(tmp_path, text), "--ignore", "X")
    unused = findings(report, "unused-suppression")
    assert sorted(f["location"]["line"] for f in unused) == [
        line_of(text, LEADING),
        line_of(text, PRAISED),
    ]
    assert any("W002" in f["message"] for f in unused)
    assert any("W999" in f["message"] for f in unused)
    assert all(f["code"] == "A001" and f["part"] == "detailed" for f in unused)
    assert _w001(report, "全国领先")["suppression"] is None  # W002 does not accept W001


def test_suppression_of_a_rule_not_run_is_not_unused(tmp_path: Path) -> None:
    path = _md(tmp_path, draft_with(f"<!-- caselint: ignore W001 原因：{REASON} -->\n{LEADING}"))
    report = check_json(path, "--ignore", "X", "--ignore", "W001")
    assert findings(report, "unused-suppression") == []


def test_comment_on_a_part_heading_accepts_that_parts_whole_part_findings(tmp_path: Path) -> None:
    """category-focus (D002) is about the detailed part as a whole: a comment on its heading."""
    from support.cases import load_case

    text = load_case("problems/category-focus").replace(
        "# 详细材料\n", "<!-- caselint: ignore D002 原因：侧重点写在第二部分 -->\n# 详细材料\n", 1
    )
    report = check_json(_md(tmp_path, text), "--ignore", "X")
    (focus,) = findings(report, "category-focus")
    assert focus["suppression"]["reason"] == "侧重点写在第二部分"
    assert findings(report, "unused-suppression") == []


# -- Word ---------------------------------------------------------------------------------------


def _paragraph_with(document: docx.document.Document, phrase: str):
    return next(p for p in document.paragraphs if phrase in p.text)


def _add_raw_comment(path: Path, phrase: str, text: str, comment_id: int = 90) -> None:
    """Anchor a comment on the paragraph holding ``phrase`` with raw WordprocessingML: the
    comment in word/comments.xml, commentRangeStart/End around the paragraph's runs and a
    commentReference run after them — what Word writes."""
    document = docx.Document(str(path))
    comments_part = document.part._comments_part  # created with its relationship if missing
    comments_part.element.append(
        parse_xml(
            f'<w:comment xmlns:w="{W}" w:id="{comment_id}" w:author="编辑" w:initials="BJ">'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment>"
        )
    )
    p = _paragraph_with(document, phrase)._p
    runs = p.findall(f"{{{W}}}r")
    runs[0].addprevious(parse_xml(f'<w:commentRangeStart xmlns:w="{W}" w:id="{comment_id}"/>'))
    runs[-1].addnext(parse_xml(f'<w:commentRangeEnd xmlns:w="{W}" w:id="{comment_id}"/>'))
    p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:commentReference w:id="{comment_id}"/></w:r>'))
    document.save(str(path))


def test_word_comment_written_as_raw_xml_accepts_its_paragraph(tmp_path: Path) -> None:
    path = build_docx_case(draft_with(f"{LEADING}\n\n{PRAISED}"), tmp_path / "案例.docx")
    _add_raw_comment(path, "全国领先", f"caselint: ignore W001 原因：{REASON}")
    report = check_json(path, "--ignore", "X")
    accepted = _w001(report, "全国领先")
    assert accepted["suppression"]["kind"] == "comment"
    assert accepted["suppression"]["reason"] == REASON
    assert accepted["suppression"]["location"]["paragraph"] == accepted["location"]["paragraph"]
    assert _w001(report, "广受好评")["suppression"] is None
    assert findings(report, "unused-suppression") == []
    assert report["summary"]["suppressed"] == 1


def test_word_comment_of_another_kind_is_not_a_suppression(tmp_path: Path) -> None:
    path = build_docx_case(draft_with(LEADING), tmp_path / "案例.docx")
    _add_raw_comment(path, "全国领先", "请核实：是否有榜单？caselint: ignore W001")
    report = check_json(path, "--ignore", "X")
    assert _w001(report, "全国领先")["suppression"] is None


def _edit_comment(document, contains: str, text: str) -> int:
    """Change the text of the comment holding ``contains`` as an editor in Word would."""
    root = document.part._comments_part.element
    for comment in root.iter(f"{{{W}}}comment"):
        if contains in "".join(t.text or "" for t in comment.iter(f"{{{W}}}t")):
            paragraphs = comment.findall(f"{{{W}}}p")
            for extra in paragraphs[1:]:
                comment.remove(extra)
            texts = list(paragraphs[0].iter(f"{{{W}}}t"))
            texts[0].text = text
            for t in texts[1:]:
                t.text = ""
            return int(comment.get(f"{{{W}}}id"))
    raise AssertionError(contains)


def test_annotate_round_trip_accepting_a_warning_in_word(tmp_path: Path) -> None:
    """annotate writes a comment on 全国领先 telling how to accept it; the editor changes that
    comment to a suppression and saves the copy as the draft; check accepts exactly that hit
    (not 全国领先's twin elsewhere), and annotating again keeps the editor's comment."""
    twin = "客户端的服务能力在全国领先，2024年接入服务23项。"
    source = tmp_path / "稿"
    source.mkdir()
    draft = build_docx_case(draft_with(f"{LEADING}\n\n{twin}"), source / "案例.docx")
    copy = tmp_path / "审阅.docx"
    assert run("annotate", draft, "-o", copy, "--ignore", "X")[0] == 0

    edited = docx.Document(str(copy))
    texts = [
        "".join(t.text or "" for t in c.iter(f"{{{W}}}t"))
        for c in edited.part._comments_part.element.iter(f"{{{W}}}comment")
    ]
    hint = "把本批注改为“caselint: ignore W001 原因：……”"
    assert sum(hint in t and "全国领先" in t for t in texts) == 2
    # The comment on the first 全国领先 (in 我台打造了…) is the first W001 comment written.
    _edit_comment(edited, "全国领先", f"caselint: ignore W001 原因：{REASON}")
    round_trip = tmp_path / "改后"
    round_trip.mkdir()
    saved = round_trip / "案例.docx"
    edited.save(str(saved))

    report = check_json(saved, "--ignore", "X")
    hits = [f for f in findings(report, "emotive-wording") if excerpt_has(f, "全国领先")]
    assert len(hits) == 2
    accepted = [f for f in hits if f["suppression"]]
    assert len(accepted) == 1 and LEADING.startswith(accepted[0]["excerpt"][:6])
    assert accepted[0]["suppression"]["reason"] == REASON
    assert findings(report, "unused-suppression") == []

    again = tmp_path / "再审阅.docx"
    assert run("annotate", saved, "-o", again, "--ignore", "X")[0] == 0
    kept = docx.Document(str(again)).part._comments_part.element
    comments = [
        "".join(t.text or "" for t in c.iter(f"{{{W}}}t")) for c in kept.iter(f"{{{W}}}comment")
    ]
    assert sum(t.startswith("caselint: ignore W001") for t in comments) == 1
    assert sum("全国领先" in t and hint in t for t in comments) == 1  # the twin only
    assert any("另有 1 条已按“caselint: ignore”接受" in t for t in comments)
    # and the re-annotated copy still accepts it
    third = tmp_path / "三" / "案例.docx"
    third.parent.mkdir()
    third.write_bytes(again.read_bytes())
    report = check_json(third, "--ignore", "X")
    assert sum(bool(f["suppression"]) for f in findings(report, "emotive-wording")) == 1


# -- case.toml ----------------------------------------------------------------------------------


def _folder_case(tmp_path: Path, text: str, toml: str) -> Path:
    folder = tmp_path / "案例甲"
    folder.mkdir()
    (folder / "案例.md").write_text(text, encoding="utf-8")
    (folder / "case.toml").write_text(toml, encoding="utf-8")
    return folder


def test_case_toml_ignore_list_with_reasons(tmp_path: Path) -> None:
    toml = f"""
ignore = [
  {{ rule = "W001", text = "全国领先", reason = "{REASON}" }},
  {{ rule = "emotive-wording", text = "广受好评" }},
  "D002 原因：侧重点另见附件",
  "W002 原因：不会用到",
  42,
]
"""
    from support.cases import load_case

    text = load_case("problems/category-focus").replace(
        "# 详细材料\n", f"# 详细材料\n\n{LEADING}\n\n{PRAISED}\n", 1
    )
    report = check_json(_folder_case(tmp_path, text, toml), "--ignore", "X")
    leading, praised = _w001(report, "全国领先"), _w001(report, "广受好评")
    assert leading["suppression"]["kind"] == "case"
    assert leading["suppression"]["reason"] == REASON
    assert leading["suppression"]["file"].endswith("case.toml")
    assert praised["suppression"]["reason"] is None
    (focus,) = findings(report, "category-focus")
    assert focus["suppression"]["reason"] == "侧重点另见附件"
    (reasonless,) = findings(report, "suppression-without-reason")
    assert reasonless["file"].endswith("case.toml")
    unused = findings(report, "unused-suppression")
    assert len(unused) == 2  # W002 accepts nothing; 42 is no entry
    assert any("W002" in f["message"] for f in unused)
    assert any("42" in f["message"] for f in unused)
    assert "ignore" not in report["cases"][0]["metadata"]


def _wenling_case(tmp_path: Path, ignore: str) -> Path:
    """A case named as the 2024 winner shipped in the pack: previously-selected (X002)."""
    root = tmp_path / "收件"
    folder = root / "温岭"
    folder.mkdir(parents=True)
    (folder / "案例.md").write_text(compliant("mechanism"), encoding="utf-8")
    (folder / "case.toml").write_text(
        '"案例名称" = "温岭融媒打造全国一流的县域治理现代化服务平台"\n'
        '"申报单位" = "温岭市融媒体中心"\n"省份" = "浙江省"\n' + ignore,
        encoding="utf-8",
    )
    return root


def test_case_toml_accepts_a_finding_across_cases_about_this_case(tmp_path: Path) -> None:
    plain = check_json(_wenling_case(tmp_path / "a", ""))
    (x002,) = [f for f in findings(plain, "previously-selected") if f["cases"]]
    assert x002["suppression"] is None
    ignore = 'ignore = [{ rule = "X002", reason = "不同案例：2025年申报的是二期工程" }]\n'
    report = check_json(_wenling_case(tmp_path / "b", ignore))
    (x002,) = [f for f in findings(report, "previously-selected") if f["cases"]]
    assert x002["suppression"] == {
        "kind": "case",
        "reason": "不同案例：2025年申报的是二期工程",
        "file": x002["suppression"]["file"],
        "location": None,
        "key": None,
    }
    assert findings(report, "unused-suppression") == []


def test_case_toml_entry_for_a_finding_across_cases_that_is_not_there(tmp_path: Path) -> None:
    root = tmp_path / "收件"
    folder = root / "甲"
    folder.mkdir(parents=True)
    (folder / "案例.md").write_text(compliant("platform"), encoding="utf-8")
    (folder / "case.toml").write_text('ignore = ["X002 原因：名称相近"]\n', encoding="utf-8")
    report = check_json(root)
    (unused,) = findings(report, "unused-suppression")
    assert "X002" in unused["message"]


# -- outputs ------------------------------------------------------------------------------------


def test_sarif_suppressions_are_schema_valid(tmp_path: Path) -> None:
    lead = (
        f"{LEADING}<!-- caselint: ignore W001 原因：{REASON} -->\n\n"
        f"<!-- caselint: ignore W001 -->\n{PRAISED}"
    )
    folder = _folder_case(tmp_path, draft_with(lead), 'ignore = ["D001 原因：另附"]\n')
    code, out, err = run(
        "check", folder, "--format", "sarif", "--no-cache", "--jobs", "1", "--ignore", "X"
    )
    assert code == 0, err
    log = json.loads(out)
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.json").read_text("utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    results = log["runs"][0]["results"]
    suppressions = [r["suppressions"] for r in results if "suppressions" in r]
    assert [{"kind": "inSource", "status": "accepted", "justification": REASON}] in suppressions
    assert [{"kind": "inSource", "status": "accepted"}] in suppressions  # no reason given
    # Every finding is a result, accepted ones included (they carry "suppressions").
    assert len(results) == len(findings(check_json(folder, "--ignore", "X")))


def test_sarif_schema_rejects_a_malformed_suppression() -> None:
    """The guard itself: the schema knows SARIF's suppression object, not just any object."""
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.json").read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    bad = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [{"message": {"text": "m"}, "suppressions": [{"kind": "inline"}]}],
            }
        ],
    }
    assert not validator.is_valid(bad)
    bad["runs"][0]["results"][0]["suppressions"] = [{"status": "accepted"}]
    assert not validator.is_valid(bad)


def test_junit_leaves_accepted_findings_out(tmp_path: Path) -> None:
    lead = f"{LEADING}<!-- caselint: ignore W001 原因：{REASON} -->\n\n{PRAISED}"
    path = _md(tmp_path, draft_with(lead))
    out = tmp_path / "junit.xml"
    assert run("check", path, "--ignore", "X", "--no-cache", "-o", out)[0] == 0
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit.xsd")))
    schema.assertValid(etree.parse(io.BytesIO(out.read_bytes())))
    text = out.read_text("utf-8")
    assert "广受好评" in text and "全国领先" not in text
