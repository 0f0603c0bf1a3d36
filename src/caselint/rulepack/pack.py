"""Rule packs: everything a year's notice decides, as validated data.

A pack is a TOML file in ``rules/`` (``nrta-2025.toml``), which may ``include`` further TOML
files beside it (the wording lexicon). An overlay is a TOML file with
``extends = "nrta-2025"`` (a pack id or a path) that adds to or replaces parts of its base: a
province adds lexicon entries or tightens a limit without copying the national pack. Tables merge
key by key, arrays of tables with an ``id`` merge by id, other arrays are replaced unless the key
is prefixed ``extend-`` (``extend-terms = [...]`` appends). Validation errors name the file and
the key path.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from caselint.core.model import PART_NAMES, PartName
from caselint.rulepack.files import (
    DEFAULT_PACK,
    FIELD_ERROR,
    Counting,
    Part,
    RulePackError,
    digest_of,
    load_raw,
    locate,
    merge,
    rules_dir,
    tomllib,
)

__all__ = [
    "DEFAULT_PACK",
    "Counting",
    "Part",
    "RulePack",
    "RulePackError",
    "load_pack",
    "merge",
    "rules_dir",
    "tomllib",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PackInfo(_Model):
    id: str
    name: str
    version: str
    year: int
    issuer: str = ""
    notice: str = ""
    program: str = ""
    deadline: dt.date | None = None
    deadline_warn_days: int = 14
    source: str = ""


class Element(_Model):
    """One required element of a category's 综合材料, with the words that name it."""

    n: int = Field(ge=1)
    title: str
    short: str
    keywords: list[str] = Field(min_length=1)
    related: list[str] = []
    detail_cues: list[str] = []
    results: bool = False


class Category(_Model):
    id: str
    name: str
    aliases: list[str] = []
    emphasis: str
    emphasis_cues: list[str] = Field(min_length=1)
    definition: str = ""
    #: What the notice expects of a case of the category (拟推选的案例应……).
    expectation: str = ""
    #: Words drafts of this category write about (客户端, 政务服务 …), for inference.
    cues: list[str] = []
    elements: list[Element] = Field(min_length=1)

    @field_validator("elements")
    @classmethod
    def _numbered_in_order(cls, value: list[Element]) -> list[Element]:
        numbers = [e.n for e in value]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"elements must be numbered 1..{len(numbers)} in order: {numbers}")
        return value

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def dictionary_words(self) -> list[str]:
        """Every word the element matcher looks for: segmentation must keep them whole."""
        return [w for e in self.elements for w in (*e.keywords, *e.related, *e.detail_cues)]


class CategoryInference(_Model):
    """When a category may be inferred from a draft that names none (see ``cases.inference``)."""

    #: The best category's score must reach this, and lead the second by this ratio.
    min_score: float = Field(6.0, gt=0)
    min_ratio: float = Field(1.5, ge=1)
    #: How much more a word counts in the title and headings than in the body.
    title_weight: float = Field(3, ge=1)
    #: How many of the words that decided it a finding quotes.
    evidence_terms: int = Field(5, ge=1)
    #: How alike (shared keywords / all keywords) element n must be in every pair of
    #: categories to be checked in a case whose category is unknown.
    shared_element_overlap: float = Field(0.4, gt=0, le=1)


class Provinces(_Model):
    """The provinces a case may be recommended by (see ``cases.province``): their full names,
    short forms, and the endings that make a name read as one (西岭省, a province a test invents,
    is recognised by its 省)."""

    names: list[str] = []
    aliases: dict[str, str] = {}
    #: A name of 2–4 characters ending with one of these, at the start of a text, is a province.
    suffixes: list[str] = []


class Intake(_Model):
    """Names of the lists an office keeps beside the case folders (see ``cases.discover``)."""

    shortlist_names: list[str] = []
    selected_names: list[str] = []
    #: Names of the 申请表 a case folder may hold beside the drafts: read for the case's
    #: metadata, never checked as a case.
    form_names: list[str] = []


