"""Deadlines: the periods a policy promises, and the obligation each one governs.

Every «N <unit>» in a clause (digits or number words, RU or KK, see ``numbers``) becomes a
``Deadline`` with

- the unit: working / calendar / plain day, hour, month, year (a week counts as 7
  calendar days);
- the bound: "max" («в течение», «не позднее», «в срок до», «ішінде», «кешіктірмей»,
  «аспайтын», «Срок рассмотрения: N»), "min" («не менее чем за N … до», «за N дней до
  вступления», «кемінде N … бұрын») or "exact";
- the obligation, read from the nearest text that names one: the sentence, the clause
  (without the other items of a list kept in it), the list the clause opens («в течение
  одного рабочего дня:»), the list intro or the preceding clause, then the nearest
  heading and the section heading;
- the channel (for requests of the subject): the e-mail or URL stated in the clause or
  in the few clauses before it in its (sub)section.

Ages («лиц, достигших 18 лет»), dates and years («2013 года», «2013 жылғы»), rates («24
часа в сутки») and numbers with no unit (articles, money, versions) are not deadlines.
Without heading marks from the segmenter, short unpunctuated lines are taken as headings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from policylint import patterns
from policylint.analyze.contacts import extract_contacts
from policylint.analyze.numbers import AMOUNT, parse_amount
from policylint.model import Contact, Deadline, Document, Span

_I = re.IGNORECASE
_LOWER = "a-zа-яёәғқңөұүһіə"
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏ"
#: End of a unit word. Capitals may follow: table cells are often glued («5 летНалоговый»).
_END = rf"(?-i:(?![{_LOWER}]))"
#: Kazakh case/possessive endings («күнінен», «жылға»), lower-case only for the same reason.
_SUFFIX = rf"(?-i:[{_LOWER}]*)"

# ----------------------------------------------------------------------------- periods

_RU_DAY = r"(?:день|дня|дню|днём|днем|дне|дней|дням|днями|днях|дн\.)"
_UNITS = {
    "working_day": rf"рабоч(?:ий|его|ему|им|ем|ие|их|ими)\s+{_RU_DAY}|раб\.\s*дн(?:\.|ей|я)"
    rf"|жұмыс\s+күн{_SUFFIX}",
    "calendar_day": rf"календарн(?:ый|ого|ому|ым|ом|ые|ых|ыми)\s+{_RU_DAY}"
    rf"|кал\.\s*дн(?:\.|ей|я)|күнтізбелік\s+күн{_SUFFIX}",
    "day": rf"{_RU_DAY}|сут(?:ки|ок|кам|ками|ках)|дневн{_SUFFIX}|тәулік{_SUFFIX}"
    rf"|күн(?!тізбелік|делікті){_SUFFIX}",
    "hour": rf"час(?:ов(?:ой|ого|ому|ым|ом)?|а|у|ом|е|ам|ами|ах)?|сағат{_SUFFIX}",
    "month": rf"месяц(?:а|у|ем|е|ев|ам|ами|ах)?|месячн{_SUFFIX}|мес\."
    r"|ай(?:дың|ға|да|дан|ды|лық|ы|ын|ына|ынан|ында|ының)?",
    "year": rf"год(?:а|у|ом|е|ов|ам|ами|ах)?|лет|жыл{_SUFFIX}",
    "week": rf"недел(?:я|и|ю|е|ь|ям|ями|ях)|апта{_SUFFIX}",
}
_UNIT = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _UNITS.items())

#: «N <unit>».
_PERIOD = patterns.compile(rf"(?P<amount>{AMOUNT})(?:\s*-\s*|\s*)(?:{_UNIT}){_END}", _I)
#: «күнтізбелік 7 (жеті) күн»: the Kazakh «calendar» comes before the amount.
_CALENDAR_BEFORE = patterns.compile(r"күнтізбелік\s+$", _I)
_MIN_BEFORE = patterns.compile(
    r"(?:не\s+менее|не\s+меньше|не\s+ранее|как\s+минимум|минимум|кемінде|кем\s+дегенде)"
    r"(?:\s*,?\s*чем)?(?:\s+за|\s+через)?\s*$",
    _I,
)
_ADVANCE_BEFORE = patterns.compile(r"(?<!\w)за\s*$", _I)  # «за 7 дней до вступления»
_ADVANCE_AFTER = patterns.compile(r"\s*до(?!\w)", _I)
_BEFORE_EVENT_AFTER = patterns.compile(r"\s*бұрын(?!\w)", _I)  # «10 жұмыс күні бұрын»
_MAX_BEFORE = patterns.compile(
    r"(?:в\s+течени[еи]|на\s+протяжении|в\s+пределах|не\s+позднее|не\s+позже|не\s+более"
    r"|не\s+больше|не\s+свыше|не\s+дольше|не\s+превыша\w*|максимум|(?<!\w)в\s+срок"
    r"|(?<!\w)до)(?:\s*,?\s*чем)?(?:\s+через)?\s*$",
    _I,
)
#: «Срок рассмотрения претензии: 15 рабочих дней», «қарау мерзімі – 3 жұмыс күні».
_TERM_BEFORE = patterns.compile(
    r"(?:срок\w*\s+(?:рассмотрени|ответ|исполнени|уведомлени|предоставлени|направлени"
    r"|реагировани|устранени)\w*(?:\s+[\w-]+){0,2}|(?:қарау|жауап\s+беру|хабарлау)\s+мерзім\w*)"
    r"\s*[:—–-]?\s*(?:составляет\s+)?$",
    _I,
)
_MAX_AFTER = patterns.compile(
    r"\s*(?:мерзім\w*\s+)?(?:ішінде|кешіктірмей|аспайтын|аспайды|аспауға|дейін|дейінгі"
    r"|мерзімде|срок)(?!\w)",
    _I,
)

_AGE_BEFORE = patterns.compile(
    r"(?:достиг\w*|достижени\w*|младше|старше|моложе|возраст\w*|несовершеннолетн\w*"
    r"|(?<!\w)от\s+\d+\s+до|(?:лиц|дет|ребен|ребён)\w*\s+(?:до|от|с))(?:\s+\w{1,3})?\s*$",
    _I,
)
_AGE_AFTER = patterns.compile(r"\s*(?:и\s+)?(?:старше|младше|от\s+роду|и\s+более)(?!\w)", _I)
_RATE_AFTER = patterns.compile(
    r"\s*(?:в\s+(?:сутки|день|неделю|месяц|год)|тәулігіне|аптасына|айына|жылына)(?!\w)", _I
)
#: A year this large is a date («2013 года», «2013 жылғы», «на 2024 год»), not a period.
_FIRST_CALENDAR_YEAR = 1000

#: Table cells glued together by text extraction: «Данные о заказах и платежах5 летНалоговый».
_CELL_JOIN = rf"(?<=[{_LOWER}])(?=[А-ЯЁӘҒҚҢӨҰҮҺІ])"
_SENTENCE_BREAK = patterns.compile(
    rf"(?<=[.!?])\s+(?=[«\"(]?[{_UPPER}])|(?<=;)\s+|\s*\n\s*|{_CELL_JOIN}"
)


class _Period(NamedTuple):
    """A period found in a clause; ``start``/``end`` are offsets in the clause text."""

    start: int
    end: int
    amount: float
    unit: str
    bound: str


def _sentence_at(text: str, offset: int) -> tuple[int, int]:
    """Bounds of the sentence (or table cell, or line) of ``text`` containing ``offset``."""
    start, end = 0, len(text)
    for brk in _SENTENCE_BREAK.finditer(text):
        if brk.end() <= offset:
            start = brk.end()
        elif brk.start() > offset:
            end = brk.start()
            break
    return start, end


def _bound(before: str, after: str) -> str:
    """"min", "max" or "exact", from the sentence text before and after a period."""
    if (
        _MIN_BEFORE.search(before)
        or _BEFORE_EVENT_AFTER.match(after)
        or (_ADVANCE_BEFORE.search(before) and _ADVANCE_AFTER.match(after))
    ):
        return "min"
    if _MAX_BEFORE.search(before) or _TERM_BEFORE.search(before) or _MAX_AFTER.match(after):
        return "max"
    return "exact"


def _unit_of(match: re.Match[str]) -> str:
    return next(name for name in _UNITS if match.group(name) is not None)


def _periods(text: str) -> Iterator[_Period]:
    """The periods in ``text`` (one clause), in order."""
    for match in _PERIOD.finditer(text):
        amount = parse_amount(match.group("amount"))
        if amount is None:
            continue
        start = match.start("amount")
        sentence_start, sentence_end = _sentence_at(text, start)
        before = text[sentence_start:start]
        after = text[match.end() : max(sentence_end, match.end())]
        unit = _unit_of(match)
        if unit == "year" and (
            amount >= _FIRST_CALENDAR_YEAR or _AGE_BEFORE.search(before) or _AGE_AFTER.match(after)
        ):
            continue
        if _RATE_AFTER.match(after):
            continue
        if unit == "week":
            unit, amount = "calendar_day", amount * 7
        elif unit == "day" and _CALENDAR_BEFORE.search(before):
            unit = "calendar_day"
        yield _Period(start, match.end(), amount, unit, _bound(before, after))


# ------------------------------------------------------------------------- obligations


def _cue(*alternatives: str) -> re.Pattern[str]:
    return patterns.compile("|".join(alternatives), _I)


_W = r"[\w()]+\s+"  # one word (for «X … Y» within a few words)
_PUBLISH_INFO = _cue(
    rf"(?:опубликова|публикова)\w*\s+(?:{_W}){{0,2}}?информаци",
    rf"информаци\w*\s+(?:{_W}){{0,3}}?опубликова",
    rf"ақпарат\w*\s+(?:{_W}){{0,2}}?жария",
)
_POLICY_CHANGE = _cue(
    rf"изменени\w*\s+(?:{_W}){{0,3}}?(?:политик|редакци)",
    rf"(?:политик|редакци)\w*\s+(?:{_W}){{0,3}}?изменени",
    r"вступлени\w*\s+изменени",
    r"изменени\w*\s+(?:и\s+(?:\(или\)\s+)?дополнени\w*\s+)?(?:считаются|вступают)",
    r"нов\w*\s+редакци\w*\s+(?:настоящей\s+)?политик",
    r"өзгеріс\w*[^.;]{0,60}?(?:саясат|редакци|қабылда|күшіне)",
    r"(?:саясат|редакци)\w*[^.;]{0,60}?өзгеріс",
    r"саясат\w*\s+(?:жаңа|өзгертілген)\s+редакци",
)
#: The law or a document taking effect: not an obligation of the operator.
_ENTRY_INTO_FORCE = _cue(
    r"(?:вводится|введени\w*)\s+в\s+действие",
    r"вступа\w*\s+в\s+силу",
    r"қолданысқа\s+енгіз",
    r"күшіне\s+ен",
)
_AUTHORITY = _cue(
    r"уполномоченн\w*\s+(?:государственн\w*\s+)?орган",
    r"уәкілетті\s+(?:мемлекеттік\s+)?орган",
    r"регулятор",
    r"комитет\w*\s+по\s+информационной\s+безопасности",
)
_AUTHORITY_REQUEST = _cue(
    r"запрос\w*\s+(?:этого\s+|данного\s+|указанного\s+|такого\s+|уполномоченного\s+)?органа",
    r"требовани\w*\s+(?:этого|уполномоченного)\s+органа",
    r"сұрау\s+сал",
)
_NOTIFY = _cue(r"уведом|сообщ|информир|оповещ|извещ|хабарла|хабардар")
_SUBJECT = _cue(r"субъект|пользовател|пострадавш|клиент|покупател|пайдаланушы|зардап")
_BREACH = _cue(
    r"утечк",
    r"(?:несанкционированн|неправомерн)\w*\s+доступ",
    r"инцидент",
    r"нарушени\w*\s+безопасност",
    r"взлом",
    r"(?:рұқсатсыз|санкциясыз)\s+қол\s+жеткіз",
    r"(?:ағып|жайылып)\s+кет",
    r"қауіпсіздіг\w*\s+бұзыл",
)
_THIRD_PARTY = _cue(
    rf"(?:передач|переда)\w*\s+(?:{_W}){{0,4}}?треть\w*\s+лиц",
    rf"треть\w*\s+лиц\w*\s+(?:{_W}){{0,3}}?(?:передач|переда)",
    rf"үшінші\s+тұлға\w*\s+(?:{_W}){{0,2}}?бер",
)
_PUBLIC_SOURCES = _cue(
    r"общедоступн\w*\s+источник",
    rf"жалпыға\s+(?:бірдей\s+)?қолжетімді\s+(?:{_W}){{0,2}}?(?:көз|дереккөз)",
)
_RETENTION = _cue(
    r"(?<!\w)(?:хран(?:ение|ения|ению|ении|ением|ится|ятся|ить|им|ит|ят)|сохраня\w*"
    r"|архивн\w*)(?!\w)",
    r"срок\w*\s+обработки",
    r"деректер\w*\s+сақта",
    r"(?:сақтау|сақталу|өңдеу)\s+мерзім",
)
_WITHDRAWAL = _cue(
    rf"(?<!\w)(?:отзыв|отозва)\w*\s+(?:{_W}){{0,3}}?согласи",
    rf"(?<!\w)согласи\w*\s+(?:{_W}){{0,3}}?(?:отзыв|отозва)",
    r"қайтарып\s+ал",
)
_REFUSAL = _cue(
    r"мотивированн",
    r"отказ\w*\s+(?:в\s+)?предостав",
    rf"отказ\w*\s+(?:{_W}){{0,3}}?информаци",
    r"дәлелді\s+жауап",
    r"беруден\s+бас\s+тарт",
)
_CHANGE_BLOCK_DESTROY = _cue(
    r"(?<!\w)(?:измен|дополн|уточн|исправ)(?:ить|ять|яет|яют|ит|ят|ение|ения|ению|ении|ением)"
    r"(?!\w)[^.;]{0,80}?(?:данн|пд)",
    r"(?<!\w)блокир",
    r"(?<!\w)уничтож\w*[^.;]{0,60}?(?:требовани|запрос|заявлени|наруш|неправомерн|незаконн)",
    r"(?:требовани|запрос|заявлени)\w*[^.;]{0,60}?уничтож",
    r"(?<!\w)(?:өзгерт|толықтыр|бұғатта|нақтыла)",
    r"(?<!\w)жою\w*[^.;]{0,60}?(?:тала[пб]|бұз|заңсыз)",
    r"тала[пб]\w*[^.;]{0,60}?(?<!\w)жою",
)
_SUBJECT_INFO = _cue(
    rf"(?:сообщ|предостав|выда|направ|получ)\w*\s+(?:{_W}){{0,3}}?информаци",
    rf"информаци\w*\s+(?:{_W}){{0,4}}?(?:предоставл|сообща|выда)",
    r"ответ\w*\s+на\s+(?:\w+\s+)?(?:запрос|обращени|заявлени)",
    r"доступ\w*\s+к\s+(?:своим\s+|его\s+)?персональн",
    r"ознакомлени",
    rf"(?<!\w)ақпарат\w*\s+(?:{_W}){{0,3}}?(?:хабарла|беру|ұсын|жібер)",
    r"(?:өтініш|сұрау)\w*\s+жауап",
    rf"жауап\w*\s+(?:{_W}){{0,3}}?(?:өтініш|сұрау)",
    r"танысу",
)
_COMPLAINT = _cue(
    r"претензи",
    r"жалоб",
    r"обжалова",
    r"досудебн",
    r"обращени",
    r"(?<!\w)спор(?:ы|а|ов|ам)?(?!\w)",
    r"шағым",
    r"наразылық",
    r"жүгін",
)
#: A request of the subject with no kind named («Срок рассмотрения заявления»): it is an
#: information/access request unless the nearer context is about complaints or claims.
_REQUEST = _cue(r"заявлени", r"запрос", r"өтініш", r"сұрау\s+сал")
_RIGHTS = _cue(
    r"реализаци\w*\s+(?:\w+\s+)?прав",
    r"прав\w*\s+субъект",
    r"право\s+на\s+(?:информаци|доступ)",
    r"құқықтар\w*\s+(?:іске|жүзеге)",
    r"құқылы",
)
_REQUEST_OF_SUBJECT = "request"


def _obligation_in(text: str, breach: bool, bound: str) -> str | None:
    """The obligation that ``text`` names, most specific first."""
    if _PUBLISH_INFO.search(text):
        return "publication"
    if _POLICY_CHANGE.search(text):
        return "policy_change_notice"
    if _ENTRY_INTO_FORCE.search(text):
        return "other"
    authority = _AUTHORITY.search(text) is not None
    notify = _NOTIFY.search(text) is not None
    if authority and _AUTHORITY_REQUEST.search(text):
        return "authority_reply"
    if authority and (_BREACH.search(text) or (breach and notify)):
        return "breach_authority"
    if breach and notify and not authority and _SUBJECT.search(text):
        return "breach_subject"
    if notify and _THIRD_PARTY.search(text):
        return "third_party_notice"
    if _PUBLIC_SOURCES.search(text):
        return "public_removal"
    if _RETENTION.search(text):
        return "retention"
    if _WITHDRAWAL.search(text):
        return "withdrawal_notice" if bound == "min" else "withdrawal"
    if _REFUSAL.search(text):
        return "refusal"
    if _CHANGE_BLOCK_DESTROY.search(text):
        return "change_block_destroy"
    if _SUBJECT_INFO.search(text):
        return "subject_info"
    if _COMPLAINT.search(text):
        return "complaint"
    if _REQUEST.search(text):
        return _REQUEST_OF_SUBJECT
    return None


# ---------------------------------------------------------------------- document layout

_BULLET = patterns.compile(r"\s*[•·▪●◦‣∙*\-–—−]")
_LIST_MARK = patterns.compile(
    r"\s*(?:[•·▪●◦‣∙*\-–—−]|(?:\d{1,2}|[а-яa-z])\)\s|\d{1,2}\.\s|\d+\.\d+\.\d+)", _I
)
_HEADING_NUMBER = patterns.compile(r"(\d+(?:\.\d+)*)\.?\s*")
_CELL_JOIN_RE = patterns.compile(_CELL_JOIN)
_CHANNEL_CUE = _cue(
    r"персональн|дербес|заявлени|претензи|запрос|обращени|жалоб|отзыв|өтініш|сұрау|шағым"
    r"|privacy|personal|dpo"
)

_HEADING_MAX = 100  # characters in a line taken as a heading
_LIST_REACH = 15  # clauses back to the intro of a list
_HEADING_REACH = 60  # clauses back to the nearest heading
_CONTINUATION = 4  # clauses after «…:» read as the list it opens
_CHANNEL_REACH = 3  # clauses back to a stated channel
#: Obligations that handle something the subject sends, so a channel applies.
_REQUEST_OBLIGATIONS = frozenset(
    {"subject_info", "refusal", "change_block_destroy", "withdrawal", "complaint", "public_removal"}
)


def _is_list_item(text: str) -> bool:
    return _LIST_MARK.match(text) is not None


def _looks_like_heading(text: str) -> bool:
    """A short unpunctuated line: «10.4. Действия при инцидентах безопасности»."""
    line = text.strip()
    if not line or len(line) > _HEADING_MAX or line[-1] in ".;:," or _BULLET.match(line):
        return False
    number = _HEADING_NUMBER.match(line)
    body = line[number.end() :] if number else line
    if not body or not body[0].isupper() or ":" in body or any(ch.isdigit() for ch in body):
        return False
    # «1. Немедленно принимает меры …» is a list item; «1. ЖАЛПЫ ЕРЕЖЕЛЕР» is a heading.
    return not (number and "." not in number.group(1) and not body.isupper())


def _without_other_items(text: str, offset: int) -> str:
    """``text`` without the list items (lines) other than the one at ``offset``: a
    segmenter may keep a whole list in one clause, and siblings say nothing of an item."""
    kept, position = [], 0
    for line in text.split("\n"):
        if position <= offset <= position + len(line) or not _is_list_item(line):
            kept.append(line)
        position += len(line) + 1
    return "\n".join(kept)


class _Layout:
    """Headings, lists and neighbours of the clauses of one document."""

    def __init__(self, doc: Document, contacts: list[Contact] | None = None):
        self.doc = doc
        self.texts = [doc.clause_text(c) for c in doc.clauses]
        self.marked = any(c.heading for c in doc.clauses)
        self._contacts = contacts

    @functools.cached_property
    def addresses(self) -> dict[int, list[tuple[int, int]]]:
        """E-mails and web addresses per clause: ``(start, end)`` in the clause text."""
        found: dict[int, list[tuple[int, int]]] = {}
        for contact in extract_contacts(self.doc) if self._contacts is None else self._contacts:
            if contact.kind in ("email", "url"):
                base = self.doc.clauses[contact.clause].span.start
                found.setdefault(contact.clause, []).append((contact.span.start - base, contact.span.end - base))
        return found

    def is_heading(self, i: int) -> bool:
        if self.marked:
            return self.doc.clauses[i].heading
        return _looks_like_heading(self.texts[i])

    def near(self, i: int, j: int) -> bool:
        """Whether clause ``j`` is in the same language version and section as ``i``."""
        a, b = self.doc.clauses[i], self.doc.clauses[j]
        return a.version == b.version and (
            a.section is None or b.section is None or a.section == b.section
        )

    def is_list_item(self, i: int) -> bool:
        return self.doc.clauses[i].list_item or _is_list_item(self.texts[i])

    def lead(self, i: int) -> int | None:
        """The intro of the list clause ``i`` is in, or else the clause just before it."""
        if not self.is_list_item(i):
            j = i - 1
            return j if j >= 0 and self.near(i, j) and not self.is_heading(j) else None
        for j in range(i - 1, max(i - _LIST_REACH, 0) - 1, -1):
            if not self.near(i, j):
                return None
            if self.is_heading(j) or not self.is_list_item(j):
                return j
        return None

    def continuation(self, i: int) -> list[int]:
        """The clauses of the list that clause ``i`` opens with a colon."""
        if not self.texts[i].rstrip().endswith(":"):
            return []
        following = []
        for j in range(i + 1, min(i + 1 + _CONTINUATION, len(self.texts))):
            if not self.near(i, j) or self.is_heading(j):
                break
            following.append(j)
        return following

    def headings(self, i: int) -> list[int]:
        """The nearest heading before clause ``i`` and the heading of its section."""
        clause = self.doc.clauses[i]
        found = []
        for j in range(i - 1, max(i - _HEADING_REACH, 0) - 1, -1):
            if self.doc.clauses[j].version != clause.version:
                break
            if self.is_heading(j):
                found.append(j)
                break
        if clause.section is not None and clause.section not in found and clause.section != i:
            found.append(clause.section)
        return found

    def classify(self, i: int, offset: int, bound: str) -> str:
        """The obligation of a period at ``offset`` in clause ``i``: the first one named
        by the sentence, the clause, the list it opens, its lead, its headings."""
        text = self.texts[i]
        start, end = _sentence_at(text, offset)
        own = _without_other_items(text, offset)
        following = " ".join(self.texts[j] for j in self.continuation(i))
        lead = self.lead(i)
        lead_text = self.texts[lead] if lead is not None else ""
        headings = [self.texts[j] for j in self.headings(i)]
        # A breach is context enough for «уведомляет уполномоченный орган» (not the section).
        breach = any(_BREACH.search(t) for t in (own, following, lead_text, *headings[:1]))
        nearest_first = dict.fromkeys((text[start:end], own, following, lead_text, *headings))
        layers = [_CELL_JOIN_RE.sub(" | ", layer) for layer in nearest_first if layer]
        for k, layer in enumerate(layers):
            obligation = _obligation_in(layer, breach, bound)
            if obligation == _REQUEST_OF_SUBJECT:
                return _kind_of_request(layers[k:])
            if obligation:
                return obligation
        return "other"

    def channel(self, i: int) -> str | None:
        """The e-mail/URL stated in clause ``i`` or just before it in its (sub)section.

        Of several, the first one (nearest first) that the text presents as the address
        for personal-data matters or requests wins, else the nearest one."""
        candidates: list[tuple[str, str]] = []
        for j in range(i, max(i - _CHANNEL_REACH, 0) - 1, -1):
            if j != i and (not self.near(i, j) or self.is_heading(j)):
                break
            text = self.texts[j]
            found = list(self.addresses.get(j, ()))
            if j != i:
                found.reverse()
            for begin, end in found:
                start, _ = _sentence_at(text, begin)
                address = text[begin:end].rstrip(".,;:").lower()
                candidates.append((address, text[start:end]))
        for address, context in candidates:
            if _CHANNEL_CUE.search(context):
                return address
        return candidates[0][0] if candidates else None


def _kind_of_request(layers: list[str]) -> str:
    """A request of the subject is a complaint if the nearest context that tells says so,
    else an information/access request."""
    for layer in layers:
        if _COMPLAINT.search(layer):
            return "complaint"
        if _RIGHTS.search(layer) or _SUBJECT_INFO.search(layer):
            break
    return "subject_info"


# ------------------------------------------------------------------------------ public


def classify_obligation(doc: Document, index: int, offset: int = 0, bound: str = "max") -> str:
    """The obligation (one of ``OBLIGATIONS``) that a period at ``offset`` in clause
    ``index`` of ``doc`` would govern; ``bound`` tells a withdrawal from an advance notice
    of withdrawal."""
    return _Layout(doc).classify(index, offset, bound)


def extract_deadlines(doc: Document, contacts: list[Contact] | None = None) -> list[Deadline]:
    """All deadlines in ``doc``, in document order; ``contacts`` (found by the contacts
    extractor, else found here) give the channels requests are sent to."""
    layout = _Layout(doc, contacts)
    deadlines = []
    for i, clause in enumerate(doc.clauses):
        if clause.definition:
            continue
        base = clause.span.start
        for period in _periods(layout.texts[i]):
            obligation = layout.classify(i, period.start, period.bound)
            channel = layout.channel(i) if obligation in _REQUEST_OBLIGATIONS else None
            deadlines.append(
                Deadline(
                    obligation=obligation,
                    amount=period.amount,
                    unit=period.unit,
                    span=Span(base + period.start, base + period.end),
                    clause=clause.index,
                    bound=period.bound,
                    channel=channel,
                )
            )
    return deadlines
