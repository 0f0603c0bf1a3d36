"""``caselint annotate``: the draft itself, with every finding as a Word comment.

Station staff write in Word or WPS and want the answer where they work. :func:`annotate_docx`
checks a draft's case and returns a copy of the .docx with each finding as a comment (author
``caselint``) anchored on the exact characters it concerns, plus one summary comment at the top.
The copy's text is the original's, character for character; the original is never written.

Modules: :mod:`~caselint.annotate.placement` decides where each finding goes,
:mod:`~caselint.annotate.anchors` cuts runs and places the comment marks,
:mod:`~caselint.annotate.messages` words the comments, :mod:`~caselint.annotate.annotator`
puts them together.
"""

from __future__ import annotations

from caselint.annotate.annotator import (
    AUTHOR,
    INITIALS,
    AnnotatedCopy,
    AnnotateError,
    annotate_docx,
    default_output,
)

__all__ = [
    "AUTHOR",
    "INITIALS",
    "AnnotateError",
    "AnnotatedCopy",
    "annotate_docx",
    "default_output",
]
