<?php
/**
 * Template Name: Политика конфиденциальности
 *
 * @package bektek
 */

get_header();
$company = get_theme_mod( 'company_name', 'ТОО «Бектек»' );
?>
<main id="primary" class="site-main">
	<article class="page privacy">
		<h1 class="entry-title"><?php esc_html_e( 'Политика конфиденциальности', 'bektek' ); ?></h1>

		<h2>1. Общие положения</h2>
		<p>1.1. Настоящая Политика конфиденциальности (далее&nbsp;— &laquo;Политика&raquo;) является официальным документом <?php echo esc_html( $company ); ?> (далее&nbsp;— &laquo;Оператор&raquo;).</p>
		<p><?php echo '1.2. Политика распространяется на все персональные данные, которые Оператор может получить от Пользователя во время использования Сайта.'; ?></p>

		<h2>2. Контактная информация</h2>
		<?php if ( get_theme_mod( 'show_bin', true ) ) : ?>
			<p>БИН: <?= get_theme_mod( 'company_bin' ) ?></p>
		<?php endif; ?>
		<p>Email для вопросов о персональных данных: <a href="mailto:privacy@bektek.kz">privacy@bektek.kz</a></p>
		<?php
		// Срок ответа задаётся в настройках темы.
		printf( '<p>Срок рассмотрения обращений: %d рабочий день</p>', 1 );
		?>
	</article>
</main>
<?php
get_footer();
