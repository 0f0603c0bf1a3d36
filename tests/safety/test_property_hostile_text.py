"""Property: whatever text a draft or its metadata holds, ``check`` and ``pack`` never crash and
never change an input.

Hypothesis writes case folders whose metadata (case.toml), body paragraph and file name are
arbitrary Unicode — control characters, the characters next to the surrogate block and at the
end of the BMP (U+D7FF, U+E000, U+FFFD–U+FFFF), astral characters, Markdown syntax, very long
names — and runs both commands on each. Every outcome is a result, a finding or a usage error:
no 内部错误, no traceback, the same bytes in the folder afterwards. The example count is modest
(the suite runs it every time); a failure prints the smallest draft that shows it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hostile import caselint, draft, no_internal_error, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

#: Characters drafts and metadata get from pasting, converters and attackers.
_EDGES = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\u200b\u202e\u2028\ud7ff\ue000\ufeff\ufffd\ufffe\uffff"
)
_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(_EDGES),
        st.sampled_from("青禾视听融媒体中心全国领先显著提升、，。“”#*-[]`|>\\\n\t "),
        st.characters(blacklist_categories=("Cs",)),  # any code point a UTF-8 file can hold
    ),
    max_size=60,
)
_NAME = st.one_of(_TEXT, st.text(alphabet="长名字", min_size=250, max_size=300))
_FILE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
    min_size=1,
    max_size=40,
).filter(lambda n: n not in (".", "..") and len(n.encode("utf-8")) < 200)


def _toml_string(value: str) -> str:
    """``value`` as a TOML basic string: everything outside printable ASCII/CJK escaped."""
    out = []
    for ch in value:
        code = ord(ch)
        if (
            ch in '"\\'
            or code < 0x20
            or 0x7F <= code <= 0x9F
            or code >= 0xFFFE
            or 0xD800 <= code < 0xE000
        ):
            out.append(f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case_name=_NAME, unit=_TEXT, contact=_TEXT, paragraph=_TEXT, file_name=_FILE)
def test_hostile_text_never_crashes_check_or_pack(
    case_name: str, unit: str, contact: str, paragraph: str, file_name: str
) -> None:
    with tempfile.TemporaryDirectory(prefix="caselint-prop-") as tmp:
        root = Path(tmp)
        case = root / "收件" / "案例"
        case.mkdir(parents=True)
        try:
            draft_path = case / f"{file_name}.md"
            draft_path.write_text(draft() + "\n" + paragraph + "\n", encoding="utf-8")
        except (OSError, UnicodeEncodeError):
            draft_path = case / "案例.md"  # a name this file system refuses: keep the text
            draft_path.write_text(draft() + "\n" + paragraph + "\n", encoding="utf-8")
        fields = {"案例名称": case_name, "申报单位": unit, "联系人": contact}
        toml = "".join(f'"{key}" = {_toml_string(value)}\n' for key, value in fields.items())
        (case / "case.toml").write_text(toml, encoding="utf-8")
        before = snapshot(root / "收件")

        checked = caselint("check", case, "--no-cache", "--format", "json")
        packed = caselint("pack", case, "-o", root / "上传")

        for run in (checked, packed):
            assert run.code in (0, 1, 2), run.output
            no_internal_error(run)
        assert snapshot(root / "收件") == before
