"""Prose in program code: string literals, template literals and JSX text of JavaScript
and TypeScript (JSX, TSX), Python, PHP, Kotlin and SQL, found with tree-sitter.

Websites keep their policies in code: a Next.js page with the policy in JSX, an array of
clause strings, an i18n object with ``ru``/``kk`` keys, a Django data migration, a
Laravel ``lang/ru/privacy.php`` array, a Compose screen, an SQL seed. The reader walks
the parse tree once, with a tree cursor (a 5 MB bundle has millions of nodes), and gives
the ``ProseBuilder``

- every string literal whose value reads as prose, as a paragraph of its own, escapes
  decoded (each character keeps its offset in the file) and interpolations
  (``${company}``, f-string ``{x}``, Kotlin ``$x``, PHP ``{$x}``, i18n ``{{x}}``) as
  placeholders; a value holding HTML goes through the HTML reader;
- JSX text: block elements (``p``, ``li``, ``h2``, components) make paragraphs, inline
  ones (``b``, ``a``, ``Link``, ``Trans``) join the text, ``{expression}`` is a
  placeholder unless it renders prose itself;
- the language of values under i18n keys (``ru:``, ``'kk' =>``, ``body_kz =``), of the
  branches of a test on a language (``lang === 'kk' ? … : …``, ``when (locale)``,
  ``case 'kk':``) and of SQL rows with a language column.

Comments, docstrings, imports, types, decorators, object keys and the arguments of
logging calls are not read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from policylint import patterns
from policylint.ingest import treesitter
from policylint.ingest.prose import (
    ByteOffsets,
    ProseBuilder,
    decode_entities,
    decode_escapes,
    expression_label,
    is_prose,
    language_key,
)
from policylint.ingest.text import decode_source
from policylint.model import SourceText

if TYPE_CHECKING:
    from tree_sitter import Node

# ------------------------------------------------------------------ string values


class Piece(NamedTuple):
    """A stretch of a string's value: decoded ``text`` whose character ``i`` came from
    file offset ``origin[i]``; or, with ``value``, a run-time value named ``text`` that
    stands at file offsets ``origin[0]:origin[1]``."""

    text: str
    origin: Sequence[int]
    value: bool = False


def display(pieces: Sequence[Piece]) -> str:
    """The value as a reader sees it, run-time values shown as ``{name}``."""
    return "".join("{" + p.text + "}" if p.value else p.text for p in pieces)


#: A step of decoding a literal: (text, file offset of each character) → the same, decoded.
Step = Callable[[str, Sequence[int]], tuple[str, Sequence[int]]]


def _substitute(
    text: str, origin: Sequence[int], pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]
) -> tuple[str, Sequence[int]]:
    """``pattern`` replaced in ``text``; a replacement maps to where its match started."""
    out: list[str] = []
    mapped: list[int] = []
    pos = 0
    for match in pattern.finditer(text):
        out.append(text[pos : match.start()])
        mapped.extend(origin[pos : match.start()])
        replacement = replace(match)
        out.append(replacement)
        mapped.extend([origin[match.start()]] * len(replacement))
        pos = match.end()
    if not out:
        return text, origin
    out.append(text[pos:])
    mapped.extend(origin[pos:])
    return "".join(out), mapped


def _replacing(pattern: str, replace: Callable[[re.Match[str]], str]) -> Step:
    compiled = patterns.compile(pattern)
    return lambda text, origin: _substitute(text, origin, compiled, replace)


_SURROGATE_PAIR = patterns.compile(r"[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")


def _pair_surrogates(match: re.Match[str]) -> str:
    """``\\ud83d\\ude00`` escapes decode to two halves of one character: join them; a
    lone half is no character at all."""
    halves = match.group()
    if len(halves) == 1:
        return "\ufffd"
    return chr(0x10000 + ((ord(halves[0]) - 0xD800) << 10) + ord(halves[1]) - 0xDC00)


def c_escapes(text: str, origin: Sequence[int]) -> tuple[str, Sequence[int]]:
    """C-like escapes (JS, JSON, Python, PHP ``"…"``, Kotlin, PO) decoded."""
    if "\\" not in text:
        return text, origin
    decoded, local = decode_escapes(text, 0)
    return _substitute(decoded, [origin[i] for i in local], _SURROGATE_PAIR, _pair_surrogates)


#: PHP single quotes: only ``\\`` and ``\'`` are escapes.
_PHP_SINGLE_QUOTED = _replacing(r"\\[\\']", lambda m: m.group()[1])
#: SQL single quotes: a doubled quote is one quote.
_DOUBLED_QUOTES = _replacing(r"''", lambda m: "'")
#: Python f-strings: ``{{`` and ``}}`` are literal braces.
_DOUBLED_BRACES = _replacing(r"\{\{|\}\}", lambda m: m.group()[0])
#: Kotlin ``trimMargin()``: the indentation and ``|`` that start each line go.
_MARGIN = _replacing(r"(?m)^[ \t]*\|", lambda m: "")


def decode(raw: str, start: int, steps: Sequence[Step]) -> tuple[str, Sequence[int]]:
    """The value of ``raw`` (the body of a literal at file offset ``start``) after the
    decoding ``steps``, and the file offset of each character (one more at the end)."""
    text: str = raw
    origin: Sequence[int] = range(start, start + len(raw) + 1)
    for step in steps:
        text, origin = step(text, origin)
    return text, origin


#: Run-time values in message strings: ``{{ name }}`` (i18next, Vue, Angular),
#: ``${name}``, ``%{name}`` (Rails), ICU and ``str.format`` ``{name}`` / ``{0}``,
#: ``%name%`` (Symfony), ``:name`` after a space (Laravel; not «данных:privacy@…»),
#: printf ``%(name)s``, ``%s``, ``%1$s``.
_MESSAGE_VALUE = patterns.compile(
    r"\{\{\s*([^{}]+?)\s*\}\}|[$%]\{([^{}]+)\}|\{([A-Za-z_][\w.]*|\d+)(?:,[^{}]*)?\}"
    r"|%([A-Za-z_]\w*)%|(?<!\S):([a-z][a-z_]*)(?![\w@.:/-])|%\(([A-Za-z_]\w*)\)[sdif]|%(?:\d\$)?[sd]"
)


def split_values(text: str, origin: Sequence[int]) -> list[Piece]:
    """A decoded message cut into text and the run-time values written in it."""
    pieces: list[Piece] = []
    pos = 0
    for match in _MESSAGE_VALUE.finditer(text):
        if match.start() > pos:
            pieces.append(Piece(text[pos : match.start()], origin[pos : match.start() + 1]))
        name = next((group for group in match.groups() if group), match.group())
        pieces.append(Piece(name.strip(), (origin[match.start()], origin[match.end() - 1] + 1), True))
        pos = match.end()
    if pos < len(text):
        pieces.append(Piece(text[pos:], origin[pos:]))
    return pieces


#: Markup in a string's value: a tag or a character reference.
_MARKUP = patterns.compile(
    r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>|&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE
)


def add_pieces(builder: ProseBuilder, pieces: Sequence[Piece], *, keep_lines: bool = True) -> None:
    """Append a string's value: its text, its run-time values as placeholders. A value
    holding HTML («<p>Оператор …</p>», «<strong>Важно:</strong> …») is read by the HTML
    reader, as the page would show it."""
    if _MARKUP.search(display(pieces)):
        _add_markup(builder, pieces)
        return
    for piece in pieces:
        if piece.value:
            builder.placeholder(piece.text, piece.origin[0], piece.origin[1])
        else:
            builder.mapped_text(piece.text, piece.origin, keep_lines=keep_lines)


def _add_markup(builder: ProseBuilder, pieces: Sequence[Piece]) -> None:
    """Read an HTML value with the HTML reader into a builder of its own (over the
    decoded value), then append what it found with offsets composed back to the file.
    Run-time values travel through it as ``{{ name }}``."""
    from policylint.ingest.markup import add_html

    chars: list[str] = []
    origin: list[int] = []
    value_ends: dict[int, int] = {}
    for piece in pieces:
        if piece.value:
            mark = "{{ " + piece.text + " }}"
            value_ends[piece.origin[0]] = piece.origin[1]
            chars.append(mark)
            origin.extend([piece.origin[0]] * len(mark))
        else:
            chars.append(piece.text)
            origin.extend(piece.origin[: len(piece.text)])
    value = "".join(chars)
    origin.append(origin[-1] + 1 if origin else 0)
    inner = ProseBuilder(builder.path, value)
    add_html(inner, value, 0)
    found = inner.build()
    inner_origin = found.origin if found.origin is not None else range(len(found.text) + 1)
    pos = 0
    for a, b in [*found.placeholders, (len(found.text), len(found.text))]:
        if a > pos:
            builder.mapped_text(
                found.text[pos:a], [origin[inner_origin[i]] for i in range(pos, a)], keep_lines=True
            )
        if b > a:
            begin = origin[inner_origin[a]]
            builder.placeholder(found.text[a + 1 : b - 1], begin, value_ends.get(begin, begin + 1))
        pos = b


def _value(expression: str, start: int, end: int) -> Piece:
    """A run-time value at ``start:end`` of the file, named after its expression
    (``${company.name}``, ``{$operator->name}``, ``$site`` → company.name …)."""
    return Piece(expression_label(expression.strip("${}#@ \t\n")), (start, end), True)


# ------------------------------------------------------------- keys and languages

_KEY_PART = patterns.compile(r"[_.:/-]|(?<=[a-z])(?=[A-Z])")
_KEY = patterns.compile(r"[A-Za-z_$][\w.:/$-]*")


def key_language(key: str) -> str | None:
    """The language an i18n key or a field name stands for: ``kz``, ``ru-RU``, and the
    last part of ``body_kk``, ``title.ru``, ``textKz`` (django-modeltranslation, Rails
    columns, flat message keys)."""
    key = key.strip().strip("'\"`$")
    whole = language_key(key)
    if whole or not _KEY.fullmatch(key):
        return whole
    return language_key(_KEY_PART.split(key)[-1])


# --------------------------------------------------------------------- the syntax

Child = Callable[["Node"], "Node | None"]


def _field(name: str) -> Child:
    return lambda node: node.child_by_field_name(name)


def _nth(index: int) -> Child:
    """The ``index``-th named child, for nodes whose parts have no field names; only
    when there are at least two (a one-element PHP array item has no key)."""
    return lambda node: node.named_children[index] if node.named_child_count >= 2 else None


def _typed(*kinds: str) -> Child:
    """The first named child of type ``kinds[0]``, then its child of ``kinds[1]`` …"""

    def child(node: Node) -> Node | None:
        for kind in kinds:
            node = next((c for c in node.named_children if c.type == kind), None)
            if node is None:
                return None
        return node

    return child


@dataclass(frozen=True)
class Syntax:
    """What the parts of one grammar that matter for prose are called."""

    grammar: str
    #: String literal node types, and the decoding steps of a literal from its text.
    literals: frozenset[str]
    decoding: Callable[[str], Sequence[Step] | None]
    #: Subtrees never read: comments, imports, types, decorators.
    skip: frozenset[str]
    #: Node type → (key, value) of a keyed value (object entry, keyword argument,
    #: assignment): the key is not read, and a language key sets the value's language.
    pairs: Mapping[str, tuple[Child, Child]] = field(default_factory=dict)
    #: Node type → (condition, then, otherwise): a test on a language literal gives
    #: the branch it selects that language.
    conditionals: Mapping[str, tuple[Child, Child, Child]] = field(default_factory=dict)
    #: Arms of a switch / when / match whose first named child is the value tested.
    cases: frozenset[str] = frozenset()
    #: Calls, whose arguments are not read if the callee names a logger or a module.
    calls: frozenset[str] = frozenset()
    #: Node type → operator that makes it a concatenation of strings (None: always).
    concatenations: Mapping[str, str | None] = field(default_factory=dict)
    #: A value spelled ``$name`` inside string content (Kotlin).
    inline_value: re.Pattern[str] | None = None
    #: Node type → name of the ``_Reader`` method that reads it (JSX, PHP output, SQL).
    handlers: Mapping[str, str] = field(default_factory=dict)


def _c_like(literal: str) -> Sequence[Step]:
    return (c_escapes,)


def _python_decoding(literal: str) -> Sequence[Step]:
    prefix = literal[: len(literal) - len(literal.lstrip("rRbBfFuUtT"))].lower()
    steps: tuple[Step, ...] = () if "r" in prefix else (c_escapes,)
    return steps + ((_DOUBLED_BRACES,) if "f" in prefix or "t" in prefix else ())


def _php_decoding(literal: str) -> Sequence[Step]:
    if literal.startswith("'"):
        return (_PHP_SINGLE_QUOTED,)
    return () if literal.startswith("<<<") and "'" in literal.split("\n", 1)[0] else (c_escapes,)


def _kotlin_decoding(literal: str) -> Sequence[Step]:
    return () if literal.startswith('"""') else (c_escapes,)


