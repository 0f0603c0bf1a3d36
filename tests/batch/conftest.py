"""Fixtures of the provincial batch tests: the 15-case folder, built once, and a hermetic cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from province_folder import build_province


@pytest.fixture(autouse=True)
def _hermetic(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes the user's cache; no CI variable changes what the CLI prints."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture(scope="session")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 15-case provincial folder (read only: tests that change files build their own)."""
    return build_province(tmp_path_factory.mktemp("drive") / "东湖省")
