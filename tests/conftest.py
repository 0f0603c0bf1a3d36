"""Suite-wide fixtures: one word-segmentation index per test session.

caselint builds its index of jieba's dictionary once, in the user cache folder. Tests must not
write there, and several point ``XDG_CACHE_HOME`` at a fresh folder per test; without this,
every child process of those tests would build the index again (seconds each).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def _segmenter_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CASELINT_SEGMENTER_CACHE", str(tmp_path_factory.mktemp("segmenter")))
        yield