def _sql_decoding(literal: str) -> Sequence[Step] | None:
    """Quoted SQL strings (``'…'``, ``E'…'``, ``N'…'``); other literals are numbers or
    keywords. Doubled quotes and backslash escapes (MySQL dumps) are both decoded."""
    quote = literal.find("'")
    if not 0 <= quote <= 1 or not literal.endswith("'") or len(literal) < quote + 2:
        return None
    return (_DOUBLED_QUOTES, c_escapes)


_JS_SKIP = frozenset({
    "comment", "html_comment", "import_statement", "decorator", "regex", "type_annotation",
    "type_alias_declaration", "interface_declaration", "type_arguments", "type_parameters",
    "ambient_declaration",
})
_JAVASCRIPT = Syntax(
    "javascript",
    literals=frozenset({"string", "template_string"}),
    decoding=_c_like,
    skip=_JS_SKIP,
    pairs={
        "pair": (_field("key"), _field("value")),
        "variable_declarator": (_field("name"), _field("value")),
        "assignment_expression": (_field("left"), _field("right")),
        "public_field_definition": (_field("name"), _field("value")),
    },
    conditionals={
        "ternary_expression": (_field("condition"), _field("consequence"), _field("alternative")),
        "if_statement": (_field("condition"), _field("consequence"), _field("alternative")),
    },
    cases=frozenset({"switch_case", "switch_default"}),
    calls=frozenset({"call_expression"}),
    concatenations={"binary_expression": "+"},
    handlers={
        "jsx_element": "_jsx_element",
        "jsx_self_closing_element": "_jsx_element",
        "jsx_attribute": "_jsx_attribute",
        "jsx_text": "_jsx_text",
        "html_character_reference": "_jsx_text",
        "jsx_expression": "_jsx_expression",
        "expression_statement": "_statement",
    },
)

