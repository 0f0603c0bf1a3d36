"""The one exception of packing: a bundle that cannot be made as asked, said in the user's words."""

from __future__ import annotations


class PackError(Exception):
    """Packing stops here; ``message`` is already in the run's language.

    ``usage`` marks problems with the command itself (an unknown placeholder, an existing output
    without ``--overwrite``): the CLI exits 2 for those and 1 for problems of the case.
    """

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage
