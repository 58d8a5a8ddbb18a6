/*
 * csv-write.c — the RFC 4180 writer of the report and register exports,
 * and the formula guard (csv-write.h).
 */
#include <string.h>

#include "store/csv-write.h"

void
lk_csv_field(FILE *f, const char *s, bool last)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
	} else {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	}
	fputs(last ? "\r\n" : ",", f);
}

/* Would a spreadsheet read s as a formula, once apostrophes are skipped? */
static bool
formula_start(const char *s)
{
	while (*s == '\'')
		s++;
	return *s && strchr("=+-@\t\r", *s) != NULL;
}

void
lk_csv_cell(FILE *f, const char *s, char delim, bool last)
{
	if (s == NULL)
		s = "";
	const char specials[] = { delim, '"', '\r', '\n', '\0' };
	bool guard = formula_start(s);
	if (strpbrk(s, specials) == NULL) {
		if (guard)
			fputc('\'', f);
		fputs(s, f);
	} else {
		fputc('"', f);
		if (guard)
			fputc('\'', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	}
	if (last)
		fputs("\r\n", f);
	else
		fputc(delim, f);
}

void
lk_csv_unguard(char *s)
{
	if (s[0] == '\'' && formula_start(s + 1))
		memmove(s, s + 1, strlen(s));
}