SYNTAXES: dict[str, Syntax] = {
    "javascript": _JAVASCRIPT,
    "typescript": replace(_JAVASCRIPT, grammar="typescript"),
    "tsx": replace(_JAVASCRIPT, grammar="tsx"),
    "python": Syntax(
        "python",
        literals=frozenset({"string"}),
        decoding=_python_decoding,
        skip=frozenset({
            "comment", "import_statement", "import_from_statement", "future_import_statement",
            "decorator", "type",
        }),
        pairs={
            "pair": (_field("key"), _field("value")),
            "keyword_argument": (_field("name"), _field("value")),
            "assignment": (_field("left"), _field("right")),
        },
        conditionals={
            "conditional_expression": (_nth(1), _nth(0), _nth(2)),
            "if_statement": (_field("condition"), _field("consequence"), _field("alternative")),
        },
        cases=frozenset({"case_clause"}),
        calls=frozenset({"call"}),
        concatenations={"concatenated_string": None, "binary_operator": "+"},
        handlers={"expression_statement": "_statement"},
    ),
    "php": Syntax(
        "php",
        literals=frozenset({"string", "encapsed_string", "heredoc", "nowdoc"}),
        decoding=_php_decoding,
        skip=frozenset({"comment", "namespace_use_declaration", "attribute_list"}),
        pairs={
            "array_element_initializer": (_nth(0), _nth(-1)),
            "assignment_expression": (_field("left"), _field("right")),
        },
        conditionals={
            "conditional_expression": (_field("condition"), _field("body"), _field("alternative")),
            "if_statement": (_field("condition"), _field("body"), _field("alternative")),
        },
        cases=frozenset({
            "case_statement", "default_statement", "match_conditional_expression", "match_default_expression",
        }),
        calls=frozenset({"function_call_expression", "member_call_expression", "scoped_call_expression"}),
        concatenations={"binary_expression": "."},
        handlers={
            "text": "_html",
            "echo_statement": "_output",
            "print_intrinsic": "_output",
            "expression_statement": "_statement",
        },
    ),
    "kotlin": Syntax(
        "kotlin",
        literals=frozenset({"string_literal", "multiline_string_literal"}),
        decoding=_kotlin_decoding,
        skip=frozenset({
            "line_comment", "multiline_comment", "block_comment", "import", "import_list",
            "import_header", "package_header", "annotation",
        }),
        pairs={
            "infix_expression": (_nth(0), _nth(-1)),
            "value_argument": (_nth(0), _nth(-1)),
            "property_declaration": (_typed("variable_declaration", "identifier"), _nth(-1)),
        },
        conditionals={"if_expression": (_field("condition"), _nth(1), _nth(2))},
        cases=frozenset({"when_entry"}),
        calls=frozenset({"call_expression"}),
        concatenations={"binary_expression": "+"},
        inline_value=patterns.compile(r"(?<!\\)\$[A-Za-z_][A-Za-z0-9_]*"),
    ),
    "sql": Syntax(
        "sql",
        literals=frozenset({"literal"}),
        decoding=_sql_decoding,
        skip=frozenset({"comment", "marginalia"}),
        pairs={"assignment": (_nth(0), _nth(-1))},
        concatenations={"binary_expression": "||"},
        handlers={"insert": "_insert", "update": "_update"},
    ),
    "json": Syntax(
        "json",
        literals=frozenset({"string"}),
        decoding=_c_like,
        skip=frozenset({"comment"}),
        pairs={"pair": (_field("key"), _field("value"))},
    ),
}

