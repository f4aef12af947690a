"""Rules that no data kind expresses, one module per rule group.

Each function takes ``(rule, doc, facts)`` and returns findings; a rule names it in its
YAML as ``kind: check`` with ``check: module.function`` (e.g. ``operator.identifier_kind``).
"""
