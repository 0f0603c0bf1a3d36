"""The 申请表's 推荐单位 when the metadata names none: the body the notice asks to recommend.

A province's cases are recommended by its broadcasting bureau (湖南省广播电视局), not by the
province (湖南省); 新疆生产建设兵团 by its own bureau; a central unit by itself. Which names and
templates apply is data (``[recommenders]`` of the rule pack), read here.
"""

from __future__ import annotations

from collections.abc import Mapping

from caselint.cases.province import province_at_start
from caselint.rulepack.pack import RulePack


def full_province(name: str, pack: RulePack) -> str:
    """``湖南`` → ``湖南省``, ``广西`` → ``广西壮族自治区`` (the pack's ``[provinces]``); a name
    it does not know, as written."""
    text = "".join(name.split())
    return province_at_start(text, pack) or text


def _fill(template: str, province: str, unit: str) -> str:
    return template.replace("{province}", province).replace("{unit}", unit)


def default_recommender(values: Mapping[str, object], pack: RulePack) -> str:
    """The 推荐单位 of a case whose metadata names none ("" when nothing says who)."""
    rules = pack.recommenders
    unit = str(values.get("unit") or "").strip()
    province = str(values.get("province") or "").strip()
    central_units = pack.quotas.central_units if pack.quotas else []
    if unit and any(central in unit for central in central_units):
        return _fill(rules.central, province, unit)
    for key, body in rules.named.items():
        if key and (key in province or key in unit):
            return body
    if not province:
        return ""
    return _fill(rules.province, full_province(province, pack), unit)