class Structure(_Model):
    """How elements are recognised beyond their headings (see ``cases.structure``)."""

    #: A paragraph opening with these states a purpose or target (针对……问题，为破解……),
    #: not the element its words name: it supports no element without a heading.
    lead_exclusions: list[str] = []
    #: 「在……方面，」「从……看，」 name a topic although they open with 在/从: an excluded opening
    #: ending with one of these still may support an element.
    topic_frame_ends: list[str] = []
    #: What may follow an element's keyword in an opening that is about the element (「存在的问题
    #: 是……」「经验有三：」); 「学习借鉴先进地区，」 uses 借鉴 as a verb and supports nothing.
    #: The keyword may also end the opening clause (「下一步，」「该模式可复制、可推广，」).
    topic_followers: list[str] = []


class Dimension(_Model):
    id: str
    name: str
    cues: list[str] = Field(min_length=1)
    advice: str = ""


class FigureMeasure(_Model):
    """A measure whose figure must be the same in both parts (注册用户, 营收 …).

    ``units`` are the units that mean the measure's own unit (for users: none, 人, 户); any
    other unit after its figure (亿次 against 亿人次) is a different unit.
    """

    id: str
    name: str
    cues: list[str] = Field(min_length=1)
    units: list[str] = [""]


class Figures(_Model):
    """figure-mismatch: the measures compared between the parts, and how a figure is found."""

    #: How far after a measure's word its figure may be (characters).
    window: int = Field(12, ge=1, le=40)
    #: Words between a measure and a figure that make the figure something else (a change,
    #: a share, an average): 增长, 占, 人均 ….
    breaks: list[str] = []
    #: Units read after a figure (longest first), besides ``%``.
    units: list[str] = []
    measures: list[FigureMeasure] = []


class DataRules(_Model):
    clause: str = ""
    dimensions: list[Dimension] = Field(min_length=1)
    comparison_cues: list[str] = []
    comparison_patterns: list[str] = []
    cutoff_cues: list[str] = []
    claim_cues: list[str] = []
    change_cues: list[str] = []
    #: Change verbs that name an improvement: with 了 they claim one (提高了传播力).
    effect_verbs: list[str] = []
    #: Regular expressions for result phrases (取得良好进展, 做出重要贡献).
    result_patterns: list[str] = []
    #: Wording classes whose reported entries are result claims by themselves (反响强烈).
    claim_wording_classes: list[str] = []
    #: Wording classes that claim a result after a verb of becoming (成为…标杆).
    status_wording_classes: list[str] = []
    status_verbs: list[str] = []
    degree_cues: list[str] = []
    claim_followers: list[str] = []
    negation_cues: list[str] = []
    negation_exceptions: list[str] = []
    purpose_cues: list[str] = []
    #: Verbs before a claim in its clause that make it an aim (推动…更好地开展).
    purpose_verbs: list[str] = []
    #: Words that make the rest of their sentence an aim (旨在…, 打造成为…平台).
    aim_cues: list[str] = []
    plan_cues: list[str] = []
    quantity_units: list[str] = []
    chinese_numeral_units: list[str] = []
    not_quantities: list[str] = []
    #: Regular expressions for numerals that frame a period rather than measure (两年来).
    not_quantity_patterns: list[str] = []
    #: Regular expressions for Chinese number words that are figures (近百万, 千余, 破亿).
    number_words: list[str] = []
    results_min_figures: int = 1
    figures: Figures | None = None
    #: A one-clause claim at most this long whose next sentence gives figures is a lead-in.
    lead_in_max_chars: int = 16

    @field_validator(
        "not_quantity_patterns", "number_words", "comparison_patterns", "result_patterns"
    )
    @classmethod
    def _data_patterns_compile(cls, value: list[str]) -> list[str]:
        return _compiled(value)


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def fold(text: str) -> str:
    """Lower-case ASCII letters only: No.1 and NO.1 are one entry; CJK offsets stay put."""
    return text.translate(_ASCII_LOWER)


