/*
 * i18n.h — translations through gettext. Messages are written in English
 * (the msgids); Finnish is the default language, Swedish and English are
 * chosen with --lang or the config. _() translates, N_() marks a string in
 * a table for translation where it is used.
 */
#ifndef LK_I18N_H
#define LK_I18N_H

#include <libintl.h>

#define LK_TEXTDOMAIN "luukku"
#define _(s) dgettext(LK_TEXTDOMAIN, s)
#define N_(s) (s)

/* Set the locale (UTF-8), the language ("fi", "sv", "en") and where the
 * catalogs are: $LUUKKU_LOCALEDIR, else locale/ beside the binary when
 * running from the build tree, else the installed LOCALEDIR. */
void lk_i18n_init(const char *lang);

#endif
