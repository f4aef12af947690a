"""Named services (with the state their data go to) and foreign states named as places.

The vocabulary is ``rules/data/services.yaml``. Services count wherever they are named,
also by host name («jukte-front.vercel.app», «mc.yandex.ru»). Short names listed as
``exact`` («AWS», «РФ», «ЕС») match case-sensitively, the rest case-insensitively, always
as whole words; e-mail domains («@gmail.com») are not service mentions. A service that
may be hosted in Kazakhstan (amoCRM, Bitrix24) counts as Kazakh when its clause says so.

A country counts only where the text names it as a place data go to or are kept:
- after a place preposition: «в РФ», «во Францию», «на территорию РФ», «территории
  Российской Федерации», «в пределах ЕС», «в страны ЕС», «за пределы …»;
- in Kazakh, with a dative/locative ending or before «аумағы»/«елдері»: «Ресейге»,
  «АҚШ-та», «РФ аумағына», «ЕО елдеріне»;
- after a flag emoji («🇪🇺 ЕС»), in parentheses after a service («Яндекс.Метрика
  (Россия)»), or as the whole clause (an item in a list of recipient countries);
- after another place in a list: «в Германии и Нидерландах», «на территории Казахстана
  и России» (Kazakhstan itself is never reported).
It does not count when a law word follows («в РФ законодательством», «ЕС заңнамасы»), so
«152-ФЗ Российской Федерации» or «законодательство РФ» are not places.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from policylint import patterns
from policylint.model import Document, ServiceMention, Span
from policylint.resources import load_data


@dataclass(frozen=True)
class _Target:
    """What one alias or host stands for."""

    kind: str  # "service", "country" or "ignore"
    name: str = ""
    country: str = ""
    kz_hosting: bool = False
    stem_length: int = 0  # characters before a trailing "*" (for Kazakh endings)


_RU_PLACE_BEFORE = patterns.compile(
    r"(?<!\w)(?:в|во|на\s+территори[юи]|территори[юи]|в\s+пределах|за\s+предел(?:ы|ами)"
    r"|(?:в|во)\s+(?:стран(?:у|ы|е|ах)?|государств(?:о|а|е|ах)?|юрисдикци[июя]))\s+$",
    re.I,
)
_KK_ENDING = patterns.compile(r"(?:ға|ге|қа|ке|на|не|да|де|та|те|нда|нде|ында|інде|дағы|дегі|тағы|тегі)$")
_KK_PLACE_AFTER = patterns.compile(
    r"(?:-(?:ға|ге|қа|ке|на|не|да|де|та|те|нда|нде|дағы|дегі|тағы|тегі)(?!\w)"
    r"|(?:\s+Федерация\w*)?\s+(?:аумағ|елдер|мемлекеттер|серверлер)\w*)"
)
_FLAG_BEFORE = patterns.compile(r"[\U0001F1E6-\U0001F1FF]{2}\s*$")
_OPEN_PAREN_BEFORE = patterns.compile(r"\(\s*$")
_CLOSE_PAREN_AFTER = patterns.compile(r"\s*\)")
_ONLY_PUNCTUATION = patterns.compile(r"[\W_]*")
#: Between two countries of one list: «в Германии и Нидерландах», «Ресейге және АҚШ-қа».
_LIST_JOINER = patterns.compile(r"\s*(?:,|;|и|или|а\s+также|ж[әə]не|немесе|/)\s*", re.I)
_LAW_AFTER = patterns.compile(
    r"\s*(?:законодательств|закон|федеральн|кодекс|конституци|правительств|граждан|ФЗ"
    r"|заңнама|заң|азамат)",
    re.I,
)
_KZ_HOSTING = patterns.compile(
    r"(?:сервер|хостинг|дата-центр|размещ|хран|располож)\w*(?:\W+\w+){0,6}?\W+"
    r"(?:в|на\s+территории)\s+(?:Казахстан\w*|РК|Республик\w+\s+Казахстан)"
    r"|Қазақстан(?:\s+Республикасы(?:ның)?)?\s+аумағында|Қазақстандағы",
    re.I,
)
_WORD = patterns.compile(r"\w+")
_HOST_CHARS = patterns.compile(r"[\w.-]")
#: Aliases are indexed by the first _KEY letters of their first word.
_KEY = 4


def _key(word: str) -> str:
    return word[:_KEY].lower()


@dataclass
class _Alias:
    """One written form; its pattern is compiled the first time a text word could start it."""

    text: str
    folded: bool
    host: bool
    target: _Target
    _regex: re.Pattern[str] | None = None

    def match(self, body: str, pos: int) -> re.Match[str] | None:
        if self._regex is None:
            special = {" ": r"\s+", "*": r"\w*"}
            units = "".join(special.get(ch) or re.escape(ch) for ch in self.text)
            self._regex = patterns.compile(units + r"(?!\w)", re.I if self.folded else 0)
        return self._regex.match(body, pos)


@functools.cache
def _vocabulary() -> dict[str, list[_Alias]]:
    """Aliases and hosts by the key of their first word, longest first."""
    data = load_data("services.yaml")
    aliases: list[_Alias] = []
    groups = [(spec, "service", spec["country"]) for spec in data["services"]]
    groups += [(spec, "country", spec["code"]) for spec in data["countries"]]
    groups.append(({"name": "", "aliases": data.get("ignore", [])}, "ignore", ""))
    for spec, kind, country in groups:
        kz_hosting = bool(spec.get("kz_hosting"))
        for key, folded in (("aliases", True), ("exact", False)):
            for alias in spec.get(key, ()):
                stem = len(alias) - 1 if alias.endswith("*") else len(alias)
                target = _Target(kind, spec["name"], country, kz_hosting, stem)
                aliases.append(_Alias(alias, folded, False, target))
        for host in spec.get("hosts", ()):
            aliases.append(
                _Alias(host, True, True, _Target(kind, spec["name"], country, kz_hosting))
            )

    index: dict[str, list[_Alias]] = {}
    for alias in sorted(aliases, key=lambda a: -len(a.text)):
        first = _WORD.match(alias.text)
        if first is None or first.end() < _KEY and alias.text[first.end() : first.end() + 1] == "*":
            raise ValueError(f"services.yaml: alias {alias.text!r} needs {_KEY} letters before '*'")
        index.setdefault(_key(first.group()), []).append(alias)
    return index


def _subdomain_length(body: str, pos: int) -> int:
    """Number of host-name characters right before ``pos``."""
    start = pos
    while start and _HOST_CHARS.match(body, start - 1):
        start -= 1
    return pos - start


def _mentions(body: str) -> Iterator[tuple[re.Match[str], _Alias, int]]:
    """Alias matches in ``body`` with their start (a host's start includes its
    subdomains), left to right, not overlapping."""
    aliases_of = _vocabulary().get
    end = 0
    for word in _WORD.finditer(body):
        aliases = aliases_of(word.group()[:_KEY].lower())  # _key(), inlined: a hot loop
        if aliases is None:
            continue
        pos = word.start()
        before = body[pos - 1] if pos else " "
        if pos < end or before == "@":  # e-mail domains are not service mentions
            continue
        for alias in aliases:
            if before in ".-" and not alias.host:  # inside a name: «top.mail.ru», «X-Google»
                continue
            match = alias.match(body, pos)
            if match:
                # a host's mention starts with its subdomains: «jukte-front.vercel.app»
                start = pos - _subdomain_length(body, pos) if alias.host else pos
                end = match.end()
                yield match, alias, start
                break


def _is_place(body: str, match: re.Match[str], target: _Target, kazakh: bool) -> bool:
    """Whether a country name is used as a place data go to or are kept."""
    before, after = body[: match.start()], body[match.end() :]
    if _LAW_AFTER.match(after):
        return False
    if _FLAG_BEFORE.search(before) or _RU_PLACE_BEFORE.search(before[-60:]):
        return True
    if _OPEN_PAREN_BEFORE.search(before) and _CLOSE_PAREN_AFTER.match(after):
        return True
    if _ONLY_PUNCTUATION.fullmatch(before) and _ONLY_PUNCTUATION.fullmatch(after):
        return True
    if _KK_PLACE_AFTER.match(after):
        return True
    ending = match.group()[target.stem_length :]
    return kazakh and bool(ending) and _KK_ENDING.search(ending) is not None


def extract_services(doc: Document) -> list[ServiceMention]:
    """Service mentions and foreign countries named as places, in document order."""
    found: list[ServiceMention] = []
    text = doc.text
    for clause in doc.clauses:
        start = clause.span.start
        body = text[start : clause.span.end]
        kz_hosted: bool | None = None
        place_end = -1  # end of the last country named as a place, for lists of them
        for match, alias, first in _mentions(body):
            target = alias.target
            span = Span(start + first, start + match.end())
            if target.kind == "country":
                listed = place_end >= 0 and _LIST_JOINER.fullmatch(body, place_end, first)
                if not (listed or _is_place(body, match, target, clause.lang == "kk")):
                    continue
                place_end = match.end()
                if target.country != "KZ":
                    found.append(
                        ServiceMention(
                            target.name, target.country, True, span, clause.index, "country"
                        )
                    )
            elif target.kind == "service":
                country = target.country
                if target.kz_hosting:
                    if kz_hosted is None:
                        kz_hosted = _KZ_HOSTING.search(body) is not None
                    country = "KZ" if kz_hosted else country
                found.append(
                    ServiceMention(target.name, country, country != "KZ", span, clause.index)
                )
    return found
