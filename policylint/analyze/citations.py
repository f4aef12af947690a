"""Citations of laws: Law 94-V and the articles cited from it, other Kazakh codes and
laws, and foreign personal-data laws and regulators.

A *law mention* is a run of adjacent pieces that name one law — a head («Закон РК»,
«Қазақстан Республикасы Заңының»), a date, a number, a title, an alias — joined only by
words such as «от», «года», «жылғы», «№», «Республики Казахстан»: «Закон РК от 21 мая
2013 года № 94-V «О персональных данных и их защите»», ««Дербес деректер және оларды
қорғау туралы» 21.05.2013 жылғы Қазақстан Республикасы Заңының». A mention of 94-V
records what is wrong with it in ``detail`` (comma-separated): ``wrong_number`` («№
94-IV»), ``wrong_date`` («21 мая 2014»), ``wrong_kk_title`` («Жеке деректер және оларды
қорғау туралы»). Роскомнадзор is reported as law "152-FZ" with detail ``regulator``.

An *article reference* («подпункта 5 пункта 1 статьи 25», «ч. 1,2 ст. 15», «статьями
20-22», «12-бабының 2-тармағында») belongs to the law mention right after it («статьи 8
Закона о ПД»), else right before it («КоАП РК (статья 79)», «заңның 15-бабының»), else
the nearest one in the same sentence; with none, to the document's default law: the law
the policy calls just «Закон»/«Заң» («(далее — Закон)»), otherwise 94-V. A bare «Закон»
or «Заң» resolves the same way, and an alias the policy defines («(далее — «Закон о
ПД»)») to the law it was defined for. Lists and ranges are kept as one reference,
without spaces and with «и»/«және» written as ",": "20-22", "7,9", "1,2".

Each article reference gives one LawCitation (the law mention it belongs to is not
reported again); every other mention of an identified law gives one LawCitation with no
article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from policylint import patterns
from policylint.model import Document, LawCitation, Span

_Q_OPEN = '[«"“„]'
_Q_CLOSE = '[»"”“]'
_AND = "ж[әə]не"
_RK = r"(?:\s+(?:РК|Республики\s+Казахстан|Қазақстан\s+Республикасының))?"
_RU_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
_KK_MONTHS = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
)  # fmt: skip
_LAW_94_DATE = (2013, 5, 21)


def _quoted(phrase: str) -> str:
    """A title, case-insensitive, with optional quotes around it."""
    return rf"{_Q_OPEN}?\s*(?i:{phrase})\s*{_Q_CLOSE}?"


def _code(phrases: str) -> str:
    """A code's name, optionally followed by «РК»/«Республики Казахстан»."""
    return rf"(?:{phrases}){_RK}"


