"""From files to cases: folders walked, drafts read and split into parts, metadata merged.

Takes paths and the rule pack; gives :class:`case.Case` objects with their parts, the outline
of headings matched to elements (:mod:`structure`), the category and the figures limits are
measured in. Checks judge these cases; nothing here decides what is wrong.
"""
