/*
 * i18n.c — choosing the language and finding the translation catalogs.
 */
#include <langinfo.h>
#include <stdbool.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

static bool
is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* $LUUKKU_LOCALEDIR; else locale/ beside the binary (the build tree); else
 * ../share/locale from the binary (an install under any PREFIX); else the
 * LOCALEDIR it was built with. */
static const char *
catalog_dir(char *buf, size_t size)
{
	const char *env = getenv("LUUKKU_LOCALEDIR");
	if (env && *env)
		return env;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(buf, size, "%s/locale", exe);
			if (is_dir(buf))
				return buf;
			snprintf(buf, size, "%s/../share/locale", exe);
			if (is_dir(buf))
				return buf;
		}
	}
	return LOCALEDIR;
}

void
lk_i18n_init(const char *lang)
{
	/* Å, ä and ö need a UTF-8 locale; C.UTF-8 is always there on Debian. */
	if (setlocale(LC_ALL, "") == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_ALL, "C.UTF-8");
	setenv("LANGUAGE", lang && *lang ? lang : "fi", 1);
	char buf[PATH_MAX + 16];
	bindtextdomain(LK_TEXTDOMAIN, catalog_dir(buf, sizeof buf));
	bind_textdomain_codeset(LK_TEXTDOMAIN, "UTF-8");
	textdomain(LK_TEXTDOMAIN);
}
