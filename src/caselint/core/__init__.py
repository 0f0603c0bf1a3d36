"""The ground floor every stage stands on: the data model, rule codes, messages, encodings.

Takes nothing from the rest of caselint. Gives the result types (:mod:`model`), the table of rule
codes (:mod:`codes`), Chinese/English message helpers (:mod:`i18n`), text decoding for every file
caselint reads (:mod:`encoding`), JSON serialisation and safe file writes (:mod:`fsutil`).
"""
