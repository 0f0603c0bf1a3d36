"""caselint: check, count and pack NRTA media-convergence typical-case submissions."""

__version__ = "0.1.0"