#: Children of a literal that are its text (escapes included, decoded afterwards).
_CONTENT = frozenset({"string_fragment", "string_content", "escape_sequence", "nowdoc_string"})
#: Children of a literal that hold its text and values (PHP heredoc bodies).
_CONTAINERS = frozenset({"heredoc_body", "nowdoc_body"})
#: Quotes and heredoc markers around a literal's body.
_DELIMITERS = frozenset({
    "'", '"', "`", '"""', "<<<", "string_start", "string_end", "heredoc_start", "heredoc_end",
})
#: Callees whose string arguments are never prose on the page: loggers, debug output,
#: module paths.
_NOT_SHOWN_CALLS = frozenset({
    "console", "require", "import", "print", "println", "logging", "logger", "log", "Log",
    "Timber", "error_log", "var_dump", "print_r", "dd", "dump", "warn", "debug", "trace",
})
#: The other version of a bilingual Kazakhstan site: what is not Kazakh is Russian.
_OTHER_VERSION = {"kk": "ru", "ru": "kk"}
_EQUAL = frozenset({"==", "===", "="})
_NOT_EQUAL = frozenset({"!=", "!==", "<>"})
#: Wrappers (parentheses, a condition list, a case pattern) looked through to a value.
_MAX_UNWRAP = 4
#: A longer callee is no name of a logger (it is a function expression, a call …).
_MAX_CALLEE_BYTES = 120
#: Nodes of a SQL WHERE clause searched for a test on the language.
_MAX_WHERE_NODES = 64

# ------------------------------------------------------------------------- JSX

#: HTML elements that lay out a block (paragraph, heading, list item, container);
#: the other lower-case elements are inline. ``br`` breaks the line.
_JSX_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
})
#: Table cells: inline within their row, with a word break before each.
_JSX_CELLS = frozenset({"td", "th"})
#: Components that render inline (links, translations, formatting); other components
#: are taken for blocks (``<Section>``, ``<Typography>``, React Native ``<Text>``).
_JSX_INLINE_COMPONENTS = frozenset({
    "Link", "NavLink", "Trans", "FormattedMessage", "Fragment", "React.Fragment", "Anchor",
    "Highlight", "Strong", "Em",
})
_BULLET = "• "


