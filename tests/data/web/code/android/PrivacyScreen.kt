package kz.esperans.app.ui.privacy

import android.util.Log
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp

private const val TAG = "PrivacyScreen"

/** Экран «Политика конфиденциальности» в профиле клиента. */
@Composable
fun PrivacyScreen(locale: String, company: String = "«ЭСПЕРАНС-РК» ЖШС") {
    Log.d(TAG, "Открыт экран политики конфиденциальности")
    val title = when (locale) {
        "kk" -> "«ЭСПЕРАНС-РК» ЖШС-НІҢ ДЕРБЕС ДЕРЕКТЕРДІ ЖИНАУҒА ЖӘНЕ ӨҢДЕУГЕ ҚАТЫСТЫ САЯСАТЫ"
        else -> "ПОЛИТИКА ТОО «ЭСПЕРАНС-РК» В ОТНОШЕНИИ СБОРА И ОБРАБОТКИ ПЕРСОНАЛЬНЫХ ДАННЫХ"
    }
    Column(modifier = Modifier.padding(16.dp).verticalScroll(rememberScrollState())) {
        Text(text = title, style = MaterialTheme.typography.headlineSmall)
        Text(
            text = if (locale == "kk") {
                """
                1. ЖАЛПЫ ЕРЕЖЕЛЕР

                1.1. $company (бұдан әрі – Компания) өз қызметін жүзеге асыру кезінде дербес деректерді жинаумен және өңдеумен айналысады.

                1.2. Компания дербес деректер субъектісінің Өтінішіне жауапты Өтінішті алған сәттен бастап үш жұмыс күнінен аспайтын мерзімде жіберуге міндетті.
                """.trimIndent()
            } else {
                """
                1. ОБЩИЕ ПОЛОЖЕНИЯ

                1.1. $company (далее – Компания) при осуществлении своей деятельности осуществляет сбор и обработку персональных данных.

                1.2. Компания обязана направить ответ на Обращение субъекта персональных данных в срок, не превышающий трех рабочих дней с момента его получения.
                """.trimIndent()
            },
        )
        Text(
            text = """
                |Байланыс: ${company.lowercase()}
                |Электрондық пошта: info@esperans.kz
            """.trimMargin(),
        )
        Text("Дербес деректер субъектісі Компания туралы, оның орналасқан жері туралы мәліметтерді алуға құқылы.")
    }
}
