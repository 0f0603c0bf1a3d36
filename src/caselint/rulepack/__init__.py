"""A year's notice as data: the rule pack and the project configuration, read and validated.

Takes TOML files (``rules/``, ``caselint.toml``); gives a validated :class:`pack.RulePack`
(pydantic), the pydantic-free :func:`limits.load_limits` that ``count`` needs, and the run
:class:`config.Config`. Knows nothing of drafts or text analysis.
"""
