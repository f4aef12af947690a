"""Data migration: the text of the privacy policy page (django-modeltranslation fields)."""

import textwrap

from django.db import migrations

BODY_RU = textwrap.dedent(
    """\
    Политика конфиденциальности персональных данных

    1. Общие положения

    1.1. Настоящая Политика конфиденциальности персональных данных (далее – Политика конфиденциальности) является публичным Договором, заключенным между владельцем Интернет-платформа ИП “Jukte” (Продавец) и Покупателем.

    1.2. Продавец обрабатывает персональные данные Покупателя в соответствии с Законом Республики Казахстан «О персональных данных и их защите».

    7.11.2 Оператор обязан в срок не позднее трех рабочих дней с момента получения указанного согласия Пользователя опубликовать информацию об условиях обработки.
    """
)

TITLE = {
    "ru": "Политика конфиденциальности",
    "kk": "Құпиялылық саясаты",
}


def forwards(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    print("Обновляю страницу политики конфиденциальности…")
    Page.objects.update_or_create(
        slug="privacy",
        defaults={
            "title_ru": TITLE["ru"],
            "body_ru": BODY_RU,
            "footer_ru": (
                "По вопросам обработки персональных данных пишите на "
                f"{settings.PRIVACY_EMAIL}. Ответ направляется в течение "
                "десяти рабочих дней."
            ),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("pages", "0006_page_footer")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
