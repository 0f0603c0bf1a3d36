"""Configuration: [tool.caselint] in pyproject.toml or caselint.toml, nearest wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from caselint.cli.app import app
from caselint.rulepack.config import ConfigError, find_config, load_config
from support.cases import compliant


def test_nearest_config_wins(tmp_path: Path) -> None:
    (tmp_path / "caselint.toml").write_text('lang = "en"\n', encoding="utf-8")
    inner = tmp_path / "stations" / "a"
    inner.mkdir(parents=True)
    (inner.parent / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.caselint]\nignore = ["W"]\ncount-scope = "main"\n',
        encoding="utf-8",
    )
    config = load_config(inner)
    assert config.source == str(inner.parent / "pyproject.toml")
    assert config.ignore == ["W"]
    assert config.count_scope == "main"
    assert config.lang is None  # configs do not cascade


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "caselint.toml").write_text('category = "融合生产传播"\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(sub) == tmp_path / "caselint.toml"


def test_invalid_config_names_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "caselint.toml").write_text('count-scope = "everything"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert "caselint.toml" in str(error.value) and "count-scope" in str(error.value)


def test_config_applies_to_check_and_cli_overrides(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(compliant("production"), encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["check", "--no-cache", "-f", "json", str(draft)])
    assert '"length-near-limit"' in plain.stdout
    (tmp_path / "caselint.toml").write_text(
        'ignore = ["length-near-limit"]\nlang = "en"\n', encoding="utf-8"
    )
    configured = runner.invoke(app, ["check", "--no-cache", "-f", "json", str(draft)])
    assert '"length-near-limit"' not in configured.stdout
    assert "selected list is partial" in configured.stdout  # lang = "en" from the config
    overridden = runner.invoke(
        app, ["check", "--no-cache", "-f", "json", "--lang", "zh", str(draft)]
    )
    assert "名单不完整" in overridden.stdout


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(compliant("platform"), encoding="utf-8")
    (tmp_path / "caselint.toml").write_text("select = 3\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(draft)])
    assert result.exit_code == 2
    assert "caselint.toml" in result.output
