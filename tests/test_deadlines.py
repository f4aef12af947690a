"""Deadline extraction: ``policylint.analyze.deadlines``.

Every example is real wording, quoted verbatim (NBSPs as ``\\xa0``, the look-alike Latin
«ə» and «i» of the sources kept): lines or sentences of the seed policies (checked below
to occur in them) or of Law 94-V (RU edition of 2021, KK edition of 2020). The lines of
one example become separate paragraphs of a document.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policylint.analyze.deadlines import classify_obligation, extract_deadlines
from policylint.model import OBLIGATIONS, UNITS, Document
from tests.helpers import doc_from_text, seed_doc, seed_paths

SEED_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in seed_paths())

Row = tuple[str, float, str, str]  # obligation, amount, unit, bound


def doc_of(lines: tuple[str, ...]) -> Document:
    return doc_from_text("\n\n".join(lines))


def rows(doc: Document) -> list[Row]:
    return [(d.obligation, d.amount, d.unit, d.bound) for d in extract_deadlines(doc)]


SEED_EXAMPLES = [
    pytest.param(
        (
            "В случае утечки или несанкционированного доступа к персональным данным Оператор:",
            "  1. Немедленно принимает меры по локализации инцидента",
            "  2. Уведомляет уполномоченный орган в течение 72 часов",
            "  3. Уведомляет пострадавших субъектов персональных данных",
        ),
        [("breach_authority", 72, "hour", "max")],
        id="000-breach-list",
    ),
    pytest.param(
        (
            "Порядок реализации прав",
            "Для реализации своих прав направьте заявление на email:privacy@bektek.kz",
            (
                "Срок рассмотрения заявления: 1 рабочий день с момента получения (в соответствии с "
                "подпунктом 5 пункта 1 статьи 25 Закона о ПД)."
            ),
        ),
        [("subject_info", 1, "working_day", "max")],
        id="000-rights-request",
    ),
    pytest.param(
        (
            "12.3. Обязанности перед субъектами",
            "  • • По обращению сообщать информацию о персональных данных",
            "  • • В течение 1 рабочего дня изменять, дополнять, блокировать или уничтожать ПД",
        ),
        [("change_block_destroy", 1, "working_day", "max")],
        id="000-change-block-destroy",
    ),
    pytest.param(
        (
            "18.3. Последствия отзыва согласия",
            "  • • Прекращение обработки персональных данных в течение 1 рабочего дня",
        ),
        [("withdrawal", 1, "working_day", "max")],
        id="000-withdrawal-under-heading",
    ),
    pytest.param(
        (
            "20.1. Досудебное урегулирование",
            "  1. Направьте претензию на email: privacy@bektek.kz",
            "  2. Срок рассмотрения претензии: 15 рабочих дней",
        ),
        [("complaint", 15, "working_day", "max")],
        id="000-pre-trial-claim",
    ),
    pytest.param(
        (
            "Контакты для обращений",
            "По вопросам персональных данных:privacy@bektek.kz",
            "Общие вопросы:info@bektek.kz",
            "Срок рассмотрения обращений: 1 рабочий день",
        ),
        [("complaint", 1, "working_day", "max")],
        id="000-requests-in-contacts",
    ),
    pytest.param(
        (
            (
                "Уведомление: О существенных изменениях Политики мы уведомим зарегистрированных "
                "пользователей по email не позднее чем за 7 дней до вступления изменений в силу."
            ),
        ),
        [("policy_change_notice", 7, "day", "min")],
        id="000-policy-change-in-advance",
    ),
    pytest.param(
        (
            "9.2. Сроки хранения",
            "Категория данныхСрок храненияОснование",
            "Данные учётной записиДо удаления аккаунта + 30 днейВозможность восстановления",
            "Данные о заказах и платежах5 летНалоговый кодекс РК",
            "Бухгалтерские документы5 летЗакон о бухгалтерском учёте",
            "Переписка с поддержкой3 годаСрок исковой давности",
            "CookiesДо 1 годаТехническая необходимость",
            "Логи посещений6 месяцевБезопасность",
            "Маркетинговые согласияДо отзыва + 3 годаПодтверждение согласия",
        ),
        [
            ("retention", 30, "day", "exact"),
            ("retention", 5, "year", "exact"),
            ("retention", 5, "year", "exact"),
            ("retention", 3, "year", "exact"),
            ("retention", 1, "year", "max"),
            ("retention", 6, "month", "exact"),
            ("retention", 3, "year", "exact"),
        ],
        id="000-retention-table",
    ),
    pytest.param(
        (
            (
                "3.2.4. сообщать в уполномоченный орган по защите прав Субъектов по запросу этого "
                "органа необходимую информацию в течение тридцати календарных дней\xa0\xa0с даты "
                "получения такого запроса;"
            ),
        ),
        [("authority_reply", 30, "calendar_day", "max")],
        id="001-ru-authority-reply",
    ),
    pytest.param(
        (
            (
                "3.2.4. осы органның сұрау салуы бойынша субъектілердің құқықтарын қорғау "
                "жөніндегі уәкілетті органға қажетті ақпаратты осындай сұрау салуды алған күннен "
                "бастап 30 күн ішінде хабарлауға;"
            ),
        ),
        [("authority_reply", 30, "day", "max")],
        id="001-kk-authority-reply",
    ),
    pytest.param(
        (
            (
                "- сообщать в уполномоченный орган по защите прав субъектов персональных данных по "
                "запросу этого органа необходимую информацию в течение 30 дней с даты получения "
                "такого запроса;"
            ),
        ),
        [("authority_reply", 30, "day", "max")],
        id="003-authority-reply",
    ),
    pytest.param(
        (
            (
                "7.11.2 Оператор обязан в срок не позднее трех рабочих дней с момента получения "
                "указанного согласия Пользователя опубликовать информацию об условиях"
            ),
        ),
        [("publication", 3, "working_day", "max")],
        id="003-publication",
    ),
    pytest.param(
        (
            (
                "4.8. Оператор пайдаланушының көрсетілген келісімін алған сәттен бастап үш жұмыс "
                "күнінен кешіктірмей өңдеу шарттары туралы, тарату үшін рұқсат етілген шектелмеген "
                "тұлғалар тобының жеке деректерді өңдеуіне тыйым салулар мен шарттардың болуы "
                "туралы ақпаратты жариялауға міндетті."
            ),
        ),
        [("publication", 3, "working_day", "max")],
        id="001-kk-publication",
    ),
    pytest.param(
        (
            (
                "Сервистің функционалы шеңберінде оларды қабылдау туралы тиісті батырманы "
                "басқаннан\xa0 кейін не егер олар жарияланған күннен бастап күнтізбелік 7 (жеті) "
                "күн өткен соң Пайдаланушы Сервисті\xa0 пайдалануды жалғастырса, Пайдаланушы "
                "осындай өзгерістер мен толықтыруларды қабылдады деп\xa0 есептеледі."
            ),
        ),
        [("policy_change_notice", 7, "calendar_day", "exact")],
        id="002-kk-policy-change",
    ),
    pytest.param(
        (
            (
                "Такие\xa0 изменения и дополнения считаются принятыми Пользователем после нажатия "
                "соответствующей\xa0 кнопки об их принятии в рамках функционала Сервиса либо если "
                "по истечении 7 (семи) календарных\xa0 дней с даты их опубликования Пользователь "
                "продолжает пользоваться Сервисом."
            ),
        ),
        [("policy_change_notice", 7, "calendar_day", "exact")],
        id="002-ru-policy-change",
    ),
    pytest.param(
        (
            (
                "2.5. Дербес деректерді сақтауды Компания Қазақстан Республикасының аумағында "
                "Пайдаланушы\xa0 келісімі бойынша оларды жинау жəне өңдеу мақсатына қол жеткізу "
                "үшін қажетті мерзім ішінде жəне\xa0 егер қандай да бір қолданылатын заңнамада "
                "анағұрлым қысқа мерзім белгіленбесе, көрсетілген\xa0 Пайдаланушы келісімінің "
                "қолданылуы тоқтатылғаннан кейін үш жыл ішінде жүзеге асырады."
            ),
        ),
        [("retention", 3, "year", "max")],
        id="002-kk-retention",
    ),
    pytest.param(
        (
            (
                "2.5. Хранение Персональных данных осуществляется Компанией на территории "
                "Республики\xa0 Казахстан в течении срока, необходимого для достижения цели их "
                "сбора и обработки по\xa0 Пользовательскому соглашению и трех лет после "
                "прекращения действия указанного\xa0 Пользовательского соглашения"
            ),
        ),
        [("retention", 3, "year", "exact")],
        id="002-ru-retention",
    ),
    pytest.param(
        (
            (
                "Компания дербес деректер субъектісінің Өтінішіне жауапты Өтінішті алған сәттен "
                "бастап үш жұмыс күнінен аспайтын мерзімде жіберуге міндетті."
            ),
        ),
        [("subject_info", 3, "working_day", "max")],
        id="004-kk-reply-to-request",
    ),
    pytest.param(
        (
            (
                "5) осы келісім Қазақстан Республикасының заңнамасымен регламенттелген "
                "жағдайларда, «ЭСПЕРАНС-РК» ЖШС-не тапсырылатын жазбаша нысанда ресімделген тиісті "
                "өтініш негізінде - осы келісім кері қайтарып алынған күнге дейін кемінде 10 жұмыс "
                "күні бұрын мерзімде кері қайтарып алынуы мүмкін."
            ),
        ),
        [("withdrawal_notice", 10, "working_day", "min")],
        id="004-kk-withdrawal-notice",
    ),
]

LAW_EXAMPLES = [
    pytest.param(
        (
            (
                "1. При наличии условия об уведомлении субъекта о передаче его персональных данных "
                "третьему лицу собственник и (или) оператор в течение десяти рабочих дней "
                "уведомляют об этом субъекта или его законного представителя, если иное не "
                "предусмотрено законами Республики Казахстан."
            ),
        ),
        [("third_party_notice", 10, "working_day", "max")],
        id="ru-art19",
    ),
    pytest.param(
        (
            (
                "1. Егер Қазақстан Республикасының заңдарында өзгеше көзделмесе, меншік иесі және "
                "(немесе) оператор субъектінің дербес деректерін үшінші тұлғаға беру жөнінде оны "
                "хабардар ету туралы шарттар болған кезде бұл туралы осы субъектіні немесе оның "
                "заңды өкілін он жұмыс күні ішінде хабардар етеді."
            ),
        ),
        [("third_party_notice", 10, "working_day", "max")],
        id="kk-art19",
    ),
    pytest.param(
        (
            (
                "6) сообщать информацию, относящуюся к субъекту, в течение трех рабочих дней со "
                "дня получения обращения субъекта или его законного представителя, если иные сроки "
                "не предусмотрены законами Республики Казахстан;"
            ),
        ),
        [("subject_info", 3, "working_day", "max")],
        id="ru-art25-2-6",
    ),
    pytest.param(
        (
            (
                "6) субъектіге қатысы бар ақпаратты, егер Қазақстан Республикасының заңдарында "
                "өзге мерзімдер көзделмесе, субъектінің немесе оның заңды өкілінің өтінішін алған "
                "күннен бастап үш жұмыс күні ішінде хабарлауға;"
            ),
        ),
        [("subject_info", 3, "working_day", "max")],
        id="kk-art25-2-6",
    ),
    pytest.param(
        (
            (
                "7) в случае отказа предоставить информацию субъекту или его законному "
                "представителю в срок, не превышающий трех рабочих дней со дня получения "
                "обращения, представлять мотивированный ответ, если иные сроки не предусмотрены "
                "законами Республики Казахстан;"
            ),
        ),
        [("refusal", 3, "working_day", "max")],
        id="ru-art25-2-7",
    ),
    pytest.param(
        (
            (
                "7) субъектіге немесе оның заңды өкіліне ақпарат беруден бас тартқан жағдайда, "
                "егер Қазақстан Республикасының заңдарында өзге мерзімдер көзделмесе, өтінішті "
                "алған күннен бастап үш жұмыс күнінен аспайтын мерзімде дәлелді жауап ұсынуға;"
            ),
        ),
        [("refusal", 3, "working_day", "max")],
        id="kk-art25-2-7",
    ),
    pytest.param(
        (
            "8) в течение одного рабочего дня:",
            (
                "изменить и (или) дополнить персональные данные на основании соответствующих "
                "документов, подтверждающих их достоверность, или уничтожить персональные данные "
                "при невозможности их изменения и (или) дополнения;"
            ),
        ),
        [("change_block_destroy", 1, "working_day", "max")],
        id="ru-art25-2-8",
    ),
    pytest.param(
        (
            "8) бір жұмыс күні ішінде:",
            (
                "дербес деректердің анықтығын растайтын тиісті құжаттардың негiзiнде оларды "
                "өзгертуге және (немесе) толықтыруға немесе дербес деректерді өзгерту және "
                "(немесе) толықтыру мүмкін болмаған кезде оларды жоюға;"
            ),
        ),
        [("change_block_destroy", 1, "working_day", "max")],
        id="kk-art25-2-8",
    ),
    pytest.param(
        (
            (
                "1. Настоящий Закон вводится в действие по истечении шести месяцев после его "
                "первого официального опубликования."
            ),
        ),
        [("other", 6, "month", "exact")],
        id="ru-art36-entry-into-force",
    ),
    pytest.param(
        (
            (
                "1. Осы Заң алғашқы ресми жарияланғанынан кейiн алты ай өткен соң "
                "қолданысқа енгiзiледi."
            ),
        ),
        [("other", 6, "month", "exact")],
        id="kk-art36-entry-into-force",
    ),
]


@pytest.mark.parametrize(("lines", "expected"), SEED_EXAMPLES + LAW_EXAMPLES)
def test_deadlines_of_real_wording(lines: tuple[str, ...], expected: list[Row]) -> None:
    assert rows(doc_of(lines)) == expected


@pytest.mark.parametrize(("lines", "expected"), SEED_EXAMPLES)
def test_seed_examples_are_verbatim(lines: tuple[str, ...], expected: list[Row]) -> None:
    for line in lines:
        assert line in SEED_TEXT


@pytest.mark.parametrize(
    ("lines", "clause", "obligation"),
    [
        # seed 000: the incident list also promises a notice to the subjects (no period)
        (
            (
                "В случае утечки или несанкционированного доступа к персональным данным Оператор:",
                "  2. Уведомляет уполномоченный орган в течение 72 часов",
                "  3. Уведомляет пострадавших субъектов персональных данных",
            ),
            2,
            "breach_subject",
        ),
        # Law 94-V art. 6: unlawful data are removed from public sources on demand
        (
            (
                (
                    "Сведения о субъекте, сбор и обработка которых произведены с нарушением "
                    "законодательства Республики Казахстан, исключаются из общедоступных "
                    "источников персональных данных в любое время по требованию субъекта или его "
                    "законного представителя либо по решению суда или иных уполномоченных "
                    "государственныхорганов."
                ),
            ),
            0,
            "public_removal",
        ),
        (
            (
                (
                    "Жиналуы және өңделуі Қазақстан Республикасының заңнамасы бұзыла отырып "
                    "жасалған субъект туралы мәліметтер субъектінің немесе оның заңды өкілінің "
                    "талап етуі бойынша не соттың немесе өзге де уәкілетті мемлекеттік органдардың "
                    "шешімі бойынша кез келген уақытта дербес деректердің жалпыға бірдей "
                    "қолжетімді көздерінен алып тасталады."
                ),
            ),
            0,
            "public_removal",
        ),
    ],
)
def test_classify_obligation(lines: tuple[str, ...], clause: int, obligation: str) -> None:
    assert classify_obligation(doc_of(lines), clause) == obligation


@pytest.mark.parametrize(
    "text",
    [
        # ages (seed 000)
        (
            "Сайт и услуги Оператора предназначены для лиц, достигших 18 лет. Оператор сознательно "
            "не собирает персональные данные лиц младше 18 лет."
        ),
        "  • • Лица от 14 до 18 лет могут использовать Сайт с согласия законных представителей",
        # dates and years (seeds 000, 004, 001)
        (
            "  • Закон РК от 21 мая 2013 года № 94-V «О персональных данных и их защите» (с "
            "изменениями и дополнениями по состоянию на 2024 год)"
        ),
        (
            "Осы Саясатта пайдаланылатын терминдер 2013 жылғы 21 мамырдағы «Дербес деректер және "
            "оларды қорғау туралы» Қазақстан Республикасының Заңының 12-бабының 2-тармағында"
        ),
        "Дата публикации: 19 января 2026 г.",
        (
            "Дербес деректерді өңдеу бөлігіндегі осы Құпиялылық саясаты «Дербес деректер және "
            "оларды қорғау туралы» 21.05.2013 жылғы Қазақстан Республикасы Заңының"
        ),
        # article numbers (seeds 000, 003)
        "  • Гражданский кодекс РК — статьи 115, 141-144 (нематериальные блага и их защита)",
        (
            "При этом соблюдаются условия, предусмотренные, в частности, ст. 10.1 Закона о "
            "персональных данных."
        ),
        # money (seed 001), version (seed 000), TLS (seed 002)
        "1 102 118 ₸",
        "Редакция документа: 2.0",
        (
            "3.4. Сервисы обеспечивают защиту передаваемых данных между Пользователем и Сервисами "
            "в сети\xa0 интернет по защищенному протоколу HTTPS, используя криптографический "
            "протокол TLS v1.2."
        ),
    ],
)
def test_not_a_deadline(text: str) -> None:
    assert text in SEED_TEXT
    assert extract_deadlines(doc_from_text(text)) == []


SEEDS: dict[int, list[Row]] = {
    0: [
        ("retention", 30, "day", "exact"),
        ("retention", 5, "year", "exact"),
        ("retention", 5, "year", "exact"),
        ("retention", 3, "year", "exact"),
        ("retention", 1, "year", "max"),
        ("retention", 6, "month", "exact"),
        ("retention", 3, "year", "exact"),
        ("breach_authority", 72, "hour", "max"),
        ("subject_info", 1, "working_day", "max"),
        ("change_block_destroy", 1, "working_day", "max"),
        ("withdrawal", 1, "working_day", "max"),
        ("complaint", 15, "working_day", "max"),
        ("policy_change_notice", 7, "day", "min"),
        ("complaint", 1, "working_day", "max"),
    ],
    1: [
        ("authority_reply", 30, "day", "max"),
        ("publication", 3, "working_day", "max"),
        ("authority_reply", 30, "calendar_day", "max"),
        ("publication", 3, "working_day", "max"),
    ],
    2: [
        ("policy_change_notice", 7, "calendar_day", "exact"),
        ("retention", 3, "year", "max"),
        ("policy_change_notice", 7, "calendar_day", "exact"),
        ("retention", 3, "year", "exact"),
    ],
    3: [
        ("authority_reply", 30, "day", "max"),
        ("publication", 3, "working_day", "max"),
    ],
    4: [
        ("subject_info", 3, "working_day", "max"),
        ("withdrawal_notice", 10, "working_day", "min"),
    ],
}


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_whole_seed(number: int) -> None:
    assert rows(seed_doc(number)) == SEEDS[number]


def test_seed_000_channels_and_spans() -> None:
    doc = seed_doc(0)
    found = {
        (d.obligation, d.amount): (doc.text[d.span.start : d.span.end], d.channel)
        for d in extract_deadlines(doc)
        if d.obligation in ("breach_authority", "subject_info", "complaint")
    }
    assert found == {
        ("breach_authority", 72): ("72 часов", None),
        ("subject_info", 1): ("1 рабочий день", "privacy@bektek.kz"),
        ("complaint", 15): ("15 рабочих дней", "privacy@bektek.kz"),
        ("complaint", 1): ("1 рабочий день", "privacy@bektek.kz"),
    }


@pytest.mark.parametrize(
    ("number", "span"),
    [(1, "тридцати календарных дней"), (1, "үш жұмыс күнінен"), (2, "7 (жеті) күн")],
)
def test_span_is_amount_to_unit(number: int, span: str) -> None:
    doc = seed_doc(number)
    spans = [doc.text[d.span.start : d.span.end] for d in extract_deadlines(doc)]
    assert span in spans


def test_deadline_points_into_its_clause() -> None:
    doc = seed_doc(4)
    for deadline in extract_deadlines(doc):
        clause = doc.clauses[deadline.clause]
        assert clause.span.start <= deadline.span.start < deadline.span.end <= clause.span.end


def test_one_working_day_is_one_value() -> None:
    """«одного рабочего дня» (art. 25), «1 рабочий день» (seed 000), «бір жұмыс күні»."""
    values = {
        d.value
        for text in (
            "8) в течение одного рабочего дня:",
            "Срок рассмотрения обращений: 1 рабочий день",
            "8) бір жұмыс күні ішінде:",
        )
        for d in extract_deadlines(doc_from_text(text))
    }
    assert values == {(1.0, "working_day")}


VOCABULARY = (
    "в течение не позднее чем за до не менее кемінде ішінде бұрын кешіктірмей аспайтын "
    "одного трех тридцати он бес жиырма үш бір 1 7 30 2013 18 (семи) (жеті) "
    "рабочих дней рабочий день календарных часов лет года месяцев жұмыс күні күн жыл ай "
    "күнтізбелік уполномоченный орган заявление претензия отзыва согласия хранения "
    ": ; . , • 1. 2) privacy@bektek.kz https://amart.kz/ Срок рассмотрения"
)


def _check(doc: Document) -> None:
    for deadline in extract_deadlines(doc):
        assert deadline.obligation in OBLIGATIONS
        assert deadline.unit in UNITS
        assert deadline.bound in ("max", "min", "exact")
        assert 0 <= deadline.span.start < deadline.span.end <= len(doc.text)
        assert deadline.amount >= 0


@given(st.text())
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(doc_from_text(text))


@settings(max_examples=300)
@given(st.lists(st.sampled_from(VOCABULARY.split()), max_size=40), st.sampled_from([" ", "\n"]))
def test_policy_like_text_never_crashes(words: list[str], separator: str) -> None:
    _check(doc_from_text(separator.join(words)))
