"""Old and foreign word-processor formats (.doc, .wps, .rtf, .odt) through LibreOffice.

The draft is copied into a private temporary folder and converted there with
``soffice --headless --convert-to docx``, under a throw-away LibreOffice profile so that parallel
runs and an open LibreOffice window do not block each other. The user's file is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from caselint.core.read_error import ReadError

CONVERT_TIMEOUT_SECONDS = 120
_CANDIDATES = ("soffice", "libreoffice", "soffice.exe")
_WINDOWS_DEFAULT = Path("C:/Program Files/LibreOffice/program/soffice.exe")


def find_soffice() -> str | None:
    """``CASELINT_SOFFICE`` if set, else soffice/libreoffice on PATH, else the Windows default."""
    configured = os.environ.get("CASELINT_SOFFICE")
    if configured is not None:
        return configured if configured and Path(configured).exists() else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return str(_WINDOWS_DEFAULT) if _WINDOWS_DEFAULT.exists() else None


def convert_to_docx(path: Path, data: bytes, source_format: str | None = None) -> bytes:
    """The .docx bytes LibreOffice makes of ``data`` (the content of ``path``).

    ``source_format`` is the extension the content really has (``.rtf`` for an RTF file named
    ``.doc``); the copy LibreOffice converts carries it, so its filter matches the content.
    """
    suffix = source_format or path.suffix.lower() or ".doc"
    soffice = find_soffice()
    if soffice is None:
        raise ReadError("legacy-no-soffice", suffix=suffix)
    with tempfile.TemporaryDirectory(prefix="caselint-convert-") as tmp:
        work = Path(tmp)
        source = work / f"input{suffix}"
        source.write_bytes(data)
        profile = (work / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                timeout=CONVERT_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ReadError("legacy-convert-failed", suffix=suffix, detail="timeout") from exc
        except OSError as exc:
            raise ReadError("legacy-convert-failed", suffix=suffix, detail=str(exc)) from exc
        converted = work / "out" / "input.docx"
        if not converted.exists():
            detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
            raise ReadError(
                "legacy-convert-failed", suffix=suffix, detail=detail[:200] or "no output"
            )
        return converted.read_bytes()
