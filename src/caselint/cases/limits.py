"""The figure a part's limit is measured in, and the other figures a reviewer might use.

The notice says 字 without defining it. The pack chooses the measure (Word's 字数 by default)
and the scope (with or without automatic numbering labels, text boxes and notes); the
alternatives are reported when they alone would break the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from caselint.core.i18n import Lang
from caselint.core.model import Counts
from caselint.rulepack.pack import Counting

MEASURE_LABELS = {
    "words": ("字数", "words"),
    "cjk_chars": ("中文字符数", "CJK characters"),
    "chars_no_spaces": ("字符数（不计空格）", "characters without spaces"),
    "chars_with_spaces": ("字符数（计空格）", "characters with spaces"),
}
SCOPE_LABELS = {
    "main": ("正文", "main text"),
    "inclusive": ("含自动编号、文本框、脚注", "incl. numbering labels, text boxes, notes"),
}


@dataclass(frozen=True)
class Figure:
    value: int
    measure: str
    scope: str

    def label(self, lang: Lang) -> str:
        measure = MEASURE_LABELS[self.measure][lang == "en"]
        scope = SCOPE_LABELS[self.scope][lang == "en"]
        return f"{measure}（{scope}）" if lang == "zh" else f"{measure} ({scope})"


def limited_figure(counts: Counts, counting: Counting, scope: str) -> Figure:
    """The figure the limit applies to."""
    value = counts.measure(counting.measure, inclusive=scope == "inclusive")
    return Figure(value, counting.measure, scope)


def alternative_figures(counts: Counts, counting: Counting, scope: str) -> list[Figure]:
    """Other plausible readings of 字: the other scope, and the pack's alternative measures."""
    other = "main" if scope == "inclusive" else "inclusive"
    figures = [
        Figure(
            counts.measure(counting.measure, inclusive=other == "inclusive"),
            counting.measure,
            other,
        )
    ]
    for measure in counting.alternatives:
        if measure != counting.measure:
            figures.append(
                Figure(counts.measure(measure, inclusive=scope == "inclusive"), measure, scope)
            )
    return figures
