"""Language analysis of Chinese text, independent of documents and cases.

Takes strings and the rule pack; gives Word-compatible counts (:mod:`count`), word boundaries
(:mod:`nlp`), figures (:mod:`quantity`), claims (:mod:`claims`), lexicon hits (:mod:`wording`),
and the per-pack analysers built once per process (:mod:`analysis`).
"""