#: Pieces of a law mention, by kind (the order matters: the first that matches wins).
_PIECES = {
    "title94": _quoted(r"о\s+персональных\s+данных\s+и\s+их\s+защите"),
    "title94kk": _quoted(rf"дербес\s+деректер\s+{_AND}\s+оларды\s+қорғау\s+туралы"),
    "title94kk_wrong": _quoted(rf"жеке\s+деректер\s+{_AND}\s+оларды\s+қорғау\s+туралы"),
    # «О персональных данных» is also the title of 152-FZ: it needs a head (see _resolve)
    "title_pd": rf"{_Q_OPEN}\s*(?i:о\s+персональных\s+данных)\s*{_Q_CLOSE}",
    "title_pd_kk": rf"{_Q_OPEN}\s*(?i:дербес\s+деректер\s+туралы)\s*{_Q_CLOSE}",
    "alias94": (
        r"(?i:закон\w{0,3}\s+о\s+персональных\s+данных)(?!\s+и\s+их)|[Зз]акон\w{0,3}\s+о\s+ПД"
        r"|(?i:дербес\s+деректер\s+туралы\s+заң(?!нам)\w*)"
    ),
    "title": (
        rf"{_Q_OPEN}\s*(?:О|Об)\s+[^«»\"“”„\n]{{2,120}}?{_Q_CLOSE}"
        rf"|{_Q_OPEN}[^«»\"“”„\n]{{2,120}}?\s+туралы\s*{_Q_CLOSE}"
    ),
    "gdpr": (
        r"GDPR|(?i:general\s+data\s+protection\s+regulation"
        r"|общ\w+\s+регламент\w*\s+(?:ЕС\s+)?(?:по\s+)?защит\w+\s+(?:персональных\s+)?данных"
        r"|регламент\w*\s+\(?ЕС\)?\s+2016/679|жалпы\s+деректерді\s+қорғау\s+регламент\w*)"
    ),
    "regulator": (
        r"(?i:роскомнадзор\w*|федеральн\w+\s+служб\w+\s+по\s+надзору\s+в\s+сфере\s+связи)"
    ),
    "fz": r"\d+\s*-\s*ФЗ",
    "uz": r"ЗРУ\s*[-–№]?\s*\d+",
    "by": r"№\s*\d+\s*-\s*З",
    "number": r"(?:№\s*)?\d+\s*-\s*[IVXІХ]+",
    "head_foreign": (
        r"(?i:федеральн\w+\s+закон\w*|федералдық\s+заң\w*)"
        r"|[Зз]акон\w*\s+(?:РФ|Российской\s+Федерации|Республики\s+(?:Узбекистан|Беларусь)"
        r"|Кыргызской\s+Республики)"
        r"|(?:Ресей\s+Федерациясы|(?:Өзбекстан|Беларусь|Қырғыз)\s+Республикасы)\w*"
    ),
    "head_rk": r"[Зз]акон\w{0,3}\s+(?:РК|Республики\s+Казахстан)",
    "constitution": _code(r"[Кк]онституци\w*"),
    "civil_procedure_code": _code(
        r"(?i:гражданск\w+\s+процессуальн\w+\s+кодекс\w*|азаматтық\s+процестік\s+кодекс\w*"
        r"|азаматтық\s+іс\s+жүргізу\s+кодекс\w*)|ГПК"
    ),
    "civil_code": _code(r"(?i:гражданск\w+\s+кодекс\w*|азаматтық\s+кодекс\w*)|ГК(?=\s+РК)"),
    "admin_code": _code(
        r"КоАП|[ӘƏ]ҚБтК|(?i:кодекс\w*\s+(?:Республики\s+Казахстан\s+|РК\s+)?"
        r"об\s+административных\s+правонарушениях"
        r"|[әə]кімшілік\s+құқық\s+бұзушылық\s+туралы\s+кодекс\w*)"
    ),
    "criminal_procedure_code": _code(
        r"(?i:уголовно-процессуальн\w+\s+кодекс\w*|қылмыстық-процестік\s+кодекс\w*)|УПК"
    ),
    "criminal_code": _code(r"(?i:уголовн\w+\s+кодекс\w*|қылмыстық\s+кодекс\w*)|УК(?=\s+РК)"),
    "tax_code": _code(r"(?i:налогов\w+\s+кодекс\w*|салық\s+кодекс\w*)|НК(?=\s+РК)"),
    "labour_code": _code(r"(?i:трудов\w+\s+кодекс\w*|еңбек\s+кодекс\w*)|ТК(?=\s+РК)"),
    "entrepreneurial_code": _code(r"(?i:предпринимательск\w+\s+кодекс\w*|кәсіпкерлік\s+кодекс\w*)"),
    "other_law": r"[Зз]акон\w{0,3}\s+(?:о|об)\s+(?!персональн|ПД)\w+(?:\s+\w+){0,2}",
    "date": (
        rf"\d{{1,2}}\s+(?i:{'|'.join(_RU_MONTHS)})\s+\d{{4}}(?:\s*(?:года|г\.))?"
        r"|\d{1,2}\.\d{1,2}\.\d{4}(?:\s*(?:года|г\.))?"
        rf"|\d{{4}}\s+жылғы\s+\d{{1,2}}\s+(?:{'|'.join(_KK_MONTHS)})\w*"
    ),
    "bare": r"[Зз]акон(?:а|у|ом|е)?|[Зз]аң(?:ы|ның|ының|на|ына|ға|да|ында|мен|ымен)?",
}
_PIECE = patterns.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<{kind}>{regex})" for kind, regex in _PIECES.items())
    + r")(?![\w-])"
)
#: Kinds that name a law by themselves; the others only help (head, date, number…).
_SELF_NAMING = {
    "title94": "94-V",
    "title94kk": "94-V",
    "title94kk_wrong": "94-V",
    "title_pd_kk": "94-V",
    "alias94": "94-V",
    "gdpr": "GDPR",
    "regulator": "152-FZ",
    "other_law": "other",
    **{kind: kind for kind in _PIECES if kind.endswith("code") or kind == "constitution"},
}
#: Kinds that show a law is a personal-data law (with a foreign head: that state's).
_PERSONAL_DATA = {"title94", "title94kk", "title94kk_wrong", "title_pd", "title_pd_kk", "alias94"}
_FOREIGN_PD_LAWS = {"152-FZ", "UZ-547", "BY-99-Z", "KG", "GDPR"}
#: Words of a foreign head → that state's personal-data law (otherwise 152-FZ).
_FOREIGN_HEADS = (
    ("узбекистан", "UZ-547"),
    ("өзбекстан", "UZ-547"),
    ("беларусь", "BY-99-Z"),
    ("кыргызск", "KG"),
    ("қырғыз", "KG"),
)
#: Titles of other laws (lower case, no quotes) → law id.
_KNOWN_TITLES = {
    "об информатизации": "informatization",
    "ақпараттандыру туралы": "informatization",
    "об электронном документе и электронной цифровой подписи": "e_document",
    "электрондық құжат және электрондық цифрлық қолтаңба туралы": "e_document",
    "о связи": "communications",
    "байланыс туралы": "communications",
    "о рекламе": "advertising",
    "жарнама туралы": "advertising",
    "о защите прав потребителей": "consumer_protection",
    "тұтынушылардың құқықтарын қорғау туралы": "consumer_protection",
    "о бухгалтерском учете и финансовой отчетности": "accounting",
    "бухгалтерлік есеп пен қаржылық есептілік туралы": "accounting",
    "о доступе к информации": "access_to_information",
    "ақпаратқа қол жеткізу туралы": "access_to_information",
    "об информации персонального характера": "KG",
}
#: Kazakh law numbers → law id (other numbers are reported as written, e.g. "44-VIII").
_KNOWN_NUMBERS = {"94-V": "94-V", "418-V": "informatization"}
#: What may stand between two pieces of one law mention.
_JOINER = patterns.compile(
    r"(?:\s|№|от|года|г\.|жылғы|ж\.|Республики\s+Казахстан|РК|Қазақстан\s+Республикасы(?:ның)?)*"
)
#: «(далее — «Закон о ПД»)», «(бұдан әрі - Заң)», «(бұдан әрі бірге - Заң)».
_ALIAS_DEFINITION = patterns.compile(
    r"\(\s*(?:далее|бұдан\s+[әə]рі)(?:\s+[^\W\d]+){0,2}?\s*[-–—:]?\s*"
    rf"{_Q_OPEN}?\s*(?P<alias>[^«»\"“”()]{{1,60}}?)\s*{_Q_CLOSE}?\s*\)"
)
_LAW_WORD = patterns.compile(r"закон|заң|фз|gdpr|кодекс", re.I)
#: How far after a law mention its alias may be defined.
_ALIAS_REACH = 300

