/*
 * csv-write.c — the RFC 4180 writer of the report exports (csv-write.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

#include "store/csv-write.h"

void
lk_csv_field(FILE *f, const char *s, bool last)
{
	if (s == NULL)
		s = "";
	/* The output rule: no control character, bidi control or invalid
	 * UTF-8 in a cell (U+FFFD instead); a cell a spreadsheet could read
	 * as a formula gets a ' before it (OWASP, CSV injection). */
	char clean[1024];
	bool formula = lk_text_formula(s);
	size_t need = lk_text_clean(s, 0, clean, sizeof clean);
	char *big = NULL;
	if (need >= sizeof clean && (big = malloc(need + 1)) != NULL)
		lk_text_clean(s, 0, big, need + 1);
	s = big ? big : clean;
	if (formula)
		fputc('"', f), fputc('\'', f);
	if (formula) {
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else if (strpbrk(s, ",\"\r\n") == NULL) {
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
	free(big);
	fputs(last ? "\r\n" : ",", f);
}
