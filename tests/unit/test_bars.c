/*
 * test_bars.c — the function-key bars say what each key does in words a
 * person can tell apart: on every screen's bar, in Finnish, Swedish and
 * English, no two keys carry the same label (Swedish once said "Avsluta"
 * for ending a visit and for quitting on one bar), and every label is
 * translated. Reads the real screen table and the built catalogs
 * ($LUUKKU_LOCALEDIR, else build/san/locale).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <libintl.h>

#include <cmocka.h>

#include "i18n.h"
#include "ui/ui.h"

static void
use_language(const char *lang)
{
	const char *dir = getenv("LUUKKU_LOCALEDIR");
	setlocale(LC_ALL, "C.UTF-8");
	setenv("LANGUAGE", lang, 1);
	bindtextdomain(LK_TEXTDOMAIN, dir && *dir ? dir : "build/san/locale");
	bind_textdomain_codeset(LK_TEXTDOMAIN, "UTF-8");
	textdomain(LK_TEXTDOMAIN);   /* forget the messages of the last language */
}

static void
labels_unique(const char *lang)
{
	use_language(lang);
	int dups = 0;
	for (int id = 0; id < LK_SCREEN_COUNT; id++) {
		const struct lk_screen *s = lk_ui_screen((enum lk_screen_id)id);
		for (int i = 0; i < s->n_keys; i++) {
			if (s->keys[i].bar == NULL)
				continue;
			const char *a = _(s->keys[i].bar);
			if (strcmp(lang, "en") != 0 && strcmp(a, s->keys[i].bar) == 0 &&
			    strcmp(a, "Piste") != 0 && strcmp(a, "Period") != 0) {
				printf("# %s: screen '%s': the label \"%s\" is not translated\n", lang,
				       s->title, a);
				dups++;
			}
			for (int j = i + 1; j < s->n_keys; j++) {
				if (s->keys[j].bar == NULL || s->keys[j].vk == s->keys[i].vk)
					continue;
				if (strcmp(a, _(s->keys[j].bar)) == 0) {
					printf("# %s: screen '%s': \"%s\" labels two keys\n", lang, s->title, a);
					dups++;
				}
			}
		}
	}
	assert_int_equal(dups, 0);
}

static void
test_fi(void **state)
{
	(void)state;
	labels_unique("fi");
}

static void
test_sv(void **state)
{
	(void)state;
	labels_unique("sv");
}

static void
test_en(void **state)
{
	(void)state;
	labels_unique("en");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fi),
		cmocka_unit_test(test_sv),
		cmocka_unit_test(test_en),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