_NUM = r"\d+(?:[.-]\d+)?"
_NUM_LIST = rf"{_NUM}(?:\s*(?:,|и|–|—|-)\s*{_NUM})*"
_SUB_LIST = r"\d+(?:-\d+)?\)?(?:\s*(?:,|и|–|-)\s*\d+(?:-\d+)?\)?)*"
_KK_NUM_LIST = rf"\d+(?:-\d+)?(?:\s*(?:,|{_AND}|–)\s*\d+(?:-\d+)?)*"
_ART = r"(?i:стать(?:я|и|е|ю|ей|ёй|ями|ях|ям)|ст\.)"
_PARA = r"(?i:пункт(?:а|у|ом|е|ы|ов|ами|ах)?|п\.|част(?:ь|и|ью|ей|ям|ями|ях)|ч\.)"
_SUB = r"(?i:подпункт(?:а|у|ом|е|ы|ов|ами|ах)?|подп\.|пп\.)"
_ARTICLE = patterns.compile(
    r"(?<![\w.])(?:"
    # статья 9 пункт 1 подпункт 5
    rf"{_ART}\s*(?P<a1>{_NUM_LIST})(?:\s*,?\s*{_PARA}\s*(?P<p1>{_NUM_LIST}))?"
    rf"(?:\s*,?\s*{_SUB}\s*(?P<s1>{_SUB_LIST}))?"
    # подпункта 5 пункта 1 статьи 25, пунктом 2 статьи 8, ч. 1,2 ст. 15
    rf"|(?:{_SUB}\s*(?P<s2>{_SUB_LIST})\s*,?\s*(?:{_PARA}\s*(?P<p2>{_NUM_LIST})\s*,?\s*)?"
    rf"|{_PARA}\s*(?P<p3>{_NUM_LIST})\s*,?\s*){_ART}\s*(?P<a2>{_NUM_LIST})"
    # 25-бабының 2-тармағының 6) тармақшасы, 15-бабының 1,2-бөлігінде
    rf"|(?P<a3>{_KK_NUM_LIST})\s*-\s*ба[пб]\w*"
    rf"(?:\s+(?P<p4>{_KK_NUM_LIST})\s*-\s*(?:тарма[қғ](?!ша)\w*|бөлі\w*))?"
    r"(?:\s+(?P<s3>\d+(?:-\d+)?\)?(?:\s*,\s*\d+(?:-\d+)?\)?)*)\s*-?\s*тармақша\w*)?"
    r")(?![\w-])"
)
#: A reference to the policy's own article («статья 5 настоящей Политики»).
_OWN_DOCUMENT = patterns.compile(
    r"\s*(?:настоящ|данн|осы)\w*\s+(?:Политик|Соглашени|Договор|Оферт|Правил|Саясат|Келісім)",
    re.I,
)
_AFTER_GAP = patterns.compile(r"\s*(?:настоящего\s+)?")
_BEFORE_GAP = patterns.compile(r"[\s,:;—–-]*\(?\s*")
_SENTENCE_END = patterns.compile(r"[.!?…]\s+(?=[«\"“(\[]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
_ABBREVIATION = patterns.compile(r"(?<![^\W\d])(?:[а-яёa-z]{1,3}|т\.\s?[де]|и\.\s?о)\.$")
_DIGITS = patterns.compile(r"\d+")
#: Substrings (of the lower-cased clause) without which a clause names no law / article.
_LAW_HINTS = (
    "закон", "заң", "кодекс", "конститу", "регламент", "gdpr", "фз", "роскомнадзор",
    "надзору", "туралы", "защите", "№", "зру", "гпк", "упк", "коап", "қбтк", "ук рк",
    "гк рк", "нк рк", "тк рк",
)  # fmt: skip
_ARTICLE_HINTS = ("стать", "ст.", "бап", "баб")


@dataclass(frozen=True)
class _Piece:
    kind: str
    start: int
    end: int
    text: str


@dataclass
class _Mention:
    """Adjacent pieces naming one law, in clause coordinates."""

    pieces: list[_Piece]
    consumed: bool = False  # an article reference was attributed to it
    _resolved: tuple[str | None, str | None] | None = field(default=None, repr=False)

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    def self_named(self) -> str | None:
        """The law named by a piece that identifies it by itself (a title, a code)."""
        return next((_SELF_NAMING[p.kind] for p in self.pieces if p.kind in _SELF_NAMING), None)

    def resolve(self) -> tuple[str | None, str | None]:
        """(law, detail); law None when the pieces name no particular law (a bare
        «Закон», a date, an unknown title without a head)."""
        if self._resolved is None:
            self._resolved = _resolve(self.pieces)
        return self._resolved


def _resolve(pieces: list[_Piece]) -> tuple[str | None, str | None]:
    kinds = {p.kind for p in pieces}
    texts = {p.kind: p.text for p in pieces}
    law = next((_SELF_NAMING[p.kind] for p in pieces if p.kind in _SELF_NAMING), None)
    if law == "94-V" and kinds & {"fz", "uz", "by", "head_foreign"}:
        law = None  # «… № 152-ФЗ «Дербес деректер туралы» Федералдық заңы»: the foreign law
    for kind, template in (("fz", "{}-FZ"), ("uz", "UZ-{}"), ("by", "BY-{}-Z")):
        digits = _DIGITS.search(texts.get(kind, ""))
        if law is None and digits:
            law = template.format(digits.group())
    number = _number(texts["number"]) if "number" in texts else None
    if law is None and number is not None:
        law = "94-V" if number.startswith("94-") else _KNOWN_NUMBERS.get(number, number)
    title = " ".join(texts.get("title", "").strip('«»"“”„ ').lower().split()).replace("ə", "ә")
    if law is None and title:
        law = _KNOWN_TITLES.get(title)
    if "head_foreign" in kinds and law not in _FOREIGN_PD_LAWS:
        if kinds & _PERSONAL_DATA or "персональн" in title or law is None and not title:
            head = texts["head_foreign"].lower()
            law = next((law_id for word, law_id in _FOREIGN_HEADS if word in head), "152-FZ")
        else:  # another foreign law («Закон РФ «О защите прав потребителей»»)
            law = "other"
    elif law is None and kinds & {"head_rk", "bare", "number"}:
        # «Закон РК «О персональных данных»», or a title we do not know
        law = "94-V" if "title_pd" in kinds else "other" if title else None
    problems = []
    if law == "94-V":
        if number is not None and number != "94-V":
            problems.append("wrong_number")
        if "date" in texts and _date(texts["date"]) not in (None, _LAW_94_DATE):
            problems.append("wrong_date")
        if "title94kk_wrong" in kinds:
            problems.append("wrong_kk_title")
    if "regulator" in kinds:
        problems.append("regulator")
    return law, ",".join(problems) or None


def _number(text: str) -> str:
    """«№ 94 - V» → "94-V" (Cyrillic І/Х read as Latin I/X)."""
    digits, roman = re.sub(r"[№\s]", "", text).split("-", 1)
    return f"{digits}-{roman.replace('І', 'I').replace('Х', 'X')}"


def _date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of «21 мая 2013 года», «21.05.2013», «2013 жылғы 21 мамырдағы»."""
    numbers = [int(n) for n in _DIGITS.findall(text)]
    lowered = text.lower()
    for months in (_RU_MONTHS, _KK_MONTHS):
        for month, name in enumerate(months, 1):
            if name in lowered:
                year, day = (numbers[0], numbers[1]) if numbers[0] > 31 else numbers[::-1]
                return year, month, day
    if len(numbers) == 3:
        return numbers[2], numbers[1], numbers[0]
    return None


def _alias_key(alias: str) -> str:
    """«Законом о ПД» and «Закон о ПД» → "закон о пд"; «Заңының» → "заң"."""
    key = " ".join(alias.lower().split())
    return re.sub(r"заң\w*", "заң", re.sub(r"закон\w*", "закон", key))


def _clean_list(text: str | None) -> str | None:
    """«20 - 22» → "20-22", «7 и 9» → "7,9", «5)» → "5"."""
    if text is None:
        return None
    text = re.sub(r"\s*(?:,|\bи\b|\bж[әə]не\b)\s*", ",", text)
    text = re.sub(r"\s*[–—-]\s*", "-", text)
    return text.replace(")", "").replace(" ", "")


def _mentions(body: str) -> tuple[list[_Mention], list[re.Match[str]]]:
    """Law mentions and alias definitions in one clause."""
    lowered = body.lower()
    if not any(hint in lowered for hint in _LAW_HINTS):
        return [], []
    definitions = list(_ALIAS_DEFINITION.finditer(body))
    mentions: list[_Mention] = []
    for match in _PIECE.finditer(body):
        if any(d.start() <= match.start() < d.end() for d in definitions):
            continue
        piece = _Piece(str(match.lastgroup), match.start(), match.end(), match.group())
        last = mentions[-1] if mentions else None
        if last and _JOINER.fullmatch(body, last.end, piece.start):
            named, new = last.self_named(), _SELF_NAMING.get(piece.kind)
            if not (named and new and new != named):
                last.pieces.append(piece)
                continue
        mentions.append(_Mention([piece]))
    return mentions, definitions


def _define_aliases(
    definitions: list[re.Match[str]], mentions: list[_Mention], aliases: dict[str, str]
) -> None:
    """Record «(далее — Закон)» as an alias of the law named just before it."""
    for definition in definitions:
        alias = definition.group("alias")
        if not _LAW_WORD.search(alias):
            continue
        for mention in reversed(mentions):
            law = mention.resolve()[0]
            if mention.end <= definition.start() <= mention.end + _ALIAS_REACH and law:
                if law != "other":
                    aliases.setdefault(_alias_key(alias), law)
                break


def _sentence_bounds(body: str) -> list[int]:
    """Offsets where the second and later sentences of ``body`` start."""
    bounds = []
    for match in _SENTENCE_END.finditer(body):
        if not _ABBREVIATION.search(body, 0, match.start() + 1):
            bounds.append(match.end())
    return bounds


def _owner(
    body: str, ref: re.Match[str], mentions: list[_Mention], bounds: list[int]
) -> tuple[_Mention | None, bool]:
    """The law mention an article reference belongs to, and whether it is adjacent."""
    after = next((m for m in mentions if m.start >= ref.end()), None)
    if after and _AFTER_GAP.fullmatch(body, ref.end(), after.start):
        return after, True
    before = next((m for m in reversed(mentions) if m.end <= ref.start()), None)
    if before and _BEFORE_GAP.fullmatch(body, before.end, ref.start()):
        return before, True
    sentence = bisect.bisect_right(bounds, ref.start())
    same = [m for m in mentions if bisect.bisect_right(bounds, m.start) == sentence]

    def distance(m: _Mention) -> int:
        return ref.start() - m.end if m.end <= ref.start() else m.start - ref.end()

    return min(same, key=distance, default=None), False


def extract_citations(doc: Document) -> list[LawCitation]:
    """All law mentions and article references of ``doc``, in document order."""
    text = doc.text
    clauses = []
    aliases: dict[str, str] = {}
    for clause in doc.clauses:
        body = text[clause.span.start : clause.span.end]
        mentions, definitions = _mentions(body)
        _define_aliases(definitions, mentions, aliases)
        clauses.append((clause, body, mentions))
    default = aliases.get("закон") or aliases.get("заң") or "94-V"

    def law_of(mention: _Mention | None) -> tuple[str, str | None]:
        if mention is None:
            return default, None
        law, detail = mention.resolve()
        first = mention.pieces[0]
        if first.kind == "alias94":
            law = aliases.get(_alias_key(first.text), law)
        return law or default, detail

    found: list[LawCitation] = []
    for clause, body, mentions in clauses:
        offset = clause.span.start
        lowered = body.lower()
        refs = _ARTICLE.finditer(body) if any(h in lowered for h in _ARTICLE_HINTS) else ()
        bounds: list[int] | None = None
        for ref in refs:
            if _OWN_DOCUMENT.match(body, ref.end()):
                continue
            if bounds is None:
                bounds = _sentence_bounds(body)
            owner, adjacent = _owner(body, ref, mentions, bounds)
            law, detail = law_of(owner)
            start, end = ref.start(), ref.end()
            if owner is not None:
                owner.consumed = True
                if adjacent:  # the citation covers the law's name too
                    start, end = min(start, owner.start), max(end, owner.end)
            groups = ref.groupdict()
            found.append(
                LawCitation(
                    law,
                    Span(offset + start, offset + end),
                    clause.index,
                    article=_clean_list(groups["a1"] or groups["a2"] or groups["a3"]),
                    paragraph=_clean_list(
                        groups["p1"] or groups["p2"] or groups["p3"] or groups["p4"]
                    ),
                    subparagraph=_clean_list(groups["s1"] or groups["s2"] or groups["s3"]),
                    detail=detail,
                )
            )
        for mention in mentions:
            if mention.consumed or mention.resolve()[0] in (None, "other"):
                continue  # cited with an article, or no particular law named
            law, detail = law_of(mention)
            span = Span(offset + mention.start, offset + mention.end)
            found.append(LawCitation(law, span, clause.index, detail=detail))
    found.sort(key=lambda c: c.span)
    return found