def _compiled(patterns: list[str]) -> list[str]:
    """Reject a pattern that does not compile when the pack loads, not at the first check."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
    return patterns


class LexiconClass(_Model):
    """A group of wording entries sharing a reason and a weight (H, M, L as in the research)."""

    id: str
    name: str
    name_en: str = ""
    weight: Literal["H", "M", "L"]
    reason: str
    reason_en: str = ""
    advice: str = ""
    advice_en: str = ""
    terms: list[str] = []
    #: Templates with gaps and slots (``奏响…{强音|凯歌}``, ``强烈⇄反响``), see :mod:`caselint.rulepack.phrases`.
    phrases: list[str] = []
    #: The longest gap ``…`` stands for, in characters (never across a sentence end).
    gap: int = Field(12, ge=1, le=40)
    patterns: list[str] = []
    exempt: list[str] = []
    #: A figure next to the entry makes it a description of data (单日最高访问12万人次).
    exempt_near_number: bool = False
    #: A sentence naming a document, list, statistic or survey turns the claim into a qualified
    #: fact (排名第一（数据来源：XX榜单）): the hit drops to weight L.
    exempt_with_source: bool = False
    #: Naming an award or selection in the sentence is evidence too (获评…称号, 入选…名单).
    exempt_with_award: bool = False
    #: Vague standing (位居…前列) is cleared only by a rank given as a figure in its clause.
    rank_figure_clears: bool = False
    #: The entry keeps its meaning at the start of a longer word (数百万, 巨大成就, 领先水平),
    #: so only its start must fall on a word boundary.
    open_end: bool = False

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, value: list[str]) -> list[str]:
        return _compiled(value)

    @field_validator("phrases")
    @classmethod
    def _phrases_parse(cls, value: list[str]) -> list[str]:
        from caselint.rulepack.phrases import PhraseError, compile_phrase

        for phrase in value:
            try:
                compile_phrase(phrase, 1)  # parses the template; its regex is built on use
            except PhraseError as exc:
                raise ValueError(f"invalid phrase {phrase!r}: {exc}") from exc
        return value

    def explain(self, lang: str) -> tuple[str, str]:
        """Why the wording is discounted and what to write instead, in ``lang``."""
        if lang == "en":
            return self.reason_en or self.reason, self.advice_en or self.advice
        return self.reason, self.advice


class Wording(_Model):
    clause: str = ""
    density_per_1000: float = 15.0
    density_min_hits: int = 8
    density_weights: list[Literal["H", "M", "L"]] = ["L"]
    report_weights: list[Literal["H", "M", "L"]] = ["H", "M"]
    exempt_contexts: list[str] = []
    #: Regular expressions for exempt contexts a list cannot hold (最佳XX奖, 第一，…；第二，…).
    exempt_patterns: list[str] = []
    quoted_policy: list[str] = []
    #: Words that name where a figure or ranking comes from (数据来源, 榜单, 鉴定).
    source_cues: list[str] = []
    #: Regular expressions for a source a word list cannot name (据省广电局统计).
    source_patterns: list[str] = []
    #: Regular expressions for an award or selection named in a sentence (获评…称号).
    award_patterns: list[str] = []
    name_brackets: list[str] = ["《》", "“”", "「」", "『』"]
    #: Words before a quote that make it a conferred title (获评“最美基层记者”).
    naming_cues: list[str] = []
    #: Words right after a quote that make it a name (“最江阴”APP).
    name_suffixes: list[str] = []
    #: Words before a quote that make it somebody else's words (省委“……”的部署).
    attribution_cues: list[str] = []
    #: A rank given as a figure (第3名, 前十位, 20强): what clears vague standing.
    rank_figure: str = ""
    classes: list[LexiconClass] = []

    @field_validator("exempt_patterns", "award_patterns", "source_patterns")
    @classmethod
    def _exempt_patterns_compile(cls, value: list[str]) -> list[str]:
        return _compiled(value)

    @field_validator("name_brackets")
    @classmethod
    def _bracket_pairs(cls, value: list[str]) -> list[str]:
        bad = [pair for pair in value if len(pair) != 2]
        if bad:
            raise ValueError(f"each bracket must be an opening and a closing character: {bad}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Wording:
        """One class per term, and no exempt context that would silence a term everywhere."""
        ids = [c.id for c in self.classes]
        if len(set(ids)) != len(ids):
            raise ValueError(f"wording class ids must be unique: {ids}")
        owner: dict[str, str] = {}
        for lexicon_class in self.classes:
            for term in lexicon_class.terms:
                key = fold(term)
                if key in owner:
                    raise ValueError(
                        f"term {term!r} is in two classes: {owner[key]}, {lexicon_class.id}"
                    )
                owner[key] = lexicon_class.id
        exempt = [fold(e) for e in self.all_exempt]
        for term, class_id in owner.items():
            silencer = next((e for e in exempt if e and e in term), None)
            if silencer is not None:
                raise ValueError(
                    f"term {term!r} of {class_id} is masked wherever it appears by the "
                    f"exempt context {silencer!r}"
                )
        return self

    @cached_property
    def all_exempt(self) -> list[str]:
        seen: dict[str, None] = dict.fromkeys(self.exempt_contexts)
        seen.update(dict.fromkeys(self.quoted_policy))
        for cls in self.classes:
            seen.update(dict.fromkeys(cls.exempt))
        return list(seen)


class Quota(_Model):
    per_category: int = Field(ge=0)
    total: int = Field(ge=0)


class Quotas(_Model):
    clause: str = ""
    province: Quota
    central: Quota
    central_units: list[str] = []
    independent: list[str] = []


class Recommenders(_Model):
    """Who recommends a case whose metadata names no 推荐单位 (the 申请表 shows it).

    ``province`` and ``central`` are templates over ``{province}`` (written out in full as
    ``[provinces]`` says: 湖南 → 湖南省) and ``{unit}``; ``named`` maps a province or unit name
    (as a part of what the metadata says) to its body, for those the template does not fit.
    """

    clause: str = ""
    province: str = "{province}"
    central: str = "{unit}"
    named: dict[str, str] = {}


class Resubmission(_Model):
    clause: str = ""
    year: int
    blocking_status: list[str] = ["入选"]
    exempt_status: list[str] = ["提名"]
    selected_list: str | None = None
    known_total: int | None = None
    unit_suffixes: list[str] = []
    unit_short_forms: dict[str, str] = {}


class FormField(_Model):
    key: str
    label: str
    #: Labels a draft writes before the field's value in its opening lines (申报类别：…).
    text_labels: list[str] = []
    aliases: list[str] = []
    required: bool = True
    confirmed: bool = False
    note: str = ""


class Metadata(_Model):
    fields: list[FormField] = Field(min_length=1)
    bundle_required: list[str] = []
    levels: list[str] = ["中央", "省", "市", "县"]
    #: Endings dropped from a document title to give the case name (案例, 综合材料 …).
    title_suffixes: list[str] = []
    #: Endings of unit names (融媒体中心, 广播电视台 …): a title opening with one names the unit.
    unit_suffixes: list[str] = []


class Layout(_Model):
    """Typesetting of documents caselint writes (Markdown drafts converted for upload)."""

    page: Literal["A4"] = "A4"
    margin_top_cm: float = 3.7
    margin_bottom_cm: float = 3.5
    margin_left_cm: float = 2.8
    margin_right_cm: float = 2.6
    title_font: str = "方正小标宋简体"
    title_size_pt: float = 22
    heading_fonts: list[str] = ["黑体", "楷体_GB2312", "仿宋_GB2312"]
    body_font: str = "仿宋_GB2312"
    body_size_pt: float = 16
    line_spacing_pt: float = 28
    #: Font of Latin letters and digits (the East-Asian fonts above hold no good Latin glyphs).
    latin_font: str = "Times New Roman"
    #: Bold per heading level (official drafts bold the third level, 仿宋 加粗).
    heading_bold: list[bool] = [False, False, True]
    table_size_pt: float = 14
    #: First-line indent of body paragraphs and headings, in characters (公文: 空两字).
    indent_chars: int = Field(2, ge=0, le=8)
    #: A centred page number (— 1 —) in the footer; footers are never counted.
    page_numbers: bool = True


class Bundle(_Model):
    name_pattern: str = "{province}-{unit}-{case_name}"
    max_name_length: int = 80
    form_template: str | None = None
    layout: Layout = Layout()
    #: Names of the files caselint writes into a bundle (the parts take their part titles).
    form_file: str = "申请表.docx"
    report_file: str = "检查报告.md"
    #: The provincial index written by ``pack --batch``.
    index_file: str = "推荐汇总.xlsx"
    #: The date of every bundle file; unset: the time of packing (or SOURCE_DATE_EPOCH).
    timestamp: dt.datetime | None = None
    #: The zone whose wall time zip entries show (a zip's DOS dates have none): the platform's.
    utc_offset: str = Field("+08:00", pattern=r"^[+-](?:0\d|1[0-4]):[0-5]\d$")


class Rule(_Model):
    """Pack-level settings of one check: switch it off or change its severity."""

    enabled: bool = True
    severity: Literal["error", "warning", "info"] | None = None


class RulePack(_Model):
    pack: PackInfo
    counting: Counting = Counting()
    parts: dict[PartName, Part]
    categories: list[Category] = Field(min_length=1)
    category_inference: CategoryInference = CategoryInference()
    structure: Structure = Structure()
    intake: Intake = Intake()
    provinces: Provinces = Provinces()
    data: DataRules
    wording: Wording = Wording()
    quotas: Quotas | None = None
    recommenders: Recommenders = Recommenders()
    resubmission: Resubmission | None = None
    metadata: Metadata | None = None
    bundle: Bundle = Bundle()
    rules: dict[str, Rule] = {}
    clauses: dict[str, str] = {}
    base_dir: Path = Field(Path("."), exclude=True)
    sources: list[str] = Field([], exclude=True)
    digest: str = Field("", exclude=True)

    @model_validator(mode="after")
    def _both_parts(self) -> RulePack:
        missing = [p for p in PART_NAMES if p not in self.parts]
        if missing:
            raise ValueError(f"parts must define {', '.join(missing)}")
        ids = [c.id for c in self.categories]
        if len(set(ids)) != len(ids):
            raise ValueError(f"category ids must be unique: {ids}")
        return self

    def category(self, name: str | None) -> Category | None:
        """Find a category by id, name or alias, ignoring a trailing 类 and spaces."""
        if not name:
            return None
        wanted = _norm_category(name)
        for category in self.categories:
            if wanted in (_norm_category(n) for n in [category.id, *category.names]):
                return category
        return None

    def resolve(self, relative: str) -> Path:
        return (self.base_dir / relative).resolve()


def _norm_category(name: str) -> str:
    text = "".join(str(name).split()).strip("「」“”\"'《》")
    text = text.removesuffix("典型案例").removesuffix("案例")
    return text.removesuffix("类").lower()


def _format_error(path: Path, exc: ValidationError) -> str:
    lines = [f"{path}: 规则包校验失败 / invalid rule pack"]
    for error in exc.errors():
        loc, message = [str(p) for p in error["loc"]], error["msg"]
        field = FIELD_ERROR.match(message) if error["type"] == "value_error" else None
        if field:  # a Part/Counting check names its field in the message
            loc, message = [*loc, field.group(1)], field.group(2)
        lines.append(f"  {'.'.join(loc) or '(root)'}: {message}")
    return "\n".join(lines)


def load_pack(reference: str | Path | None = None) -> RulePack:
    """Load a bundled pack by id, or a pack or overlay file by path, validated."""
    path = locate(str(reference or DEFAULT_PACK), Path.cwd())
    data, sources = load_raw(path)
    try:
        pack = RulePack.model_validate(
            {**data, "base_dir": sources[0].parent, "sources": [str(s) for s in sources]}
        )
    except ValidationError as exc:
        raise RulePackError(_format_error(path, exc)) from exc
    return pack.model_copy(update={"digest": digest_of(sources)})
