"""A pack's parts and counting policy, read without pydantic: what ``count`` needs, fast."""

from __future__ import annotations

from pathlib import Path

from caselint.core.model import PART_NAMES
from caselint.rulepack.files import DEFAULT_PACK, Counting, PackLimits, Part, load_raw, locate


def load_limits(reference: str | Path | None = None) -> PackLimits:
    """The parts and counting policy of a pack, without validating the rest of it.

    Anything wrong in these tables is reported exactly as the full validation reports it (the
    validator runs then, to name the file and key).
    """
    path = locate(str(reference or DEFAULT_PACK), Path.cwd())
    data, _ = load_raw(path, tables=("pack", "parts", "counting"))
    try:
        info = data["pack"]
        parts = {name: Part(**data["parts"][name]) for name in PART_NAMES}
        counting = Counting(**data.get("counting", {}))
        pack_id, version = str(info["id"]), str(info["version"])
    except (KeyError, TypeError, ValueError):
        from caselint.rulepack.pack import load_pack  # the validator names the file and key

        full = load_pack(reference)  # raises RulePackError naming the file and key
        return PackLimits(full.pack.id, full.pack.version, full.parts, full.counting)
    return PackLimits(pack_id, version, parts, counting)
