"""The upload bundle: a checked case turned into exactly the files the platform asks for.

``bundle`` builds one bundle (申请表, 综合材料, 详细材料, manifest), its zip and the report beside;
``batch`` does it for every recommended case of a provincial folder; ``verify`` re-hashes a bundle
against its manifest. The pieces they use each do one job: safe ``names``, the deterministic
``zipfile_det``, ``docx_writer`` (Markdown/text → official .docx), ``docx_split`` (one .docx holding
both parts → one .docx per part), ``form`` (the 申请表 from the pack's template), ``manifest``,
``report_md`` and ``staging`` (a temporary folder beside the output, renamed into place).
"""
