/*
 * csv-write.c — the RFC 4180 writer of the report exports (csv-write.h).
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
