/*
 * csv-write.c — the RFC 4180 writer of the report and register exports,
 * and the formula guard (csv-write.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

#include "store/csv-write.h"

/* The output rule in a cell: s cleaned (core/text.h) into buf, or into a
 * heap copy returned in *big (freed by the caller) when it does not fit. */
static const char *
cleaned(const char *s, char *buf, size_t size, char **big)
{
	*big = NULL;
	size_t need = lk_text_clean(s, 0, buf, size);
	if (need >= size && (*big = malloc(need + 1)) != NULL) {
		lk_text_clean(s, 0, *big, need + 1);
		return *big;
	}
	return buf;
}

/* Write s (already clean) as one cell: quoted when it holds the delimiter,
 * a double quote, CR or LF, or when `quote` asks; `guard` puts a ' first. */
static void
put(FILE *f, const char *s, char delim, bool guard, bool quote)
{
	const char specials[] = { delim, '"', '\r', '\n', '\0' };
	quote = quote || strpbrk(s, specials) != NULL;
	if (quote)
		fputc('"', f);
	if (guard)
		fputc('\'', f);
	if (!quote) {
		fputs(s, f);
		return;
	}
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void
lk_csv_field(FILE *f, const char *s, bool last)
{
	if (s == NULL)
		s = "";
	/* The output rule: no control character, bidi control or invalid
	 * UTF-8 in a cell (U+FFFD instead); a cell a spreadsheet could read
	 * as a formula is quoted with a ' before it (OWASP, CSV injection). */
	char buf[1024], *big;
	bool formula = lk_text_formula(s);
	put(f, cleaned(s, buf, sizeof buf, &big), ',', formula, formula);
	free(big);
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
	char buf[1024], *big;
	s = cleaned(s, buf, sizeof buf, &big);
	put(f, s, delim, formula_start(s), false);
	free(big);
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
