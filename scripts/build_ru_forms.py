"""Regenerate ``rules/data/ru_forms.json``: the forms of every Russian word that the
shipped phrases inflect, so ``policylint check`` never has to load pymorphy3 for them.

The phrases are those of the topic files (``rules/topics/*.yaml``) and of the data files
that hold a vocabulary in the same phrase language (``VOCABULARIES`` below).

    python scripts/build_ru_forms.py           # rewrite the table
    python scripts/build_ru_forms.py --check   # exit 1 if the table is out of date

Run it after changing any of those phrases. The output is deterministic (sorted words,
sorted forms, one word per line) so that diffs stay readable.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from policylint.analyze import morph_ru
from policylint.analyze.lexicon import (
    FORMS_TABLE,
    LANGS,
    read_topic_files,
    required_ru_words,
    topic_files,
)
from policylint.resources import data_path, load_yaml

#: Data files (in rules/data/) with a section of topics in the phrase language.
VOCABULARIES = [("articles_94v.yaml", "topics")]


def phrase_specs() -> dict[str, dict[str, Any]]:
    """Every shipped topic spec: the topic files', then the data vocabularies'."""
    specs = {f"topics:{name}": spec for name, spec in read_topic_files(topic_files()).items()}
    for file_name, section in VOCABULARIES:
        path = data_path(file_name)
        if path.exists():
            for name, spec in (load_yaml(path).get(section) or {}).items():
                specs[f"{file_name}:{name}"] = {k: v for k, v in spec.items() if k in LANGS}
    return specs


def build() -> dict[str, list[str]]:
    """Word → sorted forms, for the words of the current phrases."""
    return {word: morph_ru.word_forms(word) for word in required_ru_words(phrase_specs())}


def render(table: dict[str, list[str]]) -> str:
    lines = [
        f"{json.dumps(word, ensure_ascii=False)}: {json.dumps(forms, ensure_ascii=False)}"
        for word, forms in sorted(table.items())
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the table is current")
    args = parser.parse_args(argv)
    path = data_path(FORMS_TABLE)
    text = render(build())
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} is out of date: run python scripts/build_ru_forms.py", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(text.splitlines()) - 2} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
