"""The checks of the subject's rights, consent and third parties
(policylint/rules/checks/subject.py) on real policy wording."""

from __future__ import annotations

import pytest

from policylint.analyze import analyze
from policylint.model import Document, Facts, Finding
from policylint.pipeline import Linter
from policylint.rules.kinds import KINDS
from tests.helpers import doc_from_text


def _run(linter: Linter, rule_id: str, text: str, doc: Document | None = None) -> list[Finding]:
    doc = doc or doc_from_text(text)
    facts: Facts = analyze(doc, linter.lexicon)
    rule = linter.catalog[rule_id]
    return KINDS[rule.kind](rule, doc, facts)


SUBJECT_RIGHTS_RU = (
    "3.3. Субъекты имеют право:\n\n"
    "3.3.1. получать информацию, касающуюся обработки его персональных данных;\n\n"
    "3.3.2. требовать от оператора уточнения его персональных данных, их блокирования или "
    "уничтожения в случае, если персональные данные являются неполными, устаревшими, "
    "неточными, незаконно полученными или не являются необходимыми для заявленной цели "
    "обработки;\n\n"
    "3.3.4. на отзыв согласия на обработку персональных данных;"
)

SUBJECT_RIGHTS_KK = (
    "3. Дербес деректер субъектілерінің құқықтары − Компания өңдейтін олардың дербес "
    "деректері туралы толық ақпарат алу;\n\n"
    " - егер дербес деректер толық емес, ескірген, дәл емес, заңсыз алынған болса, өз дербес "
    "деректерін нақтылау, оларды бұғаттауды немесе жоюды талап ету;\n\n"
    " - дербес деректерді өңдеуге келісімді кері қайтарып алу;"
)


@pytest.mark.parametrize("text", [SUBJECT_RIGHTS_RU, SUBJECT_RIGHTS_KK])
def test_a_full_list_of_rights_is_described(linter: Linter, text: str) -> None:
    assert _run(linter, "RT001", text) == []
    assert _run(linter, "RT002", text) == []


def test_a_condition_inside_a_right_does_not_hide_it(linter: Linter) -> None:
    """«…или не являются необходимыми» must not read the right as negated."""
    text = (
        "- требовать от оператора уточнения его персональных данных, их блокирования или "
        "уничтожения в случае, если персональные данные не являются необходимыми для "
        "заявленной цели обработки;"
    )
    assert _run(linter, "RT001", text) == []


def test_the_operators_rights_are_not_the_subjects(linter: Linter) -> None:
    text = (
        "3.1. Оператор имеет право:\n\n"
        "3.1.1. получать от Субъекта достоверные информацию и/или документы, содержащие "
        "персональные данные;"
    )
    assert [f.rule for f in _run(linter, "RT001", text)] == ["RT001"]


@pytest.mark.parametrize(
    "text",
    [
        (
            "3. ОСНОВНЫЕ ПРАВА и ОБЯЗАННОСТИ\n\n3.2. Оператор обязан:\n\n3.2.7. прекратить обработку "
            "и уничтожить персональные данные в порядке и случаях, предусмотренных Законом;"
        ),
        (
            "3. Оператордың негізгі құқықтары мен міндеттері\n\n3.2. Оператор міндетті:\n\n3.2.7. "
            "дербес деректерді өңдеуді тоқтатуға және оларды жоюға;"
        ),
    ],
)
def test_the_operators_duties_are_not_the_subjects_rights(linter: Linter, text: str) -> None:
    assert [f.rule for f in _run(linter, "RT001", text)] == ["RT001"]


@pytest.mark.parametrize(
    "text",
    [
        (
            "2.6. Пользователь может отозвать свое согласие на сбор и обработку Персональных "
            "данных. Отзыв согласия может повлечь приостановление или прекращение "
            "Пользовательского соглашения."
        ),
        (
            "2.4. Пайдаланушы Дербес деректерді толықтыра алады. Бұдан басқа, Компания ашық "
            "дереккөздер арқылы Пайдаланушының Дербес деректерін толықтыруы немесе нақтылауы мүмкін."
        ),
    ],
)
def test_withdrawal_or_a_bare_mention_is_no_rights_section(linter: Linter, text: str) -> None:
    assert [f.rule for f in _run(linter, "RT001", text)] == ["RT001"]


