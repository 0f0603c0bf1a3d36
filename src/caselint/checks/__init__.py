"""The checks of one case, one module per rule (see :mod:`caselint.checks.base`).

Adding a check: write the module, add its rule to :data:`caselint.core.codes.RULES` and the module
to :data:`CHECKS`. The test suite then runs its examples and fails if it has none.
"""

from __future__ import annotations

from caselint.checks import (
    category_focus,
    category_inferred,
    category_unknown,
    data_dimension_missing,
    element_missing,
    element_order,
    emotive_wording,
    figure_mismatch,
    length_near_limit,
    length_over_limit,
    metadata_counted,
    metadata_missing,
    part_missing,
    unquantified_claim,
)
from caselint.checks.base import CheckModule

CHECKS: tuple[CheckModule, ...] = (
    part_missing,
    category_unknown,
    category_inferred,
    element_missing,
    element_order,
    length_over_limit,
    length_near_limit,
    emotive_wording,
    unquantified_claim,
    data_dimension_missing,
    figure_mismatch,
    category_focus,
    metadata_missing,
    metadata_counted,
)

BY_NAME: dict[str, CheckModule] = {module.NAME: module for module in CHECKS}
