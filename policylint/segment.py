"""Split normalised text into clauses. (Placeholder: one clause per paragraph — being
rewritten.)"""

from __future__ import annotations

import re

from policylint.model import Clause, Document, NormalizedText, SourceText, Span, Version

_KK = re.compile(r"[әғқңөұүһі]", re.I)


def segment(source: SourceText, norm: NormalizedText) -> Document:
    clauses: list[Clause] = []
    for m in re.finditer(r"[^\n]+", norm.text):
        if m.group().strip():
            lang = "kk" if _KK.search(m.group()) else "ru"
            clauses.append(Clause(len(clauses), Span(m.start(), m.end()), lang))
    return Document(source, norm, clauses, [Version("ru", 0, len(clauses))])