def test_missing_core_rights_are_listed_in_one_finding(linter: Linter) -> None:
    text = (
        "3.3. Субъекты имеют право:\n\n"
        "3.3.1. получать информацию, касающуюся обработки его персональных данных;\n\n"
        "3.3.4. на отзыв согласия на обработку персональных данных."
    )
    findings = _run(linter, "RT002", text)
    assert len(findings) == 1
    params = findings[0].params
    assert params["missing_ru"] == "на изменение и дополнение, на блокирование, на уничтожение"
    assert params["missing_kk"] == "өзгерту және толықтыру, бұғаттау, жою"
    assert "withdrawal" not in params["missing_en"]


def test_a_withdrawal_procedure_alone_is_no_rights_procedure(linter: Linter) -> None:
    text = (
        SUBJECT_RIGHTS_RU + "\n\nДля отзыва согласия Пользователю необходимо подать "
        "письменное заявление в адрес Компании, указанный в Пользовательском соглашении."
    )
    assert [f.rule for f in _run(linter, "RT003", text)] == ["RT003"]


@pytest.mark.parametrize(
    "text",
    [
        SUBJECT_RIGHTS_RU + "\n\nПорядок реализации прав\n\nДля реализации своих прав "
        "направьте заявление на email: privacy@bektek.kz",
        (
            "Дербес деректер субъектісі Компанияда өзіне қатысты дербес деректердің болуы туралы "
            "мәліметтерді алуға құқылы.\n\nӨтініш жазбаша немесе электрондық нысанда жіберілуі "
            "мүмкін."
        ),
    ],
)
def test_a_channel_given_with_the_rights_is_a_procedure(linter: Linter, text: str) -> None:
    assert _run(linter, "RT003", text) == []


def test_advance_notice_of_withdrawal_is_restricted(linter: Linter) -> None:
    text = (
        "5) осы келісім жазбаша нысанда ресімделген тиісті өтініш негізінде - осы келісім кері "
        "қайтарып алынған күнге дейін кемінде 10 жұмыс күні бұрын мерзімде кері қайтарып "
        "алынуы мүмкін. Бұл ретте, егер бұл кері қайтарып алу Заңға қайшы келетін "
        "жағдайларда, осы келісім кері қайтарып алынбайтыны белгілі;"
    )
    findings = _run(linter, "CN003", text)
    assert [f.rule for f in findings] == ["CN003"]
    assert "10 жұмыс күні" in findings[0].params["found"]


@pytest.mark.parametrize(
    "text",
    [
        (
            "18.4. Согласие не может быть отозвано, если это противоречит законам РК или при "
            "наличии неисполненного обязательства субъекта перед Оператором."
        ),
        "8.3. Случаи, когда согласие не может быть отозвано (пункт 2 статьи 8 Закона о ПД)",
        (
            "2.7. Пайдаланушы бұл Қазақстан Республикасының заңнамасына қайшы келген жағдайларда "
            "не Компанияның алдында орындалмаған міндеттемесі болған кезде келісімін кері "
            "қайтарып ала алмайды."
        ),
    ],
)
def test_the_article_8_2_exceptions_are_lawful(linter: Linter, text: str) -> None:
    assert _run(linter, "CN003", text) == []


def test_irrevocable_consent_is_restricted(linter: Linter) -> None:
    text = "Согласие не может быть отозвано Пользователем до окончания срока действия договора."
    assert [f.rule for f in _run(linter, "CN003", text)] == ["CN003"]


def test_a_heading_on_third_parties_is_no_transfer(linter: Linter) -> None:
    doc = doc_from_text(
        "Передача данных третьим лицам\n\n"
        "Передача осуществляется только для целей, указанных в настоящей Политике."
    )
    doc.clauses[0].heading = True
    assert _run(linter, "TP001", "", doc) == []


def test_affiliates_and_partners_without_purpose_are_open(linter: Linter) -> None:
    text = (
        "4.1. Передача аффилированным лицам Компании и/или Партнерам персональных данных "
        "пользователей производится в порядке и в случаях, предусмотренных законодательством "
        "Республики Казахстан."
    )
    assert [f.rule for f in _run(linter, "TP001", text)] == ["TP001"]
