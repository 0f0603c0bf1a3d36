"""Document properties a bundle's .docx files show the platform: a title and the unit, nothing else.

Properties travel with a file and nobody sees them in the text: a draft's custom properties
hold the case metadata (联系人, 联系电话, 电子邮箱 …), its core properties the author's login name
and revision history, ``app.xml`` the company and the editing program, python-docx stamps
"python-docx" and a 2013 date. Every .docx caselint puts into a bundle — copied, split,
converted or generated — therefore gets properties written afresh:

* core: the title (``案例名称 综合材料``), the 申报单位 as author and last editor, revision 1,
  created = modified = the packing time; nothing else (no subject, keywords, comments,
  category, status, last printed);
* extended (``app.xml``): only Word's neutral flags, no program, company, manager, template or
  statistics (a split part's word count would be the whole draft's);
* custom properties and the thumbnail are removed, with their relationships and content types.

The body, styles, numbering and pictures are not touched; the package is re-zipped
deterministically (:mod:`caselint.pack.zipfile_det`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from xml.sax.saxutils import escape

from lxml import etree

from caselint.pack.fit import fit_title
from caselint.pack.zipfile_det import Stamp, read_entries, replaced, write_zip

_RELS = "_rels/.rels"
_TYPES = "[Content_Types].xml"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CORE_PART = "docProps/core.xml"
APP_PART = "docProps/app.xml"
_CORE_TYPE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_APP_TYPE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
)
_CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"
_APP_CT = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
#: Relationship types (their last segments, transitional and strict alike) whose parts go.
_PROPERTY_RELS = ("/metadata/core-properties", "/extended-properties", "/custom-properties")
_DROPPED_RELS = (*_PROPERTY_RELS, "/metadata/thumbnail")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


@dataclass(frozen=True)
class DocProps:
    """What a bundle document's properties say: its title, its author (the 申报单位), its time."""

    title: str
    author: str
    stamp: Stamp


def core_xml(*, title: str, author: str, stamp: Stamp) -> bytes:
    """``docProps/core.xml`` with the title, author and dates only."""
    when = stamp.utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    title, author = escape(fit_title(title)), escape(fit_title(author))
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"
        f"<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fresh_id(used: set[str], base: str) -> str:
    n = 1
    while f"{base}{n}" in used:
        n += 1
    used.add(f"{base}{n}")
    return f"{base}{n}"


def _rewrite_rels(data: bytes | None) -> tuple[bytes, set[str]]:
    """The package relationships with the property and thumbnail relationships replaced by one
    core and one extended-properties relationship; the part names dropped."""
    root = (
        etree.fromstring(data, _PARSER) if data else etree.Element(f"{{{_PKG_REL}}}Relationships")
    )
    dropped: set[str] = set()
    for rel in list(root):
        kind = rel.get("Type", "")
        if rel.get("TargetMode") != "External" and kind.endswith(_DROPPED_RELS):
            target = rel.get("Target", "")
            dropped.add(posixpath.normpath(target.lstrip("/")))
            root.remove(rel)
    used = {str(rel.get("Id")) for rel in root}
    for kind, target in ((_CORE_TYPE, CORE_PART), (_APP_TYPE, APP_PART)):
        rel = etree.SubElement(root, f"{{{_PKG_REL}}}Relationship")
        rel.set("Id", _fresh_id(used, "rIdProps"))
        rel.set("Type", kind)
        rel.set("Target", target)
    return _serialize(root), dropped


def _rewrite_types(data: bytes, dropped: set[str]) -> bytes:
    """Content types without overrides for the dropped parts, with the two property parts."""
    root = etree.fromstring(data, _PARSER)
    for override in list(root.iter(f"{{{_CT}}}Override")):
        name = posixpath.normpath(override.get("PartName", "").lstrip("/"))
        if name in dropped or name in (CORE_PART, APP_PART):
            root.remove(override)
    for name, kind in ((CORE_PART, _CORE_CT), (APP_PART, _APP_CT)):
        override = etree.SubElement(root, f"{{{_CT}}}Override")
        override.set("PartName", f"/{name}")
        override.set("ContentType", kind)
    return _serialize(root)


def scrub_properties(
    data: bytes, props: DocProps, *, replace: dict[str, bytes | None] | None = None
) -> bytes:
    """The .docx ``data`` with its properties written afresh (see the module docstring).

    ``replace`` changes other entries on the way (name → new bytes, or None to drop), so a
    split part is rewritten in one pass.
    """
    entries = read_entries(data)
    by_name = dict(entries)
    changes = dict(replace or {})
    rels, dropped = _rewrite_rels(by_name.get(_RELS))
    changes[_RELS] = rels
    if _TYPES in by_name:
        changes[_TYPES] = _rewrite_types(by_name[_TYPES], dropped)
    for name in dropped - {CORE_PART, APP_PART}:
        changes[name] = None
    changes[CORE_PART] = core_xml(title=props.title, author=props.author, stamp=props.stamp)
    changes[APP_PART] = APP_XML
    return write_zip(replaced(entries, changes), props.stamp, sort=False, folders=False)
