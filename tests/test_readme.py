"""The README's examples work as written: its TOML blocks parse and mean what it says."""

from __future__ import annotations

import re
from pathlib import Path

from caselint.cases.metadata import normalize
from caselint.rulepack.config import Config
from caselint.rulepack.files import tomllib
from caselint.rulepack.pack import load_pack

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```toml\n(.*?)```", README, re.DOTALL)


def _block(first_line: str) -> str:
    (block,) = [b for b in BLOCKS if b.startswith(first_line)]
    return block


def test_case_toml_example_parses_into_the_bundle_fields() -> None:
    data = tomllib.loads(_block("# case.toml"))
    pack = load_pack()
    metadata = normalize(data, pack)
    assert set(pack.metadata.bundle_required) <= set(metadata)
    assert pack.category(metadata["category"]).name == "综合信息服务"


def test_config_example_validates(tmp_path: Path) -> None:
    config = Config.model_validate(tomllib.loads(_block("# caselint.toml")))
    assert config.ignore == ["category-focus"]
    assert config.count_scope == "inclusive"
    config.source = str(tmp_path / "caselint.toml")
    paths = config.path_config(None, [])
    east = paths.for_files([tmp_path / "东湖台" / "案例一" / "案例.docx"])
    assert east.fail_on == "error" and "unquantified-claim" not in east.enabled
    pilot = paths.for_files([tmp_path / "西山台" / "试点" / "案例.md"])
    assert pilot.enabled == {"part-missing", "category-unknown", "element-missing",
                             "element-order", "category-inferred", "length-over-limit",
                             "length-near-limit"}  # fmt: skip
    assert [a.key for a in pilot.accepts] == ["overrides[2].accept[1]", "accept[1]"]
    old_draft = paths.for_files([tmp_path / "西山台" / "试点" / "旧稿" / "案例.md"])
    assert old_draft.overrides == () and len(old_draft.accepts) == 1


def test_overlay_example_loads(tmp_path: Path) -> None:
    overlay = tmp_path / "东湖省.toml"
    overlay.write_text(_block("# 东湖省.toml"), encoding="utf-8")
    pack = load_pack(overlay)
    assert pack.parts["summary"].limit == 900
    assert pack.rules["category-focus"].enabled is False