class _Reader:
    """One walk over the parse tree of a code fragment, feeding a ``ProseBuilder``."""

    def __init__(self, builder: ProseBuilder, source: str, start: int, syntax: Syntax):
        self.builder = builder
        self.source = source
        self.start = start
        self.syntax = syntax
        self.offsets = ByteOffsets(source)
        #: Node id → language of that node's subtree, set by its parent.
        self.pending: dict[int, str] = {}
        #: Node ids not to read (keys of keyed values), dropped once passed.
        self.ignored: set[int] = set()
        #: Depth of the node the walk is at, and (depth, action) to run when the walk
        #: leaves the node at that depth.
        self.depth = 0
        self.closing: list[tuple[int, Callable[[], None]]] = []
        self.languages: list[str | None] = [None]
        #: Pieces appended so far (a JSX ``{expression}`` that rendered none is a value).
        self.emitted = 0
        #: Where a ``<li>`` opened whose bullet waits for the item's first text.
        self.bullet_at: int | None = None
        #: Concatenation links already seen to hold no string.
        self.plain_chains: set[int] = set()
        #: Switch bodies → the languages their arms test.
        self.switches: dict[int, set[str]] = {}
        handlers: dict[str, Callable[[Node], bool]] = {kind: self._skip for kind in syntax.skip}
        handlers.update(dict.fromkeys(syntax.literals, self._literal))
        handlers.update(dict.fromkeys(syntax.pairs, self._pair))
        handlers.update(dict.fromkeys(syntax.conditionals, self._conditional))
        handlers.update(dict.fromkeys(syntax.cases, self._case))
        handlers.update(dict.fromkeys(syntax.calls, self._call))
        handlers.update(dict.fromkeys(syntax.concatenations, self._concatenation))
        handlers.update({kind: getattr(self, name) for kind, name in syntax.handlers.items()})
        self.handlers = handlers

    # -- the walk

    def run(self) -> None:
        """Walk the tree in document order with a cursor (a node object per node, the
        handler looked up by the node's symbol); closing actions run when the walk
        leaves the node they belong to."""
        cursor = treesitter.parse(self.syntax.grammar, self.offsets.data, self.builder.path).walk()
        by_symbol: dict[int, Callable[[Node], bool] | None] = {}
        while True:
            node = cursor.node
            symbol = node.kind_id
            if symbol in by_symbol:
                handler = by_symbol[symbol]
            else:
                handler = by_symbol[symbol] = self.handlers.get(node.type)
            if (handler is None and not self.pending and not self.ignored) or self._enter(node, handler):
                if cursor.goto_first_child():
                    self.depth += 1
                    continue
                if self.closing:
                    self._leave()
            while not cursor.goto_next_sibling():
                if not cursor.goto_parent():
                    return
                self.depth -= 1
                if self.closing:
                    self._leave()

    def _enter(self, node: Node, handler: Callable[[Node], bool] | None) -> bool:
        """Read ``node``; True to read its children too."""
        if self.ignored or self.pending:
            if node.id in self.ignored:
                self.ignored.discard(node.id)
                return False
            lang = self.pending.pop(node.id, None)
            if lang is not None:
                self._set_language(lang)
        if handler is None or handler(node):
            return True
        self._leave()
        return False

    def _leave(self) -> None:
        """The walk leaves the node at the current depth: run what waits for that."""
        while self.closing and self.closing[-1][0] >= self.depth:
            self.closing.pop()[1]()

    def _on_leave(self, action: Callable[[], None]) -> None:
        """Run ``action`` when the walk leaves the node it is at."""
        self.closing.append((self.depth, action))

    def _set_language(self, lang: str | None) -> None:
        """The current node's subtree is in ``lang``; the language around it comes
        back after."""
        outer = self.languages[-1]
        self.languages.append(lang)
        if lang != outer:
            self.builder.language(lang)

        def restore() -> None:
            self.languages.pop()
            if self.languages[-1] != lang:
                self.builder.language(self.languages[-1])

        self._on_leave(restore)

    # -- positions and text

    def _char(self, byte: int) -> int:
        """File offset of a byte offset of the fragment."""
        return self.start + self.offsets(byte)

    def _text(self, node: Node) -> str:
        return self.offsets.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def _value_piece(self, node: Node) -> Piece:
        """A run-time value: an expression in the text."""
        return _value(self._text(node), self._char(node.start_byte), self._char(node.end_byte))

    # -- literals

    def _pieces(self, node: Node) -> list[Piece] | None:
        """The value of a string literal, or None for a literal that is no string."""
        literal = self._text(node)
        steps = self.syntax.decoding(literal)
        if steps is None:
            return None
        if self._trims_margin(node):
            steps = (*steps, _MARGIN)
        pieces: list[Piece] = []
        for is_value, a, b in self._body(node, literal):
            if is_value:
                pieces.append(_value(self.source[a:b], self.start + a, self.start + b))
            else:
                pieces.extend(self._decoded(self.source[a:b], self.start + a, steps))
        return pieces

    def _decoded(self, raw: str, start: int, steps: Sequence[Step]) -> Iterator[Piece]:
        """Pieces of a stretch of literal text: decoded text and the values in it."""
        pos = 0
        for match in self.syntax.inline_value.finditer(raw) if self.syntax.inline_value else ():
            yield from split_values(*decode(raw[pos : match.start()], start + pos, steps))
            yield Piece(match.group()[1:], (start + match.start(), start + match.end()), True)
            pos = match.end()
        yield from split_values(*decode(raw[pos:], start + pos, steps))

    def _body(self, node: Node, literal: str) -> list[tuple[bool, int, int]]:
        """(is a value, start, end) of the stretches of a literal's body, in offsets
        of the fragment: text between the quotes, and interpolations."""
        if node.child_count == 0:  # a literal token (SQL): the body is inside its quotes
            quote = literal.find("'")
            a = self.offsets(node.start_byte) + quote + 1
            return [(False, a, a + len(literal) - quote - 2)]
        children = node.children
        first, last = 0, len(children)
        while first < last and children[first].type in _DELIMITERS:
            first += 1
        while last > first and children[last - 1].type in _DELIMITERS:
            last -= 1
        runs: list[tuple[bool, int, int]] = []

        def add(is_value: bool, a: int, b: int) -> None:
            if runs and runs[-1][0] == is_value and runs[-1][2] == a:
                runs[-1] = (is_value, runs[-1][1], b)
            elif b > a:
                runs.append((is_value, a, b))

        if first == last:
            return runs
        pos = children[first].start_byte
        stack = list(reversed(children[first:last]))
        while stack:
            child = stack.pop()
            if child.start_byte > pos:
                add(False, self.offsets(pos), self.offsets(child.start_byte))
            pos = max(pos, child.start_byte)
            if child.type in _CONTAINERS:
                stack.extend(reversed(child.children))
                continue
            add(child.type not in _CONTENT, self.offsets(child.start_byte), self.offsets(child.end_byte))
            pos = child.end_byte
        return runs

    def _trims_margin(self, node: Node) -> bool:
        """A Kotlin raw string with ``.trimMargin()`` called on it."""
        parent = node.parent
        if parent is None or parent.type != "navigation_expression":
            return False
        last = parent.named_children[-1]
        return last.type == "identifier" and self._text(last) == "trimMargin"

    def _literal(self, node: Node) -> bool:
        pieces = self._pieces(node)
        if pieces:
            self._add(node, pieces)
        return False

    def _add(self, node: Node, pieces: list[Piece]) -> None:
        """Append a string's value: inline in JSX text (``{' '}`` too), else as a
        paragraph of its own if it reads as prose."""
        if self._inline(node):
            self._emit(pieces)
        elif is_prose(display(pieces)):
            self.builder.paragraph()
            self._emit(pieces)
            self.builder.paragraph()

    def _emit(self, pieces: Sequence[Piece]) -> None:
        if pieces:
            self._bullet()
            self.emitted += 1
            add_pieces(self.builder, pieces)

    def _bullet(self) -> None:
        """The bullet of an open ``<li>``, before its first text (which may sit in a
        ``<p>`` inside the item)."""
        if self.bullet_at is not None:
            self.builder.mapped_text(_BULLET, (self.bullet_at,) * len(_BULLET))
            self.bullet_at = None

    def _inline(self, node: Node) -> bool:
        """A value rendered in the flow of JSX text: ``<p>{'…'}</p>``."""
        parent = node.parent
        return (
            parent is not None
            and parent.type == "jsx_expression"
            and parent.parent is not None
            and parent.parent.type == "jsx_element"
        )

    def _concatenation(self, node: Node) -> bool:
        """``'Оператор ' + company + ' обязан …'``: one value, the operands that are no
        strings as run-time values."""
        if node.id in self.plain_chains:
            return True
        pieces = self._concatenated(node)
        if pieces is None:
            return True
        self._add(node, pieces)
        return False

    def _concatenates(self, node: Node) -> bool:
        operator = self.syntax.concatenations.get(node.type, "")
        return operator is None or any(not c.is_named and c.type == operator for c in node.children)

    def _concatenated(self, node: Node) -> list[Piece] | None:
        """The pieces of a concatenation with a string among its operands, else None
        (and its inner links are not looked at again: ``1 + 2 + … + n`` stays linear)."""
        if node.type not in self.syntax.concatenations or not self._concatenates(node):
            return None
        operands: list[Node] = []
        links: list[int] = []
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type in self.syntax.concatenations and self._concatenates(current):
                links.append(current.id)
                stack.extend(reversed(current.named_children))
            elif current.type not in self.syntax.skip:
                operands.append(current)
        if not any(o.type in self.syntax.literals for o in operands):
            self.plain_chains.update(links)
            return None
        pieces: list[Piece] = []
        for operand in operands:
            value = self._pieces(operand) if operand.type in self.syntax.literals else None
            pieces.extend(value if value is not None else [self._value_piece(operand)])
        return pieces

    # -- keys, languages, calls

    def _skip(self, node: Node) -> bool:
        return False

    def _pair(self, node: Node) -> bool:
        key_of, value_of = self.syntax.pairs[node.type]
        key, value = key_of(node), value_of(node)
        if key is None or value is None or key.id == value.id:
            return True
        self.ignored.add(key.id)
        lang = key_language(self._key_text(key))
        if lang:
            self.pending[value.id] = lang
        return True

    def _key_text(self, key: Node) -> str:
        pieces = self._pieces(key) if key.type in self.syntax.literals else None
        return display(pieces) if pieces is not None else self._text(key)

    def _literal_language(self, node: Node | None) -> str | None:
        """The language a literal value names (``'kk'``), looking through wrappers."""
        for _ in range(_MAX_UNWRAP):
            if node is None or node.type in self.syntax.literals or node.named_child_count != 1:
                break
            node = node.named_children[0]
        if node is None or node.type not in self.syntax.literals:
            return None
        pieces = self._pieces(node)
        return language_key(pieces[0].text) if pieces and len(pieces) == 1 and not pieces[0].value else None

    def _tested_language(self, node: Node | None) -> tuple[str, bool] | None:
        """(language, equal) of a test ``x === 'kk'`` / ``locale != "ru"``."""
        for _ in range(_MAX_UNWRAP):
            if node is None or node.named_child_count != 1:
                break
            node = node.named_children[0]
        if node is None or node.named_child_count != 2:
            return None
        operators = {c.type for c in node.children if not c.is_named}
        if not operators & (_EQUAL | _NOT_EQUAL):
            return None
        for operand in node.named_children:
            lang = self._literal_language(operand)
            if lang:
                return lang, bool(operators & _EQUAL)
        return None

    def _conditional(self, node: Node) -> bool:
        """``lang === 'kk' ? A : B``: A is in Kazakh, B in the other language of the
        site (``lang !== 'kk'`` the other way round)."""
        condition_of, then_of, otherwise_of = self.syntax.conditionals[node.type]
        tested = self._tested_language(condition_of(node))
        if tested:
            lang, equal = tested
            other = _OTHER_VERSION.get(lang)
            then_lang, otherwise_lang = (lang, other) if equal else (other, lang)
            for branch_of, branch_lang in ((then_of, then_lang), (otherwise_of, otherwise_lang)):
                branch = branch_of(node)
                if branch is not None and branch_lang is not None:
                    self.pending[branch.id] = branch_lang
        return True

    def _case(self, node: Node) -> bool:
        """An arm of a switch on the language: ``case 'kk':``, ``"kk" ->`` is in Kazakh;
        the other arms (``default:``, ``else ->``, ``case _:``) of a switch that tests
        only Kazakh (or only Russian) are in the other language."""
        lang = self._literal_language(node.named_children[0]) if node.named_child_count else None
        if lang is None and node.parent is not None:
            tested = self._arm_languages(node.parent) & _OTHER_VERSION.keys()
            lang = _OTHER_VERSION[next(iter(tested))] if len(tested) == 1 else None
        if lang:
            self._set_language(lang)
        return True

    def _arm_languages(self, switch: Node) -> set[str]:
        """The languages the arms of a switch test (once per switch)."""
        if switch.id not in self.switches:
            arms = (c for c in switch.named_children if c.type in self.syntax.cases and c.named_child_count)
            tested = (self._literal_language(arm.named_children[0]) for arm in arms)
            self.switches[switch.id] = {lang for lang in tested if lang}
        return self.switches[switch.id]

    def _call(self, node: Node) -> bool:
        """Read a call's arguments unless it logs, prints for debugging or imports:
        ``console.log(…)``, ``logger.info(…)``, ``Log.d(…)``, ``require(…)``."""
        callee = node.child_by_field_name("function")
        if callee is None and node.named_child_count:
            callee = node.named_children[0]
        names = [node.child_by_field_name("name"), node.child_by_field_name("scope")]
        if callee is not None and callee.end_byte - callee.start_byte <= _MAX_CALLEE_BYTES:
            names.extend(n for n in treesitter.walk(callee) if n.child_count == 0)
        return not any(n is not None and self._text(n) in _NOT_SHOWN_CALLS for n in names)

    def _statement(self, node: Node) -> bool:
        """A PHP ``<?= … ?>`` prints; a bare string statement is a docstring or a
        directive (``"use client"``)."""
        if self._after_short_echo(node):
            return self._output(node)
        named = node.named_children
        return not (len(named) == 1 and named[0].type in self.syntax.literals)

    # -- PHP

    def _after_short_echo(self, node: Node) -> bool:
        tag = node.prev_sibling
        if tag is not None and tag.type == "text_interpolation" and tag.child_count:
            tag = tag.children[-1]
        return tag is not None and tag.type == "php_tag" and self._text(tag) == "<?="

    def _output(self, node: Node) -> bool:
        """``echo``, ``print``, ``<?= ?>``: the values go into the page's text flow."""
        pieces: list[Piece] = []
        for child in node.named_children:
            if child.type in self.syntax.skip:
                continue
            value = self._pieces(child) if child.type in self.syntax.literals else self._concatenated(child)
            pieces.extend(value if value is not None else self._printed_call(child))
        self._emit(pieces)
        return False

    def _printed_call(self, node: Node) -> list[Piece]:
        """What ``echo`` prints of an expression: the string a call wraps if it reads
        as prose (``__('Текст', 'theme')``), else a run-time value named after the
        call's first argument (``esc_html( $company )`` → company) or the expression."""
        arguments = node.child_by_field_name("arguments") if node.type in self.syntax.calls else None
        first = arguments.named_children[0] if arguments is not None and arguments.named_child_count else None
        if first is not None and first.type == "argument" and first.named_child_count:
            first = first.named_children[-1]
        if first is None:
            return [self._value_piece(node)]
        pieces = self._pieces(first) if first.type in self.syntax.literals else None
        if pieces is not None and is_prose(display(pieces)):
            return pieces
        name = display(pieces) if pieces is not None else self._text(first)
        return [_value(name, self._char(node.start_byte), self._char(node.end_byte))]

    def _html(self, node: Node) -> bool:
        """HTML around the PHP code, read by the HTML reader."""
        from policylint.ingest.markup import add_html

        self.emitted += 1
        add_html(self.builder, self._text(node), self._char(node.start_byte))
        return False

    # -- JSX

    def _jsx_name(self, element: Node) -> str | None:
        tag = element.child_by_field_name("open_tag") or element
        name = tag.child_by_field_name("name")
        return self._text(name) if name is not None else None

    def _jsx_element(self, node: Node) -> bool:
        """Block elements start and end a paragraph (``li`` with a bullet), cells get a
        word break, ``<br/>`` breaks the line."""
        name = self._jsx_name(node)
        at = self._char(node.start_byte)
        if name is None:
            return True
        if name == "br":
            self.builder.text("\n", at, keep_lines=True)
        elif name in _JSX_CELLS:
            self.builder.space(at)
        elif name in _JSX_BLOCKS or (name[0].isupper() and name not in _JSX_INLINE_COMPONENTS):
            self.builder.paragraph()
            self.bullet_at = at if name == "li" else self.bullet_at
            self._on_leave(self._end_block)
        return True

    def _end_block(self) -> None:
        self.bullet_at = None
        self.builder.paragraph()

    def _jsx_attribute(self, node: Node) -> bool:
        """Attributes of HTML elements (classes, links, tooltips) are not read; props of
        components may carry text (``<Section title="Права субъекта">``)."""
        element = node.parent
        name = self._jsx_name(element) if element is not None else None
        return name is not None and not name[0].islower()

    def _jsx_text(self, node: Node) -> bool:
        text, origin = decode_entities(self._text(node), self._char(node.start_byte))
        if text.strip():
            self._bullet()
            self.emitted += 1
        self.builder.mapped_text(text, origin)
        return False

    def _jsx_expression(self, node: Node) -> bool:
        """``{…}`` among JSX children: what it renders is read; if it renders nothing
        readable (``{company}``, ``{t('privacy.title')}``) it is a run-time value.
        ``{/* comments */}`` are dropped."""
        parent = node.parent
        if parent is None or parent.type != "jsx_element":
            return True
        expressions = [c for c in node.named_children if c.type not in self.syntax.skip]
        if not expressions:
            return False
        before = self.emitted

        def value_if_silent() -> None:
            if self.emitted == before:
                start, end = self._char(node.start_byte), self._char(node.end_byte)
                self._emit([_value(self._text(expressions[0]), start, end)])

        self._on_leave(value_if_silent)
        return True

    # -- SQL

    def _insert(self, node: Node) -> bool:
        """``INSERT … (slug, lang, body_kk) VALUES ('privacy', 'ru', '…')``: a value gets
        the language of its column's name, else of a language literal in its row."""
        lists = [c for c in node.named_children if c.type == "list"]
        columns: list[str] = []
        if lists and all(c.type == "column" for c in lists[0].named_children):
            columns = [self._text(c) for c in lists.pop(0).named_children]
        for row in lists:
            values = row.named_children
            row_lang = next((lang for lang in map(self._literal_language, values) if lang), None)
            for index, value in enumerate(values):
                lang = (key_language(columns[index]) if index < len(columns) else None) or row_lang
                if lang:
                    self.pending[value.id] = lang
        return True

    def _update(self, node: Node) -> bool:
        """``UPDATE pages SET body = '…' WHERE lang = 'kk'``: the values are in Kazakh."""
        where = next((c for c in node.named_children if c.type == "where"), None)
        if where is not None:
            nodes = itertools.islice(treesitter.walk(where), _MAX_WHERE_NODES)
            tests = (self._tested_language(n) for n in nodes)
            found = next((t for t in tests if t and t[1]), None)
            if found:
                self._set_language(found[0])
        return True


# --------------------------------------------------------------------- readers

def add_script(builder: ProseBuilder, source: str, start: int, grammar: str) -> None:
    """Append the prose of the code ``source``, which sits at offset ``start`` of the
    file (a whole file, or a ``<script>`` block of a component), parsed with ``grammar``
    (a key of ``SYNTAXES``)."""
    _Reader(builder, source, start, SYNTAXES[grammar]).run()


def read_code(path: str, data: bytes, grammar: str) -> SourceText:
    """A file of code (or data) read with ``grammar``: its prose as a ``SourceText``."""
    text, encoding = decode_source(data, path)
    builder = ProseBuilder(path, text, encoding)
    add_script(builder, text, 0, grammar)
    return without_bare_values(builder.build())


def without_bare_values(source: SourceText) -> SourceText:
    """``source``, or no text at all if it is only run-time values («{children}» of a
    button component): such a file has no prose, and is skipped as such."""
    pos, words = 0, False
    for start, end in [*source.placeholders, (len(source.text), len(source.text))]:
        words = words or any(ch.isalpha() for ch in source.text[pos:start])
        pos = end
    return source if words else SourceText(source.path, "", source.encoding, kind=source.kind)
