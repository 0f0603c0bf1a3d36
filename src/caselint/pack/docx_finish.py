"""Save a .docx caselint generated so that identical input gives identical bytes.

python-docx's template carries a 2013 creation date, "python-docx" as author, a Mac Word
``app.xml`` and a thumbnail picture; saving stamps every zip entry with the current time. A
document for a bundle (:func:`finish_bundle_docx`) gets the properties the platform should see
(:mod:`caselint.pack.docx_props`); a template from ``caselint new`` (:func:`finish_docx`) keeps
its custom properties — the author fills them in — with fixed core properties naming caselint.
Both are written as deterministic zips (:mod:`caselint.pack.zipfile_det`).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from caselint import __version__
from caselint.pack.docx_props import DocProps, scrub_properties
from caselint.pack.fit import fit_title
from caselint.pack.zipfile_det import Stamp, rezip

APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Application>caselint {__version__}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "</Properties>"
).encode()
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
AUTHOR = "caselint"


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def finish_docx(document: Any, *, title: str, when: dt.datetime) -> bytes:
    """The bytes of a python-docx ``Document`` with fixed properties and a deterministic zip."""
    when = when.replace(tzinfo=None, microsecond=0)
    props = document.core_properties
    props.title = fit_title(title)  # metadata: Word's limit and characters (see pack.fit)
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.comments = ""
    props.subject = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = when
    props.modified = when
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:
            package.rels.pop(rid)
    return rezip(_save(document), Stamp(when), replace={"docProps/app.xml": APP_XML})


def finish_bundle_docx(document: Any, props: DocProps) -> bytes:
    """The bytes of a python-docx ``Document`` for a bundle: scrubbed properties, deterministic."""
    return scrub_properties(_save(document), props)
